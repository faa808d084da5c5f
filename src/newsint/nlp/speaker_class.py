"""Can a phrase speak? The class of a source phrase's head (``newsint/data/speakers.toml``).

The attribution stage also finds "fires have continued, showing that ..." and "Jam has always
seemed like ...": a source phrase that names no person or organisation is a speaker only if its
head noun is a person, a group of people, an organisation, a place acting as a government, a
medium or a document. The attributions of anything else keep their spans but get no source_id,
so their claims are the outlet's own assertions.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Doc, Token
from spacy.tokens import Span as Phrase

from newsint.nlp import entities as doc_entities


@dataclass(frozen=True, slots=True)
class _SpeakerTable:
    """``newsint/data/speakers.toml``: lemma -> class, and the rules around it."""

    classes: dict[str, str]
    partitive: frozenset[str]
    adjectives: frozenset[str]
    suffixes: tuple[str, ...]
    exceptions: frozenset[str]
    epithets: frozenset[str]
    person_tails: tuple[str, ...]
    families: tuple[frozenset[str], ...]
    acts: frozenset[str]


@cache
def _speaker_table() -> _SpeakerTable:
    raw = tomllib.loads(
        resources.files("newsint.data").joinpath("speakers.toml").read_text("utf-8")
    )
    classes = {word: name for name, words in raw["speakers"].items() for word in words.split()}
    return _SpeakerTable(
        classes=classes,
        partitive=frozenset(raw["partitive"]["words"].split()),
        adjectives=frozenset(raw["adjectives"]["words"].split()),
        suffixes=tuple(raw["agentive"]["suffixes"].split()),
        exceptions=frozenset(raw["agentive"]["exceptions"].split()),
        epithets=frozenset(raw["epithets"]["words"].split()),
        person_tails=tuple(raw["agentive"]["person_tails"].split()),
        families=tuple(
            frozenset(line.split()) for line in raw["families"]["words"].splitlines() if line
        ),
        acts=frozenset(raw["acts"]["words"].split()),
    )


def credits_an_act(doc: Doc, cue: tuple[tuple[int, int], ...]) -> bool:
    """The cue is a physical or military act ("withdrew", "launched", "targeted"; the table
    ``[acts]``): its phrase is credited with an act, not a statement (guide 1.7)."""
    if not cue:
        return False
    span = doc.char_span(cue[0][0], cue[-1][1], alignment_mode="expand")
    return span is not None and span.root.lemma_.lower() in _speaker_table().acts


#: Auxiliaries of a statement not (yet) made: "X will discuss", "Y could feel", "Z may decide".
UNMADE = {"will", "could", "may", "might", "shall", "should", "must"}


def not_yet_made(doc: Doc, cue: tuple[tuple[int, int], ...]) -> bool:
    """The cue is future or conditional ("Aaron Klein will discuss ...", "Local governments could
    feel a pinch"): no statement, belief or refusal is credited yet (guide 1); a negated one is a
    refusal and stays ("the Pentagon will not say"); "would" is left out, as in reported
    words ("she would say only that the talks went well")."""
    if not cue:
        return False
    span = doc.char_span(cue[0][0], cue[-1][1], alignment_mode="expand")
    if span is None:
        return False
    children = list(span.root.children)
    return any(c.dep_ == "aux" and c.lower_ in UNMADE for c in children) and not any(
        c.dep_ == "neg" for c in children
    )


def same_family(one: str, other: str) -> bool:
    """ "survey" and "polls", "report" and "review": heads of one kind of document (the table
    ``[families]``), either in the singular or the plural."""
    one, other = one.lower(), other.lower()
    forms = ({one, *_singulars(one)}, {other, *_singulars(other)})
    return any(forms[0] & family and forms[1] & family for family in _speaker_table().families)


#: Words that open a clause standing for a question or a fact, never a speaker ("How it handles
#: those questions will determine ...", "whether they can come together may foretell ...").
WH_OPENERS = {"how", "whether", "why", "what", "when", "where", "if"}


#: Entity labels of heads that can speak, and of heads that never do ("Tuesday", "12:15 p.m").
SPEAKING_ENTITIES = {"PERSON", "ORG", "GPE", "NORP"}


MUTE_ENTITIES = {"DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL"}


COMPARATIVES = {"more", "less", "fewer", "much"}


PERSONAL = {"he", "she", "they", "we", "i", "you", "it", "him", "her", "them", "us", "me", "who",
            "whom"}  # fmt: skip


def speaker_class(doc: Doc, start: int, end: int) -> str | None:
    """What kind of speaker the phrase ``doc.text[start:end]`` is, or None if it cannot speak.

    The class of its head (its subject when the phrase is a clause) or of any conjoined head:
    "entity" (PERSON/ORG/GPE/NORP), a class of the speaker table (person, group, organisation,
    polity, media, document, quantifier), "agentive" ("negotiators", "forecasters"), "name" (a
    proper noun NER missed: "Scissors, a China scholar ...", but not "Jam" when the text also
    writes "jam"), "pronoun". A partitive head defers to its "of" phrase ("92 percent of the
    Kurds"); an unknown noun with a "who" clause is a person."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "name"  # cannot tell: keep it as before
    # the phrase's heads: usually one; more when the parse breaks it ("The company flat-out")
    heads = [t for t in span if t.head == t or t.head not in span]
    for head in heads:
        if head.pos_ in {"VERB", "AUX"} and span[0].lower_ in WH_OPENERS and span[0].head == head:
            return None  # "How it handles those questions will determine ...": a question
        if head.pos_ in {"VERB", "AUX"} and not _capitalised(head):
            # "Boil for 10 minutes" has no subject; "that process led to ..." has one
            heads.extend(t for t in head.children if t.dep_ in {"nsubj", "nsubjpass"} and t in span)
            continue
        for token in [head, *(t for t in head.conjuncts if t in span)]:
            found = _token_class(token)
            if found:
                return found
    return None


def _token_class(token: Token, depth: int = 0) -> str | None:
    table = _speaker_table()
    lower = token.lower_
    if lower in COMPARATIVES:
        return None  # "More: ..." (lemma "many"), not a quantity of people
    forms = [token.lemma_.lower(), lower, *_singulars(lower)]
    if token.ent_type_ in SPEAKING_ENTITIES and not _common_word(token):
        return "entity"
    if token.ent_type_ in MUTE_ENTITIES:
        return None
    if any(f in table.partitive for f in forms) and depth < 3:
        of = _of_object(token)
        if of is not None:
            return _token_class(of, depth + 1) or next(
                (c for t in of.conjuncts if (c := _token_class(t, depth + 1))), None
            )
    if token.pos_ == "PRON":
        return "pronoun" if lower in PERSONAL else table.classes.get(lower)
    found = next((table.classes[f] for f in forms if f in table.classes), None)
    if found:
        return found
    if token.pos_ == "NUM" or token.ent_type_ in {"CARDINAL", "PERCENT"}:
        return "quantifier"  # "Two said", "63 percent"
    if _capitalised(token) and not _common_word(token):
        return "name"  # "Schiff", "WeWork", "Politifact": a name NER missed
    if token.pos_ == "ADJ" and forms[0] in table.adjectives:
        return "person"  # "the accused"; but not "the dangerous"
    if lower == "old" and any(c.lower_ == "year" for c in token.children):
        return "person"  # "the 36-year-old"
    if token.pos_ == "NOUN" and any(
        f.endswith(tail) and len(f) > len(tail) + 2 for f in forms for tail in table.person_tails
    ):
        return "person"  # "the retired neurosurgeon", "one schoolgirl"
    nominal = token.pos_ in {"NOUN", "PROPN"} or token.tag_ == "JJ"  # "the immunologist" (JJ)
    if nominal and any(_agentive(f, table) for f in forms):
        return "agentive"
    if any(
        c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children) for c in token.children
    ):
        return "person"  # "the fellow, who ...": the text says it is a person
    return None


def _singulars(word: str) -> list[str]:
    """ "DOCTORS" -> "doctor" where the lemmatiser gave up (headlines in capitals)."""
    if word.endswith("ies"):
        return [word[:-3] + "y"]
    if word.endswith("es"):
        return [word[:-2], word[:-1]]
    return [word[:-1]] if word.endswith("s") else []


def _written_as_name(span: Phrase | None) -> bool:
    """ "Schiff", "WeWork", "McClatchy": no determiner, and not a common noun that is only
    capitalised because it opens the sentence ("Investigators said ...")."""
    if span is None or not len(span) or span[0].lower_ in {"the", "a", "an"}:
        return False
    first = span[0]
    before = first.doc[first.i - 1] if first.i else None
    opens = first.is_sent_start or before is None or before.is_space or "\n" in before.whitespace_
    if first.pos_ == "PROPN" or not opens or re.search(r"[A-Z\d]", first.text[1:]):
        return True
    return any(c.dep_ == "appos" and _token_class(c, 3) for c in first.children)  # "Scissors, a"


def _capitalised(token: Token) -> bool:
    """ "Schiff", "WeWork", "my6sense": written as a name (not a word in capitals)."""
    text = token.text
    if text.startswith("@") and len(text) > 1:  # a social media handle
        return True
    if token.is_upper:  # "RT", "CNS" alone; not "FELLOW DOCTORS" in a headline
        doc = token.doc
        around = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
        return token.is_alpha and not any(t.is_upper and t.is_alpha for t in around)
    if not re.search(r"[a-z]", text):
        return False
    return text[0].isupper() or bool(re.search(r"[A-Z\d]", text[1:]))


def _of_object(token: Token) -> Token | None:
    """ "a group of physicians" -> "physicians"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((t for t in child.children if t.dep_ == "pobj"), None)
    return None


def _agentive(lemma: str, table: _SpeakerTable) -> bool:
    """ "negotiator", "forecaster", "economist", "nominee": someone who does something."""
    if lemma in table.exceptions or not lemma.isalpha():
        return False
    return any(lemma.endswith(s) and len(lemma) >= len(s) + 2 for s in table.suffixes)


def person_noun(word: str) -> bool:
    """A noun for a person: the speakers' table, or an agent noun not in the table as another
    class ("player", "golfer", "nominee"; not "newspaper")."""
    table = _speaker_table()
    return table.classes.get(word) == "person" or (
        word not in table.classes and _agentive(word, table)
    )


def _common_word(token: Token) -> bool:
    """A capitalised word that is only capitalised because it opens the sentence: "Fires have
    continued" (tagged a common noun, never capitalised mid-sentence), "Jam has always seemed ..."
    beside "their own jam". Unless an apposition says who it is: "Scissors, a China scholar with
    ..." is Derek Scissors."""
    if not token.is_sent_start or re.search(r"[A-Z\d]", token.text[1:]):
        return False  # "WeWork", "my6sense" are names wherever they stand
    if any(c.dep_ == "appos" and _token_class(c, 3) for c in token.children):
        return False
    if any(
        e.label_ == "PERSON" and len(e) > 1 and e[-1].text == token.text
        for e in doc_entities(token.doc)
    ):
        return False  # "Wines believes ..." after "Leah Wines"
    doc = token.doc
    if any(t.text == token.lower_ and t.pos_ == "NOUN" for t in doc):
        return True
    return token.pos_ == "NOUN" and not any(  # "Trump knows": "Trump" mid-sentence elsewhere
        t.text == token.text and not t.is_sent_start for t in doc if t.i != token.i
    )
