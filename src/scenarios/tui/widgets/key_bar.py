"""The footer: every key that does something now, with its label, on one line.

Textual's own Footer rebuilds a widget per key each time bindings may have
changed (every focus change, every stage of a round), which costs a frame on
each key press. This bar renders the same information as one line of text,
updated only when it changes, and still runs a key when it is clicked.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widgets import Static


class KeyBar(Static):
    """Keys and labels of the screen's active bindings, the command palette last."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        max-height: 3;
        background: $footer-background;
        color: $footer-description-foreground;
        padding: 0 1;
    }
    """

    def __init__(self) -> None:
        super().__init__(markup=False)
        self.spans: list[tuple[int, int, str]] = []
        self.plain = ""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.call_after_refresh(self._bindings_changed, self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        app = self.app
        palette_key = app.COMMAND_PALETTE_BINDING
        entries: list[tuple[str, str, str, bool]] = []
        palette: tuple[str, str, str, bool] | None = None
        seen: set[str] = set()
        for key, (_, binding, enabled, _) in screen.active_bindings.items():
            if key == palette_key and app.ENABLE_COMMAND_PALETTE:
                palette = (key, app.get_key_display(binding), binding.description, enabled)
                continue
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            entries.append((key, app.get_key_display(binding), binding.description, enabled))
        if palette is not None:
            entries.append(palette)
        text = Text()
        spans: list[tuple[int, int, str]] = []
        for key, display, description, enabled in entries:
            start = len(text)
            text.append(f" {display} ", style="bold reverse" if enabled else "dim")
            if description:
                text.append(f" {description} ", style="" if enabled else "dim")
            text.append(" ")
            spans.append((start, len(text), key))
        if text.plain != self.plain:
            self.plain = text.plain
            self.spans = spans
            self.update(text)

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self.spans:
            if start <= event.x - 1 < end:
                self.app.simulate_key(key)
                return
