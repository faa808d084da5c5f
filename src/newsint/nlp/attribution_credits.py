"""Credits the parse-based cues miss: an outlet credited in brackets at the end of an item
("... address tonight. [AP.]"), an inverted "..., reports the Telegraph." and a relaying outlet
in "As reported by Mail Online, ...". Each is a pattern over the text (no parse), added only where
no relation found by ``find_attributions`` already has a cue at the same place; where one has
the inverted cue with a source before it, the outlet after the cue becomes its source.

The source of each is the outlet's name, the content the item, sentence or clause it credits;
the judgement guide (1.5) counts an outlet credited with reporting as a source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from newsint.models import Attribution, QuoteKind, Span, Spans

#: An outlet's name: capitalised words or an abbreviation ("AP", "WaPo", "Mother Jones", "NYT").
_NAME = r"(?:[A-Z][\w&'’.-]*)(?:\s+(?:of\s+|the\s+)?[A-Z][\w&'’.-]*){0,4}"

#: A name in a bracket credit: "AP", "538", "NBC/WSJ/Marist", "Mother Jones".
_CREDITED = r"[A-Z0-9][\w&'’./-]*(?:\s+[A-Z0-9][\w&'’./-]*){0,3}"
#: "[AP.]", "[Mother Jones.]", "[HuffPost, NBC/WSJ/Marist, ARG]" closing a line: the outlets the
#: item comes from.
BRACKET_CREDIT = re.compile(
    rf"(?P<open>\[)(?P<names>{_CREDITED}(?:,\s*{_CREDITED})*)\.?(?P<close>\])[^\S\n]*$", re.M
)
_ONE_CREDIT = re.compile(_CREDITED)

#: "..., reports the Telegraph." / "..., writes The Atlantic.": an outlet after its report.
INVERTED_CREDIT = re.compile(
    rf",\s+(?P<cue>reports|reported|writes|wrote)\s+(?P<name>(?:[Tt]he\s+)?{_NAME}?)"
    r"\s*(?:\.|$)",
    re.M,
)

#: "As reported by Mail Online, ..." / "as first reported by the Times, ...".
AS_REPORTED = re.compile(
    rf"\b[Aa]s\s+(?:first\s+|previously\s+|earlier\s+)?(?P<cue>reported|revealed)\s+by\s+"
    rf"(?P<name>(?:[Tt]he\s+)?{_NAME}?)\s*,",
)

#: "... 34% support among women in an ABC News/Washington Post poll released Sunday": a poll a
#: figure is read in, named after "in", "by" or "from" with its article.
POLL_CREDIT = re.compile(
    r"\b(?P<cue>in|by|from)\s+(?P<name>(?:an?|the)\s+(?:[\w/.'’&-]+\s+){0,6}?"
    r"(?:poll|polls|survey|surveys))\b"
)
#: A figure the poll gives: "34%", "12 percent", "by 8 points".
FIGURE = re.compile(r"\d[\s-]*(?:%|percent\b|per cent\b|points?\b|percentage points?\b)")

#: "... in broad daylight. God bless you? (Mirror) A teenager ...": an outlet in round brackets
#: right after an item's closing stop or quotation mark credits the item (a dateline's
#: "BEIRUT (Reuters) –" follows a place, not a stop, and credits nobody).
PAREN_CREDIT = re.compile(rf"(?<=[.?!”\"])[^\S\n]*(?P<open>\()(?P<name>{_CREDITED})\)(?=\s|$)")

#: Words in brackets that are no credit: editorial insertions.
NOT_CREDITS = {"sic", "update", "updated", "video", "photos", "photo", "audio", "link", "ed"}


def credit_attributions(
    text: str, found: list[Attribution], quote_kind: Callable[[str, Spans], QuoteKind]
) -> list[Attribution]:
    """``found`` and the credits it lacks, in text order, renumbered ``a1``, ``a2``, ...;
    ``quote_kind`` tells a direct quotation from an indirect one."""
    found = [_inverted_source(text, attribution) for attribution in found]
    cues = [span for attribution in found for span in attribution.cue]
    cues += [span for attribution in found for span in attribution.source]
    added = [
        (source, cue, content)
        for source, cue, content in _credits(text)
        if not any(a < cue[1] and cue[0] < b or a < source[1] and source[0] < b for a, b in cues)
    ]
    if not added:
        return found
    out = list(found) + [
        Attribution(
            id="",
            source=(source,),
            cue=(cue,),
            content=(content,),
            kind=quote_kind(text, (content,)),
        )
        for source, cue, content in added
    ]
    out.sort(key=lambda attribution: attribution.cue[0][0] if attribution.cue else 0)
    return [_renumbered(attribution, index) for index, attribution in enumerate(out, 1)]


def _inverted_source(text: str, attribution: Attribution) -> Attribution:
    """ "..., the man seen with Foley, reports the Telegraph.": the outlet after the cue is the
    source, not a noun phrase before it."""
    if not attribution.cue or not attribution.source:
        return attribution
    cue = attribution.cue[0]
    if attribution.source[-1][1] > cue[0]:
        return attribution
    for match in INVERTED_CREDIT.finditer(text, max(0, cue[0] - 3), min(len(text), cue[1] + 80)):
        if match.span("cue") == cue:
            return replace(attribution, source=(_name(text, match.span("name")),))
    return attribution


def _renumbered(attribution: Attribution, index: int) -> Attribution:
    return replace(attribution, id=f"a{index}")


def _credits(text: str) -> Iterator[tuple[Span, Span, Span]]:
    """(source, cue, content) spans of every credit the patterns find."""
    for match in BRACKET_CREDIT.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        content = _trimmed(text, line_start, match.start())
        if content is None:
            continue
        start = match.start("names")
        for one in _ONE_CREDIT.finditer(match["names"]):
            name = one.group(0)
            if name.lower().rstrip(".") not in NOT_CREDITS and len(name) <= 40:
                span = (start + one.start(), start + one.end())
                yield _name(text, span), match.span("open"), content
    for match in INVERTED_CREDIT.finditer(text):
        start = _sentence_start(text, match.start())
        content = _trimmed(text, start, match.start())
        if content is not None:
            yield _name(text, match.span("name")), match.span("cue"), content
    for match in AS_REPORTED.finditer(text):
        end = _sentence_end(text, match.end())
        content = _trimmed(text, match.end(), end)
        if content is not None:
            yield _name(text, match.span("name")), match.span("cue"), content
    yield from _poll_credits(text)
    yield from _paren_credits(text)


def _paren_credits(text: str) -> Iterator[tuple[Span, Span, Span]]:
    """Each item closed by an outlet in round brackets, back to the line start or the credit
    before it on the same line."""
    start = 0
    for match in PAREN_CREDIT.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        content = _trimmed(text, max(start, line_start), match.start())
        start = match.end()
        name = match["name"]
        if content is None or name.lower() in NOT_CREDITS or len(name) > 40:
            continue
        if not _caption(text, content, match.end()):
            yield match.span("name"), match.span("open"), content


def _caption(text: str, content: Span, end: int) -> bool:
    """A photo caption: one sentence, no quotation, and the credit closing its line
    ("A soldier stops a car near the embassy on Sunday. (Associated Press)\n")."""
    item = text[content[0] : content[1]]
    line_end = end >= len(text) or text[end] == "\n"
    sentences = len(re.findall(r"(?<=[a-z0-9]{2})[.?!](?:\s|$)", item))  # not "U.S. Embassy"
    return line_end and not re.search(r"[\"“”]", item) and sentences <= 1


def _poll_credits(text: str) -> Iterator[tuple[Span, Span, Span]]:
    """A poll credited with the figures of its sentence (guide 1.5: a document is a source)."""
    for match in POLL_CREDIT.finditer(text):
        start, end = _sentence_start(text, match.start()), _sentence_end(text, match.end())
        if not FIGURE.search(text, start, end):
            continue
        content = _trimmed(text, start, match.start()) or _trimmed(text, match.end(), end)
        if content is not None:
            yield match.span("name"), match.span("cue"), content


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """The span without surrounding blanks; None when fewer than three words remain."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if len(text[start:end].split()) >= 3 else None


def _name(text: str, span: Span) -> Span:
    """The name without a closing full stop ("AP." -> "AP"; "F.A.A." stays)."""
    start, end = span
    return (start, end - 1) if text[start:end].count(".") == 1 and text[end - 1] == "." else span


def _sentence_start(text: str, at: int) -> int:
    """Just after the last sentence end or line break before ``at``."""
    cut = max(text.rfind("\n", 0, at), *(text.rfind(p, 0, at) for p in (". ", "? ", "! ")))
    return cut + 1 if cut >= 0 else 0


def _sentence_end(text: str, at: int) -> int:
    """The next sentence end or line break after ``at``."""
    ends = [i for i in (text.find(p, at) for p in (". ", ".\n", "\n")) if i >= 0]
    return min(ends) if ends else len(text)
