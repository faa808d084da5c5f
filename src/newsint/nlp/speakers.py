"""Speakers, not mentions: every mention of one speaker grouped across the article.

``find_speakers(doc, attributions)`` resolves the source span of each attribution to a speaker:
names and surnames, titles and descriptions ("the official", "the Vermont senator"), pronouns,
relative pronouns, joint sources split into their members ("Sens. A, B and C said"), poll
respondents folded into their poll, the agent of a named principal ("a spokeswoman for ...").
A speaker is never resolved to something inside its own statement. Profiles are
:mod:`newsint.nlp.profiles`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsint.models import Attribution, Span
from newsint.nlp import entities as doc_entities
from newsint.nlp import text_of
from newsint.nlp.antecedents import (
    EXPLETIVE,
    _agreeing_antecedent,
    _antecedent,
    _disagrees,
    _latest,
    _personal_antecedent,
    _plural,
    _relative_antecedent,
    set_members,
)
from newsint.nlp.mention_names import (
    apposed_name,
    full_name,
    head_noun,
    indefinite,
    is_whole,
    name_after,
    named_in_full,
    norm_span,
    opening_subject,
    org_in,
    org_key,
    person_in,
    person_name,
    same_number_head,
    same_person,
)
from newsint.nlp.roles import _context_after, _core, _descriptions, _prefix_before
from newsint.nlp.source_words import (
    ANONYMITY,
    APOSTROPHES,
    INSTITUTION_HEADS,
    OFFICIAL_WORDS,
    POSSESSIVES,
    PRONOUNS,
    STRIP_DET,
    TITLE_WORDS,
)
from newsint.nlp.speaker_class import _common_word, _speaker_table, _written_as_name, speaker_class
from newsint.nlp.speaker_entity import _Entity
from newsint.nlp.speaker_lines import (
    dateline,
    named_members,
    poll_before,
    respondents,
    teaser_line,
)


@dataclass(slots=True)
class Speakers:
    """The speakers of an article, which one each attribution links to, and the other members
    of the joint sources."""

    speakers: list[_Entity]
    linked: dict[str, int]
    joint: dict[str, list[_Entity]]


def find_speakers(doc: Doc, attributions: list[Attribution]) -> Speakers:
    """Resolve every attribution's source span to a speaker (see the module docstring)."""
    entities: list[_Entity] = []
    linked: dict[str, int] = {}
    joint: dict[str, list[_Entity]] = {}
    last: int | None = None
    contents = tuple(span for attribution in attributions for span in attribution.content)
    for attribution in attributions:
        if not attribution.source:
            continue
        relative = _relative_antecedent(doc, attribution.source)
        spans = relative[0] if relative else attribution.source
        alone = relative is not None and relative[1]  # "..., the Taliban, who": not the list
        members = ([] if alone else _joint(doc, spans, entities)) or _set_reference(
            doc, spans, entities
        )
        if members is None:
            continue  # "both", "the two" with no names before them: no speaker
        if members:
            for entity, span in members:
                entity.mentions.append(span)
                entity.attribution_ids.append(attribution.id)
            linked[attribution.id] = entities.index(members[0][0])
            joint[attribution.id] = [entity for entity, _ in members[1:]]
            last = entities.index(members[-1][0])
            continue
        index = _resolve_one(doc, spans, entities, last, contents)
        if index is None:
            continue  # no speaker, or a pronoun with nothing before it to point to
        entity = entities[index]
        entity.mentions.extend(attribution.source)
        entity.attribution_ids.append(attribution.id)
        linked[attribution.id] = index
        last = index
        named = _named_members(doc, attribution, entities, index)
        if named:
            joint[attribution.id] = named
    entities, linked = _merge_described(doc, entities, linked)
    return _credited(Speakers(entities, linked, joint))


def _named_members(
    doc: Doc, attribution: Attribution, entities: list[_Entity], group: int
) -> list[_Entity]:
    """The members a group source names ("Several fact checkers, including the Gazette, have
    pointed out"), each resolved like a source of its own and credited with the statement."""
    if not attribution.cue:
        return []
    spans = named_members(text_of(doc), attribution.source[-1][1], attribution.cue[0][0])
    out: list[_Entity] = []
    for span in spans:
        index = _resolve_one(doc, (span,), entities, None)
        if index is None or index == group or entities[index] in out:
            continue
        entities[index].mentions.append(span)
        entities[index].attribution_ids.append(attribution.id)
        out.append(entities[index])
    return out


def _credited(found: Speakers) -> Speakers:
    """Only speakers credited with a statement: a member resolved for a joint source or a set
    reference that was then given up ("both" with one member that cannot speak) is none."""
    kept = [i for i, e in enumerate(found.speakers) if e.attribution_ids]
    if len(kept) == len(found.speakers):
        return found
    renumber = {old: new for new, old in enumerate(kept)}
    linked = {a: renumber[i] for a, i in found.linked.items() if i in renumber}
    return Speakers([found.speakers[i] for i in kept], linked, found.joint)


#: "a spokeswoman for Governor Jane Doe", "an aide to Ukraine's Volodymyr Zelensky", "a lawyer
#: for the family": the speaker is the unnamed agent, the name after it their principal.
AGENT_OF = re.compile(
    r"^(?:a|an|one|the|two|three|several)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:spokes(?:man|woman|person|people)|aides?|advis[eo]rs?|lawyers?|attorneys?|"
    r"representatives?|assistants?|staffers?|officials?|associates?|allies|ally|friends?|"
    r"relatives?|confidants?)\s+(?:for|to|of|with|close to)\s+",
    re.I,
)


#: Entity labels whose conjoined mentions are separate speakers ("Sens. A, B and C").
JOINT_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


def _coordinated(head: Token) -> list[Token]:
    """The heads coordinated with ``head`` ("A, B and C"), also when the parser hangs the list
    on the first name as an apposition ("Tom Carper, Dianne Feinstein and Ben Cardin");
    only with a coordinating "and"/"or" among them."""
    heads = [head, *head.conjuncts]
    for child in head.children:
        if child.dep_ == "appos" and child.ent_type_ and child.conjuncts:
            heads += [child, *child.conjuncts]
    heads = sorted(set(heads), key=lambda t: t.i)
    if not any(c.dep_ == "cc" for t in heads for c in t.children):
        return []
    if head.ent_type_ == "PERSON":  # "Ann Roe, intelligence analyst and Iraq specialist with"
        heads = [t for t in heads if not _bare_title(t)]
    return heads


def _list_heads(phrase: SpacySpan) -> list[Token]:
    """The members' heads of a list phrase; "CNN, Fox News and ABC", whose first name the parser
    hangs off the verb (``attribution_sources`` rule 7), is the first name and the list after it."""
    tops = [
        t
        for t in phrase
        if t.dep_ != "punct" and (t.head == t or not phrase.start <= t.head.i < phrase.end)
    ]
    if len(tops) == 2 and tops[0].pos_ == "PROPN" and tops[0].dep_ != "cc":
        rest = _coordinated(tops[1])
        if rest:
            return [tops[0], *rest]
    return _coordinated(phrase.root)


def _bare_title(token: Token) -> bool:
    """A singular common noun with no determiner, after a name: a description of the person
    the parse took for another member of a list ("analyst" of "Ann Roe, intelligence analyst
    and Iraq specialist"), unlike "other companies" or "the FBI"."""
    return (
        token.pos_ == "NOUN"
        and token.tag_ == "NN"
        and not any(c.dep_ in {"det", "poss", "nummod"} for c in token.children)
    )


def _joint(
    doc: Doc, spans: tuple[Span, ...], entities: list[_Entity]
) -> list[tuple[_Entity, Span]]:
    """A joint source split into its members (judgement guide 1.2): "Sens. Tom Carper, Dianne
    Feinstein and Ben Cardin said", "The US, France, Germany and Canada have agreed", "Both the
    White House and FBI declined". Each member is resolved like a source of its own; nothing
    when the phrase is one name ("Smith & Wesson") or a member cannot speak."""
    phrase = doc.char_span(spans[0][0], spans[-1][1], alignment_mode="expand")
    if phrase is None:
        return []
    heads = _list_heads(phrase)
    if len(heads) < 2:
        return []
    out: list[tuple[_Entity, Span]] = []
    for head in sorted(heads, key=lambda t: t.i):
        ent = next((e for e in doc_entities(doc) if e.start <= head.i < e.end), None)
        if ent is not None and all(ent.start <= t.i < ent.end for t in heads):
            return []  # one name for the whole phrase ("Smith & Wesson")
        if ent is not None and ent.label_ in JOINT_LABELS:
            span = (ent.start_char, ent.end_char)
        elif head.pos_ in {"PROPN", "NOUN"}:
            left = min(
                (c.left_edge.i for c in head.lefts if c.dep_ not in {"cc", "punct", "preconj"}),
                default=head.i,
            )
            span = (doc[left].idx, head.idx + len(head))
        else:
            return []
        index = _resolve_one(doc, (span,), entities, None)
        if index is None:
            return []
        out.append((entities[index], span))
    if len({id(e) for e, _ in out}) < 2:
        return []
    title = PLURAL_TITLES.get(_prefix_before(text_of(doc), out[0][1][0]).split(" ")[-1].lower())
    for entity, _ in out[1:]:
        if title and entity.person and entity.shared_title is None:
            entity.shared_title = title
    return out


def _set_reference(
    doc: Doc, spans: tuple[Span, ...], entities: list[_Entity]
) -> list[tuple[_Entity, Span]] | None:
    """ "Clinton and Sanders ... Both are quick to praise teachers": a joint source of the names
    the set reference stands for (guide 1.2), each resolved like a source of its own; None
    when it is a set reference without them (no speaker), [] when it is none."""
    names = set_members(doc, (spans[0][0], spans[-1][1]))
    if not names:
        return None if names == [] else []
    out = []
    for name in names:
        index = _resolve_one(doc, (name,), entities, None)
        if index is None:
            return None
        out.append((entities[index], name))
    return out if len({id(e) for e, _ in out}) == len(out) else None


#: A title before a list of names belongs to each of them: "Sens. A, B and C".
PLURAL_TITLES = {"sens.": "Sen.", "reps.": "Rep.", "senators": "Sen.", "representatives": "Rep.",
                 "govs.": "Gov.", "drs.": "Dr."}  # fmt: skip


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
    if not into:
        return entities, linked
    kept = [i for i in range(len(entities)) if i not in into]
    renumber = {old: new for new, old in enumerate(kept)}
    linked = {a: renumber[into.get(i, i)] for a, i in linked.items()}
    return [entities[i] for i in kept], linked


#: "the attorney for a man accused of ...", "the owner of Starlight Towing": a definite
#: description of one person by a relationship, whose name the article gives elsewhere.
HOLDER = re.compile(
    r"^the\s+(?P<head>attorney|lawyer|spokesman|spokeswoman|spokesperson|owner|father|mother|"
    r"wife|husband|son|daughter|brother|sister|widow|founder|director|chief|head|president)\s+"
    r"(?:for|of|to)\s",
    re.I,
)


#: The lede, where an unnamed "a British man" may be named in the next paragraph (characters).
LEDE_WITHIN = 400
#: "a British man who ...", "an Ohio woman": an indefinite person description.
INDEFINITE_PERSON = re.compile(r"^(?:a|an)\s+(?:[\w-]+\s+){0,2}(?P<head>[a-z-]+)$", re.I)


def _named_next(doc: Doc, entity: _Entity, entities: list[_Entity]) -> int | None:
    """ "... according to a British man who joined the fight" in the lede, and the next paragraph
    opens with his name ("Yasir Abdulla, 36, of Yorkshire left ..."): a delayed lede names the
    person it described (guide 1.1: a person named anywhere in the article is named)."""
    text = text_of(doc)
    start = entity.full[0]
    match = INDEFINITE_PERSON.match(_core(doc, entity.full))
    if start > LEDE_WITHIN or match is None:
        return None
    if _speaker_table().classes.get(match["head"].lower()) != "person":
        return None
    paragraph = text.find("\n", entity.full[1])
    if paragraph < 0:
        return None
    opening = paragraph + len(text[paragraph:]) - len(text[paragraph:].lstrip())
    ent = opening_subject(doc, opening)
    if ent is None:
        return None
    name = person_name(ent.text)
    if " " not in name:
        return None
    for index, known in enumerate(entities):
        if known.person and same_person(known.person, name):
            return index
    entities.append(_Entity(full=(ent.start_char, ent.end_char), person=name))
    return len(entities) - 1


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
        before = text[max(0, ent.start_char - 40) : ent.start_char].lower().split()[-3:]
        after = text[ent.end_char : ent.end_char + 60].lower()
        if head in before or re.match(rf"^,\s+(?:the|a|an|his|her)\s+(?:\w+\s+)?{head}\b", after):
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


def _resolve_one(
    doc: Doc,
    spans: tuple[Span, ...],
    entities: list[_Entity],
    last: int | None,
    contents: tuple[Span, ...] = (),
) -> int | None:
    start, end = spans[0][0], spans[-1][1]
    start = _after_stray_mark(text_of(doc), start, end)
    if dateline(text_of(doc), start, end):
        return None  # "MEXICO CITY — Rumors ... began circulating": a place line, no speaker
    if teaser_line(text_of(doc), start):
        return None  # "Internal memo: Federal prison guards falsified ...": a link to a story
    text = text_of(doc)[start:end].strip().translate(APOSTROPHES)
    lower = POSSESSIVES.get(text.lower(), text.lower())
    if lower in PRONOUNS and not (text.isupper() and len(text) > 1):  # "US" is no "us"
        if lower in {"he", "she"}:
            index = _personal_antecedent(doc, start, lower, entities, last, contents)
            if index is not None:
                entities[index].pronoun = entities[index].pronoun or lower
                return index
        if lower == "it" and EXPLETIVE.match(text_of(doc), end):
            return None  # "It was not clear whether ...": no speaker
        if lower in {"they", "it"} and entities:
            index = _agreeing_antecedent(start, lower, entities, last)
            if index is not None:
                return index
        if lower in {"he", "she"}:
            return _person_fallback(doc, start, lower, entities, last)
        if entities:
            return last if last is not None else len(entities) - 1
        return _antecedent(doc, start, lower, entities)
    word = doc.char_span(start, end, alignment_mode="expand")
    common = word is not None and len(word) == 1 and _common_word(word[0])  # "Jam has ..."
    agent = bool(AGENT_OF.match(text))  # "a spokeswoman for Scott Schwab": not Schwab
    apposed = None if common else apposed_name(doc, start, end) or name_after(doc, start, end)
    if apposed and apposed[0] == "ORG":
        return _org_speaker(entities, apposed[1], (start, end))
    person = (
        None
        if common or (agent and not apposed)
        else apposed[1]
        if apposed
        else (
            person_in(doc, start, end)
            or _known_surname(text, entities)
            or named_in_full(doc, text, start)
        )
    )
    if person:
        person = full_name(doc, person)  # "Noel" -> "Tova Noel"
        for index in range(len(entities) - 1, -1, -1):
            known = entities[index].person
            if known and same_person(known, person):
                if len(person) > len(known):
                    entities[index].person = person
                    entities[index].full = (start, end)
                return index
        entities.append(_Entity(full=(start, end), person=person))
        return len(entities) - 1
    head = head_noun(doc, start, end)
    definite = lower.startswith(("the ", "this ", "that ", "these ", "those "))
    if definite and head:
        for index in range(len(entities) - 1, -1, -1):
            same = entities[index].head == head or same_number_head(entities[index].head, head)
            known = text_of(doc)[entities[index].full[0] : entities[index].full[1]]
            if same and _same_side(text, known):
                return index
        if lower.startswith("the ") and _speaker_table().classes.get(head) == "person":
            titled = _titled_person(doc, text, head, start, entities)
            if titled is not None:
                return titled  # "the Kremlin spokesman" after "Kremlin spokesman Dmitry Peskov"
        if head in GROUP_BACK and lower.startswith("the "):
            for index in range(len(entities) - 1, -1, -1):
                group = entities[index]
                if not (group.person or group.org or group.document) and group.head in GROUP_HEADS:
                    return index  # "the sources said" after "three people briefed on the matter"
        if head in MEDIA_HEADS and lower.startswith("the "):
            described = _described_org(doc, start, entities, media=True)
            if described is not None:
                return described  # "the Swiss newspaper" after "Neue Zurcher Zeitung"
        if head in _speaker_table().epithets and lower.startswith("the ") and not _proper(word):
            described = _described_person(doc, start, entities)
            if described is not None:
                return described
    holder = _office_holder(doc, text, (start, end), entities)
    if holder is not None:
        return holder  # "Mexico's attorney general" is "Attorney General Jesus Murillo Karam"
    key = norm_span(text_of(doc), (start, end))
    for index in range(len(entities) - 1, -1, -1):
        if entities[index].person is None and norm_span(text_of(doc), entities[index].full) == key:
            return index
    org = None if common or agent else org_in(doc, start, end)
    org = org if is_whole(org, text) else None
    if org is None and definite and head in INSTITUTION_HEADS:
        for index in range(len(entities) - 1, -1, -1):  # "the company" after "WeWork"
            if entities[index].org and _agrees(text, _known_text(doc, entities[index])):
                return index
        if lower.split()[0] == "the" and len(lower.split()) == 2:
            described = _described_org(doc, start, entities)  # "Hewlett-Packard ... the company"
            if described is not None:
                return described
    if org is None and head in INSTITUTION_HEADS and not indefinite(lower):
        org = _core(doc, (start, end))
    if org:
        for index in range(len(entities) - 1, -1, -1):
            known = entities[index].org
            if known and org_key(known) == org_key(org):
                return index
    kind = None if org else speaker_class(doc, start, end)
    if org is None and kind is None:
        return None  # "fires", "the roller-coaster ride", "Boil for 10 minutes": not a speaker
    if respondents(text_of(doc), start, end):
        poll = poll_before(doc, start, entities)
        if poll is not None:
            return poll
    entities.append(
        _Entity(
            full=(start, end),
            head=head,
            org=org,
            document=kind == "document",
            named=kind == "name" and _written_as_name(word),
        )
    )
    return len(entities) - 1


def _after_stray_mark(text: str, start: int, end: int) -> int:
    """Past a quotation mark a source span opens with by mistake: a closing one, or one before
    a space ('" spokesman for the council, Ann Roe told'); not the opening mark of a quoted
    word ("“unfounded” reports")."""
    while start < end and (
        text[start] in "”’"
        or text[start] in "\"“'‘"
        and text[start + 1 : start + 2].isspace()
        or text[start].isspace()
    ):
        start += 1
    return start


#: Classes of unnamed speakers that "he" or "she" never stands for.
NOT_ONE_PERSON = {"group", "organisation", "polity", "media", "document", "quantifier"}


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


#: Words before an office that make it another, lower one.
LOWER_OFFICES = {"vice", "deputy", "assistant", "associate", "under", "lieutenant", "sub",
                 "co", "acting", "interim", "former", "ex", "past"}  # fmt: skip
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


def _person_fallback(
    doc: Doc, start: int, pronoun: str, entities: list[_Entity], last: int | None
) -> int | None:
    """ "he" / "she" with no named person among the speakers before it: the last speaker when it
    can be one person (an unnamed "spokesman", not "The Sun" or "the report"), else the latest
    speaker that can ("A spokeswoman said ... The Post reported ... she added"), else the last
    speaker."""
    if last is not None and _one_person(entities[last]):
        return last
    people = [i for i, e in enumerate(entities) if _one_person(e) and _latest(e) < start]
    if people:
        return max(people, key=lambda i: _latest(entities[i]))
    other = "she" if pronoun == "he" else "he"
    agreeing = [
        i for i, e in enumerate(entities) if not (e.person and _disagrees(text_of(doc), e, other))
    ]
    if agreeing:
        return last if last in agreeing else agreeing[-1]
    return None if entities else _antecedent(doc, start, pronoun, entities)


def _one_person(entity: _Entity) -> bool:
    """An unnamed speaker that "he" or "she" can stand for: a person noun in the singular."""
    if entity.person or entity.org or entity.document or _plural(entity):
        return False  # a named person "he" could stand for was already asked about
    return _speaker_table().classes.get(entity.head) not in NOT_ONE_PERSON


def _org_speaker(entities: list[_Entity], org: str, span: Span) -> int:
    """The known source of the organisation ``org``, or a new one at ``span``."""
    for index in range(len(entities) - 1, -1, -1):
        known = entities[index].org
        if known and org_key(known) == org_key(org):
            return index
    entities.append(_Entity(full=span, org=org))
    return len(entities) - 1


#: How far back (characters) the person an epithet describes is looked for: about a paragraph.
EPITHET_WITHIN = 600


def _described_person(doc: Doc, start: int, entities: list[_Entity]) -> int | None:
    """ "the New York businessman said": the person named last before it (within
    EPITHET_WITHIN characters), as a known source or a new one."""
    before = [
        e
        for e in doc_entities(doc)
        if e.label_ == "PERSON" and start - EPITHET_WITHIN <= e.start_char and e.end_char <= start
    ]
    if not before:
        return None
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
        if head in words and caps <= words:
            found.add(person_name(ent.text))
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


def _known_surname(text: str, entities: list[_Entity]) -> str | None:
    """ "O’Hanlon" when NER missed it but a known person has that surname, "Murillo Karam" (NER
    took it for an organisation) after "Jesus Murillo Karam"."""
    bare = person_name(STRIP_DET.sub("", text).strip(" ,"))  # "Sgt Holt" (NER: ORG) -> "Holt"
    if not bare:
        return None
    for entity in reversed(entities):
        if (
            entity.person
            and (
                entity.person.split()[-1] == bare  # "Murillo Karam" after "Jesus Murillo Karam"
                or (" " in bare and entity.person.endswith(" " + bare) and bare[:1].isupper())
            )
        ):
            return entity.person
    return None
