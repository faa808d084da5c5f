"""Whole-event scoring on real reports: `newsint bench events --data annotations/events/real.jsonl`.

Gold (``annotations/events/real.jsonl``, see its README): ``{"id", "events": [{"evidence",
"span": [start, end], "actor": [names], "action": [words], "target": [names] (empty: none),
"plover", "negated", "hypothetical", "reported_by": name | null}]}``.

Predictions: every :class:`~newsint.models.Event` of ``analyze_text`` on the article, as
``{"actor": [name, mention], "action": str, "at": predicate offset, "target": [...] | [],
"plover", "negated", "hypothetical", "reported_by": [names]}``.

A predicted event *is* a gold event when its predicate lies inside the gold evidence and shares a
word with one of the gold action words (the **event**), its actor name or mention matches one of
the gold actor names, and its target matches (or both have none). Names match when the gold
name's head word is among the predicted words and one word set holds the other ("Kataib
Hezbollah" ~ "Kataib Hezbollah militia"; "officials" does not match "Pakistan"). Pairs are
matched one to one, gold events in order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

WORD = re.compile(r"\w+(?:['’]\w+)?")
#: Words that do not name: articles, "of", possessive markers.
FILLER = frozenset({"the", "a", "an", "of", "its", "his", "her", "their", "'s", "’s"})


def words(text: str) -> list[str]:
    out = []
    for w in WORD.findall(text.lower()):
        w = re.sub(r"['’]s$", "", w)
        if w not in FILLER:
            out.append(w)
    return out


def name_matches(predicted: Sequence[str], gold: Sequence[str]) -> bool:
    """Whether any predicted name (normalised name or mention) names one of the gold names."""
    for g in gold:
        gw = words(g)
        if not gw:
            continue
        for p in predicted:
            pw = words(p or "")
            if not pw or gw[-1] not in pw:
                continue
            if set(gw) <= set(pw) or set(pw) <= set(gw):
                return True
    return False


def _stem(word: str) -> str:
    """A crude stem: "killing", "killed", "kills" -> "kill"; "strikes" -> "strik"."""
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:5]


def action_matches(predicted: str, gold: Sequence[str]) -> bool:
    stems = {_stem(w) for w in words(predicted)}
    return any(_stem(w) in stems for g in gold for w in words(g))


@dataclass(slots=True)
class Tally:
    """Counts over the whole set; :meth:`figures` turns them into the printed figures."""

    gold: int = 0
    predicted: int = 0
    whole: int = 0  # actor, action and target all right
    found: int = 0  # the event itself (predicate inside the evidence, same action)
    actor: int = 0
    target: int = 0
    category: int = 0
    negated: int = 0
    hypothetical: int = 0
    reported_by: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 0.0

        p, r = ratio(self.whole, self.predicted), ratio(self.whole, self.gold)
        return {
            "whole_event_precision": p,
            "whole_event_recall": r,
            "whole_event_F1": 2 * p * r / (p + r) if p + r else 0.0,
            "event_precision": ratio(self.found, self.predicted),
            "event_recall": ratio(self.found, self.gold),
            "actor_accuracy": ratio(self.actor, self.found),
            "target_accuracy": ratio(self.target, self.found),
            "category_accuracy": ratio(self.category, self.found),
            "negated_accuracy": ratio(self.negated, self.found),
            "hypothetical_accuracy": ratio(self.hypothetical, self.found),
            "reported_by_accuracy": ratio(self.reported_by, self.found),
            "gold_events": float(self.gold),
            "predicted_events": float(self.predicted),
        }


def _located(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    start, end = gold["span"]
    return start <= pred["at"] < end and action_matches(pred["action"], gold["action"])


def _whole(pred: dict[str, Any], gold: dict[str, Any]) -> tuple[bool, bool]:
    actor = name_matches(pred["actor"], gold["actor"])
    if not gold["target"]:
        return actor, not pred["target"]
    return actor, name_matches(pred["target"], gold["target"])


def whole_match(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Whether a predicted event is the gold event whole: located, actor and target right."""
    return _located(pred, gold) and all(_whole(pred, gold))


def _reported_ok(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    if gold["reported_by"] is None:
        return not pred["reported_by"]
    return name_matches(pred["reported_by"], [gold["reported_by"]])


def score_document(gold: list[dict[str, Any]], preds: list[dict[str, Any]], tally: Tally) -> None:
    """Add one article's gold and predicted events to ``tally`` (one-to-one matching)."""
    tally.gold += len(gold)
    tally.predicted += len(preds)
    used: set[int] = set()
    located: list[tuple[dict[str, Any], dict[str, Any]] | None] = []
    for g in gold:  # first whole matches, then the best partial one for the diagnostics
        whole = (i for i, p in enumerate(preds) if _located(p, g) and all(_whole(p, g)))
        hit = next((i for i in whole if i not in used), None)
        if hit is not None:
            used.add(hit)
            tally.whole += 1
        located.append((g, preds[hit]) if hit is not None else None)
    for k, g in enumerate(gold):
        if located[k] is None:
            hit = next((i for i, p in enumerate(preds) if i not in used and _located(p, g)), None)
            if hit is not None:
                used.add(hit)
                located[k] = (g, preds[hit])
    for k, g in enumerate(gold):
        pair = located[k]
        if pair is None:
            tally.errors.append({"error": "missed", "gold": g})
            continue
        p = pair[1]
        tally.found += 1
        actor, target = _whole(p, g)
        tally.actor += actor
        tally.target += target
        tally.category += p["plover"] == g["plover"]
        tally.negated += p["negated"] == g["negated"]
        tally.hypothetical += p["hypothetical"] == g["hypothetical"]
        tally.reported_by += _reported_ok(p, g)
        if not (actor and target):
            kind = "actor" if not actor else "target"
            kind = "actor+target" if not actor and not target else kind
            tally.errors.append({"error": f"wrong {kind}", "gold": g, "pred": p})
    for i, p in enumerate(preds):
        if i not in used:
            tally.errors.append({"error": "spurious", "pred": p})


def score_documents(
    gold: dict[str, list[dict[str, Any]]], preds: dict[str, list[dict[str, Any]]]
) -> Tally:
    tally = Tally()
    for doc_id, events in gold.items():
        score_document(events, preds.get(doc_id, []), tally)
    return tally


def format_figures(figures: dict[str, float]) -> str:
    keys = ("whole_event_precision", "whole_event_recall", "whole_event_F1")
    lines = [f"{k}={v:.3f}" for k, v in figures.items() if k not in keys]
    lines.append(" ".join(f"{k}={figures[k]:.3f}" for k in keys))
    return "\n".join(lines)


__all__ = [
    "Tally",
    "action_matches",
    "format_figures",
    "name_matches",
    "score_document",
    "score_documents",
    "whole_match",
    "words",
]
