"""The across-outlet rules end to end, through ingestion into a store (SQLite and PostgreSQL):
two stories on one subject, four weeks apart, each resting on its own source, stay apart; the
second's description in apposition and its relaying aide do not add sources."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from newsint import batch
from newsint.bench.stories import as_html
from newsint.store import Store

# Written for this test: a newspaper's report (two outlets), and an intelligence service's
# briefing four weeks later (two outlets), on one leader's one knee.
ARTICLES = [
    (
        "a1",
        "The Harbor Times",
        "2014-09-30",
        "Ruritania's leader Otto Brand, missing from public view for a month, is recovering "
        "from knee surgery, the Harbor Gazette reported on Tuesday, citing an unnamed source.\n"
        "Brand broke his knee in June and had surgery in the capital in September, the Harbor "
        "Gazette said.",
    ),
    (
        "a2",
        "Valley Courier",
        "2014-10-01",
        "Otto Brand, the Ruritanian leader who vanished from view a month ago, is merely "
        "recovering from knee surgery, a Ruritanian newspaper claims.\nBrand broke his knee and "
        "had surgery in the capital in September, the Harbor Gazette reported, citing an "
        "unnamed source.",
    ),
    (
        "b1",
        "North Star News",
        "2014-10-28",
        "Ruritania's leader Otto Brand disappeared from view for six weeks because he had knee "
        "surgery to remove a cyst, the Federal Intelligence Service believes.\nThe Federal "
        "Intelligence Service told legislators that a foreign doctor operated on Brand in "
        "October to remove the cyst, said Lena Varga, an aide to a lawmaker.",
    ),
    (
        "b2",
        "Coast Ledger",
        "2014-10-28",
        "Ruritania's leader Otto Brand was absent for six weeks after knee surgery to remove a "
        "cyst, Ruritania's spy agency said on Tuesday.\nThe Federal Intelligence Service, "
        "Ruritania's main intelligence agency, briefed lawmakers behind closed doors.",
    ),
]


def test_two_stories_on_one_subject_stay_apart_and_rest_on_their_sources(
    backend_store: Store, tmp_path: Path
) -> None:
    store = backend_store
    files = []
    for name, outlet, published, text in ARTICLES:
        page = {"outlet": outlet, "published": published, "title": outlet, "text": text}
        files.append(tmp_path / f"{name}.html")
        files[-1].write_text(as_html(page), encoding="utf-8")
    batch.ingest(files, store, workers=0)
    names = {d["sha256"]: Path(d["name"]).stem for d in store.rows("documents")}
    docs: dict[str, set[str]] = defaultdict(set)
    for link in store.rows("corpus_claim_links"):
        docs[link["cluster"]].add(names[link["doc"]][0])
    assert all(len(stories) == 1 for stories in docs.values())  # "a…" or "b…", never both
    clusters = {c["id"]: c for c in store.rows("corpus_claim_clusters")}
    briefing = [clusters[k] for k, s in docs.items() if s == {"b"} and clusters[k]["documents"] > 1]
    fis = "src:federal-intelligence-service"
    assert [(c["sources"], c["amplification"]) for c in briefing] == [([fis], {fis: 2})]
    evidence = {
        (names[r["doc"]], r["source_id"]): r["evidence"] for r in store.rows("corpus_source_links")
    }
    assert "in apposition" in evidence[("b2", "s1")]
