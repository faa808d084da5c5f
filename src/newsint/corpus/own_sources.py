"""The sources a claim rests on in each document (``newsint.own-sources.v1``), before claims are
compared across outlets: the guide's section 6 counts the claim's independent sources, not
every name the pipeline put beside it.

* **The claim's subject is not its source.** A source whose name is written in the claim's own
  text, without a reporting verb right after it ("Kent said", "the BBC reported"), is what the
  claim is about: "“Jihadi John”, the masked militant, has been named as …" credited to "Jihadi
  John", or "The baby in the TV show has revealed herself …" credited to "the baby in the TV
  show". Taking such a name for a source adds one independent source per outlet that writes the
  story's subject into its lede.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Iterable
from functools import cache
from importlib import resources

from newsint.corpus.records import ClaimRecord, SourceRecord

RULES = "newsint.own-sources.v1"

Key = tuple[str, str]

#: Words after a name, in a claim's text, searched for a reporting verb ("Kent, 58, said").
_AFTER = 3


@cache
def reporting_verbs() -> frozenset[str]:
    raw = resources.files("newsint.data").joinpath("corpus_words.toml").read_text("utf-8")
    return frozenset(tomllib.loads(raw)["reporting_verbs"].split())


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'").replace("\u2018", "'")).lower()


def is_subject(name: str, text: str) -> bool:
    """Whether ``name`` is written in the claim ``text`` as what it is about, not as who says
    it: present, and no reporting verb among the few words after it."""
    name, text = fold(name).strip(" .,\"'“”"), fold(text)
    if len(name) < 3:
        return False
    found = False
    for match in re.finditer(re.escape(name), text):
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if before.isalnum() or after.isalnum():
            continue  # part of another word
        following = re.findall(r"[a-z]+", text[match.end() :])[:_AFTER]
        if reporting_verbs() & set(following):
            return False
        found = True
    return found


def own_sources(
    claims: Iterable[ClaimRecord], sources: dict[Key, SourceRecord]
) -> list[ClaimRecord]:
    """The claims with the sources that are their subjects taken out of ``source_ids`` and
    ``supported_by``."""
    out = []
    for c in claims:
        subjects = {
            s
            for s in (*c.source_ids, *c.supported_by)
            if (c.doc, s) in sources and is_subject(sources[(c.doc, s)].name, c.text)
        }
        if subjects:
            c = dataclasses.replace(
                c,
                source_ids=tuple(s for s in c.source_ids if s not in subjects),
                supported_by=tuple(s for s in c.supported_by if s not in subjects),
            )
        out.append(c)
    return out
