"""A designer saves the deck while it is open: `scenarios play` and `validate --watch` follow."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from scenarios.deck import load_deck
from scenarios.tui.app import ScenariosApp
from scenarios.tui.bindings import localised
from scenarios.tui.screens.dialogs import ConfirmDialog
from scenarios.tui.screens.play import PlayScreen
from scenarios.tui.screens.setup import SetupScreen
from tests.conftest import CRUE
from tests.tui.tui_driver import FIXED_NOW

WAIT = 15.0  # seconds: file events and their debounce take a moment on a busy machine


def _copy_of_crue(folder: Path) -> Path:
    path = folder / "crue.yaml"
    path.write_text(CRUE.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def _retitle(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _app(path: Path, journal_folder: Path) -> ScenariosApp:
    return localised(ScenariosApp, "fr")(
        lang="fr",
        deck=load_deck(path),
        deck_path=path,
        seed=77,
        journal_folder=journal_folder,
        clock=lambda: 0.0,
        now=lambda: FIXED_NOW,
    )


def _messages(app: ScenariosApp) -> list[str]:
    return [f"{n.title}\n{n.message}" for n in app._notifications]


async def _until(pilot: Pilot[None], condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, "the app did not follow the saved file"
        await pilot.pause(0.05)


async def test_setup_follows_the_saved_file_and_keeps_what_was_typed(tmp_path: Path) -> None:
    path = _copy_of_crue(tmp_path)
    app = _app(path, tmp_path / "journaux")
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, SetupScreen)
        field = app.screen.query_one("#team-prefecture", Input)
        field.value = "Les Cigognes"
        await pilot.pause(0.5)  # the watcher is up
        _retitle(path, 'title: "Crue de test"', 'title: "Crue corrigée"')
        await _until(pilot, lambda: any("rechargé" in m for m in _messages(app)))
        assert isinstance(app.screen, SetupScreen)
        assert app.screen.deck.title == "Crue corrigée"
        assert app.screen.query_one("#team-prefecture", Input).value == "Les Cigognes"
        assert app.screen.query_one("#seed", Input).value == "77"
        assert any("crue.yaml rechargé\u00a0: valide" in m for m in _messages(app))

        _retitle(path, "title: ", "titel: ")
        await _until(pilot, lambda: any("erreur" in m for m in _messages(app)))
        (message,) = _messages(app)
        assert "la version précédente reste en place" in message
        assert "clé inconnue «\u00a0titel\u00a0» dans le deck" in message
        assert "vouliez-vous dire «\u00a0title\u00a0»" in message
        assert app.screen.deck.title == "Crue corrigée"  # type: ignore[attr-defined]


async def test_a_game_keeps_its_version_until_the_table_starts_again(tmp_path: Path) -> None:
    path = _copy_of_crue(tmp_path)
    folder = tmp_path / "journaux"
    app = _app(path, folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.press("d")
        await pilot.pause(0.5)
        assert isinstance(app.screen, PlayScreen)
        started = app.screen.state
        _retitle(path, 'title: "Crue de test"', 'title: "Crue v2"')
        await _until(pilot, lambda: any("rechargé" in m for m in _messages(app)))
        assert isinstance(app.screen, PlayScreen)
        assert app.screen.state is started and app.screen.deck.title == "Crue de test"
        assert any("La partie en cours garde sa version" in m for m in _messages(app))

        await pilot.press("ctrl+p")
        await pilot.press(*"Recommencer avec le deck")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        assert app.screen.deck.title == "Crue v2"
        assert app.screen.query_one("#seed", Input).value == "77"
    (journal,) = folder.glob("*.jsonl")
    assert journal.read_text(encoding="utf-8").count("\n") == 2  # header and the draw: resumable


def test_validate_watch_checks_again_on_every_save(tmp_path: Path) -> None:
    path = _copy_of_crue(tmp_path)
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200"}
    process = subprocess.Popen(
        [sys.executable, "-m", "scenarios", "validate", "--watch", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    seen: list[str] = []

    def read_until(fragment: str) -> None:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            line = process.stdout.readline()  # type: ignore[union-attr]
            seen.append(line)
            if fragment in line:
                return
        raise AssertionError(f"{fragment!r} never came: {''.join(seen)}")

    try:
        read_until("Surveillance des fichiers")
        time.sleep(0.3)
        _retitle(path, "title: ", "titel: ")
        read_until("crue.yaml\u00a0: invalide")
        assert any(f"{path}:4:1: erreur: clé inconnue" in line for line in seen)
        _retitle(path, "titel: ", "title: ")
        read_until("crue.yaml\u00a0: valide")
    finally:
        process.terminate()
        process.wait(timeout=10)
