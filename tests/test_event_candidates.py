"""Candidate frames (issue 19, candidate recall): who is acted on, before any filter decides."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def nlp():
    from newsint.nlp import load_pipeline

    return load_pipeline()


def _candidate_edges(nlp, text: str) -> set[tuple[str, str, str | None]]:
    from newsint.nlp.events import event_candidates

    return {
        (e.actor.name, c.frame.predicate.text, e.target.name if e.target else None)
        for c in event_candidates(nlp(text))
        for e in c.events
    }


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # an object "him"/"her" is the last person named before it, not nobody
        (
            "Police said Maria Lopez was attacked on Monday. The gang then kicked her.",
            ("gang", "kicked", "Maria Lopez"),
        ),
        (
            "Reporters said that John Carter had vanished. Rebels had seized him in March.",
            ("Rebels", "seized", "John Carter"),
        ),
        # so is a patient "he"/"she" no subject before it stands for
        (
            "A photo shows the body of rebel leader John Carter after he was killed by snipers.",
            ("snipers", "killed", "John Carter"),
        ),
        # a subject "she" is a person, not the thing the last sentence was about
        (
            "The fake report fooled the writer Anna Berg. She criticised the police.",
            ("Anna Berg", "criticised", "police"),
        ),
        # a noun a passive participle hangs on is what its "by" agent acts on
        (
            "The army freed an American hostage being held by al Qaeda.",
            ("al-Qaeda", "held", "American hostage"),
        ),
        # a past form on a noun is a participle, whatever the tagger says
        (
            "Police are hunting the man believed to have beheaded the journalist.",
            ("man", "beheaded", "journalist"),
        ),
        # a singular of a plural actor noun is a party too
        ("The rebels executed a prisoner on Sunday.", ("rebels", "executed", "prisoner")),
        ("The militia released a detainee after talks.", ("militia", "released", "detainee")),
    ],
)
def test_candidate_target(nlp, text: str, edge: tuple[str, str, str | None]) -> None:
    edges = _candidate_edges(nlp, text)
    assert edge in edges, edges
