"""The facilitator's room view: one card per table, live, and actions on one table or all.

A worker thread follows the store (`Follower.wait`) and hands the tables that
moved to the screen, which takes their lines in (each table is a seat of the
facilitator) and redraws their cards; a one-second tick redraws the clocks.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.signal import Signal
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from scenarios.debrief.texts import outcome_label
from scenarios.engine import (
    Action,
    Broadcast,
    Cover,
    Extend,
    IllegalAction,
    Inject,
    Note,
    Pause,
    Resume,
)
from scenarios.i18n import Lang, duration
from scenarios.journal.format import FACILITATOR
from scenarios.render.printable import printable
from scenarios.store import Store, StoreError
from scenarios.tui.bindings import BindingSpec, localised
from scenarios.tui.palette import KeyCommands
from scenarios.tui.screens.base import AppScreen
from scenarios.tui.screens.chronogram import ChronogramScreen
from scenarios.tui.screens.dialogs import AskDialog, Observation, observation_dialog
from scenarios.tui.texts import said, text
from scenarios.tui.widgets.key_bar import KeyBar
from scenarios.workshop.room import FILTERS, SORTS, Filter, Sort, TableCard, arranged, table_card
from scenarios.workshop.status import SEAT_SECONDS
from scenarios.workshop.table import TableChanged, TableSession

BAR = 8  # width of a gauge's bar on a card
NAME = 9  # width of a gauge's name on a card (cards are about 22 columns wide at 80)
SEATS_EVERY = 5.0  # seconds between two looks at who is connected
EXTENSIONS = (1, 2, 5, 10)  # minutes the facilitator may add to a round, in one go


def clock_text(seconds: int) -> str:
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    return f"{sign}{seconds // 60:02d}:{seconds % 60:02d}"


def card_text(card: TableCard, lang: Lang, compact: bool, width: int = 0) -> Text:
    """A table's card as text: title, progress, clock, gauges, activity; the gauges use
    the card's `width` (its inner columns) when known."""
    bar, name = BAR, NAME
    if width > BAR + NAME + 4:
        bar = max(BAR, min(20, width // 3))
        name = max(NAME, width - bar - 4)
    out = Text(no_wrap=True, overflow="ellipsis")
    out.append(printable(card.label), style="bold")
    out.append(f"  {card.code}", style="dim")
    if card.over:
        outcome = outcome_label(lang, card.outcome, card.neutral)
        state, style = text(lang, "room.over", outcome=outcome), "green"
    elif card.paused:
        state, style = text(lang, "room.paused"), "yellow"
    else:
        state, style = clock_text(card.seconds_left), "bold red" if card.late else ""
    where = text(lang, "room.where", round=card.round, rounds=card.rounds)
    if compact:
        out.append(f"  {printable(card.phase_title)} · {where} · ")
        out.append(state, style=style)
        out.append("  " + _activity(card, lang), style="dim")
        return out
    out.append("\n" + printable(card.phase_title), style="italic")
    out.append(f"\n{where} · ")
    out.append(state, style=style)
    for gauge in card.gauges:
        span = max(1, gauge.high - gauge.low)
        filled = max(0, min(bar, round(bar * (gauge.value - gauge.low) / span)))
        out.append("\n" + printable(gauge.title)[:name].ljust(name) + " ")
        out.append("█" * filled + "░" * (bar - filled), style="cyan")
        out.append(f" {gauge.value}")
    if card.questions:
        answers = text(lang, "room.answers", count=card.answers)
        said = text(
            lang, "room.questions", answers=answers, covered=card.covered, points=card.points
        )
        out.append("\n" + said, style="cyan")
    out.append("\n" + _activity(card, lang), style="dim")
    return out


def _activity(card: TableCard, lang: Lang) -> str:
    idle = (
        text(lang, "room.not_started")
        if card.idle_seconds is None
        else text(lang, "room.idle", ago=duration(card.idle_seconds, lang))
    )
    seats = text(lang, "room.seats", count=card.seats)
    injects = text(lang, "room.injects", count=card.injects) if card.injects else ""
    return " · ".join(part for part in (idle, seats, injects) if part)


class TableCardView(Static, can_focus=True):
    """One table's card; focus selects the table the keys act on."""

    def __init__(self, table_id: str) -> None:
        super().__init__(markup=False, classes="table-card")
        self.table_id = table_id


class ChoiceDialog(ModalScreen[str | None]):
    """Pick one of `choices` (label, value); Escape gives None."""

    BINDINGS = [("escape", "cancel", "")]

    def __init__(self, title: str, choices: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield OptionList(*[Option(printable(label), id=value) for label, value in self.choices])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class RoomScreen(AppScreen):
    """Every table of a workshop at a glance (see the module's docstring)."""

    BINDING_SPECS: list[BindingSpec] = [
        ("enter", "open_table", "room.key.open", False, "keyname.enter", False),
        ("p", "pause_one", "room.key.pause", True, None, False),
        ("P", "pause_all", "room.key.pause_all", True, None, False),
        ("i", "inject_one", "room.key.inject", True, None, False),
        ("I", "inject_all", "room.key.inject_all", True, None, False),
        ("n", "note", "room.key.note", True, None, False),
        ("t", "points", "room.key.points", True, None, False),
        ("space", "mark", "room.key.mark", False, "keyname.space", False),
        ("escape", "unmark", "room.key.unmark", False, "keyname.escape", False),
        ("b", "broadcast", "room.key.broadcast", True, None, False),
        ("e", "extend_one", "room.key.extend", True, None, False),
        ("E", "extend_all", "room.key.extend_all", False, None, False),
        ("s", "sort", "room.key.sort", False, None, False),
        ("f", "filter", "room.key.filter", False, None, False),
        ("c", "compact", "room.key.compact", False, None, False),
        ("right", "move(1)", "room.key.move", False, None, False),
        ("left", "move(-1)", "room.key.move", False, None, False),
        ("down", "move_row(1)", "room.key.move", False, None, False),
        ("up", "move_row(-1)", "room.key.move", False, None, False),
        ("g", "chronogram", "room.key.chronogram", True, None, False),
    ]
    COMMANDS = {KeyCommands}

    def __init__(
        self,
        lang: Lang,
        store: Store,
        workshop_id: str,
        sessions: Sequence[TableSession],
        minutes: int | None,
        open_table: Callable[[TableSession], None],
    ) -> None:
        super().__init__(lang)
        self.store = store
        self.workshop_id = workshop_id
        self.sessions = {session.table.id: session for session in sessions}
        self.order = [session.table.id for session in sessions]
        self.minutes = minutes  # every round's length; None: each phase's in the deck
        self.open_table = open_table
        self.sort: Sort = "label"
        self.shown: Filter = "all"
        self.compact = len(sessions) > 12
        self.seats: dict[str, int] = {}
        self.seats_seen_at = 0.0
        self.stop = threading.Event()
        self.cards: dict[str, TableCard] = {}
        self.marked: set[str] = set()  # tables ticked with Space: p, i and e act on them
        self.moved: Signal[set[str]] = Signal(self, "moved")  # tables that took new lines

    def compose(self) -> ComposeResult:
        yield Static(id="room-title", markup=False)
        with VerticalScroll(id="room-scroll"):
            yield Grid(*[TableCardView(table_id) for table_id in self.order], id="room")
        yield KeyBar()

    def on_mount(self) -> None:
        self.redraw()
        self.set_interval(1, self.redraw)
        threading.Thread(target=self._follow, daemon=True).start()
        self.query(TableCardView).first().focus()

    def on_unmount(self) -> None:
        self.stop.set()

    # Following the store

    def _follow(self) -> None:
        """In a thread: wait for new lines of any table, then hand their tables over."""
        known = {table_id: session.seq for table_id, session in self.sessions.items()}
        follower = self.store.follow(list(known))
        try:
            while not self.stop.is_set():
                try:
                    lines = follower.wait(known, 1.0)
                except StoreError:
                    self.stop.wait(1.0)
                    continue
                for line in lines:
                    known[line.table_id] = max(known[line.table_id], line.seq)
                if lines and not self.stop.is_set():
                    self.app.call_from_thread(self.take, {line.table_id for line in lines})
        finally:
            follower.close()

    def take(self, table_ids: set[str]) -> None:
        """Take in the new lines of these tables, then redraw."""
        for table_id in table_ids:
            try:
                self.sessions[table_id].refresh()
            except StoreError as error:
                self.notify(said(error, self.lang), severity="error", markup=False)
        self.redraw()
        self.moved.publish(table_ids)

    # Drawing

    def redraw(self) -> None:
        now_mono = time.monotonic()
        if now_mono - self.seats_seen_at >= SEATS_EVERY:
            self.seats_seen_at = now_mono
            try:
                seats = self.store.seats(self.order, SEAT_SECONDS)
                self.seats = {table_id: len(found) for table_id, found in seats.items()}
            except StoreError:
                pass
        self.cards = {
            table_id: table_card(
                session,
                session.now(),
                self.minutes,
                self.seats.get(table_id, 0),
                position,
            )
            for position, (table_id, session) in enumerate(
                (table_id, self.sessions[table_id]) for table_id in self.order
            )
        }
        shown = arranged(list(self.cards.values()), self.sort, self.shown)
        late = sum(card.late for card in self.cards.values())
        paused = sum(card.paused for card in self.cards.values())
        title = text(
            self.lang,
            "room.title",
            title=self.workshop_id,
            count=len(self.cards),
            late=late,
            paused=paused,
            sort=text(self.lang, f"room.sort.{self.sort}"),
            shown=text(self.lang, f"room.filter.{self.shown}"),
        )
        if self.marked:
            title += " · " + text(self.lang, "room.marked", count=len(self.marked))
        self.query_one("#room-title", Static).update(title)
        grid = self.query_one("#room", Grid)
        grid.set_class(self.compact, "compact")
        views = {view.table_id: view for view in self.query(TableCardView)}
        visible = {card.table_id for card in shown}
        for card in shown:
            view = views[card.table_id]
            view.update(card_text(card, self.lang, self.compact, view.content_size.width))
            view.set_class(card.late, "late")
            view.set_class(card.paused, "paused")
            view.set_class(card.over, "over")
            view.set_class(card.table_id in self.marked, "marked")
        for table_id, view in views.items():
            view.display = table_id in visible
        ordered = [views[card.table_id] for card in shown]
        rank = {view.table_id: index for index, view in enumerate(ordered)}
        current = [v.table_id for v in self.query(TableCardView) if v.display]
        if current != [view.table_id for view in ordered]:
            grid.sort_children(
                key=lambda v: rank.get(v.table_id, len(rank)) if isinstance(v, TableCardView) else 0
            )

    # The selected table

    def selected(self) -> TableSession | None:
        focused = self.focused
        if isinstance(focused, TableCardView):
            return self.sessions[focused.table_id]
        return None

    def every_table(self) -> list[TableSession]:
        """Every table, in the room's order (as created: `sessions` keeps it)."""
        return list(self.sessions.values())

    def chosen_tables(self) -> list[TableSession]:
        """The tables ticked with Space (in the room's order), or else the selected one."""
        if self.marked:
            return [self.sessions[table_id] for table_id in self.order if table_id in self.marked]
        session = self.selected()
        return [session] if session is not None else []

    def action_mark(self) -> None:
        session = self.selected()
        if session is not None:
            self.marked ^= {session.table.id}
            self.redraw()

    def action_unmark(self) -> None:
        if self.marked:
            self.marked.clear()
            self.redraw()

    def action_move(self, step: int) -> None:
        self.focus_next() if step > 0 else self.focus_previous()

    def action_move_row(self, step: int) -> None:
        grid = self.query_one("#room", Grid)
        columns = 1 if self.compact else max(1, grid.size.width // 27)
        for _ in range(columns):
            self.action_move(step)

    def action_chronogram(self) -> None:
        sessions = self.every_table()
        screen = localised(ChronogramScreen, self.lang)(
            self.lang, self.workshop_id, sessions, self.minutes, self.moved
        )
        self.app.push_screen(screen)

    def action_open_table(self) -> None:
        session = self.selected()
        if session is not None:
            self.open_table(session)

    # Acting on tables: each act is a line of the table's journal

    def act(
        self, sessions: Sequence[TableSession], make: Callable[[TableSession], Action | None]
    ) -> None:
        """Apply to each table the action `make` gives for it (None: nothing there)."""
        done = 0
        for session in sessions:
            action = make(session)
            if action is None:
                continue
            try:
                session.apply(action, FACILITATOR)
                done += 1
            except (IllegalAction, TableChanged) as error:
                reason = (
                    error.message(self.lang)
                    if isinstance(error, IllegalAction)
                    else text(self.lang, "room.changed")
                )
                told = text(self.lang, "room.refused", label=session.table.label, reason=reason)
                self.notify(printable(told), severity="warning", markup=False)
            except StoreError as error:
                self.notify(said(error, self.lang), severity="error", markup=False)
        if done:
            self.notify(text(self.lang, "room.done", count=done), timeout=3)
        self.redraw()

    def action_pause_one(self) -> None:
        self.act(self.chosen_tables(), lambda s: Resume() if s.state.paused else Pause())

    def action_pause_all(self) -> None:
        running = [s for s in self.every_table() if not s.state.paused and not s.state.over]
        if running:
            self.act(running, lambda _: Pause())
        else:
            self.act(self.every_table(), lambda s: Resume() if s.state.paused else None)

    def _inject(self, sessions: list[TableSession]) -> None:
        if not sessions:
            return
        deck = sessions[0].deck
        choices = [
            (text(self.lang, "room.inject_card", card=card.title), card.id)
            for card in deck.cards
            if not card.kind.held
        ]

        def chosen(card_id: str | None) -> None:
            if card_id:
                self.act(sessions, lambda s: None if s.state.over else Inject(card_id))

        self.app.push_screen(ChoiceDialog(text(self.lang, "room.inject_title"), choices), chosen)

    def action_inject_one(self) -> None:
        self._inject(self.chosen_tables())

    def action_inject_all(self) -> None:
        self._inject(self.every_table())

    def action_note(self) -> None:
        session = self.selected()
        if session is None:
            return
        title = text(self.lang, "room.note_title", label=session.table.label)

        def typed(note: Observation | None) -> None:
            if note:
                self.act([session], lambda _: Note(note.text, note.tags))

        self.app.push_screen(observation_dialog(self.lang, title, session.deck), typed)

    def action_points(self) -> None:
        """The selected table's questions so far: answers, and expected points to tick."""
        from scenarios.tui.screens.discussion import PointsDialog, questions_asked

        session = self.selected()
        if session is None:
            return
        label = session.table.label
        cards = questions_asked(session.state)
        if not cards:
            self.notify(text(self.lang, "room.no_questions", label=label), markup=False)
            return

        def tick(cover: Cover) -> None:
            self.act([session], lambda _: cover)

        dialog = PointsDialog(label, cards, lambda: session.state, tick, self.lang)
        self.app.push_screen(dialog)

    def action_broadcast(self) -> None:
        """A message shown on every table's screen until the end of its round."""
        sessions = self.every_table()

        def typed(message: str | None) -> None:
            if message:
                self.act(sessions, lambda s: None if s.state.over else Broadcast(message))

        self.app.push_screen(AskDialog(text(self.lang, "room.broadcast_title")), typed)

    def _extend(self, sessions: list[TableSession]) -> None:
        if not sessions:
            return
        choices = [
            (text(self.lang, "room.extend_by", count=minutes), str(minutes))
            for minutes in EXTENSIONS
        ]

        def chosen(minutes: str | None) -> None:
            if minutes:
                seconds = int(minutes) * 60
                self.act(sessions, lambda s: None if s.state.over else Extend(seconds))

        self.app.push_screen(ChoiceDialog(text(self.lang, "room.extend_title"), choices), chosen)

    def action_extend_one(self) -> None:
        self._extend(self.chosen_tables())

    def action_extend_all(self) -> None:
        self._extend(self.every_table())

    def action_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.redraw()

    def action_filter(self) -> None:
        self.shown = FILTERS[(FILTERS.index(self.shown) + 1) % len(FILTERS)]
        self.redraw()

    def action_compact(self) -> None:
        self.compact = not self.compact
        self.redraw()
