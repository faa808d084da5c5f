"""Actors: find the minimal actor phrase around a token and normalise it through an alias table.

Two jobs, both small:

* :func:`actor_phrase` cuts the *minimal* noun phrase that names an actor out of a parse:
  "Up to 16 Russian civilian advisers" -> "Russian civilian advisers", "Thousands of Nigerians"
  -> "Nigerians", "members of the Association of African Jurists" -> "Association of African
  Jurists", "Turkey's efforts" -> "Turkey" (the possessor when the head names no actor).
* :func:`normalise` / :func:`lookup` map a phrase to a canonical :class:`~newsint.models.Actor`
  through the alias table kept as data (``newsint/data/actors.json``, rules ``newsint.actors.v2``):
  Iran / Iranian regime / Tehran -> Iran (state, IRN); ISIS / Islamic State / ISIL / Daesh ->
  ISIS (armed_group); IRGC -> Islamic Revolutionary Guard Corps (organisation, part of Iran).
  Phrases outside the table are typed from spaCy's entity label or their head noun.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

from newsint.models import Actor
from newsint.nlp import entities

RULES = "newsint.actors.v2"

#: spaCy entity labels that name actors, and the actor type each gives.
ENTITY_TYPES = {
    "GPE": "state",
    "NORP": "group",
    "ORG": "organisation",
    "PERSON": "person",
    "FAC": "place",
    "LOC": "place",
}
#: Head nouns that make a common noun phrase an actor ("Palestinian refugees", "the militias").
ACTOR_NOUNS = frozenset(
    """militia militias fighter fighters rebel rebels insurgent insurgents troop troops force forces
    government governments regime parliament army police military people protesters protester
    group groups official officials authority authorities minister ministers president leader
    leaders diplomat diplomats soldier soldiers civilian civilians refugee refugees worker workers
    student students farmer farmers settler settlers guerrilla guerrillas militant militants
    opposition party parties administration court council committee ministry agency service
    delegation negotiator negotiators mediator envoy ambassador embassy union coalition alliance
    movement front organisation organization company corporation bank congress senate assembly
    side sides navy aircraft helicopters warships tanks jets member members spokesman
    spokeswoman demonstrators activists supporters elders residents villagers nationals
    citizens detainees prisoners hostages advisers observers peacekeepers inspectors
    servicemen youths candidates politicians dissidents extremists separatists terrorists
    bombers gunmen attackers squads cell network nation nations officers personnel
    community communities kurds shia sunni minority majority chief king queen prince sheikh
    cleric clerics judge prosecutor prosecutors lawmakers legislators deputies
    commander commanders officer agent agents journalist journalists photojournalist reporter
    woman women man men family families doctors medics nurses plaintiff plaintiffs lawyer
    lawyers attorney attorneys editor managers volunteers seals commandos crew spy spies
    operative operatives suspect suspects aide aides adviser secretary executioner captive
    captives jihadists islamists brutes thugs mob crowd employees scientists investigators
    fanatics voters
    board team""".split()
)
#: Singulars of the plural actor nouns, so that a lemma matches too: "an American hostage",
#: "the prisoner", "a detainee" (the list names most groups in the plural only).
ACTOR_LEMMAS = ACTOR_NOUNS | frozenset(
    w[:-1] for w in ACTOR_NOUNS if w.endswith("s") and not w.endswith(("ies", "ss", "seals"))
)
#: Heads of partitive phrases that stand in for their "of" object: "thousands of Nigerians".
PARTITIVE = frozenset(
    """thousands hundreds dozens scores millions some group number members member majority
    batch patch part one two three four five several many most all band contingent crowd
    unit units team teams""".split()
)
#: Leading words dropped from an actor phrase: evaluative adjectives and quantifiers.
DROP_LEADING = frozenset(
    """senior top main young angry radical newly appointed visiting ousted former outgoing
    incoming new up to about some at least more than nearly around over least
    approximately roughly both""".split()
)
PRONOUNS = frozenset("i we you he she it they me us him her them this that these those who".split())


@lru_cache(maxsize=1)
def alias_table() -> dict[str, tuple[str, str, str | None]]:
    """Lower-cased alias -> (canonical name, type, code), from ``newsint/data/actors.json``."""
    raw = json.loads(resources.files("newsint.data").joinpath("actors.json").read_text("utf-8"))
    table: dict[str, tuple[str, str, str | None]] = {}
    for entry in raw["actors"]:
        value = (entry["name"], entry["type"], entry.get("code"))
        for alias in [entry["name"], *entry.get("aliases", [])]:
            table.setdefault(_key(alias), value)
    return table


@lru_cache(maxsize=1)
def part_of() -> dict[str, str]:
    """Canonical name -> the canonical name of the actor it belongs to (IRGC -> Iran)."""
    raw = json.loads(resources.files("newsint.data").joinpath("actors.json").read_text("utf-8"))
    return {e["name"]: e["part_of"] for e in raw["actors"] if e.get("part_of")}


def _key(text: str) -> str:
    text = text.lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"^(the|a|an)\s+", "", text)
    return re.sub(r"[^\w.]+", " ", text).replace(" .", " ").strip(" .")


def lookup(text: str) -> Actor | None:
    """The known actor a phrase names: the whole phrase, else its longest known word run.

    Runs are tried longest first and, among equals, rightmost first, so the head of "Iran's
    intelligence agency" wins over its possessor only when the whole run is known.
    """
    table = alias_table()
    key = _key(text)
    if key in table:
        return Actor(*table[key])
    words = key.split()
    for size in range(min(6, len(words)), 0, -1):
        for start in range(len(words) - size, -1, -1):
            piece = " ".join(words[start : start + size])
            # one-word pieces only when they are the head, or a proper name / demonym
            if piece in table and (size > 1 or start + size == len(words) or _strong(piece)):
                return Actor(*table[piece])
    return None


def _strong(word: str) -> bool:
    """A single word that names its actor wherever it stands ("Iran" in "Iran's forces")."""
    name, kind, _ = alias_table()[word]
    return kind in {"state", "armed_group", "igo"} and len(word) > 2


def normalise(text: str, label: str | None = None, head: str | None = None) -> Actor:
    """An :class:`Actor` for a phrase: the alias table first, else the entity label or head noun."""
    known = lookup(text)
    if known is not None:
        return known
    clean = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
    if label in ENTITY_TYPES:
        return Actor(clean, ENTITY_TYPES[label])
    if head is not None and head.lower() in ACTOR_NOUNS:
        kind = "person" if head.lower() in {"president", "minister", "leader", "king"} else "group"
        return Actor(clean, kind)
    return Actor(clean, "other")


# ---------------------------------------------------------------------------------------------
# spaCy side: which tokens name actors, and the minimal phrase around them
# ---------------------------------------------------------------------------------------------


def is_actor_token(token: Token) -> bool:
    """Does this noun (the head of a phrase) name an actor?"""
    if token.pos_ == "PRON":
        return token.lower_ in PRONOUNS and token.lower_ not in {"this", "that", "it"}
    if token.ent_type_ in ENTITY_TYPES:
        return True
    if token.lower_ in ACTOR_NOUNS or token.lemma_.lower() in ACTOR_LEMMAS:
        return True
    return lookup(token.text) is not None


def names_actor(phrase: Span) -> bool:
    return any(t.ent_type_ in ENTITY_TYPES for t in phrase) or is_actor_token(phrase.root)


def actor_phrase(head: Token) -> Span:
    """The minimal noun phrase naming the actor headed by ``head``.

    Partitive heads hand over to their object; the phrase keeps left modifiers, compounds and a
    trailing "of"/"in" phrase that names a place or body ("Security forces in Guinea",
    "government of Sindh province"), and drops determiners, numbers, appositions, relative
    clauses, parentheses and evaluative adjectives.
    """
    doc = head.doc
    head = _through_partitive(head)
    if head.ent_type_ and head.ent_iob_ != "O":
        ent = _entity_of(head)
        if ent is not None and ent.root == head and head.pos_ == "PROPN":
            left = min(ent.start, _left_modifiers_start(head))
            return _trim(doc[left : ent.end])
    left = _left_modifiers_start(head)
    right = head.i
    for child in head.rights:
        if child.dep_ in {"compound", "flat", "nummod"} and child.i == right + 1:
            right = child.i
        elif (
            child.dep_ == "prep"
            and child.lower_ in {"of", "in"}
            and child.i == right + 1
            and head.pos_ != "PROPN"
        ):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and (pobj.ent_type_ in ENTITY_TYPES or pobj.pos_ == "PROPN"):
                right = _entity_end(pobj) - 1
    return _trim(doc[left : right + 1])


def _through_partitive(head: Token) -> Token:
    seen = 0
    while head.lower_ in PARTITIVE and seen < 3:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if pobj is None:
            break
        head, seen = pobj, seen + 1
    return head


def _left_modifiers_start(head: Token) -> int:
    """Where the left modifiers of ``head`` begin (compounds, adjectives, possessors)."""
    left = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ in {"compound", "amod", "poss", "nmod", "npadvmod", "flat", "case"}:
            left = child.left_edge.i
        elif (
            child.dep_ in {"det", "nummod", "quantmod", "predet", "advmod", "punct"}
            or child.dep_ == "cc"
            or child.dep_ == "conj"
        ):
            continue
        else:
            break
    return left


def _entity_of(token: Token) -> Span | None:
    for ent in entities(token.doc):
        if ent.start <= token.i < ent.end:
            return ent
    return None


def _entity_end(token: Token) -> int:
    ent = _entity_of(token)
    return ent.end if ent is not None else token.i + 1


def _trim(span: Span) -> Span:
    """Drop leading determiners, numbers and evaluative words, and parenthesised asides."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end - 1 and (
        doc[start].dep_ in {"det", "nummod", "quantmod", "predet", "punct", "cc", "case"}
        or doc[start].like_num
        or (doc[start].lower_ in DROP_LEADING and not doc[start].ent_type_)
        or doc[start].lower_ in {"the", "a", "an"}
    ):
        start += 1
    while end > start + 1 and doc[end - 1].is_punct and doc[end - 1].text not in {")"}:
        end -= 1
    # "(APEC)" inside or at the end of a phrase is an aside
    for i in range(start, end):
        if doc[i].text == "(":
            close = next((j for j in range(i, end) if doc[j].text == ")"), None)
            if close is not None and i > start and close == end - 1:
                end = i
                break
    return doc[start:end]
