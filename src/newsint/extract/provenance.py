"""Where the article's text came from in the page, and what was left out (issue 17).

An HTML page is read once as a run of its visible text (tags, comments, scripts and styles
dropped, character references decoded), every piece of which keeps its offsets in the
decoded page. Each kept paragraph is found in that run (its words in order, any spacing
between them), which gives its span in the page; every block of visible text outside the
kept paragraphs is a :class:`Removed` with its span and a reason read from the elements
around it (``data/removed_reasons.toml``). Byte spans in the raw input follow from the
character spans and the encoding the input was decoded with (:func:`byte_offsets`).
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from html import unescape
from importlib import resources

from newsint.models import Removed, Span

#: Elements whose start or end breaks the visible text into blocks.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption"
    " figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody"
    " td tfoot th thead tr ul title button select option label summary menu".split()
)
#: Elements without an end tag.
VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)

_TOKEN_RE = re.compile(
    r"<!--.*?(?:-->|\Z)"  # comment
    r"|<(script|style|noscript|template|svg)\b[^>]*>.*?(?:</\1\s*>|\Z)"  # skipped with content
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<(/?)([A-Za-z][A-Za-z0-9:-]*)([^>]*)>"  # a tag: groups 2 (/), 3 (name), 4 (attributes)
    r"|<![^>]*>|<\?[^>]*>"  # doctype, processing instruction
    r"|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?"  # character reference
    r"|[^<&]+|[<&]",  # text, a stray "<" or "&"
    re.DOTALL,
)
_ATTR_RE = re.compile(r"""\b(?:class|id|role)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


@dataclass(frozen=True, slots=True)
class Block:
    """A run of visible text between two block boundaries: ``[start, end)`` in the visible
    text, and why it would be removed (from its enclosing elements)."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class VisibleText:
    """The visible text of an HTML page, each piece mapped to the page."""

    text: str
    starts: tuple[int, ...]  # visible-text offset where each piece starts
    raw_starts: tuple[int, ...]  # page offset where each piece starts
    raw_ends: tuple[int, ...]  # page offset where each piece ends
    literal: tuple[bool, ...]  # the piece is the page's characters as they are
    blocks: tuple[Block, ...]

    def raw(self, pos: int, *, end: bool = False) -> int:
        """The page offset of visible-text offset ``pos`` (a start, or with ``end`` an end)."""
        if not self.starts:
            return 0
        i = bisect_right(self.starts, pos - 1 if end else pos) - 1
        i = max(i, 0)
        if self.literal[i]:
            return min(self.raw_starts[i] + (pos - self.starts[i]), self.raw_ends[i])
        return self.raw_ends[i] if end else self.raw_starts[i]


@dataclass(frozen=True, slots=True)
class ReasonRule:
    """One entry of ``data/removed_reasons.toml``."""

    name: str
    tags: frozenset[str]
    prefixes: tuple[str, ...]  # word beginnings
    exact: frozenset[str]  # whole words
    phrases: tuple[str, ...]  # looked for in the attribute text as it is


@lru_cache(maxsize=1)
def reason_table() -> tuple[ReasonRule, ...]:
    raw = resources.files("newsint.data").joinpath("removed_reasons.toml").read_text("utf-8")
    return tuple(
        ReasonRule(
            r["name"],
            frozenset(r["tags"]),
            tuple(w for w in r["words"] if "-" not in w),
            frozenset(r.get("exact", ())),
            tuple(w for w in r["words"] if "-" in w),
        )
        for r in tomllib.loads(raw)["reason"]
    )


_WORD_SPLIT_RE = re.compile(r"[^a-z0-9]+")


def element_reason(tag: str, attrs: str) -> str | None:
    """The reason an element's text is not article text, from its tag and its class / id /
    role words (lower case), or None."""
    words = [w for w in _WORD_SPLIT_RE.split(attrs) if w] if attrs else []
    for rule in reason_table():
        if tag in rule.tags:
            return rule.name
        if words and (
            any(w.startswith(rule.prefixes) for w in words)
            or any(w in rule.exact for w in words)
            or any(p in attrs for p in rule.phrases)
        ):
            return rule.name
    return None


def _attr_words(attrs: str) -> str:
    if not attrs:
        return ""
    return " ".join(next(g for g in m.groups() if g is not None) for m in _ATTR_RE.finditer(attrs))


def visible_text(content: str) -> VisibleText:
    """The visible text of ``content`` with its offsets (see :class:`VisibleText`)."""
    parts: list[str] = []
    starts: list[int] = []
    raw_starts: list[int] = []
    raw_ends: list[int] = []
    literal: list[bool] = []
    blocks: list[Block] = []
    stack: list[tuple[str, str | None]] = []  # open elements: (tag, reason)
    pos = 0
    block_start = 0
    in_body = "<body" not in content[:200_000].lower()
    block_reason: str | None = None

    def close_block() -> None:
        nonlocal block_start
        if pos > block_start:
            blocks.append(Block(block_start, pos, block_reason or "boilerplate"))
        block_start = pos

    def current_reason() -> str | None:
        for _tag, why in reversed(stack):
            if why:
                return why
        return None

    for m in _TOKEN_RE.finditer(content):
        piece = m.group(0)
        first = piece[0]
        if first == "<" and len(piece) > 1:
            name = m.group(3)
            if name is None:
                continue  # comment, script, style, doctype
            name = name.lower()
            closing = bool(m.group(2))
            if name == "body" and not closing:
                in_body = True
            if name in BLOCK_TAGS:
                close_block()
            if closing:
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k][0] == name:
                        del stack[k:]
                        break
            elif name not in VOID_TAGS and not piece.endswith("/>"):
                words = _attr_words(m.group(4)).lower()
                why = "title" if name == "title" else element_reason(name, words)
                stack.append((name, why))
            if name in BLOCK_TAGS:
                block_reason = current_reason()
            continue
        if not in_body and not any(tag == "title" for tag, _ in stack):
            continue  # the head's text other than its <title>
        if first == "&" and len(piece) > 1:
            text = unescape(piece)
            is_literal = text == piece
        else:
            text, is_literal = piece, True
        if not text:
            continue
        parts.append(text)
        starts.append(pos)
        raw_starts.append(m.start())
        raw_ends.append(m.end())
        literal.append(is_literal and len(text) == m.end() - m.start())
        pos += len(text)
    close_block()
    return VisibleText(
        "".join(parts),
        tuple(starts),
        tuple(raw_starts),
        tuple(raw_ends),
        tuple(literal),
        tuple(blocks),
    )


#: Characters a page may hold inside a word that extractors drop (soft hyphen, zero-width
#: space and joiners).
_INVISIBLE = "[\u00ad\u200b\u200c\u200d\u2060]*"


def _pattern(paragraph: str, *, invisible: bool = False) -> re.Pattern[str] | None:
    """Its words in order with any spacing between them (``invisible``: and any invisible
    characters inside the words)."""
    words = paragraph.split()
    if not words:
        return None
    if invisible:
        words = [_INVISIBLE.join(re.escape(ch) for ch in w) for w in words]
        return re.compile(r"\s*".join(words))
    return re.compile(r"\s*".join(re.escape(w) for w in words))


def _search(rx: re.Pattern[str] | None, text: str, cursor: int) -> re.Match[str] | None:
    if rx is None:
        return None
    return rx.search(text, cursor) or rx.search(text)


def find_paragraphs(visible: VisibleText, paragraphs: list[str]) -> list[Span | None]:
    """The visible-text span of each paragraph: its words in order with any spacing between
    them, searched after the previous paragraph, else anywhere; None when not found."""
    found: list[Span | None] = []
    cursor = 0
    for para in paragraphs:
        m = _search(_pattern(para), visible.text, cursor)
        if m is None:
            m = _search(_pattern(para, invisible=True), visible.text, cursor)
        if m is None:
            found.append(None)
            continue
        found.append((m.start(), m.end()))
        cursor = max(cursor, m.end())
    return found


def removed_blocks(
    visible: VisibleText, kept: list[Span], headlines: set[str] | None = None
) -> list[Removed]:
    """Every piece of visible text outside the ``kept`` spans, one per block, with its reason
    and its span in the page; a block whose text is one of the page's ``headlines`` is a
    ``title``."""
    kept_sorted = sorted(kept)
    out: list[Removed] = []
    k = 0
    for block in visible.blocks:
        start = block.start
        while k < len(kept_sorted) and kept_sorted[k][1] <= start:
            k += 1
        j = k
        pieces: list[Span] = []
        while start < block.end:
            if j < len(kept_sorted) and kept_sorted[j][0] < block.end:
                ks, ke = kept_sorted[j]
                if ks > start:
                    pieces.append((start, ks))
                start = max(start, ke)
                j += 1
            else:
                pieces.append((start, block.end))
                break
        for s, e in pieces:
            text = " ".join(visible.text[s:e].split())
            if not text:
                continue
            reason = block.reason
            if headlines and " ".join(text.lower().split()) in headlines:
                reason = "title"
            out.append(Removed(text, reason, (visible.raw(s), visible.raw(e, end=True))))
    return out


def byte_offsets(content: str, encoding: str | None, offsets: list[int]) -> list[int] | None:
    """The byte offset in the raw input of each character offset into ``content`` decoded
    with ``encoding`` (a byte-order mark counted), or None when the encoding is unknown."""
    if not encoding:
        return None
    enc = encoding.lower()
    lead = 0
    if enc == "utf-8-sig":
        enc, lead = "utf-8", 3
    elif enc in ("utf-16", "utf-32"):
        lead = 2 if enc == "utf-16" else 4
        enc = enc + "-le"  # the decoder read the byte-order mark; sizes are the same either way
    try:
        "".encode(enc)
    except LookupError:
        return None
    out: list[int] = []
    done = 0
    size = lead
    order = sorted(range(len(offsets)), key=offsets.__getitem__)
    result = [0] * len(offsets)
    for i in order:
        at = min(max(offsets[i], 0), len(content))
        if at > done:
            size += len(content[done:at].encode(enc, "replace"))
            done = at
        result[i] = size
    out.extend(result)
    return out
