"""Line features for the flattened-page cleaner: pure Python, no parsing, cheap per line.

A flattened page is a sequence of *lines* (one block of the original page each). Every line
gets a vector of local features (its shape: length, punctuation, stopword share, boilerplate
vocabulary ...) and of context features (the same facts about its neighbours, and whether it
sits inside the page's densest run of prose). ``newsint.extract.text`` scores these with a
small logistic model whose weights live in ``newsint/models/textclean/``.

The vocabulary here is generic web boilerplate and function words of a few languages; there
are no site-specific phrases.
"""

from __future__ import annotations

import re
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


def split_lines(content: str) -> list[Line]:
    """The non-blank lines of ``content`` with exact raw offsets (whitespace stripped)."""
    lines: list[Line] = []
    pos = 0
    blank = True
    for raw in content.split("\n"):
        text = raw.strip()
        if text:
            start = pos + raw.index(text[0])
            lines.append(Line(start, start + len(text), text, blank, False))
            blank = False
        elif not blank:
            lines[-1] = lines[-1]._replace(blank_after=True)
            blank = True
        pos += len(raw) + 1
    if lines and not blank:
        lines[-1] = lines[-1]._replace(blank_after=True)
    return lines


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
    "stop_ratio",
    "comma_rate",
    "cap_ratio",
    "mean_word_len",
    "digit_ratio",
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
]
FEATURE_NAMES = LOCAL_NAMES + CONTEXT_NAMES


_ALL_BOILER = frozenset().union(*BOILER_GROUPS.values())
_GROUPS = tuple(BOILER_GROUPS.values())
_BYLINE = frozenset(("by", "por", "von", "di", "oleh", "par"))
_SAYS = ("says:", "said:", "wrote:", "says", "writes:")
_CAP_RE = re.compile(r"(?:^|\s)[^\W\d_a-zà-ÿа-я]")
#: Columns of :func:`_base`, in order; everything else is derived from them with numpy.
_BASE = (
    "nw nc non_latin stop ntok caps digits punct commas periods "
    "b_share b_comments b_subscribe b_legal b_promo b_nav boiler_words "
    "ends_sentence last_period last_q last_excl last_colon starts_upper starts_quote "
    "pipe tag url action byline datetime says"
).split()


def _base(text: str) -> tuple[float, ...]:
    """Raw counts and flags of one line, with as few Python-level steps as possible."""
    nc = len(text)
    lower = text.lower()
    toks = WORD_RE.findall(lower)
    nw = text.count(" ") + 1
    if text.isascii():
        non_latin = 0.0
    else:
        sample = text[:200]
        non_latin = 1.0 if len(sample.encode("utf-8")) - len(sample) > 0.5 * len(sample) else 0.0
        if non_latin:
            # scripts without spaces between words: about one word per three characters
            nw = max(nw, nc // 3)
    tokset = set(toks)
    first, last = text[0], text[-1]
    first_tok = toks[0] if toks else ""
    short = nw <= 12
    head = text[:300]  # counts of digits and punctuation are taken over the head of long lines
    digits = sum(map(head.count, "0123456789"))
    return (
        nw,
        nc,
        non_latin,
        sum(map(STOPWORDS.__contains__, toks)),
        len(toks),
        len(_CAP_RE.findall(text, 0, 300)) / (text.count(" ", 0, 300) + 1),
        digits,
        sum(map(head.count, ".,;:!?。、，")),
        text.count(","),
        text.count(". "),
        len(tokset & _GROUPS[0]),
        len(tokset & _GROUPS[1]),
        len(tokset & _GROUPS[2]),
        len(tokset & _GROUPS[3]),
        len(tokset & _GROUPS[4]),
        len(tokset & _GROUPS[5]),
        sum(map(_ALL_BOILER.__contains__, toks)) if short else 0,
        last in SENTENCE_END,
        last == ".",
        last == "?",
        last == "!",
        last == ":",
        first.isupper(),
        first in QUOTE_START,
        "|" in text or " • " in text or " · " in text,
        first == "<" and last == ">",
        "http" in lower or "www." in lower or "@" in text,
        first_tok in ACTION_VERBS,
        first_tok in _BYLINE and nw <= 8,
        bool(short and digits and DATETIME_RE.search(text)),
        nw <= 8 and lower.endswith(_SAYS),
    )


def densest_run(weights: list[float]) -> tuple[int, int]:
    """The run of lines with the largest total of ``weights`` (max-subarray), end exclusive."""
    best, best_span = 0.0, (0, 0)
    cur, cur_start = 0.0, 0
    for i, w in enumerate(weights):
        if cur <= 0:
            cur, cur_start = 0.0, i
        cur += w
        if cur > best:
            best, best_span = cur, (cur_start, i + 1)
    return best_span


def find_title(
    lines: list[Line], keys: list[str] | None = None, counts: dict[str, int] | None = None
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
    head = lines[:2] if lines[0].text.startswith("<") else lines[:1]
    first = head[-1].text
    for sep in (" | ", " - ", " – ", " — ", " :: "):
        if sep in first:
            part = first.rsplit(sep, 1)[0]
            if len(part.split()) >= 3:
                first = part
                break
    first_key = " ".join(first.lower().split())
    first_toks = set(WORD_RE.findall(first_key))
    repeated = []
    for line, key in zip(lines[: max(10, len(lines) // 2)], keys, strict=False):
        if counts[key] > 1 and 4 <= key.count(" ") + 1 <= 30 and not line.text.startswith("<"):
            repeated.append((key, line.text))
    for key, text in repeated:
        toks = set(WORD_RE.findall(key))
        if first_toks and len(toks & first_toks) >= 0.5 * len(toks | first_toks):
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


def title_key_of(lines: list[Line]) -> str:
    return find_title(lines)[0]


def line_features(lines: list[Line]) -> LineFeatures:
    """Feature matrix (one row per line, ``FEATURE_NAMES`` columns), prose scores, headline."""
    n = len(lines)
    if n == 0:
        return LineFeatures(np.zeros((0, len(FEATURE_NAMES))), np.zeros(0), "", "")
    texts = [line.text for line in lines]
    base = np.array([_base(t) for t in texts], dtype=float)
    col = {name: base[:, i] for i, name in enumerate(_BASE)}
    keys, counts = _keys(lines)
    tkey, title = find_title(lines, keys, counts)
    dup = np.array([counts[k] > 1 for k in keys], dtype=float)
    title_like = np.array(
        [bool(tkey) and (k == tkey or (len(k) > 12 and k in tkey)) for k in keys], dtype=float
    )
    blank_before = np.array([line.blank_before for line in lines], dtype=float)
    blank_after = np.array([line.blank_after for line in lines], dtype=float)

    nw, nc, ntok = col["nw"], col["nc"], np.maximum(col["ntok"], 1.0)
    nw1 = np.maximum(nw, 1.0)
    stop_ratio = col["stop"] / ntok
    groups = np.column_stack([col[f"b_{g}"] for g in BOILER_GROUPS])
    boiler_any = groups.sum(axis=1)
    short6 = nw <= 6
    bins = [((nw >= lo) & (nw <= hi)).astype(float) for lo, hi in BINS]
    log_words = np.log1p(nw)
    local = np.column_stack(
        [
            log_words,
            np.log1p(nc),
            col["ends_sentence"],
            col["last_period"],
            col["last_q"],
            col["last_excl"],
            col["last_colon"],
            col["starts_upper"],
            col["starts_quote"],
            stop_ratio,
            col["commas"] / nw1,
            np.minimum(col["caps"], 1.0),
            np.minimum(nc / nw1, 20.0) / 10.0,
            col["digits"] / np.clip(nc, 1.0, 300.0),
            (nw >= 8).astype(float),
            (nw >= 15).astype(float),
            (nw <= 3).astype(float),
            col["pipe"],
            col["tag"],
            col["url"],
            col["action"],
            col["action"] * short6,
            dup,
            title_like,
            col["byline"],
            blank_before,
            blank_after,
            np.minimum(groups, 3.0) / 3.0,
            (boiler_any > 0).astype(float),
            col["boiler_words"] / ntok,
            col["non_latin"],
            ((nw >= 12) & (col["punct"] == 0)).astype(float),
            np.minimum(col["periods"] / nw1, 1.0),
            col["datetime"],
            col["says"],
            *bins,
        ]
    )
    # How much each line looks like running prose, for the context features.
    prose = (
        ((nw >= 8) | ((col["non_latin"] > 0) & (nc >= 40))).astype(float)
        * (0.5 + 0.5 * col["ends_sentence"])
        * np.where((stop_ratio >= 0.12) | (col["non_latin"] > 0), 1.0, 0.3)
    )
    boil = (boiler_any > 0).astype(float)
    # Densest run of prose: reward prose lines by length, penalise everything else.
    dense_w = np.where(prose > 0.4, prose * np.minimum(log_words, 6.0), -1.0 - 0.5 * boil)
    ds, de = densest_run(dense_w.tolist())
    idx = np.arange(n)
    dist = np.where(idx < ds, ds - idx, np.where(idx >= de, idx - de + 1, 0))
    pad_p = np.concatenate([np.zeros(8), prose, np.zeros(8)])
    pad_w = np.concatenate([np.zeros(8), log_words, np.zeros(8)])
    pad_b = np.concatenate([[0.0], boil, [0.0]])
    cp = np.concatenate([[0.0], np.cumsum(pad_p)])
    cw = np.concatenate([[0.0], np.cumsum(pad_w)])
    j = idx + 8

    def window(c: np.ndarray, k: int, own: np.ndarray) -> np.ndarray:
        # mean over the k lines either side (missing lines count as 0), the line itself excluded
        return (c[j + k + 1] - c[j - k] - own) / (2 * k)

    prev_p, next_p = pad_p[j - 1], pad_p[j + 1]
    context = np.column_stack(
        [
            idx / n,
            (idx / n) ** 2,
            (dist == 0).astype(float),
            np.log1p(dist),
            (idx < ds).astype(float),
            (idx >= de).astype(float),
            prev_p,
            next_p,
            pad_w[j - 1],
            pad_w[j + 1],
            window(cp, 3, prose),
            window(cp, 8, prose),
            window(cw, 3, log_words),
            pad_b[idx],
            pad_b[idx + 2],
            ((prose < 0.4) & (prev_p > 0.4) & (next_p > 0.4)).astype(float),
            log_words - log_words.max(),
        ]
    )
    return LineFeatures(np.column_stack([local, context]), prose, tkey, title)
