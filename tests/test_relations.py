"""The statement-to-claim relation (``newsint.relations.v1``): each relation and each direction rule
of the guide (section 4), on short passages written for these tests. A passage's stance comes
from newsint's cues (:func:`newsint.nlp.hedging.find_cues`), as in the claims stage, so each row
also checks the cue that decides it."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsint.nlp import load_pipeline
from newsint.nlp.hedging import find_cues
from newsint.nlp.relations import Relation, Stance, Statement, Target, allowed, relate


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def stance(nlp: Language, text: str) -> Stance:
    """The statement's stance as ``claims._stance_of`` finds it: a refusal first, then a denial."""
    kinds = {c.kind for c in find_cues(nlp(text))}
    if "non_confirmation" in kinds:
        return "non_confirmation"
    if kinds & {"denial", "dispute"}:
        return "denial"
    return None


CLAIM = Target("The mayor took bribes from a building firm", frozenset({"s1"}))
OUTLET = Target("The singer has been killed off again in yet another internet hoax", frozenset())
DENIAL = Target(
    "The ministry denied reports that its agents hacked the election commission",
    frozenset({"s1"}),
    denial=True,
    accusers=frozenset({"s9"}),
)

# (target, statement text, speakers, relation)
PASSAGES: list[tuple[Target, str, frozenset[str], Relation]] = [
    # restates: the claim's own source, whatever they add
    (CLAIM, "the mayor took bribes from the firm for years", frozenset({"s1"}), "restates"),
    (CLAIM, "the payments may not have been bribes", frozenset({"s1"}), "restates"),
    (CLAIM, "he declined to name the firm", frozenset({"s1"}), "restates"),
    # supports: another speaker asserts the same proposition
    (CLAIM, "the mayor took bribes from a building firm", frozenset({"s2"}), "supports"),
    # disputes: a cue that the claim is false, unproven or doubtful
    (CLAIM, "the bribery allegations are baseless", frozenset({"s3"}), "disputes"),
    (CLAIM, "there is no evidence that the mayor took bribes", frozenset({"s3"}), "disputes"),
    (CLAIM, "auditors cast serious doubt on the bribery claims", frozenset({"s3"}), "disputes"),
    (CLAIM, "the bribery story was a bust", frozenset({"s3"}), "disputes"),
    (CLAIM, "the mayor categorically denied the bribery claims", frozenset({"s4"}), "disputes"),
    # disputes in other words (dispute.paraphrase)
    (CLAIM, "it is almost impossible that the mayor took bribes", frozenset({"s3"}), "disputes"),
    (CLAIM, "none of the bribery stories are true", frozenset({"s3"}), "disputes"),
    (CLAIM, "the bribery video was staged", frozenset({"s3"}), "disputes"),
    (CLAIM, "the bribery report is wrong", frozenset({"s3"}), "disputes"),
    (CLAIM, "the bribery claim does not stand up", frozenset({"s3"}), "disputes"),
    (
        CLAIM,
        "auditors questioned the authenticity of the bribe ledger",
        frozenset({"s3"}),
        "disputes",
    ),
    (CLAIM, "there is nothing to suggest the mayor took bribes", frozenset({"s3"}), "disputes"),
    # not_confirm: a refusal to confirm, comment or validate
    (CLAIM, "the firm declined to comment on the bribes", frozenset({"s5"}), "not_confirm"),
    (CLAIM, "we are not able to validate reports of bribes", frozenset({"s5"}), "not_confirm"),
    (CLAIM, "police did not respond to requests for comment", frozenset({"s5"}), "not_confirm"),
    # unrelated: the outlet's own voice, or only the topic shared
    (CLAIM, "the mayor took bribes from a building firm", frozenset(), "unrelated"),
    # the outlet's own voice going on about its own claim (neither has a source) restates it
    (OUTLET, "He is alive and well, his agent's office says nothing", frozenset(), "restates"),
    (OUTLET, "the rumour spread on a fake news site", frozenset(), "restates"),
    # direction: two deniers of one allegation support each other
    (DENIAL, "the hacking reports are false", frozenset({"s2"}), "supports"),
    # direction: the accusers dispute a denial
    (DENIAL, "agents broke into the election commission's servers", frozenset({"s9"}), "disputes"),
    # direction: the denier repeating the denial restates it
    (DENIAL, "the hacking reports are false", frozenset({"s1"}), "restates"),
]


@pytest.mark.parametrize(("target", "text", "speakers", "relation"), PASSAGES)
def test_relation_of_passage(
    nlp: Language, target: Target, text: str, speakers: frozenset[str], relation: Relation
) -> None:
    statement = Statement(text, speakers, stance(nlp, text))
    assert relate(target, statement) == relation


# the direction rules as constraints, whatever a model would say
ALLOWED: list[tuple[Target, Statement, set[Relation]]] = [
    # a speaker never disputes, supports or declines to confirm their own claim
    (CLAIM, Statement("it is false", frozenset({"s1"}), "denial"), {"restates"}),
    # a refusal is a non-confirmation only
    (
        CLAIM,
        Statement("declined to comment", frozenset({"s2"}), "non_confirmation"),
        {"not_confirm"},
    ),
    # no cue: neither a dispute nor a non-confirmation
    (
        CLAIM,
        Statement("the firm built the town hall", frozenset({"s2"})),
        {"supports", "unrelated"},
    ),
    # a denial against a denial cannot dispute it
    (
        DENIAL,
        Statement("the reports are false", frozenset({"s2"}), "denial"),
        {"supports", "unrelated"},
    ),
    # against a denial the plain allegation may dispute it
    (
        DENIAL,
        Statement("agents hacked the commission", frozenset({"s3"})),
        {"supports", "disputes", "unrelated"},
    ),
    # against a denial, a statement that itself negates sides with the denial
    (
        DENIAL,
        Statement("agents could never get into the commission's network", frozenset({"s3"})),
        {"supports", "unrelated"},
    ),
    (
        DENIAL,
        Statement("none of the hacking stories we heard was checked", frozenset({"s3"})),
        {"supports", "unrelated"},
    ),
    # the outlet's own voice is no source
    (CLAIM, Statement("the mayor took bribes", frozenset()), {"unrelated"}),
    # ... but of the outlet's own claim it is the same speaker
    (OUTLET, Statement("the singer is alive", frozenset()), {"restates"}),
]


@pytest.mark.parametrize(("target", "statement", "relations"), ALLOWED)
def test_direction_rules(target: Target, statement: Statement, relations: set[Relation]) -> None:
    assert set(allowed(target, statement)) == relations


# a wish is no dispute, a withholding "deny" no denial: neither may dispute the claim
NOT_DISPUTES = [
    "I hope the bribery story isn't true",
    "the council denied the firm access to the site",
    "officials denied him a permit for the tower",
]


@pytest.mark.parametrize("text", NOT_DISPUTES)
def test_no_dispute_without_a_dispute_cue(nlp: Language, text: str) -> None:
    statement = Statement(text, frozenset({"s6"}), stance(nlp, text))
    assert statement.stance is None
    assert relate(CLAIM, statement) != "disputes"
