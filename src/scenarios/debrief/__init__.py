"""Debrief: journals -> findings with evidence -> recommendations, as Markdown, HTML or JSON.

Depends on `scenarios.journal`, `scenarios.engine`, `scenarios.deck`, and on
`scenarios.render`, which writes the one layout of `layout` as Markdown and HTML.
"""

from scenarios.debrief.layout import (
    comparison_html,
    comparison_markdown,
    session_html,
    session_markdown,
)
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
    "comparison_html",
    "comparison_markdown",
    "comparison_report",
    "load_trace",
    "session_html",
    "session_markdown",
    "session_report",
    "trace_of",
]
