"""The app on a full disk or read-only media: the screen says why, never shows an action the
journal refused, and never crashes (issue 12). Each test mounts its own small tmpfs (root only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from scenarios.deck import Deck, load_deck, resolve_deck
from scenarios.i18n import Lang
from scenarios.journal import read_annotations, read_journal
from scenarios.journal.annotations import fallback_annotations_path
from scenarios.tui.app import ScenariosApp
from scenarios.tui.bindings import localised
from scenarios.tui.screens.dialogs import AskDialog, MessageDialog
from scenarios.tui.screens.end import EndScreen
from scenarios.tui.screens.play import PlayScreen
from scenarios.tui.screens.review import ReviewScreen
from scenarios.tui.screens.setup import SetupScreen
from tests.conftest import MINI, spaced
from tests.disks import SmallDisk, small_disk
from tests.tui.tui_driver import FIXED_NOW, play_state, step

__all__ = ["small_disk"]

FULL = "plus de place sur le disque"


def app_for(deck: Deck | None = None, lang: Lang = "fr", **options: object) -> ScenariosApp:
    return localised(ScenariosApp, lang)(
        lang=lang, deck=deck, seed=3, clock=lambda: 0.0, now=lambda: FIXED_NOW, **options
    )


def dialog_text(app: ScenariosApp) -> str:
    screen = app.screen
    assert isinstance(screen, MessageDialog), screen
    shown = " ".join(str(s.render()) for s in screen.query(Static))
    return spaced(shown)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != ".filler")


@pytest.mark.parametrize("lang", ["fr", "en"])
async def test_a_journal_whose_header_does_not_fit_keeps_the_setup_screen(
    small_disk: SmallDisk, lang: Lang
) -> None:
    small_disk.fill(leave=2 * 4096)  # far less than the bundled deck, copied into the header
    path = small_disk.root / "partie.jsonl"
    app = app_for(load_deck(resolve_deck(None)), lang, journal=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = dialog_text(app)
        if lang == "fr":
            assert "Journal non écrit" in shown
            assert f"impossible d’écrire le journal {path} : {FULL}" in shown
            assert "La partie n’a pas commencé" in shown
        else:
            assert f"cannot write the journal {path}: no space left on the disk" in shown
        assert isinstance(app.screen_stack[-2], SetupScreen)
        assert names(small_disk.root) == []
        await pilot.press("escape")
        small_disk.free()  # room again: the same start now works
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert app.failure is None
    assert read_journal(path).entries == ()


async def test_an_action_the_disk_refuses_is_not_shown_and_the_game_goes_on(
    small_disk: SmallDisk,
) -> None:
    small_disk.fill(leave=2 * 4096)  # the lock's sidecar, then one page: part of a game of mini
    path = small_disk.root / "partie.jsonl"
    app = app_for(load_deck(MINI), journal=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        play = app.screen
        assert isinstance(play, PlayScreen)
        for _ in range(200):
            state = play_state(pilot)
            assert state is not None, "the game fitted in one page"
            before = path.read_bytes()
            await step(pilot)
            if isinstance(app.screen, MessageDialog):
                break
        shown = dialog_text(app)
        assert f"impossible d’écrire le journal {path} : {FULL}" in shown
        assert "Cette action n’a pas été jouée" in shown
        assert path.read_bytes() == before  # no half line
        journaled = read_journal(path)
        assert journaled.damage is None
        assert play.state is state  # the screen still shows the last action on disk
        assert play.state.hash() == journaled.entries[-1].hash
        assert app.failure is not None and FULL in app.failure.replace("\u202f", " ")
        await pilot.press("escape")
        small_disk.free()
        for _ in range(200):
            if not await step(pilot):
                break
        assert isinstance(app.screen, EndScreen)
        assert app.failure is None
    content = read_journal(path)
    assert content.damage is None and content.entries[-1].over


async def test_resume_at_launch_on_a_full_disk_exits_one_and_keeps_the_journal(
    small_disk: SmallDisk, tmp_path: Path
) -> None:
    from scenarios.sim import simulate

    simulate(load_deck(MINI), 1, 5, "random", journals=tmp_path / "j")
    (source,) = (tmp_path / "j").glob("*.jsonl")
    path = small_disk.root / "partie.jsonl"
    cut = source.read_bytes()[:-30]
    path.write_bytes(cut)
    small_disk.fill()
    app = app_for(resume=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    assert app.return_code == 1
    assert app.failure is not None
    failure = app.failure.replace("\u202f", " ")
    assert str(path) in failure and "n’a pas pu être réparé" in failure and FULL in failure
    assert path.read_bytes() == cut
    assert names(small_disk.root) == ["partie.jsonl"]


async def test_an_annotation_on_read_only_media_goes_to_the_data_folder(
    small_disk: SmallDisk, tmp_path: Path
) -> None:
    from scenarios.sim import simulate

    simulate(load_deck(MINI), 1, 5, "random", journals=tmp_path / "j")
    (source,) = (tmp_path / "j").glob("*.jsonl")
    path = small_disk.root / "partie.jsonl"
    path.write_bytes(source.read_bytes())
    small_disk.read_only()
    app = app_for(review=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("a", *"Bien vu", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, AskDialog)
        assert "système de fichiers en lecture seule" in dialog.prompt.replace("\u202f", " ")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    assert [a.text for a in read_annotations(path)] == ["Bien vu"]
    assert fallback_annotations_path(path).exists()
    assert names(small_disk.root) == ["partie.jsonl"]


async def test_exporting_the_debrief_onto_a_full_disk_says_so(small_disk: SmallDisk) -> None:
    path = small_disk.root / "partie.jsonl"
    app = app_for(load_deck(MINI), journal=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        for _ in range(200):
            if not await step(pilot):
                break
        assert isinstance(app.screen, EndScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        small_disk.fill()
        await pilot.press("x")
        await pilot.pause()
        notes = [n.message.replace("\u202f", " ") for n in app._notifications]
        assert any("Débriefing non exporté" in n and FULL in n for n in notes), notes
    assert names(small_disk.root) == ["partie.jsonl"]
