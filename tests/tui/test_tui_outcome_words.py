"""The end screen of a deck with `outcome_words: neutral` says « issue favorable » or
« issue défavorable », never « victoire » nor « défaite », its debrief included; a deck
without the key still says « Victoire »."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenarios.tui.app import ScenariosApp
from scenarios.tui.bindings import localised
from scenarios.tui.screens.end import EndScreen
from tests.tui.test_tui_discussion_debrief import shown_text
from tests.unit.test_outcome_words import VERDICTS, deck, played


async def end_screen(journal: Path) -> tuple[str, str]:
    """What the end screen of a finished game shows, and its debrief."""
    app = localised(ScenariosApp, "fr")(lang="fr", resume=journal)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, EndScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        debrief = app.screen.query_one("#end-debrief").source  # type: ignore[attr-defined]
        return shown_text(app.screen), debrief


@pytest.mark.parametrize(
    ("outcome", "said"), [("victory", "Issue favorable"), ("defeat", "Issue défavorable")]
)
async def test_a_neutral_deck_ends_on_an_outcome_not_a_victory(
    tmp_path: Path, outcome: str, said: str
) -> None:
    shown, debrief = await end_screen(played(deck(True), tmp_path / "j.jsonl", outcome))
    assert f"{said} — Moral" in shown
    assert "favorable" in debrief
    assert VERDICTS.findall(shown + debrief) == []


async def test_without_the_key_the_end_screen_says_victory(tmp_path: Path) -> None:
    shown, debrief = await end_screen(played(deck(False), tmp_path / "j.jsonl", "victory"))
    assert "Victoire — Moral tenu" in shown and "Victoire" in debrief
