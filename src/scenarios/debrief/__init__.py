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
from scenarios.debrief.trace import SessionTrace, Step, load_trace, trace_of

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
    "SessionTrace",
    "Step",
    "comparison_markdown",
    "comparison_report",
    "load_trace",
    "session_markdown",
    "session_report",
    "trace_of",
]
