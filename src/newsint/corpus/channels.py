"""Channels of a relayed claim (``newsint.channels.v1``): "South Korea's spy agency believes
Kim had surgery, Yonhap reported"; "The intelligence service told legislators that …, said
an aide". The pipeline credits one attribution of such a sentence, often the outer one (the
news agency, the aide); the guide's section 6 counts who the claim rests on, and the others
relay it (a briefing's channels are not sources of their own).

**Rule.** When a source of the corpus is named, with a reporting verb, right before a claim's
text in its sentence ("X believes [that] …", "shared by X suggested …") or at the head of the
claim's own text ("X told legislators that …"), and the pipeline credited the claim to other
sources, X is the claim's source and those others are its channels (the evidence says so).
Names are matched as the corpus writes them (any source record of the identity), and an
organisation's initials when written in capitals ("NIS" for "National Intelligence Service").
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from newsint.corpus.aliases import initials, report_words
from newsint.corpus.own_sources import fold, reporting_verbs
from newsint.corpus.records import ClaimRecord, DocRecord, SourceRecord

RULES = "newsint.channels.v1"

Key = tuple[str, str]

#: Words between a source's name and the claim's text, the reporting verb among them ("the
#: agency *said on Tuesday that*"); and how far into the claim's text its name may start.
_BETWEEN = 4
_HEAD = 2


def names_of(sources: Iterable[SourceRecord], identity_of: dict[Key, str]) -> dict[str, set[str]]:
    """The names each named identity is written with in the corpus (folded), and the capital
    initials of an organisation's name."""
    names: dict[str, set[str]] = defaultdict(set)
    for s in sources:
        identity = identity_of.get((s.doc, s.id), "")
        name = re.sub(r"^(the|a|an) ", "", fold(s.name).strip())
        if not identity.startswith("src:") or s.kind == "other" or _nameless(name):
            continue  # a nickname or a story's subject; "reports" names nobody
        if len(name) >= 3:
            names[identity].add(name)
        if s.kind in ("organisation", "media") and len(s.name.split()) > 2:
            names[identity].add(initials(fold(s.name)))
    return names


def _nameless(name: str) -> bool:
    return set(re.findall(r"[a-z]+", name)) <= report_words()


@lru_cache(maxsize=8)
def _folded(text: str) -> str:
    return fold(text)


def _sentence(text: str, claim: str) -> tuple[str, str] | None:
    """The part of the claim's sentence before it, and the claim's text, folded."""
    folded, wanted = _folded(text), fold(claim).strip(" \"'“”")
    at = folded.find(wanted) if len(wanted) > 10 else -1
    if at < 0:
        return None
    start = max(folded.rfind(mark, 0, at) for mark in (". ", "\n", "? ", "! "))
    return folded[start + 1 : at], wanted


def _credited(words: list[str], room: int) -> bool:
    """Whether ``words`` (the text after a name) hold a reporting verb within ``room`` words."""
    return bool(reporting_verbs() & set(words[:room]))


@dataclass(frozen=True, slots=True)
class NameIndex:
    """The corpus's names by their first word, so a sentence is read once, not once a name."""

    by_first: dict[str, tuple[tuple[str, str], ...]]

    @classmethod
    def of(cls, names: dict[str, set[str]]) -> NameIndex:
        by_first: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for identity, written in sorted(names.items()):
            for name in sorted(written):
                by_first[name.split()[0]].append((identity, name))
        return cls({k: tuple(v) for k, v in by_first.items()})


def relayer(
    before: str,
    claim: str,
    names: NameIndex | dict[str, set[str]],
    cited: Iterable[str] = (),
) -> tuple[str, str] | None:
    """The identity named, with a reporting verb, right before the claim or at its head, and
    the name it is written with there; a name inside the name of a source the claim is
    ``cited`` to ("Baghdad" in "officials in Baghdad") is where that source is, not who says
    it, and a name inside a longer one ("Intelligence" in "National Intelligence Service") is
    part of it."""
    index = names if isinstance(names, NameIndex) else NameIndex.of(names)
    text = f"{before}{claim}"
    head = len(before)
    spans: list[tuple[int, int, str, str]] = []
    folded = [fold(c) for c in cited]
    for token in re.finditer(r"[\w'-]+", text):
        if token.start() > head and len(re.findall(r"[a-z]+", text[head : token.start()])) > _HEAD:
            break
        if token.start() and text[token.start() - 1].isalnum():
            continue
        for identity, name in index.by_first.get(token.group().split("-")[0], ()):
            end = token.start() + len(name)
            if not text.startswith(name, token.start()) or text[end : end + 1].isalnum():
                continue
            if not any(name in c for c in folded):
                spans.append((token.start(), end, identity, name))
    found = []
    for start, end, identity, name in spans:
        if any(s <= start and end <= e and (s, e) != (start, end) for s, e, _, _ in spans):
            continue
        after = re.findall(r"[a-z]+", text[end:])
        if end <= head:  # before the claim: the verb between the name and the claim
            ok = len(re.findall(r"[a-z]+", before[end:])) <= _BETWEEN
        else:  # at the head of the claim's own text
            ok = len(re.findall(r"[a-z]+", text[head:start])) <= _HEAD
        if ok and _credited(after, _BETWEEN):
            found.append((identity, name))
    identities = {i for i, _ in found}
    return found[0] if len(identities) == 1 else None


@dataclass(slots=True)
class Relays:
    """What :func:`relayed` found: the claims with their relayed sources credited, the identity
    of each new source id (``relay:…``), the evidence per claim, and per claim the identities
    the pipeline had credited, now its channels."""

    claims: list[ClaimRecord]
    identities: dict[Key, str] = field(default_factory=dict)
    evidence: dict[Key, str] = field(default_factory=dict)
    channels: dict[Key, frozenset[str]] = field(default_factory=dict)


def relayed(
    claims: list[ClaimRecord],
    documents: dict[str, DocRecord],
    names: dict[str, set[str]],
    identity_of: dict[Key, str],
    sources: dict[Key, SourceRecord],
) -> Relays:
    """The claims with the relayed source credited instead of its channels."""
    found_all = Relays(claims=[])
    index = NameIndex.of(names)
    for c in claims:
        doc = documents.get(c.doc)
        parts = _sentence(doc.text, c.text) if doc and c.source_ids else None
        written = [sources[(c.doc, s)].name for s in c.source_ids if (c.doc, s) in sources]
        found = relayer(*parts, index, written) if parts else None
        cited = frozenset(identity_of.get((c.doc, s), f"anon:{s}") for s in c.source_ids)
        if found is None or found[0] in cited:
            found_all.claims.append(c)
            continue
        identity, name = found
        sid = f"relay:{identity}"
        found_all.identities[(c.doc, sid)] = identity
        found_all.channels[(c.doc, c.id)] = cited
        shown = ", ".join(sorted(cited))
        found_all.evidence[(c.doc, c.id)] = (
            f"“{name}” says it in the claim's sentence: the source, not {shown} (channels)"
        )
        found_all.claims.append(dataclasses.replace(c, source_ids=(sid,), supported_by=()))
    return found_all
