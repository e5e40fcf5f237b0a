"""The play screen's header: the phase (number, title, colour), the round, the timer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal

from scenarios.engine import State
from scenarios.i18n import Lang
from scenarios.tui.texts import text
from scenarios.tui.widgets.text_panel import TextPanel


class PhaseBar(Horizontal):
    """One line coloured by phase; the phase is also named, numbered and marked.

    Colour is never the only sign of the phase.
    """

    DEFAULT_CSS = """
    PhaseBar { height: 1; padding: 0 1; text-style: bold; }
    PhaseBar > #phase-name { width: 1fr; }
    PhaseBar > #phase-round { width: auto; padding: 0 2; }
    PhaseBar > #phase-timer { width: auto; }
    PhaseBar.phase-0 { background: $primary-darken-2; color: $text; }
    PhaseBar.phase-1 { background: $error-darken-2; color: $text; }
    PhaseBar.phase-2 { background: $success-darken-2; color: $text; }
    PhaseBar.phase-3 { background: $warning-darken-2; color: $text; }
    PhaseBar.phase-4 { background: $accent-darken-2; color: $text; }
    """

    MARKERS = ("◆", "▲", "●", "■", "★")

    shown_state: tuple[State, Lang, str] | None = None

    def compose(self) -> ComposeResult:
        yield TextPanel(id="phase-name")
        yield TextPanel(id="phase-round")
        yield TextPanel(id="phase-timer")

    def show(self, index: int, name: str, round_text: str, timer: str) -> None:
        for number in range(5):
            self.set_class(number == index % 5, f"phase-{number}")
        marker = self.MARKERS[index % len(self.MARKERS)]
        self.query_one("#phase-name", TextPanel).show(f"{marker} {name}")
        self.query_one("#phase-round", TextPanel).show(round_text)
        self.query_one("#phase-timer", TextPanel).show(timer)

    def show_state(self, state: State, lang: Lang, timer: str) -> None:
        """The phase and round of `state`, with `timer` (or any text) on the right.

        Below 100 columns the words « Phase » and the count of all rounds are
        left out, so that the phase's title is read whole."""
        self.shown_state = (state, lang, timer)
        deck = state.deck
        phase = deck.phases[state.phase_index]
        narrow = self.app.size.width < 100
        name = text(
            lang,
            "phase.title.short" if narrow else "phase.title",
            number=state.phase_index + 1,
            phases=len(deck.phases),
            phase=phase.title,
        )
        round_text = text(
            lang,
            "play.round.short" if narrow else "play.round",
            round=state.round,
            rounds=phase.rounds,
            turn=state.turn,
            turns=deck.total_rounds,
        )
        self.show(state.phase_index, name, round_text, timer)

    def on_resize(self) -> None:
        if self.shown_state is not None:
            self.show_state(*self.shown_state)
