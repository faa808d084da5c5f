"""The standard exports (schema.org Claims, W3C PROV-O), validated against the JSON-LD
contexts shipped in the package and the vocabularies' term lists (tests/export/)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from corpus.support import EXAMPLE, FIXTURES, cached_analyse
from typer.testing import CliRunner

from newsint import batch
from newsint.cli import app
from newsint.export import build
from newsint.export.claims import _rated
from newsint.export.jsonld import (
    PROV,
    SCHEMA_ORG,
    all_nodes,
    context,
    nodes,
    problems,
    terms,
)
from newsint.store import Store

VOCABULARIES: dict[str, list[str]] = json.loads(
    (Path(__file__).parent / "export" / "vocabularies.json").read_text()
)
runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    path = tmp_path_factory.mktemp("export") / "newsint.db"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(batch, "_analyse", cached_analyse)
        with Store(f"sqlite:///{path}") as opened:
            batch.ingest([EXAMPLE, *FIXTURES], opened, workers=0)
            yield opened


@pytest.fixture(scope="module")
def claims(store: Store) -> dict[str, Any]:
    return build(store, "claims-jsonld")


@pytest.fixture(scope="module")
def prov(store: Store) -> dict[str, Any]:
    return build(store, "prov")


def _of_type(document: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [n for n in nodes(document).values() if kind in _types(n)]


def _types(node: dict[str, Any]) -> list[str]:
    kind = node.get("@type", [])
    return kind if isinstance(kind, list) else [kind]


# -- the contexts and the checker ------------------------------------------------------------


@pytest.mark.parametrize("name", [SCHEMA_ORG, PROV])
def test_every_term_of_a_shipped_context_is_a_term_of_its_vocabulary(name: str) -> None:
    for term in terms(context(name)).values():
        if term.iri.endswith(("/", "#", ":")) or term.iri.startswith("urn:newsint:vocab:"):
            continue  # a prefix, or newsint's own term for what no vocabulary names
        namespace = next((ns for ns in VOCABULARIES if term.iri.startswith(ns)), None)
        assert namespace is not None, f"{term.name}: {term.iri} is in no known vocabulary"
        assert term.iri.removeprefix(namespace) in VOCABULARIES[namespace], term.iri


@pytest.mark.parametrize(
    ("node", "problem"),
    [
        ({"@type": "Claim", "truthRating": "false"}, "undefined term 'truthRating'"),
        ({"@type": "FactCheck"}, "undefined type 'FactCheck'"),
        ({"url": "not an iri"}, "url: 'not an iri' is not an IRI"),
        ({"datePublished": "May 2017"}, "datePublished: 'May 2017' is not a YYYY-MM-DD date"),
        ({"firstAppearance": {"@id": "urn:newsint:doc:x"}}, "names no node of the document"),
        ({"headline": None}, "headline: null value"),
    ],
)
def test_the_checker_catches_what_the_context_does_not_allow(
    node: dict[str, Any], problem: str
) -> None:
    found = problems({"@graph": [node]}, context(SCHEMA_ORG))
    assert any(problem in p for p in found), found


@pytest.mark.parametrize(
    ("node", "problem"),
    [
        ({"start": -1}, "start: -1 is not a non-negative integer"),
        ({"end": "12"}, "end: '12' is not a non-negative integer"),
        ({"wasDerivedFrom": "urn:newsint:doc:missing"}, "names no node of the document"),
        ({"anonymous": "yes"}, "anonymous: 'yes' is not a boolean"),
    ],
)
def test_the_checker_types_prov_values(node: dict[str, Any], problem: str) -> None:
    found = problems({"@graph": [node]}, context(PROV))
    assert any(problem in p for p in found), found


@pytest.mark.parametrize(
    ("reliability", "credibility", "rated"),
    [("B", 2, True), ("D", 4, True), ("F", 3, True), ("F", 6, False), (None, None, False)],
)
def test_a_claim_review_only_where_a_rating_exists(
    reliability: str | None, credibility: int | None, rated: bool
) -> None:
    assert _rated({"reliability": reliability, "credibility": credibility}) is rated


# -- schema.org Claims -----------------------------------------------------------------------


def test_claims_export_is_sound_against_its_context(claims: dict[str, Any]) -> None:
    assert claims["@context"] == context(SCHEMA_ORG)
    assert problems(claims, claims["@context"]) == []


def test_the_central_claim_credits_its_sources_and_appears_in_five_articles(
    claims: dict[str, Any],
) -> None:
    central = next(c for c in _of_type(claims, "Claim") if c["text"].startswith("Iran has turned"))
    authors = {a["name"]: a for a in central["author"]}
    assert authors["Bob Kent"]["@type"] == "Person" and "CEO" in authors["Bob Kent"]["jobTitle"]
    assert "Sarah Whitfield" in authors
    assert authors["some analysts"]["description"].startswith("anonymous")
    assert len(central["appearance"]) == 5
    appearances = {a["@id"] for a in central["appearance"]}
    assert central["firstAppearance"]["@id"] in appearances
    assert all(a["@type"] == "NewsArticle" for a in central["appearance"])


def test_every_claim_review_rates_sourcing_and_points_at_its_claim(
    claims: dict[str, Any],
) -> None:
    reviews = _of_type(claims, "ClaimReview")
    claim_ids = {c["@id"] for c in _of_type(claims, "Claim")}
    assert reviews
    for review in reviews:
        assert review["itemReviewed"]["@id"] in claim_ids
        assert "not whether the claim is true" in review["reviewAspect"]
        rating = review["reviewRating"]["ratingValue"]
        assert rating[0] in "ABCDEF" and rating[1:] in "123456" and rating != "F6"


# -- W3C PROV ------------------------------------------------------------------------------


def test_prov_export_is_sound_against_its_context(prov: dict[str, Any]) -> None:
    assert prov["@context"] == context(PROV)
    assert problems(prov, prov["@context"]) == []


def test_every_span_is_a_text_position_selector_into_its_article(prov: dict[str, Any]) -> None:
    by_id = nodes(prov)
    resources = [n for n in all_nodes(prov) if "SpecificResource" in _types(n)]
    assert len(resources) > 100
    for resource in resources:
        text = by_id[resource["hasSource"]]["value"]
        pieces = []
        for selector in resource["hasSelector"]:
            assert selector["@type"] == "TextPositionSelector"
            assert 0 <= selector["start"] <= selector["end"] <= len(text)
            pieces.append(text[selector["start"] : selector["end"]])
        assert " … ".join(pieces) == resource["value"]


def test_each_grade_goes_back_to_claim_attribution_article_and_document(
    prov: dict[str, Any],
) -> None:
    by_id = nodes(prov)
    grades = _of_type(prov, "Grade")
    assert grades
    chains = 0
    for grade in grades:
        claim = by_id[grade["wasDerivedFrom"][0]]
        assert "Claim" in _types(claim)
        assert by_id[grade["wasGeneratedBy"]]["@type"] == "Activity"
        derived = claim["wasDerivedFrom"]
        for attribution_id in derived if isinstance(derived, list) else []:
            attribution = by_id[attribution_id]
            assert "Attribution" in _types(attribution)
            article = by_id[attribution["wasDerivedFrom"]]
            document = by_id[article["wasDerivedFrom"]]
            assert "InputDocument" in _types(document)
            chains += 1
    assert chains > 10


def test_one_person_quoted_by_several_outlets_is_one_agent(prov: dict[str, Any]) -> None:
    kents = [n for n in _of_type(prov, "Agent") if n.get("label") == "Bob Kent"]
    assert len(kents) == 1 and "Person" in kents[0]["@type"]


# -- a JSON-LD processor, where one is installed (not a dependency: pip install pyld) --------


@pytest.mark.parametrize("fixture", ["claims", "prov"])
def test_a_json_ld_processor_keeps_every_property(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    jsonld = pytest.importorskip("pyld.jsonld")
    document = request.getfixturevalue(fixture)
    expanded = jsonld.expand(document)
    used = {k for n in all_nodes(document["@graph"]) for k in n if not k.startswith("@")}
    kept = {k for n in all_nodes(expanded) for k in n if not k.startswith("@")}
    iris = {t.name: t.iri for t in terms(document["@context"]).values()}
    assert {iris[k] for k in used} <= kept  # a term the processor did not know would be dropped


# -- the command line ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "name"), [("claims-jsonld", "claims.jsonld"), ("prov", "prov.jsonld")]
)
def test_cli_writes_a_jsonld_export_to_a_file_or_folder(
    store: Store, tmp_path: Path, fmt: str, name: str
) -> None:
    result = runner.invoke(
        app, ["export", "--format", fmt, "--out", str(tmp_path), "--db", store.url]
    )
    assert result.exit_code == 0, result.output
    written = json.loads((tmp_path / name).read_text())
    assert problems(written, written["@context"]) == []
    result = runner.invoke(app, ["export", "-f", fmt, "-o", "-", "--db", store.url])
    assert json.loads(result.stdout) == written


def test_since_that_leaves_out_undated_documents_says_so(store: Store) -> None:
    args = ["query", "actor", "Iran", "--since", "2017-01-01", "--db", store.url, "-f", "json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert "--since leaves out documents with no publication date" in result.stderr
    result = runner.invoke(
        app, ["query", "claims", "--about", "zebra", "--since", "2017-01-01", "--db", store.url]
    )
    assert "--since leaves out" not in result.stderr  # nothing without --since either
