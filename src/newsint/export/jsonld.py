"""The JSON-LD contexts the exports use (data files of the package, never fetched) and a
checker that holds a document to its context.

The two contexts, ``data/schemaorg.context.jsonld`` (schema.org terms, ``http://schema.org/``
as in schema.org's own context) and ``data/prov.context.jsonld`` (W3C PROV-O, the Web
Annotation vocabulary's selectors, and a few ``urn:newsint:vocab:`` terms for what neither
vocabulary names), are written for newsint: each defines only the terms newsint writes, so a
term a document uses and the context does not define is an error, not a silently dropped
property (what a JSON-LD processor does with an undefined term).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

SCHEMA_ORG = "schemaorg.context.jsonld"
PROV = "prov.context.jsonld"

#: JSON-LD keywords a node object of these exports may hold.
KEYWORDS = frozenset({"@context", "@id", "@type", "@graph", "@value", "@language"})
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@lru_cache(maxsize=4)
def context(name: str) -> dict[str, Any]:
    """The ``@context`` object of a shipped context file."""
    text = resources.files("newsint.data").joinpath(name).read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)["@context"]
    return loaded


@dataclass(frozen=True, slots=True)
class Term:
    name: str
    iri: str
    coerce: str | None  # "@id", or a datatype IRI (compact), or None


def terms(ctx: dict[str, Any]) -> dict[str, Term]:
    """Every term of a context (prefixes included), with its expanded IRI and coercion."""
    prefixes = {k: v for k, v in ctx.items() if isinstance(v, str) and v.endswith(("/", "#", ":"))}
    found = {}
    for name, value in ctx.items():
        if name.startswith("@"):
            continue
        if isinstance(value, str):
            found[name] = Term(name, expand(value, prefixes), None)
        else:
            found[name] = Term(name, expand(value["@id"], prefixes), value.get("@type"))
    return found


def expand(compact: str, prefixes: dict[str, str]) -> str:
    """``prov:Entity`` → ``http://www.w3.org/ns/prov#Entity`` (an unknown prefix: as given)."""
    prefix, sep, rest = compact.partition(":")
    if sep and prefix in prefixes and not rest.startswith("//"):
        return prefixes[prefix] + rest
    return compact


def problems(document: dict[str, Any], ctx: dict[str, Any]) -> list[str]:
    """What in ``document`` its context does not define or type, and ``@id`` references
    (``urn:newsint:…``) to nodes the document does not hold; empty when it is sound."""
    defined = terms(ctx)
    found: list[str] = []
    ids = {node["@id"] for node in all_nodes(document) if "@id" in node and len(node) > 1}
    for node in all_nodes(document):
        if set(node) == {"@id"} and _dangling(node["@id"], ids):
            found.append(f"reference {node['@id']!r} names no node of the document")
        for key, value in node.items():
            if key in KEYWORDS:
                if key == "@type":
                    found += [f"undefined type {t!r}" for t in _many(value) if t not in defined]
                continue
            term = defined.get(key)
            if term is None:
                found.append(f"undefined term {key!r}")
                continue
            found += _typed(term, value, ids)
    return found


def _typed(term: Term, value: Any, ids: set[str]) -> list[str]:
    found = []
    for item in _many(value):
        if term.coerce == "@id":
            if not isinstance(item, str) or ":" not in item:
                found.append(f"{term.name}: {item!r} is not an IRI")
            elif _dangling(item, ids):
                found.append(f"{term.name}: {item!r} names no node of the document")
        elif term.coerce == "xsd:nonNegativeInteger":
            if not isinstance(item, int) or isinstance(item, bool) or item < 0:
                found.append(f"{term.name}: {item!r} is not a non-negative integer")
        elif term.coerce == "xsd:integer":
            if not isinstance(item, int) or isinstance(item, bool):
                found.append(f"{term.name}: {item!r} is not an integer")
        elif term.coerce == "xsd:boolean":
            if not isinstance(item, bool):
                found.append(f"{term.name}: {item!r} is not a boolean")
        elif term.coerce == "schema:Date":
            if not isinstance(item, str) or not DATE.match(item):
                found.append(f"{term.name}: {item!r} is not a YYYY-MM-DD date")
        elif item is None:
            found.append(f"{term.name}: null value")
    return found


def _dangling(iri: str, ids: set[str]) -> bool:
    """A reference to one of newsint's own nodes that the document does not hold."""
    return iri.startswith("urn:newsint:") and iri not in ids


def _many(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def all_nodes(value: Any) -> Iterator[dict[str, Any]]:
    """Every node object (a JSON object that is not the context) in a document, depth first."""
    if isinstance(value, list):
        for item in value:
            yield from all_nodes(item)
    elif isinstance(value, dict):
        yield value
        for key, item in value.items():
            if key != "@context":
                yield from all_nodes(item)


def nodes(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The node objects of a document that carry an ``@id`` and properties, by ``@id``."""
    return {n["@id"]: n for n in all_nodes(document) if "@id" in n and len(n) > 1}
