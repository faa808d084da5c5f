"""The flattened-page cleaner: a whole web page dumped to text -> the article's paragraphs.

Each non-blank line is judged in its context by stacked logistic models
(``newsint/models/textclean/weights.json``, trained by ``scripts/train_textclean.py``):
stage 1 scores the line from its own shape, its block's and its neighbours'; later stages
re-score it from the previous stage's verdicts on the lines around it, so a short promo
flanked by body is dropped while a short quoted line inside a run of body is kept. Only lines
inside the article's region are kept: its first and last line are picked by two conditional
logits over the page's lines (:func:`region`). Kept lines are copied verbatim from the raw
content, so every :class:`~newsint.models.Segment` maps back exactly.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import compress
from pathlib import Path
from typing import Any

import numpy as np

from newsint.extract.features import (
    ACTION_VERBS,
    BOILER_GROUPS,
    FEATURE_NAMES,
    WORD_RE,
    Line,
    LineView,
    densest_run,
    log1p_table,
    page_view,
)
from newsint.extract.furniture import (
    LEDE_CAPTION,
    PHOTO_CREDIT,
    drop_furniture,
    furniture_reason,
    is_list_heading,
)
from newsint.extract.titles import text_date, text_title
from newsint.models import Removed, Segment

EXTRACTOR = "newsint.text.v2"
# ``newsint/models/`` is a plain data folder (``newsint.models`` is the dataclass module).
MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "textclean" / "weights.json"


@dataclass(frozen=True, slots=True)
class CleanText:
    """What the cleaner found in one flattened page."""

    text: str
    title: str | None
    segments: tuple[Segment, ...]
    removed: tuple[Removed, ...]
    extractor: str = EXTRACTOR
    title_origin: str | None = None  # "headline line" or "first line" (titles.text_title)
    published: str | None = None  # YYYY-MM-DD from a date line (titles.text_date)
    published_origin: str | None = None  # "date line"


@dataclass(frozen=True, slots=True)
class LineModel:
    """Stacked logistic stages: stage 1 reads the features, each later stage also reads the
    previous stage's verdicts on the line and its neighbours (see :func:`stage_inputs`)."""

    name: str
    mean: np.ndarray
    scale: np.ndarray
    stages: tuple[tuple[np.ndarray, float], ...]
    threshold: float
    #: The article's region (round 9): weights of the start and the end line's conditional
    #: logits on the raw :func:`boundary_features` (None: no region, every line may be kept).
    bounds: tuple[np.ndarray, np.ndarray] | None = None
    _folded: list[np.ndarray] = field(default_factory=list, init=False, compare=False, repr=False)

    def folded(self) -> tuple[np.ndarray, np.ndarray]:
        """Every stage's weights on the raw features, standardisation folded in: (features x
        stages matrix, per-stage offsets). Computed once."""
        if not self._folded:
            d = len(self.mean)
            w = np.column_stack([st[0][:d] for st in self.stages]) / self.scale[:, None]
            b = np.array([st[1] for st in self.stages]) - self.mean @ w
            self._folded[:] = [np.asfortranarray(w), b]
        return self._folded[0], self._folded[1]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LineModel:
        if data["features"] != FEATURE_NAMES:
            raise ValueError("textclean weights were trained on other features; retrain them")
        bounds = None
        if "bounds" in data:
            b = data["bounds"]
            if b["start"]["features"] != START_NAMES or b["end"]["features"] != END_NAMES:
                raise ValueError("textclean region weights use other features; retrain them")
            bounds = (
                np.asarray(b["start"]["w"], dtype=float),
                np.asarray(b["end"]["w"], dtype=float),
            )
        return cls(
            name=data["name"],
            mean=np.asarray(data["mean"], dtype=float),
            scale=np.asarray(data["scale"], dtype=float),
            stages=tuple(
                (np.asarray(st["w"], dtype=float), float(st["b"])) for st in data["stages"]
            ),
            threshold=float(data["threshold"]),
            bounds=bounds,
        )


@lru_cache(maxsize=1)
def load_model() -> LineModel | None:
    """The shipped weights, or None when they are missing (the heuristic is used then)."""
    try:
        raw = MODEL_PATH.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    return LineModel.from_dict(json.loads(raw))


def _sigmoid(z: np.ndarray) -> np.ndarray:
    # np.minimum / np.maximum: the clip method goes through Python (~3 µs a call)
    return 1.0 / (1.0 + np.exp(-np.minimum(np.maximum(z, -30.0), 30.0)))


def context_probs(p: np.ndarray) -> np.ndarray:
    """Stage-2 inputs from stage-1 probabilities: what the neighbours were judged to be."""
    n = len(p)
    pad = np.concatenate([np.zeros(8), p, np.zeros(8)])
    c = np.cumsum(np.concatenate([[0.0], pad]))
    idx = np.arange(n) + 8

    def window(k: int) -> np.ndarray:
        total = c[idx + k + 1] - c[idx - k]
        return (total - p) / (2 * k)

    prev1, next1 = pad[idx - 1], pad[idx + 1]
    prev2, next2 = pad[idx - 2], pad[idx + 2]
    return np.column_stack(
        [
            prev1,
            next1,
            np.maximum(prev1, prev2),
            np.maximum(next1, next2),
            np.minimum(prev1, next1),
            window(3),
            window(8),
        ]
    )


def main_block(p: np.ndarray, size: np.ndarray) -> tuple[int, int]:
    """The run of lines with the largest sum of ``(2p - 1) * size``: the article, as seen so far."""
    return densest_run((2.0 * p - 1.0) * size)


CONTEXT_PROB_NAMES = [
    "p_prev1",
    "p_next1",
    "p_prev2",
    "p_next2",
    "p_flank_min",
    "p_win3",
    "p_win8",
    "in_main",
    "log_dist_main",
    "before_main",
    "after_main",
    "z1_minus_page_max",
]


def stage_inputs(x: np.ndarray, z1: np.ndarray, size: np.ndarray) -> np.ndarray:
    """Standardised features + stage-1 logit + neighbour probabilities + the main block."""
    p1 = _sigmoid(z1)
    n = len(p1)
    ms, me = main_block(p1, size)
    idx = np.arange(n)
    dist = np.where(idx < ms, ms - idx, np.where(idx >= me, idx - me + 1, 0))
    zmax = z1.max() if n else 0.0
    return np.column_stack(
        [
            x,
            z1 / 5.0,
            context_probs(p1),
            (dist == 0).astype(float),
            np.log1p(dist),
            (idx < ms).astype(float),
            (idx >= me).astype(float),
            np.clip(z1 - zmax, -20, 0) / 5.0,
        ]
    )


def score_lines(rows: np.ndarray, model: LineModel) -> np.ndarray:
    """Probability that each line is article body.

    The same sums as ``stage_inputs(x, z, size) @ w + b`` stage after stage, rearranged:
    the standardisation is folded into the weights and the feature part of every stage is
    one matrix product, so each later stage only adds its few context columns."""
    d = rows.shape[1]
    folded, offset = model.folded()
    zs = rows @ folded + offset
    z = zs[:, 0]
    if len(model.stages) == 1:
        return _sigmoid(z)
    size = rows[:, 0]  # log1p(words)
    n = len(z)
    extra = np.empty((n, len(CONTEXT_PROB_NAMES) + 1))
    lg = log1p_table(n)
    pad = np.zeros(n + 16)
    cum = np.zeros(n + 17)

    def pairs(a: np.ndarray, k: int, j: int) -> np.ndarray:
        """(n, 2) view of the values k and j lines away (``a`` is padded by 8 lines)."""
        return np.ndarray((n, 2), float, a, 8 * (8 + k), (8, 8 * (j - k)))

    near1, near2 = pairs(pad, -1, 1), pairs(pad, -2, 2)  # [prev, next] of each line
    win_hi, win_lo = pairs(cum, 4, 9), pairs(cum, -3, -8)  # the windows of 3 and 8 lines
    for k, (w, _) in enumerate(model.stages[1:], start=1):
        p = _sigmoid(z)
        pad[8:-8] = p
        pad.cumsum(out=cum[1:])
        np.divide(z, 5.0, out=extra[:, 0])
        extra[:, 1:3] = near1
        np.maximum(near1, near2, out=extra[:, 3:5])
        np.minimum(near1[:, 0], near1[:, 1], out=extra[:, 5])
        # mean over the k lines either side, the line itself excluded
        win = win_hi - win_lo
        win -= p[:, None]
        np.divide(win, _WINDOW, out=extra[:, 6:8])
        ms, me = main_block(p, size)
        extra[:, 8:12] = 0.0
        extra[:ms, 9] = lg[ms:0:-1]  # log1p(ms - i)
        extra[me:, 9] = lg[1 : n - me + 1]  # log1p(i - me + 1)
        extra[ms:me, 8] = 1.0
        extra[:ms, 10] = 1.0
        extra[me:, 11] = 1.0
        extra[:, 12] = np.maximum(z - z.max(), -20.0) / 5.0  # z - z.max() <= 0 already
        z = zs[:, k] + extra @ w[d:]
    return _sigmoid(z)


_WINDOW = np.array([6.0, 16.0])

#: Hysteresis: a line scored at least this, next to a kept line, is kept too (the body
#: grows from confident lines into doubtful neighbours, as in jusText's context pass).
EXTEND_THRESHOLD = 0.35


def decide(p: np.ndarray, threshold: float) -> np.ndarray:
    """Lines to keep. When no line reaches the threshold (short or unusual pages), keep the
    best-scored block rather than nothing: an empty answer is never the better bet."""
    keep = p >= threshold
    if len(p) and not keep.any():
        keep = p >= 0.5 * float(p.max())
    doubtful = (p >= EXTEND_THRESHOLD) & ~keep
    while doubtful.any():
        near = np.zeros_like(keep)
        near[1:] |= keep[:-1]
        near[:-1] |= keep[1:]
        grow = doubtful & near
        if not grow.any():
            break
        keep = keep | grow
        doubtful &= ~grow
    return keep


#: Columns of :func:`boundary_features` for a candidate first line of the article ...
START_NAMES = [
    "p",
    "kept",
    "p_next3",
    "p_next10",
    "p_prev3",
    "p_prev10",
    "kept_words_above",
    "sqrt_kept_words_above",
    "kept_words_next10",
    "kept_words_prev10",
    "title_dist",
    "no_title_before",
    "title_prev1",
    "title_prev3",
    "blank_before",
    "log_words",
    "ends_sentence",
    "rel_pos",
    "log_after_first_kept",
    "log_before_first_kept",
    "log_after_main_start",
    "log_before_main_start",
    "title_like",
    "boiler_any",
]
#: ... and for a candidate last line.
END_NAMES = [
    "p",
    "kept",
    "p_last3",
    "p_last10",
    "p_next3",
    "p_next10",
    "kept_words_below",
    "sqrt_kept_words_below",
    "kept_words_last10",
    "kept_words_next10",
    "blank_after",
    "log_words",
    "ends_sentence",
    "rel_pos",
    "log_after_last_kept",
    "log_before_last_kept",
    "log_after_main_end",
    "log_before_main_end",
    "boiler_next3",
    "comments_next5",
    "next_boiler",
]
_BF = {
    name: FEATURE_NAMES.index(name)
    for name in (
        "log_words",
        "title_dist",
        "no_title_before",
        "title_like",
        "blank_before",
        "blank_after",
        "ends_sentence",
        "rel_pos",
        "boiler_any",
        "boiler_comments",
        "next_boiler",
    )
}
_PAD = 10  # the longest window of boundary_features


def boundary_features(rows: np.ndarray, p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Features of every line as the article's first line (``START_NAMES``) and as its last
    (``END_NAMES``), from the line features and the last stage's probabilities: how body-like
    the lines just before and after it are, the share of the page's kept words (``p`` times
    words) above / below it, where it sits relative to the headline, the first / last line
    with ``p >= 0.5`` and the main block (windows: lines beyond the page count as 0)."""
    n = len(p)
    col = _BF
    lw = rows[:, col["log_words"]]
    pw = p * np.expm1(lw)
    total = max(float(pw.sum()), 1e-9)
    # cumulative sums of p, p x words, boilerplate lines, comment words, title-like lines,
    # padded by _PAD lines of zeros either side: the sum over lines [i + a, i + b) is
    # cum[_PAD + b + i] - cum[_PAD + a + i]
    pad = np.zeros((n + 2 * _PAD, 5))
    pad[_PAD : _PAD + n, 0] = p
    pad[_PAD : _PAD + n, 1] = pw
    pad[_PAD : _PAD + n, 2] = rows[:, col["boiler_any"]]
    pad[_PAD : _PAD + n, 3] = rows[:, col["boiler_comments"]]
    pad[_PAD : _PAD + n, 4] = rows[:, col["title_like"]]
    cum = np.zeros((n + 2 * _PAD + 1, 5))
    pad.cumsum(axis=0, out=cum[1:])

    def win(a: int, b: int) -> np.ndarray:
        return cum[_PAD + b : _PAD + b + n] - cum[_PAD + a : _PAD + a + n]

    kept = p >= 0.5
    idx = np.arange(n)
    at = kept.nonzero()[0]
    first, last = (int(at[0]), int(at[-1])) if len(at) else (int(p.argmax()),) * 2
    ms, me = main_block(p, lw)
    lg = log1p_table(n)
    s = np.empty((n, len(START_NAMES)))
    s[:, 0] = p
    s[:, 1] = kept
    nxt3, nxt10, prv3, prv10 = win(0, 3), win(0, 10), win(-3, 0), win(-10, 0)
    s[:, 2] = nxt3[:, 0] / 3
    s[:, 3] = nxt10[:, 0] / 10
    s[:, 4] = prv3[:, 0] / 3
    s[:, 5] = prv10[:, 0] / 10
    above = np.maximum(cum[_PAD : _PAD + n, 1], 0.0) / total
    s[:, 6] = above
    np.sqrt(above, out=s[:, 7])
    s[:, 8] = nxt10[:, 1] / total
    s[:, 9] = prv10[:, 1] / total
    s[:, 10] = rows[:, col["title_dist"]]
    s[:, 11] = rows[:, col["no_title_before"]]
    s[:, 12] = pad[_PAD - 1 : _PAD - 1 + n, 4]
    s[:, 13] = prv3[:, 4] > 0
    s[:, 14] = rows[:, col["blank_before"]]
    s[:, 15] = lw
    s[:, 16] = rows[:, col["ends_sentence"]]
    s[:, 17] = rows[:, col["rel_pos"]]
    _signed_logs(idx, first, lg, s[:, 18:20])
    _signed_logs(idx, ms, lg, s[:, 20:22])
    s[:, 22] = rows[:, col["title_like"]]
    s[:, 23] = rows[:, col["boiler_any"]]

    e = np.empty((n, len(END_NAMES)))
    e[:, 0] = p
    e[:, 1] = kept
    lst3, lst10, aft3, aft10, aft5 = win(-2, 1), win(-9, 1), win(1, 4), win(1, 11), win(1, 6)
    e[:, 2] = lst3[:, 0] / 3
    e[:, 3] = lst10[:, 0] / 10
    e[:, 4] = aft3[:, 0] / 3
    e[:, 5] = aft10[:, 0] / 10
    below = np.maximum(cum[-1, 1] - cum[_PAD + 1 : _PAD + 1 + n, 1], 0.0) / total
    e[:, 6] = below
    np.sqrt(below, out=e[:, 7])
    e[:, 8] = lst10[:, 1] / total
    e[:, 9] = aft10[:, 1] / total
    e[:, 10] = rows[:, col["blank_after"]]
    e[:, 11] = lw
    e[:, 12] = rows[:, col["ends_sentence"]]
    e[:, 13] = rows[:, col["rel_pos"]]
    _signed_logs(idx, last, lg, e[:, 14:16])
    _signed_logs(idx, me - 1, lg, e[:, 16:18])
    e[:, 18] = aft3[:, 2] / 3
    e[:, 19] = aft5[:, 3] > 0
    e[:, 20] = rows[:, col["next_boiler"]]
    return s, e


def _signed_logs(idx: np.ndarray, at: int, lg: np.ndarray, out: np.ndarray) -> None:
    """``log1p`` of how far each line is below ``at`` (column 0) and above it (column 1)."""
    n = len(idx)
    out[:] = 0.0
    lo = min(max(at, 0), n)
    if at < n:
        out[lo:, 0] = lg[lo - at : n - at]
    if at > 0:
        out[:lo, 1] = lg[at : at - lo : -1]


def region(
    rows: np.ndarray, p: np.ndarray, bounds: tuple[np.ndarray, np.ndarray]
) -> tuple[int, int]:
    """The article's first and last line (inclusive): the best-scored start, then the
    best-scored end at or below it."""
    s, e = boundary_features(rows, p)
    start = int((s @ bounds[0]).argmax())
    end_score = e[start:] @ bounds[1]
    return start, start + int(end_score.argmax())


def keep_lines(rows: np.ndarray, p: np.ndarray, model: LineModel) -> np.ndarray:
    """The lines the model keeps: :func:`decide`, then only inside the article's region (when
    the model has one); when that leaves nothing, :func:`decide` on the region alone."""
    keep = decide(p, model.threshold)
    if model.bounds is None or not len(p):
        return keep
    start, end = region(rows, p, model.bounds)
    keep[:start] = False
    keep[end + 1 :] = False
    if not keep.any():
        inside = np.zeros_like(p)
        inside[start : end + 1] = p[start : end + 1]
        keep = decide(inside, model.threshold)
    return keep


def heuristic_keep(rows: np.ndarray, prose: np.ndarray) -> np.ndarray:
    """Fallback without weights: prose lines in or near the densest run."""
    dist = rows[:, FEATURE_NAMES.index("dist_dense")]
    return (prose > 0.4) & (dist < math.log1p(3))


def _reason(line: Line, title_key: str, after_body: bool) -> str:
    text = line.text
    lower = text.lower()
    key = " ".join(lower.split())
    if text.startswith("<") and text.endswith(">"):
        return "tag"
    if title_key and (key == title_key or (len(key) > 12 and key in title_key)):
        return "title"
    furniture = furniture_reason(text)
    if furniture is not None:
        return furniture
    if is_list_heading(text):
        return "related"
    toks = set(WORD_RE.findall(lower))
    if len(toks & BOILER_GROUPS["share"]) >= 2:
        return "share"
    if toks & {"quiz", "slideshow", "gallery"}:
        return "quiz" if "quiz" in toks else "promo"
    if toks & {"related", "recommended"} or "more stories" in lower or "read more" in lower:
        return "related"
    if toks & {"comment", "comments"}:
        return "comments"
    nw = len(text.split())
    if toks & BOILER_GROUPS["share"] and nw <= 12:
        return "share"
    if toks & BOILER_GROUPS["legal"] or "©" in text:
        return "footer"
    if toks & BOILER_GROUPS["subscribe"] or toks & {"advertisement", "sponsored"}:
        return "promo"
    if after_body:
        return "footer" if nw > 3 else "related"
    return "nav" if nw <= 8 else "boilerplate"


#: A call to action ends a promo block ("View the slideshow", "Take the quiz!"): at most this
#: many words, starting with an action verb.
CTA_MAX_WORDS = 6
#: How many lines above a call to action, in the same block (no blank line between), belong
#: to the promo; each of them is a teaser line of at most PROMO_MAX_WORDS words.
PROMO_BLOCK_LINES = 3
PROMO_MAX_WORDS = 30


def rule_candidates(rows: np.ndarray) -> list[int]:
    """Lines :func:`structural_drops` has to look at: a literal tag, or a short line that
    starts with an action verb (found from the feature matrix, without a loop in Python)."""
    tag, action, words = rows[:, _TAG_COL], rows[:, _ACTION_COL], rows[:, _WORDS_COL]
    return ((tag > 0) | ((action > 0) & (words <= _CTA_LOG_WORDS))).nonzero()[0].tolist()


_TAG_COL, _ACTION_COL, _WORDS_COL = map(
    FEATURE_NAMES.index, ("has_tag", "action_start", "log_words")
)
_CTA_LOG_WORDS = math.log1p(CTA_MAX_WORDS)


def structural_drops(
    lines: Sequence[Line],
    keep: np.ndarray,
    reasons: dict[int, str] | None = None,
    candidates: list[int] | None = None,
) -> np.ndarray:
    """Rules the model cannot learn from the development data (it has no such lines):
    literal HTML tags left by a scraper, and promo blocks that end with a call to action.
    The reason of each line dropped here goes into ``reasons`` when it is given (else no
    reason is worked out); only the ``candidates`` (default: every line) are looked at."""
    keep = keep.copy()
    why = reasons
    todo = range(len(lines)) if candidates is None else candidates
    if not todo:
        return keep
    texts: Sequence[str]
    blank_before: Sequence[bool] | np.ndarray
    if isinstance(lines, LineView):  # read its arrays: no Line is made
        texts, blank_before = lines.texts, lines.scan.before
    else:
        texts = [line.text for line in lines]
        blank_before = [line.blank_before for line in lines]
    for i in todo:
        text = texts[i]
        if text[0] == "<" and text[-1] == ">":
            keep[i] = False
            if why is not None:
                why[i] = "tag"
            continue
        words = text.split()
        if len(words) > CTA_MAX_WORDS or words[0].lower().strip("»›>") not in ACTION_VERBS:
            continue
        j = i
        while (
            j > 0
            and i - j < PROMO_BLOCK_LINES
            and not blank_before[j]
            and len(texts[j - 1].split()) <= PROMO_MAX_WORDS
        ):
            j -= 1
        if why is None:
            keep[j : i + 1] = False
            continue
        block = range(j, i + 1)
        quiz = any("quiz" in texts[k].lower() for k in block)
        lower = text.lower()
        label = (
            "quiz"
            if quiz
            else "comments"
            if "comment" in lower
            else "share"
            if set(WORD_RE.findall(lower)) & BOILER_GROUPS["share"]
            else "promo"
        )
        for k in block:
            keep[k] = False
            why[k] = label
    return keep


#: Above the first line the cleaner keeps, a run of prose lines is the lede it cut off: an
#: article never starts with its second paragraph. A prose line has at least LEDE_MIN_WORDS
#: words, mostly lower case, ends like a sentence and holds no boilerplate words. Found on
#: real reports whose lede the learned cleaner dropped while it kept the rest (issue: "never
#: drop the headline's first paragraphs of body text").
LEDE_MIN_WORDS = 12
LEDE_VETO = BOILER_GROUPS["legal"] | {
    "subscribe", "subscription", "newsletter", "newsletters", "signup", "login", "advertisement",
    "browser", "javascript",
}  # fmt: skip
LEDE_END = re.compile(r"[.!?:\"”’')]\s*$")


#: Between the lede and the first kept line may stand a few short lines the cleaner rightly
#: drops (a subheading, "Related Stories", a link): up to this many are stepped over.
LEDE_GAP = 3


def restore_lede(texts: Sequence[str], keep: np.ndarray) -> np.ndarray:
    """Keep the prose lines above the first kept line (see LEDE_MIN_WORDS), stepping over up
    to LEDE_GAP short lines between them, which stay dropped."""
    kept = keep.nonzero()[0]
    if not len(kept):
        return keep
    keep = keep.copy()
    gap = 0
    for i in range(int(kept[0]) - 1, -1, -1):
        if _lede_prose(texts[i]):
            keep[i], gap = True, 0
        elif len(texts[i].split()) < LEDE_MIN_WORDS and gap < LEDE_GAP:
            gap += 1
        else:
            break
    return keep


#: Words a headline in title case capitalises and a sentence writes in lower case: verbs,
#: negation and pronouns. A lede dense with names ("The Islamic State (Isis) operating in
#: Iraq does not have Ebola, the World Health Organization has confirmed.") has fewer than
#: half its words in lower case, but writes these in lower case (:func:`_sentence_case`).
SENTENCE_WORDS = frozenset(
    "is are was were has have had does did do not will would said says say that it they he "
    "she who which been be".split()
)
SENTENCE_MIN_WORDS = 3


def _sentence_case(words: Sequence[str]) -> bool:
    """At least SENTENCE_MIN_WORDS of SENTENCE_WORDS after the first word, every one in lower
    case: a sentence, not a title-case headline ("Isis Does Not Have Ebola, WHO Has Said")."""
    found = [w for w in words[1:] if w.lower().strip(",;:.!?\"'”’") in SENTENCE_WORDS]
    return len(found) >= SENTENCE_MIN_WORDS and all(w[:1].islower() for w in found)


def _lede_prose(text: str, min_words: int = LEDE_MIN_WORDS) -> bool:
    words = text.split()
    if len(words) < min_words or not LEDE_END.search(text) or PHOTO_CREDIT.search(text):
        return False
    lower = sum(w[:1].islower() for w in words)
    toks = set(WORD_RE.findall(text.lower()))
    return (
        (lower >= len(words) / 2 or _sentence_case(words))
        and not toks & LEDE_VETO
        and "©" not in text
        and not LEDE_CAPTION.match(text.strip())
    )


#: Text that is already an article (a JSON Lines record whose ``text`` is the article, a
#: clean feed) must not lose paragraphs to the line model, which was trained on whole pages
#: (issue 17). A page reads as clean when at most CLEAN_SHORT_SHARE of its lines are short
#: (under CLEAN_SHORT_CHARS characters), the model keeps at least CLEAN_KEPT_SHARE of its
#: characters and at least CLEAN_BLANK_SHARE of its lines stand after a blank line (a
#: flattened page runs menus and link lists line after line); then every line after the
#: first (which is the headline when the text has one) is kept unless its features mark it
#: as furniture (CLEAN_VETO). All sizes are characters, the same for every script. Measured
#: on the 150 PolNeAR article texts (annotations/sources/input/part*.jsonl) against the 121
#: AEB dev pages (docs/extraction.md): characters the text path removed from the PolNeAR
#: articles, first line aside, 10,876 -> 3,146 of 718,363 (paragraphs 142 -> 47 of 3,257);
#: AEB dev F1 .9431 -> .9430 (3 pages read as clean). Without the veto 1,682 characters were
#: still lost and AEB fell to .9427 (bylines, dates, footers of short pages kept).
CLEAN_SHORT_CHARS = 30
CLEAN_SHORT_SHARE = 0.4
CLEAN_KEPT_SHARE = 0.5
CLEAN_BLANK_SHARE = 0.9
CLEAN_MIN_WORDS = 3
CLEAN_VETO = (
    "title_like", "byline", "datetime", "boiler_legal", "duplicate", "has_url",
    "boiler_subscribe",
)  # fmt: skip
_CLEAN_VETO_COLS = [FEATURE_NAMES.index(name) for name in CLEAN_VETO]
_BLANK_COL = FEATURE_NAMES.index("blank_before")


def keep_clean_article(
    sizes: np.ndarray, rows: np.ndarray, keep: np.ndarray, texts: Sequence[str]
) -> np.ndarray:
    """``keep``, or on text that reads as an article already (see CLEAN_SHORT_SHARE), every
    line after the first that no CLEAN_VETO feature marks and that reads as body prose (at
    least CLEAN_MIN_WORDS words, a sentence end, mostly lower case, no caption or credit: a
    page's headline, captions and "CLICK HERE" lines stay out), below the first line the model
    keeps (what stands above the body is :func:`restore_lede`'s to judge: a standfirst is not
    the lede).
    ``sizes``: characters per line."""
    n = len(sizes)
    if n < 2:
        return keep
    total = float(sizes.sum()) or 1.0
    if (
        float((sizes < CLEAN_SHORT_CHARS).mean()) > CLEAN_SHORT_SHARE
        or float(sizes[keep].sum()) / total < CLEAN_KEPT_SHARE
        or float(rows[1:, _BLANK_COL].mean()) < CLEAN_BLANK_SHARE
    ):
        return keep
    ok = ~(rows[:, _CLEAN_VETO_COLS] != 0).any(axis=1)
    ok &= np.array([_lede_prose(t, CLEAN_MIN_WORDS) for t in texts], dtype=bool)
    kept = keep.nonzero()[0]
    ok[: int(kept[0]) if len(kept) else 1] = False  # above the body: restore_lede's call
    return keep | ok


def line_rules(
    texts: Sequence[str], sizes: np.ndarray, rows: np.ndarray, keep: np.ndarray
) -> np.ndarray:
    """The rules after the line model, before :func:`structural_drops`: the lede above the
    body (:func:`restore_lede`) and the paragraphs of clean article text
    (:func:`keep_clean_article`). The training script's cross-validation runs them too."""
    keep = restore_lede(texts, keep)
    keep = continue_series(texts, keep)
    keep = keep_clean_article(sizes, rows, keep, texts)
    return drop_furniture(texts, keep)


#: A section heading of a series ("Plan A", "Plan B" ...; "Day 1", "Day 2" ...): a short line
#: that ends with a capital letter or a number of up to two digits after its stem.
SERIES_MAX_CHARS = 80
SERIES_MIN_MEMBERS = 3
_SERIES_MARKS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_SERIES_RE = re.compile(r"^(?P<stem>\S.{0,70}?)\s+(?P<mark>[A-Z]|\d{1,2})$")


def _series_heads(texts: Sequence[str]) -> dict[str, list[tuple[int, int]]]:
    """Each series stem (lower case) with its members: (line index, number in the series)."""
    heads: dict[str, list[tuple[int, int]]] = {}
    marks = _SERIES_MARKS
    for i in [i for i, t in enumerate(texts) if t[-1] in marks]:  # lines are never empty
        t = texts[i]
        if len(t) > SERIES_MAX_CHARS or len(t) < 3:
            continue
        m = _SERIES_RE.match(t)
        if m is None:
            continue
        mark = m["mark"]
        n = int(mark) if mark.isdigit() else ord(mark) - ord("A") + 1
        heads.setdefault(m["stem"].lower(), []).append((i, n))
    return heads


def continue_series(texts: Sequence[str], keep: np.ndarray) -> np.ndarray:
    """Keep every section of a series of sections ("Plan A" ... "Plan F", "Day 1" ... "Day
    7") whose first heading lies among the kept lines: the model keeps the first sections of
    a long run of look-alike sections and loses the later ones, whose lines repeat the
    earlier ones. A section runs to the next heading; the last one is as long as the one
    before it. Needs SERIES_MIN_MEMBERS headings numbered 1, 2, 3 ... (or A, B, C ...) in
    page order."""
    kept = keep.nonzero()[0]
    if not len(kept):
        return keep
    first, last = int(kept[0]), int(kept[-1])
    for members in _series_heads(texts).values():
        if len(members) < SERIES_MIN_MEMBERS or not first <= members[0][0] <= last:
            continue
        run = [members[0]]
        for member in members[1:]:
            if member[1] == run[-1][1] + 1:
                run.append(member)
        if len(run) < SERIES_MIN_MEMBERS:
            continue
        starts = [i for i, _ in run]
        end = min(len(texts), starts[-1] + (starts[-1] - starts[-2]))
        keep = keep.copy()
        keep[starts[0] : end] = True
    return keep


def clean_text(content: str, *, model: LineModel | None = None, details: bool = True) -> CleanText:
    """Clean a flattened page. ``model`` defaults to the shipped weights.

    ``details=False`` skips the provenance segments and the list of removed lines (for
    callers that only want the body, like the benchmark's ``extract_body``).
    """
    view, feats = page_view(content)
    if not len(view):
        return CleanText("", None, (), ())
    model = model if model is not None else load_model()
    if model is None:
        keep = heuristic_keep(feats.rows, feats.prose)
    else:
        keep = keep_lines(feats.rows, score_lines(feats.rows, model), model)
    keep = line_rules(view.texts, view.scan.ends - view.scan.starts, feats.rows, keep)
    reasons: dict[int, str] | None = {} if details else None  # no reasons without details
    keep = structural_drops(view, keep, reasons, rule_candidates(feats.rows))
    found = text_title(view.texts, feats.title or None)
    title, origin = (found.text, found.origin) if found else (None, None)
    if reasons is None:
        text = "\n".join(compress(view.texts, keep.tolist()))
        return CleanText(text, title, (), (), title_origin=origin)
    cleaned = assemble(view.all(), keep.tolist(), feats.title_key, feats.title, reasons)
    published = text_date(view.texts, found.index if found else 0)
    return replace(
        cleaned,
        title=title,
        title_origin=origin,
        published=published,
        published_origin="date line" if published else None,
    )


def assemble(
    lines: list[Line],
    keep: list[bool],
    tkey: str,
    title_text: str,
    reasons: dict[int, str] | None = None,
) -> CleanText:
    """Join kept lines with "\\n", record segments and removed lines with their reasons."""
    kept_idx = [i for i, k in enumerate(keep) if k]
    first_kept = kept_idx[0] if kept_idx else len(lines)
    last_kept = kept_idx[-1] if kept_idx else -1
    parts: list[str] = []
    segments: list[Segment] = []
    removed: list[Removed] = []
    pos = 0
    title: str | None = None
    for i, line in enumerate(lines):
        if keep[i]:
            if parts:
                pos += 1
            segments.append(Segment(pos, line.start, line.end - line.start))
            parts.append(line.text)
            pos += line.end - line.start
            continue
        reason = (reasons or {}).get(i) or _reason(line, tkey, i > last_kept)
        if (
            reason in ("footer", "nav", "boilerplate")
            and removed
            and removed[-1].reason == "related"
            and not line.blank_before
        ):
            reason = "related"  # the items of a "Related stories:" list
        if reason == "title" and i < first_kept:
            title = line.text
        removed.append(Removed(line.text, reason, (line.start, line.end)))
    if title is None and tkey:
        title = title_text
    text = "\n".join(parts)
    return CleanText(text, title, tuple(segments), tuple(removed))
