"""The debrief of a whole workshop: each table's debrief, and the tables side by side.

Tables are named by their labels, never by team names (six tables with the
default teams stay six tables). Every cross-table view is computed from the
tables' replayed journals: which option each table chose in each dilemma,
whether each table answered each expected response in time, late or never,
endings and scores, the improvements that come back across tables, and the
recommendations of each phase with how many tables they concern. A discussion exercise
(`style: discussion`) is compared by its words instead: how far each table went and how
much it said, each question's expected points table by table, and the questionnaire's
replies of every table summed up (`debrief/discussion.py` gives each table's).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from scenarios.debrief import session_report, trace_of
from scenarios.debrief.discussion import summary
from scenarios.debrief.model import (
    Finding,
    GapStatus,
    QuestionnaireSummary,
    QuestionReport,
    ReplyGiven,
    SessionReport,
)
from scenarios.debrief.report import recurring_axes
from scenarios.debrief.trace import SessionTrace, Step
from scenarios.deck import Deck
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
class TableSummary:
    """A discussion table at a glance: how far it went and how much it said."""

    rounds: int
    over: bool
    asked: int  # questions that came up
    answers: int  # the last answer of each role to each question
    covered: int  # expected points ticked, of the questions that came up
    expected: int  # expected points of the questions that came up
    notes: int  # the facilitator's and observers' notes


@attrs.frozen
class QuestionCell:
    """A question at one table: how many answers it got, and each expected point ticked."""

    answers: int
    covered: tuple[bool, ...]


@attrs.frozen
class QuestionRow:
    """A question across tables: its expected points, and per table what it got (None: it
    did not come up there)."""

    card: str
    title: str
    points: tuple[str, ...]
    tables: tuple[QuestionCell | None, ...]

    @property
    def asked(self) -> int:
        return sum(1 for cell in self.tables if cell is not None)

    @property
    def answered(self) -> int:
        return sum(1 for cell in self.tables if cell is not None and cell.answers)

    def covered_by(self, point: int) -> int:
        """How many tables covered the point."""
        return sum(1 for cell in self.tables if cell is not None and cell.covered[point])


@attrs.frozen
class ItemRow:
    """A questionnaire item summed up over every table's replies."""

    summary: QuestionnaireSummary
    tables: tuple[int, ...]  # for each of `summary.replies`, the index of its table


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
    # Whether the deck has dilemmas at all: a deck without any has no dilemmas' view.
    has_dilemmas: bool = True
    # A discussion exercise's views (empty for a game): the tables, the questions, the
    # questionnaire.
    summaries: tuple[TableSummary, ...] = ()
    questions: tuple[QuestionRow, ...] = ()
    questionnaire: tuple[ItemRow, ...] = ()

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
    # The tables' deck has the workshop's variables filled in: « Panne à Brest », not
    # « Panne à {{commune}} ».
    title = traces[0].deck.title if traces else workshop.title
    return tables_report(workshop.id, title, labels, traces, notes)


def tables_report(
    workshop: str,
    deck_title: str,
    labels: Sequence[str],
    traces: Sequence[SessionTrace],
    notes: Sequence[TableNote] = (),
) -> WorkshopReport:
    """The side-by-side views of the tables `labels`, whose replays are `traces`."""
    sessions = tuple(session_report(trace) for trace in traces)
    deck = traces[0].deck if traces else None
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
        grid=tuple(tag.title for tag in deck.observation_tags) if deck else (),
        has_dilemmas=deck is None or any(card.options for card in deck.cards),
        summaries=_summaries(labels, traces, sessions, notes),
        questions=_questions(sessions, deck),
        questionnaire=_questionnaire(sessions),
    )


def _asked(session: SessionReport) -> list[QuestionReport]:
    return [question for phase in session.phases for question in phase.questions]


def _summaries(
    labels: Sequence[str],
    traces: Sequence[SessionTrace],
    sessions: Sequence[SessionReport],
    notes: Sequence[TableNote],
) -> tuple[TableSummary, ...]:
    found = []
    for label, trace, session in zip(labels, traces, sessions, strict=True):
        asked = _asked(session)
        found.append(
            TableSummary(
                # A table that has not played a move is in its first round, yet played none.
                rounds=session.rounds if next(trace.done(), None) else 0,
                over=session.over,
                asked=len(asked),
                answers=sum(len(q.answers) for q in asked),
                covered=sum(len(q.covered) for q in asked),
                expected=sum(len(q.points) for q in asked),
                notes=sum(1 for note in notes if note.label == label),
            )
        )
    return tuple(found)


def _questions(sessions: Sequence[SessionReport], deck: Deck | None) -> tuple[QuestionRow, ...]:
    """Each question that came up at some table, in the order they come: by phase, then by
    the first round any table had it, then as the deck lists them."""
    cells: dict[str, dict[int, QuestionCell]] = {}
    first: dict[str, QuestionReport] = {}
    when: dict[str, tuple[int, int]] = {}
    deck_order = {card.id: n for n, card in enumerate(deck.cards)} if deck else {}
    for index, session in enumerate(sessions):
        for phase_index, phase in enumerate(session.phases):
            for question in phase.questions:
                first.setdefault(question.card, question)
                here = (phase_index, question.round)
                when[question.card] = min(when.get(question.card, here), here)
                cells.setdefault(question.card, {})[index] = QuestionCell(
                    len(question.answers), tuple(point.covered for point in question.points)
                )
    order = sorted(first, key=lambda card: (*when[card], deck_order.get(card, 0)))
    return tuple(
        QuestionRow(
            card,
            first[card].title,
            tuple(point.text for point in first[card].points),
            tuple(cells[card].get(index) for index in range(len(sessions))),
        )
        for card in order
    )


def _questionnaire(sessions: Sequence[SessionReport]) -> tuple[ItemRow, ...]:
    """Each item of the questionnaire with the replies of every table, summed up as one
    table's are (`debrief.discussion.summary`)."""
    if not sessions:
        return ()
    rows = []
    for item in sessions[0].questionnaire:
        replies: list[ReplyGiven] = []
        tables: list[int] = []
        for index, session in enumerate(sessions):
            for own in session.questionnaire:
                if own.id == item.id:
                    replies += own.replies
                    tables += [index] * len(own.replies)
        rows.append(ItemRow(summary(item.id, item.text, item.scale, tuple(replies)), tuple(tables)))
    return tuple(rows)


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
