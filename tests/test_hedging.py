"""Certainty cues: hedges, disputes, denials, non-confirmations, and claim certainty."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsint.models import Cue
from newsint.nlp import load_pipeline
from newsint.nlp.hedging import (
    RULES,
    certainty,
    find_cues,
    hedge_cues_in_text,
    hedge_spans,
    load_model,
)
from newsint.nlp.stance import load_lexicon

EXAMPLE = Path(__file__).resolve().parents[2] / "shared/examples/circa-iran-isis.txt"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def cues_of(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(c.kind, c.text) for c in find_cues(nlp(text))]


# (text, cues that must be found as (kind, text), words that must not be a cue on their own)
CASES: list[tuple[str, list[tuple[str, str]], list[str]]] = [
    # hedges
    ("The minister may resign next week.", [("hedge", "may")], []),
    ("Officials said the fire might have been set deliberately.", [("hedge", "might")], []),
    ("The data suggests that turnout fell.", [("hedge", "suggests")], []),
    ("Investigators believe the bomb was planted overnight.", [("hedge", "believe")], []),
    ("The suspect reportedly fled to Spain.", [("hedge", "reportedly")], []),
    ("The company allegedly paid bribes to officials.", [("hedge", "allegedly")], []),
    ("The vote is likely to be delayed.", [("hedge", "likely")], []),
    ("Prices will rise if the tariff is imposed.", [("hedge", "if")], []),
    ("Police are investigating whether the driver was drunk.", [("hedge", "whether")], []),
    ("The toxin possibly came from a leak.", [("hedge", "possibly")], []),
    ("To my knowledge, no troops have moved.", [("hedge", "To my knowledge")], []),
    ("It is not clear who fired first.", [("hedge", "not clear")], []),
    # news weasels: hedges for the analyst, not in the benchmark scheme
    ("Some analysts say the deal will collapse.", [("hedge", "Some analysts")], []),
    ("Sources say the talks have stalled.", [("hedge", "Sources say")], []),
    # disputes
    ("There is no evidence that the vote was rigged.", [("dispute", "no evidence")], []),
    ("Experts are skeptical about the numbers.", [("dispute", "skeptical")], []),
    ("He called the allegations baseless.", [("dispute", "baseless")], []),
    ("The ministry said the report was false.", [("dispute", "false")], []),
    ("Historians have disputed the claim for decades.", [("dispute", "disputed the claim")], []),
    # denials
    ("The embassy denied any involvement.", [("denial", "denied")], []),
    ("The government rejected the claim outright.", [("denial", "rejected the claim")], []),
    # a particle between the verb and the claim (denial.verbs)
    (
        "The regulator batted away allegations of fraud.",
        [("denial", "batted away allegations")],
        [],
    ),
    ("The mayor brushed aside the rumours.", [("denial", "brushed aside the rumours")], []),
    ("The club waved off the accusations.", [("denial", "waved off the accusations")], []),
    ("The ministry rebuffed the claims.", [("denial", "rebuffed the claims")], []),
    ("The coach waved away the photographers.", [], ["waved away"]),
    # a verb that names the claim false (dispute.falsity)
    ("Her agent confirmed the hoax.", [("dispute", "confirmed the hoax")], []),
    ("Police called it an elaborate hoax.", [("dispute", "called it an elaborate hoax")], []),
    ("The mayor confirmed the fire.", [], ["confirmed the fire"]),
    # non-confirmations
    ("A spokesman declined to comment.", [("non_confirmation", "declined to comment")], []),
    (
        "The Pentagon did not respond to requests for comment.",
        [("non_confirmation", "did not respond")],
        [],
    ),
    (
        "The video could not be independently verified.",
        [("non_confirmation", "could not be independently verified")],
        ["could"],
    ),
    ("The agency would not confirm the figure.", [("non_confirmation", "would not confirm")], []),
    ("She refused to comment on the report.", [("non_confirmation", "refused to comment on")], []),
    ("Asked about the strike, he said: no comment.", [("non_confirmation", "no comment")], []),
    (
        "The mayor could not be reached for comment.",
        [("non_confirmation", "could not be reached for comment")],
        ["could"],
    ),
    # disputes that discredit without calling the claim false (dispute.discredit)
    ("The analyst said the rumour was a bust.", [("dispute", "was a bust")], []),
    (
        "Diplomats are taking the report with a grain of salt.",
        [("dispute", "with a grain of salt")],
        [],
    ),
    ("She said the website is not credible.", [("dispute", "is not credible")], []),
    ("He said the agency may be lying.", [("dispute", "be lying")], []),
    ("The fact-checkers rated it Pants on Fire.", [("dispute", "Pants on Fire")], []),
    ("The network said there was no such panel.", [("dispute", "no such panel")], []),
    (
        "She set out to debunk the magazine's story.",
        [("denial", "debunk the magazine's story")],
        [],
    ),
    ("Officials said rumours of a coup were “rubbish.”", [("dispute", "rubbish")], []),
    ("There were no indications that he was ill.", [("dispute", "no indications that")], []),
    # doubt or falsity in other words (dispute.paraphrase)
    ("The vet said it was impossible for a cat to do that.", [("dispute", "impossible for")], []),
    (
        "None of the sightings were genuine.",
        [("dispute", "None of the sightings were genuine")],
        [],
    ),
    ("The club said the photos were doctored.", [("dispute", "photos were doctored")], []),
    ("He said the story was hard to believe.", [("dispute", "hard to believe")], []),
    ("Her account does not hold up.", [("dispute", "does not hold up")], []),
    ("There is nothing to indicate a leak.", [("dispute", "nothing to indicate")], []),
    # silence and checking are non-confirmations
    (
        "The agency is working as quickly as possible to determine its authenticity.",
        [("non_confirmation", "working as quickly as possible to determine")],
        [],
    ),
    (
        "State television did not mention the report.",
        [("non_confirmation", "did not mention the report")],
        [],
    ),
    (
        "“We’re not aware of such flights,” he said.",
        [("non_confirmation", "’re not aware of such")],
        [],
    ),
    # negatives: nothing may fire
    ("Police made a drug bust on Friday.", [], ["bust"]),
    ("The storm showed no sign of stopping.", [], ["no sign of"]),
    ("Volunteers cleared the rubbish from the beach.", [], ["rubbish"]),
    ("The guards denied him access to the prison.", [], ["denied"]),
    ("Any attempt to deny the villagers their right to vote will fail.", [], ["deny"]),
    ("The judge denied bail.", [], ["denied"]),
    ("Every effort by the rebels to deny the farmers of their land has failed.", [], ["deny"]),
    ("The firm denied a series of charges.", [("denial", "denied")], []),
    ("“I hope this isn't true,” his sister wrote.", [], ["isn't true"]),
    ("The law took effect in May 2017.", [], ["May"]),
    ("The court heard the claim on Monday.", [], ["claim"]),
    ("Kirkuk is one of the disputed oil cities.", [], ["disputed"]),
    ("Parliament rejected the budget bill.", [], ["rejected"]),
    ("The convoy could not be reached by road.", [], ["could"]),
    ("He wore false teeth.", [], ["false"]),
    ("The plan was impossible to ignore.", [], []),
    ("The wrong man was arrested.", [], ["wrong"]),
    ("The play was staged in 1999.", [], []),
    ("The senator spoke as if nothing had happened.", [], ["if"]),
    # a denial or dispute said not to be made is none (stance.negated)
    ("The ministry did not deny the report.", [], []),
    ("He has never denied the allegations.", [], []),
    ("Nobody disputes the account.", [], []),
    ("No one denies that the dam burst.", [], []),
    ("She refused to dismiss the claims.", [], []),
    ("There was no denial from the palace.", [], []),
    ("The club has not disputed the claim.", [], []),
    ("He not only denied the report but called it a smear.", [("denial", "denied")], []),
    ("The team said there is no reliable proof.", [("dispute", "no reliable proof")], []),
    # a dispute of a denial takes the claim's side: no dispute cue (stance.doubled)
    ("The minister dismissed the army's denials as lies.", [], []),
    ("He rejected the Kremlin's denial.", [], []),
    ("Police scoffed at the denials.", [], []),
    ("The denials were false, the minister said.", [], []),
    ("The ministry issued a denial.", [("denial", "denial")], []),
    # a refusal to be named is a reason for anonymity, not a refusal to confirm (stance.anonymity)
    ("An officer, who declined to be named, said so.", [], []),
    ("A guard who refused to be identified said so.", [], []),
    ("The driver, who declined to give his name, said so.", [], []),
    ("The man declined to identify himself.", [], []),
    (
        "The police declined to name the suspects.",
        [("non_confirmation", "declined to name the")],
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected", "absent"), CASES)
def test_cue_table(nlp: Language, text: str, expected: list, absent: list[str]) -> None:
    found = cues_of(nlp, text)
    for kind, cue_text in expected:
        assert (kind, cue_text) in found, found
    for word in absent:
        assert all(t != word for _, t in found), found
    if not expected:
        assert found == []


def test_cue_offsets_point_into_the_text(nlp: Language) -> None:
    text = "Some analysts believe Iran may be hiding fighters, but he denied it."
    for cue in find_cues(nlp(text)):
        assert text[cue.span[0] : cue.span[1]] == cue.text
        assert cue.rule


def test_cues_are_in_text_order_and_do_not_overlap(nlp: Language) -> None:
    cues = find_cues(nlp("It could not be independently verified whether the strike may recur."))
    spans = [c.span for c in cues]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))


@pytest.fixture(scope="module")
def example_cues(nlp: Language) -> list[Cue]:
    return find_cues(nlp(EXAMPLE.read_text(encoding="utf-8")))


@pytest.mark.skipif(not EXAMPLE.exists(), reason="shared example not available")
@pytest.mark.parametrize(
    ("kind", "needle"),
    [
        ("hedge", "believe"),  # some analysts believe
        ("hedge", "some analysts"),
        ("hedge", "suggests"),
        ("hedge", "to my knowledge"),
        ("dispute", "hypothetical to date"),
        ("dispute", "dubious"),
        ("non_confirmation", "don't provide confirmation"),
        ("non_confirmation", "declined to give specifics"),
        ("hedge", "i'm afraid"),
    ],
)
def test_example_cues(example_cues: list[Cue], kind: str, needle: str) -> None:
    assert any(c.kind == kind and needle in c.text.lower() for c in example_cues), [
        (c.kind, c.text) for c in example_cues
    ]


@pytest.mark.skipif(not EXAMPLE.exists(), reason="shared example not available")
def test_example_i_believe(nlp: Language) -> None:
    text = "“I believe it all depends on what U.S. policy is in the next few years,” said Kent."
    assert ("hedge", "believe") in cues_of(nlp, text)


@pytest.mark.skipif(not EXAMPLE.exists(), reason="shared example not available")
def test_example_territorial_dispute_is_not_a_dispute_cue(example_cues: list[Cue]) -> None:
    assert not any(c.text == "disputed" for c in example_cues)


def claim_certainty(nlp: Language, text: str, claim: str) -> float:
    start = text.index(claim)
    return certainty(find_cues(nlp(text)), (start, start + len(claim)), text=text)


def test_certainty_ordering(nlp: Language) -> None:
    plain = claim_certainty(nlp, "Iran is recruiting former fighters.", "Iran is recruiting")
    believed = claim_certainty(
        nlp, "Officials believe Iran is recruiting former fighters.", "Iran is recruiting"
    )
    weasel = claim_certainty(
        nlp, "Some analysts believe Iran is recruiting former fighters.", "Iran is recruiting"
    )
    speculative = claim_certainty(
        nlp, "Some analysts believe Iran might be recruiting former fighters.", "Iran might be"
    )
    assert plain == 1.0
    assert 0.0 < speculative < weasel < believed < plain


def test_certainty_ignores_hedges_of_another_sentence(nlp: Language) -> None:
    text = "He may resign. The budget passed on Tuesday."
    cues = find_cues(nlp(text))
    start = text.index("The budget")
    assert certainty(cues, (start, len(text)), text=text) == 1.0
    assert certainty(cues, (0, text.index(".")), text=text) < 1.0


def test_certainty_without_text_counts_only_hedges_inside(nlp: Language) -> None:
    text = "Analysts believe Iran is recruiting fighters."
    cues = find_cues(nlp(text))
    claim = (text.index("Iran"), len(text))
    assert certainty(cues, claim) == 1.0
    assert certainty(cues, claim, text=text) < 1.0
    assert certainty(cues, (0, len(text))) < 1.0


def test_certainty_ignores_disputes() -> None:
    cue = Cue(span=(0, 7), kind="dispute", text="dubious", rule="dispute.doubt:dubious")
    assert certainty([cue], (0, 40)) == 1.0


def test_benchmark_path_keeps_to_the_szeged_scheme(nlp: Language) -> None:
    text = "Some analysts say the treaty may be signed in May."
    spans = hedge_spans(nlp(text))
    assert [text[s:e] for s, e in spans] == ["may"]
    assert hedge_cues_in_text(text) == spans


def test_versioned_names() -> None:
    assert RULES == "newsint.hedges.v1"
    assert load_lexicon().name == RULES
    model = load_model()
    assert model is not None and model.name == RULES


def test_every_lexicon_group_is_commented() -> None:
    for group in load_lexicon().groups:
        assert group.comment, group.id
        assert group.kind in {"hedge", "dispute", "denial", "non_confirmation"}
