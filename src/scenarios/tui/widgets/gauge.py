"""An indicator as a gauge: its value against its bounds, this round's change, its history."""

from __future__ import annotations

import textwrap
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
    """Title, value/max and change; a bar and a sparkline of past rounds (2 or 3 lines)."""

    DEFAULT_CSS = """
    Gauge { height: auto; }
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
            self.refresh(layout=True)  # a longer change may move the name onto its own line

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
        """The name and figures on one line when they fit; else the name on its own
        lines (never cut short: players must know which gauge is which), figures after the bar."""
        indicator = self.indicator
        width = max(16, self.size.width)
        figures = f"{self.value}/{indicator.max}"
        change = signed(self.delta)
        name = printable(indicator.title)
        tail = Text(figures, style="bold")
        if change:
            good_move = (self.delta > 0) == (indicator.good == "high")
            tail.append(" ")
            tail.append(change, style="green" if good_move else "red")
        history = self.history[-(width // 2) :]
        spark = Text(sparkline(history, indicator.min, indicator.max), style="cyan")
        if len(name) + 1 + tail.cell_len <= width:
            line = Text(name, style="bold")
            line.append(" " * (width - len(name) - tail.cell_len))
            line.append_text(tail)
            line.append("\n")
            line.append_text(self._bar(width - spark.cell_len - 1))
            line.append(" ")
            line.append_text(spark)
            return line
        lines = textwrap.wrap(name, width) or [""]
        if len(lines) > 2:
            lines = [lines[0], lines[1][: width - 1] + "…"]
        line = Text("\n".join(lines), style="bold")
        line.append("\n")
        line.append_text(self._bar(width - tail.cell_len - spark.cell_len - 2))
        line.append(" ")
        line.append_text(tail)
        line.append(" ")
        line.append_text(spark)
        return line

    def _bar(self, width: int) -> Text:
        indicator = self.indicator
        width = max(4, width)
        span = max(1, indicator.max - indicator.min)
        filled = round((self.value - indicator.min) * width / span)
        bar = Text("█" * filled, style=self._tone())
        bar.append("░" * (width - filled), style="dim")
        return bar
