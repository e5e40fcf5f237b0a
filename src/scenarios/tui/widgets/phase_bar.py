"""The play screen's header: the phase (number, title, colour), the round, the timer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal

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
