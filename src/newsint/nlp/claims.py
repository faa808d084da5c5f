"""Claims: what the article asserts, who stands behind it, how surely, and who disputes it.

Every attributed content is a claim; so is every sentence the outlet asserts on its own
(no attribution touches it). Claims that say the same thing are linked (``same_as``) and the
group that best matches the headline and has the most supporters is the central claim.
Dispute, denial and non-confirmation cues are attached to the claim they scope.
Rules are ``newsint.claims.v1``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from spacy.tokens import Doc

from newsint.models import Attribution, Claim, Cue, Source, Span
from newsint.nlp import central as central_stage
from newsint.nlp.checkworthy import checkworthiness
from newsint.nlp.embeddings import embed
from newsint.nlp.hedging import certainty
from newsint.nlp.propositions import is_proposition
from newsint.nlp.relations import (
    Relation,
    Stance,
    Statement,
    Target,
    content_words,
    relate_scored,
    rule_relation,
)

RULES = "newsint.claims.v2"

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
#: Words that point back to something said before ("this danger", "the allegations").
ANAPHORA = re.compile(
    r"\b(this|these|such|the)\s+(danger|threat|claim|claims|allegation|allegations|report|"
    r"reports|accusation|accusations|story|idea|theory|information)\b|\bany reports\b",
    re.I,
)


def build_claims(
    doc: Doc,
    attributions: Sequence[Attribution],
    sources: Sequence[Source],
    cues: Sequence[Cue],
    *,
    title: str | None = None,
) -> list[Claim]:
    """All claims of an article, linked, with certainty, supporters and disputers."""
    claims = _attributed(doc.text, attributions, cues) + _unattributed(doc, attributions, cues)
    claims.sort(key=lambda c: c.spans[0][0])
    claims = [
        replace(c, id=f"c{i + 1}", checkworthiness=round(checkworthiness(c.text), 3))
        for i, c in enumerate(claims)
    ]
    words = [_content_words(c.text) for c in claims]
    groups = _group(claims, embed([c.text for c in claims] + [title or ""]), bool(title))
    refusals = _refusals(claims, attributions, cues)
    central = (
        TITLE_GROUP
        if TITLE_GROUP in groups
        else _central_group(groups, claims, words, title, refusals)
    )
    scopes = [_scope(c, attributions) for c in claims]
    stances = _stances(doc.text, claims, scopes, words, groups, central, attributions, cues)
    linked = _link(claims, groups, central, stances)
    # "welcomed the exchange", "cited Taliban violence": who spoke about what, no proposition
    fragments = {c.id for c in claims if c.attribution_ids and not is_proposition(doc, c.spans)}
    lede = central_stage.find_lede(doc, attributions, cues)
    if lede is not None:
        linked = _judge_central(
            doc.text, lede, linked, scopes, attributions, cues, refusals, sources, fragments
        )
    return without_fragments(linked, fragments)


def without_fragments(claims: list[Claim], fragments: Collection[str]) -> list[Claim]:
    """The claims that are propositions (guide 4: a claim can be true or false, never a noun
    phrase), numbered again; a link to a dropped claim goes to the first kept claim of its
    group. The fragments were still related to the central claim: "X denied the allegations"
    disputes it, though "the allegations" is no claim."""
    kept = [c for c in claims if c.central or c.id not in fragments]
    kept_ids = {c.id for c in kept}
    seeds = {g: g for g in kept_ids}  # a kept claim stays the seed of its group
    for claim in kept:
        seeds.setdefault(claim.same_as or claim.id, claim.id)
    ids = {c.id: f"c{i + 1}" for i, c in enumerate(kept)}
    out = []
    for claim in kept:
        seed = seeds[claim.same_as or claim.id]
        same_as = ids[seed] if seed != claim.id else None
        out.append(replace(claim, id=ids[claim.id], same_as=same_as))
    return out


def _judge_central(
    text: str,
    lede: central_stage.Lede,
    claims: list[Claim],
    scopes: list[Span],
    attributions: Sequence[Attribution],
    cues: Sequence[Cue],
    refusals: set[int],
    sources: Sequence[Source] = (),
    fragments: Collection[str] = (),
) -> list[Claim]:
    """Mark the lede's claim central and relate every other statement to it
    (:mod:`newsint.nlp.central`, :mod:`newsint.nlp.relations`)."""
    skip = set(refusals) | {i for i, c in enumerate(claims) if c.id in fragments}
    index, new = central_stage.central_claim(text, lede, claims, skip)
    if new is not None and lede.denier is not None:
        deniers = _speakers_at(lede.denier, sources, text) or _spokesperson(
            lede, claims, scopes, cues, refusals, sources, attributions
        )
        new = replace(new, source_ids=deniers)
    if new is not None:
        new = replace(
            new,
            id=f"c{len(claims) + 1}",
            certainty=certainty(cues, lede.span),
            hedges=tuple(c.span for c in cues if c.kind == "hedge" and _inside(c.span, lede.span)),
        )
        claims, scopes = [*claims, new], [*scopes, lede.span]
        index = len(claims) - 1
    assert index is not None
    center = claims[index]
    outer = {a.id for a in lede.attributions} if lede.denier is None else set()
    accusers = frozenset(
        a.source_id
        for a in attributions
        if a.source_id and a.id not in outer and a.cue and _inside(a.cue[0], lede.span)
    ) - set(center.source_ids)
    target = Target(center.text, frozenset(center.source_ids), lede.denial, accusers)
    by_source: dict[str, set[Relation]] = {}
    asked = [i for i, claim in enumerate(claims) if i != index and claim.source_ids]
    statements = [
        Statement(
            claims[i].text,
            frozenset(claims[i].source_ids),
            _stance_of(i, scopes[i], cues, refusals),
            _follows(claims, index, i) and bool(ANAPHORIC_START.match(claims[i].text)),
        )
        for i in asked
    ]
    by_rule: dict[str, set[Relation]] = {}
    for i, (relation, ruled) in zip(asked, _relations(target, statements), strict=True):
        if relation == "supports" and not _can_support(claims[i], fragments, sources):
            relation = "unrelated"  # still found on evidence: the model's guesses stay out
        for source in claims[i].source_ids:
            by_source.setdefault(source, set()).add(relation)
            if ruled:
                by_rule.setdefault(source, set()).add(relation)
    # a speaker's relation the rules found on explicit evidence outweighs the model's guesses on
    # their other statements (Kent supports the claim; "the disputed oil cities" is no dispute)
    by_source |= by_rule
    # the accusers dispute a denial (guide 4); beside any other lede they are only its context
    # ("Trump claimed victory as the House concluded its hearing": the House disputes nothing)
    for source in accusers - target.sources if lede.denial else ():
        by_source.setdefault(source, set()).add("disputes")
    disputers = tuple(s for s, r in by_source.items() if "disputes" in r)
    refusers = tuple(s for s, r in by_source.items() if "not_confirm" in r and s not in disputers)
    supporters = tuple(
        s
        for s, r in by_source.items()
        if "supports" in r
        and s not in disputers + refusers
        # the outlet's own claim rests only on who says the same thing: the rules' restatements
        # and those the model is sure of, not whom it finds on the same topic
        and (center.source_ids or "supports" in by_rule.get(s, ()))
    )
    grouped = {c.id for c in claims if c.central and c.id != center.id}
    out = []
    for i, claim in enumerate(claims):
        if i == index:
            claim = replace(
                claim,
                central=True,
                same_as=None,
                supported_by=tuple(dict.fromkeys(center.source_ids + supporters)),
                disputed_by=disputers,
                not_confirmed_by=refusers,
            )
        else:
            # in-article restatement links stay the lexical groups' (the corpus clusters
            # documents through them); the central claim's group follows the new central claim
            same_as = (
                center.id if claim.same_as in grouped or claim.id in grouped else claim.same_as
            )
            claim = replace(claim, central=False, same_as=same_as)
        out.append(claim)
    return sorted(out, key=lambda c: c.spans[0][0])


#: The outlet's own claim rests on a speaker the relation model finds supporting it with at least
#: this probability. On newsint's own pairs toward outlet-voice claims (391, fitted on them, so
#: optimistic): precision .64, recall .47 at .4 (.82 and .28 at .5; .75 and .12 for the
#: shared-words rule alone). On the judgement sets .4 gave central sources F1 own FNC .588 ->
#: .599, pages .564 -> .568, realnews .516 -> .512 (.576, .581, .519 at .5).
CONFIDENT_SUPPORT = 0.4


def _relations(target: Target, statements: list[Statement]) -> list[tuple[Relation, bool]]:
    """Each statement's relation to the claim, and whether the rules found it on explicit
    evidence: the rules are asked once, the model (through :func:`relate_all`) only about the
    statements they leave unrelated."""
    found = [rule_relation(target, s) for s in statements]
    open_ = [k for k, relation in enumerate(found) if relation == "unrelated"]
    decided = relate_scored(target, [statements[k] for k in open_])
    out = [(relation, relation != "unrelated") for relation in found]
    for k, (relation, sure) in zip(open_, decided, strict=True):
        # a support of the outlet's own claim the model is sure of counts as found on evidence
        confident = relation == "supports" and sure >= CONFIDENT_SUPPORT and not target.sources
        out[k] = (relation, confident)
    return out


def _can_support(claim: Claim, fragments: Collection[str], sources: Sequence[Source]) -> bool:
    """Whether a statement can assert the claim's proposition: a noun phrase cannot ("welcomed
    the exchange", "the Apple Watch", "an ISIS blackout on social media": guide 4, support is the
    same proposition in other words), unless a document says it ("a video showing the
    deliverer being stopped": what a document shows is its statement)."""
    if claim.id not in fragments:
        return True
    documents = {s.id for s in sources if s.kind == "document"}
    return any(source in documents for source in claim.source_ids)


def _speakers_at(span: Span, sources: Sequence[Source], text: str) -> tuple[str, ...]:
    """The sources mentioned at ``span`` (a denier named as the subject of the lede's denial),
    else those whose name, role or affiliation holds the words there ("China" -> "Chinese
    Foreign Ministry spokesman Hong Lei" does not, so nothing is guessed)."""
    at = tuple(s.id for s in sources if any(_overlaps(span, m) for m in s.mentions))
    if at:
        return at
    words = text[span[0] : span[1]].strip()
    words = re.sub(r"^(?:the|a|an)\s+", "", words, flags=re.I)
    if not words:
        return ()
    return tuple(
        s.id
        for s in sources
        if words.lower() in " ".join(x for x in (s.name, s.role, s.affiliation) if x).lower()
    )


#: How far after the lede (characters: about two paragraphs) the spokesperson of a denier who is
#: not a source is looked for.
SPOKESPERSON_WITHIN = 400


def _spokesperson(
    lede: central_stage.Lede,
    claims: list[Claim],
    scopes: list[Span],
    cues: Sequence[Cue],
    refusals: set[int],
    sources: Sequence[Source],
    attributions: Sequence[Attribution],
) -> tuple[str, ...]:
    """ "China has rejected claims ...", then "Foreign Ministry spokesman Hong Lei called the
    allegations irresponsible": when the denier of the lede is not itself a source, the first
    later speaker who denies, or speaks as a spokesperson, and is not an accuser speaks for it
    (an organisation and its spokesperson making one statement are one source, guide 1.10)."""
    accusers = {a.source_id for a in attributions if a.cue and _inside(a.cue[0], lede.span)}
    by_id = {s.id: s for s in sources}
    for i, claim in enumerate(claims):
        start = claim.spans[0][0]
        if not lede.span[1] <= start <= lede.span[1] + SPOKESPERSON_WITHIN or not claim.source_ids:
            continue
        if set(claim.source_ids) & accusers:
            continue
        speaker = by_id.get(claim.source_ids[0])
        spokes = speaker is not None and "spokes" in (speaker.role or "").lower()
        if spokes or _stance_of(i, scopes[i], cues, refusals) == "denial":
            return claim.source_ids
    return ()


def _follows(claims: list[Claim], index: int, i: int) -> bool:
    """Claim ``i`` is the next one after claim ``index`` in the text."""
    after = [j for j, c in enumerate(claims) if c.spans[0][0] > claims[index].spans[0][0]]
    return bool(after) and min(after, key=lambda j: claims[j].spans[0][0]) == i


def _stance_of(index: int, scope: Span, cues: Sequence[Cue], refusals: set[int]) -> Stance:
    """A refusal to confirm, or a denial or dispute, said in this statement."""
    if index in refusals or any(
        c.kind == "non_confirmation" and _inside(c.span, scope) for c in cues
    ):
        return "non_confirmation"
    if any(c.kind in {"denial", "dispute"} and _inside(c.span, scope) for c in cues):
        return "denial"
    return None


def _attributed(text: str, attributions: Sequence[Attribution], cues: Sequence[Cue]) -> list[Claim]:
    claims = []
    for a in attributions:
        if not a.content:
            continue
        body = " ".join(text[s:e].strip() for s, e in a.content)
        scope = (min(s for s, _ in a.content + a.cue), max(e for _, e in a.content + a.cue))
        claims.append(
            Claim(
                id="",
                text=body,
                spans=a.content,
                attribution_ids=(a.id,),
                source_ids=((a.source_id,) if a.source_id else ()) + a.co_source_ids,
                certainty=certainty(cues, scope),
                hedges=tuple(c.span for c in cues if c.kind == "hedge" and _inside(c.span, scope)),
            )
        )
    return claims


def _unattributed(
    doc: Doc, attributions: Sequence[Attribution], cues: Sequence[Cue]
) -> list[Claim]:
    taken = [span for a in attributions for span in a.content + a.cue + a.source]
    claims = []
    for sent in doc.sents:
        span = (sent.start_char, sent.end_char)
        text = sent.text.strip()
        if not _is_assertion(sent) or any(_overlaps(span, t) for t in taken):
            continue
        claims.append(
            Claim(
                id="",
                text=text,
                spans=(span,),
                certainty=certainty(cues, span),
                hedges=tuple(c.span for c in cues if c.kind == "hedge" and _inside(c.span, span)),
            )
        )
    return claims


def _is_assertion(sent: object) -> bool:
    text = sent.text.strip()  # type: ignore[attr-defined]
    if len(text.split()) < 5 or text.endswith("?"):
        return False
    root = sent.root  # type: ignore[attr-defined]
    has_subject = any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in root.children)
    return has_subject and root.pos_ in {"VERB", "AUX"}  # "Follow us on Facebook" asserts nothing


def _inside(inner: Span, outer: Span) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _content_words(text: str) -> set[str]:
    return content_words(text, STOP, hyphens=False)


def _group(claims: list[Claim], vectors: np.ndarray, titled: bool) -> list[int]:
    """Each claim joins the group whose first claim it restates best (``SAME_CLAIM_COSINE``), or
    starts a new one. ``vectors`` holds one embedding per claim, then the headline's.

    The headline is the outlet's own statement of the central claim: it seeds the first group
    (``TITLE_GROUP``), so restatements of the headline gather there.

    A claim that opens with a pronoun subject ("It is a complex covert operation ...") continues
    the claim just before it.
    """
    groups: list[int] = []
    seeds: list[int] = [TITLE_GROUP] if titled else []
    for i, claim in enumerate(claims):
        if i and ANAPHORIC_START.match(claim.text) and claim.source_ids:
            groups.append(groups[i - 1])
            continue
        best, best_score = None, SAME_CLAIM_COSINE
        for seed in seeds:
            score = float(vectors[i] @ vectors[seed])  # the title is the last row
            if score >= best_score:
                best, best_score = seed, score
        if best is None:
            seeds.append(i)
            groups.append(i)
        else:
            groups.append(best if best == TITLE_GROUP else groups[best])
    return groups


def _central_group(
    groups: list[int],
    claims: list[Claim],
    words: list[set[str]],
    title: str | None,
    refusals: Collection[int] = (),
) -> int | None:
    if not claims:
        return None
    title_words = _content_words(title or "")
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


def _refusals(
    claims: list[Claim], attributions: Sequence[Attribution], cues: Sequence[Cue]
) -> set[int]:
    """Claims whose cue is a refusal to confirm ("declined to comment on ...")."""
    refusing = [c.span for c in cues if c.kind == "non_confirmation"]
    cue_of = {a.id: a.cue for a in attributions}
    return {
        i
        for i, claim in enumerate(claims)
        for a in claim.attribution_ids
        if any(_overlaps(span, r) for span in cue_of.get(a, ()) for r in refusing)
    }


def _scope(claim: Claim, attributions: Sequence[Attribution]) -> Span:
    """The text a claim covers, its attribution's cue included ("Brown declined to ...")."""
    spans = list(claim.spans)
    for a in attributions:
        if a.id in claim.attribution_ids:
            spans += list(a.cue)
    return min(s for s, _ in spans), max(e for _, e in spans)


@dataclass(slots=True)
class _Stances:
    """Per group: who disputes or declines to confirm it; per claim: is it a stance, not support."""

    disputed: dict[int, list[str]] = field(default_factory=dict)
    unconfirmed: dict[int, list[str]] = field(default_factory=dict)
    stance_claims: set[int] = field(default_factory=set)


def _stances(
    text: str,
    claims: list[Claim],
    scopes: list[Span],
    words: list[set[str]],
    groups: list[int],
    central: int | None,
    attributions: Sequence[Attribution],
    cues: Sequence[Cue],
) -> _Stances:
    """Give every dispute / denial / non-confirmation cue to the claim group it scopes."""
    out = _Stances()
    stance_cues = [c for c in cues if c.kind != "hedge"]
    out.stance_claims = {
        i for i, sc in enumerate(scopes) if any(_inside(c.span, sc) for c in stance_cues)
    }
    for cue in stance_cues:
        speaker = speaker_of(cue.span, attributions)
        if speaker is None:
            continue
        own = next((i for i, sc in enumerate(scopes) if _inside(cue.span, sc)), None)
        group = _target_group(
            text, cue.span, own, speaker, claims, words, groups, central, out.stance_claims
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
) -> int | None:
    """The group a stance cue is about: the cue's own claim when others make that claim too,
    else the claim of another source that the cue's sentence shares most words with, else the
    central claim (``this danger``, ``reports we receive``)."""
    if own is not None:
        others = [c for c, g in zip(claims, groups, strict=True) if g == groups[own]]
        if any(speaker not in c.source_ids for c in others):
            return groups[own]
    window = _content_words(_sentence_around(text, cue))
    best, best_shared = None, 0
    for index, claim in enumerate(claims):
        if speaker in claim.source_ids or not claim.source_ids or index in stance_claims:
            continue
        shared = len(window & words[index])
        if shared > best_shared:
            best, best_shared = groups[index], shared
    if best is not None and best_shared >= DISPUTE_MIN_SHARED:
        return best
    return central


def _link(
    claims: list[Claim], groups: list[int], central: int | None, stances: _Stances
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
        if a.source_id and any(_overlaps(span, s) for s in a.content + a.cue + a.source):
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
