"""Check-worthiness is context: factual, checkable sentences score above opinions and chit-chat."""

import pytest

from newsint.nlp.checkworthy import checkworthiness


@pytest.mark.parametrize(
    ("checkable", "not_checkable"),
    [
        ("Unemployment fell to 3.5 percent last year, the lowest in fifty years.", "Thank you."),
        (
            "The bill cut taxes for 80 percent of families by $2,000.",
            "I'd like to mention one thing.",
        ),
        (
            "Iran has recruited more than 1,200 former fighters since 2015.",
            "Let me be clear about this.",
        ),
    ],
)
def test_checkable_claims_score_higher(checkable: str, not_checkable: str) -> None:
    assert checkworthiness(checkable) > checkworthiness(not_checkable)
    assert 0.0 <= checkworthiness(not_checkable) <= 1.0
