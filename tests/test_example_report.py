"""End to end on the bundled example: the report a standards editor needs, checked by content."""

from __future__ import annotations

import pytest

from newsint.models import Analysis, Source

BOILERPLATE = [
    "<img height",
    "About Our People Legal Stuff Careers",
    "These countries have walls on their borders",
    "More countries with border walls",
    "View the slideshow",
    "Can you tell the real news from the fake news?",
    "Take the quiz!",
    "How much do you know about these former US presidents?",
    "Because we could all use a break",
    "Related Stories:",
    "ISIS proves it doesn't need territory to be deadly",
    "Read Comments",
    "Facebook Twitter Instagram",
]


def source(analysis: Analysis, name: str) -> Source:
    found = [s for s in analysis.sources if name.lower() in s.name.lower()]
    assert found, f"no source named {name!r} in {[s.name for s in analysis.sources]}"
    return found[0]


def said_by(analysis: Analysis, text: str) -> str:
    """The name of the source of the attribution whose content contains ``text``."""
    body = analysis.article.text
    by_id = {s.id: s.name for s in analysis.sources}
    for a in analysis.attributions:
        content = " ".join(body[s:e] for s, e in a.content)
        if text in content:
            return by_id.get(a.source_id or "", "")
    raise AssertionError(f"no attribution carries {text!r}")


@pytest.mark.parametrize("line", BOILERPLATE)
def test_no_boilerplate_is_left(example_analysis: Analysis, line: str) -> None:
    assert line not in example_analysis.article.text


def test_body_paragraphs_are_kept(example_analysis: Analysis) -> None:
    text = example_analysis.article.text
    assert text.startswith("As the United States continues its battle")
    assert text.rstrip().endswith("they want the Iranians out.”")
    assert len(text.split("\n")) == 21
    assert example_analysis.article.title.startswith("Iran is utilizing ISIS fighters")
    assert {r.reason for r in example_analysis.article.removed}


@pytest.mark.parametrize(
    ("name", "role", "affiliation", "kind"),
    [
        ("Bob Kent", "CEO", "Knowledge Information Services", "interested_party"),
        ("Michael O'Hanlon", "foreign policy expert", "Brookings Institution", "expert"),
        ("Earl Brown", "Army Maj.", "CENTCOM", "official"),
    ],
)
def test_named_sources(
    example_analysis: Analysis, name: str, role: str, affiliation: str, kind: str
) -> None:
    s = source(example_analysis, name)
    assert (s.name, s.anonymous, s.role, s.affiliation, s.kind) == (
        name,
        False,
        role,
        affiliation,
        kind,
    )


def test_kent_former_role_and_second_hand_information(example_report: dict) -> None:
    kent = next(s for s in example_report["sources"] if s["name"] == "Bob Kent")
    text = example_report["text"]
    mentions = " ".join(text[s : e + 60] for s, e in kent["mentions"])
    assert "former Air Force intelligence officer" in mentions
    assert kent["relays_others"] is True
    assert "1,200 contacts" in text[kent["relay_span"][0] : kent["relay_span"][1]]


@pytest.mark.parametrize(
    ("name", "reason", "kind"),
    [
        ("some analysts", None, "analyst"),
        ("some U.S. officials", None, "official"),
        ("one U.S. official", "spoke on background", "official"),
        ("State Department official", "on condition that they not be named", "official"),
        ("information made available to U.S. intelligence", None, "document"),
    ],
)
def test_anonymous_sources(
    example_analysis: Analysis, name: str, reason: str | None, kind: str
) -> None:
    s = source(example_analysis, name)
    assert s.anonymous
    assert s.kind == kind
    if reason is None:
        assert s.anonymity_reason is None
    else:
        assert reason in (s.anonymity_reason or "")


@pytest.mark.parametrize(
    ("quote", "speaker"),
    [
        ("Iran has turned its attention to captured ISIS fighters", "some analysts"),
        ("It is a complex covert operation", "some U.S. officials"),
        ("Iran’s use of proxy groups", "one U.S. official"),
        ("there’s concern that despite efforts", "one U.S. official"),
        ("Iranian regime is covertly utilizing", "information made available to U.S. intelligence"),
        ("his company has received information", "Bob Kent"),
        ("What we're seeing now", "Bob Kent"),
        ("We passed that along", "Bob Kent"),
        ("We don't provide confirmation", "a State Department official"),
        ("this danger is worth worrying about", "Michael O'Hanlon"),
        ("Iran does have influence", "Michael O'Hanlon"),
        ("jumps to worst-case analysis", "Michael O'Hanlon"),  # after the quiz promo
        ("I am dubious to date", "Michael O'Hanlon"),
        ("We are concerned about Iranian malign influence", "Earl Brown"),
        ("Iraq will be lost within a year", "Bob Kent"),
    ],
)
def test_who_said_what(example_analysis: Analysis, quote: str, speaker: str) -> None:
    assert said_by(example_analysis, quote) == speaker


def test_central_claim_and_its_judgement(example_analysis: Analysis) -> None:
    central = [c for c in example_analysis.claims if c.central and not c.same_as]
    assert len(central) == 1
    claim = central[0]
    names = {s.id: s.name for s in example_analysis.sources}
    supporters = {names[s] for s in claim.supported_by}
    assert {"some analysts", "Bob Kent", "information made available to U.S. intelligence"} <= (
        supporters
    )
    assert [names[s] for s in claim.disputed_by] == ["Michael O'Hanlon"]
    assert {names[s] for s in claim.not_confirmed_by} == {
        "a State Department official",
        "Earl Brown",
    }
    grade = claim.grade
    assert grade is not None
    assert grade.reliability in "CDEF" and grade.credibility >= 3
    reasons = " ".join(r.text for r in grade.reasons)
    for evidence in ("anonymous", "interested party", "hypothetical to date", "confirm"):
        assert evidence in reasons


def test_summary_reads_like_an_editor(example_analysis: Analysis) -> None:
    summary = example_analysis.summary
    assert summary is not None
    text = summary.sourcing
    for needle in ("some analysts", "anonymous", "Bob Kent", "interested party", "O'Hanlon",
                   "disputed", "decline to confirm", "1,200 contacts"):  # fmt: skip
        assert needle in text, needle


def test_every_grade_has_a_reason_with_a_span(example_analysis: Analysis) -> None:
    n = len(example_analysis.article.text)
    for claim in example_analysis.claims:
        assert claim.grade and claim.grade.reasons
        assert any(r.spans for r in claim.grade.reasons)
        for reason in claim.grade.reasons:
            assert all(0 <= s < e <= n for s, e in reason.spans)


def test_events_name_the_system(example_analysis: Analysis) -> None:
    pairs = {(e.actor.name, e.target.name if e.target else None) for e in example_analysis.events}
    assert ("Iraqi parliament", "the prime minister") in pairs or any(
        a == "Iraqi parliament" for a, _ in pairs
    )
    assert any(a == "Iran" and t == "ISIS" for a, t in pairs)
