"""Debrief: journals -> findings with evidence -> recommendations, as Markdown, HTML or JSON.

Depends on `scenarios.journal`, `scenarios.engine` and `scenarios.deck`.
"""

from scenarios.debrief.markdown import comparison_markdown, session_markdown
from scenarios.debrief.model import (
    ComparisonReport,
    Evidence,
    Finding,
    Gap,
    IndicatorMove,
    PhaseReport,
    Quote,
    RecommendationHit,
    SessionReport,
)
from scenarios.debrief.report import ReportError, comparison_report, session_report
from scenarios.debrief.timeline import Step, Timeline, load_timeline, timeline_of

__all__ = [
    "ComparisonReport",
    "Evidence",
    "Finding",
    "Gap",
    "IndicatorMove",
    "PhaseReport",
    "Quote",
    "RecommendationHit",
    "ReportError",
    "SessionReport",
    "Step",
    "Timeline",
    "comparison_markdown",
    "comparison_report",
    "load_timeline",
    "session_markdown",
    "session_report",
    "timeline_of",
]
