"""The same-story development corpus (annotations/stories/) and its scorer
(``newsint.bench.stories``, run by ``newsint bench corpus``)."""

from __future__ import annotations

from collections import Counter

from newsint.bench import stories
from newsint.extract import extract_page
from newsint.models import Article, Page

FOLDER = stories.stories_folder()
DOCUMENTS = stories.read_jsonl(FOLDER / "documents.jsonl")
GOLD = stories.read_jsonl(FOLDER / "gold.jsonl")


def test_at_least_six_real_stories_of_three_to_six_outlets_each() -> None:
    outlets: dict[str, set[str]] = {}
    for d in DOCUMENTS:
        fnc = d["url"].startswith("fnc1-train:body/")  # an FNC-1 training body: no page, no name
        assert (d["url"].startswith("http") or fnc) and d["text"], d["id"]
        assert d["outlet"] or fnc, d["id"]
        outlets.setdefault(d["story"], set()).add(d["outlet"] or d["id"])
    assert len(outlets) >= 6
    assert all(3 <= len(o) <= 6 for o in outlets.values()), outlets
    assert len({d["id"] for d in DOCUMENTS}) == len(DOCUMENTS)


def test_every_claim_is_annotated_on_documents_of_its_story() -> None:
    story_of = {d["id"]: d["story"] for d in DOCUMENTS}
    assert Counter(g["story"] for g in GOLD) == Counter(set(story_of.values()))
    for g in GOLD:
        assert {story_of[d] for d in g["documents"]} == {g["story"]}
        assert g["independent_sources"] and g["amplifiers"]
        for pair in g["republications"]:
            assert set(pair) <= set(g["documents"])


def test_an_excerpt_comes_in_with_its_bylines_outlet_and_date() -> None:
    (doc,) = [d for d in DOCUMENTS if d["id"] == "jj-wapo"]
    page = Page(
        id=doc["id"],
        name=doc["id"],
        content=stories.as_html(doc),
        kind="html",
        input_format="jsonl",
        sha256="0" * 64,
    )
    article = extract_page(page)
    assert isinstance(article, Article)
    assert article.authors == ("Souad Mekhennet", "Adam Goldman")
    assert article.site == "Saskatoon StarPhoenix" and article.published == "2015-02-27"
    assert "Mohammed Emwazi" in article.text


def _gold(story: str, docs: list[str], sources: int, amplifiers: list[str], reps=()) -> dict:  # type: ignore[no-untyped-def,type-arg]
    return {
        "story": story,
        "documents": docs,
        "independent_sources": [{"name": f"s{i}"} for i in range(sources)],
        "amplifiers": [{"name": a, "aliases": []} for a in amplifiers],
        "republications": [list(p) for p in reps],
    }


def test_the_scorer_counts_exact_claims_flags_and_merged_stories() -> None:
    documents = [{"id": f"{s}{n}", "story": s} for s in "ab" for n in range(3)]
    gold = [
        _gold("a", ["a0", "a1", "a2"], 1, ["Abubakar Shekau"], reps=[("a2", "a1")]),
        _gold("b", ["b0", "b1", "b2"], 2, ["Jess Smith"]),
    ]
    store_documents = [{"sha256": f"sha-{d['id']}", "doc_id": d["id"]} for d in documents]
    clusters = [
        {"id": "k1", "independent_sources": 1, "amplification": {"src:shekau": 2}},
        {"id": "k2", "independent_sources": 3, "amplification": {}},
    ]
    members = {"k1": ["a0", "a1", "a2"], "k2": ["b0", "b1", "a0"]}  # k2 mixes two stories
    links = [{"cluster": k, "doc": f"sha-{d}"} for k, ds in members.items() for d in ds]
    duplicates = [
        {"doc": "sha-a2", "duplicate_of": "sha-a1"},
        {"doc": "sha-b2", "duplicate_of": "sha-b0"},
    ]
    score = stories.score(
        gold,
        documents,
        store_documents=store_documents,
        clusters=clusters,
        links=links,
        duplicates=duplicates,
        names={"src:shekau": "Shekau"},  # a surname is not the annotated name
    )
    assert [(c.story, c.found, c.counted, c.exact) for c in score.claims] == [
        ("a", 3, 1, True),
        ("b", 2, 3, False),
    ]
    assert score.amplifiers == (0, 2)
    assert score.republications == (1, 1) and score.false_republications == [("b0", "b2")]
    assert score.merged == [["a", "b"]]
    assert "exact 1/2" in score.lines()[0] and "NOT met" in score.lines()[0]


def test_the_scorer_takes_the_cluster_the_versions_lead_with_on_a_tie() -> None:
    """Two clusters hold both versions of a story: a detail both repeat (k1) and what both lead
    with (k2, their central claims); the story's claim is the second."""
    documents = [{"id": f"a{n}", "story": "a"} for n in range(2)]
    store_documents = [{"sha256": f"sha-{d['id']}", "doc_id": d["id"]} for d in documents]
    clusters = [
        {"id": "k1", "independent_sources": 4, "amplification": {}},
        {"id": "k2", "independent_sources": 1, "amplification": {}},
    ]
    links = [
        {"cluster": k, "doc": f"sha-a{n}", "claim_id": c}
        for k, c in (("k1", "c2"), ("k2", "c1"))
        for n in range(2)
    ]
    score = stories.score(
        [_gold("a", ["a0", "a1"], 1, [])],
        documents,
        store_documents=store_documents,
        clusters=clusters,
        links=links,
        duplicates=[],
        names={},
        central={("sha-a0", "c1"), ("sha-a1", "c1")},
    )
    assert [(c.found, c.counted, c.exact) for c in score.claims] == [(2, 1, True)]
