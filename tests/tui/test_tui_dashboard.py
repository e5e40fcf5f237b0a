"""The facilitator's room view against tables played by bots, on each store."""

from __future__ import annotations

import json
import threading
from datetime import timedelta

from scenarios.deck import Deck
from scenarios.engine import Action, Draw, EndRound, Pause, Resume, legal_actions
from scenarios.i18n import Lang
from scenarios.store import Store, Table
from scenarios.tui.dashboard import DashboardApp
from scenarios.tui.screens.chronogram import ChronogramRow, ChronogramScreen
from scenarios.tui.screens.play import PlayScreen
from scenarios.tui.screens.room import ChoiceDialog, RoomScreen, TableCardView
from scenarios.workshop import create_workshop
from scenarios.workshop.bots import run_tables
from scenarios.workshop.table import TableSession
from tests.conftest import StoreFactory, spaced


def card_texts(app: DashboardApp) -> dict[str, str]:
    return {
        view.table_id: spaced(str(view.render()))
        for view in app.screen.query(TableCardView)
        if view.display
    }


def journal_types(store: Store, table_id: str) -> list[str]:
    return [json.loads(line.body)["action"]["type"] for line in store.lines(table_id)]


async def test_the_room_shows_every_table_live_and_acts_on_all(
    open_stores: StoreFactory, crue: Deck
) -> None:
    store, bots_store = open_stores(), open_stores()
    create_workshop(store, crue, tables=4, name="salle", seed=3)
    tables = store.tables("salle")
    stop = threading.Event()
    bots = threading.Thread(
        target=run_tables,
        args=(bots_store, tables, "random", 0.3),
        kwargs={"threads": 2, "stop": stop},
        daemon=True,
    )
    app = DashboardApp(store, "salle", lang="fr")
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(0.3)
            assert isinstance(app.screen, RoomScreen)
            texts = card_texts(app)
            assert sorted(t.split("  ")[0] for t in texts.values()) == [
                "Table 1", "Table 2", "Table 3", "Table 4",
            ]  # fmt: skip
            assert all("pas encore commencée" in t for t in texts.values())
            bots.start()
            await pilot.pause(1.6)
            seqs = {t.id: store.last_seqs([t.id])[t.id] for t in tables}
            assert all(seq > 0 for seq in seqs.values())
            assert all("il y a" in t for t in card_texts(app).values()), "cards follow the bots"
            shown = {tid: s.seq for tid, s in app.screen.sessions.items()}
            assert all(shown[tid] >= seqs[tid] - 4 for tid in shown), "within about a second"

            await pilot.press("P")  # pause every table
            await pilot.pause(0.3)
            assert all(s.state.paused for s in app.screen.sessions.values())
            assert all("en pause" in t for t in card_texts(app).values())

            await pilot.press("I")  # inject into every table
            await pilot.pause()
            assert isinstance(app.screen, ChoiceDialog)
            await pilot.press("enter")
            await pilot.pause(0.3)
            stop.set()
            for table in tables:
                assert journal_types(store, table.id).count("inject") == 1
                assert journal_types(store, table.id).count("pause") == 1
                bodies = [json.loads(line.body) for line in store.lines(table.id)]
                by = {
                    b["action"]["type"]: b.get("by")
                    for b in bodies
                    if b["action"]["type"] in ("inject", "pause")
                }
                assert by == {"inject": "facilitator", "pause": "facilitator"}, (
                    "who did it is recorded"
                )

            await pilot.press("enter")  # the selected table, read-only
            await pilot.pause()
            assert isinstance(app.screen, PlayScreen) and app.screen.watching
            before = store.last_seqs([app.screen.session.table.id])
            await pilot.press("d", "p", "f", "1")
            await pilot.pause()
            assert store.last_seqs([app.screen.session.table.id]) == before
            await pilot.press("q")
            await pilot.pause()
            assert isinstance(app.screen, RoomScreen)
    finally:
        stop.set()
        if bots.is_alive():
            bots.join(10)


async def test_a_message_to_every_table_starts_no_ones_clock(store: Store, crue: Deck) -> None:
    # The trainer welcomes the room before the tables sit down: the tables that have
    # not played stay "not started", their clocks full, and none counts as active.
    create_workshop(store, crue, tables=2, name="salle", seed=3)
    first, second = store.tables("salle")

    def clocks() -> dict[str, tuple[str, str]]:
        """Each card's round and clock line, and its activity line."""
        return {tid: (t.split("\n")[2], t.split("\n")[-1]) for tid, t in card_texts(app).items()}

    app = DashboardApp(store, "salle", lang="fr")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        before = clocks()
        assert before[first.id] == ("tour 1/2 · 06:00", "pas encore commencée · 0 écran")
        await pilot.press("b")
        await pilot.pause()
        await pilot.press(*"Bienvenue", "enter")
        await pilot.pause(1.5)
        assert journal_types(store, first.id) == journal_types(store, second.id) == ["broadcast"]
        assert clocks() == before, "the same clock, still not started"

        TableSession.join(store, first).apply(Draw())
        await pilot.pause(1.5)
        after = clocks()
        assert after[first.id][1].startswith("il y a"), "the table that played is active"
        assert after[second.id] == before[second.id]


def chronogram_rows(app: DashboardApp) -> dict[str, str]:
    """Each table's row, by its label (the rows begin with it)."""
    rows = [spaced(str(row.render())) for row in app.screen.query(ChronogramRow) if row.table_id]
    return {" ".join(row.split()[:2]): row for row in rows}


async def test_the_chronogram_shows_which_tables_are_ahead_or_behind_the_plan(
    store: Store, crue: Deck
) -> None:
    create_workshop(store, crue, tables=4, name="salle", seed=3)
    tables = store.tables("salle")
    now = store.now()

    def played(table: Table, *steps: tuple[float, Action]) -> TableSession:
        """Play these (minutes ago, action) at the table, each at its time; rounds end whole."""
        moment = now
        session = TableSession.join(store, table, clock=lambda: moment)
        for ago, action in steps:
            moment = now - timedelta(minutes=ago)
            while isinstance(action, EndRound) and action not in legal_actions(session.state):
                session.apply(legal_actions(session.state)[0])
            session.apply(action)
        return session

    # Six-minute rounds: table 1 began its third round after 9 minutes, table 2 its second,
    # table 3 is still at its first after 21 minutes, 6 of them paused; table 4 has not begun.
    played(tables[0], (9, Draw()), (7, EndRound()), (5, EndRound()))
    played(tables[1], (9, Draw()), (3, EndRound()))
    played(tables[2], (21, Draw()), (20, Pause()), (14, Resume()))
    app = DashboardApp(store, "salle", lang="fr", minutes=6)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        await pilot.press("g")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ChronogramScreen)
        rows = chronogram_rows(app)
        assert rows["Table 1"].endswith("en avance de 1 tour")
        assert rows["Table 2"].endswith("à l’heure")
        assert rows["Table 3"].endswith("en retard de 2 tours"), "paused time is not played"
        assert rows["Table 4"].endswith("pas encore commencée")
        assert "·" in rows["Table 3"] and "·" not in rows["Table 2"], "the pause is drawn"

        played(tables[2], (1, EndRound()))  # another screen ends table 3's round
        await pilot.pause(1.3)
        assert chronogram_rows(app)["Table 3"].endswith("en retard de 1 tour"), "live"

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RoomScreen)
        await pilot.press("ctrl+p")  # the palette offers it too
        await pilot.pause(0.3)
        await pilot.press(*"chrono", "enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ChronogramScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, RoomScreen)


def test_a_finished_tables_card_says_how_it_ended_in_words() -> None:
    from scenarios.tui.screens.room import card_text
    from scenarios.workshop.room import TableCard

    card = TableCard(
        table_id="t", label="Table 1", code="ABC-123", phase_index=2, phase_title="Après",
        round=2, rounds=2, turn=7, seconds_left=10, paused=False, over=True,
        outcome="victory", gauges=(), idle_seconds=3, seats=1, injects=0, position=0,
    )  # fmt: skip
    assert "terminée (victoire)" in str(card_text(card, "fr", compact=False))
    assert "victory" not in str(card_text(card, "fr", compact=True))
    assert "(victory)" in str(card_text(card, "en", compact=False))


def test_a_cards_idle_time_reads_at_a_glance() -> None:
    from scenarios.tui.screens.room import card_text
    from scenarios.workshop.room import TableCard

    def activity(idle: int, lang: Lang) -> str:
        card = TableCard(
            table_id="t", label="Table 1", code="ABC-123", phase_index=0, phase_title="Avant",
            round=1, rounds=2, turn=1, seconds_left=10, paused=False, over=False,
            outcome=None, gauges=(), idle_seconds=idle, seats=1, injects=0, position=0,
        )  # fmt: skip
        return spaced(str(card_text(card, lang, compact=False)).split("\n")[-1])

    assert activity(45, "fr") == "il y a 45 s · 1 écran"
    assert activity(754, "fr") == "il y a 13 min · 1 écran", "not « il y a 754 s »"
    assert activity(2 * 3600, "fr") == "il y a 2 h · 1 écran"
    assert activity(754, "en") == "13 min ago · 1 screen"
