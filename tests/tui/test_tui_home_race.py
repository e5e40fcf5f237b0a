"""The home screen loads its catalogue in a thread: a player who leaves first is not hurt."""

from __future__ import annotations

from pathlib import Path

from scenarios.deck import load_deck, resolve_deck
from scenarios.tui.screens.home import HomeScreen
from scenarios.tui.screens.setup import SetupScreen
from tests.tui.tui_driver import make_app


async def test_the_catalogue_arriving_after_the_home_screen_is_left_is_ignored(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path / "j.jsonl", journal_folder=tmp_path)
    async with app.run_test(size=(100, 32)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        home._sessions_found([])  # the thread's late answer: must not raise
        home._deck_loaded(load_deck(resolve_deck(None)))  # whether or not it came before
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
