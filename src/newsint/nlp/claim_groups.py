"""In-article claim groups: which claims restate each other, which group is central, and
which group each dispute, denial or non-confirmation cue is about (``newsint.claims.v2``).

Claims that say the same thing are linked (``same_as``): their sentence embeddings are close, or
one opens with a pronoun right after the other. The group that best matches the headline and has
the most supporters is the central group, until :mod:`newsint.nlp.central_judgement` puts the
lede's claim in its place. The corpus clusters documents through these links.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from newsint.models import Attribution, Claim, Cue, Span
from newsint.nlp.relations import content_words

#: Two claims restate each other when their sentence embeddings (:mod:`newsint.nlp.embeddings`)
#: are at least this close; a claim is compared with the first claim of each group only, so
#: groups do not chain. On newsint's own 1,167 labelled statement pairs (restates or supports
#: against the rest): precision .70, recall .14 at .6, where the shared-words rule it replaces
#: (three content words, a third of the smaller claim's) had .64 and .13: meaning, not topic.
SAME_CLAIM_COSINE = 0.6
TITLE_GROUP = -1
#: Content words shared with a claim group before a dispute cue is taken to scope it.
DISPUTE_MIN_SHARED = 2

STOP = {
    "the", "a", "an", "of", "to", "in", "on", "and", "or", "but", "is", "are", "was", "were", "be",
    "been", "being", "that", "this", "these", "those", "it", "its", "they", "their", "them", "he",
    "she", "his", "her", "we", "our", "us", "i", "you", "with", "for", "by", "at", "as", "from",
    "not", "no", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "s",
    "there", "what", "which", "who", "all", "also", "so", "if", "than", "then", "into", "about",
    "now", "said", "say", "says", "told", "noted", "added", "more", "most", "some", "any", "one",
}  # fmt: skip
ANAPHORIC_START = re.compile(r"^[“\"]?(It|This|That)\s+(is|was|has|had)\b")


def content_words_of(text: str) -> set[str]:
    return content_words(text, STOP, hyphens=False)


def group_claims(
    claims: list[Claim], vectors: np.ndarray, titled: bool, denials: Sequence[bool] = ()
) -> list[int]:
    """Each claim joins the group whose first claim it restates best (``SAME_CLAIM_COSINE``), or
    starts a new one. ``vectors`` holds one embedding per claim, then the headline's.

    The headline is the outlet's own statement of the central claim: it seeds the first group
    (``TITLE_GROUP``), so restatements of the headline gather there.

    A claim that opens with a pronoun subject ("It is a complex covert operation ...") continues
    the claim just before it.

    ``denials`` marks the claims whose own words deny or dispute ("These claims are completely
    false"): such a claim restates only another denial, never the claim it denies, however close
    their words (guide 4: a denial is the opposite proposition; two denials support each other).
    """
    denied = list(denials) or [False] * len(claims)
    groups: list[int] = []
    seeds: list[int] = [TITLE_GROUP] if titled else []
    for i, claim in enumerate(claims):
        if (
            i
            and ANAPHORIC_START.match(claim.text)
            and claim.source_ids
            and denied[i] == denied[i - 1]
        ):
            groups.append(groups[i - 1])
            continue
        best, best_score = None, SAME_CLAIM_COSINE
        for seed in seeds:
            if denied[i] != (denied[seed] if seed != TITLE_GROUP else False):
                continue
            score = float(vectors[i] @ vectors[seed])  # the title is the last row
            if score >= best_score:
                best, best_score = seed, score
        if best is None:
            seeds.append(i)
            groups.append(i)
        else:
            groups.append(best if best == TITLE_GROUP else groups[best])
    return groups


def central_group(
    groups: list[int],
    claims: list[Claim],
    words: list[set[str]],
    title: str | None,
    refusals: Collection[int] = (),
) -> int | None:
    if not claims:
        return None
    title_words = content_words_of(title or "")
    scores: dict[int, float] = {}
    for index, group in enumerate(groups):
        if index in refusals:
            continue  # "declined to comment on the merger" states no claim of its own
        claim = claims[index]
        score = 2.0 * len(words[index] & title_words) + (1.0 if claim.source_ids else 0.2)
        if index < 3:
            score += 0.5  # the lede states the story
        scores[group] = scores.get(group, 0.0) + score
    return max(scores, key=lambda g: scores[g]) if scores else None


def denials_of(claims: list[Claim], cues: Sequence[Cue]) -> list[bool]:
    """Per claim: its own words hold a denial or dispute cue ("These claims are false"), not
    only its reporting verb ("X denied that ...": the content is the denied claim)."""
    stances = [c.span for c in cues if c.kind in {"denial", "dispute"}]
    return [any(inside(c, s) for c in stances for s in claim.spans) for claim in claims]


def refusals_of(
    claims: list[Claim], attributions: Sequence[Attribution], cues: Sequence[Cue]
) -> set[int]:
    """Claims whose cue is a refusal to confirm ("declined to comment on ...")."""
    refusing = [c.span for c in cues if c.kind == "non_confirmation"]
    cue_of = {a.id: a.cue for a in attributions}
    return {
        i
        for i, claim in enumerate(claims)
        for a in claim.attribution_ids
        if any(overlaps(span, r) for span in cue_of.get(a, ()) for r in refusing)
    }


def scope_of(claim: Claim, attributions: Sequence[Attribution]) -> Span:
    """The text a claim covers, its attribution's cue included ("Brown declined to ...")."""
    spans = list(claim.spans)
    for a in attributions:
        if a.id in claim.attribution_ids:
            spans += list(a.cue)
    return min(s for s, _ in spans), max(e for _, e in spans)


@dataclass(slots=True)
class Stances:
    """Per group: who disputes or declines to confirm it; per claim: is it a stance, not support."""

    disputed: dict[int, list[str]] = field(default_factory=dict)
    unconfirmed: dict[int, list[str]] = field(default_factory=dict)
    stance_claims: set[int] = field(default_factory=set)


def find_stances(
    text: str,
    claims: list[Claim],
    scopes: list[Span],
    words: list[set[str]],
    groups: list[int],
    central: int | None,
    attributions: Sequence[Attribution],
    cues: Sequence[Cue],
    denied: Sequence[bool] = (),
) -> Stances:
    """Give every dispute / denial / non-confirmation cue to the claim group it scopes."""
    out = Stances()
    stance_cues = [c for c in cues if c.kind != "hedge"]
    out.stance_claims = {
        i for i, sc in enumerate(scopes) if any(inside(c.span, sc) for c in stance_cues)
    }
    denied = list(denied) or denials_of(claims, cues)
    for cue in stance_cues:
        speaker = speaker_of(cue.span, attributions)
        if speaker is None:
            continue
        own = next((i for i, sc in enumerate(scopes) if inside(cue.span, sc)), None)
        group = _target_group(
            text, cue.span, own, speaker, claims, words, groups, central, out.stance_claims, denied
        )
        if group is None:
            continue
        bucket = out.unconfirmed if cue.kind == "non_confirmation" else out.disputed
        bucket.setdefault(group, []).append(speaker)
    return out


def _target_group(
    text: str,
    cue: Span,
    own: int | None,
    speaker: str,
    claims: list[Claim],
    words: list[set[str]],
    groups: list[int],
    central: int | None,
    stance_claims: set[int],
    denied: Sequence[bool] = (),
) -> int | None:
    """The group a stance cue is about: the cue's own claim when others make that claim too,
    else the claim of another source that the cue's sentence shares most words with, else the
    central claim (``this danger``, ``reports we receive``)."""
    denied = list(denied) or [False] * len(claims)
    own_words = own is not None and denied[own]
    # a denial in its own words disputes the story's claim, never a group of denials
    fallback = (
        central
        if not own_words or any(g == central and not denied[i] for i, g in enumerate(groups))
        else None
    )
    if own is not None and own_words and POINTS_BACK.match(claims[own].text.lstrip(' "“')):
        return fallback  # "These claims are completely false": the story's claim
    if own is not None and not any(inside(cue, span) for span in claims[own].spans):
        # "X denied that Y": the verb disputes Y; "false" in X's own words makes X's claim a
        # denial, which disputes another claim, never the group of those who deny it too
        others = [c for c, g in zip(claims, groups, strict=True) if g == groups[own]]
        if any(speaker not in c.source_ids for c in others):
            return groups[own]
    window = content_words_of(_sentence_around(text, cue))
    best, best_shared = None, 0
    for index, claim in enumerate(claims):
        if speaker in claim.source_ids or not claim.source_ids or index in stance_claims:
            continue
        if own_words and denied[index]:
            continue  # a denial disputes what it denies, not another denial
        shared = len(window & words[index])
        if shared > best_shared:
            best, best_shared = groups[index], shared
    if best is not None and best_shared >= DISPUTE_MIN_SHARED:
        return best
    return fallback


#: A denial in the speaker's own words that points back at the story's claim.
POINTS_BACK = re.compile(
    r"(?:these|those|the|such|his|her|their|all)\s+(?:claims?|allegations?|reports?|rumou?rs?|"
    r"stories|accusations?|charges)\s+(?:are|is|were|was)\b",
    re.I,
)


def link_groups(
    claims: list[Claim], groups: list[int], central: int | None, stances: Stances
) -> list[Claim]:
    out = []
    for index, claim in enumerate(claims):
        group = groups[index]
        members = [i for i, g in enumerate(groups) if g == group]
        supporters = tuple(
            dict.fromkeys(
                s for i in members if i not in stances.stance_claims for s in claims[i].source_ids
            )
        )
        disputers = tuple(dict.fromkeys(stances.disputed.get(group, [])))
        refusers = tuple(dict.fromkeys(stances.unconfirmed.get(group, [])))
        first = claims[members[0]].id
        out.append(
            replace(
                claim,
                supported_by=tuple(s for s in supporters if s not in disputers + refusers),
                disputed_by=disputers,
                not_confirmed_by=tuple(s for s in refusers if s not in disputers),
                central=group == central,
                same_as=first if first != claim.id else None,
            )
        )
    return out


def speaker_of(span: Span, attributions: Sequence[Attribution]) -> str | None:
    """The source whose attribution (cue, content or source span) contains the cue."""
    for a in attributions:
        if a.source_id and any(overlaps(span, s) for s in a.content + a.cue + a.source):
            return a.source_id
    for a in attributions:  # "Brown declined to ...": the cue sits beside the source span
        if a.source_id and a.source and abs(a.source[-1][1] - span[0]) <= 3:
            return a.source_id
    return None


def _sentence_around(text: str, span: Span) -> str:
    start = max(text.rfind("\n", 0, span[0]), text.rfind(". ", 0, span[0])) + 1
    end_candidates = [i for i in (text.find(". ", span[1]), text.find("\n", span[1])) if i != -1]
    end = min(end_candidates) if end_candidates else len(text)
    return text[start:end]


def inside(inner: Span, outer: Span) -> bool:
    """``inner`` lies within ``outer`` (character spans)."""
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def overlaps(a: Span, b: Span) -> bool:
    """The two character spans share a character."""
    return a[0] < b[1] and b[0] < a[1]
