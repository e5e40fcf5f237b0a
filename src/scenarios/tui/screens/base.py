"""What every full screen of the app shares: the player's language and its words.

A screen asks the app to move on by posting a message (`scenarios.tui.messages`),
never by calling it, so that no screen imports the app.
"""

from __future__ import annotations

from textual.screen import Screen

from scenarios.i18n import Lang
from scenarios.tui.texts import text


class AppScreen(Screen[None]):
    """A screen of the scenarios app (home, setup, play, end, review)."""

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self.lang = lang

    def t(self, key: str, /, count: int | None = None, **params: object) -> str:
        """The message `key` of the catalog in the screen's language."""
        return text(self.lang, key, count=count, **params)
