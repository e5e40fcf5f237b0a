"""On PostgreSQL, the app's role needs only SELECT and INSERT once the schema exists."""

from __future__ import annotations

import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest

from scenarios.store import NewTable, NewWorkshop, SeqConflict, open_store
from tests.postgres_server import ADMIN_URL, fresh_database


def as_role(url: str, role: str, password: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or "127.0.0.1"
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit(parts._replace(netloc=f"{role}:{password}@{host}{port}"))


def test_an_insert_and_select_only_role_plays_a_whole_workshop() -> None:
    import psycopg

    with fresh_database() as admin_url:
        open_store(admin_url).close()  # the first run, with the right to create, makes the schema
        role, password = f"scenarios_app_{uuid.uuid4().hex[:8]}", uuid.uuid4().hex
        database = urlsplit(admin_url).path.lstrip("/")
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
            admin.execute(f'GRANT CONNECT ON DATABASE "{database}" TO {role}')
            admin.execute(f"GRANT USAGE ON SCHEMA public TO {role}")
            admin.execute(f"GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO {role}")
        try:
            store = open_store(as_role(admin_url, role, password))
            store.create_workshop(
                NewWorkshop("w", "t", "d", "s", "[]"), [NewTable("Table 1", "AAA-AAA", "{}")]
            )
            table = store.tables("w")[0].id
            store.append(table, 1, "one")
            with pytest.raises(SeqConflict):
                store.append(table, 1, "again")
            follower = store.follow([table])
            assert [line.body for line in follower.wait({table: 0}, 2.0)] == ["one"]
            follower.close()
            store.seat_seen(table, "seat", ["r"])
            assert store.seats([table], 60)[table] == ["r"]
            store.close()
            with psycopg.connect(as_role(admin_url, role, password)) as app, pytest.raises(
                psycopg.errors.InsufficientPrivilege
            ):
                app.execute("UPDATE entry SET body = 'edited'")
        finally:
            with psycopg.connect(admin_url, autocommit=True) as admin:
                admin.execute(f'REASSIGN OWNED BY {role} TO CURRENT_USER')
                admin.execute(f"DROP OWNED BY {role}")
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f"DROP ROLE IF EXISTS {role}")
