"""A phase's `minutes` in the deck sets its rounds' timer unless the setup chose a length."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Input

from scenarios.deck import load_deck_text
from scenarios.tui.app import ScenariosApp
from scenarios.tui.bindings import localised
from scenarios.tui.screens.play import PlayScreen
from scenarios.tui.screens.setup import SetupScreen
from tests.conftest import spaced
from tests.tui.tui_driver import FIXED_NOW, play_until

TIMED = """\
format: 1
id: minute
title: "Minuté"
phases:
  - {id: avant, title: "Avant", rounds: 1, events_per_round: 0, minutes: 10}
  - {id: pendant, title: "Pendant", rounds: 1, events_per_round: 0}
roles:
  - {id: equipe, title: "Équipe"}
indicators:
  - {id: moral, title: "Moral", start: 5}
cards:
  - {id: chanter, type: decision, title: "Chanter", once: false, effects: {moral: 1}}
"""


def app_for(journal: Path) -> ScenariosApp:
    return localised(ScenariosApp, "fr")(
        lang="fr",
        deck=load_deck_text(TIMED),
        seed=1,
        journal=journal,
        clock=lambda: 0.0,
        now=lambda: FIXED_NOW,
    )


def clock_shown(app: ScenariosApp) -> str:
    found = re.search(r"\d\d:\d\d", spaced(str(app.screen.query_one("#phase-timer").render())))
    assert found
    return found[0]


async def test_an_empty_timer_at_setup_follows_each_phases_minutes_in_the_deck(
    tmp_path: Path,
) -> None:
    app = app_for(tmp_path / "partie.jsonl")
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, SetupScreen)
        assert app.screen.query_one("#minutes", Input).value == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert clock_shown(app) == "10:00"
        await play_until(pilot, lambda state: state.phase_index == 1)
        assert isinstance(app.screen, PlayScreen)
        assert clock_shown(app) == "06:00", "a phase without minutes: the usual length"


async def test_a_length_typed_at_setup_is_every_rounds_length(tmp_path: Path) -> None:
    app = app_for(tmp_path / "partie.jsonl")
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#minutes", Input).focus()
        await pilot.press("3", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert clock_shown(app) == "03:00"
