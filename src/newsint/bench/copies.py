"""Issue 16's republication goal, as ``newsint bench corpus`` prints it: a one-word edit, a
re-templated page and a wire copy of the bundled example are detected as republications, and
the central claim's counts (documents, independent sources, amplifiers, disputers) do not move.

The three copies are made here from the example (``tests/corpus/test_republications.py`` runs
the same check on SQLite and PostgreSQL).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from newsint.settings import project_root

#: The figures of the central claim that a republication must leave as they are.
FIGURES = ("documents", "independent_sources", "sources", "amplified_by", "disputed_by")


def example() -> Path:
    return project_root() / "examples" / "circa-iran-isis.txt"


def one_word_changed(text: str) -> str:
    """The example with one word corrected."""
    return text.replace("systemically", "systematically", 1)


def retemplated(text: str) -> str:
    """The example's article in another site's HTML template: its own navigation and footer."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines[2:])
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(lines[1])} | The Syndicate</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/about'>About us</a></nav>"
        f"<article><h1>{html.escape(lines[1])}</h1>{body}</article>"
        "<footer>© The Syndicate. All rights reserved. <a href='/privacy'>Privacy</a></footer>"
        "</body></html>"
    )


def wire_copy(text: str) -> str:
    """A wire service's copy: its dateline and credit line, the closing promotion dropped."""
    lines = [line for line in text.splitlines() if line.strip()]
    lines[3] = "WASHINGTON (Capital Newswire) — " + lines[3]
    return "\n\n".join([*lines[:-2], "(Reporting by Jane Roe; editing by John Doe)"]) + "\n"


def write_copies(folder: Path) -> list[Path]:
    """The three copies of the example, written to ``folder``."""
    text = example().read_text(encoding="utf-8")
    written = []
    for name, content in [
        ("one-word.txt", one_word_changed(text)),
        ("syndicate.html", retemplated(text)),
        ("wire.txt", wire_copy(text)),
    ]:
        (folder / name).write_text(content, encoding="utf-8")
        written.append(folder / name)
    return written


@dataclass(slots=True)
class CopyScore:
    detected: int
    copies: int
    changed: list[str] = field(default_factory=list)  # figures of the central claim that moved

    def line(self) -> str:
        ok = self.detected == self.copies and not self.changed
        moved = f"; moved: {', '.join(self.changed)}" if self.changed else "; counts unchanged"
        return (
            f"copies of the example (one word changed, re-templated, wire): {self.detected}/"
            f"{self.copies} detected as republications{moved} ({'met' if ok else 'NOT met'})"
        )


def evaluate(workdir: Path, *, workers: int | None = None) -> CopyScore:
    """Ingest the example, read its central claim, ingest the copies, and compare."""
    from newsint import batch
    from newsint.store import Store, queries

    copies = write_copies(workdir)
    with Store(f"sqlite:///{workdir / 'copies.db'}") as store:
        batch.ingest([example()], store, workers=workers)
        (before,) = queries.claims(store, about="ISIS", limit=1)
        batch.ingest(copies, store, workers=workers)
        (after,) = queries.claims(store, about="ISIS", limit=1)
        found = queries.duplicates(store)
    versions = {p.name for p in copies} | {example().name}
    return CopyScore(
        # one row per republication: the three copies, or the example and two of them when a
        # copy's extracted date makes it the earliest version
        detected=sum(1 for r in found if Path(r["document"]).name in versions),
        copies=len(copies),
        changed=[f for f in FIGURES if before[f] != after[f]],
    )
