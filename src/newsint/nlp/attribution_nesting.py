"""What attribution relations do to each other and to the quotations around them.

``find_attributions`` builds one ``Rel`` per cue (``attribution.py``); then a content that
touches a quotation takes all of it (``expand_quotes``), an outer content loses the relations
nested in it (``resolve_nesting``), and quotations with no cue of their own join the relation
whose quotation they follow in the same paragraph (``continue_quotes``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token


@dataclass(slots=True)
class Rel:
    head: int  # the cue's head token
    cue: list[int]
    source: list[int] = field(default_factory=list)
    content: set[int] = field(default_factory=set)
    relayed: bool = False  # a party's words inside an outlet's report (the outer keeps them)


def span_tokens(tok: Token) -> range:
    return range(tok.left_edge.i, tok.right_edge.i + 1)


def expand_quotes(doc: Doc, rel: Rel, qidx: list[int], quote_tokens: list[range]) -> None:
    """A content that touches a quotation takes the whole quotation."""
    touched = {qidx[i] for i in rel.content if qidx[i] >= 0}
    cue_q = {qidx[i] for i in rel.cue}
    for q in touched - cue_q:
        rel.content.update(quote_tokens[q])
    rel.content -= set(rel.cue)
    rel.content -= set(rel.source)


def reacted_to(doc: Doc, outer: Rel, inner: Rel) -> bool:
    """ "Johnson disputed a report saying ...": the report the outer cue reacts to is its
    content, though it speaks the inner relation (guide 4: the denial is Johnson's)."""
    from newsint.nlp.attribution_refusals import reacted_report  # it imports this module

    cue = doc[inner.head]
    noun = cue.head
    return cue.dep_ == "acl" and noun.head.i == outer.head and reacted_report(noun)


def resolve_nesting(doc: Doc, rels: list[Rel]) -> list[Rel]:
    """An outer content that holds another relation's cue loses that relation's tokens."""
    cue_heads = {rel.head: rel for rel in rels}
    contents = {id(rel): frozenset(rel.content) for rel in rels}
    kept: list[Rel] = []
    for rel in rels:
        nested = False
        for head, inner in cue_heads.items():
            if inner is rel or head not in rel.content:
                continue
            if inner.relayed:
                continue  # "Mashable reports that an official told ...": the report keeps it all
            nested = True
            if rel.head in contents[id(inner)]:
                # "X announced Y, according to Z": each holds the other's cue; the inner keeps
                # its content without the outer's cue and source, the outer without the inner's
                rel.content -= set(inner.cue) | set(inner.source)
                continue
            rel.content -= inner.content
            rel.content -= set(inner.cue)
            cue = doc[head]
            if cue.dep_ == "conj" and cue.head.i in rel.content:
                # "conceded that the plan had failed but insisted that ...": the conjunct (and
                # its "but") leaves the content; its subject is the content's, not its own
                rel.content -= set(span_tokens(cue))
                rel.content -= {c.i for c in cue.head.children if c.dep_ == "cc" and c.i < head}
                continue
            if not reacted_to(doc, rel, inner):
                rel.content -= set(inner.source)
        words = sum(1 for i in rel.content if not doc[i].is_punct)
        if words > 1 or (words == 1 and not nested):
            kept.append(rel)
    return kept


def continue_quotes(
    doc: Doc,
    rels: list[Rel],
    quotes: list[tuple[int, int]],
    quote_tokens: list[range],
    text: str,
) -> None:
    """Quotations with no cue that follow a relation's quotation in the same paragraph join it."""
    used: set[int] = set()
    for rel in rels:
        used |= rel.content
        used.update(rel.cue)
        used.update(rel.source)
    by_end = sorted(rels, key=lambda r: max(r.content) if r.content else -1)
    for q, (qs, _qe) in enumerate(quotes):
        toks = quote_tokens[q]
        if not toks or any(i in used for i in toks):
            continue
        # the closest relation whose content ends before this quotation, in the same paragraph
        owner = None
        for rel in by_end:
            if rel.content and max(rel.content) < toks.start:
                owner = rel
        if owner is None:
            continue
        gap_start = doc[max(owner.content)].idx
        gap = text[gap_start:qs]
        if gap.count("\n") > 1 or len(gap) > 400:
            continue
        owner.content.update(toks)
        used.update(toks)


__all__ = [
    "Rel",
    "continue_quotes",
    "expand_quotes",
    "reacted_to",
    "resolve_nesting",
    "span_tokens",
]
