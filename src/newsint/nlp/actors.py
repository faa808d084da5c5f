"""Actors: normalise a noun phrase to a known actor through the alias table kept as data.

The table (``newsint/data/actors.json``) maps aliases to a canonical name, a type and, for
states, an ISO 3166 alpha-3 code: Iran / Iranian regime / Tehran -> Iran (state, IRN);
ISIS / Islamic State / ISIL / Daesh -> ISIS (armed_group); IRGC -> Islamic Revolutionary Guard
Corps (part of Iran). Phrases that are not in the table but are named entities become actors of
the entity's type; anything else is not an actor.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span

from newsint.models import Actor

ENTITY_TYPES = {
    "GPE": "state",
    "NORP": "group",
    "ORG": "organisation",
    "PERSON": "person",
    "FAC": "other",
    "LOC": "other",
}
GROUP_HEADS = {"militia", "militias", "fighters", "rebels", "insurgents", "troops", "forces",
               "government", "regime", "parliament", "army", "police", "military", "people",
               "protesters", "groups", "group"}  # fmt: skip


@lru_cache(maxsize=1)
def alias_table() -> dict[str, tuple[str, str, str | None]]:
    raw = json.loads(resources.files("newsint.data").joinpath("actors.json").read_text("utf-8"))
    table: dict[str, tuple[str, str, str | None]] = {}
    for entry in raw["actors"]:
        value = (entry["name"], entry["type"], entry.get("code"))
        for alias in [entry["name"], *entry.get("aliases", [])]:
            table[_key(alias)] = value
    return table


def _key(text: str) -> str:
    text = text.lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"^(the|a|an)\s+", "", text)
    return re.sub(r"[^\w]+", " ", text).strip()


def lookup(text: str) -> Actor | None:
    """The known actor a phrase names, trying the whole phrase then its words right to left."""
    table = alias_table()
    key = _key(text)
    if key in table:
        name, kind, code = table[key]
        return Actor(name, kind, code)
    words = key.split()
    for size in range(min(4, len(words)), 0, -1):
        for start in range(len(words) - size, -1, -1):
            piece = " ".join(words[start : start + size])
            if piece in table:
                name, kind, code = table[piece]
                return Actor(name, kind, code)
    return None


def actor_for(phrase: Span) -> Actor | None:
    """An actor for a noun phrase, or None when it names no actor."""
    if len(phrase) == 0 or phrase.root.pos_ == "PRON":
        return None
    text = phrase.text.strip()
    known = lookup(text)
    if known is not None:
        return known
    for ent in phrase.ents:
        if ent.label_ in ENTITY_TYPES:
            return Actor(ent.text, ENTITY_TYPES[ent.label_])
    if phrase.root.lower_ in GROUP_HEADS:
        return Actor(re.sub(r"^(the|a|an)\s+", "", text, flags=re.I), "group")
    return None
