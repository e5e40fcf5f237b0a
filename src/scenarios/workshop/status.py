"""Where each table of a workshop stands: phase, round, last action, seats connected."""

from __future__ import annotations

from datetime import datetime

import attrs

from scenarios.journal import JournalError, replay
from scenarios.store import Store, Table
from scenarios.workshop.export import table_content

SEAT_SECONDS = 15.0  # a seat that has not been seen for this long is gone


@attrs.frozen
class TableStatus:
    label: str
    code: str
    phase: str
    phase_title: str
    round: int
    actions: int
    last_action: str | None
    last_time: datetime | None
    over: bool
    outcome: str | None
    seats: tuple[str, ...]
    damage: str | None = None
    neutral: bool = False  # the deck says outcomes in neutral words (`outcome_words`)


def table_status(store: Store, table: Table, seats: tuple[str, ...] = ()) -> TableStatus:
    """Replay the table's lines (checking them) and say where it stands."""
    lines = store.lines(table.id)
    try:
        content = table_content(table, lines)
        replayed = replay(content)
    except JournalError as error:
        return TableStatus(
            table.label, table.code, "", "", 0, 0, None, None, False, None, seats, error.code
        )
    problem = content.damage or replayed.divergence
    state = replayed.final
    last = content.entries[replayed.applied - 1] if replayed.applied else None
    phase = state.phase
    phase_title = next((p.title for p in replayed.deck.phases if p.id == phase), phase)
    return TableStatus(
        label=table.label,
        code=table.code,
        phase=phase,
        phase_title=phase_title,
        round=state.round,
        actions=replayed.applied,
        last_action=str(last.action.get("type")) if last else None,
        last_time=lines[replayed.applied - 1].recorded_at if last else None,
        over=state.over,
        outcome=state.outcome,
        seats=seats,
        damage=problem.code if problem else None,
        neutral=replayed.deck.neutral_outcomes,
    )
