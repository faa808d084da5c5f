"""Standard exports of the store a fact-checking workflow can take in (``docs/export.md``):
schema.org ``Claim``s (:mod:`newsint.export.claims`) and W3C PROV (:mod:`newsint.export.prov`),
JSON-LD with their contexts shipped in the package."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsint.store import Store

FORMATS = ("claims-jsonld", "prov")


def build(store: Store, format: str) -> dict[str, Any]:
    """The export ``format`` of a whole store, as one JSON-LD document."""
    from newsint.export.view import load

    view = load(store)
    if format == "claims-jsonld":
        from newsint.export.claims import claims_document

        return claims_document(view)
    if format == "prov":
        from newsint.export.prov import prov_document

        return prov_document(view)
    raise ValueError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")


def write(document: dict[str, Any], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(dumps(document), encoding="utf-8")


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"
