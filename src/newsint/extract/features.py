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

import math
import re
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Line:
    """A non-blank line of the page: its stripped text and where it sits in the raw content."""

    start: int
    end: int
    text: str
    blank_before: bool
    blank_after: bool


def split_lines(content: str) -> list[Line]:
    """The non-blank lines of ``content`` with exact raw offsets (whitespace stripped)."""
    lines: list[Line] = []
    pos = 0
    n = len(content)
    blank = True
    while pos <= n:
        nl = content.find("\n", pos)
        if nl < 0:
            nl = n
        raw = content[pos:nl]
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            start = pos + lead
            if lines and not blank:
                pass
            lines.append(Line(start, start + len(stripped), stripped, blank, False))
            blank = False
        else:
            if lines and not blank:
                last = lines[-1]
                lines[-1] = Line(last.start, last.end, last.text, last.blank_before, True)
            blank = True
        pos = nl + 1
    if lines:
        last = lines[-1]
        lines[-1] = Line(last.start, last.end, last.text, last.blank_before, True)
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


def _local(line: Line, counts: dict[str, int], title_key: str) -> tuple[list[float], float]:
    text = line.text
    words = text.split()
    nc = len(text)
    non_latin = 1.0 if sum(1 for ch in text[:200] if ord(ch) > 0x2FF) > 0.3 * min(nc, 200) else 0.0
    # scripts without spaces between words: count about one word per three characters
    nw = max(len(words), nc // 3) if non_latin else len(words)
    lower = text.lower()
    toks = WORD_RE.findall(lower)
    nt = len(toks) or 1
    stop = sum(1 for t in toks if t in STOPWORDS)
    first = text[0]
    last = text[-1]
    ends_sentence = 1.0 if last in SENTENCE_END else 0.0
    caps = sum(1 for w in words if w[0].isupper())
    digits = sum(1 for ch in text if ch.isdigit()) if nc < 400 else sum(map(text.count, "0123456789"))
    tokset = set(toks)
    boiler = [len(tokset & vocab) for vocab in BOILER_GROUPS.values()]
    boiler_any = sum(boiler)
    boiler_words = sum(1 for t in toks if any(t in v for v in BOILER_GROUPS.values())) if nw < 30 else 0
    first_tok = toks[0] if toks else ""
    action = 1.0 if first_tok in ACTION_VERBS else 0.0
    key = " ".join(lower.split())
    dup = 1.0 if counts.get(key, 0) > 1 else 0.0
    title_like = 1.0 if title_key and (key == title_key or (nw >= 3 and key in title_key)) else 0.0
    byline = 1.0 if nw <= 8 and (first_tok in ("by", "por", "von", "di", "oleh", "par")) else 0.0
    punct = sum(map(text.count, ".,;:!?。、，"))
    sentence_score = stop / nt
    feats = [
        math.log1p(nw),
        math.log1p(nc),
        ends_sentence,
        1.0 if last == "." else 0.0,
        1.0 if last == "?" else 0.0,
        1.0 if last == "!" else 0.0,
        1.0 if last == ":" else 0.0,
        1.0 if first.isupper() else 0.0,
        1.0 if first in QUOTE_START else 0.0,
        sentence_score,
        text.count(",") / (nw or 1),
        caps / (nw or 1),
        min(nc / (nw or 1), 20.0) / 10.0,
        digits / (nc or 1),
        1.0 if nw >= 8 else 0.0,
        1.0 if nw >= 15 else 0.0,
        1.0 if nw <= 3 else 0.0,
        1.0 if ("|" in text or " • " in text or " · " in text) else 0.0,
        1.0 if (first == "<" and last == ">") else 0.0,
        1.0 if ("http" in lower or "www." in lower or "@" in text) else 0.0,
        action,
        action if nw <= 6 else 0.0,
        dup,
        title_like,
        byline,
        1.0 if line.blank_before else 0.0,
        1.0 if line.blank_after else 0.0,
        *(min(b, 3) / 3.0 for b in boiler),
        1.0 if boiler_any else 0.0,
        boiler_words / (nt if nw < 30 else 1),
        non_latin,
        1.0 if nw >= 12 and punct == 0 else 0.0,
        min(text.count(". ") / (nw or 1), 1.0),
        1.0 if nw <= 12 and DATETIME_RE.search(text) else 0.0,
        1.0 if nw <= 8 and lower.endswith(("says:", "said:", "wrote:", "says", "writes:")) else 0.0,
        *(1.0 if lo <= nw <= hi else 0.0 for lo, hi in BINS),
    ]
    # How much the line looks like running prose, for the context features.
    prose = (
        (1.0 if nw >= 8 or (non_latin and nc >= 40) else 0.0)
        * (0.5 + 0.5 * ends_sentence)
        * (1.0 if (sentence_score >= 0.12 or non_latin) else 0.3)
    )
    return feats, prose


def densest_run(weights: list[float]) -> tuple[int, int]:
    """The run of lines with the largest total (max-subarray) of ``weights``; (start, end) exclusive."""
    best, best_span = 0.0, (0, 0)
    cur, cur_start = 0.0, 0
    for i, w in enumerate(weights):
        if cur <= 0:
            cur, cur_start = 0.0, i
        cur += w
        if cur > best:
            best, best_span = cur, (cur_start, i + 1)
    return best_span


def find_title(lines: list[Line]) -> tuple[str, str]:
    """The page headline as (normalised key, text as written), or ("", "").

    Flattened pages usually start with the HTML ``<title>`` (often with a `` - Site`` suffix)
    and repeat the headline above the body; a repeated line like the first one wins, then the
    first line, then any repeated headline-sized line in the first half of the page.
    """
    if not lines:
        return "", ""
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
    counts: dict[str, int] = {}
    for line in lines[: max(10, len(lines) // 2)]:
        key = " ".join(line.text.lower().split())
        counts[key] = counts.get(key, 0) + 1
    repeated = []
    for line in lines[: max(10, len(lines) // 2)]:
        key = " ".join(line.text.lower().split())
        if counts[key] > 1 and 4 <= len(key.split()) <= 30 and not line.text.startswith("<"):
            repeated.append((key, line.text))
    for key, text in repeated:
        toks = set(WORD_RE.findall(key))
        if first_toks and len(toks & first_toks) >= 0.5 * len(toks | first_toks):
            return key, text
    first_boiler = any(set(WORD_RE.findall(first_key)) & v for v in BOILER_GROUPS.values())
    if len(first.split()) >= 3 and not (first_boiler and repeated):
        return first_key, first
    if repeated:
        return repeated[0]
    return first_key, first


def title_key_of(lines: list[Line]) -> str:
    return find_title(lines)[0]


def line_features(lines: list[Line]) -> tuple[list[list[float]], list[float]]:
    """Feature rows (``FEATURE_NAMES`` order) and a prose score for every line."""
    counts: dict[str, int] = {}
    keys = []
    for line in lines:
        key = " ".join(line.text.lower().split())
        keys.append(key)
        counts[key] = counts.get(key, 0) + 1
    tkey = title_key_of(lines)
    local: list[list[float]] = []
    prose: list[float] = []
    nwords: list[float] = []
    boil: list[float] = []
    for line in lines:
        f, p = _local(line, counts, tkey)
        local.append(f)
        prose.append(p)
        nwords.append(f[0])
        boil.append(f[LOCAL_NAMES.index("boiler_any")])
    n = len(lines)
    longest = max(nwords) if nwords else 0.0
    # Densest run of prose: reward prose lines by length, penalise everything else.
    dense_w = [
        (p * min(nw, 6.0)) if p > 0.4 else -1.0 - 0.5 * b
        for p, nw, b in zip(prose, nwords, boil, strict=True)
    ]
    ds, de = densest_run(dense_w)
    rows: list[list[float]] = []
    for i in range(n):
        prev_i = i - 1
        next_i = i + 1
        lo3, hi3 = max(0, i - 3), min(n, i + 4)
        lo8, hi8 = max(0, i - 8), min(n, i + 9)
        w3 = hi3 - lo3 - 1 or 1
        w8 = hi8 - lo8 - 1 or 1
        win3 = (sum(prose[lo3:hi3]) - prose[i]) / w3
        win8 = (sum(prose[lo8:hi8]) - prose[i]) / w8
        win3w = (sum(nwords[lo3:hi3]) - nwords[i]) / w3
        pp = prose[prev_i] if prev_i >= 0 else 0.0
        npr = prose[next_i] if next_i < n else 0.0
        if ds <= i < de:
            dist = 0.0
        elif i < ds:
            dist = ds - i
        else:
            dist = i - de + 1
        rows.append(
            local[i]
            + [
                i / n,
                (i / n) ** 2,
                1.0 if ds <= i < de else 0.0,
                math.log1p(dist),
                1.0 if i < ds else 0.0,
                1.0 if i >= de else 0.0,
                pp,
                npr,
                nwords[prev_i] if prev_i >= 0 else 0.0,
                nwords[next_i] if next_i < n else 0.0,
                win3,
                win8,
                win3w,
                boil[prev_i] if prev_i >= 0 else 0.0,
                boil[next_i] if next_i < n else 0.0,
                1.0 if (prose[i] < 0.4 and pp > 0.4 and npr > 0.4) else 0.0,
                nwords[i] - longest,
            ]
        )
    return rows, prose
