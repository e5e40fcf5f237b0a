"""A key press shows its effect in one frame: no second frame, a few hundredths of a
second later, that moves what the table is reading (Textual lays the screen out again
when a widget's scrollbar appears or goes)."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual._wait import wait_for_idle

from scenarios.tui.screens.phase_end import PhaseEndScreen
from scenarios.tui.screens.play import PlayScreen
from scenarios.tui.widgets.cards import ChoiceList
from tests.tui.tui_driver import make_app, passing_key


async def test_passing_draws_the_screen_once(tmp_path: Path) -> None:
    """Over a whole game at 80x24, a pass that shows a hand as high as the last one, or
    lower, is drawn in one frame, whatever the cards above it do. (A higher hand can
    still take a second frame: the list's lines are worked out for its old height, with
    a scrollbar, and again for its new one; so can the end of a round.)"""
    app = make_app(tmp_path / "partie.jsonl", with_deck=True, seed=1)
    passes = 0
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        while isinstance(app.screen, PlayScreen | PhaseEndScreen):
            screen = app.screen
            if isinstance(screen, PhaseEndScreen):
                await pilot.press("enter")
                continue
            state = screen.state
            key = passing_key(state)
            if key != "p":
                await pilot.press(key)
                await pilot.pause()
                continue
            hand = screen.query_one("#choices", ChoiceList)
            height = hand.size.height
            frames = 0
            display = app._display

            def drawn(shown: object, update: object, display=display) -> None:
                nonlocal frames
                frames += update is not None
                display(shown, update)

            app._display = drawn  # type: ignore[method-assign]
            app._driver.send_message(events.Key("p", "p"))  # type: ignore[union-attr]
            await wait_for_idle(0)
            await app.screen.wait_for_refresh()
            await wait_for_idle(0)  # a frame left for later is drawn by now
            del app._display
            if isinstance(app.screen, PlayScreen) and 0 < hand.size.height <= height:
                passes += 1
                assert frames == 1, f"pass {passes}, turn {state.turn}: {frames} frames"
    assert passes >= 10
