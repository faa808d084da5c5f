"""One person's name as outlets transliterate it (``newsint.transliteration.v1``): "Munajjid"
and "Minjed", "Gadhafi" and "Qaddafi", "Mohammed Saleh al-Munajjid" and "Muhammad Salih
al-Munajjid". A word's **skeleton** is its consonants once the spellings that transliterations
trade are folded (q/k/g and c before a consonant, kh/gh/dh/th/ph, doubled letters, the
article "al-"/"el-"); two words are one name written two ways when their skeletons are equal,
of at least :data:`MIN_CONSONANTS` consonants, and the words are at least :data:`WORD_MIN`
alike by difflib's ratio ("Mahmoud" and "Mohammed" share the skeleton m-h-m-d but are two
names: .40).
"""

from __future__ import annotations

import difflib
import re

RULES = "newsint.transliteration.v1"

#: A skeleton this short ("Ali": l) says nothing about who is named.
MIN_CONSONANTS = 3

#: How alike two transliterations of one word must be: "Munajjid"/"Minjed" .57,
#: "Gadhafi"/"Qaddafi" .71; "Mahmoud"/"Mohammed" (two names) .40.
WORD_MIN = 0.5

#: The Arabic article written before a surname ("al-Munajjid", "el-Sisi", "Al Minjed").
PARTICLES = ("al", "el")

_DIGRAPHS = (("kh", "k"), ("gh", "k"), ("dh", "d"), ("th", "t"), ("ph", "f"), ("ck", "k"))
_FOLD = str.maketrans({"q": "k", "g": "k", "c": "k", "z": "s"})


def bare(word: str) -> str:
    """A surname without its article: "al-munajjid" → "munajjid"."""
    for particle in PARTICLES:
        if word.startswith(particle + "-") and len(word) > len(particle) + 3:
            return word[len(particle) + 1 :]
    return word


def surname_of(key: str) -> str:
    """The surname of a normalised name, without its article: "mohammed al-munajjid" and
    "al minjed" (the article written apart) → "munajjid", "minjed"."""
    words = key.split()
    if len(words) == 2 and words[0] in PARTICLES:
        return words[1]
    return bare(words[-1]) if words else ""


def skeleton(word: str) -> str:
    """The consonants a transliteration keeps: "al-munajjid" and "minjed" → "mnjd"."""
    text = re.sub(r"[^a-z]", "", bare(word.lower()))
    for pair, one in _DIGRAPHS:
        text = text.replace(pair, one)
    text = re.sub(r"[aeiouyw]", "", text.translate(_FOLD))
    return re.sub(r"(.)\1+", r"\1", text)


def same_word(a: str, b: str) -> bool:
    """Two spellings of one name word: equal, or the same skeleton of enough consonants and
    alike enough (:data:`WORD_MIN`)."""
    a, b = bare(a), bare(b)
    if a == b:
        return True
    sa = skeleton(a)
    return (
        len(sa) >= MIN_CONSONANTS
        and sa == skeleton(b)
        and difflib.SequenceMatcher(None, a, b).ratio() >= WORD_MIN
    )


def same_full_name(a: str, b: str) -> bool:
    """Two transliterations of one full name (normalised keys): as many words (2 or 3), each
    the same or :func:`same_word`, at least one of them written differently; or one name with
    a middle name the other leaves out ("mohammed al-munajjid", "mohammed saleh al-munajjid")."""
    wa, wb = a.split(), b.split()
    if a == b or min(len(wa), len(wb)) < 2 or max(len(wa), len(wb)) > 3:
        return False
    if len(wa) == len(wb):
        return all(same_word(x, y) for x, y in zip(wa, wb, strict=True))
    if abs(len(wa) - len(wb)) == 1:
        return same_word(wa[0], wb[0]) and same_word(wa[-1], wb[-1])
    return False
