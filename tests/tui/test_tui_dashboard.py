"""The facilitator's room view against tables played by bots, on each store."""

from __future__ import annotations

import json
import threading

from scenarios.deck import Deck
from scenarios.store import Store
from scenarios.tui.dashboard import DashboardApp
from scenarios.tui.screens.play import PlayScreen
from scenarios.tui.screens.room import ChoiceDialog, RoomScreen, TableCardView
from scenarios.workshop import create_workshop
from scenarios.workshop.bots import run_tables
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
                by = {b["action"]["type"]: b.get("by") for b in bodies if b["action"]["type"] in ("inject", "pause")}
                assert by == {"inject": "facilitator", "pause": "facilitator"}, "who did it is recorded"

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
