"""Authors (issue 16): bylines go into the store, and an author who is a source elsewhere in the
corpus is the same identity, so the versions they write show as amplification."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from corpus.support import BACKENDS, EXAMPLE, FIXTURES, analysing_store

from newsint import batch
from newsint.corpus import authorship, corroboration, identity
from newsint.corpus.records import ClaimRecord, DocRecord, SourceRecord
from newsint.store import Store, queries


def _doc(n: int, *authors: str) -> DocRecord:
    return DocRecord(sha256=f"{n:064d}", seq=n, name=f"d{n}.html", authors=authors)


def _src(n: int, sid: str, name: str, kind: str = "expert") -> SourceRecord:
    return SourceRecord(doc=f"{n:064d}", id=sid, name=name, anonymous=False, kind=kind)


@pytest.mark.parametrize(
    ("sources", "byline", "expected"),
    [
        (["Bob Kent"], "Bob Kent", "src:bob-kent"),
        (["Bob Kent"], "Dr. Bob Kent", "src:bob-kent"),  # titles are not names
        (["Kent"], "Bob Kent", "src:kent"),  # the surname is the source's only name
        (["Kent", "Mary Kent"], "Bob Kent", "author:bob-kent"),  # two Kents: not merged
        (["Sarah Whitfield"], "Jane Roe", "author:jane-roe"),  # a reporter, never quoted
        (["Reuters"], "Reuters", "src:reuters"),  # a wire credited as the author
    ],
)
def test_a_byline_naming_a_source_of_the_corpus_is_that_source(
    sources: list[str], byline: str, expected: str
) -> None:
    docs = [_doc(1), _doc(2, byline)]
    records = [_src(1, f"s{i}", name) for i, name in enumerate(sources, 1)]
    identities, links = identity.resolve_sources(records, docs)
    (author,) = authorship.resolve_authors(docs, identities, links)
    assert (author.doc, author.name, author.identity) == (f"{2:064d}", byline, expected)
    assert ("d1.html" in author.evidence) is expected.startswith("src:")


def _corroborate(claims: list[ClaimRecord], bylines: dict[str, tuple[str, ...]]):  # type: ignore[no-untyped-def]
    docs = {f"{n:064d}": _doc(n) for n in range(1, 5)}
    by_key = {(c.doc, c.id): c for c in claims}
    identity_of = {(f"{1:064d}", "s1"): "src:kent", (f"{3:064d}", "s1"): "src:whitfield"}
    return corroboration.corroborate(
        list(by_key),
        claims=by_key,
        documents=docs,
        identity_of=identity_of,
        method="test",
        bylines=bylines,
    )


def test_a_source_who_writes_another_version_amplifies_it_and_is_not_a_new_source() -> None:
    claims = [
        ClaimRecord(f"{1:064d}", "c1", "X", source_ids=("s1",)),  # Kent quoted
        ClaimRecord(f"{2:064d}", "c1", "X"),  # Kent's own article, in its own voice
        ClaimRecord(f"{3:064d}", "c1", "X", source_ids=("s1",)),  # Kent's byline, Whitfield quoted
        ClaimRecord(f"{4:064d}", "c1", "X"),  # another outlet's own assertion
    ]
    cluster = _corroborate(claims, {f"{2:064d}": ("src:kent",), f"{3:064d}": ("src:kent",)})
    assert cluster.authored_by == ["src:kent"]
    assert cluster.amplification == {"src:kent": 3}
    # the other outlet's own assertion repeats what others credit: no source of its own
    assert cluster.sources == ["src:kent", "src:whitfield"]


def test_an_author_who_is_no_source_of_the_claim_amplifies_nothing() -> None:
    claims = [
        ClaimRecord(f"{3:064d}", "c1", "X", source_ids=("s1",)),  # Whitfield quoted
        ClaimRecord(f"{4:064d}", "c1", "X"),
    ]
    cluster = _corroborate(claims, {f"{3:064d}": ("src:kent",)})
    assert cluster.authored_by == [] and cluster.amplification == {}
    assert cluster.sources == ["src:whitfield"]


# -- through the store ------------------------------------------------------------------------

OPED = """<!doctype html><html><head><meta charset="utf-8">
<title>Iran is recruiting ISIS fighters in Iraq | The Northern Review</title>
<meta name="author" content="Bob Kent">
<meta property="og:site_name" content="The Northern Review"></head><body>
<nav><a href="/">Home</a> <a href="/opinion">Opinion</a></nav>
<article><h1>Iran is recruiting ISIS fighters in Iraq</h1><p class="byline">By Bob Kent</p>
<p>Iran has been systematically recruiting war-trained ISIS fighters in Iraq, and Washington
has been slow to notice.</p>
<p>The fighters are offered pay and protection once the battle is over. Many join militias that
answer to Tehran rather than to Baghdad, which has little say over what they do next.</p>
<p>This matters because those militias sit along the supply routes of American troops, and
because every recruit taken from the defeated side deepens the divide between Sunni and Shia
communities.</p></article>
<footer>The Northern Review. Opinions are the author's own.</footer></body></html>
"""


@pytest.fixture(params=BACKENDS)
def store(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Store]:
    yield from analysing_store(request.param, tmp_path, monkeypatch)


def test_an_op_ed_by_a_quoted_source_is_amplification_by_authorship(
    store: Store, tmp_path: Path
) -> None:
    oped = tmp_path / "northern-review-kent.html"
    oped.write_text(OPED, encoding="utf-8")
    batch.ingest([EXAMPLE, *FIXTURES], store, workers=0)
    (before,) = queries.claims(store, about="ISIS", limit=1)
    batch.ingest([oped], store, workers=0)
    (after,) = queries.claims(store, about="ISIS", limit=1)

    assert after["documents"] == before["documents"] + 1
    assert after["authored_by"] == ["Bob Kent"] and before["authored_by"] == []
    assert after["amplified_by"]["Bob Kent"] == before["amplified_by"]["Bob Kent"] + 1
    # Kent's own article is Kent again, not the Northern Review as one more source
    assert after["independent_sources"] == before["independent_sources"]

    kent = queries.source(store, "Bob Kent")
    assert [Path(w["document"]).name for w in kent["wrote"]] == [oped.name]
    assert "has the same name as the source Bob Kent" in kent["wrote"][0]["evidence"]
    (doc,) = [d for d in store.rows("documents") if Path(d["name"]).name == oped.name]
    assert doc["authors"] == ["Bob Kent"]
