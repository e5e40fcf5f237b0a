"""Snapshots of each screen at 80×24 and 120×40 (French), and one in English.

Update them after a deliberate change with `pytest tests/tui/test_tui_snapshots.py
--snapshot-update`, then look at the report before committing.
"""

from __future__ import annotations

import fcntl
import tempfile
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from scenarios.deck import load_deck
from scenarios.engine import State
from tests.conftest import TEST_DECKS
from tests.tui.tui_driver import make_app, no_cursor_blink, play_until, start_game

# Snapshots record journals at fixed paths (the screens show them): one worker runs them all.
pytestmark = pytest.mark.xdist_group("snapshots")

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
Compare = Callable[..., bool]


FOLDER = Path(tempfile.gettempdir()) / "scenarios-snapshots"


@pytest.fixture(autouse=True)
def _still_cursor() -> None:
    no_cursor_blink()


@pytest.fixture(autouse=True)
def _alone_at_the_fixed_paths() -> Iterator[None]:
    """Another test run on the machine (another checkout, CI beside a developer) uses the
    same fixed paths: each snapshot holds the folder's lock, so neither deletes the
    other's journal in the middle of a game."""
    FOLDER.mkdir(exist_ok=True)
    with (FOLDER / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def fixed_journal(name: str) -> Path:
    """A journal path that is the same on every run, since the end screen shows it."""
    path = FOLDER / f"{name}.jsonl"
    path.unlink(missing_ok=True)
    return path


def until(done: Callable[[State], bool]) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await start_game(pilot, from_home=False)
        await play_until(pilot, done)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    return run_before


async def decks_loaded(pilot: Pilot[None]) -> None:
    """The home screen lists decks by id at once, then with their titles once loaded."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare: Compare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=decks_loaded)


@pytest.mark.parametrize("size", SIZES)
def test_setup(snap_compare: Compare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(with_deck=True), terminal_size=size)


PHASES: list[Any] = [
    pytest.param("avant", lambda s: s.current_role is not None, id="avant"),
    pytest.param("pendant", lambda s: s.phase == "pendant" and s.current_role is not None, id="pendant"),
    pytest.param("apres", lambda s: s.phase == "apres" and s.current_role is not None, id="apres"),
]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("phase", "done"), PHASES)
def test_play_in_each_phase(
    snap_compare: Compare, size: tuple[int, int], phase: str, done: Callable[[State], bool]
) -> None:
    app = make_app(fixed_journal(f"play-{phase}-{size[0]}"), with_deck=True)
    assert snap_compare(app, terminal_size=size, run_before=until(done))


@pytest.mark.parametrize("size", SIZES)
def test_dilemma(snap_compare: Compare, size: tuple[int, int]) -> None:
    app = make_app(fixed_journal(f"dilemma-{size[0]}"), with_deck=True)
    assert snap_compare(app, terminal_size=size, run_before=until(lambda s: bool(s.pending)))


@pytest.mark.parametrize("size", SIZES)
def test_end(snap_compare: Compare, size: tuple[int, int]) -> None:
    app = make_app(fixed_journal(f"end-{size[0]}"), with_deck=True)
    assert snap_compare(app, terminal_size=size, run_before=until(lambda s: False))


def test_play_in_english(snap_compare: Compare) -> None:
    app = make_app(fixed_journal("english"), lang="en", with_deck=True)
    assert snap_compare(
        app, terminal_size=(80, 24), run_before=until(lambda s: s.current_role is not None)
    )


def two_events_and_a_hand(state: State) -> bool:
    return len(state.revealed) >= 2 and state.current_role is not None and not state.pending


@pytest.mark.parametrize("size", SIZES)
def test_two_events_and_a_hand(snap_compare: Compare, size: tuple[int, int]) -> None:
    app = make_app(fixed_journal(f"two-events-{size[0]}"), with_deck=True)
    assert snap_compare(app, terminal_size=size, run_before=until(two_events_and_a_hand))


@pytest.mark.parametrize("size", SIZES)
def test_dilemma_with_its_justification(snap_compare: Compare, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await until(lambda s: bool(s.pending))(pilot)
        await pilot.press("down", "r", *"On ne peut pas attendre le rouge")
        await pilot.pause()

    app = make_app(fixed_journal(f"dilemma-why-{size[0]}"), with_deck=True)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("closed", [False, True], ids=["open", "closed"])
def test_keys_window(snap_compare: Compare, size: tuple[int, int], closed: bool) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await until(lambda s: s.current_role is not None)(pilot)
        await pilot.press("ctrl+p", *"Touches")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        if closed:
            await pilot.press("escape")
            await pilot.pause()

    app = make_app(fixed_journal(f"keys-{size[0]}-{closed}"), with_deck=True)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_palette_default_list(snap_compare: Compare, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await until(lambda s: s.current_role is not None)(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)

    app = make_app(fixed_journal(f"palette-{size[0]}"), with_deck=True)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


def closing_the_first_phase(state: State) -> bool:
    """The last round of « avant », about to be closed with `f`."""
    first = state.deck.phases[0]
    return state.phase == first.id and state.round == first.rounds and state.stage == "end"


@pytest.mark.parametrize("size", SIZES)
def test_phase_end_summary(snap_compare: Compare, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await until(closing_the_first_phase)(pilot)
        await pilot.press("f")
        await pilot.pause()

    app = make_app(fixed_journal(f"phase-end-{size[0]}"), with_deck=True)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


def discussion_app(name: str) -> Any:
    """The test discussion exercise, at its setup."""
    deck = load_deck(TEST_DECKS / "discussion.yaml")
    return make_app(fixed_journal(name), deck=deck)


async def at_the_question(pilot: Pilot[None]) -> None:
    """The round of the question with a handout, answered by one of the two roles."""
    await until(lambda s: "q-priorites" in s.revealed)(pilot)
    await pilot.press("a")
    await pilot.pause()
    await pilot.press(*"Annuaire papier, radio", "ctrl+s")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_question_with_a_handout(snap_compare: Compare, size: tuple[int, int]) -> None:
    app = discussion_app(f"question-{size[0]}")
    assert snap_compare(app, terminal_size=size, run_before=at_the_question)


@pytest.mark.parametrize("size", SIZES)
def test_handout_full_screen(snap_compare: Compare, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await at_the_question(pilot)
        await pilot.press("h")
        await pilot.pause()

    app = discussion_app(f"handout-{size[0]}")
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_questionnaire(snap_compare: Compare, size: tuple[int, int]) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await until(lambda s: False)(pilot)
        await pilot.press(*["right"] * 8, "tab", "right")  # 70, then « oui »
        await pilot.pause()

    app = discussion_app(f"questionnaire-{size[0]}")
    assert snap_compare(app, terminal_size=size, run_before=run_before)
