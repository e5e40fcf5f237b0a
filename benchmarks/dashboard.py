"""The dashboard benchmark: the room view of a workshop with 6, 50 and 200 live tables.

    python benchmarks/dashboard.py TABLES   # one size, in this process: prints JSON

Each size runs in a fresh process (so that one size's memory does not weigh on
the next): a workshop of TABLES tables of the default deck (`inondation`) on a
SQLite store in a temporary folder, a few actions played at every table, then
`DashboardApp` headless at 120×40 (`run_test`, as the TUI tests run it).

Frame: the tables are live. Before each frame, one more action is appended to
every table by a seat of its own (a bot, not timed); the frame is then what the
room does when its follower hands it every table that moved: `RoomScreen.take`
of all the tables (each session reads and replays its new line, then `redraw`
recomputes the cards and updates the widgets), then Textual's layout and
compositor until the screen has been refreshed (`wait_for_idle`, then
`wait_for_refresh`, as the `tui` benchmark times a key press). The figure is the
main thread's processor time over that span (`time.thread_time`: the work of
the frame, without the wait for Textual's next screen update nor other work on
the machine), best of several frames. The wall time printed beside it says
little: it includes `wait_for_idle`'s sleeps (20 ms at least). The
room's own follower thread is stopped first, so that it does not take the lines
in before the timed `take` (it would redraw once more for nothing); the room's
one-second tick still runs, which is why the best frame is kept.

Memory: the process's resident memory just before the app starts (the store and
the bots' seats are already there) and its peak while the room is open and the
frames are drawn (`VmHWM` after resetting it through `/proc/self/clear_refs`); the
difference is what the dashboard costs (Textual's app and screen, the room's
seats at every table, the cards; not the deck, which the bots' seats loaded
first and every seat shares).

At 6 tables the room draws full cards; beyond 12 it switches to its compact list
of one line per table, so 50 and 200 are compared with a screen of larger cards.

Targets: no worse than linear in tables, so 50 / 6 ≤ 8.3× and 200 / 6 ≤ 33×.
"""

from __future__ import annotations

import asyncio
import gc
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# The default deck of this checkout (the installed package's `decks` may be another's).
DECK = Path(__file__).resolve().parent.parent / "decks" / "inondation.yaml"
SIZES = (6, 50, 200)
WARM_ACTIONS = 8  # actions played at every table before the dashboard opens
FRAMES = 12  # timed frames, each after one more action at every table


def _status(field: str) -> int:
    """A field of /proc/self/status, in kB."""
    with open("/proc/self/status") as status:
        return int(next(line for line in status if line.startswith(field)).split()[1])


def measure(tables: int) -> dict[str, float]:
    """One size in this process (see the module's docstring)."""
    from textual._wait import wait_for_idle

    from scenarios.deck import load_deck
    from scenarios.engine import Note, Pass, legal_actions
    from scenarios.sim import load_policy
    from scenarios.store import open_store
    from scenarios.tui.dashboard import DashboardApp
    from scenarios.tui.screens.room import RoomScreen
    from scenarios.workshop import create_workshop
    from scenarios.workshop.table import TableSession

    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'ateliers.sqlite3'}"
        store, bots_store = open_store(url), open_store(url)
        deck = load_deck(DECK)
        create_workshop(store, deck, tables=tables, name="bench", seed=1, seeds="different")
        seats = [TableSession.join(bots_store, table) for table in bots_store.tables("bench")]
        policy, rng = load_policy("random"), random.Random(1)

        def play() -> None:
            """One line at every table: an action the random policy picks (plays rather
            than passes, to make the game last), a note once the game is over."""
            for seat in seats:
                if seat.state.over:
                    seat.apply(Note("La table débriefe."))
                    continue
                legal = legal_actions(seat.state)
                plays = [a for a in legal if not isinstance(a, Pass)]
                seat.apply(policy.choose(seat.state, plays or legal, rng))

        for _ in range(WARM_ACTIONS):
            play()
        gc.collect()
        before = _status("VmRSS")
        Path("/proc/self/clear_refs").write_text("5")  # VmHWM starts again from VmRSS

        app = DashboardApp(store, "bench", lang="fr")
        cpu: list[float] = []
        wall: list[float] = []
        opened = 0.0

        async def run() -> None:
            nonlocal opened
            started = time.perf_counter()
            async with app.run_test(size=(120, 40)) as pilot:
                while not isinstance(app.screen, RoomScreen):
                    await pilot.pause()
                await wait_for_idle(0)
                await app.screen.wait_for_refresh()
                opened = time.perf_counter() - started
                room = app.screen
                assert isinstance(room, RoomScreen)
                room.stop.set()
                await pilot.pause(1.2)  # the follower sees `stop` within a second
                ids = set(room.order)
                for _ in range(FRAMES):
                    play()
                    start_cpu, start_wall = time.thread_time(), time.perf_counter()
                    room.take(ids)
                    await wait_for_idle(0)
                    await room.wait_for_refresh()
                    cpu.append(time.thread_time() - start_cpu)
                    wall.append(time.perf_counter() - start_wall)
                    assert all(room.sessions[s.table.id].seq == s.seq for s in seats), (
                        "the frame took every line in"
                    )

        asyncio.run(run())
        peak = _status("VmHWM")
        store.close()
        bots_store.close()
    return {
        "tables": tables,
        "cpu": min(cpu),
        "wall": min(wall),
        "opened": opened,
        "before_mb": before / 1024,
        "peak_mb": peak / 1024,
        "dashboard_mb": (peak - before) / 1024,
    }


def dashboard_benchmark(row: Callable[..., None]) -> None:
    print(
        "Dashboard: the room view of 6, 50, 200 live tables (SQLite, 120×40, headless),"
        " one action at every table before each frame"
    )
    figures: dict[int, dict[str, float]] = {}
    for tables in SIZES:
        out = subprocess.run(
            [sys.executable, __file__, str(tables)], capture_output=True, text=True, check=True
        )
        figures[tables] = json.loads(out.stdout.strip().splitlines()[-1])
    for tables, f in figures.items():
        row(
            f"{tables} tables: frame, main thread cpu (wall)",
            f"{f['cpu'] * 1e3:.1f} ms ({f['wall'] * 1e3:.1f})",
        )
        row(
            f"{tables} tables: memory of the dashboard (process peak)",
            f"{f['dashboard_mb']:.1f} MB ({f['peak_mb']:.0f})",
        )
        row(f"{tables} tables: open, to the first frame", f"{f['opened'] * 1e3:.0f} ms")
    small = figures[SIZES[0]]
    for tables in SIZES[1:]:
        f = figures[tables]
        linear = tables / SIZES[0]
        row(
            f"ratio {tables} / {SIZES[0]} tables, frame (cpu)",
            f"{f['cpu'] / small['cpu']:.1f}x",
            f"(target <= {linear:.1f}x)",
        )
        row(
            f"ratio {tables} / {SIZES[0]} tables, memory of the dashboard",
            f"{f['dashboard_mb'] / small['dashboard_mb']:.1f}x",
            f"(target <= {linear:.1f}x)",
        )


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]))))
