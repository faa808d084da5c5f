"""Stated stakes (guide 3, ``interested_party``): a stated commercial, legal or political stake
makes an interested party, with the words that say so as evidence: a current candidacy, a
lawyer for a party, a lobbyist, an owner, a paid consultant, someone who owns a stake, and the
accused denying an allegation. The stake words are data (``[stakes]`` and ``[politics]`` of
``data/profiles.toml``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from newsint.models import Attribution, Claim, Cue, Source, Span
from newsint.nlp.profile_tables import (
    _tables,
    candidacy,
    collective,
    crowd,
    political_kind,
    role_words,
    title_kind,
)
from newsint.nlp.titles import titles_of

#: Kinds whose speaker can hold a stake of their own.
CAN_HOLD_STAKE = {"official", "organisation", "other", "expert", "analyst", "witness"}
#: How far around a mention a stake phrase or a title is looked for (characters).
CONTEXT = 120


#: Kinds a stated candidacy overrules: a person the mention classed as a lawmaker, an official or
#: nothing yet. Never media, documents or organisations ("the Clinton campaign" is the campaign).
CANDIDATE_OVERRULES = {"other", "official", "expert", "analyst"}


def candidate(text: str, source: Source) -> Source:
    """A named person the article calls a current candidate anywhere ("GOP front-runner Donald
    Trump", "Ted Cruz, a Republican presidential candidate,") or whose name heads a campaign
    ("the Sanders campaign", "Clinton's campaign", "Trump's presidential bid") is an interested
    party (guide, section 3), with those words as the evidence."""
    if source.anonymous or source.kind not in CANDIDATE_OVERRULES:
        return source
    for role, affiliation in titles_of(text, source.name):
        if political_kind(role, affiliation) == "interested_party" and backs_candidate(
            text, role, affiliation
        ):
            span = _find(text, role)
            return _stake(source, f"{role}", span)
    found = campaign_of(text, source.name)
    if found:
        return _stake(source, found.group(0), found.span())
    return source


def backs_candidate(text: str, role: str, affiliation: str | None) -> bool:
    """A political role a stake: a candidacy itself ("presidential candidate"), or a supporter,
    ally or backer of someone the article makes a candidate ("a Trump supporter", "one of
    Clinton's most vocal supporters" beside "the Clinton campaign"); not "an ally of GOP
    leadership" nor a candidacy word in a relative clause ("a Republican who has not endorsed a
    candidate"): guide 3, "candidates, their relatives and surrogates"."""
    title = WHO.split(role, maxsplit=1)[0]
    backed = f"{title} {affiliation or ''}"
    words = role_words(backed)
    if candidacy(backed):
        return True
    if not words & _tables().candidates:
        return False
    names = {re.sub(r"['’]s$", "", w).strip(",.") for w in backed.split() if w[:1].isupper()}
    parties = {n for n in names if collective(f"{n}s") or n in {"GOP", "Democratic"}}
    return any(
        campaign_of(text, name) or len(_backed(text, name)) >= 2
        for name in names - parties
        if len(name) > 2
    )


def _backed(text: str, name: str) -> list[str]:
    """The contest phrases of a name, support included ("supporting Clinton", "Clinton
    supporters", "vote for Clinton")."""
    surname = re.escape(name)
    return re.findall(
        rf"\b(?:{CONTEST_BEFORE}|support|supports|supporting|backing|backs)\s+(?:[A-Z]\w+\s+)?"
        rf"{surname}\b|\b{surname}(?:['’]s)?\s+(?:{CONTEST_AFTER})\b",
        text,
    )


#: Where a role's relative clause begins.
WHO = re.compile(r"\s+(?:who|whom|whose|that|which)\b")


def campaign_of(text: str, name: str) -> re.Match[str] | None:
    """ "the Sanders campaign", "Clinton's presidential campaign", "Trump's candidacy": the name's
    surname heading a campaign, not a past race ("Obama's 2008 campaign", "Obama's campaign in
    2008"); or, with no campaign named, the surname's supporters, rallies, rivals, delegates
    or voters twice ("Rubio supporters", "vote for Rubio"). Never a team ("Team Trump")."""
    words = [w for w in re.sub(r"['’]s$", "", name).split() if w[:1].isupper()]
    if not words or words[0] == "Team":
        return None
    surname = re.escape(words[-1])
    pattern = re.compile(
        rf"\b{surname}(?:['’]s)?\s+(?:presidential\s+|White House\s+)?"
        r"(?:campaign|candidacy|bid for|presidential bid|White House bid|run for)\b"
    )
    found = [m for m in pattern.finditer(text) if not PAST_RACE.match(text, m.end())]
    if found:
        return found[0]
    contest = re.compile(
        rf"\b{surname}(?:['’]s)?\s+(?:{CONTEST_AFTER})\b|\b(?:{CONTEST_BEFORE})\s+"
        rf"(?:[A-Z]\w+\s+)?{surname}\b"
    )
    said = list(contest.finditer(text))
    return said[0] if len(said) >= 2 else None


#: "... campaign in 2008", "... campaign of 2012": a past race.
PAST_RACE = re.compile(r"\s+(?:in|of)\s+(?:19|20)\d\d\b")
#: Words of a contest after a surname ("Rubio supporters") and before it ("vote for Rubio").
CONTEST_AFTER = "supporters|rally|rallies|rivals?|delegates|running mate|voters"
CONTEST_BEFORE = "vote for|voted for|voting for|endorsed|endorse|endorsing"


def _find(text: str, words: str) -> Span | None:
    at = text.find(words)
    return (at, at + len(words)) if at >= 0 else None


def _stake(source: Source, interest: str, span: Span | None) -> Source:
    return replace(source, kind="interested_party", interest=interest, interest_span=span)


def stated_stake(
    text: str, source: Source, own: Sequence[Attribution], cues: Sequence[Cue]
) -> Source:
    """An interested party, with the words that state the stake (guide, section 3)."""
    if source.kind not in CAN_HOLD_STAKE:
        return source
    found = (
        _stake_role(source)
        or _private_voice(source)
        or _stake_phrase(text, source)
        or _denial(text, own, cues)
    )
    if found is None:
        return source
    interest, span = found
    return replace(source, kind="interested_party", interest=interest, interest_span=span)


def _stake_role(source: Source) -> tuple[str, Span | None] | None:
    if _tables().offices.search(source.role or ""):
        return None  # "Attorney General", "U.S. attorney": an office, not a client's lawyer
    if political_kind(source.role, None) == "official":
        return None  # "former presidential candidate", "campaign adviser"
    if source.anonymous and crowd(source.role):
        return None  # "Clinton supporters": ordinary people
    if _tables().stake_roles.search(source.role or ""):  # "Clinton's lawyers" as "lawyer"
        where = f" of {source.affiliation}" if source.affiliation else ""
        return f"{source.role}{where}", source.mentions[0] if source.mentions else None
    return None


#: Kinds of a person or group that can be a private body's voice (not the body itself).
VOICE_KINDS = {"official", "other"}


def _private_voice(source: Source) -> tuple[str, Span | None] | None:
    """The voice of a private body: "a spokesman for the resort", "Mary Kay Henry, president of
    the union", "labor leaders", "Verizon executives" speak for a party with a stake (guide 3:
    "company or university spokespeople", a union's and a trade association's alike). The body
    is named in the source's name or affiliation (``[stakes] private_bodies``); never a public
    one ("Labor Department", "European Union")."""
    tables = _tables()
    if source.kind not in VOICE_KINDS or not role_words(source.role) & tables.voice_roles:
        return None
    body = f"{source.affiliation or ''} {source.name}"
    found = tables.private_bodies.search(body)
    if found is None or tables.public_bodies.search(f"{body} {source.role}"):
        return None
    where = f" of {source.affiliation}" if source.affiliation else ""
    return f"{source.role}{where}", source.mentions[0] if source.mentions else None


#: "who represents Noel": a client's lawyer, or a lawmaker's district.
REPRESENTS = re.compile(r"(?:who\s+)?represents\s", re.I)


def _stake_phrase(text: str, source: Source) -> tuple[str, Span | None] | None:
    for _start, end in source.mentions:
        match = _tables().stake_phrases.search(text, end, min(len(text), end + CONTEXT))
        if match and REPRESENTS.match(match.group(0)) and title_kind(source.role) == "official":
            continue  # "Rep. Ann Cole, who represents Ohio": a lawmaker's district
        if match and (_negated(text, match.start()) or _endorsing_body(source, match)):
            continue
        if match and "." not in text[end : match.start()]:
            sentence_end = re.search(r"[.,;\n]", text[match.end() :])
            stop = match.end() + (sentence_end.start() if sentence_end else 0)
            return text[match.start() : stop].strip(" ,"), (match.start(), stop)
    return None


#: "has not endorsed", "never paid by", "has yet to endorse": no stake stated.
NEGATION = re.compile(r"\b(?:not|never|no|yet to)\s+(?:\w+\s+)?$|n['’]t\s+(?:\w+\s+)?$", re.I)


def _negated(text: str, start: int) -> bool:
    return NEGATION.search(text[max(0, start - 20) : start]) is not None


def _endorsing_body(source: Source, match: re.Match[str]) -> bool:
    """A union or a group that endorsed a candidate is credited as itself, an organisation
    (guide 3); the endorsement makes a person a surrogate, not a body."""
    return source.kind == "organisation" and match.group(0).lower().startswith("endorse")


def _denial(
    text: str, own: Sequence[Attribution], cues: Sequence[Cue]
) -> tuple[str, Span | None] | None:
    """The source denies or rejects an allegation in its own voice ("China has rejected claims",
    "Huawei denied wrongdoing"): the accused speaking about their own conduct."""
    for attribution in own:
        for s, e in attribution.cue:
            for cue in cues:
                if cue.kind == "denial" and cue.span[0] < e + 30 and s - 5 < cue.span[1]:
                    return f"denies an allegation: “{text[cue.span[0] : cue.span[1]]}”", cue.span
    return None


def accused_deniers(
    text: str, sources: Sequence[Source], claims: Sequence[Claim], cues: Sequence[Cue]
) -> list[Source]:
    """The sources of a central claim that opens with their own denial ("China has rejected
    claims that its agents ...", "Huawei denied wrongdoing"): the accused speaking about their
    own conduct, interested parties (guide, sections 3 and 4), with the denial as evidence."""
    from newsint.nlp.central import opening_denial

    central = next((c for c in claims if c.central), None)
    cue = opening_denial(central, cues) if central else None
    if central is None or cue is None:
        return list(sources)
    denial = f"denies an allegation about its own conduct: “{text[cue.span[0] : cue.span[1]]}”"
    return [
        replace(
            s,
            kind="interested_party",
            interest=s.interest or denial,
            interest_span=s.interest_span or cue.span,
        )
        if s.id in central.source_ids and s.kind in CAN_HOLD_STAKE
        else s
        for s in sources
    ]
