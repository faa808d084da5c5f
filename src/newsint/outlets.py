"""The outlet's public quality rating: context shown beside an article, never a claim's grade.

newsint ships one openly reusable consensus score, Lin et al. 2023's aggregate news-domain
quality (first principal component of several rating sets, 0 lowest .. 1 highest; its README
says "Feel free to reuse the data"). Labels whose terms forbid or do not state redistribution
(MBFC, NewsGuard) are not shipped.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

SOURCE = "Lin et al. 2023, aggregate domain quality (pc1)"


@dataclass(frozen=True, slots=True)
class OutletRating:
    domain: str
    score: float  # 0 lowest .. 1 highest
    source: str = SOURCE


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    text = resources.files("newsint.data").joinpath("outlet_quality.csv").read_text("utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return {row["domain"]: float(row["lin2023_pc1"]) for row in csv.DictReader(lines)}


def domain_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    host = host.lower().removeprefix("www.")
    return host or None


def outlet_rating(url: str | None) -> OutletRating | None:
    """The rating of the page's domain, or of its parent domain ("edition.cnn.com" -> "cnn.com")."""
    host = domain_of(url)
    if not host:
        return None
    table = _table()
    parts = host.split(".")
    for start in range(len(parts) - 1):
        candidate = ".".join(parts[start:])
        if candidate in table:
            return OutletRating(candidate, table[candidate])
    return None
