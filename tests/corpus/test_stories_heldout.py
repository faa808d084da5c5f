"""The held-out same-story set (annotations/stories/heldout/): its format only. Its errors are
for measuring, never for writing rules (annotations/stories/README.md)."""

from __future__ import annotations

from collections import Counter

from newsint.bench import stories

FOLDER = stories.stories_folder() / "heldout"
DOCUMENTS = stories.read_jsonl(FOLDER / "documents.jsonl")
GOLD = stories.read_jsonl(FOLDER / "gold.jsonl")
DEVELOPMENT = stories.read_jsonl(stories.stories_folder() / "documents.jsonl")


def test_five_stories_of_three_to_six_outlets_each_apart_from_the_development_set() -> None:
    outlets: dict[str, set[str]] = {}
    for d in DOCUMENTS:
        assert d["url"].startswith("http") and d["text"] and d["outlet"], d["id"]
        assert isinstance(d["authors"], list) and isinstance(d["title"], str), d["id"]
        outlets.setdefault(d["story"], set()).add(d["outlet"])
    assert len(outlets) == 5
    assert all(3 <= len(o) <= 6 for o in outlets.values()), outlets
    assert len({d["id"] for d in DOCUMENTS}) == len(DOCUMENTS)
    development = {d["story"] for d in DEVELOPMENT}, {d["url"] for d in DEVELOPMENT}
    assert not set(outlets) & development[0]
    assert not {d["url"] for d in DOCUMENTS} & development[1]
    assert not {d["id"] for d in DOCUMENTS} & {d["id"] for d in DEVELOPMENT}


def test_every_claim_is_annotated_on_all_the_documents_of_its_story() -> None:
    story_of = {d["id"]: d["story"] for d in DOCUMENTS}
    assert Counter(g["story"] for g in GOLD) == Counter(set(story_of.values()))
    for g in GOLD:
        assert {story_of[d] for d in g["documents"]} == {g["story"]}
        assert g["claim"] and g["note"] and g["independent_sources"] and g["amplifiers"]
        for entry in (*g["independent_sources"], *g["amplifiers"]):
            assert entry["name"] and isinstance(entry.get("aliases", []), list)
        for pair in g["republications"]:
            assert len(pair) == 2 and set(pair) <= set(g["documents"])
    assert sorted(story_of) == sorted(d for g in GOLD for d in g["documents"])
