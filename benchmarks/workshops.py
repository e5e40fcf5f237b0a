"""The workshop benchmark: many tables played by bots, one live reader following them all.

The bots are `scenarios workshop bots` in its own process, as a trainer runs
them; the reader is a `store.follow(...)` of every table in this process, as
a status screen would be. For each line the reader gets, the delay is the
time it got it minus the line's `recorded_at` (the store's clock when the
line was written; same machine, so the same clock). At the end, what the
reader saw is compared with what the store holds: no line lost, none twice,
each table in order.

PostgreSQL: a fresh database on `SCENARIOS_BENCH_POSTGRES` (default: the
local server, as the tests use it), dropped afterwards.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import attrs

from scenarios.deck import load_deck, resolve_deck
from scenarios.store import StoredLine, open_store
from scenarios.workshop import create_workshop

ADMIN_URL = os.environ.get(
    "SCENARIOS_BENCH_POSTGRES",
    os.environ.get("SCENARIOS_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres"),
)
PACE = 1.0  # seconds between two actions of one table: twice the bots' default pace
SECONDS = 20.0  # how long the bots play; a game of the default deck lasts longer at this pace
# (store, tables, pace): the goal's runs, then as fast as the bots go (pace 0: the ceiling
# of one bots process on this machine; SQLite's 50 games end within the time).
RUNS = (
    ("postgresql", 50, PACE),
    ("postgresql", 200, PACE),
    ("postgresql", 500, PACE),
    ("sqlite", 50, PACE),
    ("postgresql", 500, 0.0),
    ("sqlite", 50, 0.0),
)


@contextmanager
def postgres_database() -> Iterator[str]:
    import psycopg

    name = f"scenarios_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=5) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
    try:
        yield f"{ADMIN_URL.rpartition('/')[0]}/{name}"
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=5) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def sqlite_file() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as folder:
        yield f"sqlite:///{Path(folder) / 'ateliers.sqlite3'}"


@attrs.frozen
class Figures:
    entries: int
    seconds: float
    delays: list[float]
    lost: int
    twice: int
    out_of_order: int

    @property
    def rate(self) -> float:
        return self.entries / self.seconds

    def quantile(self, q: float) -> float:
        ranked = sorted(self.delays)
        return ranked[min(len(ranked) - 1, int(q * len(ranked)))] if ranked else float("nan")


def run(url: str, tables: int, pace: float = PACE, seconds: float = SECONDS) -> Figures:
    """Bots on `tables` tables for `seconds`, followed live; then the reader is checked."""
    store = open_store(url)
    deck = load_deck(resolve_deck(None))
    create_workshop(store, deck, tables=tables, name="bench", seed=1, seeds="different")
    ids = [table.id for table in store.tables("bench")]
    follower = store.follow(ids)
    known = dict.fromkeys(ids, 0)
    seen: list[StoredLine] = []
    delays: list[float] = []
    out_of_order = 0

    def read(timeout: float) -> int:
        nonlocal out_of_order
        lines = follower.wait(known, timeout)
        now = datetime.now(UTC)
        for line in lines:
            delays.append((now - line.recorded_at).total_seconds())
            if line.seq != known[line.table_id] + 1:
                out_of_order += 1
            known[line.table_id] = max(known[line.table_id], line.seq)
            seen.append(line)
        return len(lines)

    with tempfile.TemporaryFile() as errors:
        bots = subprocess.Popen(
            [sys.executable, "-m", "scenarios", "workshop", "bots", "bench", "--pace", str(pace),
             "--policy", "random", "--store", url],
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )  # fmt: skip
        try:
            while not seen and bots.poll() is None:
                read(1.0)
            started = time.monotonic()
            at_start = sum(store.last_seqs(ids).values())
            while time.monotonic() - started < seconds and bots.poll() is None:
                read(0.5)
            at_end = sum(store.last_seqs(ids).values())
            elapsed = time.monotonic() - started
        finally:
            bots.send_signal(signal.SIGINT)
        while bots.poll() is None:  # the reader goes on reading while the bots stop
            read(0.2)
        if bots.returncode not in (0, 130, -signal.SIGINT):
            errors.seek(0)
            raise RuntimeError(f"bots ended with {bots.returncode}: {errors.read().decode()[-2000:]}")
    last = store.last_seqs(ids)
    deadline = time.monotonic() + 30
    while known != last and time.monotonic() < deadline:
        read(1.0)
    stored = {(line.table_id, line.seq, line.body) for t in ids for line in store.lines(t)}
    got = [(line.table_id, line.seq, line.body) for line in seen]
    follower.close()
    store.close()
    return Figures(
        entries=at_end - at_start,
        seconds=elapsed,
        delays=delays,
        lost=len(stored - set(got)),
        twice=len(got) - len(set(got)),
        out_of_order=out_of_order,
    )


def workshop_benchmark(row: Callable[..., None]) -> None:
    print(
        f"Workshops: `workshop bots --pace P` on N tables for {SECONDS:g} s,"
        " one live reader following every table"
    )
    for kind, tables, pace in RUNS:
        where = postgres_database if kind == "postgresql" else sqlite_file
        with where() as url:
            figures = run(url, tables, pace)
        name = f"{kind}, {tables} tables, pace {pace:g}"
        asked = f"asked {tables / pace:.0f}" if pace else "as fast as possible"
        row(f"{name}: entries per second ({asked})", f"{figures.rate:.0f}/s")
        row(
            f"{name}: delay to the reader, p50 / p99 / max",
            f"{figures.quantile(0.5) * 1e3:.0f} / {figures.quantile(0.99) * 1e3:.0f}"
            f" / {max(figures.delays, default=0) * 1e3:.0f} ms",
            "(target p99 <= 1000 ms)",
        )
        row(
            f"{name}: lines read / lost / twice / out of order",
            f"{len(figures.delays)} / {figures.lost} / {figures.twice} / {figures.out_of_order}",
            "(target n / 0 / 0 / 0)",
        )
