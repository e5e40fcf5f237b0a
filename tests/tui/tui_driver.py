"""Drive the app with key presses only, as a table would, for pilot and snapshot tests."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Markdown, OptionList, RichLog, Static, TextArea

from scenarios.deck import Deck, load_deck, resolve_deck
from scenarios.engine import State, available_options
from scenarios.i18n import Lang
from scenarios.tui.app import ScenariosApp
from scenarios.tui.bindings import localised
from scenarios.tui.screens.end import EndScreen
from scenarios.tui.screens.phase_end import PhaseEndScreen
from scenarios.tui.screens.play import PlayScreen
from scenarios.tui.screens.questionnaire import QuestionnaireScreen

FIXED_NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
SEED = 2018


def make_app(
    journal: Path | None = None,
    lang: Lang = "fr",
    with_deck: bool = False,
    journal_folder: Path | None = None,
    seed: int = SEED,
    deck: Deck | None = None,
) -> ScenariosApp:
    """The app with a fixed seed, a still clock and a fixed date, so screens repeat exactly;
    at the setup of `deck` if given (of the default deck with `with_deck`)."""
    if deck is None and with_deck:
        deck = load_deck(resolve_deck(None))
    return localised(ScenariosApp, lang)(
        lang=lang,
        deck=deck,
        seed=seed,
        journal=journal,
        journal_folder=journal_folder,
        clock=lambda: 0.0,
        now=lambda: FIXED_NOW,
    )


def play_state(pilot: Pilot[None]) -> State | None:
    screen = pilot.app.screen
    return screen.state if isinstance(screen, PlayScreen) else None


def passing_key(state: State) -> str:
    """The key a table that never plays a card presses next: a dilemma's first possible
    option, a draw, the end of the round, or a pass."""
    if state.pending:
        card = state.deck.card(state.pending[0])
        legal = [o.id for o in available_options(state, card)]
        return str([o.id for o in card.options].index(legal[0]) + 1)
    if state.stage == "events":
        return "d"
    if state.stage == "end":
        return "f"
    return "p"


async def step(pilot: Pilot[None], rationale: str = "", prefer_pass: bool = False) -> bool:
    """One move with the keys the footer shows; False once the game is over."""
    state = play_state(pilot)
    if state is None:
        return False
    shown = pilot.app.screen
    key = passing_key(state)
    if key != "p":
        await pilot.press(key)
    else:
        screen = pilot.app.screen
        assert isinstance(screen, PlayScreen)
        playable = [o for o in screen.query_one("#choices").options if not o.disabled]  # type: ignore[attr-defined]
        if playable and not prefer_pass:
            if rationale:
                await pilot.press("r", *rationale)
            await pilot.press("enter")
        else:
            if rationale:
                await pilot.press("r", *rationale, "escape")
            await pilot.press("p")
    await pilot.pause()
    if pilot.app.screen is not shown:
        await pilot.pause()  # the app switched screens on a message: let the new one mount
    await past_phase_end(pilot)
    return play_state(pilot) is not None


async def past_phase_end(pilot: Pilot[None]) -> None:
    """The summary between two phases, if it shows: go on, as its hint says."""
    for _ in range(3):
        if isinstance(pilot.app.screen, PhaseEndScreen):
            await pilot.press("enter")
        await pilot.pause()
        if play_state(pilot) is not None or is_over(pilot):
            return


async def play_until(
    pilot: Pilot[None], done: Callable[[State], bool] = lambda state: False, limit: int = 600
) -> None:
    """Play on until `done(state)` holds or the game ends."""
    for _ in range(limit):
        await past_phase_end(pilot)
        state = play_state(pilot)
        if state is None or done(state):
            return
        await step(pilot)
    raise AssertionError("the game did not get there")


async def start_game(pilot: Pilot[None], from_home: bool = True) -> None:
    """Home -> setup -> play, with the keys of the footer."""
    if from_home:
        await pilot.press("enter")
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PlayScreen)


async def palette(pilot: Pilot[None], query: str) -> None:
    """Run the first command of the palette matching `query`."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    await pilot.pause(0.5)
    await pilot.press("enter")
    await pilot.pause()


def is_over(pilot: Pilot[None]) -> bool:
    return isinstance(pilot.app.screen, EndScreen)


async def skip_questionnaire(pilot: Pilot[None]) -> None:
    """The questionnaire at the end of a game, if it shows: skipped, as the facilitator may."""
    if isinstance(pilot.app.screen, QuestionnaireScreen):
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        await pilot.pause()


def no_cursor_blink() -> None:
    """Snapshots must not depend on when the cursor blinks."""
    Input.cursor_blink = False  # type: ignore[assignment]


def clock_seconds(text: str) -> int:
    """The time a `mm:ss` clock in `text` shows, in seconds."""
    found = re.search(r"(\d\d):(\d\d)", text)
    assert found, text
    return int(found[1]) * 60 + int(found[2])


def timer_seconds(app: App[None]) -> int:
    """The round's time left as the play screen's header shows it, in seconds."""
    return clock_seconds(str(app.screen.query_one("#phase-timer").render()))


def shown_text(app: App[None]) -> str:
    """Every text the screens on the stack hold, as read on screen, with its lines joined
    (a text wrapped over two lines reads whole): labels and cards, the log, lists, fields,
    Markdown, notifications. Spaces of any kind are single spaces."""
    parts: list[str] = []
    for screen in app.screen_stack:
        for widget in screen.query("*"):
            if isinstance(widget, RichLog):
                parts.extend("".join(segment.text for segment in line) for line in widget.lines)
            elif isinstance(widget, OptionList):
                parts.extend(str(option.prompt) for option in widget.options)
            elif isinstance(widget, TextArea):
                parts.append(widget.text)
            elif isinstance(widget, Input):
                parts.append(widget.value)
            elif isinstance(widget, Markdown):
                parts.append(widget.source)
            elif isinstance(widget, Static):
                parts.append(str(widget.render()))
            parts.extend(str(title) for title in (widget.border_title, widget.border_subtitle))
    parts.extend(str(notification.message) for notification in app._notifications)
    return " ".join(" ".join(parts).split())
