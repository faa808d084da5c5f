"""Speakers, not mentions: every mention of one speaker grouped across the article.

``find_speakers(doc, attributions)`` resolves the source span of each attribution to a speaker:
names and surnames, titles and descriptions ("the official", "the Vermont senator"), pronouns,
relative pronouns, joint sources split into their members ("Sens. A, B and C said"), poll
respondents folded into their poll, the agent of a named principal ("a spokeswoman for ...").
Joint sources are :mod:`newsint.nlp.speaker_joint`, descriptions
:mod:`newsint.nlp.speaker_descriptions`.
A speaker is never resolved to something inside its own statement. Profiles are
:mod:`newsint.nlp.profiles`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from newsint.models import Attribution, Span
from newsint.nlp import text_of
from newsint.nlp.acronyms import abbreviated, abbreviates, initials_match, is_acronym
from newsint.nlp.antecedents import (
    EXPLETIVE,
    _agreeing_antecedent,
    _antecedent,
    _person_fallback,
    _personal_antecedent,
    _relative_antecedent,
    defines_a_set,
    described_subject,
    introduced_unnamed,
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
    org_in,
    org_key,
    person_in,
    person_name,
    same_number_head,
    same_person,
)
from newsint.nlp.roles import _core
from newsint.nlp.source_words import (
    APOSTROPHES,
    INSTITUTION_HEADS,
    POSSESSIVES,
    PRONOUNS,
    STRIP_DET,
)
from newsint.nlp.speaker_class import (
    _common_word,
    _speaker_table,
    _written_as_name,
    credits_an_act,
    not_yet_made,
    same_family,
    speaker_class,
)
from newsint.nlp.speaker_descriptions import (
    GROUP_BACK,
    GROUP_HEADS,
    MEDIA_HEADS,
    _agrees,
    _described_org,
    _described_person,
    _known_text,
    _merge_described,
    _office_holder,
    _proper,
    _same_side,
    _titled_person,
    same_kind_of_body,
)
from newsint.nlp.speaker_documents import merge_unnamed_documents
from newsint.nlp.speaker_entity import _Entity
from newsint.nlp.speaker_joint import _joint, _set_reference
from newsint.nlp.speaker_ledes import _person_entity
from newsint.nlp.speaker_lines import (
    dateline,
    named_members,
    poll_before,
    respondents,
    teaser_line,
)
from newsint.nlp.speaker_mentions import last_word_of, self_named, spoken_by, voters_in_figures


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
        if not attribution.source or credits_an_act(doc, attribution.cue):
            continue  # "the militants withdrew from the town": an act, no statement (guide 1.7)
        if not_yet_made(doc, attribution.cue):
            continue  # "Aaron Klein will discuss ...": no statement made yet
        relative = _relative_antecedent(doc, attribution.source)
        if relative and defines_a_set(doc, attribution.source[0], relative[0][0]):
            continue  # "those who speculated ...": the people a sentence is about, no source
        spans = relative[0] if relative else attribution.source
        alone = relative is not None and relative[1]  # "..., the Taliban, who": not the list
        members = ([] if alone else _joint(doc, spans, entities, _resolve_one)) or _set_reference(
            doc, spans, entities, _resolve_one
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
        source = text_of(doc)[spans[0][0] : spans[-1][1]].strip()
        name = self_named(text_of(doc), attribution.content, source)  # "My name is Luke Somers"
        said = doc.char_span(*attribution.content[0], alignment_mode="expand") if name else None
        index = (
            _person_entity(entities, name, said)
            if name and said is not None
            else _resolve_one(doc, spans, entities, last, contents)
        )
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
    entities, linked = merge_unnamed_documents(doc, entities, linked)
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
            index = described_subject(doc, start, lower, entities, contents)
            if index is None:
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
    if NOBODY.match(text):
        return None  # "No country has shared a plan", "Nobody has said ..."
    spoken = spoken_by(text, entities)
    if spoken is not None:
        return spoken  # "Starr's remarks" after "Kenneth Starr said": Starr
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
            known_head = entities[index].head
            same = (
                known_head == head
                or same_number_head(known_head, head)
                or (entities[index].document and same_family(known_head, head))
            )
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
            if any(w[:1].isupper() for w in text.split()[1:]):
                titled = _titled_person(doc, text, head, start, entities)
                if titled is not None:
                    return titled  # "the Marine Corps veteran" after "X, a Marine Corps veteran"
            # "the man in black" after "a man in all black": that unnamed man, no named person
            unnamed = introduced_unnamed(doc, head, start)
            described = None if unnamed else _described_person(doc, start, entities, contents)
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
    if org is None and is_acronym(text):
        index = abbreviated(entities, text)
        if index is not None:
            return index  # "CNS" after "Christian News Service"
        if speaker_class(doc, start, end) == "pronoun":
            org = text  # "WHO said": the parser reads the pronoun; an acronym is a body's name
    if org is None and definite and head in INSTITUTION_HEADS:
        for index in range(len(entities) - 1, -1, -1):  # "the company" after "WeWork"
            known = entities[index].org
            if (
                known
                and _agrees(text, _known_text(doc, entities[index]))
                and same_kind_of_body(head, known)
            ):
                return index
        if lower.split()[0] == "the" and len(lower.split()) == 2:
            described = _described_org(doc, start, entities)  # "Hewlett-Packard ... the company"
            if described is not None and same_kind_of_body(head, entities[described].org or ""):
                return described
    if org is None and head in INSTITUTION_HEADS and not indefinite(lower):
        org = _core(doc, (start, end))
    if org:
        for index in range(len(entities) - 1, -1, -1):
            known = entities[index].org
            if known and (org_key(known) == org_key(org) or initials_match(known, org)):
                return index
            if abbreviates(org, text_of(doc)[entities[index].full[0] : entities[index].full[1]]):
                return index  # "ISIS" after "the Islamic State of Iraq and Syria (ISIS)"
        for index in range(len(entities) - 1, -1, -1):
            known = entities[index].org
            if known and last_word_of(org, known):
                return index  # "Blanco" after "Inaky Blanco", "the Post" after "Washington Post"
            if known and last_word_of(known, org):
                entities[index].org, entities[index].full = org, (start, end)
                return index  # "Vanessa Iampaglia" after "Iampaglia" (NER: ORG both times)
    kind = None if org else speaker_class(doc, start, end)
    if org is None and kind is None:
        return None  # "fires", "the roller-coaster ride", "Boil for 10 minutes": not a speaker
    if respondents(text_of(doc), start, end) or voters_in_figures(doc, start, end, head):
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


#: A negative or free-choice quantifier credits nobody (guide 1: a source is credited with a
#: statement): "No country has shared ...", "Nobody has said ...", "to make anyone think ...".
NOBODY = re.compile(r"^(?:anyone|anybody|no one|nobody|no\s+[a-z]\w*)\b", re.I)


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


def _org_speaker(entities: list[_Entity], org: str, span: Span) -> int:
    """The known source of the organisation ``org``, or a new one at ``span``."""
    for index in range(len(entities) - 1, -1, -1):
        known = entities[index].org
        if known and org_key(known) == org_key(org):
            return index
    entities.append(_Entity(full=span, org=org))
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
