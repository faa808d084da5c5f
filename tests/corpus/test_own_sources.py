"""The sources a claim rests on in each document (issue 16): the claim's subject is not its
source, and an original report carried by several outlets is amplification, not a source."""

from __future__ import annotations

import pytest

from newsint.corpus import corroboration, own_sources
from newsint.corpus.records import ClaimRecord, DocRecord, SourceRecord


@pytest.mark.parametrize(
    ("name", "text", "subject"),
    [
        # the story's subject written into the lede and taken for its source
        ("Red Fox", "“Red Fox”, the masked smuggler, has been named as Tom Bell", True),
        ("the boy in the cereal advert", "The boy in the cereal advert is now a surgeon", True),
        ("Harbor Authority", "The world knows the Harbor Authority as slow to act", True),
        # the speaker, named with a reporting verb
        ("Tom Bell", "Tom Bell said the boats were his", False),
        ("the Gazette", "the Gazette reported on Monday that the port will close", False),
        ("Kent", "Kent, 58, told reporters the port will close", False),
        # not in the text, or only inside another word
        ("Bob Kent", "the port will close next week", False),
        ("Kent", "the port of Kenton will close", False),
        ("Al", "Al", False),  # too short to tell
    ],
)
def test_a_source_named_in_the_claim_without_a_reporting_verb_is_its_subject(
    name: str, text: str, subject: bool
) -> None:
    assert own_sources.is_subject(name, text) is subject


D = [f"{n:064d}" for n in range(4)]


def test_the_subject_is_taken_out_of_the_claim_s_sources() -> None:
    sources = {
        (D[1], "s1"): SourceRecord(D[1], "s1", "Red Fox", False, "other"),
        (D[1], "s2"): SourceRecord(D[1], "s2", "Ann Lee", False, "official"),
    }
    claim = ClaimRecord(D[1], "c1", "“Red Fox” is Tom Bell", ("s1", "s2"), ("s1",))
    (kept,) = own_sources.own_sources([claim], sources)
    assert kept.source_ids == ("s2",) and kept.supported_by == ()


def test_an_original_report_carried_by_outlets_is_amplification_not_a_source() -> None:
    """The Gazette's own report quotes Ann Lee; two versions credit the Gazette: Ann Lee is the
    one source, amplified three times, and the Gazette's report is carried by three outlets."""
    claims = {(d, "c1"): ClaimRecord(d, "c1", "X", ("s1",)) for d in D[1:]}
    gazette, lee = "src:gazette", "src:ann-lee"
    cluster = corroboration.corroborate(
        list(claims),
        claims=claims,
        documents={d: DocRecord(d, n, f"d{n}") for n, d in enumerate(D)},
        identity_of={(D[1], "s1"): lee, (D[2], "s1"): gazette, (D[3], "s1"): gazette},
        method="test",
        outlets={D[1]: gazette},
    )
    assert cluster.sources == [lee] and cluster.independent_sources == 1
    assert cluster.amplification == {gazette: 3, lee: 3}
