"""The records that flow through newsint: Page -> Article -> Analysis.

Every span is a ``(start, end)`` pair of character offsets, end exclusive, into the text
of the record that carries it (``Article.text`` for everything after extraction).
A span list is a tuple of such pairs because sources, cues and contents can be
discontinuous.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Span = tuple[int, int]
Spans = tuple[Span, ...]

InputFormat = Literal["html", "text", "warc", "jsonl"]
ContentKind = Literal["html", "text"]
QuoteKind = Literal["direct", "indirect", "mixed"]
SourceKind = Literal[
    "official",
    "expert",
    "analyst",
    "interested_party",
    "witness",
    "organisation",
    "document",
    "media",
    "other",
]
CueKind = Literal["hedge", "dispute", "denial", "non_confirmation"]


@dataclass(frozen=True, slots=True)
class Page:
    """One raw document as it came in, decoded to text but otherwise untouched."""

    id: str  # the input's own id (JSONL ``id``, WARC-Record-ID) or sha256 of the raw bytes
    name: str  # where it came from, for messages: "examples/a.txt", "crawl.warc.gz#12"
    content: str  # decoded page content (HTML source or flattened text)
    kind: ContentKind  # what ``content`` is
    input_format: InputFormat  # the container it came in
    sha256: str  # of the raw bytes, whatever the id is
    url: str | None = None
    encoding: str | None = None  # the encoding used to decode the raw bytes


@dataclass(frozen=True, slots=True)
class Removed:
    """A block that cleaning dropped, and why (``nav``, ``promo``, ``share``, ``tag`` ...)."""

    text: str
    reason: str
    span: Span | None = None  # offsets into ``Page.content`` where known
    byte_span: Span | None = None  # offsets into the raw bytes the page was decoded from


@dataclass(frozen=True, slots=True)
class Segment:
    """``Article.text[c:c+n] == Page.content[r:r+n]`` for clean_start c, raw_start r, length n."""

    clean_start: int
    raw_start: int
    length: int


@dataclass(frozen=True, slots=True)
class ParagraphSource:
    """Where one paragraph of ``Article.text`` came from: ``span`` in the article text, its
    span in the decoded input (``Page.content``) and in the raw input bytes (None where it
    could not be found). For HTML the input span covers the markup inside the paragraph."""

    span: Span
    input_span: Span | None = None
    byte_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """The clean article text of a page with its metadata and what was removed."""

    id: str
    name: str
    text: str  # paragraphs separated by "\n"
    input_format: InputFormat
    title: str | None = None
    url: str | None = None
    site: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD
    language: str | None = "en"
    removed: tuple[Removed, ...] = ()
    segments: tuple[Segment, ...] = ()  # provenance: clean text -> raw page content
    extractor: str = ""  # name and version of the method, e.g. "newsint.text.v2"
    authors: tuple[str, ...] = ()  # bylines
    # where each metadata field came from: ("title", "meta og:title"), ("published", "url")...
    origins: tuple[tuple[str, str], ...] = ()
    paragraphs: tuple[ParagraphSource, ...] = ()  # provenance of each paragraph of ``text``
    content_kind: str | None = None  # "html" or "text": what the decoded input is
    encoding: str | None = None  # of the raw bytes
    sha256: str | None = None  # of the raw bytes


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who (source) attributes what (content) through which words (cue)."""

    id: str
    source: Spans
    cue: Spans
    content: Spans
    kind: QuoteKind
    source_id: str | None = None
    co_source_ids: tuple[str, ...] = ()  # the other members of a joint source ("A and B said")


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    name: str
    anonymous: bool
    kind: SourceKind
    mentions: Spans
    anonymity_reason: str | None = None
    role: str | None = None
    affiliation: str | None = None
    relays_others: bool = False  # "his company has received information from ..."
    relay_span: Span | None = None  # the words that say so
    interest: str | None = None  # the stated stake that makes it an interested party
    interest_span: Span | None = None  # the words that state it
    statements: int = 0


@dataclass(frozen=True, slots=True)
class Cue:
    """A hedge, dispute, denial or non-confirmation cue in the text."""

    span: Span
    kind: CueKind
    text: str
    rule: str = ""  # lexicon entry or rule that found it


@dataclass(frozen=True, slots=True)
class Reason:
    text: str
    spans: Spans


@dataclass(frozen=True, slots=True)
class Grade:
    reliability: Literal["A", "B", "C", "D", "E", "F"]
    credibility: int  # 1..6
    reasons: tuple[Reason, ...]
    rules: str = "newsint.grade.v1"


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    text: str
    spans: Spans
    attribution_ids: tuple[str, ...] = ()
    source_ids: tuple[str, ...] = ()  # empty: the outlet's own assertion
    certainty: float = 1.0
    hedges: Spans = ()
    supported_by: tuple[str, ...] = ()
    disputed_by: tuple[str, ...] = ()
    not_confirmed_by: tuple[str, ...] = ()
    grade: Grade | None = None
    central: bool = False
    same_as: str | None = None  # id of the claim this one restates inside the article
    checkworthiness: float | None = None  # 0..1, newsint.checkworthy.v1 (context only)


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    type: str  # state, organisation, armed_group, person, group, other
    code: str | None = None  # country code for states


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    actor: Actor
    action: str  # the open predicate as written
    plover: str | None
    target: Actor | None
    spans: Spans
    claim_id: str | None = None
    negated: bool = False
    hedged: bool = False
    hypothetical: bool = False  # possible, future, conditional, planned or ordered: not done
    reported_by: tuple[str, ...] = ()  # names of the asserting sources; () is the outlet's voice


@dataclass(frozen=True, slots=True)
class Summary:
    sourcing: str
    counts: dict[str, int] = field(default_factory=dict)
    central_claim_id: str | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    article: Article
    sources: tuple[Source, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    cues: tuple[Cue, ...] = ()
    summary: Summary | None = None
    versions: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A document that could not be analysed: an outcome to report, not an exception."""

    id: str
    name: str
    reason: str
