"""Claims: what the article asserts, who stands behind it and how surely (``newsint.claims.v2``).

Every attributed content is a claim; so is every sentence the outlet asserts on its own (no
attribution touches it). A content that is no proposition ("welcomed the exchange") is related
to the central claim, then dropped (:mod:`newsint.nlp.propositions`). The in-article groups of
claims that say the same thing and the stance cues' targets are :mod:`newsint.nlp.claim_groups`;
the central claim and who supports, disputes or declines to confirm it,
:mod:`newsint.nlp.central_judgement`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from newsint.models import Attribution, Claim, Cue, Source
from newsint.nlp import central as central_stage
from newsint.nlp import claim_words
from newsint.nlp.central_judgement import judge_central
from newsint.nlp.checkworthy import checkworthiness
from newsint.nlp.claim_groups import (
    TITLE_GROUP,
    central_group,
    content_words_of,
    denials_of,
    find_stances,
    group_claims,
    inside,
    link_groups,
    overlaps,
    refusals_of,
    scope_of,
)
from newsint.nlp.embeddings import embed
from newsint.nlp.hedging import certainty
from newsint.nlp.propositions import is_proposition

RULES = "newsint.claims.v2"


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
    words = [content_words_of(c.text) for c in claims]
    vectors = embed([c.text for c in claims] + [title or ""])
    denied = denials_of(claims, cues)
    groups = group_claims(claims, vectors, bool(title), denied)
    refusals = refusals_of(claims, attributions, cues)
    central = (
        TITLE_GROUP
        if TITLE_GROUP in groups
        else central_group(groups, claims, words, title, refusals)
    )
    scopes = [scope_of(c, attributions) for c in claims]
    stances = find_stances(
        doc.text, claims, scopes, words, groups, central, attributions, cues, denied
    )
    linked = link_groups(claims, groups, central, stances)
    # "welcomed the exchange", "cited Taliban violence": who spoke about what, no proposition
    fragments = {c.id for c in claims if c.attribution_ids and not is_proposition(doc, c.spans)}
    lede = central_stage.find_lede(doc, attributions, cues)
    if lede is not None:
        linked = judge_central(
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
                hedges=tuple(c.span for c in cues if c.kind == "hedge" and inside(c.span, scope)),
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
        if not _is_assertion(sent) or any(overlaps(span, t) for t in taken):
            continue
        claims.append(
            Claim(
                id="",
                text=text,
                spans=(span,),
                certainty=certainty(cues, span),
                hedges=tuple(c.span for c in cues if c.kind == "hedge" and inside(c.span, span)),
            )
        )
    return claims


#: "It remains unclear why ...", "It is not yet known whether ...": an open question the outlet
#: states, not a proposition (guide 4); table ``open_questions``.
OPEN_QUESTION = claim_words.pattern("open_questions", at_start=True)


def _is_assertion(sent: object) -> bool:
    text = sent.text.strip()  # type: ignore[attr-defined]
    if len(text.split()) < 5 or text.endswith("?") or OPEN_QUESTION.match(text):
        return False
    root = sent.root  # type: ignore[attr-defined]
    has_subject = any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in root.children)
    return has_subject and root.pos_ in {"VERB", "AUX"}  # "Follow us on Facebook" asserts nothing
