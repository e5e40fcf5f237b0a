"""Workshops through faults of the store, on real servers: connections cut at the worst
moment, seat processes killed mid-append, the PostgreSQL server restarted.

After each fault: every table resumes, every line a seat was told was stored
is there as sent, a live reader saw each stored line once and in order, and
every export passes `scenarios replay --verify`.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import attrs
import pytest

from scenarios.deck import Deck
from scenarios.engine import Note, legal_actions
from scenarios.store import Store, StoreError, open_store
from scenarios.workshop import create_workshop
from scenarios.workshop.table import TableChanged, TableSession
from tests.conftest import CliResult
from tests.postgres_server import fresh_database, private_server
from tests.tcp_proxy import relay
from tests.workshop.faults import Reader, assert_acknowledged_kept, assert_export_verifies

Cli = Callable[..., CliResult]


@pytest.fixture
def postgres_url() -> Iterator[str]:
    with fresh_database() as url:
        yield url


def postgres_store(url: str, **changes: str) -> Store:
    from psycopg.conninfo import make_conninfo

    from scenarios.store.postgres import PostgresStore

    return PostgresStore(make_conninfo(url, **changes))


# A connection lost in the middle of an append ---------------------------------


@pytest.mark.parametrize("committed", [True, False], ids=["after-commit", "before-commit"])
def test_an_append_whose_answer_is_lost_is_played_once(
    postgres_url: str, crue: Deck, committed: bool
) -> None:
    """The connection drops once the seat sent COMMIT (the line is stored, the seat never
    hears it) or just before: either way the action is played, and only once."""
    from psycopg.conninfo import conninfo_to_dict

    direct = open_store(postgres_url)
    server = conninfo_to_dict(postgres_url)
    create_workshop(direct, crue, tables=1, name="w", seed=3)
    table = direct.tables("w")[0]
    with relay(str(server.get("host", "127.0.0.1")), int(server.get("port", 5432))) as wire:
        seat_store = postgres_store(
            postgres_url, host="127.0.0.1", port=str(wire.port), sslmode="disable"
        )
        seat = TableSession.join(seat_store, table)
        seat.apply(legal_actions(seat.state)[0])
        cut = wire.arm(b"COMMIT", forward=committed)
        seat.apply(Note("la préfecture ouvre la cellule de crise"))
        assert cut.done.is_set(), "the connection was cut during the append"
        seat.apply(Note("deuxième note"))
        seat_store.close()
    bodies = [line.body for line in direct.lines(table.id)]
    notes = [body for body in bodies if "cellule de crise" in body]
    assert len(notes) == 1 and len(bodies) == 3 and seat.seq == 3
    assert_acknowledged_kept(direct, table, {3: seat.chain.last})
    direct.close()


def test_a_dropped_connection_is_taken_up_again_by_seats_and_readers(
    postgres_url: str, crue: Deck, cli: Cli, tmp_path: Path
) -> None:
    """The server ends the seat's and the reader's connections (`pg_terminate_backend`)
    again and again while the seat plays a whole game: nothing is lost."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    store = open_store(postgres_url)
    create_workshop(store, crue, tables=1, name="w", seed=5)
    table = store.tables("w")[0]
    reader = Reader(open_store(postgres_url), [table.id]).start()
    seat = TableSession.join(open_store(postgres_url), table)
    database = conninfo_to_dict(postgres_url)["dbname"]
    rng = random.Random(1)
    acknowledged: dict[int, str] = {}
    drops = 0
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        while not seat.state.over:
            if rng.random() < 0.5:
                ended = admin.execute(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    " WHERE datname = %s AND pid <> pg_backend_pid()",
                    (database,),
                ).fetchone()
                drops += ended[0] if ended else 0
            seat.apply(rng.choice(legal_actions(seat.state)))
            acknowledged[seat.seq] = seat.chain.last
    assert drops > 20
    assert reader.caught_up({table.id: seat.seq}, timeout=30), reader.problems
    reader.close()
    assert_acknowledged_kept(store, table, acknowledged)
    reader.assert_saw_exactly(store)
    assert_export_verifies(cli, store, table, tmp_path)
    for opened in (store, reader.store, seat.store):
        opened.close()


# Seat processes killed mid-append ----------------------------------------------

KILLS = 50
# About 40 actions each. A kill comes after up to 7 acknowledged actions and 4 ms more,
# a few actions with the compiled engine: 12 tables ran out of game before 50 kills.
TABLES = 24


def _seat_process(url: str, table_id: str, write_fd: int, seed: int) -> None:
    """A seat in its own process: plays at random and reports `seq check` once `apply`
    returned (the action acknowledged), then `over` when the game ends."""
    store = open_store(url)
    seat = TableSession.join(store, store.table(table_id))
    rng = random.Random(seed)
    while not seat.state.over:
        try:
            seat.apply(rng.choice(legal_actions(seat.state)))
        except TableChanged:
            continue
        os.write(write_fd, f"{seat.seq} {seat.chain.last}\n".encode())
    os.write(write_fd, b"over\n")
    time.sleep(60)  # killed meanwhile


def _acknowledged(read_fd: int, wanted: int) -> dict[int, str]:
    """Read the seat's reports until it acknowledged `wanted` lines or ended its game."""
    found: dict[int, str] = {}
    buffer = b""
    while len(found) < wanted:
        chunk = os.read(read_fd, 4096)
        if not chunk:
            break
        *done, buffer = (buffer + chunk).split(b"\n")
        if b"over" in done:
            break
        for report in done:
            seq, check = report.decode().split()
            found[int(seq)] = check
    return found


@pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL are POSIX")
def test_seat_processes_killed_mid_append_lose_no_acknowledged_action(
    store_url: str, crue: Deck, cli: Cli, tmp_path: Path
) -> None:
    store = open_store(store_url)
    create_workshop(store, crue, tables=TABLES, name="w", seed=1, seeds="different")
    tables = store.tables("w")
    store.close()  # nothing open in this process when it forks
    rng = random.Random(2026)
    acknowledged: dict[str, dict[int, str]] = {table.id: {} for table in tables}
    playing = list(tables)
    for attempt in range(KILLS):
        table = playing[attempt % len(playing)]
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child never returns
            os.close(read_fd)
            try:
                _seat_process(store_url, table.id, write_fd, attempt)
            finally:
                os._exit(0)
        os.close(write_fd)
        found = _acknowledged(read_fd, rng.randrange(0, 8))
        time.sleep(rng.random() * 0.004)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        late = _acknowledged(read_fd, 10**6)  # what it said before dying
        os.close(read_fd)
        acknowledged[table.id].update({**found, **late})
        store = open_store(store_url)
        assert_acknowledged_kept(store, table, acknowledged[table.id])
        assert_export_verifies(cli, store, table, tmp_path)
        seat = TableSession.join(store, table)  # a new seat takes the table up
        if not seat.state.over:
            seat.apply(legal_actions(seat.state)[0])
            acknowledged[table.id][seat.seq] = seat.chain.last
        if seat.state.over:
            playing.remove(table)
        store.close()
    store = open_store(store_url)
    for table in tables:
        assert_acknowledged_kept(store, table, acknowledged[table.id])
        assert_export_verifies(cli, store, table, tmp_path)
    assert sum(map(len, acknowledged.values())) > KILLS
    store.close()


# The PostgreSQL server restarted during a workshop ----------------------------


@attrs.define
class RecordingSeat:
    """A seat in a thread that plays to the end and keeps what it was told was stored."""

    seat: TableSession
    seed: int
    acknowledged: dict[int, str] = attrs.field(factory=dict)
    errors: list[str] = attrs.field(factory=list)
    thread: threading.Thread | None = None

    def start(self) -> RecordingSeat:
        self.thread = threading.Thread(target=self.play, daemon=True)
        self.thread.start()
        return self

    def play(self) -> None:
        rng = random.Random(self.seed)
        seat = self.seat
        while not seat.state.over:
            try:
                seat.refresh()
                seat.apply(rng.choice(legal_actions(seat.state)))
                self.acknowledged[seat.seq] = seat.chain.last
            except TableChanged:
                continue
            except StoreError as error:  # past the seat's patience: the screen says so
                self.errors.append(error.code)
                if error.code != "unreachable":
                    return
            time.sleep(0.01)


@pytest.mark.slow
@pytest.mark.xdist_group("postgres-restart")
def test_a_workshop_goes_on_through_restarts_of_the_postgresql_server(
    crue: Deck, cli: Cli, tmp_path: Path
) -> None:
    """Bots and seats play while the server restarts twice (`pg_ctl restart -m fast`, what
    `pg_ctlcluster … restart` does) on a private server, so that no other test sees it."""
    import psycopg

    from scenarios.workshop.bots import run_tables

    with private_server() as server:
        with psycopg.connect(server.url, autocommit=True) as admin:
            admin.execute("CREATE DATABASE atelier")
        url = server.url.rsplit("/", 1)[0] + "/atelier"
        store = open_store(url)
        create_workshop(store, crue, tables=8, name="w", seed=4, seeds="different")
        tables = store.tables("w")
        reader = Reader(open_store(url), [t.id for t in tables]).start()
        seats = [
            RecordingSeat(TableSession.join(open_store(url), table), n).start()
            for n, table in enumerate(tables[:2])
        ]
        bots_store = open_store(url)
        ended: list[object] = []
        failed: list[BaseException] = []

        def bots() -> None:
            try:
                ended.extend(run_tables(bots_store, tables[2:], "random", 0.05, threads=2))
            except BaseException as error:
                failed.append(error)

        bots_thread = threading.Thread(target=bots, daemon=True)
        bots_thread.start()
        restarts = 0
        for threshold in (15, 30):
            while len(reader.seen) < threshold * len(tables) // 8 and bots_thread.is_alive():
                time.sleep(0.05)
            server.restart()
            restarts += 1
        bots_thread.join(180)
        for seat in seats:
            assert seat.thread is not None
            seat.thread.join(180)
        assert not failed, failed
        assert len(ended) == len(tables) - 2, "every bot table played to its end"
        assert all(seat.seat.state.over for seat in seats), [s.errors for s in seats]
        assert reader.caught_up(store.last_seqs([t.id for t in tables]), timeout=60)
        reader.close()
        assert restarts == 2
        for seat in seats:
            assert_acknowledged_kept(store, seat.seat.table, seat.acknowledged)
        reader.assert_saw_exactly(store)
        for table in tables:
            assert_export_verifies(cli, store, table, tmp_path)
        for opened in (store, reader.store, bots_store, *(s.seat.store for s in seats)):
            opened.close()
