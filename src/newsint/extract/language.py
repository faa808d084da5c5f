"""Language of an article: a stopword vote for the common case, langdetect when unsure.

langdetect costs milliseconds per call, more than the whole text cleaner, so English and a
few other Latin-script languages are recognised from their function words first; other
scripts and close calls go to langdetect (seeded, so the answer is reproducible).
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

_PROFILES: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the and of to in is that for it was on with as he said by at from his".split()
    ),
    "pt": frozenset("de que não em uma os para com por mais como foi ao das dos também".split()),
    "es": frozenset("el los las que del en por con para una como más pero sus fue".split()),
    "de": frozenset("der die und ist nicht mit von zu den dem ein eine auf für sich auch".split()),
    "it": frozenset("il che di per non con sono della del gli una nel alla anche è".split()),
    "fr": frozenset("le les des est pas une du au qui dans sur pour avec ce sont".split()),
    "id": frozenset("yang dan di ke dari ini itu dengan untuk tidak ada akan pada dalam".split()),
}

#: How many first characters are looked at; enough for a stable vote, cheap to scan.
SAMPLE_CHARS = 1000


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``, or None for empty text or when detection fails."""
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample.lower())
    if not words:
        return None
    ascii_share = sum(1 for w in words if w.isascii()) / len(words)
    if ascii_share > 0.8 and len(words) >= 20:
        votes = {lang: sum(1 for w in words if w in vocab) for lang, vocab in _PROFILES.items()}
        ranked = sorted(votes.items(), key=lambda kv: kv[1], reverse=True)
        (best, top), (_, second) = ranked[0], ranked[1]
        if best == "en" and top >= 0.12 * len(words) and top >= 2 * second:
            return "en"
    return _langdetect(sample)


def _langdetect(sample: str) -> str | None:
    from langdetect import DetectorFactory, LangDetectException, detect

    DetectorFactory.seed = 0
    try:
        return str(detect(sample))
    except LangDetectException:
        return None
