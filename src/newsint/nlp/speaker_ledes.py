"""Who a description in the lede is: the person the next sentence or paragraph names
("..., according to a British man who joined the fight" then "Yasir Abdulla, 36, ..."; "The
Afghan general in charge of security ..." then "General Omar Zadran ..."; "his sister has said"
then "Lucy Somers told ..."). Guide 1.1: a person named anywhere in the article is named."""

from __future__ import annotations

import re

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsint.nlp import entities as doc_entities
from newsint.nlp import text_of
from newsint.nlp.mention_names import opening_subject, person_name, same_person
from newsint.nlp.roles import _core
from newsint.nlp.speaker_class import _speaker_table, person_noun
from newsint.nlp.speaker_entity import _Entity

#: Words before an office that make it another, lower one.
LOWER_OFFICES = {"vice", "deputy", "assistant", "associate", "under", "lieutenant", "sub",
                 "co", "acting", "interim", "former", "ex", "past"}  # fmt: skip

#: The lede, where an unnamed "a British man" may be named in the next paragraph (characters).
LEDE_WITHIN = 400
#: "a British man who ...", "an Ohio woman": an indefinite person description.
INDEFINITE_PERSON = re.compile(r"^(?:a|an)\s+(?:[\w-]+\s+){0,3}(?P<head>[a-z-]+)$", re.I)


def _named_next(doc: Doc, entity: _Entity, entities: list[_Entity]) -> int | None:
    """ "... according to a British man who joined the fight" in the lede, and the next paragraph
    opens with his name ("Yasir Abdulla, 36, of Yorkshire left ..."): a delayed lede names the
    person it described (guide 1.1: a person named anywhere in the article is named)."""
    text = text_of(doc)
    start = entity.full[0]
    match = INDEFINITE_PERSON.match(_core(doc, entity.full))
    if start > LEDE_WITHIN or match is None:
        return None
    if not person_noun(match["head"].lower()):
        return None
    paragraph = text.find("\n", entity.full[1])
    if paragraph < 0:
        return None
    opening = paragraph + len(text[paragraph:]) - len(text[paragraph:].lstrip())
    ent = opening_subject(doc, opening)
    if ent is None:
        return None
    name = person_name(ent.text)
    if " " not in name or _described_otherwise(text, ent.end_char, match.group(0)):
        return None
    return _person_entity(entities, name, ent)


#: ", an analyst at the institute," / ", who has made 35 career PGA Tour starts": what the
#: article says of a person right after the name, up to the next comma.
AFTER_NAME = re.compile(r"^,\s+(?:(?:a|an|the)\s+|who\s+)([^,;:\n]*)")


def _described_otherwise(text: str, end: int, description: str) -> bool:
    """Whether the name at ``end`` is described as another kind of person than the lede's
    ``description``: "Maria Lopez, an analyst at the institute," is not "a resident" (a person
    noun of the speakers' table, and no word of the description shared)."""
    match = AFTER_NAME.match(text[end:])
    if match is None:
        return False
    words = set(re.findall(r"[\w-]+", match.group(1).lower()))
    own = set(re.findall(r"[\w-]+", description.lower())) - {"a", "an"}
    return not words & own and any(person_noun(w) for w in words)


#: "his sister", "the victim's father": one person named by a family tie.
KIN = re.compile(
    r"^(?:his|her|their|the\s+[\w-]+['’]s)\s+(?:(?:older|younger|elder|late|twin)\s+)?"
    r"(?P<head>sister|brother|father|mother|wife|husband|son|daughter|widow|widower|fiancee|"
    r"fiance|fiancée|uncle|aunt|cousin|grandmother|grandfather|niece|nephew|girlfriend|"
    r"boyfriend|partner|parents)$",
    re.I,
)


def _kin_next(doc: Doc, entity: _Entity, entities: list[_Entity]) -> int | None:
    """ "... has been killed in a failed rescue attempt, his sister has said." in the lede, then
    "Lucy Somers told the Associated Press ...": a family tie in the lede is the person the next
    sentence opens with (guide 1.1; guide 2: a person identified by relationship is named)."""
    if entity.full[0] > LEDE_WITHIN or KIN.match(_core(doc, entity.full)) is None:
        return None
    name = _person_next(doc, entity)
    if name is None or name.start != name.sent.start or " " not in person_name(name.text):
        return None
    return _person_entity(entities, person_name(name.text), name)


def _person_next(doc: Doc, entity: _Entity) -> SpacySpan | None:
    """The first person named in the sentence after the one holding ``entity``."""
    here = doc.char_span(*entity.full, alignment_mode="expand")
    if here is None or here.sent.end >= len(doc):
        return None
    following = next((s for s in doc.sents if s.start == here.sent.end), None)
    if following is None:
        return None
    return next(
        (e for e in doc_entities(doc) if e.label_ == "PERSON" and e.sent == following), None
    )


def _person_entity(entities: list[_Entity], name: str, mention: SpacySpan) -> int:
    """The speaker who is the named person, added from ``mention`` when none is yet."""
    for index, known in enumerate(entities):
        if known.person and same_person(known.person, name):
            return index
    entities.append(_Entity(full=(mention.start_char, mention.end_char), person=name))
    return len(entities) - 1


#: "The Afghan general in charge of security at the ministry ...": a definite description of one
#: person, its head word before any preposition.
DEFINITE_PERSON = re.compile(
    r"^(?i:the)\s+(?:[A-Z][\w-]*\s+){0,2}(?P<head>[a-z-]+)"
    r"(?:\s+(?:in charge of|of|at|for|in|with)\b.*)?$"
)


def _titled_next(doc: Doc, entity: _Entity, entities: list[_Entity]) -> int | None:
    """ "The Afghan general in charge of security ... flatly denied reports", then "General Omar
    Zadran, commander of ..., blamed ...": a definite description in the lede, and the next
    sentence opens with a person whose title is the description's head word — that person
    (guide 1.1: a person named anywhere in the article is named)."""
    core = _core(doc, entity.full)
    match = DEFINITE_PERSON.match(core)
    if entity.full[0] > LEDE_WITHIN or match is None or len(core.split()) < 3:
        return None  # not a bare "the president", which may be anyone the article names
    head = match["head"].lower()
    if _speaker_table().classes.get(head) != "person":
        return None
    name = _person_next(doc, entity)
    if name is None or name.start - name.sent.start > 3:
        return None
    title = text_of(doc)[name.sent.start_char : name.start_char].lower().split()
    if not title or title[-1] != head or LOWER_OFFICES & set(title):
        return None  # "Colonel Ivan Marek", not "Vice President Joe Hale"
    return _person_entity(entities, person_name(name.text), name)
