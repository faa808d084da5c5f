"""An outlet's unnamed source is that outlet's report, and an outlet a named person only talked
to is not a second source (issue 16; the guide's 1.5 and 6): versions resting on one report
are one source, amplified by every version."""

from __future__ import annotations

import pytest

from newsint import corpus
from newsint.corpus import reported_by
from newsint.corpus.records import ClaimRecord, CorpusInput, DocRecord, SourceRecord

D = [f"{n:02d}{'a' * 62}" for n in range(6)]  # D[1]… the documents (distinct prefixes)


def _doc(n: int, text: str, site: str | None = None) -> DocRecord:
    return DocRecord(sha256=D[n], seq=n, name=f"d{n}", site=site, text=text)


def _anon(n: int, name: str, sid: str = "s1") -> SourceRecord:
    return SourceRecord(D[n], sid, name, True, "other")


CASES: list[tuple[str, str, str, str | None]] = [
    # (what, text, the unnamed source, the outlet it is or None)
    (
        "told an outlet ending with an outlet word",
        "A source close to the band told the Harbor Gazette: “The tour is off.”",
        "a source close to the band",
        "Harbor Gazette",
    ),
    (
        "a wire",
        "Two officials told Reuters the talks had failed.",
        "Two officials",
        "Reuters",
    ),
    (
        "the outlet credited with reporting",
        "The Harbor Gazette reported that a source close to the band had seen the letter.",
        "a source close to the band",
        "Harbor Gazette",
    ),
    (
        "according to an outlet the corpus knows",
        "According to Valley Courier, a person familiar with the talks said they had failed.",
        "a person familiar with the talks",
        "Valley Courier",
    ),
    (
        "a report that is only when something happened",
        "Fans were upset after the Harbor Gazette reported the split.",
        "Fans",
        None,
    ),
    (
        "two outlets in the sentence: which one is not said",
        "A source told the Harbor Gazette, the Valley Times reported.",
        "A source",
        None,
    ),
    (
        "told a person, not an outlet",
        "A source told Tom Bell the tour was off.",
        "A source",
        None,
    ),
    (
        "the source named after the outlet it did not talk to",
        "The singer told the Harbor Gazette nothing, but a friend said the tour was off.",
        "a friend",
        None,
    ),
    (
        "a word inside another word is not the source's name",
        "His girlfriends told the Harbor Gazette the tour was off.",
        "friends",
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "name", "outlet"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_the_outlet_an_unnamed_source_is(text: str, name: str, outlet: str | None) -> None:
    docs = {D[1]: _doc(1, text), D[2]: _doc(2, "", site="Valley Courier")}
    found = reported_by.credited_outlets([_anon(1, name)], docs)
    assert (found[(D[1], "s1")][0].name if found else None) == outlet
    if found:
        assert not found[(D[1], "s1")][0].anonymous
        assert "unnamed source of" in found[(D[1], "s1")][1]


STORY = [
    "A source close to the band told the Harbor Gazette that the tour is off.",
    "The tour is off, a source close to the band told the Harbor Gazette.",
    "According to the Harbor Gazette, a band insider said the tour is off.",
]


def _story() -> CorpusInput:
    docs = [_doc(n, text) for n, text in enumerate(STORY, start=1)]
    names = ["a source close to the band", "a source close to the band", "a band insider"]
    sources = [_anon(n, name) for n, name in enumerate(names, start=1)]
    sources.append(SourceRecord(D[3], "s2", "the Harbor Gazette", False, "media"))
    claims = [
        ClaimRecord(
            D[1],
            "c1",
            "The band has cancelled its world tour after a dispute over money.",
            source_ids=("s1",),
        ),
        ClaimRecord(
            D[2],
            "c1",
            "The band has cancelled its world tour after a dispute over money.",
            source_ids=("s1",),
        ),
        ClaimRecord(
            D[3],
            "c1",
            "The band has cancelled its world tour after a dispute over money.",
            source_ids=("s1", "s2"),
        ),
    ]
    return CorpusInput(documents=docs, sources=sources, claims=claims)


def test_versions_resting_on_one_outlets_unnamed_source_are_one_source() -> None:
    result = corpus.build(_story(), by_meaning=False)
    (cluster,) = result.claim_clusters
    assert cluster.sources == ["src:harbor-gazette"]
    assert cluster.amplification == {"src:harbor-gazette": 3}
    assert cluster.anonymous_only  # the Gazette's report rests on unnamed sources alone
    assert not cluster.confirmed_on_record


def test_without_the_rule_each_version_counts_its_unnamed_source() -> None:
    data = _story()
    data.documents = [DocRecord(d.sha256, d.seq, d.name) for d in data.documents]  # no texts
    (cluster,) = corpus.build(data, by_meaning=False).claim_clusters
    assert cluster.independent_sources == 4  # three unnamed sources and the Gazette


GIVEN = [
    # (text, the outlet is only where the words were given)
    ("Bob Kent told the Harbor Gazette the tour was off.", True),
    ("“It is off,” Kent said in an interview with the Harbor Gazette.", True),
    ("Bob Kent told the Harbor Gazette. The Harbor Gazette reported it first.", False),
    ("The tour is off, the Harbor Gazette said.", False),
]


@pytest.mark.parametrize(("text", "given"), GIVEN)
def test_an_outlet_a_named_person_talked_to_is_not_a_source(text: str, given: bool) -> None:
    docs = {D[1]: _doc(1, text)}
    sources = [
        SourceRecord(D[1], "s1", "Bob Kent", False, "expert"),
        SourceRecord(D[1], "s2", "the Harbor Gazette", False, "media"),
    ]
    assert (reported_by.given_to(sources, docs) == {(D[1], "s2")}) is given


def test_the_person_talked_to_an_outlet_in_two_versions_is_one_source() -> None:
    texts = ["Bob Kent told the Harbor Gazette the tour was off.", "Kent said the tour was off."]
    docs = [_doc(n, t) for n, t in enumerate(texts, start=1)]
    sources = [
        SourceRecord(D[1], "s1", "Bob Kent", False, "expert"),
        SourceRecord(D[1], "s2", "the Harbor Gazette", False, "media"),
        SourceRecord(D[2], "s1", "Bob Kent", False, "expert"),
    ]
    claims = [
        ClaimRecord(
            D[1],
            "c1",
            "The band has cancelled its world tour after a dispute over money.",
            source_ids=("s1", "s2"),
        ),
        ClaimRecord(
            D[2],
            "c1",
            "The band has cancelled its world tour after a dispute over money.",
            source_ids=("s1",),
        ),
    ]
    data = CorpusInput(documents=docs, sources=sources, claims=claims)
    (cluster,) = corpus.build(data, by_meaning=False).claim_clusters
    assert cluster.sources == ["src:bob-kent"]
