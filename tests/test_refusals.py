"""Refusals to comment with no verb of answering, and a report's participle under a verb of
reacting (issues #14, #15; judgement guide 1.7 and 4). Passages written for these tests."""

from __future__ import annotations

import pytest

from newsint.pipeline import analyze_text
from newsint.report.json import to_dict

LEDE = "The port authority will close two terminals next year, three officials said. "

# (refusal sentence, the refusing party's name as newsint gives it)
REFUSALS = [
    ("The shipping union had no comment.", "shipping union"),
    ("No comment was immediately available from the harbour board.", "harbour board"),
    ("The mayor of the city could not be reached for comment.", "mayor"),
    ("The port operator did not respond to a request for comment.", "port operator"),
]


def _report(text: str) -> dict:
    return to_dict(analyze_text(text))


def _names(report: dict, ids: list[str]) -> list[str]:
    by_id = {s["id"]: s["name"] for s in report["sources"]}
    return [by_id[i].lower() for i in ids]


@pytest.mark.parametrize(("sentence", "party"), REFUSALS)
def test_refusal_is_a_non_confirmation(sentence: str, party: str) -> None:
    report = _report(LEDE + sentence)
    central = next(c for c in report["claims"] if c["central"])
    assert any(party in name for name in _names(report, central["not_confirmed_by"]))
    # the refusal is a statement, not a claim of the outlet's own
    assert not any(c["text"].startswith(sentence[:20]) for c in report["claims"])


@pytest.mark.parametrize(
    "sentence",
    [
        "Comment on the plan was not possible.",  # nobody is named as refusing
        # an absence, not a refusal (the editor's reading on the own pages set)
        "The harbour master was not immediately available for comment.",
        "The union had no plan for the closure.",  # "no" without a comment
        # an absence, not a refusal (the editor's reading on the own pages set)
        "There was no immediate comment from the transport ministry.",
    ],
)
def test_no_refusal_without_a_party(sentence: str) -> None:
    report = _report(LEDE + sentence)
    central = next(c for c in report["claims"] if c["central"])
    assert central["not_confirmed_by"] == []


def test_reacted_report_speaks_for_itself() -> None:
    text = (
        "The striker has rejected a Daily Sun report saying he failed a drug test. "
        "The striker said he had never been tested this season."
    )
    report = _report(text)
    atts = report["attributions"]
    saying = next(a for a in atts if text[slice(*a["cue"][0])] == "saying")
    source = " ".join(text[s:e] for s, e in saying["source"])
    assert "report" in source.lower()
    assert "striker" not in source.lower()


def test_issued_statement_still_speaks_for_its_maker() -> None:
    text = "The club issued a statement saying the striker had never failed a test."
    report = _report(text)
    att = next(
        a for a in report["attributions"] if "never failed" in text[slice(*a["content"][-1])]
    )
    assert "club" in " ".join(text[s:e] for s, e in att["source"]).lower()


def test_denial_of_a_report_is_the_deniers_claim() -> None:
    """Guide 4: "X denied a report that Y" - the central claim is the denial, credited to X;
    the report disputes it, and X disputes the report's claim."""
    text = (
        "Coach Dan Miller has disputed a Metro Times report saying he was fired by the club "
        "last week. Miller said he had resigned."
    )
    report = _report(text)
    central = next(c for c in report["claims"] if c["central"])
    assert any("miller" in n for n in _names(report, central["supported_by"]))
    assert any("report" in n for n in _names(report, central["disputed_by"]))
    assert not any("report" in n for n in _names(report, central["supported_by"]))
