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
from newsint.nlp import claim_words
from newsint.nlp.central import opening_denial
from newsint.nlp.claim_groups import speaker_of
from newsint.nlp.relations import content_words

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


#: Words of a source's name, role or affiliation that make it a news outlet or journalist.
OUTLET_WORDS = claim_words.words("outlet_words")
#: Heads of a document that says nothing of who made it ("a new report", "early reports").
GENERIC_DOCUMENTS = claim_words.words("generic_documents")


def is_outlet(source: Source) -> bool:
    """A news outlet or journalist, whatever kind the profiles gave it ("The Sun", "Haaretz.com",
    "North Korea's state media", "host Don Lemon"): it relays, it is not the claim's origin."""
    if source.kind == "media":
        return True
    said = " ".join(x for x in (source.name, source.role, source.affiliation) if x).lower()
    return bool(OUTLET_WORDS & set(re.findall(r"[a-z]+", said)))


PLATFORMS = claim_words.words("platforms")
HANDLES = claim_words.words("handles")


def pseudonymous(source: Source) -> bool:
    """Accounts, users or posts on a platform ("Pro-Islamic State Twitter accounts"): handles,
    not people or bodies on the record (guide 2: pseudonymous handles are anonymous)."""
    words = set(re.findall(r"[a-z]+", source.name.lower()))
    return bool(words & PLATFORMS) and bool(words & HANDLES)


def unspecified_document(source: Source) -> bool:
    """A document that says nothing of who made it ("a new report", "early reports", "a video
    posted online"): no name beside its generic head (guide 5: unspecified sources are F)."""
    if source.kind != "document":
        return False
    words = source.name.split()
    heads = [i for i, w in enumerate(words) if w.lower().strip(".,;:") in GENERIC_DOCUMENTS]
    if not heads:
        return False
    # a name before the head ("a Pentagon report") or after "by", "from", "of" ("the latest
    # report from Mark Gurman") says who made it; "disseminated within the U.S. government" or
    # "posted on YouTube" says where it went, not who made it
    before = any(w[:1].isupper() for w in words[1 : heads[0]])
    after = re.search(r"\b(?:by|from|of)\s+(?:the\s+)?[A-Z0-9@]", " ".join(words[heads[0] :]))
    return not before and after is None


def judge_source(source: Source, text: str) -> SourceJudgement:
    """How far the text lets a reader trust this source, with the reasons why."""
    mention = source.mentions[:1]
    if unspecified_document(source) and not source.anonymous:
        why = f"unspecified document or information, not identified: “{source.name}”"
        return SourceJudgement("F", (Reason(why, mention),))
    who = f"{source.name}" + (f" ({source.role})" if source.role and source.anonymous else "")
    if source.anonymous:
        if speaks_for_party(source):
            why = f"an interested party speaking through an unnamed {source.role}: “{source.name}”"
            return SourceJudgement("D", (Reason(why, mention),))
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


#: The roles of a speaker who speaks for a body (claim_words table ``speaking_roles``).
SPEAKING_ROLES = claim_words.words("speaking_roles")


def speaks_for_party(source: Source) -> bool:
    """An unnamed spokesperson of an interested party ("a network spokesman", "a ministry
    spokesperson" for the ministry accused): the party speaks through them (guide 1.10, a body
    and its spokesperson are one source), and a party is graded on its stake, named or not:
    D (guide 5), not the F of a voice nobody can place."""
    words = set(re.findall(r"[a-z]+", (source.role or "").lower()))
    return source.kind == "interested_party" and bool(words & SPEAKING_ROLES)


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
    supporters = _by_maker(backers(claim, sources, attributions, text), sources)
    unresolved = _unresolved_speaker(claim, attributions, text)
    if unresolved is not None and not any(_credible(s, claim, text) for s in supporters):
        return Grade("F", 6, (unresolved,), RULES)
    reliability, reasons = _reliability(claim, _without_relays(claim, supporters, text), text)
    if unresolved is not None:
        reasons = [unresolved, *reasons]  # graded on the sources that back it, said so
    if reliability == "D" and (admission := _admission(claim, attributions, text)) is not None:
        reliability, reasons = "B", [*reasons, admission]
    denial = _own_denial(claim, cues, attributions, text)
    if reliability in "ABC" and denial is not None:
        reliability, reasons = "D", [*reasons, denial]
    credibility, more = _credibility(claim, supporters, by_id, attributions, cues, text)
    return Grade(reliability, credibility, tuple(reasons + more), RULES)  # type: ignore[arg-type]


def backers(
    claim: Claim, sources: Sequence[Source], attributions: Sequence[Attribution], text: str
) -> list[Source]:
    """The sources a claim rests on: its own and its supporters. The outlet's own claim (no
    source, no unresolved speaker) rests only on the speakers who say the same thing, not on
    those a model found on the same topic."""
    by_id = {s.id: s for s in sources}
    found = [by_id[s] for s in claim.supported_by or claim.source_ids if s in by_id]
    if claim.source_ids or _unresolved_speaker(claim, attributions, text) is not None:
        return found
    return [s for s in found if _restates(claim, s, attributions, text)]


def _without_relays(claim: Claim, supporters: list[Source], text: str) -> list[Source]:
    """A claim resting on anonymous sources, whose other backers are only outlets carrying it
    too, is F: an outlet relays, it is not the claim's origin (guide 1.5), and for unnamed
    sources relayed by an outlet the guide takes F or the outlet's standing; newsint says F
    unless a backer other than an outlet gives a letter (then the outlet's standing stands)."""
    own = [s for s in supporters if s.id in claim.source_ids]
    witnesses = [s for s in supporters if s.kind == WITNESS]
    if own and _named_origin(own + witnesses, text):
        # a named person or body of its own, or a witness on the record, says it: an outlet
        # among its supporters carries their word (guide 1.5: an outlet relays), its standing
        # is not theirs ("The Sun" on a volunteer fighter's account, "Mail Online" on a
        # woman's own revelation)
        return [s for s in supporters if s.id in claim.source_ids or not is_outlet(s)]
    if not own or not all(s.anonymous for s in own):
        return supporters
    rest = [s for s in supporters if s.id in claim.source_ids or not is_outlet(s)]
    if any(judge_source(s, text).letter in LETTERS for s in rest):
        return supporters
    return rest


def _named_origin(own: list[Source], text: str) -> bool:
    """Among the claim's own sources, a named one that is no outlet and gives a letter."""
    return any(
        not s.anonymous and not is_outlet(s) and judge_source(s, text).letter in LETTERS
        for s in own
    )


def maker_of(document: Source, sources: Sequence[Source]) -> Source | None:
    """The article's other source named as the document's maker ("a viral online video from
    YouTube prankster Josh Paler Lin" and Josh Paler Lin): the document is that source's word
    (guide 2: a document is judged by its provider)."""
    if document.kind != "document":
        return None
    for source in sources:
        name = re.sub(r"^(?:the|a|an)\s+", "", source.name.strip(), flags=re.I)
        if source.kind == "document" or len(name) < 3 or not name[:1].isupper():
            continue
        if re.search(rf"\b(?:by|from|of)\s+(?:\S+\s+){{0,3}}{re.escape(name)}\b", document.name):
            return source
    return None


def _by_maker(supporters: list[Source], sources: Sequence[Source]) -> list[Source]:
    """Each document made by another source of the article is replaced by its maker: a video
    from an interested party is that party's word, neither a named document's B nor an
    independent confirmation."""
    out: list[Source] = []
    for source in supporters:
        maker = maker_of(source, sources) or source
        if maker not in out:
            out.append(maker)
    return out


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


def _own_denial(
    claim: Claim, cues: Sequence[Cue], attributions: Sequence[Attribution], text: str
) -> Reason | None:
    """A claim that is its sources' denial of an allegation ("China has rejected claims that its
    agents ...") is the accused speaking about their own conduct: an interested party, at most D
    (guide, sections 4 and 5: "A denial by the accused is a dispute by an interested party")."""
    cue = opening_denial(claim, cues, attributions)
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


#: A speaker restates the claim when one of their statements shares this many content words
#: with it, and this share of the smaller one's (as :func:`newsint.nlp.relations.rule_relation`).
RESTATES_SHARED = 3
RESTATES_SHARE = 0.25


def _restates(claim: Claim, source: Source, attributions: Sequence[Attribution], text: str) -> bool:
    """One of the source's statements says what the claim says, in its words: an outlet's own
    claim rests on such a speaker, not on one that only talks about the same topic."""
    claimed = content_words(claim.text)
    for a in attributions:
        if source.id not in (a.source_id, *a.co_source_ids) or not a.content:
            continue
        said = content_words(" ".join(text[s:e] for s, e in a.content))
        shared = claimed & said
        enough = len(shared) >= RESTATES_SHARED
        if enough and len(shared) / min(len(said), len(claimed)) >= RESTATES_SHARE:
            return True
    return False


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
    credible = _independent(
        [
            s
            for s in supporters
            if _credible(s, claim, text) and not _hedged_only(s, claim, attributions, cues)
        ]
    )
    unable = _unable_to_confirm(refusers, cues, attributions, text)
    if not supporters:
        score = 3
        reasons.append(Reason("stated by the outlet without a source", claim.spans))
    elif len(confirming := _confirming(claim, credible, attributions, text)) >= CONFIRMED_BY and (
        claim.certainty >= HEDGED_BELOW
    ):
        credible = confirming
        score = 1
        names = ", ".join(s.name for s in credible)
        reasons.append(
            Reason(f"confirmed on the record by {len(credible)} sources: {names}", claim.spans)
        )
    elif (
        any(s.kind != WITNESS for s in credible) and claim.certainty >= HEDGED_BELOW and not unable
    ):
        score = 2
    else:
        score = 3
    if unable and score == 3 and credible and claim.certainty >= HEDGED_BELOW:
        reasons.append(Reason("a credible source cannot confirm it: possibly true", unable))
    elif score == 3 and credible and all(s.kind == WITNESS for s in credible):
        names = ", ".join(s.name for s in credible)
        reasons.append(Reason(f"one witness's account, unconfirmed: {names}", claim.spans))
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


#: A credible source that cannot confirm or verify the claim, or knows nothing of it ("could not
#: confirm", "not able to validate", "not aware of"): unlike a refusal to comment, it says the
#: claim is not known to be so.
UNABLE = re.compile(
    r"\b(?:can ?not|can't|could not|couldn't|unable to|not able to)\s+(?:\w+ly\s+)?"
    r"(?:confirm|verify|validate|corroborate)|\bnot aware\b",
    re.I,
)


def _unable_to_confirm(
    refusers: list[Source], cues: Sequence[Cue], attributions: Sequence[Attribution], text: str
) -> tuple[Span, ...]:
    """The cues of credible non-confirmers who say they cannot confirm the claim: the claim is
    then only possibly true (3), not probably (2); a refusal to comment is no evidence."""
    return tuple(
        span
        for s in refusers
        if _credible(s)
        for span in _cue_spans(cues, s, ("non_confirmation",), attributions)
        if UNABLE.search(text[span[0] : span[1]])
    )


def _confirming(
    claim: Claim, credible: list[Source], attributions: Sequence[Attribution], text: str
) -> list[Source]:
    """Of the credible backers, those whose word confirms the claim itself: its own sources and
    the supporters who say it in its words; a supporter found on the topic backs it, it does not
    confirm it on the record."""
    return [
        s for s in credible if s.id in claim.source_ids or _restates(claim, s, attributions, text)
    ]


#: A witness (a bystander, victim or participant telling what they saw) on the record, alone,
#: makes a claim possibly true (3), not probably (2): one account, nothing to check it against.
WITNESS = "witness"
#: Credibility 1 ("confirmed by other sources") needs this many credible named sources behind
#: the claim (its own and its supporters): one named source is "probably true", 2.
CONFIRMED_BY = 2
#: A claim a credible named source disputes is at best "doubtful".
DISPUTED = 4


def _credible(source: Source, claim: Claim | None = None, text: str = "") -> bool:
    """A named source with no stake in the claim: its word confirms or disputes it. A document
    the text gives as someone's own ("its full statement", "his letter") is that party's word,
    not an independent one; so is the word of a party the claim is about ("Apple" on "Apple
    has redesigned ..."), of an outlet relaying it, and of a document nobody is named for."""
    if source.kind == "document" and OWN_DOCUMENT.match(source.name):
        return False
    if is_outlet(source) or unspecified_document(source) or pseudonymous(source):
        return False
    if claim is not None and _subject_of(claim, source):
        return False
    return not source.anonymous and source.kind not in {"interested_party", "media", "other"}


def _hedged_only(
    source: Source, claim: Claim, attributions: Sequence[Attribution], cues: Sequence[Cue]
) -> bool:
    """Everything a supporter says is hedged ("some of the bodies could have been earlier
    victims"): it says the claim may be so, it does not confirm it. The claim's own sources
    are judged by the claim's certainty instead."""
    if source.id in claim.source_ids:
        return False
    said = [
        (a.content[0][0], a.content[-1][1])
        for a in attributions
        if a.content and source.id in (a.source_id, *a.co_source_ids)
    ]
    hedges = [c.span for c in cues if c.kind == "hedge"]
    return bool(said) and all(any(s <= h[0] and h[1] <= e for h in hedges) for s, e in said)


def _subject_of(claim: Claim, source: Source) -> bool:
    """The source is named in the claim itself: the claim is about it ("Apple has completely
    redesigned the MacBook Air" and Apple), so its word on it is its own (guide 3: the subject
    of the story speaking about its own conduct)."""
    name = re.sub(r"^(?:the|a|an)\s+", "", source.name.strip(), flags=re.I)
    if not name or not name[:1].isupper():
        return False
    return re.search(rf"\b{re.escape(name)}\b", claim.text) is not None


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
        if source.role:
            keys.add(source.role.lower())
        if not keys & seen and not any(_described_as(source, other) for other in out):
            out.append(source)
        seen |= keys
    return out


def _described_as(a: Source, b: Source) -> bool:
    """One of the two is named by the other's title ("Mexico's attorney general" and "Jesus
    Murillo Karam", Attorney General): one person under a name and a description."""
    for named, described in ((a, b), (b, a)):
        role = (named.role or "").lower().strip()
        if role and len(role) > 3 and described.name.lower().endswith(role):
            return True
    return False


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
