"""The embedded store: one SQLite file (WAL) shared by every process of one machine.

Each append is a `BEGIN IMMEDIATE` transaction (one writer at a time across
processes) committed with `synchronous=FULL`: the line is on disk before
the caller shows its effect. Live readers poll `PRAGMA data_version`, which
changes only when another connection commits: a wake-up costs no query.
"""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from scenarios.i18n.system import SystemReason
from scenarios.store.errors import SeqConflict, StoreError
from scenarios.store.records import NewTable, NewWorkshop, StoredLine, Table, Workshop

SCHEMA_VERSION = 1
POLL_SECONDS = 0.05

SCHEMA = """
CREATE TABLE IF NOT EXISTS store_version (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS workshop (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    deck_id TEXT NOT NULL,
    deck_sha256 TEXT NOT NULL,
    deck_source TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS session (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL REFERENCES workshop(id),
    label TEXT NOT NULL,
    code TEXT NOT NULL UNIQUE,
    header TEXT NOT NULL,
    created TEXT NOT NULL,
    position INTEGER NOT NULL,
    UNIQUE (workshop_id, label)
);
CREATE TABLE IF NOT EXISTS entry (
    session_id TEXT NOT NULL REFERENCES session(id),
    seq INTEGER NOT NULL,
    body TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS seat (
    session_id TEXT NOT NULL REFERENCES session(id),
    seat TEXT NOT NULL,
    roles TEXT NOT NULL,
    seen_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS seat_by_time ON seat (seen_at);
"""


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _text(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


class SQLiteStore:
    """A store in one SQLite file (see the module's docstring)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._guard = threading.Lock()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db().executescript(SCHEMA)  # idempotent; it commits on its own
            with self._write() as db:
                self._check_version(db)
        except sqlite3.DatabaseError as error:
            raise StoreError("unreachable", url=str(path), detail=str(error)) from None
        except OSError as error:
            raise StoreError(
                "unreachable", url=str(path), detail=SystemReason.of(error)
            ) from None

    @property
    def url(self) -> str:
        return f"sqlite:///{self.path}"

    # -- connections -------------------------------------------------------

    def _db(self) -> sqlite3.Connection:
        """This thread's connection (sqlite3 connections are not shared across threads)."""
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(
                self.path, timeout=30, isolation_level=None, check_same_thread=False
            )
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.execute("PRAGMA foreign_keys=ON")
            db.execute("PRAGMA busy_timeout=30000")
            self._local.db = db
            with self._guard:
                self._connections.append(db)
        return db

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; a disk that refuses it (full, read-only, failing) is a
        `StoreError("write_failed")`, with nothing written."""
        db = self._db()
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        except (sqlite3.OperationalError, sqlite3.DatabaseError) as error:
            if isinstance(error, sqlite3.IntegrityError):
                raise
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise StoreError("write_failed", url=self.url, detail=str(error)) from None

    def _check_version(self, db: sqlite3.Connection) -> None:
        row = db.execute("SELECT max(version) FROM store_version").fetchone()
        if row[0] is None:
            db.execute("INSERT INTO store_version VALUES (?)", (SCHEMA_VERSION,))
        elif row[0] > SCHEMA_VERSION:
            raise StoreError("schema", found=row[0], expected=SCHEMA_VERSION)

    # -- the interface -----------------------------------------------------

    def now(self) -> datetime:
        return datetime.now(UTC)

    def create_workshop(self, workshop: NewWorkshop, tables: Sequence[NewTable]) -> Workshop:
        created = self.now()
        try:
            with self._write() as db:
                db.execute(
                    "INSERT INTO workshop VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        workshop.id,
                        workshop.title,
                        workshop.deck_id,
                        workshop.deck_sha256,
                        workshop.deck_source,
                        _text(created),
                    ),
                )
                db.executemany(
                    "INSERT INTO session VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            uuid.uuid4().hex,
                            workshop.id,
                            table.label,
                            table.code,
                            table.header,
                            _text(created),
                            position,
                        )
                        for position, table in enumerate(tables)
                    ],
                )
        except sqlite3.IntegrityError as error:
            if "workshop.id" in str(error):
                raise StoreError("workshop_exists", workshop=workshop.id) from None
            if "session.code" in str(error):
                raise StoreError("code_taken") from None
            raise StoreError("label_twice", workshop=workshop.id) from None
        return Workshop(**_fields(workshop), created=created)

    def workshops(self) -> list[Workshop]:
        rows = self._db().execute("SELECT * FROM workshop ORDER BY created, id").fetchall()
        return [_workshop(row) for row in rows]

    def workshop(self, workshop_id: str) -> Workshop:
        row = self._db().execute("SELECT * FROM workshop WHERE id = ?", (workshop_id,)).fetchone()
        if row is None:
            raise StoreError("workshop_unknown", workshop=workshop_id)
        return _workshop(row)

    def tables(self, workshop_id: str) -> list[Table]:
        rows = self._db().execute(
            "SELECT * FROM session WHERE workshop_id = ? ORDER BY position", (workshop_id,)
        )
        return [_table(row) for row in rows]

    def table(self, table_id: str) -> Table:
        row = self._db().execute("SELECT * FROM session WHERE id = ?", (table_id,)).fetchone()
        if row is None:
            raise StoreError("table_unknown", table=table_id)
        return _table(row)

    def table_by_code(self, code: str) -> Table:
        row = self._db().execute("SELECT * FROM session WHERE code = ?", (code,)).fetchone()
        if row is None:
            raise StoreError("code_unknown", join_code=code)
        return _table(row)

    def append(self, table_id: str, seq: int, body: str) -> StoredLine:
        with self._write() as db:
            # Timed once the write lock is held: a table's times follow its seqs, and
            # the wait for the lock is not counted as the line's age.
            recorded_at = self.now()
            row = db.execute(
                "SELECT coalesce(max(seq), 0) FROM entry WHERE session_id = ?", (table_id,)
            ).fetchone()
            if row[0] != seq - 1:
                raise SeqConflict(table_id, seq, row[0])
            try:
                db.execute(
                    "INSERT INTO entry VALUES (?, ?, ?, ?)",
                    (table_id, seq, body, _text(recorded_at)),
                )
            except sqlite3.IntegrityError:
                raise StoreError("table_unknown", table=table_id) from None
        return StoredLine(table_id, seq, body, recorded_at)

    def lines(self, table_id: str, after: int = 0) -> list[StoredLine]:
        rows = self._db().execute(
            "SELECT * FROM entry WHERE session_id = ? AND seq > ? ORDER BY seq", (table_id, after)
        )
        return [_line(row) for row in rows]

    def last_seqs(self, table_ids: Sequence[str]) -> dict[str, int]:
        db = self._db()
        query = "SELECT coalesce(max(seq), 0) FROM entry WHERE session_id = ?"
        return {table_id: db.execute(query, (table_id,)).fetchone()[0] for table_id in table_ids}

    def seat_seen(self, table_id: str, seat: str, roles: Sequence[str]) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO seat VALUES (?, ?, ?, ?)",
                (table_id, seat, ",".join(roles), _text(self.now())),
            )

    def seats(self, table_ids: Sequence[str], within: float) -> dict[str, list[str]]:
        since = _text(datetime.fromtimestamp(time.time() - within, UTC))
        found: dict[str, dict[str, str]] = {table_id: {} for table_id in table_ids}
        rows = self._db().execute(
            "SELECT session_id, seat, roles FROM seat WHERE seen_at >= ? ORDER BY seen_at",
            (since,),
        )
        for table_id, seat, roles in rows:
            if table_id in found:
                found[table_id][seat] = roles
        return {table_id: list(seats.values()) for table_id, seats in found.items()}

    def follow(self, table_ids: Sequence[str]) -> SQLiteFollower:
        return SQLiteFollower(self, table_ids)

    def close(self) -> None:
        with self._guard:
            for db in self._connections:
                db.close()
            self._connections.clear()
        self._local = threading.local()


class SQLiteFollower:
    """Follows tables by watching `PRAGMA data_version` (see the module's docstring)."""

    def __init__(self, store: SQLiteStore, table_ids: Sequence[str]) -> None:
        self.store = store
        self.table_ids = tuple(table_ids)
        self._version: int | None = None

    def wait(self, known: Mapping[str, int], timeout: float) -> list[StoredLine]:
        """New lines of the followed tables, within `timeout` seconds (none: an empty list);
        `StoreError("unreachable")` when the file cannot be read, or the store was closed
        under a follower still waiting (a screen that is leaving)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                version = self.store._db().execute("PRAGMA data_version").fetchone()[0]
                found = self._new_lines(known) if version != self._version else []
            except sqlite3.Error as error:
                raise StoreError("unreachable", url=self.store.url, detail=str(error)) from None
            if version != self._version:
                self._version = version
                if found:
                    return found
            if time.monotonic() >= deadline:
                return []
            time.sleep(min(POLL_SECONDS, max(0.0, deadline - time.monotonic())))

    def _new_lines(self, known: Mapping[str, int]) -> list[StoredLine]:
        found: list[StoredLine] = []
        for table_id in self.table_ids:
            found.extend(self.store.lines(table_id, known.get(table_id, 0)))
        return found

    def close(self) -> None:
        pass


def _fields(workshop: NewWorkshop) -> dict[str, str]:
    return {
        "id": workshop.id,
        "title": workshop.title,
        "deck_id": workshop.deck_id,
        "deck_sha256": workshop.deck_sha256,
        "deck_source": workshop.deck_source,
    }


def _workshop(row: tuple[str, ...]) -> Workshop:
    id_, title, deck_id, deck_sha256, deck_source, created = row
    return Workshop(id_, title, deck_id, deck_sha256, deck_source, created=_time(created))


def _table(row: tuple[str, ...]) -> Table:
    id_, workshop_id, label, code, header, created, _position = row
    return Table(label, code, header, id=id_, workshop_id=workshop_id, created=_time(created))


def _line(row: tuple[str, int, str, str]) -> StoredLine:
    table_id, seq, body, recorded_at = row
    return StoredLine(table_id, seq, body, _time(recorded_at))
