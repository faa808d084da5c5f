"""Channels of a relayed claim (issue 16): the source named with a reporting verb right before
the claim, or at its head, is the claim's source; the agency or the aide the pipeline credited
relays it."""

from __future__ import annotations

import pytest

from newsint.corpus import channels, corroboration
from newsint.corpus.records import ClaimRecord, DocRecord, SourceRecord

NAMES = {
    "src:mining-authority": {"federal mining authority", "fma"},
    "src:harbor-gazette": {"harbor gazette"},
    "src:ann-lee": {"ann lee"},
    "src:port": {"port"},
    "src:mining": {"mining authority"},  # only ever inside the longer name here
}


@pytest.mark.parametrize(
    ("before", "claim", "cited", "found"),
    [
        # the authority's belief, reported by the agency the pipeline credited
        (
            "the federal mining authority believes ",
            "the mine will close",
            [],
            "src:mining-authority",
        ),
        # an acronym, right before the claim
        (
            "the agency said the data shared by fma suggested ",
            "the mine will close",
            [],
            "src:mining-authority",
        ),
        # at the head of the claim's own text
        (
            "",
            "the federal mining authority told legislators that the mine will close",
            [],
            "src:mining-authority",
        ),
        # a name too far from the claim, or without a reporting verb
        (
            "the federal mining authority, which owns the land, has long been criticised and now ",
            "the mine will close",
            [],
            None,
        ),
        ("reporters visited the harbor gazette before ", "the mine will close", [], None),
        # two sources: the one nearest the claim says it, the other relays it
        (
            "ann lee said the harbor gazette reported ",
            "the mine will close",
            [],
            "src:harbor-gazette",
        ),
        # two sources named so, side by side: nothing decided
        ("ann lee and fma said ", "the mine will close", [], None),
        # a place in the credited source's own name is not a speaker
        ("officials in port said ", "the mine will close", ["officials in Port"], None),
        # a name inside a longer one is part of it
        ("the federal mining authority said ", "the mine will close", [], "src:mining-authority"),
    ],
)
def test_the_source_named_right_before_the_claim(
    before: str, claim: str, cited: list[str], found: str | None
) -> None:
    result = channels.relayer(before, claim, NAMES, cited)
    assert (result[0] if result else None) == found


def test_a_relayed_claim_is_credited_to_its_source_not_its_channel() -> None:
    doc = DocRecord(
        "d" * 64,
        1,
        "d1",
        text="SEOUL - The Federal Mining Authority believes the mine will close, the Harbor "
        "Gazette reported. Ann Lee said the harbor is quiet.",
    )
    sources = {
        (doc.sha256, "s1"): SourceRecord(doc.sha256, "s1", "the Harbor Gazette", False, "media"),
        (doc.sha256, "s2"): SourceRecord(doc.sha256, "s2", "Ann Lee", False, "official"),
    }
    identity_of = {(doc.sha256, "s1"): "src:harbor-gazette", (doc.sha256, "s2"): "src:ann-lee"}
    claims = [
        ClaimRecord(doc.sha256, "c1", "the mine will close", ("s1",)),
        ClaimRecord(doc.sha256, "c2", "the harbor is quiet", ("s2",)),
    ]
    found = channels.relayed(claims, {doc.sha256: doc}, NAMES, identity_of, sources)
    out = found.claims
    assert out[0].source_ids == ("relay:src:mining-authority",) and out[1] == claims[1]
    assert found.identities == {(doc.sha256, "relay:src:mining-authority"): "src:mining-authority"}
    assert found.channels == {(doc.sha256, "c1"): frozenset({"src:harbor-gazette"})}
    assert "not src:harbor-gazette (channels)" in found.evidence[(doc.sha256, "c1")]


def test_a_channel_of_the_claim_in_an_article_backs_none_of_its_claims_there() -> None:
    """The agency relays the authority's claim in one sentence and repeats a detail of it in
    the next ("the agency said"): the authority is the one source, the agency its channel."""
    d = "d" * 64
    claims = {
        (d, "c1"): ClaimRecord(d, "c1", "the mine will close", ("relay:src:mining-authority",)),
        (d, "c2"): ClaimRecord(d, "c2", "the mine will close in May", ("s1",)),
    }
    identity_of = {(d, "relay:src:mining-authority"): "src:mining-authority"}
    identity_of[(d, "s1")] = "src:harbor-gazette"
    kwargs = {
        "claims": claims,
        "documents": {d: DocRecord(d, 1, "d1")},
        "identity_of": identity_of,
        "method": "test",
    }
    relayed = {(d, "c1"): frozenset({"src:harbor-gazette"})}
    cluster = corroboration.corroborate(list(claims), channels=relayed, **kwargs)  # type: ignore[arg-type]
    assert cluster.sources == ["src:mining-authority"]
    without = corroboration.corroborate(list(claims), **kwargs)  # type: ignore[arg-type]
    assert without.sources == ["src:harbor-gazette", "src:mining-authority"]


def test_names_come_from_the_corpus_sources_not_nicknames_or_bare_reports() -> None:
    sources = [
        SourceRecord("d1", "s1", "the Federal Mining Authority", False, "organisation"),
        SourceRecord("d1", "s2", "Red Fox", False, "other"),
        SourceRecord("d2", "s1", "reports", False, "document"),
        SourceRecord("d2", "s2", "a port official", True, "official"),
    ]
    identity_of = {
        ("d1", "s1"): "src:federal-mining-authority",
        ("d1", "s2"): "src:red-fox",
        ("d2", "s1"): "src:reports",
        ("d2", "s2"): "anon:d2:s2",
    }
    assert channels.names_of(sources, identity_of) == {
        "src:federal-mining-authority": {"federal mining authority", "fma"}
    }
