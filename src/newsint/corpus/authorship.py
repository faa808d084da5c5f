"""Who wrote each document, as identities of the corpus (``newsint.authorship.v1``): the guide's
"an author who is a source elsewhere is the same person" and "the credited outlet's report is
the source".

* **Bylines** (``documents.authors``): a byline with the name of a named source of the corpus
  (after normalisation: "Dr. Bob Kent" is "Bob Kent"), or a full name whose surname is a
  source's only name when no other full name of the corpus ends with it, is that source.
* **The outlet** (``documents.site``): an outlet credited as a source elsewhere in the corpus
  ("according to Foreign Policy", "the New York Post reports") is that source in its own
  documents: its own report. Names are compared without case, spaces, punctuation or a
  leading "the", and a domain by its name ("foreignpolicy.com" is "Foreign Policy").

Other bylines and outlets are ``author:…`` / ``outlet:…`` identities that count for nothing.
:mod:`newsint.corpus.corroboration` uses the links: a document's own-voice claims are its
author's (else its outlet's), and a source who writes another version of a claim amplifies it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from newsint.corpus.identity import normalise, slug
from newsint.corpus.records import AuthorLink, DocRecord, SourceIdentity, SourceLink

RULES = "newsint.authorship.v1"

NOT_QUOTED = "not quoted or credited as a source in the corpus"

#: Second-level labels under a country code ("bbc.co.uk"): the outlet's name is the label above.
_SECOND_LEVEL = {"co", "com", "org", "net", "gov", "ac", "news"}


def outlet_key(site: str) -> str:
    """An outlet's name as a comparison key: "The New York Post", "new york post" and
    "NewYorkPost" are "newyorkpost"; a domain is its name ("www.foreignpolicy.com" →
    "foreignpolicy", "news.bbc.co.uk" → "bbc")."""
    text = site.strip().lower()
    if " " not in text and re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", text):
        labels = text.removeprefix("www.").split(".")
        core = labels[:-1]
        if len(core) > 1 and core[-1] in _SECOND_LEVEL:
            core = core[:-1]
        text = core[-1]
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[^a-z0-9]", "", text)


def resolve_authors(
    documents: Iterable[DocRecord],
    identities: Iterable[SourceIdentity],
    links: Iterable[SourceLink],
) -> list[AuthorLink]:
    """The identity of every byline and outlet: the source's (``src:…``) when it is quoted or
    credited as a named source anywhere in the corpus, with the evidence."""
    docs = list(documents)
    names = {d.sha256: d.name for d in docs}
    named = {i.id: i for i in identities if not i.anonymous}
    quoted_in: dict[str, list[str]] = defaultdict(list)
    for link in links:
        if link.identity in named and link.doc not in quoted_in[link.identity]:
            quoted_in[link.identity].append(link.doc)
    keys = [normalise(i.name).split() for i in named.values()]
    surnames = Counter(words[-1] for words in keys if len(words) > 1)
    outlets = {outlet_key(i.name): i.id for i in named.values() if outlet_key(i.name)}

    def where(identity: str, doc: str) -> str:
        found = [names.get(d, d[:12]) for d in quoted_in[identity] if d != doc]
        return ", ".join(found) or "this document"

    out: list[AuthorLink] = []
    for doc in docs:
        for name in dict.fromkeys(doc.authors):
            identity, how = _byline(normalise(name), named, surnames)
            if identity is None:
                if normalise(name):
                    out.append(
                        AuthorLink(doc.sha256, name, f"author:{slug(normalise(name))}", NOT_QUOTED)
                    )
                continue
            evidence = f"byline “{name}” has {how} as the source {named[identity].name}"
            out.append(
                AuthorLink(
                    doc.sha256, name, identity, f"{evidence} ({where(identity, doc.sha256)})"
                )
            )
        site = doc.site or ""
        found = outlets.get(outlet_key(site)) if site else None
        if found is not None:
            evidence = (
                f"the outlet “{site}” is the source {named[found].name} credited in "
                f"{where(found, doc.sha256)}: its own report"
            )
            out.append(AuthorLink(doc.sha256, site, found, evidence, role="outlet"))
    return sorted(out, key=lambda a: (a.doc, a.role, a.name))


def _byline(
    key: str, named: dict[str, SourceIdentity], surnames: Counter[str]
) -> tuple[str | None, str]:
    """The source identity a normalised byline names, and how; None when it names none."""
    if not key:
        return None, ""
    identity = f"src:{slug(key)}"
    if identity in named:
        return identity, "the same name"
    last = key.split()[-1]
    surname = f"src:{slug(last)}"
    # "Kent" quoted somewhere, and no full name of the corpus ends with it
    if surname in named and " " in key and not surnames[last]:
        return surname, f"its surname, the only name of “{named[surname].name}”"
    return None, ""
