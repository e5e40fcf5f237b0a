"""What a phase left behind, for the table's pause between two phases.

Trainers pace a session on it: what moved in the phase that just ended, what
the table decided on the dilemmas, and which events still wait for the answer
the deck expects. Computed from the same trace and the same pure functions as
the debrief (`indicator_moves`, `gaps`), so the pause and the report agree.
A discussion exercise's pause lists instead the phase's questions and how many
answers each got: nothing there is pending or late.
"""

from __future__ import annotations

import attrs

from scenarios.debrief.facts import facts_of
from scenarios.debrief.findings import gaps, indicator_moves
from scenarios.debrief.model import Gap
from scenarios.debrief.trace import SessionTrace
from scenarios.engine.events import Chose, Revealed


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
class QuestionAsked:
    """A question that came up in the phase: how many answers it got, and from how many
    roles it asked for one (None: the table or any role, one answer is enough)."""

    card: str
    answers: int
    asked: int | None


@attrs.frozen
class PhaseSummary:
    """The phase `phase` as it ended, and `next_phase` (None at the end of the game)."""

    phase: str
    next_phase: str | None
    indicators: tuple[IndicatorChange, ...]
    dilemmas: tuple[DilemmaDecided, ...]
    pending: tuple[Gap, ...]  # events still waiting for an expected answer, oldest first
    questions: tuple[QuestionAsked, ...] = ()  # in the order they came up
    discussion: bool = False  # a discussion exercise: no pending answers, said without fault


def phase_summary(trace: SessionTrace, phase: str) -> PhaseSummary:
    """The summary of `phase` as of the end of `trace` (undone actions left out)."""
    deck = trace.deck
    final = trace.final
    facts = facts_of(trace)
    moves = {move.indicator: move for move in indicator_moves(trace, facts).get(phase, [])}
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
    discussion = deck.discussion
    pending = (
        ()
        if discussion
        else tuple(g for g in gaps(trace, facts) if g.status in ("missing", "unplayable"))
    )
    following = final.phase if final.phase != phase and not final.over else None
    return PhaseSummary(
        phase, following, indicators, dilemmas, pending, _questions(trace, phase), discussion
    )


def _questions(trace: SessionTrace, phase: str) -> tuple[QuestionAsked, ...]:
    deck = trace.deck
    answers = trace.final.answers
    found: dict[str, QuestionAsked] = {}
    for step in trace.done():
        for event in step.events:
            if not isinstance(event, Revealed) or step.after.phase != phase:
                continue
            card = deck.card_index.get(event.card)
            if card is None or not card.kind.asks or card.id in found:
                continue
            given = sum(1 for answered, _ in answers if answered == card.id)
            found[card.id] = QuestionAsked(card.id, given, len(card.to) or None)
    return tuple(found.values())
