"""Disputes, denials, non-confirmations and certainty on short news passages.

Each case names the source whose claim is examined and who should dispute it or decline to
confirm it. Together with tests/test_sources.py these are the table the issue asks for.
"""

from __future__ import annotations

import pytest

from newsint.models import Analysis, Claim
from newsint.pipeline import analyze_text


def claim_of(analysis: Analysis, name: str) -> Claim:
    ids = {s.id for s in analysis.sources if s.name == name}
    for claim in analysis.claims:
        if ids & set(claim.supported_by) and set(claim.source_ids) & ids:
            return claim
    names = [s.name for s in analysis.sources]
    raise AssertionError(f"no claim supported by {name!r}; sources: {names}")


def names(analysis: Analysis, ids: tuple[str, ...]) -> set[str]:
    by_id = {s.id: s.name for s in analysis.sources}
    return {by_id[i] for i in ids}


# (passage, claimant, disputers, non-confirmers)
STANCES = [
    (
        "Some officials said the army had used chemical weapons near the border. "
        "John Smith, a weapons inspector, said there was no evidence the army had used chemical "
        "weapons.",
        "some officials",
        {"John Smith"},
        set(),
    ),
    (
        "Mary Jones, a senator, said the contract had been awarded to a donor's firm. "
        "The ministry denied that the contract had been awarded to the firm.",
        "Mary Jones",
        {"ministry"},
        set(),
    ),
    (
        "Several residents said the police had fired on protesters in the square. "
        "A police spokesman declined to comment on the shooting of protesters in the square.",
        "several residents",
        set(),
        {"a police spokesman"},
    ),
    (
        "Analysts believe Russia is moving troops toward the border. "
        "The Pentagon would not confirm that Russia is moving troops toward the border.",
        "analysts",
        set(),
        {"Pentagon"},
    ),
    (
        "An intelligence report suggests the group is planning attacks in Europe. "
        "Sara Lee, a terrorism expert at King's College, called the claim that the group is "
        "planning attacks in Europe dubious.",
        None,
        set(),
        set(),
    ),
    (
        "Tom Hale, the CEO of Hale Security, said hackers had stolen millions of voter records. "
        "The election commission said the report that hackers had stolen voter records was false.",
        "Tom Hale",
        {"election commission"},
        set(),
    ),
    (
        "A former aide said the governor had ordered the lane closures as political payback. "
        "The governor's office did not respond to requests for comment about the lane closures.",
        "a former aide",
        set(),
        {"governor's office"},
    ),
    (
        "The company said its new drug cures the disease in most patients. "
        "Dr. Ann Cole, a professor of medicine at Yale University, said the drug's benefits "
        "were hypothetical to date and that the disease trials were too small.",
        "company",
        {"Ann Cole"},
        set(),
    ),
]


@pytest.mark.parametrize(("passage", "claimant", "disputers", "refusers"), STANCES)
def test_stances_attach_to_the_claim_they_scope(
    passage: str, claimant: str | None, disputers: set[str], refusers: set[str]
) -> None:
    analysis = analyze_text(passage)
    if claimant is None:
        assert any(c.kind == "dispute" for c in analysis.cues)
        return
    claim = claim_of(analysis, claimant)
    assert names(analysis, claim.disputed_by) == disputers
    assert names(analysis, claim.not_confirmed_by) == refusers


# (passage, cue kind expected, cue text)
CUES = [
    # the examples issue 15 names, and their kin
    ("The findings cast serious doubt on the report.", "dispute", "cast serious doubt"),
    ("There is no definitive proof that the group was involved.", "dispute", "no definitive proof"),
    ("We are not able to validate reports of the attack.", "non_confirmation", "not able to validate"),
    ("She said the story was a canard.", "dispute", "canard"),
    ("There is absolutely no truth whatsoever to the rumors.", "dispute", "no truth"),
    ("Officials downplayed the intelligence.", "dispute", "downplayed"),
    ("The lawyer said his client had nothing to do with the shooting.", "denial", "nothing to do with"),
    ("He said the U.S. does not know if China was behind it.", "non_confirmation", "does not know if"),
    ("It is too early to say what caused the crash.", "non_confirmation", "too early to say"),
    ("The minister denied the allegations on Tuesday.", "denial", "denied"),
    ("The spokesman declined to comment on the report.", "non_confirmation", "declined to comment"),
    ("The claim could not be independently verified.", "non_confirmation", "could not be independently verified"),
    ("Officials rejected the claim as baseless.", "denial", "rejected"),
    ("The agency said there was no evidence of fraud.", "dispute", "no evidence"),
    ("Experts are skeptical of the findings.", "dispute", "skeptical"),
    ("The embassy would not confirm the arrests.", "non_confirmation", "would not confirm"),
    ("Officials did not respond to requests for comment.", "non_confirmation", "did not respond"),
    ("The rebels may have used the road to resupply.", "hedge", "may"),
    ("The attack was reportedly carried out by two men.", "hedge", "reportedly"),
    ("Police said the fire appears to have been deliberate.", "hedge", "appears"),
    ("The company's statement was false, the regulator said.", "dispute", "false"),
    # saying nothing, or still checking (non_confirmation.not_commenting)
    ("The ministry said it was not going to confirm any names.", "non_confirmation", "not going to confirm"),
    ("Officials said they were looking into the report.", "non_confirmation", "looking into the report"),
    ("There was no immediate comment from the embassy.", "non_confirmation", "no immediate comment"),
    ("There was no word from the governor's office.", "non_confirmation", "no word from"),
    ("The army is not commenting on the strike.", "non_confirmation", "is not commenting"),
    ("The mayor hasn’t commented on the audit.", "non_confirmation", "hasn’t commented"),
    ("The firm has nothing more to say on the matter.", "non_confirmation", "nothing more to say"),
    ("The palace has been mum about the king's health.", "non_confirmation", "mum about"),
    ("Investigators are working to determine what caused the blast.", "non_confirmation", "working to determine"),
    ("The newspaper was not immediately able to verify the video.", "non_confirmation", "not immediately able to verify"),
    ("He wouldn’t confirm the reported price.", "non_confirmation", "wouldn’t confirm"),
    ("The palace hasn't spoken one way or the other about his health.", "non_confirmation",
     "one way or the other"),
    # a conditional reaction is a hedge, not a refusal to confirm (docs/hedging.md)
    ("\"If genuine, we are appalled by the video,\" the spokeswoman said.", "hedge", "If"),
    # the claim misstated (dispute.mischaracterised)
    ("Contrary to published reports, no deal was signed.", "dispute", "Contrary to published reports"),
    ("The senator said his remarks had been mischaracterized.", "dispute", "mischaracterized"),
    ("Diplomats described the rumours as wishful thinking.", "dispute", "as wishful"),
    ("The bank said it is not aware of any wrongdoing by its staff.", "dispute", "not aware of any"),
    # the premise doubted, the claim called a mere rumour
    ("\"We have never heard of such a commander,\" the elder said.", "dispute", "never heard of such"),
    ("The paper now portrays the reported sum as a rumour.", "dispute", "as a rumour"),
    ("Officials described the account as speculation.", "dispute", "as speculation"),
]  # fmt: skip


@pytest.mark.parametrize(("passage", "kind", "cue"), CUES)
def test_cues_are_found(passage: str, kind: str, cue: str) -> None:
    cues = analyze_text(passage).cues
    assert any(c.kind == kind and cue.lower() in c.text.lower() for c in cues), cues


# passages near a cue that say nothing against a claim
NOT_DISPUTES = [
    "She said she had never heard of the band before the festival.",  # no doubted premise
    "The film portrays the singer as a loner.",  # a portrait, not a rumour
]


@pytest.mark.parametrize("passage", NOT_DISPUTES)
def test_near_cues_are_no_dispute(passage: str) -> None:
    assert not [c for c in analyze_text(passage).cues if c.kind == "dispute"]


# (hedged passage, plain passage): the hedged one has lower certainty
CERTAINTY = [
    (
        "Officials said the bridge may collapse within a year.",
        "Officials said the bridge will collapse within a year.",
    ),
    (
        "The mayor said the budget would possibly be cut by ten percent.",
        "The mayor said the budget was cut by ten percent.",
    ),
    (
        "Some analysts believe the bank will raise rates.",
        "The bank raised its main rate on Tuesday, its governor said.",
    ),
]


@pytest.mark.parametrize(("hedged", "plain"), CERTAINTY)
def test_hedged_claims_are_less_certain(hedged: str, plain: str) -> None:
    def certainty(text: str) -> float:
        return min(c.certainty for c in analyze_text(text).claims)

    assert certainty(hedged) < certainty(plain)


def test_grade_of_a_claim_on_two_named_records_is_better_than_one_anonymous() -> None:
    on_record = analyze_text(
        "Defense Secretary Jim Mattis said the base would close in 2019. "
        "Army Gen. Mark Milley, the chief of staff, also said the base would close in 2019."
    )
    anonymous = analyze_text("An official who asked not to be named said the base would close.")
    best = min((c.grade.reliability, c.grade.credibility) for c in on_record.claims if c.grade)
    worst = min((c.grade.reliability, c.grade.credibility) for c in anonymous.claims if c.grade)
    assert best < worst


def _sourcing(passage: str) -> str:
    summary = analyze_text(passage).summary
    assert summary is not None
    return summary.sourcing


def test_a_refusal_to_comment_is_never_the_central_claim() -> None:
    sourcing = _sourcing(
        "Acme Corp. and Bolt Inc. will merge next year, creating the largest toy maker in the "
        "country. Both companies declined to comment on the merger."
    )
    assert sourcing.startswith("The central claim — “Acme Corp. and Bolt Inc. will merge")
    assert "Both companies decline to confirm it." in sourcing  # a group: a plural verb


def test_the_summary_names_each_hedge_once_and_calls_named_sources_named() -> None:
    sourcing = _sourcing(
        "If the talks fail, the plant may close, Mayor Ann Lee said. If the union agrees, it may "
        "stay open, Lee said, and council member Tom Rye said the plant may close."
    )
    assert "named Ann Lee" in sourcing and "on the record" not in sourcing
    hedges = sourcing.split("It is hedged (")[1].split(")")[0] if "hedged" in sourcing else ""
    assert len(hedges.split(", ")) == len(set(hedges.split(", ")))


def test_the_outlets_hedged_assertion_is_possible_not_unjudgeable() -> None:
    """6 is kept for "cannot be judged" (an unresolved speaker); the outlet's own claim, hedged
    or not, is F3: no source, nothing against it."""
    claims = analyze_text("The plant may close next year, leaving 400 workers without jobs.").claims
    central = next(c for c in claims if c.central)
    assert central.grade is not None
    assert (central.grade.reliability, central.grade.credibility) == ("F", 3)


def test_a_quoted_dispute_by_a_named_expert_makes_the_claim_doubtful() -> None:
    """A named expert's dispute, quoted, makes the claim doubtful (4)."""
    analysis = analyze_text(
        "The bridge was closed because of cracks, engineer Ann Lee said on Monday. "
        "Tom Rye, a bridge expert at MIT, said there was no evidence that the bridge had cracks."
    )
    central = next(c for c in analysis.claims if c.central)
    assert central.grade is not None and central.grade.credibility >= 4
    assert any("no evidence" in r.text for r in central.grade.reasons)


def test_two_officials_of_one_agency_are_not_independent_confirmation() -> None:
    """Credibility 1 needs confirmation by independent sources; one agency speaking twice is
    one body (guide 5)."""
    analysis = analyze_text(
        "The bridge will close in May, said Ann Lee, a spokeswoman for the Transport Department. "
        "Tom Rye, a deputy director of the Transport Department, also said the bridge will close "
        "in May."
    )
    central = next(c for c in analysis.claims if c.central)
    assert central.grade is not None and central.grade.credibility == 2
