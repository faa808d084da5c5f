"""Two stories on one subject stay apart (``newsint.story-separation.v2``).

The same subject makes the same lede: "Kim Jong Un's absence is explained by ankle surgery"
reads alike whether a newspaper's unnamed source said it one month or the spy agency the next,
and a sentence vector cannot tell the two apart. What can is what the guide's section 6 counts
across articles: who the claim rests on, and when. Two groups of claims are **different
stories** when

* their documents' publication dates are more than :data:`MAX_GAP_DAYS` apart (the gap between
  the two groups' date ranges: overlapping ranges are no gap), **and**
* no named source identity backs a claim in both (a story followed for weeks keeps quoting
  its sources: then it is one story).

Undated documents prove nothing: a group with no dated document is never kept apart, so the
corpora most inputs make (no dates) cluster exactly as before.

Two groups are also different stories, whatever their dates, when **their documents name
nothing in common** (:func:`proper_names`: the capitalised words written inside a sentence,
"Bale", "Zeppelin", "Managua"): the same claim across outlets is about the same people,
places or things, so "it did not feel right" said of a film and of a band is two claims. A
group whose documents name nothing (no text) proves nothing.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

RULES = "newsint.story-separation.v2"

#: Days between two groups' publication dates beyond which, with no source in common, they are
#: two stories: a news cycle of two weeks (the same-story corpus's two Kim stories are four
#: weeks apart; a story's versions within a few days).
MAX_GAP_DAYS = 14


@dataclass(frozen=True, slots=True)
class Trace:
    """What one claim tells about its story: its document's day and its named sources."""

    day: date | None
    sources: frozenset[str]
    names: frozenset[str] = frozenset()


@cache
def _not_names() -> frozenset[str]:
    raw = resources.files("newsint.data").joinpath("corpus_words.toml").read_text("utf-8")
    return frozenset(tomllib.loads(raw)["not_names"].split())


_SENTENCE = re.compile(r"(?<=[.!?])[\"”’']?\s+|\n+")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def proper_names(text: str) -> frozenset[str]:
    """The names a text writes: its words capitalised inside a sentence (the first word of a
    sentence is capitalised anyway), lower case, without a possessive, less the capitalised
    words that name nothing (``not_names`` of ``corpus_words.toml``: days, months, titles)."""
    found = set()
    for sentence in _SENTENCE.split(text):
        for hit in list(_WORD.finditer(sentence))[1:]:
            word = re.sub(r"['’]s$", "", hit.group())
            if word[0].isupper() and len(word) > 1 and word.lower() not in _not_names():
                found.add(word.lower())
    return frozenset(found)


def day_of(published: str | None) -> date | None:
    """The calendar day of a publication date ("2014-09-30", "2014-09-30T08:00:00Z")."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Span:
    """What a group of claims tells about its story: the first and last day of its dated
    documents and its named sources; two groups joined have the joined span."""

    first: date | None
    last: date | None
    sources: frozenset[str]
    names: frozenset[str] = frozenset()

    @classmethod
    def of(cls, trace: Trace) -> Span:
        return cls(trace.day, trace.day, trace.sources, trace.names)

    def join(self, other: Span) -> Span:
        days = [d for d in (self.first, self.last, other.first, other.last) if d is not None]
        first, last = (min(days), max(days)) if days else (None, None)
        return Span(first, last, self.sources | other.sources, self.names | other.names)


def span(traces: Sequence[Trace]) -> Span:
    days = [t.day for t in traces if t.day is not None]
    sources = frozenset().union(*(t.sources for t in traces))
    names = frozenset().union(*(t.names for t in traces))
    return Span(min(days, default=None), max(days, default=None), sources, names)


def gap_days(a: Span, b: Span) -> int | None:
    """Days between the date ranges of two groups (0 when they overlap); None when either
    group has no dated claim."""
    if a.first is None or a.last is None or b.first is None or b.last is None:
        return None
    return max((b.first - a.last).days, (a.first - b.last).days, 0)


def apart(a: Span | Sequence[Trace], b: Span | Sequence[Trace]) -> str | None:
    """Why two groups of claims are different stories, or None when nothing says so."""
    a = a if isinstance(a, Span) else span(a)
    b = b if isinstance(b, Span) else span(b)
    if a.names and b.names and not a.names & b.names:
        return "their documents name nothing in common: different stories"
    gap = gap_days(a, b)
    if gap is None or gap <= MAX_GAP_DAYS or a.sources & b.sources:
        return None
    return f"published {gap} days apart with no source in common: different stories"
