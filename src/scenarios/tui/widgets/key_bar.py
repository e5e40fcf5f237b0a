"""The footer: every key that does something now, with its label, on one line.

Textual's own Footer rebuilds a widget per key each time bindings may have
changed (every focus change, every stage of a round), which costs a frame on
each key press. This bar renders the same information as one line of text,
updated only when it changes, and still runs a key when it is clicked.

On a narrow terminal the keys are written closer together, then the last
ones are left out (the command palette, last, always stays): the line never
wraps. A screen may reword a key for the moment with `key_description`.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widgets import Static

Entry = tuple[str, str, str, bool]  # key, key shown, description, enabled


def footer_line(entries: list[Entry], width: int) -> tuple[Text, list[tuple[int, int, str]]]:
    """The keys as one line of at most `width` cells, and where each key's span is."""
    palette = entries[-1:] if entries else []
    kept = list(entries)
    while True:
        for compact in (False, True):
            text, spans = _line(kept, compact)
            if text.cell_len <= width or len(kept) <= len(palette) + 1:
                return text, spans
        kept = kept[:-2] + palette if len(kept) > 1 else kept


def _line(entries: list[Entry], compact: bool) -> tuple[Text, list[tuple[int, int, str]]]:
    text = Text()
    spans: list[tuple[int, int, str]] = []
    for key, display, description, enabled in entries:
        start = len(text)
        if compact:
            text.append(display, style="bold" if enabled else "dim")
        else:
            text.append(f" {display} ", style="bold reverse" if enabled else "dim")
        if description:
            text.append(f" {description}", style="" if enabled else "dim")
        spans.append((start, len(text), key))
        text.append("  ")
    text.rstrip()
    return text, spans


class KeyBar(Static):
    """Keys and labels of the screen's active bindings, the command palette last."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
        padding: 0 0 0 1;
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

    def on_resize(self) -> None:
        self._bindings_changed(self.screen)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        app = self.app
        palette_key = app.COMMAND_PALETTE_BINDING
        entries: list[Entry] = []
        palette: Entry | None = None
        seen: set[str] = set()
        describe = getattr(screen, "key_description", None)
        for key, (_, binding, enabled, _) in screen.active_bindings.items():
            if key == palette_key and app.ENABLE_COMMAND_PALETTE:
                description = binding.description
                if callable(describe):
                    description = describe(binding.action, description)
                palette = (key, app.get_key_display(binding), description, enabled)
                continue
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            description = binding.description
            if callable(describe):
                description = describe(binding.action, description)
            entries.append((key, app.get_key_display(binding), description, enabled))
        order = [spec[1] for spec in getattr(screen, "BINDING_SPECS", [])]
        actions = {key: bound[1].action for key, bound in screen.active_bindings.items()}
        entries.sort(key=lambda e: order.index(actions[e[0]]) if actions[e[0]] in order else 99)
        if palette is not None:
            entries.append(palette)
        width = self.size.width or app.size.width - 1
        text, spans = footer_line(entries, max(20, width))
        if text.plain != self.plain:
            self.plain = text.plain
            self.spans = spans
            self.update(text)

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self.spans:
            if start <= event.x - 1 < end:
                self.app.simulate_key(key)
                return
