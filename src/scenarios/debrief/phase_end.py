"""What a phase left behind, for the table's pause between two phases.

Trainers pace a session on it: what moved in the phase that just ended, what
the table decided on the dilemmas, and which events still wait for the answer
the deck expects. Computed from the same trace and the same pure functions as
the debrief (`indicator_moves`, `gaps`), so the pause and the report agree.
"""

from __future__ import annotations

import attrs

from scenarios.debrief.findings import gaps, indicator_moves
from scenarios.debrief.model import Gap
from scenarios.debrief.trace import SessionTrace
from scenarios.engine.events import Chose


@attrs.frozen
class IndicatorChange:
    """One indicator: its value when the phase began, and now."""

    indicator: str
    start: int
    now: int

    @property
    def delta(self) -> int:
        return self.now - self.start


@attrs.frozen
class DilemmaDecided:
    """A dilemma the table settled in the phase, and the option it chose."""

    card: str
    option: str


@attrs.frozen
class PhaseSummary:
    """The phase `phase` as it ended, and `next_phase` (None at the end of the game)."""

    phase: str
    next_phase: str | None
    indicators: tuple[IndicatorChange, ...]
    dilemmas: tuple[DilemmaDecided, ...]
    pending: tuple[Gap, ...]  # events still waiting for an expected answer, oldest first


def phase_summary(trace: SessionTrace, phase: str) -> PhaseSummary:
    """The summary of `phase` as of the end of `trace` (undone actions left out)."""
    deck = trace.deck
    final = trace.final
    moves = {move.indicator: move for move in indicator_moves(trace).get(phase, [])}
    indicators = tuple(
        IndicatorChange(
            indicator.id,
            moves[indicator.id].start if indicator.id in moves else final.indicator(indicator.id),
            final.indicator(indicator.id),
        )
        for indicator in deck.indicators
    )
    dilemmas = tuple(
        DilemmaDecided(event.card, event.option)
        for step in trace.done()
        if step.before.phase == phase
        for event in step.events
        if isinstance(event, Chose)
    )
    pending = tuple(gap for gap in gaps(trace) if gap.status == "missing")
    following = final.phase if final.phase != phase and not final.over else None
    return PhaseSummary(phase, following, indicators, dilemmas, pending)
