"""Line features for the flattened-page cleaner: no parsing, array operations per page.

A flattened page is a sequence of *lines* (one block of the original page each). Every line
gets a vector of local features (its shape: length, punctuation, stopword share, boilerplate
vocabulary ...) and of context features (the same facts about its neighbours, and whether it
sits inside the page's densest run of prose). ``newsint.extract.text`` scores these with a
small logistic model whose weights live in ``newsint/models/textclean/``.

The vocabulary here is generic web boilerplate and function words of a few languages; there
are no site-specific phrases.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from itertools import repeat
from operator import itemgetter
from typing import NamedTuple

import numpy as np

# Function words of the languages of the development data and a few neighbours: the share
# of them in a line separates prose from menus in any of these languages.
STOPWORDS = frozenset(
    """a about after all also an and any are as at be because been but by can could did do
    does for from had has have he her his how i if in into is it its just may more most my no
    not of on one or our out over said says she so some than that the their them then there
    these they this those to up was we were what when where which while who will with would
    you your
    o os as um uma de do da dos das em no na nos nas para por com que se mas mais foi é ao à
    der die das und ist nicht mit von zu den dem ein eine auf für sich auch es im sie er wir
    il lo la le gli un una di del della che è per non con si sono ha nel alla
    yang dan di ke dari ini itu dengan untuk tidak ada akan pada dalam juga oleh
    и в не на что с по как это он она из к за от но так его то же все для о
    el los las y en es por con para una su al lo como más pero sus
    et les des est pas une du au qui dans sur pour avec ce sont""".split()
)

# Generic web-page furniture. Each group becomes one feature (a count of hits in the line).
BOILER_GROUPS: dict[str, frozenset[str]] = {
    "share": frozenset(
        """share shares shared facebook twitter linkedin pinterest whatsapp reddit email
        e-mail print instagram youtube tumblr messenger telegram copy link flipboard""".split()
    ),
    "comments": frozenset("comment comments commenting reply replies discuss discussion".split()),
    "subscribe": frozenset(
        """subscribe subscribed subscription subscriptions subscriber newsletter newsletters
        sign signup login log register account inbox alerts notifications""".split()
    ),
    "legal": frozenset(
        """cookie cookies privacy policy terms conditions copyright rights reserved
        gdpr consent accept ©""".split()
    ),
    "promo": frozenset(
        """related recommended popular trending quiz slideshow gallery photos video videos
        watch advertisement advertising sponsored promoted partner podcast podcasts
        more stories read also next previous latest top most""".split()
    ),
    "nav": frozenset(
        """home menu search about contact careers sections section login close open
        skip navigation main content back top news sports weather business opinion
        entertainment lifestyle politics tech technology health travel world us""".split()
    ),
}

ACTION_VERBS = frozenset(
    """view take read click watch sign subscribe follow download get join share see learn
    listen play shop buy try discover explore visit continue load show tap find go""".split()
)

SENTENCE_END = frozenset(".!?\"'”’»)…:;。！？")
QUOTE_START = frozenset("\"“‘'«„")
WORD_RE = re.compile(r"\w+", re.UNICODE)
#: Every alternative starts with a digit or a month's first letter: the lookahead rejects the
#: other positions at once (half the time of the plain alternation, same matches).
DATETIME_RE = re.compile(
    r"(?=[\djfmasondJFMASOND])(?:"
    r"\b\d{1,2}:\d{2}\b|\b\d+ (?:min|mins|minutes|hours?|days?|weeks?|months?) ago\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b)",
    re.IGNORECASE,
)
BINS = ((1, 1), (2, 2), (3, 4), (5, 7), (8, 12), (13, 20), (21, 40))


class Line(NamedTuple):
    """A non-blank line of the page: its stripped text and where it sits in the raw content."""

    start: int
    end: int
    text: str
    blank_before: bool
    blank_after: bool


class LineFeatures(NamedTuple):
    rows: np.ndarray  # one row per line, FEATURE_NAMES columns
    prose: np.ndarray  # how much each line looks like running prose (0..1)
    title_key: str  # the headline, lower-cased and whitespace-normalised ("" if none)
    title: str  # the headline as written


class _Scan(NamedTuple):
    """A page's lines as arrays (and their texts), which :func:`line_features` reuses."""

    texts: list[str]  # the lines, stripped
    codes: np.ndarray  # code points of the page
    flags: np.ndarray  # their class-table bytes
    starts: np.ndarray  # line offsets into ``codes``
    ends: np.ndarray
    before: np.ndarray  # blank line before / after
    after: np.ndarray
    ts: np.ndarray  # tokens (runs of non-space characters): offsets into ``codes``
    te: np.ndarray
    lo: np.ndarray  # each line's first token (every line has one; the next line's is its end)


def _tokens(flags: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of the runs of non-space characters (as ``str.split`` cuts)."""
    space = np.full(len(flags) + 2, _SPACE, dtype=np.uint8)  # a space either side
    np.bitwise_and(flags, _SPACE, out=space[1:-1])
    # a bool array: nonzero() of int8 steps is ~3x slower
    edge = np.not_equal(space[1:], space[:-1]).nonzero()[0]
    return edge[0::2].copy(), edge[1::2].copy()  # contiguous: no copy in every take


def _scan(content: str) -> _Scan | None:
    if not content:
        return None
    codes = np.frombuffer(content.encode("utf-32-le"), dtype=np.uint32)
    # array methods, not the np.* wrappers: this runs per page (a wrapper costs ~1 µs a call)
    flags = _CHARS.take(np.minimum(codes, _TABLE_SIZE))
    ts, te = _tokens(flags)
    if not len(ts):
        return None
    # the lines are read from the tokens (a few per line) rather than from the characters: a
    # token never spans a line break, and a line starts at the first token after a break
    at = ts.searchsorted((codes == 10).nonzero()[0])
    first = np.zeros(len(ts) + 1, dtype=bool)
    first[at] = True
    first[0] = True
    lo = first[:-1].nonzero()[0]
    last = np.empty_like(lo)
    last[:-1] = lo[1:]
    last[-1] = len(ts)
    last -= 1
    starts = ts[lo]
    ends = te[last]
    # a blank line before a line: two breaks in a row before its first token
    blank = np.zeros(len(ts) + 1, dtype=bool)
    blank[at[1:][at[1:] == at[:-1]]] = True
    before = blank[lo]
    before[0] = True
    after = np.empty(len(lo), dtype=bool)
    after[:-1] = before[1:]
    after[-1] = True
    # the same strings as content[starts[i]:ends[i]]: lines end at "\n" only, and the class
    # table's spaces are str.isspace
    texts = list(filter(None, map(str.strip, content.split("\n"))))
    return _Scan(texts, codes, flags, starts, ends, before, after, ts, te, lo)


def _lines_of(scan: _Scan) -> list[Line]:
    # tuple.__new__ builds the named tuples in C (``Line(...)`` runs a Python __new__)
    fields = zip(
        scan.starts.tolist(),
        scan.ends.tolist(),
        scan.texts,
        scan.before.tolist(),
        scan.after.tolist(),
        strict=True,
    )
    return list(map(tuple.__new__, repeat(Line), fields))


class LineView(Sequence[Line]):
    """The lines of a scanned page, each :class:`Line` made when it is asked for (the
    body-only path looks at a few of them)."""

    def __init__(self, scan: _Scan) -> None:
        self.scan = scan

    def __len__(self) -> int:
        return len(self.scan.texts)

    def __getitem__(self, i: int) -> Line:  # type: ignore[override]
        sc = self.scan
        return Line(
            int(sc.starts[i]), int(sc.ends[i]), sc.texts[i], bool(sc.before[i]), bool(sc.after[i])
        )

    @property
    def texts(self) -> list[str]:
        return self.scan.texts

    def all(self) -> list[Line]:
        """Every line, made at once."""
        return _lines_of(self.scan)


def split_lines(content: str) -> list[Line]:
    """The non-blank lines of ``content`` with exact raw offsets (whitespace stripped as
    ``str.strip`` does), found with array operations over the page's code points."""
    scan = _scan(content)
    return _lines_of(scan) if scan is not None else []


def page_features(content: str) -> tuple[list[Line], LineFeatures]:
    """``split_lines(content)`` and ``line_features`` of them, computed on ``content`` itself
    (the same values, without joining and re-reading the lines)."""
    scan = _scan(content)
    if scan is None:
        return [], line_features([])
    return _lines_of(scan), _features(content, scan)


def page_view(content: str) -> tuple[LineView, LineFeatures]:
    """:func:`page_features` with the lines as a :class:`LineView` (cheaper when only a few
    lines are looked at)."""
    scan = _scan(content)
    if scan is None:
        return LineView(_Scan([], *(np.zeros(0, dtype=int),) * 9)), line_features([])
    return LineView(scan), _features(content, scan)


#: Bits of the per-character class table (see :func:`_char_table`).
_SPACE, _UPPER, _ALPHA, _DIGIT, _PUNCT, _COMMA, _PIPE, _FOREIGN = (1 << k for k in range(8))
#: Characters with a class of their own up to this code point; later ones count as letters
#: of a non-Latin script.
_TABLE_SIZE = 0x3100


def _char_table() -> np.ndarray:
    table = np.zeros(_TABLE_SIZE + 1, dtype=np.uint8)
    for code in range(_TABLE_SIZE):
        ch = chr(code)
        bits = 0
        if ch.isspace():
            bits |= _SPACE
        if ch.isupper():
            bits |= _UPPER
        if ch.isalpha():
            bits |= _ALPHA
            if code >= 0x250:
                bits |= _FOREIGN
        if "0" <= ch <= "9":
            bits |= _DIGIT
        if ch in ".,;:!?。、，":
            bits |= _PUNCT
        if ch == ",":
            bits |= _COMMA
        if ch in "|•·":
            bits |= _PIPE
        table[code] = bits
    table[_TABLE_SIZE] = _ALPHA | _FOREIGN
    return table


_CHARS = _char_table()


def _code_set(chars: frozenset[str]) -> np.ndarray:
    table = np.zeros(_TABLE_SIZE + 1, dtype=bool)
    table[[ord(c) for c in chars if ord(c) < _TABLE_SIZE]] = True
    return table


_SENT_END_CODES = _code_set(SENTENCE_END)
_QUOTE_CODES = _code_set(QUOTE_START)

_BYLINE = frozenset(("by", "por", "von", "di", "oleh", "par"))
_SAYS = frozenset(("says", "said", "wrote", "writes"))
#: Bits of the per-token code: stopword, one per boilerplate group, action verb, byline word,
#: speech verb, and the line break that separates the lines of the page.
_TOKEN_BITS = ["stop", *BOILER_GROUPS, "action", "byline", "says", "nl"]
_TB = {name: 1 << k for k, name in enumerate(_TOKEN_BITS)}


_LEAD = ('"', "“", "‘", "'", "(", "«", "„", "[", "#", "»", "›")
_TRAIL = (",", ".", ":", ";", "!", "?", '"', "”", "’", "'", ")", "…", "»", "]", "'s", "’s")


def _token_codes() -> dict[str, int]:
    """The code of each vocabulary word (a token with one leading and one trailing piece of
    punctuation, ``_LEAD`` / ``_TRAIL``, counts as the word: see :func:`_lookup`)."""
    codes: dict[str, int] = {}

    def add(words: frozenset[str], bit: int) -> None:
        for w in words:
            codes[w] = codes.get(w, 0) | bit

    add(STOPWORDS, _TB["stop"])
    for g, words in BOILER_GROUPS.items():
        add(words, _TB[g])
    add(ACTION_VERBS, _TB["action"])
    add(_BYLINE, _TB["byline"])
    add(_SAYS, _TB["says"])
    return codes


_TOKEN_CODE = _token_codes()
#: A line with one of these (lower-cased) has a URL or an e-mail address.
_URL_NEEDLES = ("http", "www.", "@")

LOCAL_NAMES = [
    "log_words",
    "log_chars",
    "ends_sentence",
    "ends_period",
    "ends_question",
    "ends_exclaim",
    "ends_colon",
    "starts_upper",
    "starts_quote",
    "starts_digit",
    "stop_ratio",
    "comma_rate",
    "cap_ratio",
    "mean_word_len",
    "digit_ratio",
    "upper_ratio",
    "words_ge_8",
    "words_ge_15",
    "words_le_3",
    "has_pipe",
    "has_tag",
    "has_url",
    "action_start",
    "short_action",
    "duplicate",
    "title_like",
    "byline",
    "blank_before",
    "blank_after",
    *(f"boiler_{g}" for g in BOILER_GROUPS),
    "boiler_any",
    "boiler_share_of_words",
    "non_latin",
    "long_no_punct",
    "period_rate",
    "datetime",
    "ends_says",
    "bin_1",
    "bin_2",
    "bin_3_4",
    "bin_5_7",
    "bin_8_12",
    "bin_13_20",
    "bin_21_40",
]
#: Facts about the line's *block*: the run of lines between two blank lines (a paragraph, a
#: heading, a list, a table or a menu of the original page).
BLOCK_NAMES = [
    "block_log_lines",
    "block_log_words",
    "block_share",
    "block_first",
    "block_last",
    "block_sent_share",
    "block_short_share",
    "block_prose",
    "prev_block_prose",
    "next_block_prose",
]
CONTEXT_NAMES = [
    "rel_pos",
    "rel_pos2",
    "in_dense",
    "dist_dense",
    "before_dense",
    "after_dense",
    "prev_sent",
    "next_sent",
    "prev_words",
    "next_words",
    "win3_sent",
    "win8_sent",
    "win3_words",
    "prev_boiler",
    "next_boiler",
    "gap_short_flanked",
    "rel_len",
    "title_dist",
    "no_title_before",
    "z_len",
]
FEATURE_NAMES = LOCAL_NAMES + BLOCK_NAMES + CONTEXT_NAMES


def densest_run(weights: np.ndarray | list[float]) -> tuple[int, int]:
    """The run of lines with the largest total of ``weights`` (max-subarray), end exclusive;
    (0, 0) when no run has a positive total. Ties: the earliest end, the latest start."""
    w = np.asarray(weights, dtype=float)
    if not len(w):
        return 0, 0
    total = np.zeros(len(w) + 1)
    w.cumsum(out=total[1:])
    low = np.minimum.accumulate(total[:-1])
    gain = total[1:] - low
    end = int(gain.argmax())
    if gain[end] <= 0.0:
        return 0, 0
    # the last index up to ``end`` where ``total`` is at its minimum there, low[end]
    start = end - int(total[end::-1].argmin())
    return start, end + 1


_LOG1P: list[np.ndarray] = []


def log1p_table(n: int) -> np.ndarray:
    """``np.log1p`` of 0, 1, ... n (at least), computed once per process: the same values as
    ``np.log1p`` of whole numbers, read by slicing instead of a call per page."""
    if not _LOG1P or len(_LOG1P[0]) <= n:
        _LOG1P[:] = [np.log1p(np.arange(max(n + 1, 4096), dtype=float))]
    return _LOG1P[0]


def find_title(
    lines: list[Line], keys: Sequence[str] | None = None, counts: dict[str, int] | None = None
) -> tuple[str, str]:
    """The page headline as (normalised key, text as written), or ("", "").

    Flattened pages usually start with the HTML ``<title>`` (often with a `` - Site`` suffix)
    and repeat the headline above the body; a repeated line like the first one wins, then the
    first line, then any repeated headline-sized line in the first half of the page.
    """
    if not lines:
        return "", ""
    if keys is None or counts is None:
        keys, counts = _keys(lines)
    upto = max(10, len(lines) // 2)
    repeated_at = [i for i, key in enumerate(keys[:upto]) if counts[key] > 1]
    return _find_title([line.text for line in lines], keys, repeated_at)


def _find_title(
    texts: list[str], keys: Sequence[str] | Mapping[int, str], repeated_at: list[int]
) -> tuple[str, str]:
    """:func:`find_title` of the lines ``texts``; ``repeated_at``: the indexes of the lines
    whose key occurs more than once (``keys`` is read at these only)."""
    if not texts:
        return "", ""
    first = texts[1] if texts[0].startswith("<") and len(texts) > 1 else texts[0]
    for sep in (" | ", " - ", " – ", " — ", " :: "):
        if sep in first:
            part = first.rsplit(sep, 1)[0]
            if len(part.split()) >= 3:
                first = part
                break
    first_key = " ".join(first.lower().split())
    first_toks = set(WORD_RE.findall(first_key))
    repeated = []  # repeated headline-sized lines; the first one like the first line wins
    tried: set[str] = set()
    upto = max(10, len(texts) // 2)
    for i in repeated_at:
        if i >= upto:
            break
        key, text = keys[i], texts[i]
        if not (4 <= key.count(" ") + 1 <= 30) or text.startswith("<"):
            continue
        repeated.append((key, text))
        if key in tried:  # a repeated line: judged at its first occurrence
            continue
        tried.add(key)
        if first_toks and any(t in key for t in first_toks):  # else no word in common
            toks = set(WORD_RE.findall(key))
            if len(toks & first_toks) >= 0.5 * len(toks | first_toks):
                return key, text
    first_boiler = any(first_toks & v for v in BOILER_GROUPS.values())
    # a first line that reads as a sentence of prose is the article itself, not a headline
    first_is_prose = first.endswith(".") and len(first.split()) >= 8
    if len(first.split()) >= 3 and not (first_boiler and repeated) and not first_is_prose:
        return first_key, first
    if repeated:
        return repeated[0]
    return ("", "") if first_is_prose else (first_key, first)


def _keys(lines: list[Line]) -> tuple[list[str], dict[str, int]]:
    keys = [" ".join(line.text.lower().split()) for line in lines]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    return keys, counts


_BLANK_BEFORE, _BLANK_AFTER = itemgetter(3), itemgetter(4)  # Line fields, read in C


#: Polynomial hashing of tokens (mod 2**64): a token's hash is the sum of its code points
#: times powers of _HASH_BASE, so every token of a page is hashed by one cumulative sum.
_HASH_BASE = 0x9E3779B97F4A7C15
_HASH_INV = pow(_HASH_BASE, -1, 1 << 64)
_POWERS: list[np.ndarray] = []  # [base**k, base**-k] for k < the longest text seen


def _powers(size: int) -> tuple[np.ndarray, np.ndarray]:
    if not _POWERS or len(_POWERS[0]) < size:
        size = max(size, 1 << 16, 2 * len(_POWERS[0]) if _POWERS else 0)
        with np.errstate(over="ignore"):
            fwd = np.cumprod(np.full(size, _HASH_BASE, dtype=np.uint64)) * np.uint64(_HASH_INV)
            inv = np.cumprod(np.full(size, _HASH_INV, dtype=np.uint64)) * np.uint64(_HASH_BASE)
        _POWERS[:] = [fwd, inv]
    return _POWERS[0], _POWERS[1]


def _prefix_hashes(codes: np.ndarray) -> np.ndarray:
    """Cumulative sums of ``codes[k] * base**k``: a span's hash is a difference of two."""
    fwd, _ = _powers(len(codes) + 1)
    cum = np.empty(len(codes) + 1, dtype=np.uint64)
    cum[0] = 0
    np.multiply(codes, fwd[: len(codes)], out=cum[1:])  # no temporary
    cum[1:].cumsum(out=cum[1:])  # wraps around (mod 2**64), silently
    return cum


def _span_hashes(cum: np.ndarray, ts: np.ndarray, te: np.ndarray) -> np.ndarray:
    """Hashes of the spans ``[ts[i], te[i])`` (independent of where a span sits)."""
    _, inv = _powers(len(cum))
    return (cum.take(te) - cum.take(ts)) * inv.take(ts)


def _vocabulary() -> tuple[np.ndarray, np.ndarray]:
    """The words of :data:`_TOKEN_CODE` as (sorted hashes, codes)."""
    keys = list(_TOKEN_CODE)
    codes = np.frombuffer("".join(keys).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    lens = np.fromiter(map(len, keys), dtype=np.int64, count=len(keys))
    te = np.cumsum(lens)
    hashes = _span_hashes(_prefix_hashes(codes), te - lens, te)
    order = np.argsort(hashes)
    if len(np.unique(hashes)) != len(keys) or not hashes.all():  # pragma: no cover
        raise RuntimeError("token hash collision in the vocabulary")
    values = np.fromiter(map(_TOKEN_CODE.__getitem__, keys), dtype=np.int64, count=len(keys))
    return hashes[order], values[order]


_VOCAB_HASH, _VOCAB_CODE = _vocabulary()


def _slot_table(bits: int = 13) -> tuple[np.uint64, np.uint64, np.ndarray, np.ndarray]:
    """A collision-free hash table of the vocabulary: word hash ``h`` sits in slot
    ``(h * mul mod 2**64) >> (64 - bits)`` (a look-up is one multiply and two ``take``, cheaper
    than a binary search). Returns (mul, shift, slot hashes, slot codes); empty slots hold
    hash 0, which only the empty token has, and code 0."""
    shift = np.uint64(64 - bits)
    mul = 4475091475275368049  # found by the search below; kept so that imports are fast
    rng = np.random.default_rng(13)
    while True:
        with np.errstate(over="ignore"):
            slot = (_VOCAB_HASH * np.uint64(mul)) >> shift
        if len(np.unique(slot)) == len(_VOCAB_HASH):
            break
        mul = int(rng.integers(1, 1 << 62)) * 2 + 1  # pragma: no cover - vocabulary edits
    hashes = np.zeros(1 << bits, dtype=np.uint64)
    codes = np.zeros(1 << bits, dtype=np.int64)
    hashes[slot] = _VOCAB_HASH
    codes[slot] = _VOCAB_CODE
    return np.uint64(mul), shift, hashes, codes


_SLOT_MUL, _SLOT_SHIFT, _SLOT_HASH, _SLOT_CODE = _slot_table()
_LEAD_CODES = _code_set(frozenset(_LEAD)).astype(np.int64)
_TRAIL_CODES = _code_set(frozenset(t for t in _TRAIL if len(t) == 1)).astype(np.int64)
_APOSTROPHES = (ord("'"), ord("’"))


def _lookup(
    lcodes: np.ndarray, ts: np.ndarray, te: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Vocabulary code of each token ``lcodes[ts[i]:te[i]]`` (0: not a vocabulary word), the
    prefix hashes of ``lcodes`` (see :func:`_span_hashes`), and each token's last code. A
    token is the word itself, or the word with one leading character of ``_LEAD`` and/or one
    trailing piece of ``_TRAIL`` stuck to it ("(the", "said:", "reuters's"). No word starts
    or ends with such a piece (checked below), so the piece is always cut off before the look-up."""
    last = lcodes.take(te - 1)
    before = lcodes.take(np.maximum(te - 2, 0))
    # "'s" (the token is two characters long at least: before a one-character token's
    # last character comes a space, or, at the page's start, that character itself)
    trail = np.where(
        (last == 115) & ((before == _APOSTROPHES[0]) | (before == _APOSTROPHES[1])),
        2,
        _TRAIL_CODES.take(np.minimum(last, _TABLE_SIZE)),
    )
    s = ts + _LEAD_CODES.take(np.minimum(lcodes.take(ts), _TABLE_SIZE))
    e = te - trail
    cum = _prefix_hashes(lcodes)
    hashes = _span_hashes(cum, np.minimum(s, e), e)  # empty core: 0
    # wraps around (mod 2**64), silently; as int64 (the slots are small), take needs no cast
    slot = ((hashes * _SLOT_MUL) >> _SLOT_SHIFT).view(np.int64)
    return np.where(_SLOT_HASH.take(slot) == hashes, _SLOT_CODE.take(slot), 0), cum, last


if any(  # pragma: no cover - a vocabulary edit that breaks the look-up above
    w[0] in _LEAD or w.endswith(_TRAIL) for w in _TOKEN_CODE
):
    raise RuntimeError("a vocabulary word starts or ends with a piece of punctuation")


#: Per-character counts summed per line (index: the class-table byte): upper, alpha, digit,
#: punct, comma, pipe, foreign.
_CHAR_BITS = ((np.arange(256)[:, None] >> np.arange(1, 8)) & 1).astype(np.uint64)
#: Per-token counts summed per line (index: vocabulary code + 1024 * starts upper-case +
#: 2048 * ends in "." before whitespace): stopword, the boilerplate groups, the token itself,
#: in any boilerplate group, capitalised, period.
_NG = len(BOILER_GROUPS)
_GROUP_MASK = sum(_TB[g] for g in BOILER_GROUPS)
_TOK_INDEX = np.arange(4096)
_TOK_BITS = np.column_stack(
    [
        (_TOK_INDEX[:, None] >> np.arange(1 + _NG)) & 1,
        np.ones(4096, dtype=np.int64),
        (_TOK_INDEX & _GROUP_MASK) != 0,
        (_TOK_INDEX >> 10) & 1,
        (_TOK_INDEX >> 11) & 1,
    ]
).astype(np.uint64)
_PACKED: dict[tuple[int, int], tuple[np.ndarray, np.ndarray, np.ndarray, np.uint64]] = {}


def _packed(bits: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.uint64]:
    """``bits`` (one row of 0/1 per class index) packed into uint64 words of ``width``-bit
    fields, so that one cumulative sum counts several classes at once: (class index x words
    table, each field's word, each field's shift, the field mask)."""
    key = (id(bits), width)
    if key not in _PACKED:
        per = 64 // width
        fields = np.arange(bits.shape[1])
        shifts = (width * (fields % per)).astype(np.uint64)
        vals = bits << shifts
        table = np.column_stack(
            [vals[:, a : a + per].sum(axis=1, dtype=np.uint64) for a in range(0, len(fields), per)]
        )
        _PACKED[key] = (table, fields // per, shifts, np.uint64((1 << width) - 1))
    return _PACKED[key]


def _range_counts(
    index: np.ndarray, bits: np.ndarray, bounds: np.ndarray, width: int
) -> np.ndarray:
    """For each range ``[bounds[i], bounds[i + 1])`` of ``index`` (the last one: to its end),
    how many entries set each field of ``bits`` (columns: fields). No range may count
    ``2**width`` or more of one field; ``bounds`` must increase strictly."""
    table, word, shift, mask = _packed(bits, width)
    total = np.add.reduceat(table.take(index, axis=0), bounds, axis=0)
    return ((total[:, word] >> shift) & mask).astype(float)


def line_features(lines: list[Line]) -> LineFeatures:
    """Feature matrix (one row per line, ``FEATURE_NAMES`` columns), prose scores, headline.

    Computed for the whole page at once: the lines are joined, every character is classed
    through a lookup table, every whitespace token is hashed (one cumulative sum) and looked
    up among the hashed vocabulary, and per-line counts are sums of packed counters over
    each line's characters and tokens (no Python loop over the characters or tokens). The
    lines must be non-blank and stripped, as :func:`split_lines` makes them.
    """
    n = len(lines)
    nf = len(FEATURE_NAMES)
    if n == 0:
        return LineFeatures(np.zeros((0, nf)), np.zeros(0), "", "")
    texts = [line.text for line in lines]
    joined = "\n".join(texts)
    nc = np.fromiter(map(len, texts), dtype=np.int64, count=n)
    starts = np.zeros(n, dtype=np.int64)
    np.cumsum(nc[:-1] + 1, out=starts[1:])
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    flags = np.take(_CHARS, np.minimum(codes, _TABLE_SIZE))
    ts, te = _tokens(flags)
    scan = _Scan(
        texts,
        codes,
        flags,
        starts,
        starts + nc,
        np.fromiter(map(_BLANK_BEFORE, lines), dtype=bool, count=n),
        np.fromiter(map(_BLANK_AFTER, lines), dtype=bool, count=n),
        ts,
        te,
        ts.searchsorted(starts),
    )
    return _features(joined, scan)


def _lower_table() -> np.ndarray:
    """Code point (of the Basic Multilingual Plane) -> its lower case, where that is one code
    point (else itself)."""
    table = np.arange(_LOWER_SIZE, dtype=np.uint64)  # the hashes' type: no cast per page
    for code in range(_LOWER_SIZE):
        low = chr(code).lower()
        if len(low) == 1 and low != chr(code):
            table[code] = ord(low)
    return table


_LOWER_SIZE = 0x10000
_LOWER = _lower_table()


def _features(text: str, scan: _Scan) -> LineFeatures:
    """:func:`line_features` of the lines of ``scan``, read from ``text`` (the page, or its lines
    joined by line breaks: between lines there is only whitespace)."""
    texts, codes, flags, starts, ends, blank_before, blank_after, ts, te, lo = scan
    n = len(texts)
    nf = len(FEATURE_NAMES)
    nc = ends - starts
    width = int(nc.max()).bit_length()
    # the characters from one line's start to the next one's: the ones between lines are
    # spaces, which count in no field
    cs = _range_counts(flags, _CHAR_BITS, starts, width)
    upper, alpha, digits, punct, commas, pipes, foreign = cs.T
    first_code, last_code = codes[starts], codes[ends - 1]

    # Tokens, looked up lower-cased.
    lcodes = _LOWER.take(np.minimum(codes, _LOWER_SIZE - 1))
    if len(codes) and codes.max() >= _LOWER_SIZE:  # emoji and the like: as they are
        lcodes = np.where(codes >= _LOWER_SIZE, codes, lcodes)
    index, hash_cum, last_char = _lookup(lcodes, ts, te)
    # the index into _TOK_BITS: the vocabulary code (its bits stay as they are), +1024 when
    # the token starts upper-case, +2048 when it ends in "." (not the page's last token)
    np.add(index, 1024, out=index, where=(flags.take(ts) & _UPPER) != 0)
    period = last_char == 46  # only "." lower-cases to "."
    period[-1] = False
    np.add(index, 2048, out=index, where=period)
    tc = _range_counts(index, _TOK_BITS, lo, width)  # the lines' tokens: one after another
    stop, groups = tc[:, 0], tc[:, 1 : 1 + _NG]
    nwords, boiler_words, caps, periods = tc[:, _NG + 1 :].T
    ntok = nwords
    first_tok = index[lo]  # every line has a token
    last = np.empty_like(lo)  # each line's last token
    last[:-1] = lo[1:]
    last[-1] = len(ts)
    last -= 1
    last_tok = index[last]
    ncf = nc.astype(float)
    non_latin = foreign > 0.5 * ncf
    # scripts without spaces between words: about one word per three characters
    nw = np.where(non_latin, np.maximum(nwords, ncf // 3), nwords)

    # lines that occur more than once (lower-cased): equal hashes, side by side once sorted
    line_hash = _span_hashes(hash_cum, starts, ends)
    order = line_hash.argsort(kind="stable")
    same = line_hash[order[1:]] == line_hash[order[:-1]]
    dup = np.zeros(n, dtype=bool)
    dup[order[1:][same]] = True
    dup[order[:-1][same]] = True
    # only the repeated lines of the first half that _find_title does not skip are read, and
    # lower-cased (lower-casing keeps the spaces and the "<")
    upto = max(10, n // 2)
    repeated_at = [
        i
        for i in dup[:upto].nonzero()[0].tolist()
        if 3 <= texts[i].count(" ") <= 29 and not texts[i].startswith("<")
    ]
    keys = {i: texts[i].lower() for i in repeated_at}
    tkey, title = _find_title(texts, keys, repeated_at)
    title_like = np.zeros(n, dtype=bool)
    if tkey:  # a line longer than 12 characters inside the headline, or the headline itself
        size = len(tkey)
        sel = ((nc <= size) & ((nc > 12) | (nc == size))).nonzero()[0]
        # a line of up to 12 characters is picked only when it is as long as the headline,
        # and then being inside it is being it
        low = map(str.lower, map(texts.__getitem__, sel.tolist()))
        title_like[sel] = list(map(tkey.__contains__, low))

    url = np.zeros(n, dtype=bool)
    # the page lower-cased one code point for one (str.find is several times faster than a
    # regex): the only characters that lower-case to a needle's are its upper-case letters,
    # as with str.lower, so the lines with a needle are the same
    lower = lcodes.astype(np.uint32).tobytes().decode("utf-32-le")
    pos = []
    for needle in _URL_NEEDLES:
        at = lower.find(needle)
        while at >= 0:
            pos.append(at)
            at = lower.find(needle, at + 1)
    if pos:  # every needle lies inside a line: no needle has a space
        url[starts.searchsorted(pos, side="right") - 1] = True
    short = nw <= 12
    dated = np.zeros(n, dtype=bool)
    for i in (short & (digits > 0)).nonzero()[0].tolist():
        # every date or time the pattern knows has one of these, or five digits
        # (lower-casing makes or removes no ":", "/" or "-")
        t = texts[i]
        if digits[i] >= 5 or ":" in t or "/" in t or "-" in t or "ago" in t.lower():
            dated[i] = DATETIME_RE.search(texts[i]) is not None

    nw1 = np.maximum(nw, 1.0)
    ntok1 = np.maximum(ntok, 1.0)
    stop_ratio = stop / ntok1
    boiler_any = groups.sum(axis=1)
    action = (first_tok & _TB["action"]) != 0

    rows = np.empty((n, nf), order="F")  # columns are contiguous: ufuncs write into them
    col = _COL
    log_words = np.log1p(nw, out=rows[:, col["log_words"]])
    np.log1p(ncf, out=rows[:, col["log_chars"]])
    # the facts about a line's last and first character, each from one table row
    last_facts = _LAST_FACTS.take(np.minimum(last_code, _TABLE_SIZE), axis=0)
    e0 = col["ends_sentence"]  # ends_sentence, _period, _question, _exclaim, _colon
    rows[:, e0 : e0 + 5] = last_facts[:, :5]
    ends_sentence = rows[:, e0]
    first_facts = _FIRST_FACTS.take(np.minimum(first_code, _TABLE_SIZE), axis=0)
    s0 = col["starts_upper"]  # starts_upper, starts_quote, starts_digit
    rows[:, s0 : s0 + 3] = first_facts[:, :3]
    rows[:, col["stop_ratio"]] = stop_ratio
    c0 = col["comma_rate"]  # comma_rate, cap_ratio, mean_word_len
    rates = rows[:, c0 : c0 + 3]
    rates[:, 0] = commas
    rates[:, 1] = caps
    rates[:, 2] = ncf
    rates /= nw1[:, None]
    np.minimum(rates, _RATE_CAP, out=rates)
    rates /= _RATE_SCALE
    np.divide(digits, np.maximum(ncf, 1.0), out=rows[:, col["digit_ratio"]])
    np.divide(upper, np.maximum(alpha, 1.0), out=rows[:, col["upper_ratio"]])
    # the word-count classes, one table row per count (``nw`` is a whole number)
    nw_facts = _NW_FACTS.take(np.minimum(nw, len(_NW_FACTS) - 1).astype(np.intp), axis=0)
    w0 = col["words_ge_8"]  # words_ge_8, words_ge_15, words_le_3
    rows[:, w0 : w0 + 3] = nw_facts[:, :3]
    np.greater(pipes, 0, out=rows[:, col["has_pipe"]])
    np.logical_and(first_facts[:, 3], last_facts[:, 5], out=rows[:, col["has_tag"]])
    rows[:, col["has_url"]] = url
    rows[:, col["action_start"]] = action
    rows[:, col["short_action"]] = action & (nw <= 6)
    rows[:, col["duplicate"]] = dup
    rows[:, col["title_like"]] = title_like
    rows[:, col["byline"]] = ((first_tok & _TB["byline"]) != 0) & (nw <= 8)
    rows[:, col["blank_before"]] = blank_before
    rows[:, col["blank_after"]] = blank_after
    g0 = col["boiler_" + next(iter(BOILER_GROUPS))]
    rows[:, g0 : g0 + len(BOILER_GROUPS)] = np.minimum(groups, 3.0) / 3.0
    rows[:, col["boiler_any"]] = boiler_any > 0
    rows[:, col["boiler_share_of_words"]] = np.where(short, boiler_words, 0.0) / ntok1
    rows[:, col["non_latin"]] = non_latin
    rows[:, col["long_no_punct"]] = (nw >= 12) & (punct == 0)
    rows[:, col["period_rate"]] = np.minimum(periods / nw1, 1.0)
    rows[:, col["datetime"]] = dated
    rows[:, col["ends_says"]] = (nw <= 8) & ((last_tok & _TB["says"]) != 0) & last_facts[:, 6]
    b0 = col["bin_1"]
    rows[:, b0 : b0 + len(BINS)] = nw_facts[:, 3:]
    # How much each line looks like running prose, for the context features.
    prose = (
        ((nw >= 8) | (non_latin & (ncf >= 40)))
        * (0.5 + 0.5 * ends_sentence)
        * np.where((stop_ratio >= 0.12) | non_latin, 1.0, 0.3)
    )
    boil = (boiler_any > 0).astype(float)

    # Blocks: runs of lines between blank lines.
    block = blank_before.cumsum() - 1
    nblocks = int(block[-1]) + 1
    # per-block facts, one row per block (row 0 and the last row: no block), gathered once
    bt = np.zeros((nblocks + 2, 8))
    b = bt[1:-1]
    b_lines = np.bincount(block, minlength=nblocks).astype(float)
    b_words = np.bincount(block, weights=nw, minlength=nblocks)
    np.log1p(b_lines, out=b[:, 0])
    np.log1p(b_words, out=b[:, 1])
    b[:, 2] = b_words
    np.divide(np.bincount(block, weights=ends_sentence, minlength=nblocks), b_lines, out=b[:, 3])
    np.divide(np.bincount(block, weights=nw <= 5, minlength=nblocks), b_lines, out=b[:, 4])
    np.divide(
        np.bincount(block, weights=prose * log_words, minlength=nblocks),
        np.maximum(np.bincount(block, weights=log_words, minlength=nblocks), 1e-9),
        out=b[:, 5],
    )
    b[:, 6] = bt[:-2, 5]  # the previous block's prose
    b[:, 7] = bt[2:, 5]  # the next block's
    per_line = bt.take(block + 1, axis=0)
    c0 = col["block_log_lines"]  # block_log_lines, block_log_words
    rows[:, c0 : c0 + 2] = per_line[:, :2]
    np.divide(nw, np.maximum(per_line[:, 2], 1.0), out=rows[:, col["block_share"]])
    rows[:, col["block_first"]] = blank_before
    rows[:, col["block_last"]] = blank_after
    c0 = col["block_sent_share"]  # block_sent_share, _short_share, _prose, prev_, next_
    rows[:, c0 : c0 + 5] = per_line[:, 3:]

    # Densest run of prose: reward prose lines by length, penalise everything else.
    dense_w = np.where(prose > 0.4, prose * np.minimum(log_words, 6.0), -1.0 - 0.5 * boil)
    ds, de = densest_run(dense_w)
    idx = np.arange(n)
    pad = np.zeros((n + 16, 2))
    pad[8:-8, 0] = prose
    pad[8:-8, 1] = log_words
    cum = np.zeros((n + 17, 2))
    pad.cumsum(axis=0, out=cum[1:])
    prev, nxt = pad[7 : 7 + n], pad[9 : 9 + n]  # the lines before and after (views)
    prev_p, next_p = prev[:, 0], nxt[:, 0]
    rel = np.divide(idx, n, out=rows[:, col["rel_pos"]])
    np.square(rel, out=rows[:, col["rel_pos2"]])
    d0 = col["in_dense"]  # in_dense, dist_dense, before_dense, after_dense
    rows[:, d0 : d0 + 4] = 0.0
    rows[ds:de, d0] = 1.0
    lg = log1p_table(n)
    rows[:ds, d0 + 1] = lg[ds:0:-1]  # log1p(ds - i)
    rows[de:, d0 + 1] = lg[1 : n - de + 1]  # log1p(i - de + 1)
    rows[:ds, d0 + 2] = 1.0
    rows[de:, d0 + 3] = 1.0
    c0 = col["prev_sent"]  # prev_sent, next_sent, prev_words, next_words
    rows[:, c0 : c0 + 4 : 2] = prev
    rows[:, c0 + 1 : c0 + 4 : 2] = nxt
    # mean over the k lines either side (missing lines count as 0), the line itself excluded
    win3 = (cum[12 : 12 + n] - cum[5 : 5 + n] - pad[8:-8]) / 6
    rows[:, col["win3_sent"]] = win3[:, 0]
    rows[:, col["win8_sent"]] = (cum[17 : 17 + n, 0] - cum[:n, 0] - prose) / 16
    rows[:, col["win3_words"]] = win3[:, 1]
    rows[:, col["prev_boiler"]] = 0.0
    rows[1:, col["prev_boiler"]] = boil[:-1]
    rows[:, col["next_boiler"]] = 0.0
    rows[:-1, col["next_boiler"]] = boil[1:]
    rows[:, col["gap_short_flanked"]] = (prose < 0.4) & (prev_p > 0.4) & (next_p > 0.4)
    np.subtract(log_words, log_words.max(), out=rows[:, col["rel_len"]])
    # Lines after a repeat of the headline (not the page's first line, usually the HTML
    # <title>): the article tends to start right below it, and teasers and menus sit above.
    seen = np.where(title_like, idx, -1)
    seen[0] = -1
    np.maximum.accumulate(seen, out=seen)
    last_title = np.empty(n, dtype=np.int64)
    last_title[0] = -1
    last_title[1:] = seen[:-1]  # the last headline-like line strictly above each line
    after = last_title >= 0
    lg.take(np.where(after, idx - last_title, 0), out=rows[:, col["title_dist"]])
    np.logical_not(after, out=rows[:, col["no_title_before"]])
    # the line's length relative to the page's other lines, as a z-score (mean and variance
    # from a sum and a dot product: ``ndarray.std`` goes through Python, ~10 µs a call)
    mean_lw = float(log_words.sum()) / n
    sd_lw = math.sqrt(max(float(log_words @ log_words) / n - mean_lw * mean_lw, 0.0))
    np.divide(log_words - mean_lw, sd_lw + 1e-6, out=rows[:, col["z_len"]])
    return LineFeatures(rows, prose, tkey, title)


_COL = {name: k for k, name in enumerate(FEATURE_NAMES)}
for _run in (  # columns written together by _features: they must stay side by side
    ["ends_period", "ends_question", "ends_exclaim", "ends_colon"],
    ["comma_rate", "cap_ratio", "mean_word_len"],
    ["words_ge_8", "words_ge_15", "words_le_3"],
    [f"boiler_{g}" for g in BOILER_GROUPS],
    ["bin_1", "bin_2", "bin_3_4", "bin_5_7", "bin_8_12", "bin_13_20", "bin_21_40"],
    ["block_log_lines", "block_log_words", "block_share"],
    ["prev_sent", "next_sent", "prev_words", "next_words"],
    [
        "block_sent_share",
        "block_short_share",
        "block_prose",
        "prev_block_prose",
        "next_block_prose",
    ],
    ["comma_rate", "cap_ratio", "mean_word_len", "digit_ratio", "upper_ratio"],
    ["ends_sentence", "ends_period", "ends_question", "ends_exclaim", "ends_colon"],
    ["starts_upper", "starts_quote", "starts_digit"],
    ["in_dense", "dist_dense", "before_dense", "after_dense"],
):
    if FEATURE_NAMES[_COL[_run[0]] : _COL[_run[0]] + len(_run)] != _run:  # pragma: no cover
        raise RuntimeError(f"features {_run} must be consecutive")
_END_CODES = np.array([46, 63, 33, 58])  # . ? ! :
_CODES = np.arange(_TABLE_SIZE + 1)  # the class tables' index (code points, the last: beyond)
#: Per last character of a line: ends_sentence, ends_period, _question, _exclaim, _colon;
#: is ">"; is ":" or "s" (for ``ends_says``).
_LAST_FACTS = np.column_stack(
    [
        _SENT_END_CODES,
        _CODES[:, None] == _END_CODES,
        _CODES == 62,
        (_CODES == 58) | (_CODES == 115),
    ]
)
#: Per first character: starts_upper, starts_quote, starts_digit; is "<".
_FIRST_FACTS = np.column_stack(
    [(_CHARS & _UPPER) != 0, _QUOTE_CODES, (_CHARS & _DIGIT) != 0, _CODES == 60]
)
_RATE_CAP = np.array([np.inf, 1.0, 20.0])
_RATE_SCALE = np.array([1.0, 1.0, 10.0])
_WORDS_LO = np.array([8.0, 15.0, -np.inf])
_WORDS_HI = np.array([np.inf, np.inf, 3.0])
_BIN_LO = np.array([lo for lo, _ in BINS], dtype=float)
_BIN_HI = np.array([hi for _, hi in BINS], dtype=float)
#: Per word count (the last row: that many or more): words_ge_8, _ge_15, _le_3, the bins.
_NW = np.arange(BINS[-1][1] + 2, dtype=float)[:, None]
_NW_FACTS = np.column_stack(
    [(_NW >= _WORDS_LO) & (_NW <= _WORDS_HI), (_NW >= _BIN_LO) & (_NW <= _BIN_HI)]
)
