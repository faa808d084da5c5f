"""Attribution: who (source) said what (content) through which words (cue).

``find_attributions(doc)`` is the algorithm, a plain function of a parsed spaCy ``Doc``; the
``newsint_attribution`` factory is a thin adapter that stores the result in ``doc.spans``.

Method (``newsint.attribution.v2.7``):
1. Cues. Every candidate token gets a score from an L1 logistic regression over parse features
   (``attribution_model.py``, weights in ``newsint/models/attribution/``), trained on PolNeAR
   train; candidates are the lemmas that headed cues in train plus WordNet's communication and
   cognition words (``word_classes.py``), whose classes are also features; without the weights
   a speech-verb lexicon stands in. "according to" is one cue, and
   objects that PolNeAR cues usually include ("took a swipe at") join the cue. Candidates
   scoring a little below the cue threshold are kept as candidate relations too, and a relation
   filter (``attribution_relation.py``) keeps or drops each whole relation (cue score, content
   size/quotation/clause, source type, overlap with the other candidates).
2. Content. For a verbal cue: the light-verb object's clause or topic, the subject + infinitive
   of a raising cue, its clausal complement (ccomp/xcomp), the clause it interrupts
   ("..., he said"; "As X noted, ..."; not when the cue has its own object), a topic
   preposition, the quotation next to it, or its object; any quotation the content touches is
   taken whole, across sentences and paragraphs (``attribution_quotes.py``), and quotations
   that follow in the same paragraph with no cue of their own join it (``attribution_content.py``
   holds the content rules).
3. Source. The subject (or passive agent) of the cue, climbing through xcomp/conj/advcl/acomp
   and prepositions ("After suggesting ..., X"); a participle after a comma that the parser hung
   inside another verb's complement speaks for that verb's subject ("X told Y that ..., adding");
   the relative pronoun of a relative clause; the owner of a nominal cue ("Trump's claim"); the
   noun a participle or adjective describes; the object of "according to"; none when there is
   none (raising cues, passive participles without an agent).
4. Source corrections over the finished relations (``attribution_sources.py``): no source for
   "seem"/"appear" or a passive relative clause, the subject above a sourceless cue, the outer
   speaker of a misattached conjunct, the noun phrase before the cue across a line break or
   dateline dash, the maker of "a statement saying".
5. Credits the parse misses (``attribution_credits.py``): "[AP.]" closing an item, "...,
   reports the Telegraph.", "As reported by Mail Online, ...".
6. Sources the cue model misses or misplaces (v2.6): a publication credited to its "by" agent
   and a party an outlet quotes "as saying" are kept whatever the scores, a party an outlet
   reports is a candidate further below the cue threshold
   (``attribution_relation.py``); a source found inside its own quotation moves out of it
   (``attribution_quoted.py``).
7. Sources of relays, posts and introductions (v2.7): a party an outlet cites or quotes
   ("Reuters reported, citing two officials": ``attribution_cited.py``); "on Twitter" is where a
   quotation was posted, not its topic; a colon closing its line introduces the quotation that
   opens the next paragraph ("X had this to say:"); the noun phrase between a quotation and a
   cue left without subject speaks; a refusal to answer is a candidate however low it scores.
Offsets are characters into ``doc.text``; ``source_id`` is left to the sources stage.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from newsint.models import Attribution, QuoteKind, Spans
from newsint.nlp.attribution_cited import cited_sources
from newsint.nlp.attribution_content import (
    addressee,
    adjacent_quote,
    argument,
    clause_content,
    drop_echoed_intros,
    intro_quote,
    intro_source,
    light_content,
    raising,
    reported_clause,
    topic,
)
from newsint.nlp.attribution_credits import credit_attributions
from newsint.nlp.attribution_model import candidates, features, shipped_model
from newsint.nlp.attribution_nesting import (
    Rel,
    continue_quotes,
    expand_quotes,
    resolve_nesting,
    span_tokens,
)
from newsint.nlp.attribution_quoted import (
    name_after_quote,
    speaker_outside_quote,
    split_quoted_subject,
)
from newsint.nlp.attribution_quotes import ALL_QUOTES, find_quotes, quote_index
from newsint.nlp.attribution_refusals import refusal_relations
from newsint.nlp.attribution_relation import (
    RELAY_MARGIN,
    outlet_report,
    publication_agent,
    published_by,
    refusal,
    refusing,
    relation_features,
    relayed,
    relayed_speaker,
    sentence_starts,
    shipped_relation_model,
)
from newsint.nlp.attribution_sources import correct_sources
from newsint.nlp.attribution_subject import cue_subject
from newsint.nlp.token_spans import token_spans
from newsint.nlp.word_classes import WordClasses

VERSION = "newsint.attribution.v2.7"
SPAN_KEY = "newsint_attributions"

#: Fallback cue lexicon (lemmas) used when no trained weights are shipped.
_SPEECH_WORDS = """say tell add note explain write ask report announce suggest argue claim insist
    state declare believe think warn acknowledge admit confirm deny reply respond recall predict
    conclude
    contend tweet post testify complain indicate reveal show find estimate assert maintain stress
    emphasize caution urge promise vow pledge agree observe remark continue describe decline refuse
    fear hope expect worry recount concede allege charge criticize question dismiss know"""
SPEECH_LEMMAS = frozenset(_SPEECH_WORDS.split())


def _lexicon_cues(doc: Doc) -> list[list[int]]:
    cues: list[list[int]] = []
    for tok in doc:
        low = tok.lower_
        if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            cues.append([tok.i, tok.i + 1])
        elif tok.pos_ in ("VERB", "AUX") and tok.lemma_ in SPEECH_LEMMAS:
            if tok.lemma_ in ("know", "continue", "expect", "find", "show", "hope") and not any(
                c.dep_ == "ccomp" for c in tok.children
            ):
                continue
            cues.append([tok.i])
    return cues


def _according(doc: Doc, rel: Rel) -> None:
    acc = doc[rel.cue[0]]
    to = doc[rel.cue[-1]]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is not None:
        rel.source = list(span_tokens(pobj))
    pp = set(span_tokens(acc)) | set(span_tokens(to)) | set(rel.cue)
    sent = acc.sent
    rel.content = {i for i in range(sent.start, sent.end) if i not in pp}


def _colon(doc: Doc, rel: Rel, text: str, quotes: list[tuple[int, int]]) -> None:
    """'Headline source: content' or 'X said: content': the rest of the sentence or line."""
    tok = doc[rel.head]
    sent = tok.sent
    end = sent.end
    line_end = text.find("\n", tok.idx)
    after = [i for i in range(tok.i + 1, len(doc)) if line_end < 0 or doc[i].idx < line_end]
    rel.content = set(after[: max(end - tok.i - 1, 0)] if len(after) > end - tok.i else after)
    intro = not rel.content and intro_quote(doc, tok, quotes)
    if intro:
        rel.content = intro  # "X had this to say:" + "\n“...”"
    line_start = text.rfind("\n", 0, tok.idx) + 1
    before = [i for i in range(sent.start, tok.i) if doc[i].idx >= line_start]
    root = sent.root
    if root.i > tok.i or root is tok or (root.pos_ in ("NOUN", "PROPN") and root.i in before):
        # "Clinton camp: Trump's Islamophobia threatens ...": the words before the colon speak
        rel.source = before
    else:
        rel.source = cue_subject(root)
    if intro:
        rel.source = intro_source(rel.source, root)


def _verbal(doc: Doc, rel: Rel, quotes: list[tuple[int, int]], qidx: list[int], text: str) -> None:
    tok = doc[rel.head]
    raised = raising(tok)
    if raised:
        # "X is expected to win", "X seems to lead": nobody is named; X belongs to the content
        rel.source = []
        rel.content = raised - set(rel.cue)
        return
    rel.source = cue_subject(tok)
    content: set[int] = set()
    model = shipped_model()
    light = next(
        (
            c
            for c in tok.children
            if c.dep_ == "dobj" and model is not None and c.lemma_.lower() in model.objects
        ),
        None,
    )
    if light is not None:
        # "took a swipe at X", "issued a statement: ...": the object is part of the cue
        rel.cue = [*rel.cue, light.i]
        content = light_content(light, tok)
        if not content:
            quote = adjacent_quote(doc, light, quotes, qidx, text)
            if quote is not None:
                content = {t.i for t in doc.char_span(*quote, alignment_mode="expand") or ()}
        if content:
            rel.content = content - set(rel.cue) - set(rel.source)
            return
        rel.cue = rel.cue[:-1]
    content = clause_content(doc, tok, qidx) or reported_clause(tok) or topic(tok)
    if not content or addressee(doc, tok, content):
        quote = adjacent_quote(doc, tok, quotes, qidx, text)
        if quote is not None:
            content = {t.i for t in doc.char_span(*quote, alignment_mode="expand") or ()}
    if not content:
        content = argument(doc, tok)
    content -= set(rel.cue)
    content -= set(rel.source)
    rel.content = content


def quote_kind(text: str, content: Spans) -> QuoteKind:
    """The scorer's rule: direct, mixed or indirect, from the content's quotation marks."""
    joined = " ".join(text[s:e] for s, e in content).strip(" \t\n.,;:!?)(-\u2014\u2013")
    if not any(q in joined for q in ALL_QUOTES):
        return "indirect"
    if joined[:1] in ALL_QUOTES and joined[-1:] in ALL_QUOTES:
        return "direct"
    return "mixed"


@dataclass(slots=True)
class _Context:
    """Per-document quotation data shared by the cue model and the rules."""

    text: str
    quotes: list[tuple[int, int]]
    qidx: list[int]
    quote_tokens: list[range]


def _context(doc: Doc) -> _Context:
    text = doc.text
    quotes = find_quotes(text)
    quote_tokens: list[range] = []
    for qs, qe in quotes:
        span = doc.char_span(qs, qe, alignment_mode="expand")
        quote_tokens.append(range(span.start, span.end) if span is not None else range(0))
    return _Context(text, quotes, quote_index(doc, quotes), quote_tokens)


def _relation(doc: Doc, cue: list[int], ctx: _Context) -> Rel:
    """Source and content of one cue, by the rules (before nesting and quotation continuation)."""
    rel = Rel(head=cue[0], cue=cue)
    if doc[cue[0]].lower_ == "according":
        _according(doc, rel)
    elif doc[cue[0]].text in (":", "\u2015", "--"):
        _colon(doc, rel, ctx.text, ctx.quotes)
    else:
        _verbal(doc, rel, ctx.quotes, ctx.qidx, ctx.text)
    split_quoted_subject(doc, rel, ctx.qidx)
    expand_quotes(doc, rel, ctx.qidx, ctx.quote_tokens)
    name_after_quote(doc, rel)
    return rel


def _cue_span(doc: Doc, i: int) -> list[int]:
    if doc[i].lower_ == "according" and i + 1 < len(doc) and doc[i + 1].lower_ == "to":
        return [i, i + 1]
    return [i]


def candidate_features(
    doc: Doc, vocab: frozenset[str], classes: WordClasses | None = None
) -> list[tuple[int, list[str]]]:
    """Each cue candidate of ``doc`` with its features (the training side of ``_cue_relations``)."""
    qidx = quote_index(doc, find_quotes(doc.text))
    return [(i, features(doc[i], qidx[i] >= 0, classes)) for i in candidates(doc, vocab, classes)]


def find_attributions(doc: Doc) -> list[Attribution]:
    """Attribution relations of a parsed document, in text order, with character offsets."""
    ctx = _context(doc)
    text, quotes, quote_tokens = ctx.text, ctx.quotes, ctx.quote_tokens
    rels: list[Rel] = [rel for rel in _cue_relations(doc, ctx) if rel.content]
    rels += refusal_relations(doc, {i for rel in rels for i in rel.cue})
    rels = resolve_nesting(doc, rels)
    continue_quotes(doc, rels, quotes, quote_tokens, text)
    out: list[Attribution] = []
    for rel in sorted(rels, key=lambda r: r.cue[0]):
        content = token_spans(doc, rel.content, text)
        if not content:
            continue
        out.append(
            Attribution(
                id=f"a{len(out) + 1}",
                source=token_spans(doc, rel.source, text),
                cue=_cue_spans(doc, rel.cue, text),
                content=content,
                kind=quote_kind(text, content),
            )
        )
    out = speaker_outside_quote(doc, out, quotes)
    out = cited_sources(doc, correct_sources(doc, out), quote_kind)
    return credit_attributions(text, out, quote_kind)


def _cue_spans(doc: Doc, cue: list[int], text: str) -> Spans:
    """The cue's character spans; a punctuation cue (a colon, a dash) keeps its mark."""
    trimmed = token_spans(doc, cue, text)
    if trimmed or not cue:
        return trimmed
    return tuple((doc[i].idx, doc[i].idx + len(doc[i])) for i in cue)


def _cue_relations(doc: Doc, ctx: _Context) -> list[Rel]:
    """The relation of every token the cue model accepts (or the lexicon, without a model)."""
    model = shipped_model()
    if model is None:
        # Cues inside a quotation belong to the quoted speaker: PolNeAR gives each token one role.
        cues = [cue for cue in _lexicon_cues(doc) if ctx.qidx[cue[0]] < 0]
        return [_relation(doc, cue, ctx) for cue in cues]
    filt = shipped_relation_model()
    low = model.threshold + (filt.margin if filt is not None else 0.0)
    wide = model.threshold + RELAY_MARGIN
    scored: list[tuple[Rel, float]] = []
    nested: list[tuple[Rel, float]] = []
    for i in candidates(doc, model.vocab, model.classes):
        score = model.score(features(doc[i], ctx.qidx[i] >= 0, model.classes))
        forced = (
            publication_agent(doc[i]) is not None
            or relayed_speaker(doc[i]) is not None
            or bool(intro_quote(doc, doc[i], ctx.quotes))
            or refusing(doc[i])
        )
        if score > low or forced:
            scored.append((_relation(doc, _cue_span(doc, i), ctx), score))
        elif score > wide and filt is not None:
            nested.append((_relation(doc, _cue_span(doc, i), ctx), score))
    if filt is None:
        return [rel for rel, _ in scored]
    # The relation filter judges each candidate as a whole (cue, content, source, neighbours).
    others = [rel for rel, _ in scored]
    starts = sentence_starts(doc)

    def passes(rel: Rel, score: float) -> bool:
        feats = relation_features(doc, rel, score - model.threshold, ctx.qidx, starts, others)
        return filt.score(feats) > filt.threshold

    kept = [
        rel
        for rel, score in scored
        if rel.content
        and (
            passes(rel, score)
            or refusal(doc, rel)
            or published_by(doc, rel)
            or relayed(doc, rel)
            or (bool(rel.source) and bool(intro_quote(doc, doc[rel.head], ctx.quotes)))
        )
    ]
    kept = drop_echoed_intros(doc, kept, ctx.quotes)
    # "Mashable reports that a Kurdish official told Xendan ...": the party an outlet reports
    # is a source too (guide 1.5), though the cue model scores nested cues low
    reports = [rel for rel in kept if outlet_report(doc, rel)]
    for rel, score in nested:
        outer = any(rel.head in r.content for r in reports)
        if outer and rel.content and rel.source and passes(rel, score):
            rel.relayed = True
            kept.append(rel)
    return kept


def attribute_texts(texts: Iterable[str], *, batch_size: int = 16) -> Iterator[list[Attribution]]:
    """Parse texts with the shared pipeline (batched) and yield each one's attributions."""
    from newsint.nlp import load_pipeline

    nlp = load_pipeline()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield find_attributions(doc)


@Language.factory(
    "newsint_attribution",
    assigns=["doc.spans"],
    requires=["token.dep", "token.pos", "token.lemma"],
)
def make_attribution(nlp: Language, name: str) -> AttributionComponent:
    return AttributionComponent()


class AttributionComponent:
    """Stores each relation as a content span (label = kind) in ``doc.spans[SPAN_KEY]``.

    The full relation (source, cue, content) is kept in ``doc.user_data[SPAN_KEY]``.
    """

    def __call__(self, doc: Doc) -> Doc:
        found = find_attributions(doc)
        spans: list[Span] = []
        for att in found:
            s, e = att.content[0][0], att.content[-1][1]
            span = doc.char_span(s, e, label=att.kind, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        doc.user_data[SPAN_KEY] = found
        return doc


__all__ = ["VERSION", "SPAN_KEY", "find_attributions", "attribute_texts", "quote_kind"]
