"""The pause between two phases: what moved, what the table decided, what still waits.

Trainers pace a session on it. The summary itself is computed below the TUI
(`scenarios.debrief.phase_end`) from the journal; this screen only shows it.
Enter or Escape goes on to the next phase. A discussion exercise's pause shows the
phase's questions and how many answers each got, and no indicator nor pending answer.
"""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from scenarios.debrief.phase_end import IndicatorChange, PhaseSummary
from scenarios.debrief.texts import signed
from scenarios.deck import Deck
from scenarios.i18n import Lang
from scenarios.tui.bindings import BindingSpec
from scenarios.tui.screens.dialogs import ReadingDialog
from scenarios.tui.texts import plain, text
from scenarios.tui.widgets.key_bar import KeyBar


class PhaseEndScreen(ReadingDialog):
    """The summary of the phase that just ended, shown before the next one begins; its
    footer names the key that goes on, like every screen's."""

    BINDING_SPECS: list[BindingSpec] = [
        ("enter", "close", "phase_end.key.go_on", True, "keyname.enter", False),
        ("escape", "close", "phase_end.key.go_on", False, "keyname.escape", False),
    ]

    def __init__(self, summary: PhaseSummary, deck: Deck, lang: Lang) -> None:
        phase = deck.phases[deck.phase_index[summary.phase]]
        following = summary.next_phase
        if following is not None:
            title = deck.phases[deck.phase_index[following]].title
            hint = text(lang, "phase_end.continue", phase=title)
        else:
            hint = text(lang, "phase_end.close")
        super().__init__(text(lang, "phase_end.title", phase=phase.title), hint)
        self.summary = summary
        self.deck = deck
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide phase-end"):
            yield Static(plain(self.title_text), classes="dialog-title")
            with VerticalScroll(id="phase-end-body"):
                yield from self.body()
            yield Static(plain(self.hint), classes="dialog-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#phase-end-body").focus()  # ↑↓ scroll it when it is longer than the screen

    def body(self) -> ComposeResult:
        if self.summary.discussion:
            yield Static(self._questions(), id="phase-end-questions")
            if self.summary.dilemmas:
                yield Static(self._dilemmas(), id="phase-end-dilemmas")
            return
        yield Static(self._indicators(), id="phase-end-indicators")
        yield Static(self._dilemmas(), id="phase-end-dilemmas")
        yield Static(self._pending(), id="phase-end-pending")

    def _questions(self) -> Text:
        """Each question of the phase and how many answers it got (the deck's facilitator
        notes stay off this screen: every seat of the table sees it)."""
        body = Text()
        body.append(text(self.lang, "phase_end.questions") + "\n", style="bold")
        if not self.summary.questions:
            body.append(text(self.lang, "phase_end.no_question"), style="dim")
        for index, asked in enumerate(self.summary.questions):
            if asked.asked is None:
                answers = text(self.lang, "phase_end.answers", count=asked.answers)
            else:
                answers = text(
                    self.lang, "phase_end.answers_of", count=asked.answers, asked=asked.asked
                )
            title = self.deck.card(asked.card).title
            line = text(self.lang, "phase_end.question", question=title, answers=answers)
            body.append(("\n" if index else "") + "• ")
            body.append_text(plain(line))
        return body

    def _indicators(self) -> Table:
        table = Table(
            title=text(self.lang, "phase_end.indicators"),
            title_justify="left",
            title_style="bold",
            box=None,
            show_header=True,
            header_style="dim",
            padding=(0, 1),
            expand=False,
        )
        table.add_column(text(self.lang, "phase_end.indicator"), overflow="fold", ratio=1)
        table.add_column(text(self.lang, "phase_end.start"), justify="right", no_wrap=True)
        table.add_column(text(self.lang, "phase_end.now"), justify="right", no_wrap=True)
        table.add_column(text(self.lang, "phase_end.change"), justify="right", no_wrap=True)
        for change in self.summary.indicators:
            indicator = self.deck.indicators[self.deck.indicator_index[change.indicator]]
            table.add_row(
                plain(indicator.title),
                str(change.start),
                str(change.now),
                self._delta(change, indicator.good),
            )
        return table

    @staticmethod
    def _delta(change: IndicatorChange, good: str) -> Text:
        """The change with its sign, green when it goes the good way, red otherwise."""
        delta = change.delta
        if delta == 0:
            return Text("=", style="dim")
        better = (delta > 0) == (good == "high")
        return Text(signed(delta), style="green" if better else "red")

    def _dilemmas(self) -> Text:
        body = Text()
        body.append(text(self.lang, "phase_end.dilemmas") + "\n", style="bold")
        if not self.summary.dilemmas:
            body.append(text(self.lang, "phase_end.no_dilemma"), style="dim")
        for index, decided in enumerate(self.summary.dilemmas):
            card = self.deck.card(decided.card)
            option = next((o.title for o in card.options if o.id == decided.option), decided.option)
            line = text(self.lang, "phase_end.dilemma", card=card.title, option=option)
            body.append(("\n" if index else "") + "• " + line)
        return body

    def _pending(self) -> Text:
        pending = self.summary.pending
        heading = text(self.lang, "phase_end.pending")
        body = Text()
        body.append(heading + "\n", style="bold")
        if not pending:
            body.append(text(self.lang, "phase_end.no_pending"), style="dim")
        for index, gap in enumerate(pending):
            event = self.deck.card(gap.event).title
            expected = " / ".join(self.deck.card(card).title for card in gap.expected)
            if gap.phase == self.summary.phase:
                line = text(self.lang, "phase_end.waiting", event=event, expected=expected)
            else:  # still waiting from an earlier phase: say since when
                phase = self.deck.phases[self.deck.phase_index[gap.phase]].title
                line = text(
                    self.lang,
                    "phase_end.waiting_since",
                    event=event,
                    phase=phase,
                    expected=expected,
                )
            body.append(("\n" if index else "") + "• " + line)
        return body
