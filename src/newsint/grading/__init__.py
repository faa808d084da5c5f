"""Grading: Admiralty reliability x credibility for every claim (rules ``newsint.grade.v1``)."""

from __future__ import annotations

from dataclasses import replace

from newsint.grading.rules import RULES, grade_claim
from newsint.models import Analysis

__all__ = ["RULES", "grade"]


def grade(analysis: Analysis) -> Analysis:
    """The analysis with a grade, and its reasons, on every claim."""
    text = analysis.article.text
    claims = tuple(
        replace(
            claim,
            grade=grade_claim(claim, analysis.sources, analysis.attributions, analysis.cues, text),
        )
        for claim in analysis.claims
    )
    versions = {**analysis.versions, "grade": RULES}
    return replace(analysis, claims=claims, versions=versions)
