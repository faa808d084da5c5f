"""Bodies named by their acronyms: "WHO" for the World Health Organization, "ISIS" after "the
Islamic State of Iraq and Syria (ISIS)" (guide 1.1: one source per speaker)."""

from __future__ import annotations

import re

from newsint.nlp.speaker_entity import _Entity

#: A body named by its acronym alone ("WHO", "NATO", "UNICEF").
ACRONYM = re.compile(r"[A-Z]{2,7}")


def is_acronym(text: str) -> bool:
    """ "WHO", "NATO": a name written as its capital initials."""
    return bool(ACRONYM.fullmatch(text))


def initials_match(one: str, other: str) -> bool:
    """ "WHO" and "World Health Organization": one name is the other's initials."""
    short, long = sorted((one, other), key=len)
    initials = "".join(w[0] for w in long.split() if w[:1].isupper())
    return is_acronym(short) and len(initials) >= 2 and short == initials


def abbreviates(short: str, known: str) -> bool:
    """ "ISIS" after "the Islamic State of Iraq and Syria (ISIS)": an abbreviation the known
    mention gives in brackets (guide 1.1: one source per speaker)."""
    bracketed = re.search(rf"\({re.escape(short)}\b", known)
    return len(short) >= 2 and short.isupper() and bracketed is not None


def abbreviated(entities: list[_Entity], acronym: str) -> int | None:
    """The known organisation whose initials ``acronym`` is, the latest first."""
    for index in range(len(entities) - 1, -1, -1):
        known = entities[index].org
        if known and initials_match(known, acronym):
            return index
    return None
