"""Run every language component on one text: the only place a spaCy Doc is made for analysis."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsint.models import Attribution, Claim, Cue, Event, Source
from newsint.nlp import MODEL, load_pipeline
from newsint.nlp import attribution as attribution_stage
from newsint.nlp import claims as claims_stage
from newsint.nlp import events as events_stage
from newsint.nlp import hedging as hedging_stage
from newsint.nlp import sources as sources_stage


@dataclass(slots=True)
class Parts:
    attributions: list[Attribution] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)


def analyse_text(text: str, *, title: str | None = None) -> Parts:
    doc = load_pipeline()(text)
    attributions = attribution_stage.find_attributions(doc)
    sources, attributions = sources_stage.resolve_sources(doc, attributions)
    cues = hedging_stage.find_cues(doc)
    claims = claims_stage.build_claims(doc, attributions, sources, cues, title=title)
    events = events_stage.find_events(doc, claims, cues, sources=sources)
    versions = {
        "spacy_model": MODEL,
        "attribution": getattr(attribution_stage, "VERSION", "newsint.attribution"),
        "sources": sources_stage.RULES,
        "hedges": getattr(hedging_stage, "RULES", "newsint.hedges"),
        "claims": claims_stage.RULES,
        "events": events_stage.RULES,
    }
    return Parts(attributions, sources, cues, claims, events, versions)
