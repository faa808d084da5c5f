"""The lede is a statement of the story, never a teaser or a caption (``newsint.central.v1``).

Short invented passages: each fails without its rule.
"""

from __future__ import annotations

import pytest

from newsint.nlp.captions import CAPTION
from newsint.nlp.central import NEWS_THAT, continues, is_teaser
from newsint.pipeline import analyze_text

TEASERS = [
    # (sentence, is it the article's first, is it a teaser)
    ("If the leaked figures are right, the carmaker's next model will be its cheapest.", 0, True),
    ("While bank profits keep falling, one lender has doubled its earnings this year.", 0, True),
    (
        "Although most harbours froze this winter, the port of Kalla stayed open all season.",
        0,
        True,
    ),
    ("Though most harbours froze there is one port that stayed open all season.", 0, True),
    ("Maybe the old lighthouse keeper was right about the storm after all.", 0, True),
    ("Perhaps nobody expected the village fete to make national headlines.", 0, True),
    ("It's not every day that a goat is elected honorary mayor of a town.", 0, True),
    ("It is not often that a library book comes back ninety years late.", 0, True),
    ("Fear not, commuters, the strike on the northern line may be over soon.", 0, True),
    ("Imagine waking up to find a crocodile in your swimming pool.", 0, True),
    ("Have you ever wondered what happens to lost airport luggage?", 0, True),
    ("Your morning coffee could soon cost twice as much, traders warn.", 0, True),
    ("She is rarely seen in public without her two greyhounds.", 1, True),
    ("They came from three continents to watch the final in the rain.", 1, True),
    ("The story has gone around the world: a dog that rides the bus alone to the park.", 0, True),
    ("This video went viral within hours of being posted by a bakery in Leeds.", 0, True),
    ("So when the mayor arrived without his chain of office, everyone noticed.", 0, True),
    ("So far, twelve people have been taken to hospital after the crash.", 0, False),
    # the article's first sentence going on from nothing before it
    ("But that did not stop the parade from going ahead in the rain.", 1, True),
    ("And the crowds kept coming to the little harbour all summer.", 1, True),
    ("But the council said on Monday the parade would go ahead.", 0, False),
    # statements of the story
    ("The central bank raised its main interest rate by half a point on Tuesday.", 0, False),
    ("While in Geneva the minister met the envoys of four countries for talks.", 0, False),
    ('"You will pay for this," the rebel commander told the governor, officials said.', 0, False),
    ("She resigned on Monday after the audit found missing funds.", 0, False),
    ("WASHINGTON (AP) _ The Senate passed the budget bill late on Friday night.", 0, False),
    ("The story of the stolen painting was told in court for the first time.", 0, False),
]


@pytest.mark.parametrize(("sentence", "first", "teaser"), TEASERS)
def test_teasers_and_feature_openings(sentence: str, first: int, teaser: bool) -> None:
    assert is_teaser(sentence, first=bool(first)) is teaser


CAPTIONS = [
    ("The minister arrives at the summit. PHOTO: Kim Lee", True),
    ("The minister arrives at the summit. photo: Kim Lee", True),
    ("The minister arrives at the summit. Photograph: Kim Lee", True),
    ("The minister spoke at a photo session with reporters on Monday.", False),
]


@pytest.mark.parametrize(("sentence", "caption"), CAPTIONS)
def test_captions_whatever_their_case(sentence: str, caption: bool) -> None:
    assert bool(CAPTION.search(sentence)) is caption


def test_the_claim_after_a_teaser_is_central() -> None:
    analysis = analyze_text(
        "If the rumours are true, the harbour town is about to get very crowded.\n\n"
        "The city council voted on Monday to build a cruise terminal for 4,000 passengers, "
        "the mayor's office said.\n\n"
        "Work starts in the spring."
    )
    (claim,) = [c for c in analysis.claims if c.central]
    assert "build a cruise terminal" in claim.text


@pytest.mark.parametrize(
    ("passage", "holds"),
    [
        # a teaser's set-up goes on in sentences that open on "But" or "And"
        (
            "Looking back, maybe the talking-clock voice was a little eerie.\n"
            "But that did not stop it from becoming part of every morning for decades.\n"
            "And now the voice is about to change for good.\n"
            "A retired actress from Hull has revealed on Monday that she recorded the voice "
            "in 1985, the phone company said.\n",
            "recorded the voice",
        ),
        # ... unless it answers the set-up by stating it
        (
            "It's not every day that a bus driver finds a lost painting.\n"
            "But that's what happened on Friday to a driver in Bristol who found a stolen "
            "landscape on the back seat of his bus.\n"
            "The gallery said the painting was unharmed.\n",
            "found a stolen landscape",
        ),
    ],
)
def test_a_teaser_s_set_up_continued_is_passed_over(passage: str, holds: str) -> None:
    (claim,) = [c for c in analyze_text(passage).claims if c.central]
    assert holds in claim.text


@pytest.mark.parametrize(
    ("sentence", "goes_on"),
    [
        ("But that did not stop it from becoming a hit.", True),
        ("Yet the crowds kept coming.", True),
        ("But that's what happened on Friday to a driver in Bristol.", False),
        ("And this is exactly what the court found on Monday.", False),
        ("Butter prices rose by a third last year.", False),
    ],
)
def test_a_sentence_going_on_from_the_one_before(sentence: str, goes_on: bool) -> None:
    assert continues(sentence) is goes_on


def test_a_teaser_is_kept_when_nothing_else_states_the_story() -> None:
    analysis = analyze_text(
        "If the rumours are true, the harbour town is about to get very crowded."
    )
    (claim,) = [c for c in analysis.claims if c.central]
    assert "harbour town" in claim.text


def test_news_that_x_puts_forward_x() -> None:
    """The outlet's lede "... all abuzz with news that X" puts forward X, not the buzz."""
    analysis = analyze_text(
        "The town was all abuzz on Monday with news that the old mill on the river will be "
        "turned into a museum next spring.\n"
        "The mill closed in 1962."
    )
    (claim,) = [c for c in analysis.claims if c.central]
    assert claim.text.startswith("the old mill on the river will be turned into a museum")


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The town was abuzz with news that the mill will close.", True),
        ("Fans were thrilled with reports that the striker will stay.", True),
        ("Shares fell sharply after reports that the firm would miss its targets.", False),
        ("Prices rose amid reports that the harvest had failed.", False),
    ],
)
def test_news_that_only_after_with(sentence: str, found: bool) -> None:
    assert (NEWS_THAT.search(sentence) is not None) is found
