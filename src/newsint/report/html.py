"""The HTML report: the article itself with sources, cues and quotes marked, grades beside it."""

from __future__ import annotations

from html import escape

from newsint.models import Analysis, Span
from newsint.outlets import outlet_rating
from newsint.report.graph import to_svg
from newsint.report.markdown import _quote
from newsint.summary import describe

STYLE = """
body{font:16px/1.5 Georgia,serif;margin:0;display:flex;gap:2rem;padding:1.5rem;color:#222}
main{flex:3;max-width:46rem} aside{flex:2;font:14px/1.4 system-ui,sans-serif}
p{margin:.6rem 0} .src{background:#dbeafe;border-bottom:2px solid #2563eb}
.cue{font-weight:bold;color:#1e3a8a} .content{background:#fef9c3}
.hedge{text-decoration:underline wavy #b45309} .dispute,.denial{background:#fecaca}
.non_confirmation{background:#e5e7eb;text-decoration:underline dotted}
.grade{font:bold 13px monospace;padding:1px 5px;border-radius:3px;background:#111;color:#fff}
table{border-collapse:collapse} td,th{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left}
.summary{background:#f8fafc;border-left:4px solid #334155;padding:.5rem 1rem}
"""


def _marks(analysis: Analysis) -> list[tuple[Span, str, str]]:
    """(span, css class, title) for every mark in the text."""
    names = {s.id: s.name for s in analysis.sources}
    marks: list[tuple[Span, str, str]] = []
    for a in analysis.attributions:
        who = names.get(a.source_id or "", "no source")
        marks += [(s, "content", f"{a.id}: said by {who}") for s in a.content]
        marks += [(s, "cue", f"{a.id}: cue") for s in a.cue]
        marks += [(s, "src", f"{a.id}: source {who}") for s in a.source]
    marks += [(c.span, c.kind, c.kind.replace("_", " ")) for c in analysis.cues]
    return marks


def _highlight(text: str, marks: list[tuple[Span, str, str]]) -> str:
    """Wrap each character run in the classes of the marks covering it."""
    bounds = sorted({0, len(text), *(p for (s, e), _, _ in marks for p in (s, e))})
    pieces = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        chunk = escape(text[start:end]).replace("\n", "</p>\n<p>")
        covering = [(c, t) for (s, e), c, t in marks if s <= start and end <= e]
        if covering:
            classes = " ".join(dict.fromkeys(c for c, _ in covering))
            title = escape("; ".join(dict.fromkeys(t for _, t in covering)))
            chunk = (
                "</span>\n<p>".join(
                    f'<span class="{classes}" title="{title}">{part}'
                    for part in chunk.split("</p>\n<p>")
                )
                + "</span>"
            )
        pieces.append(chunk)
    return "<p>" + "".join(pieces) + "</p>"


def _events(analysis: Analysis) -> str:
    """Who does what to whom, each event linked to its claim and marked negated / hedged."""
    rows = []
    for e in analysis.events:
        flags = ", ".join(
            f
            for f, on in (
                ("negated", e.negated),
                ("hypothetical", e.hypothetical),
                ("hedged", e.hedged),
            )
            if on
        )
        claim = f'<a href="#{e.claim_id}">{e.claim_id}</a>' if e.claim_id else ""
        rows.append(
            f"<tr><td>{escape(e.actor.name)}</td><td>{escape(e.action)}</td>"
            f"<td>{escape(e.target.name) if e.target else ''}</td><td>{escape(e.plover or '')}</td>"
            f"<td>{flags}</td><td>{claim}</td></tr>"
        )
    if not rows:
        return ""
    head = "<tr><th>actor</th><th>action</th><th>target</th><th>PLOVER</th><th></th><th>claim</th>"
    return f'<table class="events">{head}</tr>{"".join(rows)}</table>'


def _removed(analysis: Analysis) -> str:
    """What cleaning dropped from the page, and why (folded: it is not the article)."""
    removed = analysis.article.removed
    if not removed:
        return ""
    items = "".join(f"<li><b>{escape(r.reason)}</b> {escape(r.text[:200])}</li>" for r in removed)
    return (
        f'<details class="removed"><summary>Removed from the page: {len(removed)} blocks'
        f"</summary><ul>{items}</ul></details>"
    )


def render(analysis: Analysis) -> str:
    a = analysis.article
    text = a.text
    by_id = {s.id: s for s in analysis.sources}
    rows = "".join(
        f"<tr><td>{escape(s.name)}</td><td>{'anonymous' if s.anonymous else 'named'}</td>"
        f"<td>{escape(s.kind.replace('_', ' '))}</td><td>{escape(s.role or '')}</td>"
        f"<td>{escape(s.affiliation or '')}</td></tr>"
        for s in analysis.sources
    )
    claims = []
    for c in analysis.claims:
        if c.same_as:
            continue
        g = c.grade
        label = f"{g.reliability}{g.credibility}" if g else "—"
        who = ", ".join(by_id[s].name for s in c.source_ids if s in by_id) or "the outlet"
        reasons = "".join(f"<li>{escape(r.text)}</li>" for r in g.reasons) if g else ""
        extra = ""
        if c.disputed_by:
            extra += "<br>disputed by " + escape(
                ", ".join(describe(by_id[s]) for s in c.disputed_by)
            )
        if c.not_confirmed_by:
            names = ", ".join(describe(by_id[s]) for s in c.not_confirmed_by)
            extra += "<br>not confirmed by " + escape(names)
        central = " <b>central claim</b>" if c.central and not c.same_as else ""
        claims.append(
            f'<li id="{c.id}"><span class="grade">{label}</span>{central} {escape(who)}: '
            f"{escape(_quote(text, c.spans, 160))}{extra}<ul>{reasons}</ul></li>"
        )
    summary = escape(analysis.summary.sourcing) if analysis.summary else ""
    rating = outlet_rating(a.url or a.site)
    outlet = (
        f'<p class="outlet">Outlet: {escape(rating.domain)}, quality {rating.score:.2f} of 1 '
        f"({escape(rating.source)}) — context for the reader, not the grade of any claim.</p>"
        if rating
        else ""
    )
    title = escape(a.title or a.name)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} — newsint</title>
<style>{STYLE}</style></head><body>
<main><h1>{title}</h1>{outlet}<p class="summary">{summary}</p>
<article>{_highlight(text, _marks(analysis))}</article></main>
<aside><h2>Sources</h2><table><tr><th>source</th><th>named?</th><th>kind</th><th>role</th>
<th>affiliation</th></tr>{rows}</table>
<h2>Claims and grades</h2><ol>{"".join(claims)}</ol>
<h2>Who does what to whom</h2>{to_svg(analysis)}{_events(analysis)}
{_removed(analysis)}</aside>
</body></html>
"""
