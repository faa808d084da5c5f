"""The Markdown report: what a standards editor reads in a minute.

Markdown renderers pass raw HTML through, so an article's ``<script>`` or ``<img onerror>``
written as is would run wherever the report is shown: every ``&``, ``<`` and ``>`` of the report
is written as an HTML entity (renderers show the character), and the report's own markup uses
none of them.
"""

from __future__ import annotations

import html

from newsint.models import Analysis, Claim, Source
from newsint.outlets import outlet_rating
from newsint.summary import describe

QUOTE_MARKS = "\"“”‘’'«»"


def _excerpt(text: str, spans: tuple[tuple[int, int], ...], limit: int = 220) -> str:
    """The spans' text on one line, cut at ``limit``."""
    body = " … ".join(" ".join(text[s:e].split()) for s, e in spans)
    return body if len(body) <= limit else body[: limit - 1] + "…"


def _quote(text: str, spans: tuple[tuple[int, int], ...], limit: int = 220) -> str:
    """:func:`_excerpt` in quotation marks; a direct quotation keeps its own."""
    body = _excerpt(text, spans, limit)
    return body if body[:1] in QUOTE_MARKS else f"“{body}”"


def render(analysis: Analysis) -> str:
    a = analysis.article
    text = a.text
    out = [f"# {a.title or a.name}", ""]
    meta = [x for x in (a.site, a.published, a.url) if x]
    rating = outlet_rating(a.url or a.site)
    if rating:
        meta.append(
            f"outlet quality {rating.score:.2f} of 1 ({rating.source}; context, not the grade)"
        )
    if meta:
        out += [" · ".join(meta), ""]
    if analysis.summary:
        out += ["## Sourcing", "", analysis.summary.sourcing, ""]
    out += _sources(analysis.sources)
    out += _claims(analysis, text)
    out += ["## Who said what", ""]
    names = {s.id: s.name for s in analysis.sources}
    for x in analysis.attributions:
        who = names.get(x.source_id or "", "(no source)")
        cue = _excerpt(text, x.cue, 40)
        out.append(f"- **{who}** — _{cue}_ ({x.kind}): {_quote(text, x.content)}")
    out.append("")
    if analysis.events:
        out += ["## Events", ""]
        for e in analysis.events:
            target = f" → {e.target.name}" if e.target else ""
            tag = f" [{e.plover}]" if e.plover else ""
            flags = "".join(
                [
                    " (negated)" if e.negated else "",
                    " (hypothetical)" if e.hypothetical else "",
                    " (hedged)" if e.hedged else "",
                ]
            )
            out.append(f"- {e.actor.name} — {e.action}{target}{tag}{flags}")
        out.append("")
    if a.removed:
        out += [
            f"_Cleaning removed {len(a.removed)} blocks (navigation, promos, share bars…)._",
            "",
        ]
    return escape("\n".join(out))


def escape(markdown: str) -> str:
    """``markdown`` with no raw HTML left: ``&``, ``<`` and ``>`` as entities."""
    return html.escape(markdown, quote=False)


def _sources(sources: tuple[Source, ...]) -> list[str]:
    out = ["## Sources", "", "| source | named? | kind | role | affiliation | statements |",
           "|---|---|---|---|---|---|"]  # fmt: skip
    for s in sources:
        named = "anonymous" + (f" ({s.anonymity_reason})" if s.anonymity_reason else "")
        named = "named" if not s.anonymous else named
        out.append(
            f"| {s.name} | {named} | {s.kind.replace('_', ' ')} | {s.role or ''} | "
            f"{s.affiliation or ''} | {s.statements} |"
        )
    return out + [""]


def _claims(analysis: Analysis, text: str) -> list[str]:
    by_id = {s.id: s for s in analysis.sources}
    out = ["## Claims and grades", ""]
    ordered = sorted(analysis.claims, key=lambda c: (not c.central, c.same_as is not None))
    for claim in ordered:
        if claim.same_as:
            continue  # a restatement: its sources are listed with the claim it restates
        out += _claim(claim, by_id, text)
        again = [c for c in analysis.claims if c.same_as == claim.id]
        if again:
            who = [by_id[s].name for s in claim.supported_by if s not in claim.source_ids]
            times = "once more" if len(again) == 1 else f"{len(again)} more times"
            out.append(f"  - restated {times}" + (f" by {', '.join(who)}" if who else ""))
    return out


def _claim(claim: Claim, by_id: dict[str, Source], text: str) -> list[str]:
    grade = claim.grade
    label = f"{grade.reliability}{grade.credibility}" if grade else "—"
    who = ", ".join(by_id[s].name for s in claim.source_ids if s in by_id) or "the outlet"
    star = "**central** " if claim.central and not claim.same_as else ""
    lines = [f"- {star}[{label}] {who}: {_quote(text, claim.spans, 160)}"]
    if claim.disputed_by:
        lines.append("  - disputed by " + ", ".join(describe(by_id[s]) for s in claim.disputed_by))
    if claim.not_confirmed_by:
        lines.append(
            "  - not confirmed by " + ", ".join(describe(by_id[s]) for s in claim.not_confirmed_by)
        )
    if grade and (claim.central or claim.disputed_by):
        lines += [f"  - {r.text}" for r in grade.reasons]
    return lines
