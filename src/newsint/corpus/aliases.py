"""One source named differently by different outlets (``newsint.aliases.v1``): the guide's
section 6 counts a source once however many outlets carry it, and outlets name it their own
way. Each rule maps a source's normalised name (:func:`newsint.corpus.identity.normalise`) to
the name of the one source of the corpus it stands for, with the evidence; a rule that finds
two candidates merges nothing.

* **A source's report is that source** ("a Washington Post report", "the NIS's report"): a
  document named by a source's name and a report word (``corpus_words.toml``) is its word.
* **An acronym** ("NIS", written in capitals) is the one organisation or outlet of the corpus
  whose initials it is ("National Intelligence Service").
* **An outlet's short name across outlets** ("the Post") is the one outlet of the corpus whose
  longer name ends with it ("the Washington Post"); inside one document the identity rules
  already join them.
* **A spelling variant** of a person's full name ("Wilfredo Strauss" for "Wilfried Strauch";
  a person: named at least once as other than an organisation, outlet or document, so
  "Austria's government" is not "Australia's"): as many words, each the same or sharing
  its first four letters, the whole name at least :data:`SPELLING_MIN` alike, never both
  named in one document, and no other candidate.
* **An organisation named by its place's adjective** ("Nicaraguan government") is the one
  organisation of the corpus named with the place instead ("Nicaragua's government").
* **A description in apposition** ("South Korea's spy agency") is the one organisation a text
  of the corpus describes so, with the same place and head noun ("the National Intelligence
  Service, South Korea's main intelligence agency").
* **A nameless description of an outlet or organisation** in a document that names one source
  of that kind ("a South Korean newspaper" beside "Chosun Ilbo, South Korea's largest
  newspaper"; "a report" beside the one outlet a story credits): that source, in that
  document only. People are left alone: "a U.S. official" beside a named official may be
  another official (anonymous people are never merged).
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from newsint.corpus import transliteration
from newsint.corpus.records import SourceRecord

RULES = "newsint.aliases.v1"

Key = tuple[str, str]

#: How alike two spellings of one full name must be (difflib's ratio over the whole name):
#: "Wilfredo Strauss"/"Wilfried Strauch" .81; with the four-letter prefix of every word, "John
#: Smith"/"Joan Smith" (.90) is still two people.
SPELLING_MIN = 0.8

#: Words skipped when an organisation's initials are taken ("Institute *of* Earth Studies").
_MINOR = {"of", "the", "for", "and", "on", "in", "de", "la", "du", "der", "&"}
_ORGS = {"organisation", "media", "document"}


@cache
def _words(table: str) -> frozenset[str]:
    raw = resources.files("newsint.data").joinpath("corpus_words.toml").read_text("utf-8")
    return frozenset(tomllib.loads(raw)[table].split())


def report_words() -> frozenset[str]:
    return _words("report_words")


def initials(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in _MINOR and w[0].isalpha())


@dataclass(slots=True)
class _Corpus:
    """The named sources' normalised names, by kind, as the corpus writes them, where, and
    the corpus's texts for appositions; indexes so that no rule compares every pair of names
    (a rebuild reads the whole store: its cost must grow with the corpus, not its square)."""

    names: set[str]
    orgs: set[str]
    media: set[str]
    people: set[str]
    written: dict[str, str]
    docs_of: dict[str, set[str]]
    texts: list[str]
    by_initials: dict[str, set[str]] = field(default_factory=dict)
    by_last_word: dict[str, set[str]] = field(default_factory=dict)
    by_prefixes: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    by_skeleton: dict[tuple[str, str], set[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for key in self.orgs:
            if " " in key:
                self.by_initials.setdefault(initials(key), set()).add(key)
        for key in self.media:
            if " " in key:
                self.by_last_word.setdefault(key.split()[-1], set()).add(key)
        for key in self.people:
            self.by_prefixes.setdefault(_prefixes(key), set()).add(key)
            if len(key.split()) >= 2:
                self.by_skeleton.setdefault(_skeletons(key), set()).add(key)


def _skeletons(key: str) -> tuple[str, str]:
    """The skeletons of the first and last word: two transliterations of one name share them."""
    words = key.split()
    return transliteration.skeleton(words[0]), transliteration.skeleton(words[-1])


def _prefixes(key: str) -> tuple[str, ...]:
    """The first four letters of each word: two spellings of one name share them."""
    return tuple(w[:4] for w in key.split())


def corpus_aliases(
    named: list[SourceRecord], keys: dict[Key, str], texts: Iterable[str] = ()
) -> dict[str, tuple[str, str]]:
    """For each normalised name of a named source that stands for another source's name: that
    name and the evidence (chains resolved: "the NIS's report" → "NIS" → "National
    Intelligence Service"). ``texts``: the documents' texts, where appositions are found."""
    names = {keys[(s.doc, s.id)] for s in named if keys[(s.doc, s.id)]}
    docs_of: dict[str, set[str]] = defaultdict(set)
    for s in named:
        docs_of[keys[(s.doc, s.id)]].add(s.doc)
    corpus = _Corpus(
        names=names,
        orgs={keys[(s.doc, s.id)] for s in named if s.kind in _ORGS} & names,
        media={keys[(s.doc, s.id)] for s in named if s.kind == "media"} & names,
        people={keys[(s.doc, s.id)] for s in named if s.kind not in _ORGS} & names,
        written={keys[(s.doc, s.id)]: s.name for s in named},
        docs_of=docs_of,
        texts=list(texts),
    )
    found: dict[str, tuple[str, str]] = {}
    for key in sorted(names):
        if (alias := _alias(key, corpus)) is not None:
            found[key] = alias
    for key in list(found):  # resolve chains, at most a few steps
        target, why = found[key]
        for _ in range(3):
            if target not in found:
                break
            target, more = found[target]
            why = f"{why}; {more}"
        found[key] = (target, why)
    return found


def _alias(key: str, c: _Corpus) -> tuple[str, str] | None:
    words, written = key.split(), c.written.get(key, key)
    if len(words) > 1 and words[-1] in report_words():
        owner = " ".join(words[:-1])
        if owner in c.names:
            return owner, f"“{written}” is the report of {owner!r}, a source of the corpus"
        if owner.upper() in written and (full := _one(c.by_initials.get(owner, set()))):
            return full, f"“{written}” is the report of {owner.upper()}, initials of {full!r}"
    acronym = len(words) == 1 and 2 <= len(key) <= 6 and key.upper() in written
    if acronym and (full := _one(c.by_initials.get(key, set()))):
        return full, f"“{written}” is the initials of {full!r}, named in the corpus"
    if len(words) == 1 and key in c.media:
        longer = c.by_last_word.get(key, set())
        if full := _one(longer):
            return full, f"“{written}” is short for {full!r}, the one outlet ending so"
    if key in c.orgs:
        return _place_form(key, written, c) or _apposition(key, written, c)
    if key not in c.people:
        return None
    similar = c.by_prefixes.get(_prefixes(key), set()) - {key}
    variants = {n for n in similar if _variant(key, n) and not c.docs_of[key] & c.docs_of[n]}
    if (other := _one(variants)) and _preferred(other, key, c.docs_of):
        return other, f"“{written}” is a spelling of {other!r}, a source in other outlets"
    if variants or len(words) < 2:
        return None
    spelt = {
        n
        for n in c.by_skeleton.get(_skeletons(key), set()) - {key}
        if transliteration.same_full_name(key, n) and not c.docs_of[key] & c.docs_of[n]
    }
    if (other := _one(spelt)) and _preferred(other, key, c.docs_of):
        return other, f"“{written}” transliterates {other!r}, a source in other outlets"
    return None


#: What a country's adjective adds to its name ("Nicaragua" → "Nicaraguan", "Iran" →
#: "Iranian", "Israel" → "Israeli", "Sudan" → "Sudanese").
_ADJECTIVE_ENDINGS = ("n", "an", "ian", "i", "ese")


def _place_form(key: str, written: str, c: _Corpus) -> tuple[str, str] | None:
    """ "Nicaraguan government" is "Nicaragua's government": the one organisation of the corpus
    named with the same words but the place's name where this one has its adjective."""
    words = key.split()
    found = set()
    for i, word in enumerate(words):
        for end in _ADJECTIVE_ENDINGS:
            if word.endswith(end) and len(word) - len(end) >= 3:
                place = " ".join([*words[:i], word[: -len(end)], *words[i + 1 :]])
                if place in c.orgs and place != key:
                    found.add(place)
    if named := _one(found):
        return named, f"“{written}” names {named!r} by its place's adjective"
    return None


def _apposition(key: str, written: str, c: _Corpus) -> tuple[str, str] | None:
    """ "South Korea's spy agency" is the organisation a text of the corpus describes so, in
    apposition: "the National Intelligence Service, South Korea's main intelligence agency"
    (the same place, the same head noun, at most two words between)."""
    m = re.fullmatch(r"(.+?)'s ((?:[a-z]+ ){0,2})([a-z]+)", _fold(written).removeprefix("the "))
    described = _fold(written) if m else ""
    if not m or written.replace("\u2019", "'").split("'s ", 1)[-1] != described.split("'s ", 1)[-1]:
        return None  # "Korea's National Intelligence Service" is a name, not a description
    place, head = m.group(1), re.escape(m.group(3))
    pattern = re.compile(rf"([\w' -]+), (?:the )?{re.escape(place)}'s (?:[a-z]+ ){{0,2}}{head}\b")
    found = set()
    for text in c.texts:
        if place not in text.lower():
            continue  # most texts never name the place: no need to fold and search them
        for hit in pattern.finditer(_fold(text)):
            before = hit.group(1)
            found |= {
                org
                for org in c.orgs - {key}
                if " " in org and "'" not in org and re.search(rf"\b{re.escape(org)}$", before)
            }
    if joined := _one(found):
        return joined, f"“{written}” describes {joined!r} in apposition in the corpus"
    return None


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'").replace("\u2018", "'")).lower()


def _one(candidates: set[str]) -> str | None:
    return next(iter(candidates)) if len(candidates) == 1 else None


def _variant(a: str, b: str) -> bool:
    """Two spellings of one full name: as many words (2 or 3), each the same or sharing its
    first four letters, the whole at least :data:`SPELLING_MIN` alike."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or not 2 <= len(wa) <= 3 or a == b:
        return False
    if not all(x == y or (x[:4] == y[:4] and len(x) >= 4) for x, y in zip(wa, wb, strict=True)):
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= SPELLING_MIN


def _preferred(other: str, key: str, docs_of: dict[str, set[str]]) -> bool:
    """Which spelling names the identity: the one in more documents, else the longer, else the
    first in alphabetical order (so exactly one of two variants maps to the other)."""
    rank = (len(docs_of[other]), len(other), key)
    return rank > (len(docs_of[key]), len(key), other)


def described(sources: Iterable[SourceRecord], keys: dict[Key, str]) -> dict[Key, tuple[str, str]]:
    """Nameless descriptions of an outlet or organisation ("a South Korean newspaper", "a
    report"), each mapped to the one named source of the same document it describes, with the
    evidence."""
    by_doc: dict[str, list[SourceRecord]] = defaultdict(list)
    for s in sources:
        by_doc[s.doc].append(s)
    found: dict[Key, tuple[str, str]] = {}
    for doc, group in by_doc.items():
        named = [s for s in group if not s.anonymous and not _nameless(s, keys)]
        for s in group:
            if _nameless(s, keys):  # "a report": the report of the one outlet or organisation
                same = {keys[(o.doc, o.id)] for o in named if o.kind in ("media", "organisation")}
            elif s.anonymous and s.kind in ("media", "organisation"):
                head = _head(s)
                same = {keys[(o.doc, o.id)] for o in named if o.kind == s.kind and _head(o) == head}
            else:
                continue
            if target := _one(same - {""}):
                found[(doc, s.id)] = (
                    target,
                    f"“{s.name}” describes {target!r}, the one source of the same article it fits",
                )
    return found


def _nameless(s: SourceRecord, keys: dict[Key, str]) -> bool:
    """A document named only by report words ("a report", "reports", "the story")."""
    key = keys.get((s.doc, s.id), "")
    return s.kind == "document" and bool(key) and set(key.split()) <= report_words()


def _head(s: SourceRecord) -> str:
    """The noun a description or a role ends with ("largest newspaper" → "newspaper")."""
    words = (s.role or s.name).lower().split()
    return words[-1] if words else ""
