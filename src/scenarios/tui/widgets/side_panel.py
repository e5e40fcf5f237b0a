"""The body of the play and review screens: on the left the gauges and the log, then the rest."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.dom import DOMNode
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
            yield RichLog(id="log", wrap=True, markup=False, auto_scroll=True, min_width=10)
        with Vertical(id="main"):
            yield from main


def show_gauges(node: DOMNode, state: State) -> None:
    """Set the gauges under `node` to `state`, each with its change since the last round."""
    start = state.trail[-1] if state.trail else state.indicators
    for index, indicator in enumerate(state.deck.indicators):
        history = [values[index] for values in state.trail]
        node.query_one(f"#gauge-{indicator.id}", Gauge).show(
            state.indicators[index], state.indicators[index] - start[index], history
        )
