"""A workshop's round timer follows each phase's `minutes` in the deck, on every screen,
unless the trainer gives `--minutes` for every round."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.widgets import Static

from scenarios.deck import Deck, load_deck_text
from scenarios.engine import Draw, EndRound, Pause, legal_actions
from scenarios.store import Store, Table
from scenarios.tui.app import ScenariosApp
from scenarios.tui.dashboard import DashboardApp
from scenarios.tui.screens.chronogram import ChronogramRow, ChronogramScreen
from scenarios.tui.screens.play import PlayScreen
from scenarios.tui.screens.room import RoomScreen, TableCardView
from scenarios.workshop import create_workshop
from scenarios.workshop.table import TableSession
from tests.conftest import spaced
from tests.tui.tui_driver import timer_seconds

# « avant » sets 15-minute rounds; « pendant » sets none (6, the usual length).
TIMED = """\
format: 1
id: minute
title: "Minuté"
phases:
  - {id: avant, title: "Avant", rounds: 1, events_per_round: 0, minutes: 15}
  - {id: pendant, title: "Pendant", rounds: 2, events_per_round: 0}
roles:
  - {id: equipe, title: "Équipe"}
indicators:
  - {id: moral, title: "Moral", start: 5}
cards:
  - {id: chanter, type: decision, title: "Chanter", once: false, effects: {moral: 1}}
"""


def timed() -> Deck:
    return load_deck_text(TIMED)


def begin(store: Store, table: Table, at: datetime, phase: int, *, paused: bool) -> None:
    """Another screen begins the table's round of `phase` at `at` (paused there at once)."""
    session = TableSession.join(store, table, clock=lambda: at)
    session.apply(Draw())
    while session.state.phase_index < phase:
        actions = legal_actions(session.state)
        session.apply(EndRound() if EndRound() in actions else actions[0])
    if paused:
        session.apply(Pause())


async def seat_timer(store: Store, table: Table, minutes: int | None) -> int:
    """The time left a seat at `table` shows (`workshop play`, `--minutes` or not)."""
    app = ScenariosApp(lang="fr", table=TableSession.join(store, table), minutes=minutes)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        return timer_seconds(app)


async def test_a_seat_times_each_round_with_its_phases_minutes(store: Store) -> None:
    create_workshop(store, timed(), tables=2, name="salle", seed=1)
    avant, pendant = store.tables("salle")
    # Paused as soon as begun: the clock shows the whole round, whenever the test runs.
    begin(store, avant, store.now(), 0, paused=True)
    begin(store, pendant, store.now(), 1, paused=True)
    assert await seat_timer(store, avant, None) == 15 * 60, "the phase's minutes"
    assert await seat_timer(store, pendant, None) == 6 * 60, "a phase without: 6"
    assert await seat_timer(store, avant, 4) == 4 * 60, "--minutes wins over the deck"
    assert await seat_timer(store, pendant, 4) == 4 * 60


def late_tables(app: DashboardApp) -> set[str]:
    return {
        spaced(str(view.render())).split("  ")[0]
        for view in app.screen.query(TableCardView)
        if view.has_class("late")
    }


def chronogram_rows(app: DashboardApp) -> dict[str, str]:
    """Each row by its label (the plan's is « Prévu »)."""
    rows = [spaced(str(row.render())) for row in app.screen.query(ChronogramRow)]
    labels = ["Prévu", "Table 1", "Table 2", "Table 3"]
    return {label: row for label in labels for row in rows if row.startswith(label)}


async def test_the_room_and_its_mirror_count_each_phases_minutes(store: Store) -> None:
    create_workshop(store, timed(), tables=3, name="salle", seed=1)
    first, second, third = store.tables("salle")
    now = store.now()
    begin(store, first, now, 0, paused=True)
    begin(store, second, now - timedelta(minutes=10), 0, paused=False)  # 10 of its 15 minutes
    begin(store, third, now - timedelta(minutes=10), 1, paused=False)  # 10 of 6 minutes
    app = DashboardApp(store, "salle", lang="fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        assert isinstance(app.screen, RoomScreen)
        assert late_tables(app) == {"Table 3"}, "a 15-minute round is not late after 10"
        await pilot.press("enter")  # Table 1's mirror
        await pilot.pause(0.3)
        assert isinstance(app.screen, PlayScreen)
        assert timer_seconds(app) == 15 * 60
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, RoomScreen)

        await pilot.press("g")  # the chronogram: 10 minutes since the first start
        await pilot.pause(0.3)
        assert isinstance(app.screen, ChronogramScreen)
        title = spaced(str(app.screen.query_one("#chrono-title", Static).render()))
        assert "tours de 6 à 15 min selon la phase" in title
        rows = chronogram_rows(app)
        assert "Avant · tour 1/1" in rows["Prévu"], "the plan's first round lasts 15 minutes"
        assert rows["Table 2"].endswith("à l’heure")
        assert rows["Table 3"].endswith("en avance de 1 tour")

    app = DashboardApp(store, "salle", lang="fr", minutes=4)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        assert late_tables(app) == {"Table 2", "Table 3"}, "--minutes 4 for every round"
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, PlayScreen)
        assert timer_seconds(app) == 4 * 60
