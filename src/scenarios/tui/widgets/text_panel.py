"""A text that only redraws when it changes, without a new layout when its size is fixed."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from scenarios.tui.widgets.settled import Settled


class TextPanel(Static, Settled):
    """A Static whose `show` skips content identical to what is already shown."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(markup=False, **kwargs)  # type: ignore[arg-type]
        self.shown: str | None = None

    def show(self, content: str | Text) -> None:
        key = content.markup if isinstance(content, Text) else content
        if key != self.shown:
            self.shown = key
            self.update(content, layout=self.sized_by_content())

    def sized_by_content(self) -> bool:
        """Whether a new text may change the panel's size (else it is only drawn again)."""
        height, width = self.styles.height, self.styles.width
        return height is None or not height.is_cells or (width is not None and width.is_auto)
