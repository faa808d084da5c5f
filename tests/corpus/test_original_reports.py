"""Original reports (issue 16): "according to Foreign Policy", "the New York Post reports" make
the credited outlet's report the source; versions resting on one report are one source."""

from __future__ import annotations

import pytest

from newsint.corpus import authorship, corroboration, identity
from newsint.corpus.records import ClaimRecord, DocRecord, SourceRecord


@pytest.mark.parametrize(
    ("site", "key"),
    [
        ("Foreign Policy", "foreignpolicy"),
        ("foreignpolicy.com", "foreignpolicy"),
        ("www.nypost.com", "nypost"),
        ("The New York Post", "newyorkpost"),
        ("New York Post", "newyorkpost"),
        ("news.bbc.co.uk", "bbc"),
        ("edition.cnn.com", "cnn"),
    ],
)
def test_outlet_names_and_domains_compare_by_their_name(site: str, key: str) -> None:
    assert authorship.outlet_key(site) == key


def _doc(n: int, site: str | None = None) -> DocRecord:
    return DocRecord(sha256=f"{n:064d}", seq=n, name=f"d{n}.html", site=site)


def _src(n: int, sid: str, name: str, kind: str = "media") -> SourceRecord:
    return SourceRecord(doc=f"{n:064d}", id=sid, name=name, anonymous=False, kind=kind)


def test_an_outlet_credited_elsewhere_is_that_source_in_its_own_documents() -> None:
    docs = [_doc(1, "foreignpolicy.com"), _doc(2, "The Daily Meridian"), _doc(3)]
    sources = [_src(2, "s1", "Foreign Policy"), _src(3, "s1", "the New York Post")]
    identities, links = identity.resolve_sources(sources, docs)
    found = authorship.resolve_authors(docs, identities, links)
    assert [(a.doc[-1], a.role, a.name, a.identity) for a in found] == [
        ("1", "outlet", "foreignpolicy.com", "src:foreign-policy")
    ]
    assert "credited in d2.html: its own report" in found[0].evidence


D = [f"{n:064d}" for n in range(5)]  # D[1]… the documents


def _cluster(claims: list[ClaimRecord], identity_of: dict[tuple[str, str], str]):  # type: ignore[no-untyped-def]
    by_key = {(c.doc, c.id): c for c in claims}
    return corroboration.corroborate(
        list(by_key),
        claims=by_key,
        documents={d: _doc(n) for n, d in enumerate(D)},
        identity_of=identity_of,
        method="test",
        outlets={D[1]: "src:foreign-policy"},  # d1 is Foreign Policy's own report
    )


def test_versions_resting_on_the_original_report_are_one_source() -> None:
    claims = [
        ClaimRecord(D[1], "c1", "X"),  # Foreign Policy's report, in its own voice
        ClaimRecord(D[2], "c1", "X", source_ids=("s1",)),  # "according to Foreign Policy"
        ClaimRecord(D[3], "c1", "X", source_ids=("s1",)),  # "Foreign Policy reported"
    ]
    fp = "src:foreign-policy"
    cluster = _cluster(claims, {(D[2], "s1"): fp, (D[3], "s1"): fp})
    assert cluster.sources == [fp] and cluster.independent_sources == 1
    assert cluster.amplification == {fp: 3} and cluster.authored_by == [fp]


def test_an_original_report_that_names_its_source_passes_the_credit_to_it() -> None:
    claims = [
        ClaimRecord(D[1], "c1", "X", source_ids=("s1",)),  # Foreign Policy quotes Hassan Ali
        ClaimRecord(D[2], "c1", "X", source_ids=("s1",)),  # "according to Foreign Policy"
        ClaimRecord(D[3], "c1", "X", source_ids=("s1",)),  # "Ali told Foreign Policy"
        ClaimRecord(D[4], "c1", "X", source_ids=("s1",)),  # someone else
    ]
    fp, ali = "src:foreign-policy", "src:hassan-ali"
    identity_of = {(D[1], "s1"): ali, (D[2], "s1"): fp, (D[3], "s1"): ali}
    identity_of[(D[4], "s1")] = "src:sarah-whitfield"
    cluster = _cluster(claims, identity_of)
    assert cluster.sources == [ali, "src:sarah-whitfield"]
    # Foreign Policy's report is carried by two outlets (its own and d2): amplification, not a
    # source (guide 6: "one source, or one original report, carried by several outlets")
    assert cluster.amplification == {ali: 3, fp: 2}
