"""The word and title tables of the whole-article profiles (``data/profiles.toml``) and the
small questions asked of them: the kind a title names, the kind a political role names, whether
a name is a news outlet's, a crowd or a party collective. Read by :mod:`newsint.nlp.titles`,
:mod:`newsint.nlp.stakes`, :mod:`newsint.nlp.source_context` and :mod:`newsint.nlp.kinds`."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsint.models import SourceKind


@dataclass(frozen=True, slots=True)
class _Tables:
    titles: dict[str, SourceKind]
    stake_roles: re.Pattern[str]
    stake_phrases: re.Pattern[str]
    offices: re.Pattern[str]
    voice_roles: frozenset[str]
    private_bodies: re.Pattern[str]
    public_bodies: re.Pattern[str]
    spoken_for: re.Pattern[str]
    unnamed_provider: re.Pattern[str]
    media_names: frozenset[str]
    campaign_words: frozenset[str]
    unique_heads: frozenset[str]
    collectives: frozenset[str]
    candidates: frozenset[str]
    crowds: frozenset[str]
    staff: frozenset[str]
    past: frozenset[str]
    bodies: frozenset[str]
    candidacies: frozenset[str]
    outlets: frozenset[str]


@cache
def _tables() -> _Tables:
    raw = tomllib.loads(
        resources.files("newsint.data").joinpath("profiles.toml").read_text("utf-8")
    )
    titles: dict[str, SourceKind] = {}
    for kind in ("other", "official", "expert", "analyst", "witness", "media"):  # later win
        for word in raw["titles"][kind].split():
            titles[word.replace("_", " ")] = kind
    phrases = _alternatives(raw["stakes"]["phrases"])
    providers = raw["documents"]["unnamed_provider"]
    return _Tables(
        titles=titles,
        stake_roles=re.compile(rf"\b(?:{_alternatives(raw['stakes']['roles'])})s?\b", re.I),
        stake_phrases=re.compile(rf"\b(?:{phrases})\b", re.I),
        offices=re.compile(rf"\b(?:{_alternatives(raw['stakes']['offices'])})\b", re.I),
        voice_roles=frozenset(raw["stakes"]["voice_roles"].split()),
        private_bodies=re.compile(rf"\b(?:{_alternatives(raw['stakes']['private_bodies'])})(?!\w)"),
        public_bodies=re.compile(rf"\b(?:{_alternatives(raw['stakes']['public_bodies'])})\b"),
        spoken_for=re.compile(rf"\b(?:{_alternatives(raw['stakes']['spoken_for'])})\b", re.I),
        unnamed_provider=re.compile(rf"\b(?:{providers})\b", re.I),
        media_names=frozenset(raw["media"]["names"].split()),
        campaign_words=frozenset(raw["campaign"]["words"].split()),
        unique_heads=frozenset(raw["identity"]["unique_heads"].split()),
        collectives=frozenset(raw["identity"]["collectives"].split()),
        candidates=frozenset(raw["politics"]["candidates"].split()),
        crowds=frozenset(raw["politics"]["crowds"].split()),
        staff=frozenset(raw["politics"]["staff"].split()),
        past=frozenset(raw["politics"]["past"].split()),
        bodies=frozenset(raw["bodies"]["organisations"].split()),
        candidacies=frozenset(raw["politics"]["candidacies"].split()),
        outlets=frozenset(raw["bodies"]["outlets"].split()),
    )


def _alternatives(table: str) -> str:
    """ "a|b|\nc" -> "a|b|c": a table of phrases written as one regular alternation."""
    return "|".join(p.strip() for p in table.split("|") if p.strip())


def campaign_words(text: str) -> int:
    """How many words of an election campaign ``text`` holds."""
    table = _tables().campaign_words
    return sum(1 for w in re.findall(r"[a-z]+", text.lower()) if w in table)


def media_name(name: str) -> bool:
    """The name reads as a news outlet's ("Fox News", "The Washington Post", "TASS"), or is a
    news site's address ("ynetnews.com", "Haaretz.com")."""
    words = {re.sub(r"['’]s$", "", w).strip(".,").lower() for w in name.split() if w[:1].isupper()}
    site = re.search(r"\w\.(?:com|co\.uk|net)\b", name, re.I)
    return bool(words & _tables().media_names) or site is not None


def role_words(role: str | None) -> set[str]:
    """The lower-case words of a role, plurals also as singulars ("supporters", "allies")."""
    words = set(re.findall(r"[a-z][\w-]*", (role or "").lower()))
    return words | {w[:-1] for w in words if w.endswith("s")}


#: Roles that only count one of a group the affiliation names ("one of Clinton's supporters").
ONE_OF = frozenset({"one", "some", "among"})
#: Where a role of several descriptions splits into them: ", " or "and" before an article.
CONJUNCTS = re.compile(r",\s+|\s+and\s+(?=(?:a|an|the|now)\s)")


def political_kind(role: str | None, affiliation: str | None) -> SourceKind | None:
    """The kind a political role names (guide, section 3): a current candidate, surrogate,
    supporter or ally is an interested party ("Republican presidential candidate", "a Clinton
    supporter"); party and campaign staff and strategists are officials ("campaign manager",
    "Democratic strategist", "party chairwoman"); a past candidacy is no stake ("former
    presidential candidate", "the party's 2012 nominee")."""
    tables = _tables()
    if role_words(role) <= ONE_OF and affiliation:  # "one of Clinton's most vocal supporters"
        role = f"{role} of {affiliation}"
    words = role_words(role)
    if words & tables.candidates:
        # "former Iowa governor and a key Clinton supporter": "former" is the governor's
        for part in CONJUNCTS.split(role or ""):
            found = role_words(part)
            past = found & tables.past or re.search(r"\b(?:19|20)\d\d\b", part)
            if found & tables.candidates and not past:
                return "interested_party"
        return "official"
    if (words | role_words(affiliation)) & tables.staff:
        return "official"
    return None


def candidacy(role: str | None) -> bool:
    """The role names a candidacy itself ("presidential candidate", "the nominee"), not a
    supporter of one."""
    return bool(role_words(role) & _tables().candidacies)


def crowd(role: str | None) -> bool:
    """ "supporters", "Clinton backers": a crowd of people, when no one of them is named."""
    words = set(re.findall(r"[a-z]+", (role or "").lower()))
    return bool(words & _tables().crowds)


def title_kind(role: str | None) -> SourceKind | None:
    """The kind a title names: "Sen." official, "professor of law" expert, "columnist" media."""
    if not role:
        return None
    words = [w.strip(",.()").lower() for w in role.split()]
    words = [w for w in words if w not in {"former", "the", "a", "an"}]
    table = _tables().titles
    for size in (3, 2, 1):  # "chief of staff" before "chief"
        for i in range(len(words) - size + 1):
            kind = table.get(" ".join(words[i : i + size]))
            if kind:
                return kind
    for word in words:  # "Sen.", "Dr." keep their dot in the table
        kind = table.get(word + ".")
        if kind:
            return kind
    last = words[-1] if words else ""
    if last.endswith("s") and len(last) > 3 and table.get(last[:-1]):  # "senators": a senator's
        return table.get(last[:-1])
    if any(SCIENCE.match(word) for word in words):  # "arachnologist", "gynaecologist"
        return "expert"
    return None


#: A scientist of a field named by its "-ology" (guide 3: specialists are experts; our
#: annotators class every one an expert but a TV meteorologist on his network's story).
SCIENCE = re.compile(r"[a-z]+olog(?:ist|ists)$")


def body_kind(name: str) -> SourceKind | None:
    """The kind an unnamed body's head names (``[bodies]``): "the charity" an organisation,
    "local television" and "other news organizations" media; else None."""
    head = re.split(r"\s+(?:in|of|at|for|from|with|within|on|about|close to)\s", name)[0]
    words = re.findall(r"[a-z][\w-]*", head.lower())
    if not words:
        return None
    tables = _tables()
    if words[-1] in tables.outlets or ("news" in words[:-1] and words[-1] not in {"media"}):
        return "media"
    return "organisation" if words[-1] in tables.bodies else None


def collective(word: str) -> bool:
    """A party or ideological collective ("Republicans"): anonymous (guide 2)."""
    return word.lower() in _tables().collectives
