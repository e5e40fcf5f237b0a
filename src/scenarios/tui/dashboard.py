"""The facilitator's dashboard: a Textual app of its own, on one workshop of the store."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.app import App

from scenarios.i18n import Lang
from scenarios.store import Store
from scenarios.tui.app import APP_KEYS, STYLES
from scenarios.tui.bindings import localised
from scenarios.tui.messages import GameOver, QuitRequested
from scenarios.tui.screens.play import PlayScreen
from scenarios.tui.screens.room import RoomScreen
from scenarios.workshop.table import TableSession


class DashboardApp(App[None]):
    """The room view of a workshop, and a read-only mirror of any one table."""

    CSS_PATH = STYLES
    TITLE = "scenarios"
    BINDING_SPECS = APP_KEYS

    def __init__(
        self,
        store: Store,
        workshop_id: str,
        *,
        lang: Lang = "fr",
        minutes: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.store = store
        self.workshop_id = workshop_id
        self.lang = lang
        self.minutes = minutes  # every round's length (`--minutes`); None: each phase's
        self.clock = clock

    def on_mount(self) -> None:
        sessions = [TableSession.join(self.store, t) for t in self.store.tables(self.workshop_id)]
        room = localised(RoomScreen, self.lang)(
            self.lang, self.store, self.workshop_id, sessions, self.minutes, self.open_table
        )
        self.push_screen(room)

    def open_table(self, session: TableSession) -> None:
        """One table, live, as its players see it, but read-only (facilitator commands aside)."""
        screen = localised(PlayScreen, self.lang)(
            session, self.lang, self.clock, minutes=self.minutes, watching=True
        )
        self.push_screen(screen)

    def on_quit_requested(self, _: QuitRequested) -> None:
        self.pop_screen()

    def on_game_over(self, _: GameOver) -> None:
        """A table ended while watched: back to the room, where its card says so."""
        if isinstance(self.screen, PlayScreen):
            self.pop_screen()
