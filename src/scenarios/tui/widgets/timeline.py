"""The whole session on three lines: phases as segments, rounds as ticks, marks, a cursor.

Decisions are marked with •, notes and annotations with ◆, round starts with │.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from rich.text import Text
from textual.widget import Widget

PHASE_STYLES = ("on #1f4e79", "on #7a1f1f", "on #1f6b3a", "on #7a5a12", "on #4b2d7a")


@attrs.frozen
class Moment:
    """What the timeline knows of one state: its phase, round and what led to it."""

    phase_index: int
    turn: int
    decision: bool = False
    marked: bool = False


class Timeline(Widget):
    """A horizontal map of the session with a cursor at the state shown."""

    DEFAULT_CSS = """
    Timeline { height: 3; padding: 0 1; }
    """

    def __init__(self, phase_titles: Sequence[str], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.phase_titles = tuple(phase_titles)
        self.moments: tuple[Moment, ...] = ()
        self.cursor = 0

    def show(self, moments: Sequence[Moment], cursor: int) -> None:
        self.moments = tuple(moments)
        self.cursor = cursor
        self.refresh()

    def column(self, index: int, width: int) -> int:
        count = max(1, len(self.moments) - 1)
        return min(width - 1, round(index * (width - 1) / count))

    def render(self) -> Text:
        width = max(10, self.size.width)
        phases = [0] * width
        filled = [False] * width
        marks = [" "] * width
        for index, moment in enumerate(self.moments):
            col = self.column(index, width)
            phases[col] = moment.phase_index
            filled[col] = True
            previous = self.moments[index - 1] if index else None
            if previous is not None and moment.turn != previous.turn and marks[col] == " ":
                marks[col] = "│"
            if moment.decision:
                marks[col] = "•"
            if moment.marked:
                marks[col] = "◆"
        for col in range(1, width):
            if not filled[col]:
                phases[col] = phases[col - 1]
        bar = Text()
        start = 0
        for col in range(1, width + 1):
            if col == width or phases[col] != phases[start]:
                index = phases[start]
                title = self.phase_titles[index] if index < len(self.phase_titles) else ""
                segment = (" " + title)[: col - start].ljust(col - start)
                bar.append(segment, style=PHASE_STYLES[index % len(PHASE_STYLES)] + " bold")
                start = col
        cursor_col = self.column(self.cursor, width) if self.moments else 0
        cursor = Text(" " * cursor_col + "▲", style="bold yellow")
        return Text("\n").join([bar, Text("".join(marks)), cursor])
