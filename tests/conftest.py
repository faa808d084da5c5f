"""Shared fixtures: the real spaCy model and the bundled example, analysed once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsint.models import Analysis

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "circa-iran-isis.txt"


@pytest.fixture(scope="session")
def example_analysis() -> Analysis:
    from newsint import analyze

    (outcome,) = list(analyze([EXAMPLE]))
    assert isinstance(outcome, Analysis), outcome
    return outcome


@pytest.fixture(scope="session")
def example_report(example_analysis: Analysis) -> dict:
    from newsint.report.json import to_dict

    return to_dict(example_analysis)
