"""The whole-event scorer of `newsint bench events --data` on real reports."""

import pytest

from newsint.bench.events_docs import Tally, action_matches, name_matches, score_document


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        (["Kataib Hezbollah militia"], ["Kataib Hezbollah"], True),
        (["Hezbollah"], ["Hezbollah member"], False),  # the head word is missing
        (["officials"], ["Pakistan"], False),
        (["ISIS", "Islamic State militants"], ["Islamic State militants"], True),
        (["Israel's military"], ["Israel’s military"], True),
        ([""], ["Israel"], False),
    ],
)
def test_name_matches(predicted, gold, expected):
    assert name_matches(predicted, gold) is expected


def test_action_matches_a_word_or_its_inflection():
    assert action_matches("has been killed", ["killing"])
    assert not action_matches("said", ["killed"])


def _gold(span, actor, action, target=()):
    return {
        "span": list(span),
        "actor": [actor],
        "action": [action],
        "target": list(target),
        "plover": "ASSAULT",
        "negated": False,
        "hypothetical": False,
        "reported_by": None,
    }


def _pred(at, actor, action, target=()):
    return {
        "actor": [actor],
        "action": action,
        "at": at,
        "target": list(target),
        "plover": "ASSAULT",
        "negated": False,
        "hypothetical": False,
        "reported_by": [],
    }


def test_whole_event_needs_actor_action_and_target():
    gold = [_gold((0, 30), "Israel", "hit", ["Hezbollah"]), _gold((40, 60), "police", "fired")]
    preds = [
        _pred(10, "Israel", "hit", ["Hezbollah"]),  # right
        _pred(45, "police", "fired", ["demonstrators"]),  # gold has no target: wrong
        _pred(70, "they", "said"),  # outside every evidence: spurious
    ]
    tally = Tally()
    score_document(gold, preds, tally)
    figures = tally.figures()
    assert figures["whole_event_precision"] == pytest.approx(1 / 3)
    assert figures["whole_event_recall"] == pytest.approx(1 / 2)
    assert figures["event_recall"] == 1.0
    assert [e["error"] for e in tally.errors] == ["wrong target", "spurious"]


@pytest.mark.parametrize(
    ("pred", "expected"),
    [
        (_pred(5, "Israel", "hit", ["Hezbollah"]), True),
        (_pred(5, "Israel", "hit", []), False),  # the target is missing
        (_pred(35, "Israel", "hit", ["Hezbollah"]), False),  # outside the evidence
        (_pred(5, "Israel", "said", ["Hezbollah"]), False),  # another action
    ],
)
def test_whole_match_is_one_predicted_event_against_one_gold(pred, expected):
    from newsint.bench.events_docs import whole_match

    assert whole_match(pred, _gold((0, 30), "Israel", "hit", ["Hezbollah"])) is expected
