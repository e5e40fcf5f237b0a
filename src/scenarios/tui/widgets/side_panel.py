"""The body of the play and review screens: on the left the gauges and the log, then the rest."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.dom import DOMNode
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import RichLog, Static

from scenarios.deck import Deck
from scenarios.engine import State
from scenarios.i18n import Lang
from scenarios.tui.texts import text
from scenarios.tui.widgets.gauge import Gauge


def body_with_side_panel(deck: Deck, lang: Lang, *main: Widget) -> ComposeResult:
    """Inside a screen's `compose`: `#gauge-<id>` gauges and the `#log` left, `main` right."""
    with Horizontal(id="body"):
        with Vertical(id="side"):
            if deck.indicators:  # a discussion exercise may have none
                yield Static(text(lang, "play.gauges"), classes="section-title")
            for indicator in deck.indicators:
                yield Gauge(indicator, id=f"gauge-{indicator.id}")
            yield Static(text(lang, "play.log"), classes="section-title")
            yield GameLog(id="log", wrap=True, markup=False, auto_scroll=True, min_width=10)
        with Vertical(id="main"):
            yield from main


class GameLog(RichLog):
    """The log of the game, its last lines in view.

    Textual draws a log's scrollbars again after every layout of the screen,
    changed or not: one more frame after each key pressed. This log tells its
    scrollbars their new sizes, and they are drawn again only if these changed."""

    def _scroll_update(self, virtual_size: Size) -> None:
        self._refresh_scrollbars()
        width, height = self.container_size
        if self.show_vertical_scrollbar and self.styles.scrollbar_size_vertical:
            self.vertical_scrollbar.window_virtual_size = virtual_size.height
            self.vertical_scrollbar.window_size = height - self.scrollbar_size_horizontal
        if self.show_horizontal_scrollbar and self.styles.scrollbar_size_horizontal:
            self.horizontal_scrollbar.window_virtual_size = virtual_size.width
            self.horizontal_scrollbar.window_size = width - self.scrollbar_size_vertical
        self.scroll_x = self.validate_scroll_x(self.scroll_x)
        self.scroll_y = self.validate_scroll_y(self.scroll_y)

    def show_end(self) -> None:
        """The last lines in view; the scrollbar learns the log's new length now, and is
        drawn with the new lines (not in one more frame, after the layout tells it)."""
        self.scroll_end(animate=False, immediate=True)
        self.vertical_scrollbar.window_virtual_size = self.virtual_size.height


def show_gauges(node: DOMNode, state: State) -> None:
    """Set the gauges under `node` to `state`, each with its change since the last round."""
    start = state.trail[-1] if state.trail else state.indicators
    for index, indicator in enumerate(state.deck.indicators):
        history = [values[index] for values in state.trail]
        node.query_one(f"#gauge-{indicator.id}", Gauge).show(
            state.indicators[index], state.indicators[index] - start[index], history
        )
