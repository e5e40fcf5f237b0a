"""The facilitator's room: one card of facts per table, and how to sort and filter them.

Pure: a `TableCard` is computed from a seat at the table and the store's
time, so the dashboard only draws it and tests check it without a screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Literal

import attrs

from scenarios.deck.times import round_seconds
from scenarios.workshop.table import TableSession

Sort = Literal["label", "late", "phase"]
Filter = Literal["all", "late", "paused"]
SORTS: tuple[Sort, ...] = ("label", "late", "phase")
FILTERS: tuple[Filter, ...] = ("all", "late", "paused")


@attrs.frozen
class Gauge:
    title: str
    value: int
    low: int
    high: int


@attrs.frozen
class TableCard:
    """What the room view shows of one table."""

    table_id: str
    label: str
    code: str
    phase_index: int
    phase_title: str
    round: int
    rounds: int
    turn: int
    seconds_left: int  # negative once the round has run over its time
    paused: bool
    over: bool
    outcome: str | None
    gauges: tuple[Gauge, ...]
    idle_seconds: int | None  # since the table last played; None before it did
    seats: int
    injects: int
    position: int
    # This round's questions: the answers given, and their expected points ticked of all.
    questions: int = 0
    answers: int = 0
    covered: int = 0
    points: int = 0
    neutral: bool = False  # the deck says outcomes in neutral words (`outcome_words`)

    @property
    def late(self) -> bool:
        return self.seconds_left < 0 and not self.over


def table_card(
    session: TableSession, now: datetime, minutes: int | None, seats: int, position: int = 0
) -> TableCard:
    """The facts of one table at `now` (the store's time); its round lasts its phase's
    `minutes`, or the trainer's `minutes` for every round (`round_seconds`)."""
    state = session.state
    deck = state.deck
    phase = deck.phases[state.phase_index]
    idle = None if session.last_played is None else int((now - session.last_played).total_seconds())
    asked = [deck.card(card_id) for card_id in state.revealed if deck.card(card_id).kind.asks]
    asked_ids = {card.id for card in asked}
    return TableCard(
        table_id=session.table.id,
        label=session.table.label,
        code=session.table.code,
        phase_index=state.phase_index,
        phase_title=phase.title,
        round=state.round,
        rounds=phase.rounds,
        turn=state.turn,
        seconds_left=int(
            session.round_clock.left(now, round_seconds(deck, state.phase_index, minutes))
        ),
        paused=state.paused,
        over=state.over,
        outcome=state.outcome,
        neutral=deck.neutral_outcomes,
        gauges=tuple(
            Gauge(indicator.title, state.indicators[index], indicator.min, indicator.max)
            for index, indicator in enumerate(deck.indicators)
        ),
        idle_seconds=None if idle is None else max(0, idle),
        seats=seats,
        injects=session.injects,
        position=position,
        questions=len(asked),
        answers=sum(card_id in asked_ids for card_id, _ in state.answers),
        covered=sum(card_id in asked_ids for card_id, _ in state.covered),
        points=sum(len(card.expected) for card in asked),
    )


def arranged(cards: Sequence[TableCard], sort: Sort, shown: Filter) -> list[TableCard]:
    """The cards to show, in order: by label (as created), late first, or by progress."""
    kept = [
        card
        for card in cards
        if shown == "all" or (shown == "late" and card.late) or (shown == "paused" and card.paused)
    ]
    if sort == "late":
        return sorted(kept, key=lambda c: (not c.late, c.seconds_left, c.position))
    if sort == "phase":
        return sorted(kept, key=lambda c: (c.turn, c.position))
    return sorted(kept, key=lambda c: c.position)
