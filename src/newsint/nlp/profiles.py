"""Sources: who said it, resolved and profiled (``newsint.sources``).

``resolve_sources(doc, attributions)`` groups the attributions' source spans into speakers
(:mod:`newsint.nlp.speakers`) and profiles each one from its mentions: canonical name, named or
anonymous (with the stated reason), role and affiliation (:mod:`newsint.nlp.roles`), kind by
the rules, whether it relays what others told it. An organisation and its named spokesperson
become one source. :mod:`newsint.nlp.source_context` and :mod:`newsint.nlp.kinds` then read the
whole article again.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from newsint.models import Attribution, Source, SourceKind, Span
from newsint.nlp import profile_tables, text_of
from newsint.nlp.mention_names import org_key as _org_key
from newsint.nlp.profile_tables import crowd, political_kind
from newsint.nlp.roles import (
    _context_after,
    _core,
    _descriptions,
    _name_mentions,
    _role_affiliation,
)
from newsint.nlp.source_words import (
    ANALYST_WORDS,
    ANONYMITY,
    COMMERCIAL_ORG,
    COMMERCIAL_ROLES,
    DOCUMENT_HEADS,
    EXPERT_WORDS,
    FIRST_HAND,
    LOWER_DETERMINERS,
    MEDIA_WORDS,
    OFFICIAL_WORDS,
    OWNER_ROLES,
    RELAYS,
    ROLE_WORDS,
    STRIP_DET,
    THINK_TANK,
    WITNESS_WORDS,
)
from newsint.nlp.speaker_class import _common_word
from newsint.nlp.speakers import _Entity, find_speakers
from newsint.nlp.voices import organisation_voice

RULES = "newsint.sources.v2.1"
#: Kinds an organisation's office overrules (``voices.organisation_voice``).
VOICE_OVERRULES = {"official", "other", "organisation"}


def resolve_sources(
    doc: Doc, attributions: list[Attribution]
) -> tuple[list[Source], list[Attribution]]:
    """Group attribution sources into profiled Sources; return them and the linked attributions."""
    found = find_speakers(doc, attributions)
    sources = [
        _profile(doc, f"s{i + 1}", speaker, attributions)
        for i, speaker in enumerate(found.speakers)
    ]
    position = {id(speaker): i for i, speaker in enumerate(found.speakers)}
    out = []
    for a in attributions:
        if a.id in found.linked:
            others = [
                sources[position[id(e)]].id for e in found.joint.get(a.id, []) if id(e) in position
            ]
            a = replace(a, source_id=sources[found.linked[a.id]].id, co_source_ids=tuple(others))
        out.append(a)
    return merge_same_names(*merge_spokespeople(sources, out, text_of(doc)))


SPOKES = re.compile(r"\bspokes(?:man|woman|person|people)\b|\bpress secretary\b", re.I)


def merge_spokespeople(
    sources: list[Source], attributions: list[Attribution], text: str
) -> tuple[list[Source], list[Attribution]]:
    """ "The Kremlin dismissed ... as unfounded; 'These statements are unfounded,' Kremlin
    spokesman Dmitry Peskov told TASS": an organisation and its named spokesperson making one
    statement are one source, the person, with the organisation's mentions (judgement guide
    1.10). Our annotators merge them also when the organisation is credited with its own
    words elsewhere ("The WHO is investigating reports ..."; "WHO spokesman Christy Feig said
    ..."): the spokesperson voices the body (annotations: 26 of 27 merged). Never a person the
    spokesperson works for ("a spokeswoman for Trump")."""
    into: dict[str, Source] = {}
    for person in sources:
        if person.anonymous or not person.affiliation or not SPOKES.search(person.role or ""):
            continue
        for org in sources:
            if (
                org is not person
                and org.id not in into
                and _speaks_for(org, person)
                and (_body(org) or _one_statement(text, attributions, org.id, person.id))
            ):
                into[org.id] = person
    return _merge(sources, attributions, into)


def _body(source: Source) -> bool:
    """An organisation credited as itself: no role but its own head word ("Gowdy's office"),
    not a person's kind."""
    own_head = source.role is not None and source.role.lower() in source.name.lower()
    return (source.role is None or own_head) and source.kind in BODY_KINDS and _public(source)


def _public(source: Source) -> bool:
    """A public body ("the Pentagon", "Gowdy's office", "WHO", table ``[stakes] spoken_for``):
    our annotators merge it with its spokesperson; a company, a foundation or a campaign they
    keep apart when each says something different ("the Clinton campaign")."""
    name = STRIP_DET.sub("", source.name)
    return bool(profile_tables._tables().spoken_for.search(name)) or name.isupper()


BODY_KINDS = {"organisation", "official", "other"}


def _speaks_for(org: Source, person: Source) -> bool:
    """The person's body is the organisation: the same name ("the Pentagon" / "Pentagon"), its
    initials ("World Health Organisation" / "WHO"), its words in the person's title ("civil
    defense services" / "Gaza civil defense services spokesman"), the office or campaign of
    the person it names ("Gowdy's office" / "Gowdy"), or its head ("the foundation")."""
    body = person.affiliation or ""
    key, name = _org_key(body), STRIP_DET.sub("", org.name)
    words = [w for w in re.sub(r"['’]s\b", "", name).split() if w[:1].isalpha()]
    title = f" {person.role or ''} {body} ".lower()
    return bool(key) and (
        key == _org_key(name)
        or key.upper() == "".join(w[0] for w in words if w[:1].isupper() or len(w) > 3).upper()
        or (len(words) > 1 and f" {' '.join(words).lower()} " in title)
        or (len(words) == 2 and words[1].lower() in OWN_BODIES and key == _org_key(words[0]))
        or (len(words) > 1 and body.islower() and key == words[-1].lower())
    )


#: What a named person has that speaks for them: "Gowdy's office", "the Clinton campaign".
OWN_BODIES = {"office", "campaign"}


#: Share of the shorter statement's content words the other repeats for the two to be one
#: statement ("dismissed the reports as unfounded" / "These statements are unfounded").
SAME_STATEMENT = 0.3


def _one_statement(text: str, attributions: list[Attribution], a: str, b: str) -> bool:
    """Some statement of source ``a`` says what one of source ``b`` says, in other words."""

    def words(sid: str) -> list[set[str]]:
        return [
            {
                w
                for w in re.findall(
                    r"[a-z]{4,}", " ".join(text[s:e] for s, e in at.content).lower()
                )
            }
            - STATEMENT_STOP
            for at in attributions
            if at.source_id == sid
        ]

    return any(
        x and y and len(x & y) / min(len(x), len(y)) >= SAME_STATEMENT
        for x in words(a)
        for y in words(b)
    )


#: Words every statement may share.
STATEMENT_STOP = frozenset(
    "that this these those with have been were will would said says about from they their "
    "there what which when where while also more than into very just".split()
)


def merge_same_names(
    sources: list[Source], attributions: list[Attribution]
) -> tuple[list[Source], list[Attribution]]:
    """One speaker, one source (guide 1.1): a named source whose name is one word, the surname
    or first name of exactly one named person of the article ("Pence's" tagged an
    organisation beside "Mike Pence"; "Jeb" beside "Jeb Bush"), or the same name again
    ("Westmacott" found once by NER and once as a capitalised word), is that person."""
    named = [s for s in sources if not s.anonymous and s.kind != "document"]
    into: dict[str, Source] = {}
    for source in named:
        words = _name_words(source.name)
        if len(words) != 1:
            continue
        people = [
            p
            for p in named
            if p is not source
            and p.id not in into
            and p.kind not in {"organisation", "media"}
            and (_name_words(p.name) == words or len(_name_words(p.name)) > 1)
            and words[0] in (_name_words(p.name)[0], _name_words(p.name)[-1])
        ]
        if len({tuple(_name_words(p.name)) for p in people}) == 1:
            into[source.id] = people[0]
    return _merge(sources, attributions, into)


def _name_words(name: str) -> list[str]:
    """ "Mr. Farage's" -> ["farage"]."""
    words = re.sub(r"['’]s$", "", name.strip()).lower().split()
    return [w for w in words if w.strip(".") not in {"mr", "mrs", "ms", "dr", "miss"}]


def _merge(
    sources: list[Source], attributions: list[Attribution], into: dict[str, Source]
) -> tuple[list[Source], list[Attribution]]:
    """Fold each source of ``into`` (by id) into its target: mentions, statements, links."""
    if not into:
        return sources, attributions
    for sid in into:  # a chain of merges ends at a source that is kept
        while into[sid].id in into:
            into[sid] = into[into[sid].id]
    grown: dict[str, Source] = {}
    for org_id, person in into.items():
        org = next(s for s in sources if s.id == org_id)
        base = grown.get(person.id, person)
        grown[person.id] = replace(
            base,
            mentions=tuple(sorted(set(base.mentions) | set(org.mentions))),
            statements=base.statements + org.statements,
        )
    kept = [grown.get(s.id, s) for s in sources if s.id not in into]

    def target(sid: str | None) -> str | None:
        return into[sid].id if sid in into else sid

    relinked = [
        replace(
            a,
            source_id=target(a.source_id),
            co_source_ids=tuple(dict.fromkeys(t for t in map(target, a.co_source_ids) if t)),
        )
        for a in attributions
    ]
    return kept, relinked


def _profile(doc: Doc, sid: str, entity: _Entity, attributions: list[Attribution]) -> Source:
    text = text_of(doc)
    full = entity.full
    own = [a for a in attributions if a.id in entity.attribution_ids]
    context = _context_after(text, full)
    reason_match = ANONYMITY.search(text[full[0] : full[1]]) or ANONYMITY.search(context)
    descriptions = _descriptions(doc, entity)
    role, affiliation = _role_affiliation(doc, entity, descriptions)
    if entity.person:
        name, anonymous = entity.person, False
    elif entity.org:
        name, anonymous = STRIP_DET.sub("", entity.org), False
    elif entity.named:
        name, anonymous = _core(doc, full), False
    else:
        name = _core(doc, full)
        first = doc.char_span(full[0], full[1], alignment_mode="expand")
        # "Analysts", "Information made available ...": a common noun, not a name
        common = (
            first is not None
            and (
                _common_word(first[0])  # "Clinicians say ..." beside "clinicians like it"
                or not first[0].ent_type_
                and first[0].text[1:].islower()
                and (
                    first[0].pos_ in {"NOUN", "ADJ", "DET", "NUM", "PRON", "VERB"}
                    or first[0].lower_ in DOCUMENT_HEADS | ROLE_WORDS
                )
            )
        )
        if LOWER_DETERMINERS.match(name) or common:
            name = name[0].lower() + name[1:]
        anonymous = not _proper_head(doc, full)
    relays = _relay_span(text, [full, *(span for a in own for span in a.content)])
    kind, interest = _kind(
        entity, role, affiliation, [*descriptions, text[full[0] : full[1]], context], name
    )
    interest_span = None
    voice = organisation_voice(doc, role, affiliation) if kind in VOICE_OVERRULES else None
    if voice:  # "president of the Teamsters local": speaks for a party with a stake
        kind, interest, interest_span = "interested_party", voice, full
    mentions = sorted(set(entity.mentions) | set(_name_mentions(doc, entity)))
    return Source(
        id=sid,
        name=name,
        anonymous=anonymous,
        kind=kind,
        mentions=tuple(mentions),
        anonymity_reason=_clean_reason(reason_match.group("reason"))
        if reason_match and anonymous
        else None,
        role=role,
        affiliation=affiliation,
        relays_others=relays is not None,
        relay_span=relays,
        interest=interest,
        interest_span=interest_span,
        statements=len(own),
    )


def _proper_head(doc: Doc, span: Span) -> bool:
    """ "the Roman Catholic Archdiocese of Boston", "London's Telegraph", "the Scottish SPCA":
    NER missed the whole name, but the phrase's head is a capitalised proper noun after other
    words, so the source is a named organisation or outlet (guide 2); not a people or party
    collective ("House Republicans")."""
    from newsint.nlp.profile_tables import collective

    phrase = doc.char_span(span[0], span[1], alignment_mode="expand")
    if phrase is None:
        return False
    root = phrase.root
    return (
        root.pos_ == "PROPN"
        and root.i > phrase.start
        and root.text[:1].isupper()
        and root.ent_type_ not in {"NORP", "PERSON"}
        and not collective(root.text)
    )


def _relay_span(text: str, spans: list[Span]) -> Span | None:
    """Where the source says it relays what others told it ("received information ... from")."""
    for start, end in spans:
        match = RELAYS.search(text, start, end)
        if match:
            return match.span()
    return None


def _clean_reason(reason: str) -> str:
    return re.sub(r"\s+", " ", reason).strip()


def _kind(
    entity: _Entity,
    role: str | None,
    affiliation: str | None,
    descriptions: list[str],
    name: str,
) -> tuple[SourceKind, str | None]:
    words = {w.lower().strip(",") for w in f"{role or ''} {entity.head} {name}".split()}
    desc = " ".join(descriptions)
    if (
        entity.person is None
        and entity.org is None
        and (entity.head in DOCUMENT_HEADS or entity.document)
    ):
        return "document", None
    if affiliation and (
        words & OWNER_ROLES
        or "chief executive" in (role or "").lower()
        or (words & COMMERCIAL_ROLES and COMMERCIAL_ORG.search(affiliation))
    ):
        interest = f"{role} of {affiliation}"
        return "interested_party", interest
    organisation = entity.org is not None and entity.person is None
    political = None if organisation else political_kind(" ".join(sorted(words)), affiliation)
    if political == "interested_party" and entity.person is None and crowd(role):
        return "other", None  # "Some Sanders supporters": a crowd, not a surrogate
    if political == "interested_party":
        return "interested_party", f"{role or entity.head}" + (
            f" of {affiliation}" if affiliation else ""
        )
    if political == "official":
        return "official", None
    if FIRST_HAND.search(desc):  # "a physician who treated the wounded at the scene"
        return "witness", None
    if words & ANALYST_WORDS:
        return "analyst", None
    if words & EXPERT_WORDS or (affiliation and THINK_TANK.search(affiliation)):
        return "expert", None
    if words & WITNESS_WORDS:
        return "witness", None
    if entity.org and not entity.person:
        return ("media" if words & MEDIA_WORDS else "organisation"), None
    if words & OFFICIAL_WORDS or re.search(r"\b(Army|Navy|Air Force|Marine)\b", role or ""):
        return "official", None
    return "other", None
