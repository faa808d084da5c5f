"""The headline of a flattened page (issue 17): from its first line, and the line that repeats it.

A generic scraper's dump of a page starts with the document's ``<title>`` ("Headline - Site"),
and the on-page headline stands again lower down; a clean article text starts with its
headline. The title is the on-page line that the first line, without its site suffix, names,
else that first line without its site suffix. These are the *reported* title only: the line
model's own headline feature (:func:`newsint.extract.features.find_title`) is unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsint.extract.features import BOILER_GROUPS

#: Separators between a headline and the site name or section in a ``<title>``.
SITE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " -- ")
#: A trailing part of up to this many words is a site name or section ("The New York Times",
#: "Autoracing", "Memorabilia anni 80/90"), not part of the headline.
SITE_PART_MAX_WORDS = 6
#: A headline keeps at least this many words when its suffixes are cut.
HEAD_MIN_WORDS = 2
#: Headline-sized lines (words).
TITLE_MIN_WORDS, TITLE_MAX_WORDS = 2, 30
#: A first line of at least this many words ending in a full stop is the article's first
#: sentence, not a headline.
PROSE_MIN_WORDS = 8
#: How many lines after the first are searched for the on-page headline.
SEARCH_LINES = 400

_PUNCT_RE = re.compile(r"[^\w\s]+")


@dataclass(frozen=True, slots=True)
class FoundTitle:
    text: str
    index: int  # its line in the lines given
    origin: str  # "headline line" (the on-page line the first line names), "first line",
    # or "repeated line" (the line model's headline)


def title_key(text: str) -> str:
    """Lower case, punctuation and spacing removed: how titles are compared."""
    return " ".join(_PUNCT_RE.sub(" ", text.lower()).split())


def _split_last(text: str) -> tuple[str, str] | None:
    """(head, tail) at the last site separator, or None."""
    best = -1
    sep_len = 0
    for sep in SITE_SEPARATORS:
        at = text.rfind(sep)
        if at > best:
            best, sep_len = at, len(sep)
    if best <= 0:
        return None
    return text[:best].strip(), text[best + sep_len :].strip()


def strip_site(text: str) -> list[str]:
    """``text`` and each shorter form with one more trailing site part cut ("Head | Section |
    Site" -> [it, "Head | Section", "Head"]), while the cut part is short and the head keeps
    ``HEAD_MIN_WORDS`` words."""
    forms = [text]
    while split := _split_last(forms[-1]):
        head, tail = split
        if len(tail.split()) > SITE_PART_MAX_WORDS or len(head.split()) < HEAD_MIN_WORDS:
            break
        forms.append(head)
    return forms


def _headline_sized(line: str) -> bool:
    return TITLE_MIN_WORDS <= len(line.split()) <= TITLE_MAX_WORDS


def is_prose(line: str) -> bool:
    """A sentence of body text rather than a headline."""
    words = len(line.split())
    return words > TITLE_MAX_WORDS or (words >= PROSE_MIN_WORDS and line.rstrip().endswith("."))


def _furniture(line: str) -> bool:
    """A line with a word of page furniture ("About", "Careers", "Privacy", "Share")."""
    words = set(title_key(line).split())
    return any(words & group for group in BOILER_GROUPS.values())


def text_title(lines: list[str], repeated: str | None = None) -> FoundTitle | None:
    """The headline of a flattened page whose lines are ``lines`` (blank lines and lines of
    markup, "<...", are passed over). ``repeated``: the line model's headline, a line the page
    repeats near its top (:func:`newsint.extract.features.find_title`), which is taken
    instead of a first line that names nothing below it, has no site suffix and reads as page
    furniture (a menu line above the headline)."""
    start = next((i for i, ln in enumerate(lines) if ln.strip() and ln.lstrip()[0] != "<"), None)
    if start is None:
        return None
    first = lines[start].strip()
    if is_prose(first):
        return None
    forms = strip_site(first)
    # a form of punctuation alone has an empty key, which names no line
    keys = {k: i for i, f in enumerate(forms) if _headline_sized(f) for k in [title_key(f)] if k}
    if not keys:
        return FoundTitle(forms[-1], start, "first line")  # too short or long to search for
    # a line can only have a form's key when its length is near the form's (the key drops
    # punctuation and runs of spaces): a cheap test before the key is made
    low = min(len(k) for k in keys)
    high = 2 * max(len(k) for k in keys) + 8
    lead = next(iter(keys)).split()[0]  # every form starts with the first line's first word
    best: tuple[int, int] | None = None  # (form index: more cut is better, line index)
    for i, line in enumerate(lines[start + 1 : start + 1 + SEARCH_LINES], start=start + 1):
        if not low <= len(line) <= high or lead not in line[: len(lead) + 4].lower():
            continue
        at = keys.get(title_key(line))
        if at is not None and (best is None or at > best[0]):
            best = (at, i)
    if best is not None:
        return FoundTitle(lines[best[1]].strip(), best[1], "headline line")
    if repeated and len(forms) == 1 and repeated != first and _furniture(first):
        at = next((i for i, ln in enumerate(lines) if ln.strip() == repeated), start)
        return FoundTitle(repeated, at, "repeated line")
    return FoundTitle(forms[-1], start, "first line")


_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        "jan january|feb february|mar march|apr april|may|jun june|jul july|aug august"
        "|sep sept september|oct october|nov november|dec december".split("|")
    )
    for m in names.split()
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_RES = (
    # 2019-11-19
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)"),
    # November 19, 2019 / Nov. 19 2019
    re.compile(
        rf"\b(?P<mon>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b",
        re.I,
    ),
    # 19 November 2019
    re.compile(
        rf"\b(?P<d>\d{{1,2}})\.?\s+(?P<mon>{_MONTH_RE})\.?,?\s+(?P<y>(?:19|20)\d\d)\b", re.I
    ),
)  # fmt: skip
#: A date is read from a short line (a dateline, "Published ...") near the top of the page.
DATE_LINE_MAX_WORDS = 16
DATE_SEARCH_LINES = 80


def _date_of(line: str) -> str | None:
    for rx in _DATE_RES:
        m = rx.search(line)
        if m is None:
            continue
        parts = m.groupdict()
        month = _MONTHS.get(parts["mon"].lower()) if parts.get("mon") else int(parts["m"])
        year, day = int(parts["y"]), int(parts["d"])
        if month and 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def text_date(lines: list[str], headline: int = 0) -> str | None:
    """The date (YYYY-MM-DD) a short line shows: the first one from the headline's line
    ``headline`` on (a dateline under the headline, not the site's "today" above it), else the
    first above it, within DATE_SEARCH_LINES lines of the page's top or of the headline."""
    first: str | None = None
    for i, line in enumerate(lines[: max(DATE_SEARCH_LINES, headline + DATE_SEARCH_LINES)]):
        if len(line) > 12 * DATE_LINE_MAX_WORDS or not any(ch.isdigit() for ch in line):
            continue
        if len(line.split()) > DATE_LINE_MAX_WORDS or not (date := _date_of(line)):
            continue
        if i >= headline:
            return date
        first = first or date
    return first
