"""The JSON report: the public contract (``docs/report-contract.md``), validated by its schema."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from newsint import __version__
from newsint.models import Analysis, Article, Claim, Event, Removed, Skipped, Source, Spans
from newsint.outlets import outlet_rating
from newsint.report.graph import actor_graph

SCHEMA_VERSION = 1


def _spans(spans: Spans) -> list[list[int]]:
    return [[s, e] for s, e in spans]


def to_dict(analysis: Analysis) -> dict[str, Any]:
    """One analysis as the report object of the contract."""
    a = analysis.article
    claims_by_id = {c.id: c for c in analysis.claims}
    return {
        "newsint_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "document": {
            "id": a.id,
            "url": a.url,
            "title": a.title,
            "site": a.site,
            "published": a.published,
            "language": a.language,
            "input_format": a.input_format,
            "name": a.name,
            "outlet_rating": _outlet(a.url or a.site),
            "authors": list(a.authors),
            "origins": dict(a.origins),
        },
        "text": a.text,
        "removed": [_removed(r) for r in a.removed],
        "provenance": _provenance(a),
        "sources": [_source(s) for s in analysis.sources],
        "attributions": [
            {
                "id": x.id,
                "source_id": x.source_id,
                "source_ids": [i for i in (x.source_id, *x.co_source_ids) if i],
                "source": _spans(x.source),
                "cue": _spans(x.cue),
                "content": _spans(x.content),
                "kind": x.kind,
            }
            for x in analysis.attributions
        ],
        "claims": [_claim(c) for c in analysis.claims],
        "events": [_event(e, claims_by_id) for e in analysis.events],
        "cues": [
            {"span": [c.span[0], c.span[1]], "kind": c.kind, "text": c.text} for c in analysis.cues
        ],
        "summary": {
            "sourcing": analysis.summary.sourcing if analysis.summary else "",
            "counts": dict(analysis.summary.counts) if analysis.summary else {},
            "central_claim_id": analysis.summary.central_claim_id if analysis.summary else None,
        },
        "graph": actor_graph(analysis),
        "versions": dict(analysis.versions),
    }


def _pair(span: tuple[int, int] | None) -> list[int] | None:
    return None if span is None else [span[0], span[1]]


def _removed(r: Removed) -> dict[str, Any]:
    return {
        "text": r.text,
        "reason": r.reason,
        "input_span": _pair(r.span),
        "byte_span": _pair(r.byte_span),
    }


def _provenance(a: Article) -> dict[str, Any]:
    """Each paragraph of ``text`` mapped to the decoded input and its raw bytes."""
    return {
        "input": a.content_kind,
        "encoding": a.encoding,
        "sha256": a.sha256,
        "paragraphs": [
            {"span": _pair(p.span), "input_span": _pair(p.input_span),
             "byte_span": _pair(p.byte_span)}
            for p in a.paragraphs
        ],
    }  # fmt: skip


def _outlet(url: str | None) -> dict[str, Any] | None:
    rating = outlet_rating(url)
    if rating is None:
        return None
    return {"domain": rating.domain, "score": rating.score, "source": rating.source}


def _source(s: Source) -> dict[str, Any]:
    return {
        "id": s.id,
        "name": s.name,
        "anonymous": s.anonymous,
        "anonymity_reason": s.anonymity_reason,
        "kind": s.kind,
        "role": s.role,
        "affiliation": s.affiliation,
        "mentions": _spans(s.mentions),
        "interest": s.interest,
        "interest_span": list(s.interest_span) if s.interest_span else None,
        "relays_others": s.relays_others,
        "relay_span": list(s.relay_span) if s.relay_span else None,
        "statements": s.statements,
    }


def _claim(c: Claim) -> dict[str, Any]:
    grade = c.grade
    return {
        "id": c.id,
        "text": c.text,
        "spans": _spans(c.spans),
        "attribution_ids": list(c.attribution_ids),
        "source_ids": list(c.source_ids),
        "certainty": round(c.certainty, 3),
        "hedges": _spans(c.hedges),
        "supported_by": list(c.supported_by),
        "disputed_by": list(c.disputed_by),
        "not_confirmed_by": list(c.not_confirmed_by),
        "grade": None
        if grade is None
        else {
            "reliability": grade.reliability,
            "credibility": grade.credibility,
            "reasons": [{"text": r.text, "spans": _spans(r.spans)} for r in grade.reasons],
            "rules": grade.rules,
        },
        "central": c.central,
        "same_as": c.same_as,
        "checkworthiness": c.checkworthiness,
    }


def _event(e: Event, claims: dict[str, Claim]) -> dict[str, Any]:
    claim = claims.get(e.claim_id) if e.claim_id else None
    return {
        "id": e.id,
        "actor": {"name": e.actor.name, "type": e.actor.type, "code": e.actor.code},
        "action": {"text": e.action, "plover": e.plover},
        "target": None
        if e.target is None
        else {"name": e.target.name, "type": e.target.type, "code": e.target.code},
        "spans": _spans(e.spans),
        "claim_id": e.claim_id,
        "asserted_by": list(claim.source_ids) if claim else [],
        "negated": e.negated,
        "hedged": e.hedged,
        "hypothetical": e.hypothetical,
        "reported_by": list(e.reported_by),
    }


def skipped_to_dict(skipped: Skipped) -> dict[str, Any]:
    return {"document": {"id": skipped.id, "name": skipped.name}, "error": skipped.reason}


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    text = resources.files("newsint.report").joinpath("report.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def validate(report: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when a report breaks the contract."""
    import jsonschema

    jsonschema.validate(report, schema())


#: The fields of a report that hold a span ``[s, e]`` or a span list ``[[s, e], ...]``.
SPAN_FIELDS = frozenset(
    {"mentions", "source", "cue", "content", "spans", "hedges", "span", "interest_span",
     "relay_span", "evidence"}
)  # fmt: skip


def spans_out_of_range(report: dict[str, Any]) -> list[tuple[str, list[int]]]:
    """Every span of ``report`` that is not ``0 <= s <= e <= len(text)``, with its field: the
    contract says none is (an empty list is the good answer)."""
    size = len(report.get("text") or "")
    bad: list[tuple[str, list[int]]] = []

    def check(field: str, value: Any) -> None:
        if _is_span(value):
            if not 0 <= value[0] <= value[1] <= size:
                bad.append((field, value))
        elif isinstance(value, list) and all(_is_span(v) for v in value):
            for v in value:
                check(field, v)
        else:
            walk(value)

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in SPAN_FIELDS and value is not None:
                    check(key, value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk({k: v for k, v in report.items() if k != "text"})
    return bad


def _is_span(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    )


def dumps(report: dict[str, Any], *, indent: int | None = None) -> str:
    return json.dumps(report, ensure_ascii=False, indent=indent)
