"""A speaker being built by :mod:`newsint.nlp.speakers`: every mention and what it names."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsint.models import Span


@dataclass(slots=True)
class _Entity:
    """A source being built: every mention, the fullest one, and its profile."""

    mentions: list[Span] = field(default_factory=list)
    full: Span = (0, 0)
    person: str | None = None  # the PERSON name when the source is a named person
    org: str | None = None  # the ORG name when the source is an organisation
    head: str = ""  # lower-cased head noun of an unnamed source ("official", "analysts")
    document: bool = False  # an unnamed report, study, poll, video ... (speaker_class "document")
    named: bool = False  # a name NER missed ("Schiff", "WeWork"): named, neither person nor org
    attribution_ids: list[str] = field(default_factory=list)
    pronoun: str = ""  # "he" or "she" once a pronoun of either was resolved to this speaker
    shared_title: str | None = None  # "Sen." of "Sens. A, B and C said", for B and C


def fold_into(
    entities: list[_Entity], linked: dict[str, int], into: dict[int, int]
) -> tuple[list[_Entity], dict[str, int]]:
    """The speakers with each ``into`` key folded into its value (mentions and attributions
    moved), and the attribution links renumbered."""
    for source, target in into.items():
        entities[target].mentions.extend(entities[source].mentions)
        entities[target].attribution_ids.extend(entities[source].attribution_ids)
    return drop_folded(entities, linked, into)


def drop_folded(
    entities: list[_Entity], linked: dict[str, int], into: dict[int, int]
) -> tuple[list[_Entity], dict[str, int]]:
    """The speakers without the ``into`` keys (already folded into their values), and the
    attribution links renumbered."""
    if not into:
        return entities, linked
    kept = [i for i in range(len(entities)) if i not in into]
    renumber = {old: new for new, old in enumerate(kept)}
    linked = {a: renumber[into.get(i, i)] for a, i in linked.items()}
    return [entities[i] for i in kept], linked
