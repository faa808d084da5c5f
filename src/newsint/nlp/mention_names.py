"""What a mention names: the person or organisation a source phrase is, its head noun, and the
keys mentions are compared by. Plain functions over a parsed ``Doc`` and character offsets, used
by :mod:`newsint.nlp.speakers` to resolve mentions to speakers."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from newsint.models import Span
from newsint.nlp import entities as doc_entities
from newsint.nlp import text_of
from newsint.nlp.source_words import APOSTROPHES, ROLE_WORDS, STRIP_DET, TITLE_WORDS
from newsint.nlp.speaker_class import _common_word, _speaker_table


def org_key(name: str) -> str:
    return re.sub(r"['’]s$|\W+", "", STRIP_DET.sub("", name).lower())


def indefinite(lower: str) -> bool:
    return lower.startswith(("a ", "an ", "one ", "some ", "several ", "many ", "two ", "three "))


def named_in_full(doc: Doc, text: str, start: int) -> str | None:
    """ "Young said ..." when "retired aerospace executive Tom Young" is named elsewhere but is
    not yet a source: the longest person name in the document that ends with this one word."""
    bare = person_name(STRIP_DET.sub("", text).strip(" ,"))  # "Cllr Jones" -> "Jones"
    if re.fullmatch(r"[A-Z][\w'-]+(?: [A-Z][\w'-]+){1,2}", bare):
        return _longer_name(doc, bare)  # "Murillo Karam" (NER: ORG) after "Jesus Murillo Karam"
    if not re.fullmatch(r"[A-Z][\w'-]+", bare):
        return None
    token = doc.char_span(start, start + len(text), alignment_mode="expand")
    if token is None or _common_word(token[0]):
        return None
    names = [
        person_name(ent.text)
        for ent in doc_entities(doc)
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text.translate(APOSTROPHES) == bare
    ]
    return max(names, key=len) if names else None


def _longer_name(doc: Doc, bare: str) -> str | None:
    """The one person named in full elsewhere whose name ends with the words ``bare``."""
    names = {
        person_name(ent.text)
        for ent in doc_entities(doc)
        if ent.label_ == "PERSON" and person_name(ent.text).endswith(" " + bare)
    }
    return names.pop() if len(names) == 1 else None


def same_number_head(a: str, b: str) -> bool:
    return bool(a) and (a.rstrip("s") == b.rstrip("s"))


def norm_span(text: str, span: Span) -> str:
    return re.sub(r"\W+", " ", text[span[0] : span[1]].lower()).strip()


def is_whole(org: str | None, text: str) -> bool:
    """The phrase is the name, or the name after lower-case words that only say what it is
    ("local television station KHOU-TV", "the city of Phoenix")."""
    if not org:
        return False
    rest = STRIP_DET.sub("", text.translate(APOSTROPHES)).strip(" ,")
    rest = re.sub(r"'s$", "", rest)
    name = STRIP_DET.sub("", org.translate(APOSTROPHES))
    if rest.lower() == name.lower():
        return True
    if not rest.endswith(name) or rest == name:
        return False
    before = rest[: len(rest) - len(name)].split()
    before = [before[0].lower(), *before[1:]] if before else before  # "Local television ..."
    if not all(w.islower() for w in before):
        return False
    kinds = _speaker_table().classes
    nouns = [w for w in before if w not in {"of", "the", "a", "an", "local", "state", "national"}]
    # "the city of Phoenix", "television station KHOU-TV"; not "the mayor of Springfield"
    return bool(nouns) and kinds.get(nouns[-1]) in {"organisation", "polity", "media"}


def person_in(doc: Doc, start: int, end: int) -> str | None:
    """The person the phrase is: the name at its head or in apposition to it ("Clinton campaign
    spokesman Nick Merrill", "Bloomberg's pollster, Douglas Schoen"); none when a name only
    modifies a common noun ("Clinton's lawyers", "A Clinton campaign official")."""
    people = [e for e in doc_entities(doc) if e.label_ == "PERSON"]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        heads = [span.root, *(c for c in span.root.children if c.dep_ == "appos")]
        head = next((e for e in people if any(h in e for h in heads)), None)
        if head is not None or span.root.pos_ == "NOUN":
            people = [head] if head is not None else []
            start, end = 0, len(text_of(doc))
    for ent in people:
        if ent.start_char >= start and ent.end_char <= end:
            name = person_name(ent.text)
            return name if re.search(r"[A-Z]", name) else None
    return None


def same_person(known: str, name: str) -> bool:
    """The same surname, unless both give other names and none is shared: "Bill Clinton" is not
    "Hillary Clinton"; "Inspector Stewart Taylor" is "Stewart Taylor", "President Obama" is
    "Barack Obama"."""
    a, b = _given(known), _given(name)
    if known.split()[-1] != name.split()[-1]:
        return False
    return not (a and b) or bool(a & b)


def _given(name: str) -> set[str]:
    """The words of a name before the surname that are no titles ("Sen.", "President")."""
    words = [w.lower() for w in name.split()[:-1]]
    return {w.rstrip(".") for w in words if w not in TITLE_WORDS | ROLE_WORDS and len(w) > 1}


def person_name(text: str) -> str:
    """ "Superintendent Jennifer McCormick's" -> "Jennifer McCormick": no possessive, no title."""
    words = re.sub(r"['’]s$", "", text.translate(APOSTROPHES).strip()).split()
    while len(words) > 1 and words[0].lower() in TITLE_WORDS | ROLE_WORDS:
        words = words[1:]
    return " ".join(words)


def org_in(doc: Doc, start: int, end: int) -> str | None:
    for ent in doc_entities(doc):
        if ent.label_ in {"ORG", "GPE", "NORP"} and ent.start_char >= start and ent.end_char <= end:
            return STRIP_DET.sub("", ent.text)
    return None


def head_noun(doc: Doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ""
    nouns = [t for t in span if t.pos_ in {"NOUN", "PROPN"} and not t.ent_type_]
    root = span.root
    if root.pos_ in {"NOUN", "PROPN"}:
        return root.text.lower()
    return nouns[0].text.lower() if nouns else ""


#: What may follow a name set off in apposition inside a source phrase: its end, a closing comma
#: or dash, or a relative clause ("-- John McCain, who lost the 2008 election --").
APPOSED_END = re.compile(r"\s*(?:$|,|--|—|–|\()")


def apposed_name(doc: Doc, start: int, end: int) -> tuple[str, str] | None:
    """The person or organisation a description is set off against (guide 1.1: the speaker is
    the one named): "The director of the European Centre, Ina Kirsch," is Kirsch, "one group,
    Partnership for Responsible Growth," the group's name, also when the source span stops
    before the name. The description must be a common noun phrase ("director", "group"), and an
    organisation is never the name beside a person noun ("a spokesman for the company, Apple").
    Returns the entity label and the name."""
    text = text_of(doc)
    for ent in doc_entities(doc):
        if ent.label_ not in {"PERSON", "ORG"} or ent.start_char <= start:
            continue
        if ent.start_char > end and not APPOSED_GAP.fullmatch(text[end : ent.start_char]):
            break
        before = text[start : ent.start_char].rstrip()
        if not before.endswith((",", "--", "—", "–")) or not APPOSED_END.match(
            text, min(ent.end_char, len(text))
        ):
            continue
        if ent.end_char > end and ent.start_char < end:
            continue
        cut = len(before.rstrip(",-—– "))
        description = doc.char_span(start, start + cut, alignment_mode="expand")
        if description is None or description.root.pos_ != "NOUN" or description.root.ent_type_:
            continue
        if (
            ent.label_ == "ORG"
            and _speaker_table().classes.get(description.root.lemma_) == "person"
        ):
            continue
        name = person_name(ent.text) if ent.label_ == "PERSON" else STRIP_DET.sub("", ent.text)
        return (ent.label_, name) if re.search(r"[A-Z]", name) else None
    return None


#: Between a source span that stops before its apposition and the name: a comma or a dash.
APPOSED_GAP = re.compile(r"\s*(?:,|--|—|–)\s*")
