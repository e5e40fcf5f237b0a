"""What the fault tests of workshops check after each fault, whatever the fault."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import attrs

from scenarios.store import Store, StoredLine, Table
from scenarios.workshop import journal_text
from tests.conftest import CliResult


def assert_acknowledged_kept(store: Store, table: Table, acknowledged: Mapping[int, str]) -> None:
    """Every line a seat was told was stored is there, at its seq, with the same check
    (which covers its text and the line before)."""
    stored = {line.seq: json.loads(line.body)["check"] for line in store.lines(table.id)}
    lost = {seq: check for seq, check in acknowledged.items() if stored.get(seq) != check}
    assert not lost, f"acknowledged but not stored as sent: {lost}"


def assert_export_verifies(
    cli: Callable[..., CliResult], store: Store, table: Table, folder: Path
) -> None:
    """The table's export is a journal that `scenarios replay --verify` passes."""
    path = folder / f"{table.id}.jsonl"
    path.write_text(journal_text(table, store.lines(table.id)), encoding="utf-8")
    code, out, err = cli("replay", "--verify", str(path))
    assert code == 0, (out, err)


@attrs.define
class Reader:
    """A live reader of every table, in a thread, that checks each line comes once and in order."""

    store: Store
    tables: Sequence[str]
    known: dict[str, int] = attrs.field(init=False)
    seen: list[StoredLine] = attrs.field(factory=list)
    problems: list[str] = attrs.field(factory=list)
    stop: threading.Event = attrs.field(factory=threading.Event)
    thread: threading.Thread | None = None

    def __attrs_post_init__(self) -> None:
        self.known = dict.fromkeys(self.tables, 0)

    def start(self) -> Reader:
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()
        return self

    def run(self) -> None:
        follower = self.store.follow(self.tables)
        try:
            while not self.stop.is_set():
                for line in follower.wait(self.known, timeout=0.5):
                    if line.seq != self.known[line.table_id] + 1:
                        self.problems.append(
                            f"{line.table_id}: {line.seq} after {self.known[line.table_id]}"
                        )
                    self.known[line.table_id] = max(self.known[line.table_id], line.seq)
                    self.seen.append(line)
        except BaseException as error:
            self.problems.append(repr(error))
        finally:
            follower.close()

    def caught_up(self, last: Mapping[str, int], timeout: float) -> bool:
        """Wait until the reader has seen every table up to `last` (False after `timeout`)."""
        waited = threading.Event()
        for _ in range(int(timeout / 0.1)):
            if all(self.known[t] >= seq for t, seq in last.items()) or self.problems:
                return not self.problems
            waited.wait(0.1)
        return False

    def close(self) -> None:
        self.stop.set()
        if self.thread is not None:
            self.thread.join(10)

    def assert_saw_exactly(self, store: Store) -> None:
        """The reader saw each stored line once, in order, with its text."""
        assert not self.problems, self.problems[:5]
        for table in self.tables:
            stored = [(line.seq, line.body) for line in store.lines(table)]
            seen = [(line.seq, line.body) for line in self.seen if line.table_id == table]
            assert seen == stored, f"table {table}: the reader saw {len(seen)} of {len(stored)}"
