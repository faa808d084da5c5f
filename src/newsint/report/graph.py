"""The actor network of an article: who does what to whom, according to whom, how surely.

* :func:`actor_graph` — a JSON-ready dict: ``nodes`` (actors with type, country code and the
  actor they are part of) and ``edges`` (actor -> target, one per event, with the open action, the
  PLOVER category, evidence spans and text, the asserting claim, its sources and its grade, e.g.
  ``"D4"``, and the negated / hedged / hypothetical flags);
* :func:`to_graphml` — the same graph as GraphML (standard library only);
* :func:`to_svg` — a small self-contained inline SVG drawing (circle layout, no script) for the
  HTML report.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from typing import Any

from newsint.models import Actor, Analysis, Claim, Event

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
#: Edge colours by PLOVER quad class: cooperation blue, conflict red, unlabelled grey.
COLOURS = {"coop": "#2b6cb0", "conf": "#c53030", None: "#718096"}
CONFLICT = frozenset("ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split())


def _node_id(actor: Actor) -> str:
    return "a:" + actor.name.lower()


def _grade(claim: Claim | None) -> str | None:
    if claim is None or claim.grade is None:
        return None
    return f"{claim.grade.reliability}{claim.grade.credibility}"


def _edge(event: Event, claim: Claim | None, text: str) -> dict[str, Any]:
    assert event.target is not None
    evidence = event.spans[0] if event.spans else None
    return {
        "id": event.id,
        "source": _node_id(event.actor),
        "target": _node_id(event.target),
        "action": event.action,
        "plover": event.plover,
        "events": [event.id],
        "evidence": [list(s) for s in event.spans[:1]],
        "evidence_text": text[evidence[0] : evidence[1]] if evidence else "",
        "claim_id": event.claim_id,
        "source_ids": list(claim.source_ids) if claim is not None else [],
        "grade": _grade(claim),
        "negated": event.negated,
        "hedged": event.hedged,
        "hypothetical": event.hypothetical,
    }


def actor_graph(analysis: Analysis) -> dict[str, Any]:
    """Nodes (actors) and typed edges (events with a target) of one analysed article."""
    from newsint.nlp.actors import part_of

    claims = {c.id: c for c in analysis.claims}
    nodes: dict[str, dict[str, Any]] = {}
    edges: list[dict[str, Any]] = []
    parents = part_of()
    for event in analysis.events:
        if event.target is None:
            continue
        for actor in (event.actor, event.target):
            node = nodes.setdefault(
                _node_id(actor),
                {
                    "id": _node_id(actor),
                    "name": actor.name,
                    "type": actor.type,
                    "code": actor.code,
                    "part_of": parents.get(actor.name),
                    "events": 0,
                },
            )
            node["events"] += 1
        claim = claims.get(event.claim_id) if event.claim_id else None
        edges.append(_edge(event, claim, analysis.article.text))
    return {
        "article_id": analysis.article.id,
        "rules": analysis.versions.get("events", ""),
        "nodes": list(nodes.values()),
        "edges": edges,
    }


def to_graphml(analysis: Analysis) -> str:
    """The actor graph as a GraphML document (directed multigraph)."""
    graph = actor_graph(analysis)
    ET.register_namespace("", GRAPHML_NS)
    root = ET.Element(f"{{{GRAPHML_NS}}}graphml")
    keys = [
        ("name", "node", "string"),
        ("type", "node", "string"),
        ("code", "node", "string"),
        ("part_of", "node", "string"),
        ("action", "edge", "string"),
        ("plover", "edge", "string"),
        ("evidence", "edge", "string"),
        ("evidence_text", "edge", "string"),
        ("claim_id", "edge", "string"),
        ("source_ids", "edge", "string"),
        ("grade", "edge", "string"),
        ("negated", "edge", "boolean"),
        ("hedged", "edge", "boolean"),
        ("hypothetical", "edge", "boolean"),
    ]
    for name, domain, kind in keys:
        ET.SubElement(
            root,
            f"{{{GRAPHML_NS}}}key",
            {"id": f"{domain[0]}_{name}", "for": domain, "attr.name": name, "attr.type": kind},
        )
    g = ET.SubElement(
        root, f"{{{GRAPHML_NS}}}graph", {"id": graph["article_id"], "edgedefault": "directed"}
    )

    def data(parent: ET.Element, key: str, value: object) -> None:
        if value is None or value == []:
            return
        if isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, list):
            text = " ".join(f"{v[0]}-{v[1]}" if isinstance(v, list) else str(v) for v in value)
        else:
            text = str(value)
        ET.SubElement(parent, f"{{{GRAPHML_NS}}}data", {"key": key}).text = text

    for node in graph["nodes"]:
        el = ET.SubElement(g, f"{{{GRAPHML_NS}}}node", {"id": node["id"]})
        for name in ("name", "type", "code", "part_of"):
            data(el, f"n_{name}", node[name])
    for edge in graph["edges"]:
        el = ET.SubElement(
            g,
            f"{{{GRAPHML_NS}}}edge",
            {"id": edge["id"], "source": edge["source"], "target": edge["target"]},
        )
        for name in (
            "action",
            "plover",
            "evidence",
            "evidence_text",
            "claim_id",
            "source_ids",
            "grade",
            "negated",
            "hedged",
            "hypothetical",
        ):
            data(el, f"e_{name}", edge[name])
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def _esc(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def to_svg(analysis: Analysis, *, size: int = 560) -> str:
    """A self-contained SVG drawing of the actor graph: actors on a circle, events as arrows.

    Arrows are blue for cooperation, red for conflict, grey when unlabelled; dashed when the
    event is hedged or negated. Each arrow carries a ``<title>`` with action, category, grade
    and evidence, shown as a tooltip by browsers.
    """
    graph = actor_graph(analysis)
    nodes = graph["nodes"]
    if not nodes:
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="40" role="img">'
            '<text x="8" y="24" font-family="sans-serif" font-size="13">'
            "No actor network found.</text></svg>"
        )
    cx = cy = size / 2
    radius = size / 2 - 90
    pos: dict[str, tuple[float, float]] = {}
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / len(nodes) - math.pi / 2
        pos[node["id"]] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" role="img" aria-label="Actor network">',
        "<defs>",
    ]
    for key, colour in COLOURS.items():
        out.append(
            f'<marker id="arrow-{key or "none"}" viewBox="0 0 10 10" refX="10" refY="5" '
            f'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
            f'<path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
        )
    out.append("</defs>")
    pair_count: dict[tuple[str, str], int] = {}
    for edge in graph["edges"]:
        (x1, y1), (x2, y2) = pos[edge["source"]], pos[edge["target"]]
        pair = (edge["source"], edge["target"])
        k = pair_count.get(pair, 0)
        pair_count[pair] = k + 1
        dx, dy = x2 - x1, y2 - y1
        dist = math.hypot(dx, dy) or 1.0
        # stop short of the node circles, bend parallel edges apart
        sx, sy = x1 + dx / dist * 14, y1 + dy / dist * 14
        ex, ey = x2 - dx / dist * 16, y2 - dy / dist * 16
        bend = 18 * (k + 1) * (1 if k % 2 == 0 else -1)
        mx, my = (sx + ex) / 2 - dy / dist * bend, (sy + ey) / 2 + dx / dist * bend
        quad = (
            None if edge["plover"] is None else ("conf" if edge["plover"] in CONFLICT else "coop")
        )
        unsure = edge["hedged"] or edge["negated"] or edge["hypothetical"]
        dash = ' stroke-dasharray="5,4"' if unsure else ""
        label = f"{edge['action']} ({edge['plover'] or 'no category'})"
        tip = (
            f"{label}; grade {edge['grade'] or 'n/a'}"
            f"{'; negated' if edge['negated'] else ''}{'; hedged' if edge['hedged'] else ''}"
            f"{'; hypothetical' if edge['hypothetical'] else ''}"
            f": {edge['evidence_text']}"
        )
        out.append(
            f'<g class="edge"><title>{_esc(tip)}</title>'
            f'<path d="M{sx:.1f},{sy:.1f} Q{mx:.1f},{my:.1f} {ex:.1f},{ey:.1f}" fill="none" '
            f'stroke="{COLOURS[quad]}" stroke-width="1.6"{dash} '
            f'marker-end="url(#arrow-{quad or "none"})"/>'
            f'<text x="{mx:.1f}" y="{my:.1f}" font-family="sans-serif" font-size="9" '
            f'fill="#4a5568" text-anchor="middle">{_esc(edge["action"][:24])}</text></g>'
        )
    for node in nodes:
        x, y = pos[node["id"]]
        fill = {"state": "#ebf8ff", "armed_group": "#fff5f5", "organisation": "#f0fff4"}.get(
            node["type"], "#f7fafc"
        )
        anchor = "start" if x > cx + 1 else ("end" if x < cx - 1 else "middle")
        tx = x + (18 if anchor == "start" else -18 if anchor == "end" else 0)
        ty = y + (4 if anchor != "middle" else (-18 if y < cy else 24))
        code = f" ({node['code']})" if node["code"] and node["type"] == "state" else ""
        out.append(
            f'<g class="node"><title>{_esc(node["name"])}: {_esc(node["type"])}</title>'
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="12" fill="{fill}" stroke="#2d3748"/>'
            f'<text x="{tx:.1f}" y="{ty:.1f}" font-family="sans-serif" font-size="11" '
            f'text-anchor="{anchor}">{_esc(node["name"] + code)}</text></g>'
        )
    out.append("</svg>")
    return "".join(out)


__all__ = ["actor_graph", "to_graphml", "to_svg"]
