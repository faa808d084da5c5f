"""One source named differently by different outlets (issue 16): a source's report, acronyms,
an outlet's short name, spelling variants, and nameless descriptions of the one outlet or
organisation an article credits."""

from __future__ import annotations

import pytest

from newsint.corpus import identity
from newsint.corpus.records import DocRecord, SourceRecord

# (document, name, kind, anonymous, role)
Row = tuple[int, str, str, bool, str | None]


def _identities(rows: list[Row], text: str = "") -> dict[tuple[int, str], str]:
    """Each (document, name)'s identity after resolution; ``text``: the first document's."""
    docs = [
        DocRecord(sha256=f"{n:064d}", seq=n, name=f"d{n}", text=text if n == 1 else "")
        for n in range(1, 6)
    ]
    sources = [
        SourceRecord(f"{d:064d}", f"s{i}", name, anon, kind, role)
        for i, (d, name, kind, anon, role) in enumerate(rows)
    ]
    _, links = identity.resolve_sources(sources, docs)
    by_key = {(s.doc, s.id): (int(s.doc), s.name) for s in sources}
    return {by_key[(link.doc, link.source_id)]: link.identity for link in links}


CASES: list[tuple[str, list[Row], dict[tuple[int, str], str]]] = [
    (
        "a source's report is that source",
        [
            (1, "the Harbor Gazette", "media", False, None),
            (2, "a Harbor Gazette report", "document", False, None),
        ],
        {(2, "a Harbor Gazette report"): "src:harbor-gazette"},
    ),
    (
        "an acronym in capitals is the one organisation with those initials",
        [
            (1, "Federal Mining Authority", "organisation", False, None),
            (2, "FMA", "organisation", False, None),
        ],
        {(2, "FMA"): "src:federal-mining-authority"},
    ),
    (
        "the report of an acronym",
        [
            (1, "Federal Mining Authority", "organisation", False, None),
            (2, "the FMA's report", "document", False, None),
        ],
        {(2, "the FMA's report"): "src:federal-mining-authority"},
    ),
    (
        "two organisations with the initials: not merged",
        [
            (1, "Federal Mining Authority", "organisation", False, None),
            (3, "Forest Management Agency", "organisation", False, None),
            (2, "FMA", "organisation", False, None),
        ],
        {(2, "FMA"): "src:fma"},
    ),
    (
        "an acronym not written in capitals is a word",
        [
            (1, "Federal Mining Authority", "organisation", False, None),
            (2, "Fma", "organisation", False, None),
        ],
        {(2, "Fma"): "src:fma"},
    ),
    (
        "an outlet's short name across outlets",
        [(1, "the Harbor Gazette", "media", False, None), (2, "the Gazette", "media", False, None)],
        {(2, "the Gazette"): "src:harbor-gazette"},
    ),
    (
        "two outlets ending so: not merged",
        [
            (1, "the Harbor Gazette", "media", False, None),
            (3, "the Valley Gazette", "media", False, None),
            (2, "the Gazette", "media", False, None),
        ],
        {(2, "the Gazette"): "src:gazette"},
    ),
    (
        "a spelling variant of a person's name in another outlet",
        [
            (1, "Wilhelmina Oberdorf", "expert", False, None),
            (2, "Wilhelmina Oberdorf", "expert", False, None),
            (3, "Wilhelmine Oberdorff", "official", False, None),
        ],
        {(3, "Wilhelmine Oberdorff"): "src:wilhelmina-oberdorf"},
    ),
    (
        "two people, one letter of the first name apart: not merged",
        [(1, "John Carver", "official", False, None), (2, "Joan Carver", "official", False, None)],
        {(2, "Joan Carver"): "src:joan-carver"},
    ),
    (
        "two spellings in one article are two people",
        [
            (1, "Marten Oberdorf", "official", False, None),
            (1, "Martin Oberdorff", "official", False, None),
        ],
        {
            (1, "Martin Oberdorff"): "src:martin-oberdorff",
            (1, "Marten Oberdorf"): "src:marten-oberdorf",
        },
    ),
    (
        "organisations are not spelling variants",
        [
            (1, "Austria's government", "organisation", False, None),
            (2, "Australia's government", "organisation", False, None),
        ],
        {(2, "Australia's government"): "src:australia-government"},
    ),
    (
        "a nameless description of the article's one newspaper",
        [
            (1, "a coastal newspaper", "media", True, "newspaper"),
            (1, "Harbor Gazette", "media", False, "largest newspaper"),
        ],
        {(1, "a coastal newspaper"): "src:harbor-gazette"},
    ),
    (
        "a report, in an article crediting one outlet",
        [(1, "a report", "document", False, None), (1, "Harbor Gazette", "media", False, None)],
        {(1, "a report"): "src:harbor-gazette"},
    ),
    (
        "a report, in an article crediting two outlets: not merged",
        [
            (1, "a report", "document", False, None),
            (1, "Harbor Gazette", "media", False, None),
            (1, "Valley Courier", "media", False, None),
        ],
        {(1, "a report"): "src:report"},
    ),
    (
        "a described document is not a report of the article's outlet",
        [
            (1, "figures given to the ministry", "document", True, None),
            (1, "Harbor Gazette", "media", False, None),
        ],
        {(1, "figures given to the ministry"): "anon:000000000000:s0"},
    ),
    (
        "an anonymous person is never another article's named person",
        [
            (1, "a port official", "official", True, "official"),
            (1, "Ann Lee", "official", False, "official"),
        ],
        {(1, "a port official"): "anon:000000000000:s0"},
    ),
    (
        "a place's adjective",
        [
            (1, "Ruritania's government", "organisation", False, None),
            (2, "Ruritanian government", "organisation", False, None),
        ],
        {(2, "Ruritanian government"): "src:ruritania-government"},
    ),
    (
        "another word differs too: not merged",
        [
            (1, "Ruritania's government", "organisation", False, None),
            (2, "Ruritanian army", "organisation", False, None),
        ],
        {(2, "Ruritanian army"): "src:ruritanian-army"},
    ),
    (
        "no organisation of the place's name in the corpus: nothing to join",
        [(2, "Ruritanian government", "organisation", False, None)],
        {(2, "Ruritanian government"): "src:ruritanian-government"},
    ),
]


@pytest.mark.parametrize(("rows", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_one_source_across_outlets(rows: list[Row], expected: dict[tuple[int, str], str]) -> None:
    found = _identities(rows)
    assert {k: found[k] for k in expected} == expected


APPOSED = [
    (1, "Federal Mining Authority", "organisation", False, None),
    (2, "Ruritania's mining agency", "organisation", False, None),
]


@pytest.mark.parametrize(
    ("text", "identity"),
    [
        # the corpus describes the authority so, in apposition
        (
            "the Federal Mining Authority, Ruritania's chief mining agency, said",
            "src:federal-mining-authority",
        ),
        # another place, or another head noun: not merged
        (
            "the Federal Mining Authority, Freedonia's chief mining agency, said",
            "src:ruritania-mining-agency",
        ),
        (
            "the Federal Mining Authority, Ruritania's mining regulator, said",
            "src:ruritania-mining-agency",
        ),
        # not in apposition
        (
            "the Federal Mining Authority met Ruritania's mining agency",
            "src:ruritania-mining-agency",
        ),
    ],
)
def test_a_description_is_the_organisation_a_text_describes_so(text: str, identity: str) -> None:
    assert _identities(APPOSED, text)[(2, "Ruritania's mining agency")] == identity


def test_a_capitalised_name_is_not_a_description() -> None:
    rows: list[Row] = [
        (1, "Federal Mining Authority", "organisation", False, None),
        (2, "Ruritania's Mining Agency", "organisation", False, None),
    ]
    text = "the Federal Mining Authority, Ruritania's mining agency, said"
    assert (
        _identities(rows, text)[(2, "Ruritania's Mining Agency")] == "src:ruritania-mining-agency"
    )
