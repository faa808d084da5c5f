"""The same-story development corpus (``annotations/stories/``): real reports of one story by
several outlets, with the independent sources, amplifiers and republications written down by
hand. ``newsint bench corpus`` ingests them and scores the store's cross-outlet claims:

* **independent-source count exact**: the cluster that holds most of a story's documents has
  as many independent sources as the annotation (goal: ≥ 90% of the claims);
* **amplifiers flagged**: every annotated amplifier is in the cluster's ``amplified_by``;
* **republications flagged**: every annotated copy is in ``corpus_duplicates`` with its
  original (and no other pair is);
* **stories merged**: clusters whose documents come from two different stories (goal: none).

The excerpts are stored as text with their metadata (outlet, bylines, date, title, URL);
:func:`as_html` gives each the page shape newsint reads bylines and outlets from (a ``<meta
name=author>`` per byline, ``og:site_name``), so the metadata comes in as from a real page.
"""

from __future__ import annotations

import html
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsint.corpus.authorship import outlet_key
from newsint.corpus.identity import normalise
from newsint.settings import project_root

Row = dict[str, Any]

#: The share of cross-outlet claims whose independent-source count must be exact (issue 16).
GOAL_EXACT = 0.9


def stories_folder() -> Path:
    return project_root() / "annotations" / "stories"


def read_jsonl(path: Path) -> list[Row]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def as_html(doc: Row) -> str:
    """One excerpt as a minimal page: its title, bylines, outlet and date where pages put them."""
    e = html.escape
    meta = [f'<meta name="author" content="{e(a)}">' for a in doc.get("authors") or []]
    if doc.get("outlet"):
        meta.append(f'<meta property="og:site_name" content="{e(doc["outlet"])}">')
    if doc.get("published"):
        meta.append(f'<meta property="article:published_time" content="{e(doc["published"])}">')
    title = e(doc.get("title") or "")
    paragraphs = "".join(f"<p>{e(p.strip())}</p>" for p in doc["text"].split("\n") if p.strip())
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>{"".join(meta)}'
        f"</head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )


def inputs(documents: Iterable[Row]) -> list[Row]:
    """The JSON Lines records ``newsint ingest`` reads: ``{"id", "html", "url"}``."""
    return [{"id": d["id"], "html": as_html(d), "url": d.get("url")} for d in documents]


def _key(name: str) -> str:
    return outlet_key(normalise(name))


def _matches(name: str, expected: Row) -> bool:
    """Whether an identity's name is the annotated source or amplifier (or one of its aliases)."""
    keys = {_key(n) for n in (expected["name"], *expected.get("aliases", ()))}
    return _key(name) in keys - {""}


@dataclass(slots=True)
class ClaimScore:
    story: str
    documents: int  # annotated
    found: int  # of them in the matched cluster
    independent: int  # annotated
    counted: int  # by newsint
    amplifiers_missing: list[str] = field(default_factory=list)
    amplified_by: dict[str, int] = field(default_factory=dict)

    @property
    def exact(self) -> bool:
        return self.counted == self.independent


@dataclass(slots=True)
class StoryScore:
    claims: list[ClaimScore]
    amplifiers: tuple[int, int]  # flagged, annotated
    republications: tuple[int, int]  # flagged, annotated
    false_republications: list[tuple[str, str]]  # found, not annotated (copy and original)
    merged: list[list[str]]  # the stories of each cluster that spans more than one

    @property
    def exact(self) -> int:
        return sum(c.exact for c in self.claims)

    def lines(self) -> list[str]:
        n = len(self.claims)
        ok = self.exact / n >= GOAL_EXACT if n else False
        lines = [
            f"same-story corpus: {n} cross-outlet claims; independent-source count exact "
            f"{self.exact}/{n} ({self.exact / n if n else 0:.0%}, goal ≥ {GOAL_EXACT:.0%}: "
            f"{'met' if ok else 'NOT met'})",
            f"amplifiers flagged {self.amplifiers[0]}/{self.amplifiers[1]}; republications "
            f"flagged {self.republications[0]}/{self.republications[1]} "
            f"({len(self.false_republications)} false); distinct stories merged: "
            f"{len(self.merged)} cluster(s) {'; '.join('+'.join(m) for m in self.merged)}",
            f"documents in their claim's best cluster: {sum(c.found for c in self.claims)}/"
            f"{sum(c.documents for c in self.claims)} (the rest carry the claim in clusters "
            "of their own)",
        ]
        for c in self.claims:
            missing = f"; amplifiers missing: {', '.join(c.amplifiers_missing)}" * bool(
                c.amplifiers_missing
            )
            lines.append(
                f"  {c.story}: documents {c.found}/{c.documents}, independent sources "
                f"{c.counted} (annotated {c.independent}){missing}"
            )
        return lines


def score(
    gold: list[Row],
    documents: list[Row],
    *,
    store_documents: list[Row],
    clusters: list[Row],
    links: list[Row],
    duplicates: list[Row],
    names: dict[str, str],
    central: set[tuple[str, str]] | None = None,
) -> StoryScore:
    """Score the store's corpus tables (as rows) against the annotations. ``store_documents``
    gives each stored document's ``sha256`` and ``doc_id`` (the excerpt's id); ``names`` maps
    source identities to their names; ``central``: the (sha256, claim id) of each document's
    central claim, which break ties between clusters holding as many of a story's documents
    (the story's claim is what its versions lead with, not a detail they all repeat)."""
    ids: dict[str, str] = {str(d["sha256"]): str(d["doc_id"]) for d in store_documents}
    leads: dict[str, int] = defaultdict(int)
    for link in links:
        leads[link["cluster"]] += (str(link["doc"]), str(link.get("claim_id"))) in (
            central or set()
        )

    def id_of(sha: object) -> str:
        return ids.get(str(sha), str(sha))

    story_of = {d["id"]: d["story"] for d in documents}
    docs_of: dict[str, set[str]] = defaultdict(set)
    for link in links:
        docs_of[link["cluster"]].add(id_of(link["doc"]))
    by_id = {c["id"]: c for c in clusters}
    scores = []
    amplifiers = [0, 0]
    for g in gold:
        wanted = set(g["documents"])
        best = max(
            by_id,
            key=lambda k: (len(docs_of[k] & wanted), -len(docs_of[k] - wanted), leads[k], k),
            default=None,
        )
        cluster = by_id.get(best) if best else None
        amplification = (cluster or {}).get("amplification", {})
        amplified = {names.get(i, i): n for i, n in amplification.items()}
        missing = [a["name"] for a in g["amplifiers"] if not any(_matches(n, a) for n in amplified)]
        amplifiers[0] += len(g["amplifiers"]) - len(missing)
        amplifiers[1] += len(g["amplifiers"])
        scores.append(
            ClaimScore(
                story=g["story"],
                documents=len(wanted),
                found=len(docs_of[best] & wanted) if best else 0,
                independent=len(g["independent_sources"]),
                counted=int(cluster["independent_sources"]) if cluster else 0,
                amplifiers_missing=missing,
                amplified_by=amplified,
            )
        )
    found_pairs = {_pair(id_of(d["doc"]), id_of(d["duplicate_of"])) for d in duplicates}
    gold_pairs = {_pair(*p) for g in gold for p in g["republications"]}
    merged = [
        sorted({story_of[d] for d in docs if d in story_of})
        for _, docs in sorted(docs_of.items())
        if len({story_of[d] for d in docs if d in story_of}) > 1
    ]
    return StoryScore(
        claims=scores,
        amplifiers=(amplifiers[0], amplifiers[1]),
        republications=(len(gold_pairs & found_pairs), len(gold_pairs)),
        false_republications=sorted(found_pairs - gold_pairs),
        merged=merged,
    )


def _pair(a: str, b: str) -> tuple[str, str]:
    """A copy and its original, in either order (the annotation does not say which is first)."""
    return (a, b) if a <= b else (b, a)


def evaluate(folder: Path, workdir: Path, *, workers: int | None = None) -> tuple[StoryScore, Any]:
    """Ingest the stories of ``folder`` into a fresh SQLite store in ``workdir`` and score it;
    returns the score and the ingestion's counts (``batch.Progress``)."""
    from newsint import batch
    from newsint.store import Store

    documents = read_jsonl(folder / "documents.jsonl")
    gold = read_jsonl(folder / "gold.jsonl")
    records = workdir / "stories.jsonl"
    records.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in inputs(documents)),
        encoding="utf-8",
    )
    with Store(f"sqlite:///{workdir / 'stories.db'}") as store:
        counts = batch.ingest([records], store, workers=workers)
        names = {r["id"]: r["name"] for r in store.rows("corpus_source_identities")}
        result = score(
            gold,
            documents,
            store_documents=list(store.rows("documents")),
            clusters=list(store.rows("corpus_claim_clusters")),
            links=list(store.rows("corpus_claim_links")),
            duplicates=list(store.rows("corpus_duplicates")),
            names=names,
            central={(r["doc"], r["id"]) for r in store.rows("claims") if r["central"]},
        )
    return result, counts
