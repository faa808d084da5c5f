"""Claims an editor corrected on unseen reports (issue 15, the lead's read of 2026-12-07, late
evening). Invented passages, none from the dev sets; each fails without its rule."""

from __future__ import annotations

from newsint.pipeline import analyze_text

DENIALS = (
    "A former club player claims the striker Tom Vale has been banned for a month for doping.\n\n"
    '"I have heard that he is serving a ban," Dan Moss said on a radio show.\n\n'
    "The striker's agent, Mark Hale, released a statement, saying: \"These claims are "
    'completely false. They are unsourced and ridiculous."\n\n'
    'League spokesman Joe Bell said: "There is no truth whatsoever to his claims and the league '
    'categorically denies them."'
)


def test_two_denials_of_one_story_do_not_dispute_each_other() -> None:
    """ "These claims are completely false" in the agent's own words is a denial of the story,
    not a claim the league's denial disputes, and never one its own speaker disputes (guide 4:
    two speakers who deny the same allegation support each other)."""
    analysis = analyze_text(DENIALS)
    names = {s.id: s.name for s in analysis.sources}
    for claim in analysis.claims:
        if "completely false" in claim.text:
            assert not claim.disputed_by, [names[s] for s in claim.disputed_by]


def test_a_reportedly_lede_rests_on_the_report_named_next() -> None:
    """ "X reportedly has been named" and then "The Daily Courier first reported ... that ...": the
    lede's claim rests on the Courier's report, not on the outlet alone."""
    analysis = analyze_text(
        "The new coach of the national team reportedly has been chosen after a month of talks.\n\n"
        "The Daily Courier first reported on Thursday, citing two board members, that the "
        "coach is Anna Berg, a former captain of the team.\n\n"
        "The federation did not comment on the report."
    )
    names = {s.id: s.name for s in analysis.sources}
    central = next(c for c in analysis.claims if c.central)
    assert central.text.startswith("The new coach of the national team reportedly")
    assert [names[s] for s in central.source_ids] == ["the Daily Courier"]
    assert sum(c.text == central.text for c in analysis.claims) == 1


def test_the_reports_a_negated_lede_denies_do_not_back_it() -> None:
    """ "X does not have the virus, the agency has confirmed" and then "several reports said X had
    caught it": the reports assert what the lede denies; they never back it."""
    analysis = analyze_text(
        "The rebel fighters in the northern province do not have the virus, the National Health "
        "Agency has confirmed.\n\n"
        "Last week several local reports said that the rebel fighters in the province had caught "
        "the virus.\n\n"
        "The agency said it had tested forty fighters in the province."
    )
    names = {s.id: s.name for s in analysis.sources}
    central = next(c for c in analysis.claims if c.central)
    backers = {names[s] for s in central.source_ids + central.supported_by}
    assert not any("reports" in name for name in backers), backers
