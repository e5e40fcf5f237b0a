"""Deck and user text on screen is data: markup shown verbatim, escape sequences dropped."""

from __future__ import annotations

import html
import re
from pathlib import Path

from textual.pilot import Pilot

from scenarios.deck import load_deck
from scenarios.tui.app import ScenariosApp
from scenarios.tui.bindings import localised
from scenarios.tui.screens.end import EndScreen
from scenarios.tui.screens.play import PlayScreen
from scenarios.tui.screens.setup import SetupScreen
from tests.tui.tui_driver import play_until, step

DECK = """\
format: 1
id: balises
title: "Fortes [/b] pluies"
roles:
  - {id: equipe, title: "Préfecture [COD]"}
indicators:
  - {id: moral, title: "Moral [b]", start: 5}
cards:
  - {id: alerte, type: event, title: "Alerte \\e[31mrouge", text: "Crue [/] [i]", effects: {moral: -1}}
  - {id: mairie, type: decision, title: "Mairie [/]", once: false, effects: {moral: 1}}
"""


def on_screen(pilot: Pilot[None]) -> str:
    """The text of the whole screen as the terminal would show it."""
    svg = pilot.app.export_screenshot()
    words = re.findall(r">([^<]*)</text>", svg)
    return html.unescape("".join(words)).replace("\xa0", " ")


async def test_markup_in_deck_and_user_text_is_shown_verbatim(tmp_path: Path) -> None:
    path = tmp_path / "balises.yaml"
    path.write_text(DECK, encoding="utf-8")
    app = localised(ScenariosApp, "fr")(
        lang="fr",
        deck=load_deck(path),
        seed=1,
        teams={"equipe": "Mairie [/] \x1b[2J équipe"},
        journal=tmp_path / "partie.jsonl",
        clock=lambda: 0.0,
    )
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, SetupScreen)
        shown = on_screen(pilot)
        assert "Fortes [/b] pluies" in shown
        assert "Préfecture [COD]" in shown
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        await play_until(pilot, lambda s: s.current_role is not None)
        shown = on_screen(pilot)
        assert "Alerte [31mrouge" in shown
        assert "Mairie [/]" in shown and "Mairie [/] [2J équipe" in shown  # card, team
        assert "\x1b" not in shown
        await step(pilot, rationale="# Parce que [b]gras[/b] :100:9")
        await pilot.pause()
        log = "\n".join(line.text for line in app.screen.query_one("#log").lines)  # type: ignore[attr-defined]
        assert "[b]gras[/b] :100:9" in log
        assert "Mairie [/]" in log
        assert "\x1b" not in log
        await play_until(pilot)
        await pilot.pause()
        assert isinstance(app.screen, EndScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        debrief = app.screen.query_one("#end-debrief").source  # type: ignore[attr-defined]
        assert "Débriefing" in debrief and "\x1b" not in debrief
        shown = on_screen(pilot)
        assert "Moral [b]" in shown
        assert "Préfecture [COD]" in shown
        assert "\x1b" not in shown
