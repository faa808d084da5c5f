"""Actors and events: alias table, extraction tables, the example's system, the graph formats."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from newsint.nlp.actors import lookup

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "circa-iran-isis.txt"


@pytest.fixture(scope="module")
def nlp():
    from newsint.nlp import load_pipeline

    return load_pipeline()


@pytest.mark.parametrize(
    ("alias", "name", "kind", "code"),
    [
        ("Iran", "Iran", "state", "IRN"),
        ("the Iranian regime", "Iran", "state", "IRN"),
        ("Tehran", "Iran", "state", "IRN"),
        ("ISIS", "ISIS", "armed_group", None),
        ("Islamic State", "ISIS", "armed_group", None),
        ("ISIL", "ISIS", "armed_group", None),
        ("Daesh", "ISIS", "armed_group", None),
        ("war-trained ISIS fighters", "ISIS", "armed_group", None),
        ("IRGC", "Islamic Revolutionary Guard Corps", "organisation", "IRN"),
        (
            "the nation’s Islamic Revolutionary Guard Corps",
            "Islamic Revolutionary Guard Corps",
            "organisation",
            "IRN",
        ),
        ("Iraq’s parliament", "Iraqi parliament", "organisation", "IRQ"),
        ("U.S.", "United States", "state", "USA"),
        ("Washington", "United States", "state", "USA"),
    ],
)
def test_alias_table(alias: str, name: str, kind: str, code: str | None) -> None:
    actor = lookup(alias)
    assert actor is not None, alias
    assert (actor.name, actor.type, actor.code) == (name, kind, code)


def test_part_of() -> None:
    from newsint.nlp.actors import part_of

    assert part_of()["Islamic Revolutionary Guard Corps"] == "Iran"


def test_unknown_phrase_is_not_an_alias() -> None:
    assert lookup("the weather") is None


def _events(nlp, text: str):
    from newsint.nlp.events import find_events

    return find_events(nlp(text))


def _triples(events) -> set[tuple[str, str | None]]:
    return {(e.actor.name, e.target.name if e.target else None) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Syria was attacked by Turkey on Monday.", {("Turkey", "Syria")}),
        (
            "Iran and Syria signed an agreement with Russia.",
            {("Iran", "Russia"), ("Syria", "Russia")},
        ),
        (
            "Iraq's parliament asked the prime minister to send troops to Kirkuk.",
            {("Iraqi parliament", "prime minister")},
        ),
        ("The militias that target U.S. interests are growing.", {("militias", "United States")}),
        ("Israel threatened to shell Lebanese towns.", {("Israel", "Lebanese")}),
    ],
)
def test_event_table(nlp, text: str, expected: set) -> None:
    assert expected <= _triples(_events(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "James became the first player in NBA history to record a triple-double.",
        "Disney had some customer service issues with Netflix last year.",
        "Iran has influence in Iraq.",
    ],
)
def test_a_verb_the_model_only_guesses_at_is_not_an_event(nlp, text: str) -> None:
    assert _events(nlp, text) == []


def test_xcomp_under_object_control(nlp) -> None:
    events = _events(nlp, "Iraq's parliament asked the prime minister to send troops to Kirkuk.")
    send = next(e for e in events if "send" in e.action and e.actor.name != "Iraqi parliament")
    assert send.actor.name == "prime minister"
    assert send.target is not None and send.target.name == "Kirkuk"


def test_negation(nlp) -> None:
    (event,) = [e for e in _events(nlp, "Russia did not attack Ukraine.") if e.target]
    assert event.negated
    assert (event.actor.name, event.target.name) == ("Russia", "Ukraine")


def test_hedging_from_cues(nlp) -> None:
    from newsint.models import Cue
    from newsint.nlp.events import find_events

    text = "Iran may be supporting the Houthi rebels."
    doc = nlp(text)
    cue = Cue(span=(5, 8), kind="hedge", text="may")
    (event,) = [e for e in find_events(doc, (), [cue]) if e.target]
    assert event.hedged and not event.negated


def test_a_refusal_to_comment_is_not_an_event(nlp) -> None:
    from newsint.nlp.events import find_events
    from newsint.nlp.hedging import find_cues

    doc = nlp("Maj. Earl Brown declined to give specifics on whether the military had evidence.")
    assert find_events(doc, (), find_cues(doc)) == []


def test_reported_clause_is_the_event(nlp) -> None:
    from newsint.nlp.events import main_event

    doc = nlp(
        "Jordan and Britain have agreed to undertake joint military exercises, a Jordanian official confirmed."
    )
    event = main_event(next(doc.sents))
    assert event["actor"] == "Jordan"
    assert event["type"] == "AGREE"


def test_spans_point_at_the_mentions(nlp) -> None:
    text = "Syria was attacked by Turkey on Monday."
    (event,) = [e for e in _events(nlp, text) if e.target]
    evidence, actor, predicate, target = event.spans
    assert text[actor[0] : actor[1]] == "Turkey"
    assert text[predicate[0] : predicate[1]] == "attacked"
    assert text[target[0] : target[1]] == "Syria"
    assert evidence[0] <= min(actor[0], target[0]) and evidence[1] >= max(actor[1], target[1])


# --- the example article: the system it describes -------------------------------------------


@pytest.fixture(scope="module")
def example():
    from newsint import analyze
    from newsint.models import Analysis

    (outcome,) = list(analyze([EXAMPLE]))
    assert isinstance(outcome, Analysis)
    return outcome


@pytest.mark.parametrize(
    ("actor", "verb", "target"),
    [
        ("Iranian intelligence", "coordinated", "Islamic Revolutionary Guard Corps"),
        ("Iran", "recruiting", "ISIS"),
        ("Iran", "supporting", None),  # Shia / Sunni militias
        ("militias", "target", "United States"),
        ("Iraqi parliament", "asked", "prime minister"),
        ("prime minister", "send", "Kirkuk"),
    ],
)
def test_example_events(example, actor: str, verb: str, target: str | None) -> None:
    hits = [
        e
        for e in example.events
        if e.actor.name == actor
        and verb in e.action
        and (target is None or (e.target is not None and e.target.name == target))
    ]
    assert hits, [(e.actor.name, e.action, e.target and e.target.name) for e in example.events]


def test_example_recruiting_is_asserted_by_kent(example) -> None:
    claims = {c.id: c for c in example.claims}
    sources = {s.id: s.name for s in example.sources}
    asserted = {
        sources.get(sid)
        for e in example.events
        if e.actor.name == "Iran" and "recruit" in e.action and e.claim_id
        for sid in claims[e.claim_id].source_ids
    }
    assert "Bob Kent" in asserted


def test_graph_json_graphml_svg(example) -> None:
    from newsint.report.graph import actor_graph, to_graphml, to_svg

    graph = actor_graph(example)
    names = {n["name"] for n in graph["nodes"]}
    assert {"Iran", "ISIS", "Islamic Revolutionary Guard Corps"} <= names
    edge = next(e for e in graph["edges"] if e["claim_id"] and e["grade"])
    assert edge["evidence"] and edge["evidence_text"]
    root = ET.fromstring(to_graphml(example))
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    assert len(root.findall(f"{ns}graph/{ns}edge")) == len(graph["edges"])
    svg = to_svg(example)
    assert svg.startswith("<svg") and "<script" not in svg
    ET.fromstring(svg)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Syria said it will not accept any more refugees.", "REJECT"),
        ("Portugal will support Turkey's bid.", "AGREE"),
        ("The farmers said they would blockade Paris.", "THREATEN"),
        ("Turkey attacked Syria on Monday.", "ASSAULT"),
    ],
)
def test_plover_mode(nlp, text: str, category: str) -> None:
    """Refusal, intent to cooperate and announced conflict are coded as the speech act."""
    from newsint.nlp.events import main_event

    assert main_event(next(nlp(text).sents))["type"] == category


def test_apply_mode_table() -> None:
    from newsint.nlp.events import apply_mode

    assert apply_mode(["neg"], "AID") == "REJECT"
    assert apply_mode(["neg"], "ASSAULT") == "ASSAULT"
    assert apply_mode(["future"], "COERCE") == "THREATEN"
    assert apply_mode(["cond"], "CONSULT") == "AGREE"
    assert apply_mode(["future"], "RETREAT") == "RETREAT"
    assert apply_mode([], "SUPPORT") == "SUPPORT"
