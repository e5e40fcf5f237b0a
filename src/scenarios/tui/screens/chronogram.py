"""The facilitator's chronogram: every table's rounds against the clock, ahead or behind.

Opened from the room view, it reads the room's seats (the room keeps taking
their lines in) and redraws every second and whenever a table moves. Each
row is a table's rounds on the common time axis, one block per round in its
phase's colour and glyph (so that phases read without colour too), pauses
dotted, a bar at "now"; the row above shows the plan, the deck's rounds one
after the other from the first start, each its phase's length (or the
trainer's `--minutes`), so the column at "now" says where the plan is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.signal import Signal
from textual.widgets import Static

from scenarios.i18n import Lang
from scenarios.render.printable import printable
from scenarios.tui.bindings import BindingSpec
from scenarios.tui.screens.base import AppScreen
from scenarios.tui.widgets.key_bar import KeyBar
from scenarios.workshop.chronogram import (
    Chronogram,
    Track,
    cells,
    chronogram,
    plan,
    planned_rounds,
)
from scenarios.workshop.table import TableSession

# Each phase's glyph and its two shades (rounds alternate, so that their limits show);
# the deck's phases in order: avant, pendant, après, then again for longer decks.
PHASE_LOOKS: tuple[tuple[str, str, str], ...] = (
    ("▓", "green3", "green4"),
    ("█", "orange1", "dark_orange3"),
    ("▒", "deep_sky_blue1", "dodger_blue3"),
    ("▚", "magenta", "purple"),
)
PAUSED = ("·", "bold yellow")
NOW = ("┃", "bold")
LABEL_MAX = 16
WORDS_MAX = 34
BAR_MIN = 10


def phase_look(phase_index: int, turn: int) -> tuple[str, str]:
    glyph, bright, dim = PHASE_LOOKS[phase_index % len(PHASE_LOOKS)]
    return glyph, bright if turn % 2 else dim


class ChronogramRow(Static):
    """One table's row (or the plan's)."""

    def __init__(self, table_id: str) -> None:
        super().__init__(markup=False, classes="chrono-row")
        self.table_id = table_id


class ChronogramScreen(AppScreen):
    """The rounds of every table against the clock (see the module's docstring)."""

    BINDING_SPECS: list[BindingSpec] = [
        ("escape", "back", "key.back", True, "keyname.escape", False),
        ("q", "back", "key.back", False, None, False),
    ]

    def __init__(
        self,
        lang: Lang,
        workshop_id: str,
        sessions: Sequence[TableSession],
        minutes: int | None,
        moved: Signal[set[str]] | None = None,
    ) -> None:
        super().__init__(lang)
        self.workshop_id = workshop_id
        self.sessions = list(sessions)
        # Every round of the deck with its planned length: the tables all play one deck.
        self.rounds = planned_rounds(self.sessions[0].deck, minutes) if self.sessions else ()
        self.moved = moved

    def compose(self) -> ComposeResult:
        yield Static(id="chrono-title", markup=False)
        yield Static(id="chrono-legend", markup=False)
        yield ChronogramRow("")
        with VerticalScroll(id="chrono-rows"):
            for session in self.sessions:
                yield ChronogramRow(session.table.id)
        yield KeyBar()

    def on_mount(self) -> None:
        self.redraw()
        self.call_after_refresh(self.redraw)  # once the rows know their width
        self.set_interval(1, self.redraw)
        self.query_one("#chrono-rows", VerticalScroll).focus()  # arrows and pages scroll
        if self.moved is not None:
            self.moved.subscribe(self, lambda _: self.redraw())

    def on_resize(self) -> None:
        self.redraw()

    def action_back(self) -> None:
        self.app.pop_screen()

    def redraw(self) -> None:
        if not self.sessions:
            return
        now = self.sessions[0].now()
        tables = [(s.table.id, s.table.label, s.timeline) for s in self.sessions]
        drawn = chronogram(tables, now, self.rounds)
        self.query_one("#chrono-title", Static).update(self._title(drawn))
        self.query_one("#chrono-legend", Static).update(self._legend())
        words = {t.table_id: self._words(t) for t in drawn.tracks}
        views = {view.table_id: view for view in self.query(ChronogramRow)}
        width = views[drawn.tracks[0].table_id].content_size.width or self.app.size.width - 6
        label_width = min(LABEL_MAX, max(cell_len(printable(t.label)) for t in drawn.tracks))
        label_width = max(label_width, cell_len(self.t("chrono.plan")))
        words_width = min(WORDS_MAX, max(w.cell_len for w in words.values()))
        sizes = (label_width, max(BAR_MIN, width - label_width - words_width - 4))
        planned = self._planned(drawn)
        plan_words = self._plan_words(planned) if planned else Text()
        views[""].update(self._row(self.t("chrono.plan"), planned, drawn, plan_words, sizes))
        for found in drawn.tracks:
            said = words[found.table_id]
            views[found.table_id].update(self._row(found.label, found, drawn, said, sizes))

    def _planned(self, drawn: Chronogram) -> Track | None:
        if drawn.start is None:
            return None
        return plan(drawn.start, drawn.now, drawn.rounds)

    def _row(
        self,
        label: str,
        found: Track | None,
        drawn: Chronogram,
        words: Text,
        sizes: tuple[int, int],
    ) -> Text:
        """A row: the label in `sizes[0]` cells, the bar in `sizes[1]`, now, the words."""
        label_width, bar = sizes
        out = Text(no_wrap=True, overflow="ellipsis")
        name = Text(printable(label), style="bold")
        name.truncate(label_width, overflow="ellipsis", pad=True)
        out.append_text(name)
        out.append(" ")
        if found is not None and drawn.start is not None:
            for cell in cells(found, drawn.start, drawn.now, bar):
                if cell is None:
                    out.append(" ")
                elif cell.paused:
                    out.append(*PAUSED)
                else:
                    out.append(*phase_look(cell.phase_index, cell.turn))
        else:
            out.append(" " * bar)
        out.append(*NOW)
        out.append(" ")
        out.append_text(words)
        return out

    def _words(self, found: Track) -> Text:
        """« en avance de 1 tour », « à l'heure », « en retard de 2 tours » (and finished)."""
        if not found.started:
            return Text(self.t("room.not_started"), style="dim")
        ahead = found.ahead
        if ahead > 0:
            said, style = self.t("chrono.ahead", count=ahead), "green"
        elif ahead < 0:
            said, style = self.t("chrono.behind", count=-ahead), "bold red"
        else:
            said, style = self.t("chrono.on_time"), ""
        if found.over:
            said = self.t("chrono.over", delay=said)
        return Text(said, style=style)

    def _plan_words(self, planned: Track) -> Text:
        """Where the plan is now: the phase and round it expects."""
        if planned.over or not planned.segments:
            return Text(self.t("chrono.plan_over"), style="dim")
        last = planned.segments[-1]
        phase = self.sessions[0].deck.phases[last.phase_index]
        where = self.t("room.where", round=last.round, rounds=phase.rounds)
        return Text(f"{printable(phase.title)} · {where}", style="italic")

    def _title(self, drawn: Chronogram) -> str:
        if drawn.start is None:
            return self.t("chrono.waiting", title=self.workshop_id)
        title, start, now = self.workshop_id, _clock(drawn.start), _clock(drawn.now)
        lengths = [planned.seconds / 60 for planned in drawn.rounds] or [0.0]
        low, high = min(lengths), max(lengths)
        if low == high:  # every round as long: « tours de 6 min »
            return self.t("chrono.title", title=title, start=start, now=now, minutes=f"{low:g}")
        return self.t(
            "chrono.title_phases",
            title=title,
            start=start,
            now=now,
            low=f"{low:g}",
            high=f"{high:g}",
        )

    def _legend(self) -> Text:
        out = Text(no_wrap=True, overflow="ellipsis")
        for index, phase in enumerate(self.sessions[0].deck.phases):
            glyph, style = phase_look(index, 1)
            out.append(glyph * 2, style=style)
            out.append(f" {printable(phase.title)}  ")
        out.append(PAUSED[0] * 2, style=PAUSED[1])
        out.append(f" {self.t('chrono.paused')}  ")
        out.append(*NOW)
        out.append(f" {self.t('chrono.now')}")
        return out


def _clock(moment: datetime) -> str:
    """A moment as this machine's wall clock shows it."""
    return moment.astimezone().strftime("%H:%M")
