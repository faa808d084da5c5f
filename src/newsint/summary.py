"""The plain-English sourcing paragraph a standards editor would write, and the counts."""

from __future__ import annotations

from dataclasses import replace

from newsint.grading.rules import backers as rested_on
from newsint.models import Analysis, Claim, Source, Summary


def summarise(analysis: Analysis) -> Analysis:
    counts = _counts(analysis)
    central = next((c for c in analysis.claims if c.central and not c.same_as), None)
    text = _sourcing(analysis, central) if central else _no_claims(analysis)
    summary = Summary(
        sourcing=text, counts=counts, central_claim_id=central.id if central else None
    )
    return replace(analysis, summary=summary)


def _counts(analysis: Analysis) -> dict[str, int]:
    sources = analysis.sources
    return {
        "sources": len(sources),
        "named_sources": sum(not s.anonymous for s in sources),
        "anonymous_sources": sum(s.anonymous for s in sources),
        "attributions": len(analysis.attributions),
        "direct_quotes": sum(a.kind == "direct" for a in analysis.attributions),
        "claims": len(analysis.claims),
        "unattributed_claims": sum(not c.source_ids for c in analysis.claims),
        "hedges": sum(c.kind == "hedge" for c in analysis.cues),
        "disputes": sum(c.kind in {"dispute", "denial"} for c in analysis.cues),
        "non_confirmations": sum(c.kind == "non_confirmation" for c in analysis.cues),
        "events": len(analysis.events),
        "removed_blocks": len(analysis.article.removed),
    }


def describe(source: Source) -> str:
    """ "Bob Kent (CEO, Knowledge Information Services)", "one U.S. official (anonymous: ...)"."""
    details = [x for x in (source.role, source.affiliation) if x and x not in source.name]
    if source.anonymous and source.anonymity_reason:
        details.append(_reason(source.anonymity_reason))
    return f"{source.name} ({', '.join(details)})" if details else source.name


def _sourcing(analysis: Analysis, central: Claim) -> str:
    by_id = {s.id: s for s in analysis.sources}
    # as the grade reads them: the outlet's own claim rests only on speakers who say the same
    backers = rested_on(central, analysis.sources, analysis.attributions, analysis.article.text)
    anonymous = [s for s in backers if s.anonymous and s.kind != "document"]
    documents = [s for s in backers if s.kind == "document" and s.anonymous]
    interested = [s for s in backers if s.kind == "interested_party"]
    on_record = [s for s in backers if not s.anonymous and s.kind != "interested_party"]
    claim_text = _short(central.text)
    parts = [f"The central claim — “{claim_text}” — rests on {_n(len(backers), 'source')}"]
    if not central.source_ids and backers:
        parts[0] = (
            f"The central claim — “{claim_text}” — is the outlet's own; "
            f"{_n(len(backers), 'source')} {'says' if len(backers) == 1 else 'say'} the same"
        )
    if not backers:
        parts[0] = f"The central claim — “{claim_text}” — is the outlet's own, with no source given"
    details = []
    if anonymous:
        details.append("anonymous " + _list(_quoted(s) for s in anonymous))
    if documents:
        details.append("unspecified " + _list(f"“{s.name}”" for s in documents))
    for source in interested:
        relays = ""
        if source.relay_span:
            quoted = analysis.article.text[source.relay_span[0] : source.relay_span[1]]
            relays = f", who relays second-hand reports (“{quoted}”)"
        stake = f" ({source.interest})" if source.interest else ""
        details.append(f"{source.name}, an interested party{stake}{relays}")
    if on_record:
        details.append("named " + _list(describe(s) for s in on_record))
    sentence = parts[0] + (": " + "; ".join(details) if details else "") + "."
    out = [sentence]
    disputers = []
    for source in (by_id[s] for s in central.disputed_by if s in by_id):
        words = _stance_words(analysis, source.id, ("dispute", "denial"))
        verb = "call" if _plural(source) else "calls"
        disputers.append(describe(source) + (f", who {verb} it {_list(words)}" if words else ""))
    if disputers:
        joined = "; and by ".join(disputers) if any(", who" in d for d in disputers) else None
        out.append(f"It is disputed by {joined or _list(disputers)}.")
    refusing = [by_id[s] for s in central.not_confirmed_by if s in by_id]
    if refusing:
        verb = "declines" if len(refusing) == 1 and not _plural(refusing[0]) else "decline"
        out.append(f"{_cap(_list(describe(s) for s in refusing))} {verb} to confirm it.")
    if central.hedges:
        distinct = dict.fromkeys(analysis.article.text[s:e] for s, e in central.hedges)
        hedges = ", ".join(f"“{w}”" for w in list(distinct)[:4])
        out.append(f"It is hedged ({hedges}).")
    if central.grade:
        g = central.grade
        out.append(
            f"Sourcing grade {g.reliability}{g.credibility} "
            f"({_RELIABILITY[g.reliability]}; {_CREDIBILITY[g.credibility]})."
        )
    counts = _counts(analysis)
    out.append(
        f"In all the article quotes {_n(counts['sources'], 'source')}, "
        f"{counts['anonymous_sources']} of them anonymous."
    )
    return " ".join(out)


_RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
_CREDIBILITY = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


def _quoted(source: Source) -> str:
    """An anonymous source as the article names it, with the reason it gives."""
    reason = f" ({_reason(source.anonymity_reason)})" if source.anonymity_reason else ""
    return f"“{source.name}”{reason}"


def _plural(source: Source) -> bool:
    """ "both companies", "some U.S. officials", "Democrats": a group that takes a plural verb."""
    last = source.name.split()[-1] if source.name.split() else ""
    first = source.name.split()[0].lower() if source.name.split() else ""
    group = source.anonymous or source.name[:1].islower() or first in {"both", "the", "some"}
    return last.endswith("s") and not last.endswith("ss") and group


def _reason(reason: str) -> str:
    return reason if reason.startswith(("who", "on ")) else f"who {reason}"


def _stance_words(analysis: Analysis, source_id: str, kinds: tuple[str, ...]) -> list[str]:
    """The dispute words a source uses ("hypothetical to date"), quoted: cues inside its own
    attributions' cue or content, not words that only touch its name ("dismissed as
    “unfounded” reports" is the Kremlin's, not the reports')."""
    text = analysis.article.text
    own = [
        span
        for a in analysis.attributions
        if source_id in (a.source_id, *a.co_source_ids)
        for span in a.cue + a.content
    ]
    words = [
        f"“{text[c.span[0] : c.span[1]]}”"
        for c in analysis.cues
        if c.kind in kinds and any(s <= c.span[0] and c.span[1] <= e for s, e in own)
    ]
    return list(dict.fromkeys(words))


def _no_claims(analysis: Analysis) -> str:
    if not analysis.claims:
        return "newsint found no claims in this article."
    return "newsint found no central claim: the article's statements are refusals to comment."


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split()).strip('“”" ')
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _n(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _list(items: object) -> str:
    values = list(items)  # type: ignore[call-overload]
    if len(values) <= 1:
        return "".join(values)
    return ", ".join(values[:-1]) + " and " + values[-1]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
