"""Two stories on one subject stay apart (issue 16): a different source and dates far apart are
evidence of different stories; a shared source or close dates are not."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from newsint import corpus
from newsint.corpus import clustering, separation
from newsint.corpus.records import ClaimRecord, CorpusInput, DocRecord, SourceRecord
from newsint.corpus.separation import Trace


def _t(day: str | None, *sources: str) -> Trace:
    return Trace(separation.day_of(day), frozenset(sources))


@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("2014-09-30", date(2014, 9, 30)),
        ("2014-09-30T08:15:00Z", date(2014, 9, 30)),
        (" 2014-10-02 ", date(2014, 10, 2)),
        ("Tuesday", None),
        ("", None),
        (None, None),
    ],
)
def test_publication_days(published: str | None, day: date | None) -> None:
    assert separation.day_of(published) == day


@pytest.mark.parametrize(
    ("a", "b", "kept_apart"),
    [
        # a month apart, each resting on its own source: two stories
        ([_t("2014-09-30", "src:daily-herald")], [_t("2014-10-28", "src:spy-agency")], True),
        # a month apart, but the same source: a story followed for weeks
        ([_t("2014-09-30", "src:spy-agency")], [_t("2014-10-28", "src:spy-agency")], False),
        # a few days apart: the versions of one story
        ([_t("2014-09-30", "src:daily-herald")], [_t("2014-10-03", "src:spy-agency")], False),
        # exactly the limit: still one story
        ([_t("2014-10-01", "src:a")], [_t("2014-10-15", "src:b")], False),
        ([_t("2014-10-01", "src:a")], [_t("2014-10-16", "src:b")], True),
        # overlapping date ranges are no gap
        (
            [_t("2014-09-01", "src:a"), _t("2014-10-30", "src:a")],
            [_t("2014-10-01", "src:b")],
            False,
        ),
        # undated documents prove nothing
        ([_t(None, "src:a")], [_t("2014-10-28", "src:b")], False),
        ([_t(None, "src:a")], [_t(None, "src:b")], False),
        # no source at all on one side: nothing shared, the dates decide
        ([_t("2014-09-01")], [_t("2014-11-01", "src:b")], True),
    ],
)
def test_different_stories(a: list[Trace], b: list[Trace], kept_apart: bool) -> None:
    assert (separation.apart(a, b) is not None) == kept_apart


def _same_vectors(n: int) -> np.ndarray:
    """``n`` claims that say exactly the same thing, as far as a sentence vector can tell."""
    return np.tile(np.eye(1, 8, dtype=np.float32), (n, 1))


def test_clustering_keeps_two_stories_apart_and_joins_one() -> None:
    claims = [
        ((f"d{i}", "c1"), "Kim's absence is explained by ankle surgery", None) for i in range(4)
    ]
    traces = [
        _t("2014-09-30", "src:daily-herald"),
        _t("2014-10-01", "src:daily-herald"),
        _t("2014-10-28", "src:spy-agency"),
        _t("2014-10-29", "src:spy-agency"),
    ]
    groups, _ = clustering.cluster(
        claims,
        vectors=_same_vectors(4),
        stories=[separation.Span.of(t) for t in traces],
    )
    assert sorted(sorted(d for d, _ in g) for g in groups) == [["d0", "d1"], ["d2", "d3"]]
    together, _ = clustering.cluster(claims, vectors=_same_vectors(4))
    assert len(together) == 1


def _doc(n: int, published: str | None) -> DocRecord:
    return DocRecord(sha256=f"{n:064d}", seq=n, name=f"d{n}.html", published=published)


def _case(dates: list[str | None], names: list[str]) -> CorpusInput:
    """One claim per document, each credited to the named source of its document."""
    data = CorpusInput()
    vector = _same_vectors(1)[0].tobytes()
    for n, (published, name) in enumerate(zip(dates, names, strict=True), start=1):
        doc = _doc(n, published)
        data.documents.append(doc)
        data.sources.append(SourceRecord(doc.sha256, "s1", name, False, "organisation"))
        text = "the leader's absence is explained by ankle surgery"
        data.claims.append(ClaimRecord(doc.sha256, "c1", text, ("s1",), vector=vector))
    return data


@pytest.mark.parametrize(
    ("dates", "names", "clusters"),
    [
        # a newspaper's report, and a spy agency's briefing four weeks later: two stories
        (
            ["2014-09-30", "2014-10-01", "2014-10-28", "2014-10-28"],
            ["the Daily Herald", "the Daily Herald", "the Spy Agency", "the Spy Agency"],
            2,
        ),
        # the same, with the newspaper quoted again a month later: one story
        (
            ["2014-09-30", "2014-10-01", "2014-10-28", "2014-10-28"],
            ["the Daily Herald", "the Daily Herald", "the Daily Herald", "the Spy Agency"],
            1,
        ),
        # the same sources, undated: nothing tells them apart
        ([None, None, None, None], ["the Daily Herald", "the Daily Herald", "A", "A"], 1),
    ],
)
def test_corpus_build_separates_stories(
    dates: list[str | None], names: list[str], clusters: int
) -> None:
    result = corpus.build(_case(dates, names))
    assert len(result.claim_clusters) == clusters


def test_a_restatement_unlike_its_claim_by_meaning_is_not_kept() -> None:
    """The pipeline grouped a background sentence with an article's lede (their vectors are
    orthogonal); the background sentence joins the other outlet's version of it instead, and
    the true restatement (cosine .8) stays with its lede."""
    lede, detail = np.eye(2, 8, dtype=np.float32)
    close = np.array([0.8, 0.6, 0, 0, 0, 0, 0, 0], dtype=np.float32)
    claims = [
        (("d1", "c1"), "residents heard a loud boom", None),
        (("d1", "c2"), "it is unclear whether the rock was buried", "c1"),
        (("d1", "c3"), "locals heard a blast", "c1"),
        (("d2", "c1"), "nobody knows if the rock was buried", None),
    ]
    groups, evidence = clustering.cluster(claims, vectors=np.stack([lede, detail, close, detail]))
    assert sorted(groups) == [[("d1", "c1"), ("d1", "c3")], [("d1", "c2"), ("d2", "c1")]]
    assert evidence[("d1", "c3")] == "restates c1 in the same article"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the first word of a sentence is capitalised anyway; possessives and days name nothing
        ("Fans were upset. The singer told Harbor Radio on Monday.", {"harbor", "radio"}),
        ("It did not feel right, said Ann Lee's agent.", {"ann", "lee"}),
        ("it did not feel right, he said.", set()),
    ],
)
def test_proper_names(text: str, names: set[str]) -> None:
    assert separation.proper_names(text) == names


def _n(*names: str) -> Trace:
    return Trace(None, frozenset(), frozenset(names))


@pytest.mark.parametrize(
    ("a", "b", "kept_apart"),
    [
        # a film's star and a band's singer, each "not feeling right": two stories
        ([_n("bale", "jobs")], [_n("plant", "zeppelin")], True),
        # one name in common: maybe one story, the claims decide
        ([_n("bale", "jobs")], [_n("jobs", "sorkin")], False),
        # a document with no text names nothing: it proves nothing
        ([_n("bale", "jobs")], [_n()], False),
        # a group names what any of its documents names
        ([_n("bale"), _n("jobs")], [_n("jobs", "sorkin")], False),
    ],
)
def test_documents_naming_nothing_in_common_are_different_stories(
    a: list[Trace], b: list[Trace], kept_apart: bool
) -> None:
    assert (separation.apart(a, b) is not None) == kept_apart


def test_clustering_keeps_apart_the_same_words_about_two_stories() -> None:
    texts = [
        "The Harbor Players said the role did not feel right for Tom Vane.",
        "Tom Vane said the part did not feel right, the Harbor Players said.",
        "Lena Crow said the reunion tour did not feel right for Stone Hill.",
    ]
    data = CorpusInput()
    vector = _same_vectors(1)[0].tobytes()
    for n, text in enumerate(texts, start=1):
        data.documents.append(DocRecord(f"{n:064d}", n, f"d{n}", text=text))
        data.claims.append(ClaimRecord(f"{n:064d}", "c1", "it did not feel right", vector=vector))
    clusters = corpus.build(data).claim_clusters
    assert sorted(c.documents for c in clusters) == [1, 2]
