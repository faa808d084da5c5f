"""``newsint.grade.v1``: Admiralty grades for claims, from named, transparent rules.

Reliability (of the sources behind a claim) A..F and credibility (of the information) 1..6,
as in NATO AJP-2.1. newsint reads only the article, so it never gives A (a source's track record
is needed for that) and it keeps each threshold beside the reason it exists. Every grade carries
reasons that quote spans of the article text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsint.models import Attribution, Claim, Cue, Grade, Reason, Source, Span
from newsint.nlp.central import opening_denial
from newsint.nlp.claims import speaker_of

RULES = "newsint.grade.v1"

#: Reliability letters in order, best first; "F" (cannot be judged) is handled apart.
LETTERS = "ABCDE"

#: A claim whose certainty falls below this reads as speculation ("may", "suggests", "believe").
#: 0.6 is the certainty newsint.hedges.v1 gives a claim with one hedge cue in scope.
HEDGED_BELOW = 0.75


@dataclass(frozen=True, slots=True)
class SourceJudgement:
    letter: str
    reasons: tuple[Reason, ...]


def judge_source(source: Source, text: str) -> SourceJudgement:
    """How far the text lets a reader trust this source, with the reasons why."""
    mention = source.mentions[:1]
    who = f"{source.name}" + (f" ({source.role})" if source.role and source.anonymous else "")
    if source.anonymous:
        if source.kind == "document":
            why = f"unspecified document or information, not identified: “{source.name}”"
            return SourceJudgement("F", (Reason(why, mention),))
        if source.anonymity_reason:
            why = f"anonymous source {who}; stated reason: “{source.anonymity_reason}”"
            return SourceJudgement("F", (Reason(why, mention),))
        why = f"anonymous source, no reason given for anonymity: “{source.name}”"
        return SourceJudgement("F", (Reason(why, mention),))
    letter = (
        "B" if source.kind in {"official", "expert", "organisation", "document", "media"} else "C"
    )
    desc = ", ".join(x for x in (source.role, source.affiliation) if x)
    reasons = [Reason(f"named source {source.name}" + (f", {desc}" if desc else ""), mention)]
    if source.kind == "interested_party":
        letter = "D"
        stake = source.interest or source.role or "a stake in the claim"
        evidence = (source.interest_span,) if source.interest_span else mention
        reasons.append(Reason(f"interested party: {source.name} ({stake})", evidence))
    if source.relays_others:
        letter = letter if letter >= "D" else _worse(letter)
        evidence = (source.relay_span,) if source.relay_span else mention
        quoted = text[evidence[0][0] : evidence[0][1]] if source.relay_span else "second-hand"
        reasons.append(Reason(f"{source.name} relays what others told them: “{quoted}”", evidence))
    return SourceJudgement(letter, tuple(reasons))


def _worse(letter: str) -> str:
    return (
        LETTERS[min(LETTERS.index(letter) + 1, len(LETTERS) - 1)] if letter in LETTERS else letter
    )


def grade_claim(
    claim: Claim,
    sources: Sequence[Source],
    attributions: Sequence[Attribution],
    cues: Sequence[Cue],
    text: str,
) -> Grade:
    by_id = {s.id: s for s in sources}
    supporters = [by_id[s] for s in claim.supported_by or claim.source_ids if s in by_id]
    unresolved = _unresolved_speaker(claim, attributions, text)
    if unresolved is not None and not supporters:
        return Grade("F", 6, (unresolved,), RULES)
    reliability, reasons = _reliability(claim, supporters, text)
    if unresolved is not None:
        reasons = [unresolved, *reasons]  # graded on the sources that back it, said so
    if reliability == "D" and (admission := _admission(claim, attributions, text)) is not None:
        reliability, reasons = "B", [*reasons, admission]
    if reliability in "ABC" and (denial := _own_denial(claim, cues, text)) is not None:
        reliability, reasons = "D", [*reasons, denial]
    credibility, more = _credibility(claim, supporters, by_id, attributions, cues, text)
    return Grade(reliability, credibility, tuple(reasons + more), RULES)  # type: ignore[arg-type]


#: "the company confirmed", "acknowledged", "admitted": a party reporting its own act against
#: its interest is not capped at D (guide, section 5).
ADMISSION = re.compile(r"\b(?:confirm|acknowledg|admit|conced)\w*", re.I)


def _admission(claim: Claim, attributions: Sequence[Attribution], text: str) -> Reason | None:
    for a in attributions:
        if a.id in claim.attribution_ids:
            for s, e in a.cue:
                if ADMISSION.search(text[s:e]):
                    why = f"an admission by the party concerned: “{text[s:e]}”"
                    return Reason(why, ((s, e),))
    return None


def _own_denial(claim: Claim, cues: Sequence[Cue], text: str) -> Reason | None:
    """A claim that is its sources' denial of an allegation ("China has rejected claims that its
    agents ...") is the accused speaking about their own conduct: an interested party, at most D
    (guide, sections 4 and 5: "A denial by the accused is a dispute by an interested party")."""
    cue = opening_denial(claim, cues)
    if cue is None:
        return None
    quoted = text[cue.span[0] : cue.span[1]]
    return Reason(f"the accused denying an allegation: “{quoted}”", (cue.span,))


def _unresolved_speaker(
    claim: Claim, attributions: Sequence[Attribution], text: str
) -> Reason | None:
    """A claim credited to someone the analysis could not resolve ("he said" with nobody
    before it): its grade cannot be judged, rather than given to the wrong source."""
    if claim.source_ids:
        return None
    for a in attributions:
        if a.id in claim.attribution_ids and a.source and a.source_id is None:
            s, e = a.source[0]
            why = f"cannot be judged: the speaker “{text[s:e]}” could not be resolved"
            return Reason(why, a.source)
    return None


def _reliability(claim: Claim, supporters: list[Source], text: str) -> tuple[str, list[Reason]]:
    """The best letter among the sources the claim rests on (its own and its supporters): only
    anonymous or unspecified sources give F (guide, section 5). Tried: the claim's own sources
    alone (supporters only as confirmation): the example's claim, resting on anonymous sources
    and one named interested party, fell from D to F."""
    if not supporters:
        return "F", [Reason("no source given: the outlet's own assertion", claim.spans)]
    judged = [judge_source(s, text) for s in supporters]
    graded = [j.letter for j in judged if j.letter in LETTERS]
    letter = min(graded, key=LETTERS.index) if graded else "F"
    reasons = [r for j in judged for r in j.reasons]
    return letter, reasons


def _credibility(
    claim: Claim,
    supporters: list[Source],
    by_id: dict[str, Source],
    attributions: Sequence[Attribution],
    cues: Sequence[Cue],
    text: str,
) -> tuple[int, list[Reason]]:
    """An editor's reading (judgement guide, section 5): what the support is worth, then who
    disputes it. Only a credible named source's dispute makes a claim doubtful, and only when
    the text shows the dispute (a denial or dispute cue of theirs to quote); the accused
    denying, an anonymous voice or another outlet does not. Declining to confirm adds a reason,
    not a penalty: it is no evidence either way."""
    reasons: list[Reason] = []
    for span in claim.hedges:
        reasons.append(Reason(f"hedged: “{text[span[0] : span[1]]}”", (span,)))
    disputers = [by_id[s] for s in claim.disputed_by if s in by_id]
    refusers = [by_id[s] for s in claim.not_confirmed_by if s in by_id]
    for source in disputers:
        spans = _cue_spans(cues, source, ("dispute", "denial"), attributions)
        quoted = "; ".join(f"“{text[s:e]}”" for s, e in spans) or "disputes it"
        reasons.append(
            Reason(f"disputed by {_label(source)}: {quoted}", spans or source.mentions[:1])
        )
    for source in refusers:
        spans = _cue_spans(cues, source, ("non_confirmation",), attributions)
        quoted = "; ".join(f"“{text[s:e]}”" for s, e in spans) or "declines to confirm"
        reasons.append(
            Reason(f"not confirmed by {_label(source)}: {quoted}", spans or source.mentions[:1])
        )
    credible = _independent([s for s in supporters if _credible(s)])
    if not supporters:
        score = 3
        reasons.append(Reason("stated by the outlet without a source", claim.spans))
    elif len(credible) >= CONFIRMED_BY and claim.certainty >= HEDGED_BELOW:
        score = 1
        names = ", ".join(s.name for s in credible)
        reasons.append(
            Reason(f"confirmed on the record by {len(credible)} sources: {names}", claim.spans)
        )
    elif credible and claim.certainty >= HEDGED_BELOW:
        score = 2
    else:
        score = 3
    weighty = [
        s
        for s in disputers
        if _credible(s) and _cue_spans(cues, s, ("dispute", "denial"), attributions)
    ]
    if weighty:
        score = max(score + 1, DISPUTED)
    if not reasons:
        reasons.append(Reason("stated without hedging or dispute", claim.spans))
    return score, reasons


#: Credibility 1 ("confirmed by other sources") needs this many credible named sources behind
#: the claim (its own and its supporters): one named source is "probably true", 2.
CONFIRMED_BY = 2
#: A claim a credible named source disputes is at best "doubtful".
DISPUTED = 4


def _credible(source: Source) -> bool:
    """A named source with no stake in the claim: its word confirms or disputes it. A document
    the text gives as someone's own ("its full statement", "his letter") is that party's word,
    not an independent one."""
    if source.kind == "document" and OWN_DOCUMENT.match(source.name):
        return False
    return not source.anonymous and source.kind not in {"interested_party", "media", "other"}


def _independent(sources: list[Source]) -> list[Source]:
    """One source per body: two officials of one agency, or one person under two names ("Stewart
    Taylor", "Insp Taylor"), confirm nothing to each other (guide 5: "independent
    confirmation")."""
    out: list[Source] = []
    seen: set[str] = set()
    for source in sources:
        keys = {source.name.split()[-1].lower()} if source.name.split() else set()
        if source.affiliation:
            keys.add(source.affiliation.lower())
        if not keys & seen:
            out.append(source)
        seen |= keys
    return out


OWN_DOCUMENT = re.compile(r"(?:its|his|her|their|our|my)\s", re.I)


def _label(source: Source) -> str:
    extra = source.affiliation or source.role
    return f"{source.name} ({extra})" if extra and extra not in source.name else source.name


def _cue_spans(
    cues: Sequence[Cue], source: Source, kinds: tuple[str, ...], attributions: Sequence[Attribution]
) -> tuple[Span, ...]:
    """Cues of the given kinds said by this source."""
    return tuple(
        c.span for c in cues if c.kind in kinds and speaker_of(c.span, attributions) == source.id
    )
