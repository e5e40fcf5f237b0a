"""The debrief of a whole workshop: each table's debrief, and the tables side by side.

Tables are named by their labels, never by team names (six tables with the
default teams stay six tables). Every cross-table view is computed from the
tables' replayed journals: which option each table chose in each dilemma,
whether each table answered each expected response in time, late or never,
endings and scores, the improvements that come back across tables, and the
recommendations of each phase with how many tables they concern.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from scenarios.debrief import session_report, trace_of
from scenarios.debrief.model import Finding, GapStatus, SessionReport
from scenarios.debrief.report import recurring_axes
from scenarios.debrief.trace import SessionTrace
from scenarios.engine import Choose, Note
from scenarios.store import Store
from scenarios.workshop.export import table_content


@attrs.frozen
class Response:
    """How one table met one expected response: in time, late (by `delay` rounds), never."""

    status: GapStatus
    delay: int | None


@attrs.frozen
class DilemmaRow:
    card: str
    title: str
    chosen: tuple[str | None, ...]  # the option's title per table; None: not faced


@attrs.frozen
class ResponseRow:
    event: str
    title: str
    tables: tuple[Response | None, ...]  # None: the event did not come up at that table


@attrs.frozen
class SharedAxis:
    """An axe d'amélioration found at several tables."""

    finding: Finding
    report: SessionReport  # one of those tables' reports, to name the finding
    labels: tuple[str, ...]


@attrs.frozen
class KitLine:
    phase: str
    phase_title: str
    title: str
    actor: str
    deadline: str
    labels: tuple[str, ...]  # the tables it concerns


@attrs.frozen
class TableNote:
    label: str
    text: str
    by: str | None


@attrs.frozen
class WorkshopReport:
    workshop: str
    deck_title: str
    labels: tuple[str, ...]
    sessions: tuple[SessionReport, ...]
    dilemmas: tuple[DilemmaRow, ...]
    responses: tuple[ResponseRow, ...]
    axes: tuple[SharedAxis, ...]
    kit: tuple[KitLine, ...]
    notes: tuple[TableNote, ...]


def workshop_report(store: Store, workshop_id: str) -> WorkshopReport:
    """Replay every table of the workshop and put them side by side."""
    workshop = store.workshop(workshop_id)
    labels: list[str] = []
    traces: list[SessionTrace] = []
    notes: list[TableNote] = []
    for table in store.tables(workshop_id):
        content = table_content(table, store.lines(table.id))
        traces.append(trace_of(content))
        labels.append(table.label)
        bys = {entry.seq: entry.by for entry in content.entries}
        notes += [
            TableNote(table.label, step.action.text, bys.get(step.seq))
            for step in traces[-1].done()
            if isinstance(step.action, Note)
        ]
    return tables_report(workshop.id, workshop.title, labels, traces, notes)


def tables_report(
    workshop: str,
    deck_title: str,
    labels: Sequence[str],
    traces: Sequence[SessionTrace],
    notes: Sequence[TableNote] = (),
) -> WorkshopReport:
    """The side-by-side views of the tables `labels`, whose replays are `traces`."""
    sessions = tuple(session_report(trace) for trace in traces)
    return WorkshopReport(
        workshop=workshop,
        deck_title=deck_title,
        labels=tuple(labels),
        sessions=sessions,
        dilemmas=_dilemmas(traces, sessions),
        responses=_responses(sessions),
        axes=_axes(labels, sessions),
        kit=_kit(labels, sessions),
        notes=tuple(notes),
    )


def chosen_options(trace: SessionTrace) -> dict[str, str]:
    """Each dilemma the table decided, and the option it chose (undone choices left out)."""
    found: dict[str, str] = {}
    for step in trace.done():
        if isinstance(step.action, Choose):
            found.setdefault(step.action.card, step.action.option)
    return found


def _dilemmas(
    traces: Sequence[SessionTrace], sessions: Sequence[SessionReport]
) -> tuple[DilemmaRow, ...]:
    choices = [chosen_options(trace) for trace in traces]
    deck = traces[0].deck if traces else None
    if deck is None:
        return ()
    rows = []
    for card in deck.cards:
        if not card.options or not any(card.id in chosen for chosen in choices):
            continue
        cells = tuple(
            session.name("option", f"{card.id}:{chosen[card.id]}") if card.id in chosen else None
            for chosen, session in zip(choices, sessions, strict=True)
        )
        rows.append(DilemmaRow(card.id, card.title, cells))
    return tuple(rows)


def _responses(sessions: Sequence[SessionReport]) -> tuple[ResponseRow, ...]:
    order: list[str] = []
    by_table: list[dict[str, Response]] = []
    titles: dict[str, str] = {}
    for session in sessions:
        found: dict[str, Response] = {}
        for gap in session.gaps:
            if gap.event not in found:
                found[gap.event] = Response(gap.status, gap.delay)
                titles.setdefault(gap.event, session.name("card", gap.event))
                if gap.event not in order:
                    order.append(gap.event)
        by_table.append(found)
    return tuple(
        ResponseRow(event, titles[event], tuple(found.get(event) for found in by_table))
        for event in order
    )


def _axes(labels: Sequence[str], sessions: Sequence[SessionReport]) -> tuple[SharedAxis, ...]:
    return tuple(
        SharedAxis(axis.finding, axis.report, axis.tables)
        for axis in recurring_axes(labels, sessions)
    )


def _kit(labels: Sequence[str], sessions: Sequence[SessionReport]) -> tuple[KitLine, ...]:
    lines: dict[tuple[str, str], KitLine] = {}
    phase_order: dict[str, int] = {}
    for label, session in zip(labels, sessions, strict=True):
        for index, phase in enumerate(session.phases):
            phase_order.setdefault(phase.id, index)
            for hit in phase.recommendations:
                key = (phase.id, hit.id)
                line = lines.get(key) or KitLine(
                    phase.id, phase.title, hit.title, hit.actor, hit.deadline, ()
                )
                if label not in line.labels:
                    line = attrs.evolve(line, labels=(*line.labels, label))
                lines[key] = line
    return tuple(
        sorted(lines.values(), key=lambda k: (phase_order[k.phase], -len(k.labels), k.title))
    )
