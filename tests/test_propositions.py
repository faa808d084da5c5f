"""A claim is a proposition, never a bare noun phrase (guide 4; ``newsint.propositions.v1``).

Short invented passages (none from the dev sets), each failing without its rule.
"""

from __future__ import annotations

import pytest

from newsint.nlp import load_pipeline
from newsint.nlp.propositions import is_proposition

FRAGMENTS = [
    # (sentence, the stretch, is it a proposition?)
    ("The ministry welcomed the exchange.", "the exchange", False),
    ("The mayor claimed victory after the vote.", "victory", False),
    ("Officials cited rising violence in the north.", "rising violence in the north", False),
    ("The union urged members not to accept the offer.", "not to accept the offer", False),
    (
        "Two guards were charged on Monday, stating they had checked the cells.",
        "stating they had checked the cells",
        False,
    ),
    ("The council said the bridge would reopen in May.", "the bridge would reopen in May", True),
    ("Police said the men had fled the scene.", "the men had fled the scene", True),
    (
        "She dismissed the reports that the plant is closing.",
        "the reports that the plant is closing",
        True,
    ),
    ("“We will win this case. It is a great day,” he said.", "We will win this case", True),
]


@pytest.mark.parametrize(("sentence", "stretch", "expected"), FRAGMENTS)
def test_a_proposition_holds_a_finite_clause(sentence: str, stretch: str, expected: bool) -> None:
    doc = load_pipeline()(sentence)
    start = sentence.index(stretch)
    assert is_proposition(doc, [(start, start + len(stretch))]) is expected
