"""What every full screen of the app shares: a typed way to ask the app to move on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from scenarios.tui.app import ScenariosApp


class AppScreen(Screen[None]):
    """A screen of the scenarios app (home, setup, play, end)."""

    @property
    def scenarios_app(self) -> ScenariosApp:
        from scenarios.tui.app import ScenariosApp

        assert isinstance(self.app, ScenariosApp)
        return self.app
