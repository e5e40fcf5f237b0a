"""An indicator as a gauge: its value against its bounds, this round's change, its history."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widget import Widget

from scenarios.deck import Indicator
from scenarios.render.printable import printable
from scenarios.render.sparkline import sparkline

MINUS = "−"


def signed(delta: int) -> str:
    if delta > 0:
        return f"+{delta}"
    if delta < 0:
        return f"{MINUS}{-delta}"
    return ""


class Gauge(Widget):
    """Two lines: title, value/max and change; a bar and a sparkline of past rounds."""

    DEFAULT_CSS = """
    Gauge { height: 2; }
    """

    def __init__(self, indicator: Indicator, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.indicator = indicator
        self.value = indicator.start
        self.delta = 0
        self.history: tuple[int, ...] = ()

    def show(self, value: int, delta: int, history: Sequence[int]) -> None:
        if (value, delta, tuple(history)) != (self.value, self.delta, self.history):
            self.value, self.delta, self.history = value, delta, tuple(history)
            self.refresh()

    def _tone(self) -> str:
        indicator = self.indicator
        span = max(1, indicator.max - indicator.min)
        share = (self.value - indicator.min) / span
        if indicator.good == "low":
            share = 1 - share
        if share >= 0.6:
            return "green"
        if share >= 0.3:
            return "yellow"
        return "red"

    def render(self) -> Text:
        indicator = self.indicator
        width = max(16, self.size.width)
        figures = f"{self.value}/{indicator.max}"
        change = signed(self.delta)
        good_move = (self.delta > 0) == (indicator.good == "high")
        title_room = width - len(figures) - len(change) - 2
        name = printable(indicator.title)
        title = name if len(name) <= title_room else name[: title_room - 1] + "…"
        line = Text(title, style="bold")
        line.append(" " * max(1, width - len(title) - len(figures) - len(change) - 1))
        line.append(figures, style="bold")
        if change:
            line.append(" ")
            line.append(change, style="green" if good_move else "red")
        history = self.history[-(width // 2) :]
        bar_width = max(4, width - len(history) - 1)
        span = max(1, indicator.max - indicator.min)
        filled = round((self.value - indicator.min) * bar_width / span)
        line.append("\n")
        line.append("█" * filled, style=self._tone())
        line.append("░" * (bar_width - filled), style="dim")
        line.append(" ")
        line.append(sparkline(history, indicator.min, indicator.max), style="cyan")
        return line
