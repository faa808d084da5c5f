"""The central claim: the proposition the headline and lede put forward, and its sources.

An editor reads the lede: the first sentence of the body that asserts something (not a dateline,
a caption, a question or the headline again). The central claim is what that sentence asserts,
credited to the sources the sentence gives for it (``newsint.central.v1``):

* the lede's outer attribution ("X said that Y", "Y, X said") makes Y the claim and X its
  source; an attribution nested inside another's content ("claims by U.S. officials that ...")
  is not the lede's source;
* when the lede's own attribution is a denial or a dispute ("The Kremlin dismissed as
  unfounded reports that ...", "China has rejected claims ..."), the claim is the denial, the
  whole sentence, credited to the denier (guide, section 4);
* a lede with no attribution is the outlet's own claim (no source);
* a refusal to comment, a question or a noun phrase is never the central claim.

How the article's other statements bear on it is :mod:`newsint.nlp.relations`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as Sentence

from newsint.models import Attribution, Claim, Cue, Span
from newsint.nlp import claim_words
from newsint.nlp.captions import credit_line, is_caption, is_headline
from newsint.nlp.lede_denials import (
    answered_report,
    denier_span,
    leads_with_denial,
    overlap,
    within,
)
from newsint.nlp.propositions import is_proposition

RULES = "newsint.central.v1"

#: A lede has at least this many words: shorter lines are datelines, bylines, captions, kickers.
LEDE_MIN_WORDS = 8
#: The lede is looked for among this many sentences of the body: past them the article has
#: started and a missing lede is a cleaning failure, better reported as the first claim.
LEDE_WINDOW = 6
#: The lede's attribution content is the claim when it covers this share of the sentence; a
#: shorter one ("dismissed as “unfounded”", a clause the parser cut) leaves the whole sentence.
LEDE_MIN_COVER = 0.4
#: "WASHINGTON (AP) _", "MOSCOW, February 3. /TASS/.", "date 2022-01-14": not part of the claim.
DATELINE = re.compile(
    r"^(?:date \d{4}-\d\d-\d\d\s+)?"
    r"(?:[A-Z][A-Z.' -]{2,}(?:,\s*[A-Z][\w.]*(?:\s+\d{1,2})?\.?)?\s*"
    r"(?:\([^)]{1,20}\)|/[^/]{1,12}/\.?)?\s*[-—–_:]+\s+"
    r"|[A-Z][A-Z.' -]{2,},\s+[A-Z][a-z]+\.?\s+\d{1,2}\.\s*/[^/]{1,12}/\.\s*)?"
)

#: A teaser or feature opening ("If the findings are true, ...", "It's not every night that
#: ...", "Fear not, arachnophobes"): it sets the story up instead of stating it.
TEASER = claim_words.pattern("teaser_openers", at_start=True)
READER = claim_words.words("reader_words")
OPENING_PRONOUNS = claim_words.words("opening_pronouns")
CONTINUING = claim_words.words("continuing_openers")
ANSWER = claim_words.pattern("teaser_answers", at_start=True)
#: Quoted passages, where "you" is the speaker's, not the outlet's address to the reader.
#: "with news that", "amid reports that": the buzz a lede reports, before the proposition itself.
NEWS_THAT = claim_words.pattern("news_that")
REPORTED_LEDE = claim_words.pattern("reported_lede")
REPORT_CUE = claim_words.pattern("report_cues")
#: How far after a "reportedly" lede the report that names its source may stand (characters).
REPORTED_WITHIN = 400
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


@dataclass(frozen=True, slots=True)
class Lede:
    """The lede sentence, its outer attributions, and whether it leads with a denial."""

    span: Span
    attributions: tuple[Attribution, ...]
    denial: bool
    #: "China has rejected claims by unnamed U.S. officials that ...": the denial verb's subject,
    #: when it is not the lede attribution's source (whose sources are then the accusers)
    denier: Span | None = None
    #: "Y, a Greek newspaper says, but the government denied the report": the clause that
    #: answers the report (not part of the report's claim) and its subject, who disputes it
    answer: Span | None = None
    answerer: Span | None = None
    #: the outer attribution is the report a "reportedly" lede rests on (:func:`_named_report`)
    reported: bool = False


def find_lede(doc: Doc, attributions: Sequence[Attribution], cues: Sequence[Cue]) -> Lede | None:
    """The first asserting sentence among the first ``LEDE_WINDOW`` of the body."""
    # an agency credit on a line of its own ("(Associated Press)") is no sentence of the story
    sents = [s for s in doc.sents if s.text.strip() and not credit_line(s)][:LEDE_WINDOW]
    dated = next((i for i, s in enumerate(sents) if _dateline_length(s.text.strip())), 0)
    refusals = [c.span for c in cues if c.kind == "non_confirmation"]
    candidates = [
        (i, sent)
        for i, sent in enumerate(sents)
        if i >= dated  # a dateline opens the story: what stands above it is furniture
        # a refusal to comment is never the central claim, nor a caption
        and not any(within(r, (sent.start_char, sent.end_char)) for r in refusals)
        and _asserts(sent)
        and not is_caption(sent)
        and not is_headline(sent)
    ]
    if not candidates:
        return None
    # a teaser is passed over for the first sentence that states the story
    sent = _past_teasers(candidates)
    span = _without_dateline(doc.text, (sent.start_char, sent.end_char))
    root = (sent.root.idx, sent.root.idx + len(sent.root))
    outer = _outer_attributions(span, attributions, root, doc)
    sourced = any(a.source_id for a in outer)
    reported = () if sourced else _named_report(doc.text, span, attributions)
    outer = reported or outer
    denial = leads_with_denial(doc, span, outer, cues)
    denier = denier_span(doc, span, outer, cues) if denial else None
    answer = answered_report(doc, span, outer, cues) if outer else None
    answered, answerer = answer or (None, None)
    return Lede(span, outer, denial, denier, answered, answerer, reported=bool(reported))


def _named_report(
    text: str, span: Span, attributions: Sequence[Attribution]
) -> tuple[Attribution, ...]:
    """ "The identity of X reportedly has been revealed." then "The Washington Post first reported
    Thursday ... that ...": a lede that says it rests on a report without naming it rests on the
    first report named after it, within REPORTED_WITHIN characters (guide 4)."""
    if REPORTED_LEDE.search(text, span[0], span[1]) is None:
        return ()
    for attribution in sorted(attributions, key=lambda a: a.cue[0][0] if a.cue else 0):
        if not (attribution.cue and attribution.source_id):
            continue
        at = attribution.cue[0][0]
        if at < span[1] or at > span[1] + REPORTED_WITHIN:
            continue
        cue = " ".join(text[s:e] for s, e in attribution.cue)
        if REPORT_CUE.search(cue):
            return (attribution,)
    return ()


def _past_teasers(candidates: list[tuple[int, Sentence]]) -> Sentence:
    """The first candidate that is no teaser, nor the set-up a teaser goes on with ("Looking
    back, maybe the face was creepy." then "But that didn't stop it from ...", "And now ...":
    a sentence that opens on "But", "And" or "Yet" answers the one before it); the first
    candidate when all are."""
    teased = False
    for i, sent in candidates:
        if is_teaser(sent.text, first=i == 0) or (teased and continues(sent.text)):
            teased = True
            continue
        return sent
    return candidates[0][1]


def continues(text: str) -> bool:
    """The sentence opens on a word that goes on from the one before it ("But", "And", "Yet"),
    and does not answer a set-up by stating it ("But that's what happened Thursday to ...")."""
    body = _without_dateline_text(text.strip())
    opener = re.match(r"[A-Za-z]+", body)
    return opener is not None and opener.group().lower() in CONTINUING and not ANSWER.match(body)


def is_teaser(text: str, *, first: bool = False) -> bool:
    """A teaser or feature opening, not the lede: it opens on a condition, a concession, a
    musing or an address to the reader ("If the findings are true, ...", "While sales drop,
    ...", "It's not every night that ...", "Fear not, arachnophobes"), speaks to the reader
    ("you", outside quotation marks), or, as the article's ``first`` sentence, opens on a
    pronoun with no one before it to stand for ("She is rarely seen without ...")."""
    body = _without_dateline_text(text.strip())
    if TEASER.match(body):
        return True
    unquoted = QUOTED.sub(" ", body)
    if READER & set(re.findall(r"[a-z’']+", unquoted.lower().replace("’", "'"))):
        return True
    opener = re.match(r"[A-Za-z]+", body)
    # nobody before it to stand for, nothing before it to go on from
    return first and opener is not None and opener.group().lower() in OPENING_PRONOUNS | CONTINUING


def _without_dateline_text(text: str) -> str:
    return text[_dateline_length(text) :]


def _dateline_length(text: str) -> int:
    cut = DATELINE.match(text)
    return cut.end() if cut and cut.end() < len(text) // 2 else 0


def _asserts(sent: object) -> bool:
    text = sent.text.strip()  # type: ignore[attr-defined]
    words = re.findall(r"[A-Za-z]{2,}", text)
    if len(words) < LEDE_MIN_WORDS or text.endswith("?"):
        return False
    return any(t.pos_ in {"VERB", "AUX"} for t in sent)  # type: ignore[attr-defined]


def _without_dateline(text: str, span: Span) -> Span:
    start, end = span
    offset = _dateline_length(text[start:end])
    while end > start and text[end - 1].isspace():
        end -= 1
    return start + offset, end


def _outer_attributions(
    span: Span,
    attributions: Sequence[Attribution],
    root: Span | None = None,
    doc: Doc | None = None,
) -> tuple[Attribution, ...]:
    """The lede's main attribution: of those whose cue lies in the lede and is not inside another
    one's content, the one whose content holds the sentence's main verb ("The NYAG is
    investigating WeWork, according to two people ..., adding to ..."), else the one whose cue
    is the main verb ("Trump claimed victory as the House concluded ..."), else the one whose
    content covers most of the sentence; with any joint source on the same cue."""
    inside = [a for a in attributions if a.cue and a.content and within(a.cue[0], span)]
    outer = [
        a
        for a in inside
        if not any(
            other is not a and any(within(a.cue[0], c) for c in other.content) for other in inside
        )
    ]
    if not outer:
        return ()
    holding = [a for a in outer if root and any(within(root, c) for c in a.content)]
    # "Trump has claimed victory as the House concluded its hearing": the main verb's own
    # attribution, not the subordinate clause's
    saying = [a for a in outer if a.source_id and root and any(within(root, c) for c in a.cue)]
    main = max(holding or saying or outer, key=_content_size)
    if doc is not None and not is_proposition(doc, main.content):
        # "NBC's anchor defended the meteorologist and explained that he had lost contact":
        # the same speaker's proposition, not the noun phrase of the main verb
        said = [
            a
            for a in outer
            if a.source_id == main.source_id and a is not main and is_proposition(doc, a.content)
        ]
        main = max(said, key=_content_size) if said else main
    return tuple(a for a in outer if a.cue == main.cue)


def _content_size(attribution: Attribution) -> int:
    return sum(e - s for s, e in attribution.content)


def central_claim(
    text: str, lede: Lede, claims: Sequence[Claim], refusals: set[int]
) -> tuple[int | None, Claim | None]:
    """The index of the existing claim that is central, or a new claim for the whole lede.

    A denial-led lede gives a new claim (the sentence, credited to the denier); otherwise the
    claim of the lede's outer attribution; otherwise the outlet's own claim on the lede.
    ``refusals``: claims that cannot be central (refusals to comment, and contents that are no
    proposition, "claimed victory": then the whole lede is the claim)."""
    outer_ids = {a.id for a in lede.attributions}
    if not lede.denial and not outer_ids and (news := _news_that(text, lede.span)) is not None:
        return None, Claim(id="", text=text[news[0] : news[1]], spans=(news,))
    if lede.denial or not outer_ids:
        existing = next(
            (
                i
                for i, c in enumerate(claims)
                if not c.source_ids
                and c.spans
                and overlap(c.spans[0], lede.span)
                and not lede.denial
            ),
            None,
        )
        if existing is not None:
            return existing, None
        return None, _lede_claim(text, lede)
    if lede.reported:
        return None, _lede_claim(text, lede)  # the lede, credited to the report it rests on
    covered = max(_content_size(a) for a in lede.attributions) / max(1, lede.span[1] - lede.span[0])
    for index, claim in enumerate(claims):
        if index in refusals or not set(claim.attribution_ids) & outer_ids:
            continue
        if covered >= LEDE_MIN_COVER:
            return index, None
    return None, _lede_claim(text, lede)


def _news_that(text: str, span: Span) -> Span | None:
    """In the outlet's own lede, the proposition of "the web was aflutter with news that X",
    "amid reports that X": X is what the lede puts forward, not the buzz around it."""
    found = NEWS_THAT.search(text, span[0], span[1])
    if found is None or len(re.findall(r"[A-Za-z]{2,}", text[found.end() : span[1]])) < (
        LEDE_MIN_WORDS
    ):
        return None
    end = span[1]
    while end > found.end() and text[end - 1] in ".!":
        end -= 1
    return found.end(), end


def _lede_claim(text: str, lede: Lede) -> Claim:
    sources = tuple(
        dict.fromkeys(s for a in lede.attributions for s in (a.source_id, *a.co_source_ids) if s)
    )
    return Claim(
        id="",
        text=text[lede.span[0] : lede.span[1]],
        spans=(lede.span,),
        attribution_ids=tuple(a.id for a in lede.attributions),
        source_ids=sources,
    )


#: A claim opens with a denial when a denial cue stands in its first characters ("China has
#: rejected claims ...", "Huawei denied wrongdoing ..."), not a denial quoted deep inside it.
DENIAL_HEAD = 60


def opening_denial(
    claim: Claim, cues: Sequence[Cue], attributions: Sequence[Attribution] = ()
) -> Cue | None:
    """The denial cue a sourced claim opens with, or that credits it to its sources ("the
    company denied that ...", the claim being what follows): its sources deny an allegation."""
    if not claim.source_ids or not claim.spans:
        return None
    start = claim.spans[0][0]
    crediting = [span for a in attributions if a.id in claim.attribution_ids for span in a.cue]
    return next(
        (
            c
            for c in cues
            if c.kind == "denial"
            and (
                start <= c.span[0] < start + DENIAL_HEAD
                or any(overlap(c.span, span) for span in crediting)
            )
        ),
        None,
    )
