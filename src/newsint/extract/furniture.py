"""Page furniture that stands inside a flattened article: captions, teasers, related lists.

The line model judges a line by its shape and its neighbours', so a photo caption (a
sentence, often with a full stop), a teaser link ("READ MORE: <a headline>") or a short list
of related links in the middle of the article is kept with it. They announce themselves: a
caption by its credit ("(Image: GETTY)", "(AP Photo/...)", "Photo by .../Getty Images",
"Credit: ESA", "FILE PHOTO:", "In this file photo ...", "Image caption ...", "© ..."), a
teaser by a label of promo words before a colon, a list by its heading ("Related articles",
"DON'T MISS"). The words are in ``data/furniture_lines.toml``. On the 20,821 lines of the 121
AEB dev pages the caption test matches 151 lines, 5 of them gold body (credit lines the gold
keeps), the label test 49 (1), the list heading 64 (none); the CV gain is in
docs/extraction.md.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from newsint.extract.features import ACTION_VERBS, BOILER_GROUPS

#: A caption that says what it shows: "In this photo taken from footage ...", "FILE - ...".
LEDE_CAPTION = re.compile(
    r"^(?:(?:In\s+)?(?:this|these|a)\s+(?:\w+\s+){0,3}?(?:photos?|images?|pictures?|files?|"
    r"frames?|stills?|screenshots?|handouts?)\b|FILE\s*[-–—]|Image:|Photo:)",
    re.I,
)
#: A caption's credit: "... on Nov 3, 2020. PHOTO: REUTERS", "(AP Photo/...)".
PHOTO_CREDIT = re.compile(r"\b(?:PHOTO|IMAGE|Photo|Image)\s*:\s*\S|\((?:AP|AFP|Getty)[^)]*\)\s*$")
#: A caption's opening, stricter than LEDE_CAPTION (which only vetoes a lede; a line it
#: matches here is dropped): "In this photo ...", "These images show ...", "FILE - ...",
#: "Photo: ...", a screen reader's "Image caption ..." / "Media caption ...", a short "Courtesy
#: of ..." credit line.
CAPTION_OPENING = re.compile(
    r"(?:In\s+)?(?:this|these)\s+(?:[\w,]+\s+){0,5}?(?:photos?|images?|pictures?|"
    r"screenshots?|handouts?)\b|FILE\s*[-–—]|(?:Image|Photo)s?:"
    r"|(?:Image|Media|Photo|Video)\s+caption\b"
    r"|(?:(?:Photo|Image)\s+)?Courtesy\s+of\s+\S[^.]{0,40}$",
    re.I,
)
#: A credit at a caption's end without brackets: "... the lunar lander. Credit: ESA".
CREDIT_END = re.compile(r"\bCredits?:\s*[^.:]{1,60}$", re.I)
#: PHOTO_CREDIT's label part (its bracket part is in the bracket test); a line is searched
#: for it when it holds "hoto", "mage", "HOTO" or "MAGE".
PHOTO_LABEL = re.compile(r"\b(?:PHOTO|IMAGE|Photo|Image)\s*:\s*\S")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_LEGAL = re.compile(r"\b(?:rights|reserved|copyright|terms|privacy)\b", re.I)
#: A teaser's label is at most this many characters, before its colon.
LABEL_MAX_CHARS = 40
LABEL_MAX_WORDS = 3


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    raw = resources.files("newsint.data").joinpath("furniture_lines.toml").read_text("utf-8")
    return tomllib.loads(raw)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(x) for x in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _tests() -> tuple[
    re.Pattern[str], tuple[str, ...], re.Pattern[str], frozenset[str], frozenset[str]
]:
    """The credit in brackets at a line's end (from its last "("), the stock libraries'
    names in lower case, the file-photo phrases (each starts with "file": a line must hold
    "ile" or "ILE" to be searched for them), the libraries' last letters, and the label
    words."""
    w = _words()
    bracket = re.compile(
        rf"\((?:(?:{_alt(w['credit_words'])})\s*:[^)]*"
        rf"|(?:{_alt(w['agencies'])})\b[^)]*(?:/|\b(?:{_alt(w['credit_words'])})\b)[^)]*)\)\s*",
        re.I,
    )
    libraries = tuple(x.lower() for x in w["libraries"])
    if any(not x.startswith("file ") for x in w["file_photo"]):
        raise ValueError("furniture_lines.toml: every file_photo phrase starts with 'file '")
    # searched in the lower-cased line; no leading \b (it makes the search ~7x slower): the
    # word boundary before "file" is checked by hand
    file_photo = re.compile(rf"file (?:{_alt([x[5:] for x in w['file_photo']])})\b")
    # the last letters of the libraries' names, in either case: only a line that ends in one
    # is lower-cased and compared
    ends = frozenset(c for x in libraries for c in (x[-1], x[-1].upper()))
    labels = BOILER_GROUPS["promo"] | ACTION_VERBS | frozenset(w["label_words"])
    return bracket, libraries, file_photo, ends, labels


#: First letters of the lines CAPTION_OPENING may match ("In this ...", "FILE - ...").
_CAPTION_FIRST = frozenset("IiTtFfPpMmVvCc")
#: What a stock library's credit may end with: "... /Getty Images)", "Shutterstock."
_TRAIL = " \t.,;)]"


def is_caption(text: str) -> bool:
    """A photo caption or credit line: a credit in brackets at its end ("(Image: GETTY)",
    "(AP Photo/...)") or after "Credit:" (CREDIT_END), a stock library's name at its end,
    "file photo", "PHOTO: ...", a CAPTION_OPENING, or a line that starts with "©". Cheap
    string tests pick the patterns worth running."""
    bracket, libraries, file_photo, ends, _ = _tests()
    tail = text.rstrip()
    if tail[-1:] == ")" and bracket.fullmatch(tail, max(tail.rfind("("), 0)):
        return True
    end = tail[-40:].rstrip(_TRAIL)
    if end[-1:] in ends and end.lower().endswith(libraries):
        return True
    if ("ile" in text or "ILE" in text) and _file_photo(text.lower(), file_photo):
        return True
    if ":" in text:
        if ("hoto" in text or "mage" in text or "HOTO" in text or "MAGE" in text) and (
            PHOTO_LABEL.search(text)
        ):
            return True
        if ("redit" in text or "REDIT" in text) and CREDIT_END.search(text):
            return True
    if text[:1] == "©":  # a photo's credit or the site's copyright line
        return True
    return text[:1] in _CAPTION_FIRST and CAPTION_OPENING.match(text) is not None


def _file_photo(low: str, pattern: re.Pattern[str]) -> bool:
    """``low`` holds a file-photo phrase that starts a word."""
    m = pattern.search(low)
    while m is not None:
        at = m.start()
        if at == 0 or not (low[at - 1].isalnum() or low[at - 1] == "_"):
            return True
        m = pattern.search(low, at + 1)
    return False


def is_teaser_label(text: str) -> bool:
    """A line that opens with a teaser's label: "READ MORE: ...", "Related: ...", "Video:"."""
    at = text.find(":")
    if not 0 < at <= LABEL_MAX_CHARS:
        return False
    words = text[:at].split()
    labels = _tests()[4]
    return 0 < len(words) <= LABEL_MAX_WORDS and all(w.lower() in labels for w in words)


def furniture_reason(text: str) -> str | None:
    """``caption`` or ``related`` for a caption or a teaser label (``footer`` for a "©" line
    that names a year or holds a legal word), else None."""
    if is_caption(text):
        if text[:1] == "©" and (_YEAR.search(text) or _LEGAL.search(text)):
            return "footer"
        return "caption"
    if is_teaser_label(text) or glued_links(text):
        return "related"
    return None


#: A lower-case word run into a capitalised one with no space ("deathLiberia", "Mosul?An"):
#: where a flattened page joined the texts of its links. A name written in camel case
#: ("MacBook", "RealClearPolitics", "FoxNewsPress") starts with a capital, so is no join.
GLUED = re.compile(r"(?<![A-Za-z])[a-z]{3,}[A-Z][a-z]|[a-z]{2}[?!][A-Z][a-z]")
GLUED_MIN = 3


def glued_links(text: str) -> bool:
    """A line of link texts run together: at least GLUED_MIN joins."""
    return len(GLUED.findall(text)) >= GLUED_MIN


#: A line that ends like a sentence is no list heading or item (":" may end a heading).
_SENTENCE_END = tuple(".!?\"”’')")
_LIST_WORD = re.compile(r"[\w'’]+")


@lru_cache(maxsize=1)
def _list_words() -> tuple[frozenset[str], frozenset[str], int]:
    w = _words()
    keys = frozenset(w["list_keys"])
    return keys, keys | frozenset(w["list_words"]), int(w["list_item_words"])


def is_list_heading(text: str) -> bool:
    """The heading of a list of related links: "Related articles", "DON'T MISS"."""
    if len(text) > 60 or text.endswith(_SENTENCE_END):
        return False
    words = _LIST_WORD.findall(text.lower())
    keys, allowed, _ = _list_words()
    return 0 < len(words) <= 4 and not keys.isdisjoint(words) and allowed.issuperset(words)


def drop_furniture(texts: Sequence[str], keep: np.ndarray) -> np.ndarray:
    """``keep`` without the captions and teaser labels among the kept lines, and without a
    kept list heading (:func:`is_list_heading`) and the items below it."""
    out = keep
    max_words = _list_words()[2]
    for i in keep.nonzero()[0].tolist():
        text = texts[i]
        single = furniture_reason(text) is not None
        if not single and not is_list_heading(text):
            continue
        if out is keep:
            out = keep.copy()
        out[i] = False
        if single:
            continue
        j = i + 1
        while (
            j < len(texts)
            and not texts[j].endswith(_SENTENCE_END)
            and len(texts[j].split()) <= max_words
        ):
            out[j] = False
            j += 1
    return out
