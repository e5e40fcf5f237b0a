"""The store interface that SQLite and PostgreSQL both implement (one contract suite)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Protocol

from scenarios.store.records import NewTable, NewWorkshop, StoredLine, Table, Workshop


class Follower(Protocol):
    """A live reader of some tables: wakes up when one of them has new lines."""

    def wait(self, known: Mapping[str, int], timeout: float) -> list[StoredLine]:
        """The lines after `known[table]` of each known table, in table then seq order;
        blocks up to `timeout` seconds while there are none."""
        ...

    def close(self) -> None: ...


class Store(Protocol):
    """Workshops, their tables and the tables' journal lines, shared by many processes.

    Append-only: nothing is ever updated or deleted. Every append states the
    seq it writes; if another writer took it first, `SeqConflict`.
    """

    @property
    def url(self) -> str:
        """Where the store is, as a user may show it (no password)."""
        ...

    def now(self) -> datetime:
        """The store's clock (UTC): the one time every screen of a workshop agrees on."""
        ...

    def create_workshop(self, workshop: NewWorkshop, tables: Sequence[NewTable]) -> Workshop:
        """Create a workshop and its tables at once (`StoreError("workshop_exists")`)."""
        ...

    def workshops(self) -> list[Workshop]: ...

    def workshop(self, workshop_id: str) -> Workshop:
        """The workshop with this id (`StoreError("workshop_unknown")`)."""
        ...

    def tables(self, workshop_id: str) -> list[Table]:
        """The workshop's tables, in the order they were created."""
        ...

    def table(self, table_id: str) -> Table: ...

    def table_by_code(self, code: str) -> Table:
        """The table a join code opens (`StoreError("code_unknown")`)."""
        ...

    def append(self, table_id: str, seq: int, body: str) -> StoredLine:
        """Store line `seq` of a table, which must follow its last line (`SeqConflict`)."""
        ...

    def lines(self, table_id: str, after: int = 0) -> list[StoredLine]:
        """The table's lines with a seq greater than `after`, in order."""
        ...

    def last_seqs(self, table_ids: Sequence[str]) -> dict[str, int]:
        """The last seq of each table (0 when it has none yet)."""
        ...

    def seat_seen(self, table_id: str, seat: str, roles: Sequence[str]) -> None:
        """Record that a seat (a screen) is at a table, playing `roles` (a heartbeat)."""
        ...

    def seats(self, table_ids: Sequence[str], within: float) -> dict[str, list[str]]:
        """The seats seen at each table in the last `within` seconds (their roles, joined)."""
        ...

    def follow(self, table_ids: Sequence[str]) -> Follower:
        """A live reader of these tables."""
        ...

    def close(self) -> None: ...
