"""Run every language component on one text: the only place a spaCy Doc is made for analysis."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc

from newsint.models import Attribution, Claim, Cue, Event, Source
from newsint.nlp import MODEL, load_pipeline
from newsint.nlp import attribution as attribution_stage
from newsint.nlp import claims as claims_stage
from newsint.nlp import events as events_stage
from newsint.nlp import hedging as hedging_stage
from newsint.nlp import kinds as kinds_stage
from newsint.nlp import profiles as sources_stage
from newsint.nlp import source_context as context_stage


@dataclass(slots=True)
class Parts:
    attributions: list[Attribution] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)


#: Seconds spent in each stage by this process, summed over documents (read by the benchmarks).
STAGE_SECONDS: dict[str, float] = defaultdict(float)


#: Documents parsed together by :func:`parse_many` (spaCy's ``nlp.pipe``): the parses are the
#: same as one at a time, a few per cent cheaper.
PARSE_BATCH = 16


def analyse_text(text: str, *, title: str | None = None) -> Parts:
    clock = _Clock()
    doc = load_pipeline()(text)
    clock.lap("parse")
    return analyse_doc(doc, title=title, clock=clock)


def parse_many(texts: list[str]) -> Iterator[Doc]:
    """The parse of each text, in order, in batches of :data:`PARSE_BATCH`."""
    clock = _Clock()
    for doc in load_pipeline().pipe(texts, batch_size=PARSE_BATCH):
        clock.lap("parse")
        yield doc
        clock.last = time.perf_counter()  # the caller's time between documents is not the parse's


def analyse_doc(doc: Doc, *, title: str | None = None, clock: _Clock | None = None) -> Parts:
    """Every stage after the parse, on one parsed text."""
    clock = clock or _Clock()
    attributions = attribution_stage.find_attributions(doc)
    clock.lap("attribution")
    sources, attributions = sources_stage.resolve_sources(doc, attributions)
    clock.lap("sources")
    cues = hedging_stage.find_cues(doc)
    clock.lap("hedging")
    sources = context_stage.refine_profiles(doc.text, sources, attributions, cues)
    sources = kinds_stage.classify(doc, sources, attributions)
    clock.lap("sources")
    claims = claims_stage.build_claims(doc, attributions, sources, cues, title=title)
    sources = context_stage.accused_deniers(doc.text, sources, claims, cues)
    clock.lap("claims")
    events = events_stage.find_events(doc, claims, cues, sources=sources)
    clock.lap("events")
    versions = {
        "spacy_model": MODEL,
        "attribution": getattr(attribution_stage, "VERSION", "newsint.attribution"),
        "sources": sources_stage.RULES,
        "profiles": context_stage.RULES,
        "kinds": kinds_stage.VERSION,
        "hedges": getattr(hedging_stage, "RULES", "newsint.hedges"),
        "claims": claims_stage.RULES,
        "events": events_stage.RULES,
    }
    return Parts(attributions, sources, cues, claims, events, versions)


class _Clock:
    def __init__(self) -> None:
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        STAGE_SECONDS[stage] += now - self.last
        self.last = now
