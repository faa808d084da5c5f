"""What a mention names: the person or organisation a source phrase is, its head noun, and the
keys mentions are compared by. Plain functions over a parsed ``Doc`` and character offsets, used
by :mod:`newsint.nlp.speakers` to resolve mentions to speakers."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as Phrase

from newsint.models import Span
from newsint.nlp import entities as doc_entities
from newsint.nlp import text_of
from newsint.nlp.source_words import (
    APOSTROPHES,
    INSTITUTION_HEADS,
    ORG_WORDS,
    ROLE_WORDS,
    STRIP_DET,
    TITLE_WORDS,
)
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
        # "Murillo Karam" (NER: ORG) after "Jesus Murillo Karam"; "Montell Figgins" (NER: ORG)
        # beside "Figgins said"
        return _longer_name(doc, bare) or (bare if _surname_of_person(doc, bare, start) else None)
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
    return max(names, key=len) if names else _compound_name(doc, bare)


def _compound_name(doc: Doc, bare: str) -> str | None:
    """ "Weeks" when NER missed "Canadian Timothy Weeks" (or took "Weeks" for a date): the one
    given name written right before this surname elsewhere ("Timothy Weeks")."""
    given = {g.text for t in doc if t.text == bare and (g := given_before(t)) is not None}
    return f"{given.pop()} {bare}" if len(given) == 1 else None


def given_before(token: Token) -> Token | None:
    """The given name right before a surname ("Timothy" of "Timothy Weeks"): a capitalised
    proper noun that is no title, nationality, place or organisation."""
    if token.i == 0 or token.pos_ != "PROPN" or not token.text.istitle():
        return None
    given = token.doc[token.i - 1]
    if (
        given.pos_ == "PROPN"
        and given.text.istitle()
        and given.lower_ not in TITLE_WORDS | ROLE_WORDS
        and given.ent_type_ not in {"NORP", "GPE", "ORG", "LOC", "DATE"}
        and given.whitespace_
    ):
        return given
    return None


def full_name(doc: Doc, name: str) -> str:
    """ "Noel" -> "Tova Noel", "Hawk Sawyer" -> "Kathleen Hawk Sawyer": a surname is the one
    person the article names in full with it (guide 1.1); unchanged when none or two are
    ("Clinton" beside "Bill Clinton" and "Hillary Clinton"). A name of two words or more only
    grows by a given name ("Kathleen"), never by an epithet ("Crooked Hillary Clinton")."""
    from newsint.nlp.antecedents import _gender_words

    longer = _longer_name(doc, name)
    if longer is None:
        return name
    added = longer[: -len(name)].split()
    if " " in name and added[0].lower() not in _gender_words():
        return name
    return longer


def given_name_first(name: str) -> bool:
    """ "Alistair Baskey", which NER took for an organisation: two or three capitalised words,
    the first a given name (``[gender]`` of ``data/speakers.toml``), none of an institution."""
    from newsint.nlp.antecedents import _gender_words

    words = name.split()
    return (
        1 < len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and words[0].lower() in _gender_words()
        and not any(w.lower() in INSTITUTION_HEADS | ORG_WORDS for w in words)
    )


def _surname_of_person(doc: Doc, name: str, start: int) -> bool:
    """ "Montell Figgins", which NER took for an organisation, when "Figgins" alone is a person
    of the article: a given name ("[gender]" of ``data/speakers.toml``) or a "who" clause after
    it ("Montell Figgins, who represents ..."), and no word of an institution ("Team Trump")."""
    words = name.split()
    if any(w.lower() in INSTITUTION_HEADS | ORG_WORDS for w in words):
        return False
    after = text_of(doc)[start : start + len(name) + 8]
    if not given_name_first(name) and not re.search(r",\s+who\b", after):
        return False
    return any(
        ent.label_ == "PERSON" and person_name(ent.text) == words[-1] for ent in doc_entities(doc)
    )


def _longer_name(doc: Doc, bare: str) -> str | None:
    """The one person named in full elsewhere whose name ends with the words ``bare``."""
    names = {
        person_name(ent.text)
        for ent in doc_entities(doc)
        if ent.label_ == "PERSON" and _unsuffixed(person_name(ent.text)).endswith(" " + bare)
    }
    names = {n for n in names if not re.match(r"[A-Z]\.(?:\s|$)", n)}  # not "H. Marburger"
    # "Hillary Clinton" and "Crooked Hillary Clinton": the shorter name is the person's
    names = {n for n in names if not any(m != n and n.endswith(" " + m) for m in names)}
    return names.pop() if len(names) == 1 else None


def _unsuffixed(name: str) -> str:
    """ "John H. Marburger III" -> "John H. Marburger"."""
    return re.sub(r",?\s+(?:Jr\.?|Sr\.?|II|III|IV)$", "", name)


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
        head = head or _titled_last(span, people)
        if head is not None or span.root.pos_ == "NOUN":
            people = [head] if head is not None else []
            start, end = 0, len(text_of(doc))
    for ent in people:
        if ent.start_char >= start and ent.end_char <= end:
            name = person_name(ent.text)
            return name if re.search(r"[A-Z]", name) else None
    return None


def _titled_last(span: Phrase, people: list[Phrase]) -> Phrase | None:
    """ "Sirius XM Vice President for news and talk Dave Gorab", "Fox News Vice President and
    Washington Managing Editor Bill Sammon": a name closing the phrase right after the words of
    its title is the person, wherever the parse hangs it, when the phrase's head is a title or a
    person ("President", "head"); not a name after "of", "for", "to" or "and" ("supporters of
    Tom Reyes", "aides and Tom Reyes")."""
    last = next((e for e in people if e.end == span.end and e.start > span.start), None)
    root = span.root.lemma_.lower()
    if last is None or not (root in TITLE_WORDS or _speaker_table().classes.get(root) == "person"):
        return None  # "a study by A and Professor B" is the study
    before = span.doc[last.start - 1]
    if before.pos_ not in {"NOUN", "PROPN"} or before.ent_type_ in {"PERSON", "DATE", "TIME"}:
        return None
    return last


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
    """ "Superintendent Jennifer McCormick's" -> "Jennifer McCormick": no possessive, no title,
    no quantifier NER took into the name ("Neither Cruz" -> "Cruz")."""
    words = re.sub(r"['’]s$", "", text.translate(APOSTROPHES).strip()).split()
    while len(words) > 1 and words[0].lower() in TITLE_WORDS | ROLE_WORDS | NAME_OPENERS:
        words = words[1:]
    honorific = [i for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") in HONORIFICS]
    if honorific:  # "security guard Mr Abdulla", "Fearless Mr Abdulla" -> "Abdulla"
        words = words[honorific[-1] + 1 :]
    return " ".join(words)


#: Honorifics before a surname: the words NER took in before them are no part of the name.
HONORIFICS = {"mr", "mrs", "ms", "dr"}


#: Words NER takes into a name that opens a sentence: "Neither Cruz nor Christie acknowledged".
NAME_OPENERS = {"neither", "either", "both", "even", "only", "not", "nor"}


def org_in(doc: Doc, start: int, end: int) -> str | None:
    """The organisation, place or group NER names inside the span; "the F.A.A" (a span trimmed
    of its closing stop) holds the entity "F.A.A."."""
    text = text_of(doc)
    for ent in doc_entities(doc):
        trimmed = ent.end_char == end + 1 and text[end] == "." and "." in ent.text[:-1]
        if (
            ent.label_ in {"ORG", "GPE", "NORP"}
            and ent.start_char >= start
            and (ent.end_char <= end or trimmed)
        ):
            return STRIP_DET.sub("", ent.text[:-1] if trimmed else ent.text)
    return None


def head_noun(doc: Doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return ""
    nouns = [t for t in span if t.pos_ in {"NOUN", "PROPN"} and not t.ent_type_]
    root = span.root
    if root.pos_ in {"NOUN", "PROPN"}:
        return _hyphenated(root) or root.text.lower()
    return nouns[0].text.lower() if nouns else ""


def _hyphenated(token: Token) -> str | None:
    """ "front-runner", which the tokenizer splits at its hyphen: the whole word when it is an
    epithet of ``data/speakers.toml`` ("the front-runner said" describes a person named before
    it, guide 1.1)."""
    if token.i < 2 or token.doc[token.i - 1].text != "-" or token.doc[token.i - 1].whitespace_:
        return None
    word = f"{token.doc[token.i - 2].text}-{token.text}".lower()
    return word if word in _speaker_table().epithets else None


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
        if not before.endswith((",", "--", "—", "–")):
            continue
        closed = APPOSED_END.match(text, min(ent.end_char, len(text))) is not None
        if ent.end_char > end and ent.start_char < end:
            continue
        cut = len(before.rstrip(",-—– "))
        description = doc.char_span(start, start + cut, alignment_mode="expand")
        if description is None or description.root.pos_ != "NOUN" or description.root.ent_type_:
            continue
        person_noun = _speaker_table().classes.get(description.root.lemma_) == "person"
        if not closed and not (person_noun and _subject_of(ent)):
            continue  # "according to exit polls, Mitt Romney won": no apposition
        label = "PERSON" if ent.label_ == "ORG" and given_name_first(ent.text) else ent.label_
        if label == "ORG" and person_noun:
            continue
        name = person_name(ent.text) if label == "PERSON" else STRIP_DET.sub("", ent.text)
        return (label, name) if re.search(r"[A-Z]", name) else None
    return None


def _subject_of(ent: Phrase) -> bool:
    """ "spokesman for the council, Ann Roe told reporters": the name, with no comma after it,
    is the subject of the verb that follows it."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return (
        after is not None
        and after.pos_ in {"VERB", "AUX"}
        and ent.root.head.i == after.i
        and ent.root.dep_ in {"nsubj", "nsubjpass"}
    )


#: Between a source span that stops before its apposition and the name: a comma or a dash,
#: after the closing bracket the span left out ("an adviser to the Institute (Ineter), Ana Ruiz").
APPOSED_GAP = re.compile(r"\s*\)?\s*(?:,|--|—|–)\s*")


def name_after(doc: Doc, start: int, end: int) -> tuple[str, str] | None:
    """ "Former head of chemical weapons for the British army [Hamish Gordon] described ...":
    the source span stops at the title, and the person named right after it is the speaker."""
    text = text_of(doc)
    phrase = doc.char_span(start, end, alignment_mode="expand")
    if phrase is None or phrase.root.pos_ != "NOUN" or phrase.root.ent_type_:
        return None
    for ent in doc_entities(doc):
        if ent.start_char >= end:
            if ent.label_ == "PERSON" and not text[end : ent.start_char].strip():
                name = person_name(ent.text)
                return ("PERSON", name) if " " in name else None
            return None
    return None


def opening_subject(doc: Doc, opening: int) -> Phrase | None:
    """The person named as the subject of the sentence that opens at ``opening``: "Yasir
    Abdulla, 36, of Yorkshire left ...", also after a title ("Former head of chemical weapons
    for NATO Hamish Gordon described ...")."""
    first = doc.char_span(opening, opening + 1, alignment_mode="expand")
    if first is None:
        return None
    sentence = first[0].sent
    if sentence.start_char != opening:
        return None
    subjects = _opening_subjects(sentence)
    people = [e for e in doc_entities(doc) if e.label_ == "PERSON"]
    for ent in people:
        if any(ent.start <= t.i < ent.end for t in subjects):
            return ent
    for subject in subjects:  # "Former head of ... for NATO Hamish Gordon described"
        phrase = doc[subject.left_edge.i : subject.right_edge.i + 1]
        titled = _titled_last(phrase, people)
        if titled is not None:
            return titled
    return None


def _opening_subjects(sentence: Phrase) -> list[Token]:
    """The subjects of a sentence's main clause; when the sentence opens with the clause an
    outlet reports ("Yasir Abdulla, 36, left ..., The Sun reported."), that clause's subject
    first."""
    root = sentence.root
    subjects = [t for t in root.children if t.dep_ in {"nsubj", "nsubjpass"}]
    reported = [c for c in root.children if c.dep_ == "ccomp" and c.left_edge.i == sentence.start]
    for clause in reported:
        subjects = [t for t in clause.children if t.dep_ in {"nsubj", "nsubjpass"}] + subjects
    return subjects


def titled_as(text: str, ent: Phrase, head: str, between: int = 1) -> bool:
    """Whether the article gives the named person ``ent`` the title ``head``: among the three
    words before the name ("attorney Jerryl Christmas") or in an apposition after it ("Jerryl
    Christmas, the attorney", with at most ``between`` words before the title)."""
    before = text[max(0, ent.start_char - 40) : ent.start_char].lower().split()[-3:]
    after = text[ent.end_char : ent.end_char + 60].lower()
    apposed = rf"^,\s+(?:the|a|an|his|her)\s+(?:[\w-]+\s+){{0,{between}}}{re.escape(head)}\b"
    return head in before or re.match(apposed, after) is not None
