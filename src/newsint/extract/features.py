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
from collections.abc import Sequence
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
DATETIME_RE = re.compile(
    r"\b\d{1,2}:\d{2}\b|\b\d+ (?:min|mins|minutes|hours?|days?|weeks?|months?) ago\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b",
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


def _scan(content: str) -> _Scan | None:
    if not content:
        return None
    codes = np.frombuffer(content.encode("utf-32-le"), dtype=np.uint32)
    # array methods, not the np.* wrappers: this runs per page (a wrapper costs ~1 µs a call)
    flags = _CHARS.take(np.minimum(codes, _TABLE_SIZE))
    solid = ((flags & _SPACE) == 0).nonzero()[0]
    if not len(solid):
        return None
    breaks = (codes == 10).nonzero()[0]
    line_start = np.concatenate([[0], breaks + 1])
    line_end = np.concatenate([breaks, [len(codes)]])
    k = solid.searchsorted(line_start)
    first = solid[np.minimum(k, len(solid) - 1)]
    keep = (k < len(solid)) & (first < line_end)
    raw = keep.nonzero()[0]
    starts = first[raw]
    ends = solid[solid.searchsorted(line_end[raw]) - 1] + 1
    gap = (raw[1:] - raw[:-1]) > 1
    before = np.concatenate([[True], gap])
    after = np.concatenate([gap, [True]])
    # the same strings as content[starts[i]:ends[i]]: lines end at "\n" only, and the class
    # table's spaces are str.isspace
    texts = list(filter(None, map(str.strip, content.split("\n"))))
    return _Scan(texts, codes, flags, starts, ends, before, after)


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
        return LineView(_Scan([], *(np.zeros(0, dtype=int),) * 6)), line_features([])
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
    start = int((total[: end + 1] == low[end]).nonzero()[0][-1])
    return start, end + 1


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


def _find_title(texts: list[str], keys: Sequence[str], repeated_at: list[int]) -> tuple[str, str]:
    """:func:`find_title` of the lines ``texts``; ``repeated_at``: the indexes of the lines
    whose key occurs more than once."""
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
    cum = np.zeros(len(codes) + 1, dtype=np.uint64)
    (codes * fwd[: len(codes)]).cumsum(out=cum[1:])  # wraps around (mod 2**64), silently
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


def _lookup(lcodes: np.ndarray, ts: np.ndarray, te: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Vocabulary code of each token ``lcodes[ts[i]:te[i]]`` (0: not a vocabulary word), and
    the prefix hashes of ``lcodes`` (see :func:`_span_hashes`). A
    token is the word itself, or the word with one leading character of ``_LEAD`` and/or one
    trailing piece of ``_TRAIL`` stuck to it ("(the", "said:", "reuters's"). No word starts
    or ends with such a piece (checked below), so the piece is always cut off before the look-up."""
    last = lcodes.take(te - 1)
    before = lcodes.take(np.maximum(te - 2, 0))
    trail = np.where(
        (last == 115)
        & ((before == _APOSTROPHES[0]) | (before == _APOSTROPHES[1]))
        & (te - ts >= 2),
        2,
        _TRAIL_CODES.take(np.minimum(last, _TABLE_SIZE)),
    )
    s = ts + _LEAD_CODES.take(np.minimum(lcodes.take(ts), _TABLE_SIZE))
    e = te - trail
    cum = _prefix_hashes(lcodes)
    hashes = _span_hashes(cum, np.minimum(s, e), e)  # empty core: 0
    slot = (hashes * _SLOT_MUL) >> _SLOT_SHIFT  # wraps around (mod 2**64), silently
    return np.where(_SLOT_HASH.take(slot) == hashes, _SLOT_CODE.take(slot), 0), cum


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
    index: np.ndarray, bits: np.ndarray, lo: np.ndarray, hi: np.ndarray, width: int
) -> np.ndarray:
    """For each range ``[lo[i], hi[i])`` of ``index``, how many entries set each field of
    ``bits`` (columns: fields). No range may count ``2**width`` or more of one field."""
    table, word, shift, mask = _packed(bits, width)
    vals = table.take(index, axis=0)
    # one pass summing [lo0, hi0), [hi0, lo1), [lo1, hi1), ...: the even sums are the ranges
    bounds = np.empty(2 * len(lo), dtype=np.int64)
    bounds[0::2] = lo
    bounds[1::2] = hi
    if len(bounds) and bounds[-1] >= len(vals):  # reduceat needs every bound inside
        vals = np.concatenate([vals, np.zeros((1, vals.shape[1]), dtype=vals.dtype)])
    total = np.add.reduceat(vals, bounds, axis=0)[0::2]
    total[lo == hi] = 0  # reduceat gives an empty range its first entry, not 0
    return ((total[:, word] >> shift) & mask).astype(float)


def line_features(lines: list[Line]) -> LineFeatures:
    """Feature matrix (one row per line, ``FEATURE_NAMES`` columns), prose scores, headline.

    Computed for the whole page at once: the lines are joined, every character is classed
    through a lookup table, every whitespace token is hashed (one cumulative sum) and looked
    up among the hashed vocabulary, and per-line counts are differences of cumulative sums of
    packed counters (no Python loop over the characters or tokens).
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
    scan = _Scan(
        texts,
        codes,
        np.take(_CHARS, np.minimum(codes, _TABLE_SIZE)),
        starts,
        starts + nc,
        np.fromiter(map(_BLANK_BEFORE, lines), dtype=bool, count=n),
        np.fromiter(map(_BLANK_AFTER, lines), dtype=bool, count=n),
    )
    return _features(joined, scan)


def _lower_table() -> np.ndarray:
    """Code point (of the Basic Multilingual Plane) -> its lower case, where that is one code
    point (else itself)."""
    table = np.arange(_LOWER_SIZE, dtype=np.uint32)
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
    texts, codes, flags, starts, ends, blank_before, blank_after = scan
    n = len(texts)
    nf = len(FEATURE_NAMES)
    nc = ends - starts
    solid = ((flags & _SPACE) == 0).view(np.int8)
    width = int(nc.max()).bit_length()
    cs = _range_counts(flags, _CHAR_BITS, starts, ends, width)
    upper, alpha, digits, punct, commas, pipes, foreign = cs.T
    first_code, last_code = codes[starts], codes[ends - 1]
    first_flags = flags[starts]

    # Tokens: runs of non-space characters (as ``str.split`` cuts), looked up lower-cased.
    step = np.empty(len(solid) + 1, dtype=np.int8)  # +1 where a token starts, -1 after it
    step[0], step[-1] = solid[0], -solid[-1]
    np.subtract(solid[1:], solid[:-1], out=step[1:-1])
    edge = step.nonzero()[0]
    ts, te = edge[0::2], edge[1::2]
    lcodes = _LOWER.take(np.minimum(codes, _LOWER_SIZE - 1))
    if len(codes) and codes.max() >= _LOWER_SIZE:  # emoji and the like: as they are
        lcodes = np.where(codes >= _LOWER_SIZE, codes, lcodes)
    lower_lines = list(map(str.lower, texts))
    tcode, hash_cum = _lookup(lcodes, ts, te)
    index = tcode + np.where(flags[ts] & _UPPER, 1024, 0)
    index += np.where((codes[te - 1] == 46) & (te < ends[-1]), 2048, 0)
    lo = ts.searchsorted(starts)
    hi = ts.searchsorted(ends)
    tc = _range_counts(index, _TOK_BITS, lo, hi, width)
    stop, groups = tc[:, 0], tc[:, 1 : 1 + _NG]
    nwords, boiler_words, caps, periods = tc[:, _NG + 1 :].T
    ntok = nwords
    first_tok = tcode[lo]  # every line has a token
    last_tok = tcode[hi - 1]
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
    tkey, title = _find_title(texts, lower_lines, dup.nonzero()[0].tolist())
    title_like = np.zeros(n, dtype=bool)
    if tkey:  # a line longer than 12 characters inside the headline, or the headline itself
        size = len(tkey)
        sel = ((nc <= size) & ((nc > 12) | (nc == size))).nonzero()[0]
        # a line of up to 12 characters is picked only when it is as long as the headline,
        # and then being inside it is being it
        title_like[sel] = list(map(tkey.__contains__, map(lower_lines.__getitem__, sel.tolist())))

    url = np.zeros(n, dtype=bool)
    lower = "\n".join(lower_lines)
    pos = []
    for needle in _URL_NEEDLES:  # str.find is several times faster than a regex here
        at = lower.find(needle)
        while at >= 0:
            pos.append(at)
            at = lower.find(needle, at + 1)
    if pos:  # offsets into ``lower``: its lines start one after the previous line's end
        lower_starts = np.zeros(n, dtype=np.int64)
        lens = np.fromiter(map(len, lower_lines), dtype=np.int64, count=n)
        (lens[:-1] + 1).cumsum(out=lower_starts[1:])
        url[lower_starts.searchsorted(pos, side="right") - 1] = True
    short = nw <= 12
    dated = np.zeros(n, dtype=bool)
    for i in (short & (digits > 0)).nonzero()[0].tolist():
        # every date or time the pattern knows has one of these, or five digits
        low = lower_lines[i]
        if digits[i] >= 5 or ":" in low or "/" in low or "-" in low or "ago" in low:
            dated[i] = DATETIME_RE.search(texts[i]) is not None

    nw1 = np.maximum(nw, 1.0)
    ntok1 = np.maximum(ntok, 1.0)
    ends_sentence = _SENT_END_CODES[np.minimum(last_code, _TABLE_SIZE)]
    stop_ratio = stop / ntok1
    boiler_any = groups.sum(axis=1)
    action = (first_tok & _TB["action"]) != 0

    rows = np.empty((n, nf), order="F")  # columns are contiguous: ufuncs write into them
    col = _COL
    log_words = np.log1p(nw, out=rows[:, col["log_words"]])
    np.log1p(ncf, out=rows[:, col["log_chars"]])
    rows[:, col["ends_sentence"]] = ends_sentence
    e0 = col["ends_period"]  # ends_period, _question, _exclaim, _colon
    rows[:, e0 : e0 + 4] = last_code[:, None] == _END_CODES
    np.not_equal(first_flags & _UPPER, 0, out=rows[:, col["starts_upper"]])
    rows[:, col["starts_quote"]] = _QUOTE_CODES[np.minimum(first_code, _TABLE_SIZE)]
    np.not_equal(first_flags & _DIGIT, 0, out=rows[:, col["starts_digit"]])
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
    w0 = col["words_ge_8"]  # words_ge_8, words_ge_15, words_le_3
    rows[:, w0 : w0 + 3] = (nw[:, None] >= _WORDS_LO) & (nw[:, None] <= _WORDS_HI)
    np.greater(pipes, 0, out=rows[:, col["has_pipe"]])
    rows[:, col["has_tag"]] = (first_code == 60) & (last_code == 62)
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
    rows[:, col["ends_says"]] = (
        (nw <= 8) & ((last_tok & _TB["says"]) != 0) & ((last_code == 58) | (last_code == 115))
    )
    b0 = col["bin_1"]
    rows[:, b0 : b0 + len(BINS)] = (nw[:, None] >= _BIN_LO) & (nw[:, None] <= _BIN_HI)
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
    dense = col["in_dense"], col["dist_dense"], col["before_dense"], col["after_dense"]
    rows[:, dense] = 0.0
    rows[ds:de, dense[0]] = 1.0
    rows[:ds, dense[1]] = np.log1p(ds - idx[:ds])
    rows[de:, dense[1]] = np.log1p(idx[de:] - de + 1)
    rows[:ds, dense[2]] = 1.0
    rows[de:, dense[3]] = 1.0
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
    np.log1p(np.where(after, idx - last_title, 0), out=rows[:, col["title_dist"]])
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
):
    if FEATURE_NAMES[_COL[_run[0]] : _COL[_run[0]] + len(_run)] != _run:  # pragma: no cover
        raise RuntimeError(f"features {_run} must be consecutive")
_END_CODES = np.array([46, 63, 33, 58])  # . ? ! :
_RATE_CAP = np.array([np.inf, 1.0, 20.0])
_RATE_SCALE = np.array([1.0, 1.0, 10.0])
_WORDS_LO = np.array([8.0, 15.0, -np.inf])
_WORDS_HI = np.array([np.inf, np.inf, 3.0])
_BIN_LO = np.array([lo for lo, _ in BINS], dtype=float)
_BIN_HI = np.array([hi for _, hi in BINS], dtype=float)
