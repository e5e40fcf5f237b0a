"""The home screen: journals kept elsewhere, the panel and hint that follow the focus,
local decks offered again, and `o` that opens a picker."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DirectoryTree, OptionList, Static

from scenarios.journal.locations import recent, remember
from scenarios.tui.app import ScenariosApp
from scenarios.tui.bindings import localised
from scenarios.tui.screens.home import HomeScreen
from scenarios.tui.screens.setup import SetupScreen
from tests.conftest import CRUE, spaced
from tests.tui.tui_driver import is_over, make_app, play_until, start_game


async def home_loaded(pilot: Pilot[None]) -> HomeScreen:
    """The home screen once its catalogue is loaded (a local deck's watcher never ends)."""
    for _ in range(100):  # the sessions come last: the list is never empty once they did
        await pilot.pause(0.05)
        screen = pilot.app.screen
        if (
            isinstance(screen, HomeScreen)
            and screen.query_one("#sessions", OptionList).option_count
        ):
            break
    await pilot.pause()
    assert isinstance(screen, HomeScreen)
    return screen


def prompts(screen: HomeScreen, selector: str) -> list[str]:
    options = screen.query_one(selector, OptionList)
    return [spaced(str(options.get_option_at_index(i).prompt)) for i in range(options.option_count)]


def panel(screen: HomeScreen) -> str:
    return spaced(str(screen.query_one("#deck-description", Static).content))


def hint(screen: HomeScreen) -> str:
    return spaced(str(screen.query_one("#home-hint", Static).content))


async def test_a_game_with_its_journal_elsewhere_is_offered_to_resume(tmp_path: Path) -> None:
    elsewhere = tmp_path / "ailleurs" / "partie.jsonl"
    elsewhere.parent.mkdir()
    first = make_app(elsewhere, with_deck=True, journal_folder=tmp_path / "journaux")
    async with first.run_test(size=(80, 24)) as pilot:
        await start_game(pilot, from_home=False)
        await pilot.press("d")
        await pilot.pause()
    app = make_app(journal_folder=tmp_path / "journaux")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await home_loaded(pilot)
        [listed] = prompts(screen, "#sessions")
        assert "Crue éclair dans l’Aude" in listed
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert app.session is not None and app.session.state.turn == 1


async def test_the_panel_and_the_hint_follow_the_focused_list(tmp_path: Path) -> None:
    journal = tmp_path / "partie.jsonl"
    first = make_app(journal, with_deck=True)
    async with first.run_test(size=(80, 24)) as pilot:
        await start_game(pilot, from_home=False)
    app = make_app(journal_folder=tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await home_loaded(pilot)
        assert "Tab : passer aux parties à reprendre" in hint(screen)
        assert "Phases" in panel(screen)
        await pilot.press("tab")
        await pilot.pause()
        assert "Tab : revenir aux decks" in hint(screen)
        assert "Entrée : reprendre" in hint(screen)
        shown = panel(screen)
        assert "Phases" not in shown, "the panel no longer describes the deck"
        assert "Commencée le 24/11/2026" in shown and str(journal) in shown
        assert "reprendre cette partie" in shown
        await pilot.press("tab")
        await pilot.pause()
        assert "Tab : passer aux parties à reprendre" in hint(screen)
        assert "Phases" in panel(screen)


async def test_a_local_deck_played_is_still_listed_after_the_game(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = tmp_path / "ma-crue.yaml"
    shutil.copy(CRUE, deck)
    monkeypatch.chdir(tmp_path)
    app = make_app(journal_folder=tmp_path / "journaux")
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*str(deck), "enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await start_game(pilot, from_home=False)
        await play_until(pilot)
        assert is_over(pilot)
        await pilot.press("n")  # « Nouvelle partie »
        screen = await home_loaded(pilot)
        listed = prompts(screen, "#decks")
        assert listed[0] == "Crue de test", listed
        title = str(screen.query_one("#decks").border_title)
        assert "fournis" not in title.split("(")[0], "the list holds more than bundled decks"
        await pilot.press("enter")  # the local deck, as it is on disk now
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
    assert recent("decks") == [deck]


async def test_o_opens_a_picker_of_the_folders_and_their_decks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(CRUE, tmp_path / "crue.yaml")
    (tmp_path / "notes.txt").write_text("pas un deck", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    app = make_app(journal_folder=tmp_path / "journaux")
    async with app.run_test(size=(80, 24)) as pilot:
        await home_loaded(pilot)
        await pilot.press("o")
        await pilot.pause()
        tree = app.screen.query_one(DirectoryTree)
        await pilot.press("tab")
        await pilot.pause(0.3)
        assert tree.has_focus
        labels = [str(node.label) for node in tree.root.children]
        assert labels == ["crue.yaml"], "YAML files only"
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert "Crue de test" in spaced(str(app.screen.query_one("#setup-title").render()))


async def test_a_served_home_lists_no_local_deck_nor_journal(tmp_path: Path) -> None:
    deck = tmp_path / "ma-crue.yaml"
    shutil.copy(CRUE, deck)
    remember("decks", deck)
    first = make_app(tmp_path / "ailleurs.jsonl", with_deck=True, journal_folder=tmp_path / "j")
    async with first.run_test(size=(80, 24)) as pilot:
        await start_game(pilot, from_home=False)
    assert recent("journals") == [tmp_path / "ailleurs.jsonl"]
    app = localised(ScenariosApp, "fr")(lang="fr", journal_folder=tmp_path / "j", served=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await home_loaded(pilot)
        assert "Crue de test" not in prompts(screen, "#decks")
        assert prompts(screen, "#sessions") == ["Aucune partie interrompue."]
