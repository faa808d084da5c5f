"""Who speaks for a party with a stake (guide 3, ``interested_party``): "company or university
spokespeople", "a CEO or owner about their company", and by the same reading the heads and
spokespeople of unions, advocacy groups and charities. Their office names an organisation that
is not a government, a party or a think tank. The words are data (``[voices]`` of
``newsint/data/profiles.toml``)."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

from spacy.tokens import Doc

from newsint.nlp import entities as doc_entities


@cache
def _voices() -> tuple[frozenset[str], re.Pattern[str]]:
    raw = tomllib.loads(
        resources.files("newsint.data").joinpath("profiles.toml").read_text("utf-8")
    )["voices"]
    public = "|".join(p.strip() for p in raw["public"].split("|") if p.strip())
    return frozenset(raw["roles"].split()), re.compile(rf"\b(?:{public})\b", re.I)


def organisation_voice(doc: Doc, role: str | None, affiliation: str | None) -> str | None:
    """ "president of the Teamsters local", "spokesman for Acme Corp.": the stake, as the
    evidence words, when the role is an organisation's office or voice and the affiliation is
    an organisation NER names (not a country, a people or a place) outside government, party
    and think tank; else None."""
    if not role or not affiliation:
        return None
    roles, public = _voices()
    words = set(re.findall(r"[a-z-]+", role.lower()))
    if not words & roles or public.search(f"{role} {affiliation}"):
        return None
    if ACRONYM.fullmatch(affiliation.strip()) or not _organisation(doc, affiliation):
        return None  # "NSC spokesperson", "WHO spokesperson": an agency's office
    return f"{role} of {affiliation}"


#: An affiliation written as a short acronym ("NSC", "WHO", "U.N."): an agency's, as a rule.
ACRONYM = re.compile(r"(?:[A-Z]\.?){2,5}")


def _organisation(doc: Doc, name: str) -> bool:
    """``name`` is an organisation NER found in the article, or holds one ("the Teamsters
    local"); not a part of one ("Clinton" of "the Clinton Foundation")."""
    bare = _key(name)
    return any(
        ent.label_ == "ORG" and len(_key(ent.text)) > 2 and _key(ent.text) in bare
        for ent in doc_entities(doc)
    )


def _key(name: str) -> str:
    """ "the Teamsters'" -> "teamsters"."""
    name = re.sub(r"^(?:the|a|an)\s+|['’]s?$", "", name.strip(), flags=re.I)
    return " ".join(name.lower().split())
