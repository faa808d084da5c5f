"""Which frames are events an analyst can map, and how surely they are stated.

Rules ``newsint.events.v4`` (issue 19), each from the PLOVER codebook or the annotation guide of
``annotations/events/README.md``, written from our own annotated articles (never the dev sets):

* :func:`is_denial`: "the army denied the report", "dismissed the video as a fake" are
  statements about a fact, not PLOVER events (CAMEO files "deny responsibility" among the public
  statements PLOVER drops); rejecting an offer, a demand or a result stays REJECT.
* :func:`not_an_act`: a weak trigger with no actor to act on ("Amnesty released a report",
  "returned from Baghdad", "would accept the outcome"), giving or withholding information ("did
  not provide details", "give an update"), asking for anonymity ("who requested anonymity").
* :func:`condition`: the "if" clause of a condition is not an event ("if the U.S. doesn't start
  to support the moderate people"); the act it conditions is hypothetical.
* :func:`hypothetical`: a modal, future, conditional, planned, wanted or ordered act ("will
  blame us", "could be used to carry out attacks", "plans to disarm", "was to withdraw").
"""

from __future__ import annotations

from spacy.tokens import Token

from newsint.nlp.event_frames import Frame
from newsint.nlp.event_targets import OBJECTS

#: Verbs of denial: not an event unless what is denied is a proposal ("denied the request").
DENIALS = frozenset({"deny", "refute", "rebut", "dismiss", "disprove"})
#: Rejecting these is denying a fact, not refusing a proposal.
CLAIM_NOUNS = frozenset(
    """report claim allegation accusation charge story rumour rumor suggestion assertion point
    finding conclusion video evidence""".split()
)
#: Denying or dismissing these is refusing a proposal (PLOVER REJECT).
PROPOSAL_NOUNS = frozenset(
    """offer proposal plan request demand call deal bid appeal plea result invitation ultimatum
    resolution agreement application petition motion""".split()
)
#: Triggers that are PLOVER acts only when done to an actor: "released prisoners" (CONCEDE) but
#: not "released a report"; "returned the hostages" but not "returned from Baghdad";
#: "supported the rebels" but not "endorsed by 60 scientists" (v4.1).
NEEDS_TARGET = frozenset(
    """release return leave give provide offer deliver accept defend help send supply grant
    ease lift yield share allow back oppose support endorse""".split()
)
#: Objects that make giving, releasing or asking a matter of information, not of aid.
INFORMATION = frozenset(
    """detail comment update information specific confirmation name identity report statement
    video album tool service data anonymity permission number figure""".split()
)
REQUESTS = frozenset({"ask", "request", "seek"})
#: Triggers that are travel when nothing is handed over: "returned from Baghdad", "left London".
TRAVEL = frozenset({"return", "leave", "go", "arrive"})
#: Triggers that, with no object and no agent, say what happened to someone, not who did it.
INTRANSITIVE_NOT_ACT = frozenset({"burn", "sink", "fire"})
#: Auxiliaries of a possible, future or conditional act.
MODALS = frozenset({"will", "would", "may", "might", "could", "can", "shall", "should", "must"})
MODAL_FORMS = MODALS | {"'ll", "'d", "wo", "ca", "ought"}
#: Heads whose infinitive is not (yet) done: "want to attack", "plans to disarm", "ordered X to".
INTENT_HEADS = frozenset(
    """want plan intend vow hope seek aim try threaten promise pledge order ask urge require
    demand call prepare expect propose able willing ready allow authorize need""".split()
)


def _objects(pred: Token) -> list[Token]:
    return [c for c in pred.children if c.dep_ in OBJECTS | {"nsubjpass"}]


def is_denial(frame: Frame) -> bool:
    """A denial or dismissal of a fact ("denied that a strike had taken place"), or an act
    inside one ("denies executing captives", "denying claims that it has invaded privacy")."""
    pred = frame.predicate
    node = pred
    for _ in range(3):  # the denied clause itself, not "denied reports that ...": the reports
        if node.head is node or node.dep_ not in {"xcomp", "ccomp", "pcomp"}:
            break
        node = node.head
        if node.lemma_.lower() in DENIALS:
            return True
    lemma = pred.lemma_.lower()
    objects = {o.lemma_.lower() for o in _objects(pred)}
    if lemma in DENIALS:
        return not objects & PROPOSAL_NOUNS
    if lemma == "reject":
        return bool(objects & CLAIM_NOUNS)
    if lemma == "agree":  # "agreed that the agency had erred": an opinion, not an agreement
        return any(c.dep_ == "ccomp" for c in pred.children)
    return False


def not_an_act(frame: Frame, has_target: bool) -> bool:
    """A frame that gives no act to map: see the module docstring."""
    pred = frame.predicate
    lemma = pred.lemma_.lower()
    objects = {o.lemma_.lower() for o in _objects(pred)}
    objects |= {g.lemma_.lower() for c in pred.children if c.dep_ == "prep" for g in c.children}
    if condition(frame):
        return True  # "if the U.S. doesn't start to support ...": the condition, not an event
    if pred.sent.text.rstrip().endswith("?"):
        return True  # a question asserts nothing: "WHY DID HE JOIN ISLAMIC STATE?"
    if lemma in NEEDS_TARGET and not has_target:
        return True
    moved = [c for c in pred.children if c.dep_ in {"dobj", "dative"}]
    if lemma in TRAVEL and all(c.ent_type_ in {"GPE", "LOC", "FAC"} for c in moved):
        return True  # "returned from Baghdad", "left London to go to Syria"
    if lemma in TRAVEL and any(
        c.dep_ in {"advcl", "xcomp"} and any(g.lower_ == "to" for g in c.children)
        for c in pred.children
    ):
        return True  # "left his wife and four kids to battle the extremists": the battle is
    if lemma in INTRANSITIVE_NOT_ACT and not moved and not frame.passive:
        return True  # "throw prisoners on so they burn alive": the victims burn
    if lemma == "call" and not any(
        c.dep_ == "xcomp"
        and c.pos_ == "VERB"
        or c.dep_ == "prep"
        and c.lower_ in {"for", "on", "upon"}
        or c.dep_ in {"advcl", "ccomp"}
        and any(g.lower_ == "for" for g in c.children)
        for c in pred.children
    ):
        return True  # "called the reports baseless": naming, not a request
    if objects & INFORMATION and lemma in NEEDS_TARGET | REQUESTS | {"make", "post", "publish"}:
        return True
    if lemma in REQUESTS:
        if any(t.lemma_.lower() in {"identify", "name", "anonymity"} for t in pred.subtree):
            return True
        if pred.tag_ == "VBN" and not any(c.dep_ in {"agent", "nsubj"} for c in pred.children):
            return True  # "when asked": the asker is not named
        complements = {"dobj", "dative", "ccomp", "prep", "nsubjpass"}  # not "asked to see him"
        return not any(c.dep_ in complements for c in pred.children)
    return False


def condition(frame: Frame) -> bool:
    """Whether the act is the antecedent of a condition ("if the U.S. fails to understand")."""
    node: Token = frame.predicate
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in node.children):
            return True
        if node.dep_ not in {"xcomp", "conj"} or node.head is node:
            return False
        node = node.head
    return False


def hypothetical(frame: Frame) -> bool:
    """Whether the act is possible, future, conditional, planned or ordered, not done."""
    node: Token = frame.predicate
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in MODAL_FORMS for c in node.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in node.children):
            return True
        if node.dep_ == "advcl" and any(c.lower_ in {"if", "unless"} for c in node.children):
            return True
        head = node.head
        if head is node:
            return False
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
        if node.dep_ in {"xcomp", "acl", "advcl", "ccomp"} and infinitive:
            if head.lemma_.lower() in INTENT_HEADS or head.lemma_.lower() == "be":
                return True  # "plans to disarm", "was to withdraw"
            if node.dep_ == "advcl":
                return True  # purpose: "to carry out deadly attacks"
        if node.dep_ == "ccomp" and head.lemma_.lower() in {"require", "demand", "insist"}:
            return True  # "the law requires that the United States cut off aid"
        if node.dep_ not in {"xcomp", "conj", "advcl", "acl", "ccomp"}:
            return False
        node = head
    return False


__all__ = ["condition", "hypothetical", "is_denial", "not_an_act"]
