"""The learned frame filter (newsint.events.filter.v1, issue 19): tables of short passages."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp():
    from newsint.nlp import load_pipeline

    return load_pipeline()


def _pairs(events) -> set[tuple[str, str]]:
    return {(e.actor.name, e.action) for e in events}


def _both(nlp, text: str) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(what the hand rules keep, what the shipped filter keeps)."""
    from newsint.nlp.event_filter import load_filter
    from newsint.nlp.events import event_candidates, select_events

    chooser = load_filter()
    assert chooser is not None, "src/newsint/models/events/filter.json is missing"
    candidates = event_candidates(nlp(text))
    return _pairs(select_events(candidates)), _pairs(select_events(candidates, chooser.keeps))


@pytest.mark.parametrize(
    ("text", "event"),
    [
        # an actor noun outside the actor list, named by what it does to a party
        ("Poachers killed three rangers in the park.", ("Poachers", "killed")),
        ("The chancellor met the French president in Berlin.", ("chancellor", "met")),
        (
            "Russian hackers targeted the Democratic National Committee.",
            ("Russian hackers", "targeted"),
        ),
        # a confident category with no party named
        ("Activists blocked the road to the mine.", ("Activists", "blocked")),
    ],
)
def test_filter_keeps_what_the_gates_dropped(nlp, text: str, event: tuple[str, str]) -> None:
    rules, learned = _both(nlp, text)
    assert event not in rules
    assert event in learned, learned


@pytest.mark.parametrize(
    "text",
    [
        "The striker scored twice against Chelsea.",
        "Samsung sold more phones than Apple.",
        "The actor starred in a new film with Emma Stone.",
        "The minister enjoyed a long lunch with friends.",
        "The company posted record profits on Tuesday.",
        "The coach praised his players after the game.",
    ],
)
def test_filter_drops_ordinary_verbs(nlp, text: str) -> None:
    _, learned = _both(nlp, text)
    assert learned == set()


@pytest.mark.parametrize(
    "text",
    [
        "Hamas fighters abducted two Israeli soldiers.",
        "The police arrested the suspect.",
        "Iraq's parliament asked the prime minister to send troops to Kirkuk.",
    ],
)
def test_filter_keeps_codebook_triggers(nlp, text: str) -> None:
    rules, learned = _both(nlp, text)
    assert rules and rules <= learned


def test_guide_vetoes_overrule_the_model(nlp) -> None:
    """A model that keeps everything still drops a question and a refusal to comment."""
    from newsint.nlp.event_filter import FrameFilter
    from newsint.nlp.events import event_candidates, select_events
    from newsint.nlp.linear_model import LinearModel

    keep_all = FrameFilter(LinearModel(("0", "1"), {"bias": (0.0, 9.0)}), 0.5, {})
    for text in ("Why did Iran attack Israel?", "Amnesty International released a report."):
        candidates = event_candidates(nlp(text))
        assert candidates, text
        assert select_events(candidates, keep_all.keeps) == []


def test_without_model_the_hand_rules_decide(nlp, monkeypatch) -> None:
    from newsint.nlp import events

    text = "Poachers killed three rangers. Turkish troops shelled Kurdish positions."
    monkeypatch.setattr(events, "load_filter", lambda: None)
    assert _pairs(events.find_events(nlp(text))) == {("Turkish troops", "shelled")}


def test_word_classes_round_trip() -> None:
    from newsint.nlp.event_filter import pack, unpack

    verbs = {"shell": ("contact", "competition"), "meet": ("social",)}
    nouns = {"poacher": ("person",), "gun": ("artifact",), "army": ("group", "person")}
    tables = unpack(pack(verbs, nouns))
    assert tables["verb"] == {"shell": "contact", "meet": "social"}
    assert tables["verb2"] == {"shell": "competition"}
    assert tables["noun"] == {"poacher": "person", "army": "group"}
