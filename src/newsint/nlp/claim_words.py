"""The word tables of the central claim and its grade (data: ``newsint/data/claim_words.toml``)."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def _tables() -> dict[str, Any]:
    raw = resources.files("newsint.data").joinpath("claim_words.toml").read_text("utf-8")
    return tomllib.loads(raw)


def words(name: str) -> frozenset[str]:
    """A word table: lower-case words separated by spaces."""
    return frozenset(_tables()[name].split())


def pattern(name: str, *, at_start: bool = False) -> re.Pattern[str]:
    """A table of regular expressions as one case-insensitive pattern."""
    joined = "|".join(f"(?:{p})" for p in _tables()[name])
    return re.compile(("^\\s*(?:" + joined + ")") if at_start else joined, re.I)
