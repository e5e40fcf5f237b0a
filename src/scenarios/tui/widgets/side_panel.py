"""The left column of the play and review screens: the gauges, then the log of what happened."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import RichLog, Static

from scenarios.deck import Deck
from scenarios.i18n import Lang
from scenarios.tui.texts import text
from scenarios.tui.widgets.gauge import Gauge


def side_panel(deck: Deck, lang: Lang) -> ComposeResult:
    """Compose inside a screen's `compose`: `#gauge-<indicator>` gauges and the `#log`."""
    with Vertical(id="side"):
        yield Static(text(lang, "play.gauges"), classes="section-title")
        for indicator in deck.indicators:
            yield Gauge(indicator, id=f"gauge-{indicator.id}")
        yield Static(text(lang, "play.log"), classes="section-title")
        yield RichLog(id="log", wrap=True, markup=False, auto_scroll=True, min_width=10)
