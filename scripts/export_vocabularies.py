"""Write tests/export/vocabularies.json: every class and property name of schema.org and of
W3C PROV-O, as RDFLib ships them (its namespaces are generated from the vocabularies' own
files), and the Web Annotation terms newsint's PROV export uses (RDFLib has no OA namespace:
listed from the W3C Web Annotation Vocabulary, https://www.w3.org/TR/annotation-vocab/).

The export tests check that every IRI the shipped JSON-LD contexts map a term to is a term of
its vocabulary. Needs rdflib (not a dependency of newsint): pip install rdflib.

    python scripts/export_vocabularies.py
"""

from __future__ import annotations

import json
from pathlib import Path

from rdflib.namespace import PROV, SDO

OA_TERMS = [
    "SpecificResource",
    "TextPositionSelector",
    "TextQuoteSelector",
    "hasSelector",
    "hasSource",
    "start",
    "end",
    "exact",
    "prefix",
    "suffix",
]
OUT = Path(__file__).resolve().parents[1] / "tests" / "export" / "vocabularies.json"


def names(namespace: type) -> list[str]:
    """The terms a DefinedNamespace declares (its annotations, and names not valid in Python)."""
    declared = [n for n in namespace.__annotations__ if not n.startswith("_")]
    return sorted({*declared, *getattr(namespace, "_extras", [])})


def main() -> None:
    vocabularies = {
        "http://schema.org/": names(SDO),
        "http://www.w3.org/ns/prov#": names(PROV),
        "http://www.w3.org/ns/oa#": sorted(OA_TERMS),
        "http://www.w3.org/2000/01/rdf-schema#": ["comment", "label", "seeAlso"],
    }
    OUT.write_text(json.dumps(vocabularies, indent=0) + "\n", encoding="utf-8")
    print(OUT, {k: len(v) for k, v in vocabularies.items()})


if __name__ == "__main__":
    main()
