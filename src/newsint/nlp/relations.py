"""How a statement bears on a claim: restates, supports, disputes, does not confirm, unrelated.

``relate(claim, statement)`` is the relation of one attributed statement toward a claim, by the
guide's rules (``newsint.relations.v1``; the direction rules are constraints, never learned):

* a statement whose speaker declines to confirm, comment or validate ("declined to comment",
  "we are not able to validate reports") does not confirm the claim; without such a cue nothing
  is a non-confirmation, whatever the model says;
* a statement by the claim's own source restates it: a speaker never disputes their own claim
  (a qualification lowers credibility through its hedges instead); so does a statement in the
  outlet's own voice when the claim is the outlet's own (neither has a source);
* a denial or dispute by another speaker disputes the claim, unless the claim is itself a
  denial: two speakers who deny the same allegation support each other;
* the accused justifying the act they are accused of (the spokesperson of the claim's actor,
  or a party the claim names, saying "warning shots", "we had no choice", "in self-defence")
  dispute it: the act happened otherwise (:func:`speaks_for_actor`, :func:`defends`, applied
  in :mod:`newsint.nlp.central_judgement`);
* when the claim is a denial, the accusers (the sources of the denied report, nested in the
  lede) dispute it;
* another speaker who asserts the same proposition (shared telling content words), or who
  goes on about it right after it ("It is a complex covert operation ..."), supports it;
* anything else is unrelated, including statements that only share the topic.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from newsint.nlp.claim_words import pattern, words
from newsint.nlp.relation_model import NEGATION, load_model, probabilities

RULES = "newsint.relations.v1"

Relation = Literal["restates", "supports", "disputes", "not_confirm", "unrelated"]
Stance = Literal["denial", "non_confirmation"] | None

#: A statement supports the claim when it shares this many content words with it and this share
#: of the smaller one's words (set on newsint's own annotated pairs, annotations/relations/).
SUPPORT_MIN_SHARED = 3
SUPPORT_MIN_OVERLAP = 0.25
#: A denial is about the claim when it shares this many content words with it, or points back
#: at it ("the allegations", "these reports").
DISPUTE_MIN_SHARED = 1

STOP = frozenset(
    """the a an of to in on and or but is are was were be been being that this these those it its
    they their them he she his her we our us i you with for by at as from not no has have had do
    does did will would can could there what which who all also so if than then into about now
    said say says told noted added more most some any one after before over new last week year
    mr ms mrs""".split()
)
ANAPHORA = re.compile(
    r"\b(?:the|these|those|such|this|that|any|their)\s+(?:\w+\s+)?(?:claims?|allegations?|"
    r"accusations?|reports?|charges?|rumou?rs?|stor(?:y|ies)|assertions?|suggestions?)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Statement:
    """What the relation needs of a claim or statement: who says it, what, with what stance."""

    text: str
    sources: frozenset[str]
    stance: Stance = None
    continues: bool = False  # opens "It is ..." right after the claim: it speaks of the claim
    start: int | None = None  # where it stands in the text


@dataclass(frozen=True, slots=True)
class Target:
    """The claim statements are related to; ``denial``: the claim denies an allegation, whose
    ``accusers`` are the sources credited with it."""

    text: str
    sources: frozenset[str]
    denial: bool = False
    accusers: frozenset[str] = frozenset()
    start: int | None = None


def relate(target: Target, statement: Statement) -> Relation:
    """The relation of ``statement`` toward ``target``: the rules' (:func:`rule_relation`) when
    they find one on explicit evidence (a refusal, the same speaker, a denial, a restatement);
    otherwise the learned model's most probable relation among those the guide's direction rules
    allow (:func:`allowed`). On newsint's own pairs, 5-fold by article: see the model card
    (``models/relations/MODEL_CARD.md``)."""
    return relate_all(target, [statement])[0]


def relate_all(target: Target, statements: Sequence[Statement]) -> list[Relation]:
    """:func:`relate` for each of ``statements``; those the model is asked about are embedded in
    one batch (one article's statements toward its claim)."""
    return [relation for relation, _ in relate_scored(target, statements)]


def relate_scored(target: Target, statements: Sequence[Statement]) -> list[tuple[Relation, float]]:
    """:func:`relate_all` with how sure each relation is: 1.0 where the rules decide, else the
    model's probability of the relation it chose."""
    found = [(rule_relation(target, s), 1.0) for s in statements]
    model = load_model()
    if model is None:
        return found
    # the model is asked only where the rules found nothing and the direction rules leave a choice
    asked = [
        i
        for i, s in enumerate(statements)
        if found[i][0] == "unrelated" and len(allowed(target, s)) > 1
    ]
    asked_probs = probabilities(model, target, [statements[i] for i in asked])
    for i, probs in zip(asked, asked_probs, strict=True):
        best = max(allowed(target, statements[i]), key=lambda r: probs.get(r, 0.0))
        found[i] = (best, probs.get(best, 0.0))
    return found


def allowed(target: Target, statement: Statement) -> tuple[Relation, ...]:
    """The relations the guide allows for this pair, whatever a model says."""
    if not statement.sources:
        # the outlet's own voice is no source, but it can restate its own claim
        return ("unrelated",) if target.sources else ("restates",)
    own = bool(statement.sources & target.sources)
    if own:
        # a speaker never disputes, supports or declines to confirm their own claim
        return ("restates",)
    if statement.stance == "non_confirmation":
        return ("not_confirm",)
    if target.denial and statement.stance == "denial":
        return ("supports", "unrelated")  # two deniers of one allegation support each other
    # a refusal is said in words a reader can point at (a non-confirmation cue, above)
    if statement.stance is None and not target.denial:
        # a dispute says the claim is false, unproven or doubtful in words a reader can point
        # at (a denial or dispute cue); only against a denial does the plain allegation dispute
        return ("supports", "unrelated")
    if statement.stance is None and NEGATION.search(statement.text):
        # against a denial, a dispute asserts what was denied; a statement that itself says
        # "not", "never", "none" ("they are not able to burrow") sides with the denial
        return ("supports", "unrelated")
    return ("supports", "disputes", "unrelated")


def rule_relation(target: Target, statement: Statement) -> Relation:
    """The relation by the rules alone (see the module docstring)."""
    if not statement.sources:
        # the outlet's own voice is no source of another's claim; of its own claim (no source
        # either) it is the same speaker going on: "He hasn't, by the way" after "Culkin has
        # been killed off again in yet another internet hoax"
        return "unrelated" if target.sources else "restates"
    own = bool(statement.sources & target.sources)
    if statement.stance == "non_confirmation":
        return "restates" if own else "not_confirm"
    if own:
        return "restates"
    shared = content_words(statement.text) & content_words(target.text)
    about = len(shared) >= DISPUTE_MIN_SHARED or bool(ANAPHORA.search(statement.text))
    if statement.stance == "denial":
        if target.denial:
            return "supports" if about else "unrelated"
        return "disputes" if about else "unrelated"
    if target.denial:
        # the accusers dispute a denial; whether anyone else asserts the denied proposition or
        # agrees with the denial, shared words cannot tell: that is left to the model
        return "disputes" if statement.sources & target.accusers else "unrelated"
    restates = statement.continues or _restates(statement, target)
    return "supports" if restates else "unrelated"


def _restates(statement: Statement, target: Target) -> bool:
    a, b = content_words(statement.text), content_words(target.text)
    if not a or not b:
        return False
    shared = a & b
    return len(shared) >= SUPPORT_MIN_SHARED and len(shared) / min(len(a), len(b)) >= (
        SUPPORT_MIN_OVERLAP
    )


def content_words(text: str, stop: Collection[str] = STOP, *, hyphens: bool = True) -> set[str]:
    """Stemmed words of three letters or more that are not ``stop`` words; ``hyphens`` keeps
    "co-opting" one word (the claims stage's grouping splits it)."""
    pattern = r"[A-Za-z][\w'-]+" if hyphens else r"[A-Za-z][\w']+"
    words = re.findall(pattern, text.lower().replace("’", "'"))
    return {_stem(w) for w in words if w not in stop and len(w) > 2}


def _stem(word: str) -> str:
    word = re.sub(r"'s$", "", word)
    for suffix in ("ing", "ed", "es", "s", "ian"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


#: How many of the claim's first content words name its actor ("Police opened fire on ...",
#: "Indonesian police opened ..."; not "Protesters clashed with police").
ACTOR_WORDS = 2


def speaks_for_actor(claim: str, role: str | None, affiliation: str | None = None) -> bool:
    """Whether a speaker's role ("police spokesman", "prison service spokeswoman") speaks for
    the body that acts in the claim ("Police opened fire on protesters"): a word before the
    spokesperson's title, or their affiliation ("Prison"), names the claim's actor, among its
    first content words."""
    said = re.findall(r"[A-Za-z]+", (role or "").lower())
    titles = [k for k, w in enumerate(said) if w in words("speaking_roles")]
    if not titles:
        return False
    body = said[: titles[0]] + re.findall(r"[A-Za-z]+", (affiliation or "").lower())
    bodies = {_stem(w) for w in body if len(w) > 2}
    actor = [w for w in re.findall(r"[A-Za-z]{3,}", claim) if w.lower() not in STOP][:ACTOR_WORDS]
    return bool(bodies & {_stem(w.lower()) for w in actor})


def defends(statement: str) -> bool:
    """Whether a statement justifies an act the way the accused do ("we had no choice", "warning
    shots", "in self-defence"): the act happened otherwise than the claim says (guide 4: a
    denial by the accused is a dispute by an interested party)."""
    return bool(pattern("defence_cues").search(statement))
