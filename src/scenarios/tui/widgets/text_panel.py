"""A text that only redraws when it changes: each update of a Static costs a new layout."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class TextPanel(Static):
    """A Static whose `show` skips content identical to what is already shown."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(markup=False, **kwargs)  # type: ignore[arg-type]
        self.shown: str | None = None

    def show(self, content: str | Text) -> None:
        key = content.markup if isinstance(content, Text) else content
        if key != self.shown:
            self.shown = key
            self.update(content)
