"""The central claim judged: the lede's claim marked central, and every other statement of the
article related to it (:mod:`newsint.nlp.central` finds the lede, :mod:`newsint.nlp.relations`
relates a statement to a claim): who supports it, disputes it or declines to confirm it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import replace

from newsint.models import Attribution, Claim, Cue, Source, Span
from newsint.nlp import central as central_stage
from newsint.nlp.claim_groups import ANAPHORIC_START, denials_of, inside, overlaps
from newsint.nlp.hedging import certainty
from newsint.nlp.relations import (
    Relation,
    Stance,
    Statement,
    Target,
    defends,
    relate_scored,
    rule_relation,
    speaks_for_actor,
)


def judge_central(
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
            hedges=tuple(c.span for c in cues if c.kind == "hedge" and inside(c.span, lede.span)),
        )
        # the outlet's own claim on the same words gives way to the lede credited to its source
        dropped = {
            i
            for i, c in enumerate(claims)
            if not c.source_ids and c.spans and inside(new.spans[0], c.spans[0])
        }
        claims, scopes = [*claims, new], [*scopes, lede.span]
        index = len(claims) - 1
    else:
        dropped = set()
    assert index is not None
    answerers: tuple[str, ...] = ()
    if lede.answer is not None and lede.answerer is not None and not lede.denial:
        claims[index] = _without_answer(claims[index], lede.answer, text)
        answerers = (
            _speakers_at(lede.answerer, sources, text)
            or _speaking_for(lede.answerer, sources, text)
            or _spokesperson(lede, claims, scopes, cues, refusals, sources, attributions)
        )
    center = claims[index]
    outer = {a.id for a in lede.attributions} if lede.denier is None else set()
    accusers = frozenset(
        a.source_id
        for a in attributions
        if a.source_id and a.id not in outer and a.cue and inside(a.cue[0], lede.span)
    ) - set(center.source_ids)
    # where the claim and each statement stand: the relation model reads their distance, as it
    # was trained (scripts/train_relations.py gives every labelled pair its offsets)
    # a source's negation is a denial; the outlet's own ("X has not been seen") is an observation
    denial = lede.denial or (bool(center.source_ids) and negated(center.text))
    target = Target(center.text, frozenset(center.source_ids), denial, accusers, center.spans[0][0])
    by_source: dict[str, set[Relation]] = {}
    asked = [i for i, claim in enumerate(claims) if i != index and claim.source_ids]
    statements = [
        Statement(
            claims[i].text,
            frozenset(claims[i].source_ids),
            stance_of(i, scopes[i], cues, refusals),
            _follows(claims, index, i) and bool(ANAPHORIC_START.match(claims[i].text)),
            claims[i].spans[0][0],
        )
        for i in asked
    ]
    by_rule: dict[str, set[Relation]] = {}
    said = Counter(s for i in asked for s in claims[i].source_ids)
    # the claim's subject: the parties its words name, and who speaks for its actor ("police
    # spokesman" for "Police opened fire ...")
    subjects = _named_in(center, sources, attributions) | {
        s.id for s in sources if speaks_for_actor(center.text, s.role, s.affiliation)
    }
    outlets = {s.id for s in sources if s.kind == "media"}
    decided = zip(asked, statements, _relations(target, statements), strict=True)
    for i, statement, (relation, ruled) in decided:
        if relation == "supports" and not _can_support(claims[i], fragments, sources):
            relation = "unrelated"  # still found on evidence: the model's guesses stay out
        if (
            relation == "supports"
            and set(claims[i].source_ids) & subjects
            and rule_relation(target, statement) != "supports"
        ):
            relation = "unrelated"  # the claim's subject on its topic, not saying it again
        if (
            relation == "disputes"
            and not ruled
            and statement.stance is None
            and max(said[s] for s in claims[i].source_ids) < DISPUTER_STATEMENTS
        ):
            relation = "unrelated"  # the model's guess of a side, for a speaker quoted once
        if relation == "disputes" and not ruled and set(claims[i].source_ids) <= outlets:
            relation = "unrelated"  # an outlet relays the story; it takes no side by a guess
        if relation == "disputes" and _denies_another(claims, index, i, statement, lede.span):
            relation = "unrelated"
        if (
            relation in ("supports", "unrelated")
            and not lede.denial
            and set(claims[i].source_ids) & subjects
            and defends(claims[i].text)
        ):
            relation, ruled = "disputes", True  # the accused justify the act: a dispute
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
        if "supports" not in by_rule.get(source, ()):  # one who denies too sides with the denier
            by_source.setdefault(source, set()).add("disputes")
    # "..., a newspaper says, but the government denied the report": the denier disputes it
    for source in set(answerers) - target.sources:
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
    # the old central group follows the new central claim, but a denial in its own words
    # ("These claims are false") is no restatement of an assertion (guide 4)
    denials = dict(zip((c.id for c in claims), denials_of(claims, cues), strict=True))
    grouped = {
        c.id
        for c in claims
        if c.central and c.id != center.id and denials[c.id] == denials[center.id]
    }
    out = []
    for i, claim in enumerate(claims):
        if i in dropped:
            continue
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


#: A claim whose main verb is negated near its start ("Isis in Iraq does not have Ebola"):
#: against it, a statement that asserts the proposition disputes it, as against a denial.
NEGATED = re.compile(
    r"^\W*(?:[\w'’().,-]+\s+){1,10}?(?:does|do|did|is|are|was|were|has|have|had|will|can)"
    r"(?:\s+not\b|n[’']t\b|\s+never\b)"
)


def negated(text: str) -> bool:
    """The claim denies in its main clause: "X does not have Ebola", "Y has never met Z"."""
    return NEGATED.search(text) is not None


#: The relation model's guess that a statement with no dispute words disputes the claim (it may
#: guess so only against a denial, or for a denial that shares no word with the claim) counts only
#: for a speaker the article quotes at least this often: one quoted once on the topic is seldom a
#: party to the allegation, and the model reads the side from topic words. Its disputers quoted
#: once were right 3 times in 18 on the own FNC and pages sets (quoted twice or more: 7 in 12);
#: dispute F1 own FNC .357 -> .364, pages .417 -> .486, realnews dev .429 -> .476. A statement
#: that says it in dispute words ("cast doubt over the credibility of ...") but shares no word
#: with the claim is exempt: the words are evidence, not a side read from the topic (own FNC
#: .500 -> .560, realnews .476 -> .489, pages unchanged).
DISPUTER_STATEMENTS = 2


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


def _named_in(
    claim: Claim, sources: Sequence[Source], attributions: Sequence[Attribution]
) -> set[str]:
    """The sources the claim's own words name, not as its speakers ("Rumors about the death of
    Fidel Castro", "Apple has redesigned the MacBook Air"): the claim's subject. What the subject
    says on the topic is its own story, not a second voice saying the claim (guide 4: support
    asserts the same proposition); only a restatement in the claim's words (the rules) backs it.
    Those credited in the claim's sentence ("hailed as a hero by politicians") are its sources."""
    credited = [span for a in attributions for span in a.source]
    by_mention = {
        s.id
        for s in sources
        for m in s.mentions
        if any(overlaps(m, span) for span in claim.spans)
        and not any(overlaps(m, c) for c in credited)
    }
    by_name = {
        s.id
        for s in sources
        if not s.anonymous
        and s.name[:1].isupper()
        and re.search(rf"\b{re.escape(s.name)}\b", claim.text)
        and s.id not in claim.source_ids
    }
    return by_mention | by_name


def _can_support(claim: Claim, fragments: Collection[str], sources: Sequence[Source]) -> bool:
    """Whether a statement can assert the claim's proposition: a noun phrase cannot ("welcomed
    the exchange", "the Apple Watch", "an ISIS blackout on social media": guide 4, support is the
    same proposition in other words), unless a document says it ("a video showing the
    deliverer being stopped": what a document shows is its statement)."""
    if claim.id not in fragments:
        return True
    documents = {s.id for s in sources if s.kind == "document"}
    return any(source in documents for source in claim.source_ids)


def _without_answer(claim: Claim, answer: Span, text: str) -> Claim:
    """The report's claim without the lede's clause that denies it ("Y but the government
    denied the report" -> "Y")."""
    spans = tuple(span for span in claim.spans if not inside(span, answer))
    spans = (
        tuple(
            (s, min(e, answer[0])) if s < answer[0] < e else (s, e)
            for s, e in spans
            if s < answer[0]
        )
        or claim.spans
    )
    spans = tuple((s, s + len(text[s:e].rstrip(" ,;"))) for s, e in spans)
    return replace(claim, text=" ".join(text[s:e] for s, e in spans), spans=spans)


def _speaking_for(span: Span, sources: Sequence[Source], text: str) -> tuple[str, ...]:
    """The sources whose role or affiliation holds the head word of the body named at ``span``
    ("the Greek government" -> "government spokesman Ilias Mosialos": guide 1.10, a body and
    its spokesperson are one source)."""
    words = re.findall(r"[A-Za-z]+", text[span[0] : span[1]])
    head = words[-1].lower() if words else ""
    if len(head) < 4:
        return ()
    return tuple(
        s.id
        for s in sources
        if head in re.findall(r"[a-z]+", " ".join(x for x in (s.role, s.affiliation) if x).lower())
    )


def _speakers_at(span: Span, sources: Sequence[Source], text: str) -> tuple[str, ...]:
    """The sources mentioned at ``span`` (a denier named as the subject of the lede's denial),
    else those whose name, role or affiliation holds the words there ("China" -> "Chinese
    Foreign Ministry spokesman Hong Lei" does not, so nothing is guessed)."""
    at = tuple(s.id for s in sources if any(overlaps(span, m) for m in s.mentions))
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
    accusers = {a.source_id for a in attributions if a.cue and inside(a.cue[0], lede.span)}
    by_id = {s.id: s for s in sources}
    for i, claim in enumerate(claims):
        start = claim.spans[0][0]
        if not lede.span[1] <= start <= lede.span[1] + SPOKESPERSON_WITHIN or not claim.source_ids:
            continue
        if set(claim.source_ids) & accusers:
            continue
        speaker = by_id.get(claim.source_ids[0])
        spokes = speaker is not None and "spokes" in (speaker.role or "").lower()
        if spokes or stance_of(i, scopes[i], cues, refusals) == "denial":
            return claim.source_ids
    return ()


#: A denial whose whole content points back: "denied those reports", "rejected the claims".
POINTING_BACK = re.compile(
    r"^(?:those|these|the|such|that|this|its|their)?\s*(?:reports?|claims?|allegations?|"
    r"accounts?|rumou?rs?|stories|story|it|this|that)$",
    re.I,
)


def _denies_another(
    claims: list[Claim], index: int, i: int, statement: Statement, lede: Span
) -> bool:
    """A denial of "those reports" denies the claim right before it: when that is another
    claim than the central one ("the plane was operated by Ariana", then "its CEO denied those
    reports"), it says nothing against the central claim ("a plane crashed")."""
    if statement.stance != "denial" or not POINTING_BACK.match(claims[i].text.strip(' ."“”')):
        return False
    before = [j for j, c in enumerate(claims) if c.spans[0][0] < claims[i].spans[0][0]]
    if not before:
        return False
    previous = max(before, key=lambda j: claims[j].spans[0][0])
    # denying the lede (which a headline's central claim stands for) is a dispute
    return previous != index and not overlaps(claims[previous].spans[0], lede)


def _follows(claims: list[Claim], index: int, i: int) -> bool:
    """Claim ``i`` is the next one after claim ``index`` in the text."""
    after = [j for j, c in enumerate(claims) if c.spans[0][0] > claims[index].spans[0][0]]
    return bool(after) and min(after, key=lambda j: claims[j].spans[0][0]) == i


def stance_of(index: int, scope: Span, cues: Sequence[Cue], refusals: set[int]) -> Stance:
    """A refusal to confirm, or a denial or dispute, said in this statement."""
    if index in refusals or any(
        c.kind == "non_confirmation" and inside(c.span, scope) for c in cues
    ):
        return "non_confirmation"
    if any(c.kind in {"denial", "dispute"} and inside(c.span, scope) for c in cues):
        return "denial"
    return None
