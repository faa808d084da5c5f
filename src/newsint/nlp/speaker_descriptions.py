"""Descriptions resolved to the speaker they describe (judgement guide 1.1 and 1.3): epithets
("the Vermont senator"), unique offices ("the attorney general"), a relationship ("the attorney
for ..."), a delayed lede's named person, "the newspaper" after an outlet, and the agreement of a
description's capitalised words with the speaker it is resolved to (never the other side).
"""

from __future__ import annotations

import os
import re

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from newsint.models import Span
from newsint.nlp import entities as doc_entities
from newsint.nlp import text_of
from newsint.nlp.antecedents import _gender_of
from newsint.nlp.mention_names import (
    org_key,
    person_name,
    same_person,
    titled_as,
)
from newsint.nlp.roles import _context_after, _core, _descriptions
from newsint.nlp.source_words import (
    ANONYMITY,
    APOSTROPHES,
    INSTITUTION_HEADS,
    OFFICIAL_WORDS,
    STRIP_DET,
    TITLE_WORDS,
)
from newsint.nlp.speaker_entity import _Entity, drop_folded
from newsint.nlp.speaker_ledes import (
    LEDE_WITHIN,
    LOWER_OFFICES,
    _kin_next,
    _named_next,
    _titled_next,
)


def _merge_described(
    doc: Doc, entities: list[_Entity], linked: dict[str, int]
) -> tuple[list[_Entity], dict[str, int]]:
    """ "A leading foreign policy expert said ..." in the lede, "Michael O'Hanlon, a foreign policy
    expert at ..." later: an unnamed singular source whose description names a person's role
    (two words or more) is that person."""
    people = [(i, e, " ".join(_descriptions(doc, e)).lower()) for i, e in enumerate(entities)]
    people = [(i, e, d) for i, e, d in people if e.person and d]
    into: dict[int, int] = {}
    for index, entity in enumerate(entities):
        if entity.person or entity.org:
            continue
        named = _named_holder(doc, entity, entities)
        if named is None:
            named = _named_next(doc, entity, entities)
        if named is None:
            named = _titled_next(doc, entity, entities)
        if named is None:
            named = _kin_next(doc, entity, entities)
        if named is not None and named != index:
            into[index] = named
            entities[named].mentions.extend(entity.mentions)
            entities[named].attribution_ids.extend(entity.attribution_ids)
            continue
        core = _core(doc, entity.full).lower()
        if not re.match(r"^(a|an|one)\s", core) or ANONYMITY.search(
            _context_after(text_of(doc), entity.full)
        ):
            continue
        words = [w for w in core.split()[1:] if w not in {"leading", "top", "senior", "prominent",
                 "well-known", "noted", "former"}]  # fmt: skip
        role = " ".join(words[-3:])
        if len(role.split()) < 2:
            continue
        for target, person, descriptions in people:
            if role in descriptions and target != index:
                into[index] = target
                person.mentions.extend(entity.mentions)
                person.attribution_ids.extend(entity.attribution_ids)
                break
    return drop_folded(entities, linked, into)


#: "the attorney for a man accused of ...", "the owner of Starlight Towing": a definite
#: description of one person by a relationship, whose name the article gives elsewhere.
HOLDER = re.compile(
    r"^the\s+(?P<head>attorney|lawyer|spokesman|spokeswoman|spokesperson|owner|father|mother|"
    r"wife|husband|son|daughter|brother|sister|widow|founder|director|chief|head|president)\s+"
    r"(?:for|of|to)\s",
    re.I,
)


def _named_holder(doc: Doc, entity: _Entity, entities: list[_Entity]) -> int | None:
    """The one named person the article gives the description's head word to ("attorney
    Jerryl Christmas", "Jerryl Christmas, the attorney"): the description is that person."""
    match = HOLDER.match(_core(doc, entity.full))
    if match is None:
        return None
    head, text = match["head"].lower(), text_of(doc)
    holders = set()
    for ent in doc_entities(doc):
        if ent.label_ != "PERSON" or (entity.full[0] <= ent.start_char < entity.full[1]):
            continue
        if titled_as(text, ent, head):
            holders.add(person_name(ent.text))
    if len(holders) != 1:
        return None
    name = holders.pop()
    for index, known in enumerate(entities):
        if known.person and known.person.split()[-1] == name.split()[-1]:
            return index
    spot = next(e for e in doc_entities(doc) if person_name(e.text) == name)
    entities.append(_Entity(full=(spot.start_char, spot.end_char), person=name))
    return len(entities) - 1


#: A unique office held by one person: "the attorney general", "Pakistan's top election
#: official" (the possessor and a few adjectives before the office words are dropped).
OFFICE = re.compile(
    r"^(?:[Tt]he|(?P<owner>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*)'s)\s+"
    r"(?:(?:top|chief|senior|current|then|new|former|acting|interim)\s+)*"
    r"(?P<office>[a-z][a-z-]+(?: [a-z][a-z-]+){0,2})$"
)
#: Heads of offices too common to name one person ("the official", "the man").
COMMON_OFFICES = {"official", "officer", "man", "woman", "person", "source", "spokesman",
                  "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "lawyer",
                  "attorney", "analyst", "expert", "member", "resident", "witness",
                  "representative", "staffer", "agent", "leader", "head"}  # fmt: skip


#: Before the office in an apposition after a name: ", the", ", Mexico's", two more words.
APPOSED_OFFICE = r"^,\s+(?:the\s+|[\w.]+'s\s+)(?:[a-z]+\s+){0,2}?"


def _office_holder(doc: Doc, text: str, span: Span, entities: list[_Entity]) -> int | None:
    """ "the attorney general", "Mexico's attorney general" (guide 1.1: a person named anywhere
    in the article is named): the one person the article gives that office as a title before
    the name ("Attorney General Jesus Murillo Karam") or in apposition after it ("Karam, the
    attorney general"). Nothing when two people hold it or the office is a common noun."""
    match = OFFICE.match(text.translate(APOSTROPHES))
    if match is None:
        return None
    office = match["office"].lower()
    words = office.split()
    if words[-1].endswith("s") or (len(words) == 1 and words[0] in COMMON_OFFICES):
        return None
    if words[-1] not in TITLE_WORDS | OFFICIAL_WORDS:
        return None
    whole = text_of(doc)
    names: list[tuple[str, Span]] = []
    for ent in doc_entities(doc):
        if ent.label_ != "PERSON" or span[0] <= ent.start_char < span[1]:
            continue
        line = whole[max(0, ent.start_char - 60) : ent.start_char].split("\n")[-1].lower()
        after = whole[ent.end_char : ent.end_char + 80].translate(APOSTROPHES).lower()
        before_name = re.search(
            rf"(?<![\w-])(?P<lower>[\w-]+\s+)?{re.escape(office)}\s*,?\s*$", line
        )
        if before_name and (before_name["lower"] or "").strip() in LOWER_OFFICES:
            before_name = None  # "Vice President Joe Biden" holds no "the president"
        apposed = re.match(rf"{APPOSED_OFFICE}{re.escape(office)}\b", after)
        if before_name or apposed:
            name = person_name(ent.text)
            if " " in name and not any(same_person(known, name) for known, _ in names):
                names.append((name, (ent.start_char, ent.end_char)))
    if len(names) != 1:
        return None
    name, spot = names[0]
    for index in range(len(entities) - 1, -1, -1):
        known = entities[index].person
        if known and same_person(known, name):
            return index
    entities.append(_Entity(full=spot, person=name))
    return len(entities) - 1


#: How far back (characters) the person an epithet describes is looked for: about a paragraph.
EPITHET_WITHIN = 600


def _described_person(
    doc: Doc, start: int, entities: list[_Entity], contents: tuple[Span, ...] = ()
) -> int | None:
    """ "the New York businessman said": the person named last before it (within
    EPITHET_WITHIN characters), outside every statement (guide 1.3: "... not on the same level
    as Hillary Clinton's reaction, the candidate said" is not Clinton), as a known source or a
    new one."""
    before = [
        e
        for e in doc_entities(doc)
        if e.label_ == "PERSON"
        and start - EPITHET_WITHIN <= e.start_char
        and e.end_char <= start
        and not any(a <= e.start_char < b for a, b in contents)
    ]
    if not before:
        return _unrecognised_person(doc, start, entities)
    ent = before[-1]
    name = person_name(ent.text)
    if " " not in name and not re.search(r"[A-Z]", name):
        return None
    surname = name.split()[-1]
    for index in range(len(entities) - 1, -1, -1):
        known = entities[index].person
        if known and (known == name or known.split()[-1] == surname):
            return index
    entities.append(_Entity(full=(ent.start_char, ent.end_char), person=name))
    return len(entities) - 1


def _unrecognised_person(doc: Doc, start: int, entities: list[_Entity]) -> int | None:
    """ "Father John Micheal O’neal claims ... The elderly man claims": with no person NER
    recognised before the epithet, the last known speaker before it written as a person's name
    in full (a title or given name, then two capitalised words or more) that NER missed."""
    text = text_of(doc)
    for index in range(len(entities) - 1, -1, -1):
        known = entities[index]
        words = text[known.full[0] : known.full[1]].split()
        if known.person or known.org or not known.named or known.full[1] > start:
            continue
        given = words[0].lower().rstrip(".") in TITLE_WORDS or _gender_of(" ".join(words))
        if given and len(words) >= 3 and all(w[:1].isupper() for w in words):
            return index
    return None


#: "the sources" refers back to the unnamed group that spoke before; these are such groups' heads.
GROUP_BACK = {"sources"}
GROUP_HEADS = {"people", "sources", "persons", "officials", "individuals"}
#: Heads of a description of a news outlet ("the Swiss newspaper", "the network").
MEDIA_HEADS = {"newspaper", "paper", "daily", "magazine", "broadcaster", "network", "station",
               "channel", "outlet", "website", "tabloid", "weekly"}  # fmt: skip


def _titled_person(
    doc: Doc, text: str, head: str, start: int, entities: list[_Entity]
) -> int | None:
    """ "the Kremlin spokesman": the one person named before it whose title holds the head and
    every capitalised word of the description ("Kremlin spokesman Dmitry Peskov")."""
    caps = {
        re.sub(r"['’]s$", "", w).strip(".,").lower() for w in text.split()[1:] if w[:1].isupper()
    }
    whole = text_of(doc)
    found = set()
    for ent in doc_entities(doc):
        if ent.label_ != "PERSON" or ent.end_char > start:
            continue
        title = whole[max(0, ent.start_char - 50) : ent.start_char].lower()
        words = set(re.findall(r"[\w-]+", title.split("\n")[-1]))
        apposed = _apposition_words(whole[ent.end_char : ent.end_char + 90])
        if head in words and caps <= words or head in apposed and caps <= apposed:
            found.add(person_name(ent.text))
    if not found and start < LEDE_WITHIN:
        found = _titled_after(doc, head, caps, start)
    if len(found) != 1:
        return None
    name = found.pop()
    for index in range(len(entities) - 1, -1, -1):
        known = entities[index].person
        if known and known.split()[-1] == name.split()[-1]:
            return index
    spot = next(e for e in doc_entities(doc) if person_name(e.text) == name)
    entities.append(_Entity(full=(spot.start_char, spot.end_char), person=name))
    return len(entities) - 1


#: How far after a description in the lede its person may first be named (characters).
NAMED_AFTER_WITHIN = 1000


def _apposition_words(after: str) -> set[str]:
    """The words of an apposition right after a name (", a Marine Corps veteran of two tours,"),
    up to its next comma or clause; none when no apposition follows."""
    match = re.match(r"^,\s+(?:a|an|the)\s+([^,;:\n]*)", after)
    if match is None:
        return set()
    words = re.split(r"\s(?:who|which|that)\s", match.group(1))[0].lower()
    return set(re.findall(r"[\w-]+", words))


def _titled_after(doc: Doc, head: str, caps: set[str], start: int) -> set[str]:
    """ "The Vermont senator found ways to press his agenda" in a summary, then "Senator Bernie
    Sanders of Vermont" in the text (guide 1.1: a person named anywhere is named): the people
    named after the description with its head as the title right before the name (not a lower
    office: "Vice President") and its capitalised words around the name; only for a description
    with capitalised words ("the president" alone may be anyone)."""
    if not caps:
        return set()  # a bare "the president" may be anyone the article names
    whole = text_of(doc)
    found = set()
    for ent in doc_entities(doc):
        if ent.label_ != "PERSON" or ent.start_char <= start:
            continue
        if ent.start_char > start + NAMED_AFTER_WITHIN:
            break
        title = whole[max(0, ent.start_char - 50) : ent.start_char].lower().split("\n")[-1]
        words = [w for w in re.findall(r"[\w-]+", title) if w not in {"mr", "mrs", "ms", "dr"}]
        around = title + " " + whole[ent.end_char : ent.end_char + 40].lower().split("\n")[0]
        titled = words[-1:] == [head] and not LOWER_OFFICES & set(words[-3:])
        if titled and caps <= set(re.findall(r"[\w-]+", around)):
            found.add(person_name(ent.text))
    return found


def _proper(phrase: SpacySpan | None) -> bool:
    """ "The Riverton Gazette Leader": a description whose capitalised head ends a name of two
    words or more, or an organisation's name, is that name, never an epithet of the person named
    before it ("the President", "the Vermont Senator" are epithets)."""
    if phrase is None:
        return False
    root = phrase.root
    if not root.text[:1].isupper():
        return False
    names = [t for t in phrase if t.i < root.i and t.pos_ == "PROPN" and t.text[:1].isupper()]
    return len(names) >= 2 or any(
        e.label_ == "ORG" and e.start < root.i < e.end for e in doc_entities(root.doc)
    )


def _known_text(doc: Doc, entity: _Entity) -> str:
    """Every word the article calls a known speaker by: its fullest mention, its name and the
    name's initials ("AFT" for "American Federation of Teachers")."""
    name = entity.org or ""
    initials = "".join(w[0] for w in name.split() if w[:1].isupper())
    return " ".join([text_of(doc)[entity.full[0] : entity.full[1]], name, initials])


def _agrees(mention: str, known: str) -> bool:
    """ "the Israeli military" after "Israel", "the AFT council" after "American Federation of
    Teachers", not "the Nigerian government" after "Al-Maalomah": every capitalised modifier of
    the description is a word of the known speaker's name, or shares its stem (a demonym)."""
    caps = {_bare(w) for w in mention.split()[1:] if w[:1].isupper()}
    words = {_bare(w) for w in known.split()}
    return all(any(_stem_shared(c, w) for w in words) for c in caps)


def _stem_shared(one: str, other: str) -> bool:
    """ "israeli"/"israel", "lebanese"/"lebanon": the same word up to its last few letters."""
    if one == other:
        return True
    common = len(os.path.commonprefix([one, other]))
    return common >= max(4, min(len(one), len(other)) - 3)


def _same_side(mention: str, known: str) -> bool:
    """ "the U.S. officials" is not "Russian officials": every capitalised modifier of a
    description must be in the earlier mention it is resolved to, or share its stem (guide 1.3:
    a speaker is never resolved to the other side; ``_agrees``)."""
    return _agrees(mention, known)


def _bare(word: str) -> str:
    """ "Kremlin's," -> "kremlin"."""
    return re.sub(r"['’]s$", "", word.strip(".,;:")).lower()


def _described_org(
    doc: Doc, start: int, entities: list[_Entity], *, media: bool = False
) -> int | None:
    """ "Hewlett-Packard Co. (HP) obtained ..., the company confirmed": the organisation named
    last before "the company" (within EPITHET_WITHIN characters), as a new source; with
    ``media``, the last one whose name reads as a news outlet's ("the newspaper")."""
    from newsint.nlp.source_context import media_name

    before = [
        e
        for e in doc_entities(doc)
        if e.label_ == "ORG"
        and start - EPITHET_WITHIN <= e.start_char
        and e.end_char <= start
        and (not media or media_name(e.text))
    ]
    if not before:
        return None
    ent = before[-1]
    name = STRIP_DET.sub("", ent.text.translate(APOSTROPHES).strip())
    name = re.sub(r"'s$", "", name)
    for index in range(len(entities) - 1, -1, -1):
        if entities[index].org and org_key(entities[index].org or "") == org_key(name):
            return index
    entities.append(_Entity(full=(ent.start_char, ent.end_char), org=name))
    return len(entities) - 1


#: Heads that stand for any body ("the organisation" may be a ministry or a company).
ANY_BODY = {"organisation", "organization", "body", "group", "institution", "agency"}
#: Heads that name the same kind of body.
SAME_BODY = (
    {"company", "firm", "corporation"},
    {"army", "military"},
    {"house", "administration"},
    {"pentagon", "department"},
)


def same_kind_of_body(head: str, known: str) -> bool:
    """ "the ministry" is not the "World Health Organization": when the known body's name holds
    an institution head, a description's head must be that one, or one that stands for any
    body; a name without one ("WeWork") may be "the company"."""
    heads = {w.lower() for w in known.split()} & INSTITUTION_HEADS
    for kind in SAME_BODY:
        if heads & kind:
            heads |= kind
    return not heads or head in heads or head in ANY_BODY
