"""Claims an editor corrected on unseen reports (issue 15, the lead's read of 2026-12-07, late
evening). Invented passages, none from the dev sets; each fails without its rule."""

from __future__ import annotations

from newsint.pipeline import analyze_text

DENIALS = (
    "A former club player claims the striker Tom Vale has been banned for a month for doping.\n\n"
    '"I have heard that he is serving a ban," Dan Moss said on a radio show.\n\n'
    'The striker\'s agent, Mark Hale, released a statement, saying: "These claims are '
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
