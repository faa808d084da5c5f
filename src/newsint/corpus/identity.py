"""The same source, and the same actor, across documents — with the evidence for each merge.

Rules (``newsint.identity.v1``), most to least certain:

* **anonymous sources are never merged.** "A U.S. official" in two articles may be two people;
  nothing in the text identifies them, so each stays its own identity (counted once per
  document). This makes the independent-source count an upper bound where anonymous sources
  are involved, and the store says so by flagging clusters that rest on anonymous sources only.
* **the same name** after normalisation (case, curly apostrophes, titles such as "Maj." or
  "Dr.", a possessive "'s") is the same source.
* **a short name** of an organisation, document or outlet ("the Post") joins the one longer
  name of the same document that ends with it ("the Washington Post").
* **a bare first name** ("Jess") joins the one full name of the corpus that starts with it
  ("Jess Smith") when that full name is written in the same document.
* **a bare surname** ("Kent") joins the one full name in the corpus that ends with it ("Bob
  Kent"); when two full names share the surname it is not merged, and the evidence says why.
  The role or affiliation the surname-only mention carries is checked against the documents
  of the full name and cited when it matches ("former Air Force intelligence officer").
  The surname is compared without the Arabic article ("al-Munajjid"), and a bare surname no
  full name ends with joins the one whose surname it transliterates ("Minjed"; see
  :mod:`newsint.corpus.transliteration`).
* **authors and outlets**: see :mod:`newsint.corpus.authorship`.
* **actors**: states by country code ("Iran", "Iranian", "Tehran" → IRN when the actor
  lexicon gave the code), everything else by normalised name.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from newsint.corpus import aliases, reported_by, transliteration
from newsint.corpus.records import (
    ActorIdentity,
    ActorLink,
    ActorRecord,
    DocRecord,
    SourceIdentity,
    SourceLink,
    SourceRecord,
)

RULES = "newsint.identity.v1"

_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sen", "senator", "rep",
    "representative", "gov", "governor", "gen", "general", "maj", "major", "col", "colonel",
    "lt", "capt", "captain", "sgt", "adm", "admiral", "president", "minister", "secretary",
    "sir", "lord", "rev", "judge", "justice", "army", "navy",
    # clerics' honorifics, which one outlet writes and another leaves out (not "Cardinal",
    # "Bishop", "Emir" or "Sultan": also surnames, first names and companies' names)
    "sheikh", "sheik", "shaikh", "shaykh", "imam", "ayatollah", "mullah", "mufti", "cleric",
    "rabbi", "pastor", "archbishop",
}  # fmt: skip
_NOT_PEOPLE = {"organisation", "document", "media"}
_ARTICLES = {"the", "a", "an"}


def normalise(name: str) -> str:
    """A name as a comparison key: lower case, ASCII apostrophes, no titles or possessive."""
    text = unicodedata.normalize("NFKC", name).replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"'s\b", "", text.strip())
    words = re.findall(r"[\w'-]+", text.lower())
    while words and (words[0].rstrip(".") in _TITLES or words[0] in _ARTICLES):
        words = words[1:]
    return " ".join(words)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "x"


def _is_person(source: SourceRecord, key: str) -> bool:
    return source.kind not in _NOT_PEOPLE and 1 <= len(key.split()) <= 4


def resolve_sources(
    sources: Iterable[SourceRecord],
    documents: Iterable[DocRecord],
    *,
    original_of: dict[str, str] | None = None,
) -> tuple[list[SourceIdentity], list[SourceLink]]:
    """Group the sources of every document into identities; one link (with evidence) each.
    ``original_of`` maps republications to their originals: a source quoted by an article and
    its copies is quoted in one document."""
    docs = {d.sha256: d for d in documents}
    sources, reported = reported_by.as_named(list(sources), docs)
    ordered = sorted(sources, key=lambda s: (docs[s.doc].seq if s.doc in docs else 0, s.doc, s.id))
    named = [s for s in ordered if not s.anonymous]
    keys = {(s.doc, s.id): normalise(s.name) for s in named}
    full_by_surname: dict[str, set[str]] = defaultdict(set)
    full_by_first: dict[str, set[str]] = defaultdict(set)
    for s in named:
        key = keys[(s.doc, s.id)]
        if _is_person(s, key) and len(key.split()) >= 2 and not _surname_only(key):
            full_by_surname[transliteration.surname_of(key)].add(key)
            full_by_first[key.split()[0]].add(key)
    by_skeleton = _by_skeleton(full_by_surname)
    members: dict[str, list[SourceRecord]] = defaultdict(list)
    links: list[SourceLink] = []
    short_names = _short_names(named, keys)
    named_here = {(s.doc, keys[(s.doc, s.id)]): s for s in reversed(named)}
    renamed = aliases.corpus_aliases(named, keys, (d.text for d in docs.values()))
    descriptions = aliases.described(ordered, {**keys, **_all_keys(ordered)})
    for s in ordered:
        if (s.doc, s.id) in descriptions:
            keys[(s.doc, s.id)], why = descriptions[(s.doc, s.id)]
            s = dataclasses.replace(s, anonymous=False)
            members[f"src:{slug(keys[(s.doc, s.id)])}"].append(s)
            links.append(SourceLink(s.doc, s.id, f"src:{slug(keys[(s.doc, s.id)])}", why))
            continue
        twin = named_here.get((s.doc, normalise(s.name))) if s.anonymous else None
        if twin is not None:
            keys[(s.doc, s.id)] = keys[(twin.doc, twin.id)]
            s = dataclasses.replace(s, anonymous=False)
            twin_note = f"; marked anonymous, but named like {twin.id} of the same article"
        else:
            twin_note = ""
        if s.anonymous:
            identity = f"anon:{s.doc[:12]}:{s.id}"
            evidence = "anonymous source: never merged across documents"
        else:
            key = keys[(s.doc, s.id)] or s.name.lower()
            evidence = "same name"
            surname = transliteration.surname_of(key) if _surname_only(key) else ""
            fulls = full_by_surname.get(surname, set())
            spelt = _transliterated(surname, fulls, by_skeleton)
            if len(fulls) == 1 and _is_person(s, key):
                (full,) = fulls
                evidence = _surname_evidence(s, key, full, named, keys, docs)
                key = full
            elif spelt and _is_person(s, key):
                evidence = _surname_evidence(s, key, spelt, named, keys, docs)
                evidence += f"; “{s.name}” transliterates the surname of {spelt!r}"
                key = spelt
            elif len(fulls) > 1:
                shared = ", ".join(f"“{f}”" for f in sorted(fulls))
                evidence = f"surname “{key}” is shared by {shared}: not merged"
            elif (s.doc, s.id) in short_names:
                full = short_names[(s.doc, s.id)]
                evidence = f"“{s.name}” is short for “{full}”, named in the same document"
                key = full
            elif first := _first_name_of(s, key, full_by_first, docs):
                evidence = (
                    f"first name “{s.name}” of the one named person in the corpus whose name "
                    f"starts with it, “{first}”, named in this document too"
                )
                key = first
            if key in renamed:
                key, why = renamed[key]
                evidence = why if evidence == "same name" else f"{evidence}; {why}"
            identity = f"src:{slug(key)}"
        members[identity].append(s)
        evidence += twin_note
        if (s.doc, s.id) in reported:
            evidence = f"{reported[(s.doc, s.id)]}; {evidence}"
        links.append(SourceLink(doc=s.doc, source_id=s.id, identity=identity, evidence=evidence))
    originals = original_of or {}
    identities = [
        _source_identity(identity, group, originals) for identity, group in members.items()
    ]
    return sorted(identities, key=lambda i: i.id), links


def _surname_only(key: str) -> bool:
    """A surname alone, its article written apart or not ("munajjid", "al minjed")."""
    words = key.split()
    return len(words) == 1 or (len(words) == 2 and words[0] in transliteration.PARTICLES)


def _by_skeleton(full_by_surname: dict[str, set[str]]) -> dict[str, set[str]]:
    """The full names by their surname's skeleton (:mod:`newsint.corpus.transliteration`)."""
    found: dict[str, set[str]] = defaultdict(set)
    for surname, fulls in full_by_surname.items():
        found[transliteration.skeleton(surname)] |= fulls
    return found


def _transliterated(surname: str, fulls: set[str], by_skeleton: dict[str, set[str]]) -> str | None:
    """The one full name of the corpus whose surname this bare surname transliterates
    ("Minjed" for "Mohammed Saleh al-Munajjid"), when no full name ends with it as written."""
    if not surname or fulls:
        return None
    spelt = {
        full
        for full in by_skeleton.get(transliteration.skeleton(surname), set())
        if transliteration.same_word(surname, transliteration.surname_of(full))
    }
    return next(iter(spelt)) if len(spelt) == 1 else None


def _all_keys(sources: list[SourceRecord]) -> dict[tuple[str, str], str]:
    return {(s.doc, s.id): normalise(s.name) for s in sources}


def _short_names(
    named: list[SourceRecord], keys: dict[tuple[str, str], str]
) -> dict[tuple[str, str], str]:
    """Organisations, documents and outlets named short in a document that also names them in
    full ("the Post" and "the Washington Post"): the one longer name of the same document that
    ends with the short one."""
    by_doc: dict[str, set[str]] = defaultdict(set)
    for s in named:
        by_doc[s.doc].add(keys[(s.doc, s.id)])
    short: dict[tuple[str, str], str] = {}
    for s in named:
        key = keys[(s.doc, s.id)]
        if s.kind not in _NOT_PEOPLE or not key:
            continue
        longer = {k for k in by_doc[s.doc] if k.endswith(" " + key)}
        if len(longer) == 1:
            short[(s.doc, s.id)] = longer.pop()
    return short


def _first_name_of(
    s: SourceRecord, key: str, full_by_first: dict[str, set[str]], docs: dict[str, DocRecord]
) -> str | None:
    """The full name a bare first name stands for ("Jess" for "Jess Smith"): the one full name
    of the corpus that starts with it, when that full name is written in the same document (a
    feature story that calls her "Jess" after naming her once)."""
    fulls = full_by_first.get(key, set()) if " " not in key and _is_person(s, key) else set()
    if len(fulls) != 1:
        return None
    (full,) = fulls
    doc = docs.get(s.doc)
    return full if doc and normalise(doc.text).find(full) >= 0 else None


def _surname_evidence(
    s: SourceRecord,
    surname: str,
    full: str,
    named: list[SourceRecord],
    keys: dict[tuple[str, str], str],
    docs: dict[str, DocRecord],
) -> str:
    same = [o for o in named if keys[(o.doc, o.id)] == full]
    shown = same[0].name if same else full
    parts = [f"surname “{s.name}” matches one named person in the corpus, “{shown}”"]
    attributes = [a for a in (s.role, s.affiliation) if a and len(a) > 3]
    for attribute in attributes:
        if any(attribute in (o.role, o.affiliation) for o in same):
            parts.append(f"same {'role' if attribute == s.role else 'affiliation'} “{attribute}”")
            continue
        for o in same:
            doc = docs.get(o.doc)
            if doc and attribute.lower() in doc.text.lower():
                parts.append(f"“{attribute}” also describes {shown} in {doc.name}")
                break
    return "; ".join(parts)


def _source_identity(
    identity: str, group: list[SourceRecord], original_of: dict[str, str]
) -> SourceIdentity:
    full = [s for s in group if " " in normalise(s.name)] or group
    name = Counter(s.name for s in full).most_common(1)[0][0]
    kinds = Counter(s.kind for s in group).most_common(1)[0][0]
    return SourceIdentity(
        id=identity,
        name=name,
        anonymous=all(s.anonymous for s in group),
        kind=kinds,
        roles=sorted({s.role for s in group if s.role}),
        affiliations=sorted({s.affiliation for s in group if s.affiliation}),
        documents=len({original_of.get(s.doc, s.doc) for s in group}),
        statements=sum(s.statements for s in group),
    )


def resolve_actors(actors: Iterable[ActorRecord]) -> tuple[list[ActorIdentity], list[ActorLink]]:
    """Group actor names (event actors and targets) into identities; ``other`` ones are left out
    (pronouns and objects such as "them", "its attention")."""
    seen: dict[tuple[str, str], ActorRecord] = {}
    for a in actors:
        if a.type != "other":
            seen.setdefault((a.doc, a.name), a)
    members: dict[str, list[ActorRecord]] = defaultdict(list)
    links: list[ActorLink] = []
    for (doc, name), a in sorted(seen.items()):
        if a.type == "state" and a.code:
            identity, evidence = f"actor:{a.code.lower()}", f"state with country code {a.code}"
        else:
            key = normalise(name) or name.lower()
            identity = f"actor:{slug(key)}"
            evidence = "same name" if key == name.lower() else f"same name as “{key}”"
        members[identity].append(a)
        links.append(ActorLink(doc=doc, name=name, identity=identity, evidence=evidence))
    identities = []
    for identity, group in sorted(members.items()):
        counts = Counter(a.name for a in group)
        identities.append(
            ActorIdentity(
                id=identity,
                name=counts.most_common(1)[0][0],
                type=Counter(a.type for a in group).most_common(1)[0][0],
                code=next((a.code for a in group if a.code), None),
                names=sorted(counts),
                documents=len({a.doc for a in group}),
            )
        )
    return identities, links
