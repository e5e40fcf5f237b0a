"""The shared store on PostgreSQL (psycopg 3), for a workshop beyond one machine.

Appends are one transaction each: an insert that only succeeds when the
seq follows the table's last line (a concurrent writer gets a unique
violation or no row: `SeqConflict`), and a `pg_notify` that wakes live
readers when it commits. Notifications are a wake-up, never the data:
readers then select `seq > last`, and also poll every few seconds and after
a reconnect, since notifications sent while disconnected are lost.

The role the app uses needs only SELECT and INSERT once the schema exists
(the first run with a role allowed to create tables creates it).
"""

from __future__ import annotations

import contextlib
import logging
import select
import threading
import time
import uuid
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from psycopg_pool import ConnectionPool, PoolTimeout

from scenarios.store.errors import SeqConflict, StoreError
from scenarios.store.records import NewTable, NewWorkshop, StoredLine, Table, Workshop

SCHEMA_VERSION = 1
CHANNEL = "scenarios_entry"
POLL_SECONDS = 3.0
CONNECT_SECONDS = 10.0

# The pool logs each connection it loses or fails to open; the store reports an
# outage through `StoreError` instead, so these lines reach a terminal only when
# the application configures logging.
logging.getLogger("psycopg.pool").addHandler(logging.NullHandler())

SCHEMA = [
    "CREATE TABLE store_version (version integer NOT NULL)",
    """CREATE TABLE workshop (
        id text PRIMARY KEY,
        title text NOT NULL,
        deck_id text NOT NULL,
        deck_sha256 text NOT NULL,
        deck_source text NOT NULL,
        created timestamptz NOT NULL DEFAULT clock_timestamp()
    )""",
    """CREATE TABLE session (
        id text PRIMARY KEY,
        workshop_id text NOT NULL REFERENCES workshop(id),
        label text NOT NULL,
        code text NOT NULL UNIQUE,
        header text NOT NULL,
        created timestamptz NOT NULL DEFAULT clock_timestamp(),
        position integer NOT NULL,
        UNIQUE (workshop_id, label)
    )""",
    """CREATE TABLE entry (
        session_id text NOT NULL REFERENCES session(id),
        seq integer NOT NULL,
        body text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (session_id, seq)
    )""",
    """CREATE TABLE seat (
        session_id text NOT NULL REFERENCES session(id),
        seat text NOT NULL,
        roles text NOT NULL,
        seen_at timestamptz NOT NULL DEFAULT clock_timestamp()
    )""",
    "CREATE INDEX seat_by_time ON seat (seen_at)",
]


def shown_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        params = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "postgresql://…"
    params.pop("password", None)
    host = params.get("host") or "localhost"
    port = params.get("port") or 5432
    user = f"{params['user']}@" if params.get("user") else ""
    return f"postgresql://{user}{host}:{port}/{params.get('dbname') or ''}"


def _ended(conn: psycopg.Connection[Any]) -> bool:
    """Whether the server has ended an idle connection: it said something unasked (its
    farewell, or the end of the stream). Looks at the socket without reading it."""
    if conn.closed:
        return True
    try:
        readable, _, _ = select.select([conn.fileno()], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)


def _unreachable(url: str, error: Exception) -> StoreError:
    detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return StoreError("unreachable", url=shown_url(url), detail=detail)


class PostgresStore:
    """A store in a PostgreSQL database (see the module's docstring)."""

    def __init__(self, url: str, *, max_connections: int = 8) -> None:
        self._url = url
        try:
            conninfo = make_conninfo(url, connect_timeout=int(CONNECT_SECONDS))
        except psycopg.ProgrammingError as error:
            raise StoreError("bad_url", url=shown_url(url), detail=str(error)) from None
        self.conninfo = conninfo
        self.pool = ConnectionPool(
            conninfo,
            min_size=1,
            max_size=max_connections,
            open=False,
            kwargs={"autocommit": True},
        )
        self.max_connections = max_connections
        try:
            # One direct connection first: a refused or unknown server fails at
            # once, where the pool would retry until its timeout.
            psycopg.connect(conninfo).close()
            self.pool.open(wait=True, timeout=CONNECT_SECONDS)
            self._create_schema()
        except (psycopg.Error, PoolTimeout) as error:
            self.pool.close()
            raise _unreachable(url, error) from None

    @property
    def url(self) -> str:
        return shown_url(self._url)

    def _create_schema(self) -> None:
        with self._connection() as conn:
            exists = conn.execute("SELECT to_regclass('store_version')").fetchone()
            if exists is None or exists[0] is None:
                with conn.transaction():
                    conn.execute("SELECT pg_advisory_xact_lock(7340120)")
                    again = conn.execute("SELECT to_regclass('store_version')").fetchone()
                    if again is None or again[0] is None:
                        for statement in SCHEMA:
                            conn.execute(statement)
                        conn.execute(
                            "INSERT INTO store_version VALUES (%s)", (SCHEMA_VERSION,)
                        )
            row = conn.execute("SELECT max(version) FROM store_version").fetchone()
            found = row[0] if row else None
            if found is not None and found > SCHEMA_VERSION:
                raise StoreError("schema", found=found, expected=SCHEMA_VERSION)

    @contextlib.contextmanager
    def _connection(self) -> Iterator[psycopg.Connection[Any]]:
        """A connection of the pool, but not one the server ended while it waited there
        (after a restart or `pg_terminate_backend`, each idle one): those are closed, for
        the pool to replace, and the next is taken. The pool's own check would do it too,
        but it waits a second or more after each connection that fails it."""
        for _ in range(self.max_connections):
            with self.pool.connection() as conn:
                if _ended(conn):
                    conn.close()
                    continue
                yield conn
                return
        with self.pool.connection() as conn:
            yield conn

    def _query(self, query: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run a query that may run twice: when its connection breaks (the server ended it
        just before), it is run once more on another."""
        for again in (True, False):
            conn: psycopg.Connection[Any] | None = None
            try:
                with self._connection() as conn:
                    return conn.execute(query, params).fetchall()
            except psycopg.OperationalError as error:
                if not again or conn is None or not conn.broken:
                    raise _unreachable(self._url, error) from None
            except PoolTimeout as error:
                raise _unreachable(self._url, error) from None
        raise AssertionError("unreachable")

    # -- the interface -----------------------------------------------------

    def now(self) -> datetime:
        moment: datetime = self._query("SELECT clock_timestamp()")[0][0]
        return moment

    def create_workshop(self, workshop: NewWorkshop, tables: Sequence[NewTable]) -> Workshop:
        try:
            with self._connection() as conn, conn.transaction():
                row = conn.execute(
                    "INSERT INTO workshop (id, title, deck_id, deck_sha256, deck_source)"
                    " VALUES (%s, %s, %s, %s, %s) RETURNING created",
                    (
                        workshop.id,
                        workshop.title,
                        workshop.deck_id,
                        workshop.deck_sha256,
                        workshop.deck_source,
                    ),
                ).fetchone()
                assert row is not None
                with conn.cursor() as cursor:
                    cursor.executemany(
                        "INSERT INTO session (id, workshop_id, label, code, header, position)"
                        " VALUES (%s, %s, %s, %s, %s, %s)",
                        [
                            (
                                uuid.uuid4().hex,
                                workshop.id,
                                table.label,
                                table.code,
                                table.header,
                                position,
                            )
                            for position, table in enumerate(tables)
                        ],
                    )
        except psycopg.errors.UniqueViolation as error:
            constraint = error.diag.constraint_name or ""
            if constraint.startswith("workshop"):
                raise StoreError("workshop_exists", workshop=workshop.id) from None
            if "code" in constraint:
                raise StoreError("code_taken") from None
            raise StoreError("label_twice", workshop=workshop.id) from None
        except (psycopg.OperationalError, PoolTimeout) as error:
            raise _unreachable(self._url, error) from None
        return Workshop(
            workshop.id,
            workshop.title,
            workshop.deck_id,
            workshop.deck_sha256,
            workshop.deck_source,
            created=row[0],
        )

    def workshops(self) -> list[Workshop]:
        return [_workshop(row) for row in self._query(_WORKSHOPS + " ORDER BY created, id")]

    def workshop(self, workshop_id: str) -> Workshop:
        rows = self._query(_WORKSHOPS + " WHERE id = %s", (workshop_id,))
        if not rows:
            raise StoreError("workshop_unknown", workshop=workshop_id)
        return _workshop(rows[0])

    def tables(self, workshop_id: str) -> list[Table]:
        rows = self._query(_TABLES + " WHERE workshop_id = %s ORDER BY position", (workshop_id,))
        return [_table(row) for row in rows]

    def table(self, table_id: str) -> Table:
        rows = self._query(_TABLES + " WHERE id = %s", (table_id,))
        if not rows:
            raise StoreError("table_unknown", table=table_id)
        return _table(rows[0])

    def table_by_code(self, code: str) -> Table:
        rows = self._query(_TABLES + " WHERE code = %s", (code,))
        if not rows:
            raise StoreError("code_unknown", join_code=code)
        return _table(rows[0])

    def append(self, table_id: str, seq: int, body: str) -> StoredLine:
        try:
            with self._connection() as conn, conn.transaction():
                row = conn.execute(
                    "INSERT INTO entry (session_id, seq, body)"
                    " SELECT %s, %s, %s WHERE"
                    " (SELECT coalesce(max(seq), 0) FROM entry WHERE session_id = %s) = %s"
                    " RETURNING recorded_at",
                    (table_id, seq, body, table_id, seq - 1),
                ).fetchone()
                if row is None:
                    raise SeqConflict(table_id, seq, self._last(conn, table_id))
                conn.execute("SELECT pg_notify(%s, %s)", (CHANNEL, f"{table_id}:{seq}"))
        except psycopg.errors.UniqueViolation:
            raise SeqConflict(table_id, seq, self.last_seqs([table_id])[table_id]) from None
        except psycopg.errors.ForeignKeyViolation:
            raise StoreError("table_unknown", table=table_id) from None
        except (psycopg.OperationalError, PoolTimeout) as error:
            raise _unreachable(self._url, error) from None
        return StoredLine(table_id, seq, body, row[0])

    @staticmethod
    def _last(conn: psycopg.Connection[Any], table_id: str) -> int:
        row = conn.execute(
            "SELECT coalesce(max(seq), 0) FROM entry WHERE session_id = %s", (table_id,)
        ).fetchone()
        return int(row[0]) if row else 0

    def lines(self, table_id: str, after: int = 0) -> list[StoredLine]:
        rows = self._query(
            "SELECT session_id, seq, body, recorded_at FROM entry"
            " WHERE session_id = %s AND seq > %s ORDER BY seq",
            (table_id, after),
        )
        return [StoredLine(*row) for row in rows]

    def lines_after(self, known: Mapping[str, int]) -> list[StoredLine]:
        """The new lines of many tables in one query (a live reader's catch-up)."""
        if not known:
            return []
        rows = self._query(
            "SELECT e.session_id, e.seq, e.body, e.recorded_at"
            " FROM unnest(%s::text[], %s::integer[]) AS k(id, seq)"
            " JOIN entry e ON e.session_id = k.id AND e.seq > k.seq"
            " ORDER BY e.session_id, e.seq",
            (list(known), list(known.values())),
        )
        return [StoredLine(*row) for row in rows]

    def last_seqs(self, table_ids: Sequence[str]) -> dict[str, int]:
        found = dict.fromkeys(table_ids, 0)
        rows = self._query(
            "SELECT k.id, (SELECT coalesce(max(seq), 0) FROM entry WHERE session_id = k.id)"
            " FROM unnest(%s::text[]) AS k(id)",
            (list(table_ids),),
        )
        found.update({table_id: int(seq) for table_id, seq in rows})
        return found

    def seat_seen(self, table_id: str, seat: str, roles: Sequence[str]) -> None:
        self._query(
            "INSERT INTO seat (session_id, seat, roles) VALUES (%s, %s, %s) RETURNING 1",
            (table_id, seat, ",".join(roles)),
        )

    def seats(self, table_ids: Sequence[str], within: float) -> dict[str, list[str]]:
        found: dict[str, dict[str, str]] = {table_id: {} for table_id in table_ids}
        rows = self._query(
            "SELECT session_id, seat, roles FROM seat"
            " WHERE session_id = ANY(%s)"
            " AND seen_at >= clock_timestamp() - %s * interval '1 second'"
            " ORDER BY seen_at",
            (list(table_ids), within),
        )
        for table_id, seat, roles in rows:
            found[table_id][seat] = roles
        return {table_id: list(seats.values()) for table_id, seats in found.items()}

    def follow(self, table_ids: Sequence[str]) -> PostgresFollower:
        return PostgresFollower(self, table_ids)

    def close(self) -> None:
        self.pool.close()


class PostgresFollower:
    """Follows tables with LISTEN as a wake-up, a poll every few seconds, and after reconnects.

    A wake-up reads only the tables named by the notifications then waiting (every
    table it follows would cost a query over all of them at each line, hundreds a
    second with hundreds of tables); the poll reads them all."""

    def __init__(self, store: PostgresStore, table_ids: Sequence[str]) -> None:
        self.store = store
        self.table_ids = frozenset(table_ids)
        self._conn: psycopg.Connection[Any] | None = None
        self._last_poll = 0.0
        self._lock = threading.Lock()

    def _listening(self) -> psycopg.Connection[Any] | None:
        if self._conn is not None and not self._conn.closed:
            return self._conn
        try:
            conn = psycopg.connect(self.store.conninfo, autocommit=True)
            conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(CHANNEL)))
        except psycopg.Error:
            return None
        self._conn = conn
        self._last_poll = 0.0  # what was sent while we were away is lost: read it all
        return conn

    def wait(self, known: Mapping[str, int], timeout: float) -> list[StoredLine]:
        deadline = time.monotonic() + timeout
        watched = {table_id: seq for table_id, seq in known.items() if table_id in self.table_ids}
        while True:
            conn = self._listening()
            now = time.monotonic()
            if now - self._last_poll >= POLL_SECONDS:
                self._last_poll = now
                found = self._catch_up(watched)
                if found:
                    return found
            left = deadline - time.monotonic()
            if left <= 0:
                return []
            wake = min(left, POLL_SECONDS)
            if conn is None:
                time.sleep(min(wake, 0.5))
                continue
            woken: set[str] = set()
            try:
                for notify in conn.notifies(timeout=wake, stop_after=1):
                    woken.add(notify.payload.split(":", 1)[0])
                if woken:  # and the others already there: one query for them all
                    woken.update(n.payload.split(":", 1)[0] for n in conn.notifies(timeout=0))
            except psycopg.Error:
                self._drop()
                continue
            if woken & watched.keys():
                found = self._catch_up({t: watched[t] for t in woken if t in watched})
                if found:
                    return found

    def _catch_up(self, watched: Mapping[str, int]) -> list[StoredLine]:
        try:
            return self.store.lines_after(watched)
        except StoreError:
            self._drop()
            return []

    def _drop(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(psycopg.Error):
                self._conn.close()
        self._conn = None

    def close(self) -> None:
        self._drop()


_WORKSHOPS = "SELECT id, title, deck_id, deck_sha256, deck_source, created FROM workshop"
_TABLES = "SELECT label, code, header, id, workshop_id, created FROM session"


def _workshop(row: tuple[Any, ...]) -> Workshop:
    id_, title, deck_id, deck_sha256, deck_source, created = row
    return Workshop(id_, title, deck_id, deck_sha256, deck_source, created=created)


def _table(row: tuple[Any, ...]) -> Table:
    label, code, header, id_, workshop_id, created = row
    return Table(label, code, header, id=id_, workshop_id=workshop_id, created=created)
