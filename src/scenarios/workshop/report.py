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
from scenarios.debrief.trace import SessionTrace, Step
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
    # What followed, per table: the indicators the choice changed, (id, title, change).
    followed: tuple[tuple[tuple[str, str, int], ...], ...] = ()


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
    actor: str  # the lead's partners (who acts, without a lead)
    deadline: str
    labels: tuple[str, ...]  # the tables it concerns
    lead: str = ""
    category: str | None = None
    indicator: str = ""  # how to tell it is done


@attrs.frozen
class TableNote:
    """A note on a table (the facilitator's or an observer's) and the titles of its tags."""

    label: str
    text: str
    by: str | None
    tags: tuple[str, ...] = ()


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
    # The deck's observation grid (tag titles, in its order): how the notes are grouped.
    grid: tuple[str, ...] = ()

    def notes_by_table_and_tag(self) -> list[tuple[str, list[tuple[str | None, list[TableNote]]]]]:
        """For each table with notes (in table order), each tag of the grid (then the notes
        without one, as None) with its notes; a note with two tags is under both."""
        by_table: dict[str, list[TableNote]] = {}
        for note in self.notes:
            by_table.setdefault(note.label, []).append(note)
        grouped = []
        for label in self.labels:
            by_tag: dict[str | None, list[TableNote]] = {}
            for note in by_table.get(label, ()):
                for tag in note.tags or (None,):
                    by_tag.setdefault(tag, []).append(note)
            if not by_tag:
                continue
            others = sorted({tag for tag in by_tag if tag is not None} - set(self.grid))
            order: list[str | None] = [*self.grid, *others, None]
            grouped.append((label, [(tag, by_tag[tag]) for tag in order if tag in by_tag]))
        return grouped


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
            TableNote(
                table.label,
                step.action.text,
                bys.get(step.seq),
                traces[-1].deck.tag_titles(step.action.tags),
            )
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
        grid=tuple(tag.title for tag in traces[0].deck.observation_tags) if traces else (),
    )


def chosen_options(trace: SessionTrace) -> dict[str, str]:
    """Each dilemma the table decided, and the option it chose (undone choices left out)."""
    return {card: option for card, (option, _) in _choices(trace).items()}


def _choices(trace: SessionTrace) -> dict[str, tuple[str, Step]]:
    """Each dilemma the table decided: the option it chose, and the step that chose it."""
    found: dict[str, tuple[str, Step]] = {}
    for step in trace.done():
        if isinstance(step.action, Choose):
            found.setdefault(step.action.card, (step.action.option, step))
    return found


def _followed(step: Step) -> tuple[tuple[str, str, int], ...]:
    """The indicators a choice changed at once, and by how much."""
    deck = step.after.deck
    return tuple(
        (indicator.id, indicator.title, after - before)
        for indicator, before, after in zip(
            deck.indicators, step.before.indicators, step.after.indicators, strict=True
        )
        if after != before
    )


def _dilemmas(
    traces: Sequence[SessionTrace], sessions: Sequence[SessionReport]
) -> tuple[DilemmaRow, ...]:
    choices = [_choices(trace) for trace in traces]
    deck = traces[0].deck if traces else None
    if deck is None:
        return ()
    rows = []
    for card in deck.cards:
        if not card.options or not any(card.id in chosen for chosen in choices):
            continue
        found = [chosen.get(card.id) for chosen in choices]
        cells = tuple(
            None if one is None else session.name("option", f"{card.id}:{one[0]}")
            for one, session in zip(found, sessions, strict=True)
        )
        followed = tuple(() if one is None else _followed(one[1]) for one in found)
        rows.append(DilemmaRow(card.id, card.title, cells, followed))
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
                    phase.id,
                    phase.title,
                    hit.title,
                    hit.actor,
                    hit.deadline,
                    (),
                    lead=hit.lead,
                    category=hit.category,
                    indicator=hit.indicator,
                )
                if label not in line.labels:
                    line = attrs.evolve(line, labels=(*line.labels, label))
                lines[key] = line
    return tuple(
        sorted(lines.values(), key=lambda k: (phase_order[k.phase], -len(k.labels), k.title))
    )
