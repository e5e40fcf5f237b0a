"""A real PostgreSQL server for the tests: one fresh database per test.

The server is `SCENARIOS_TEST_POSTGRES` (default: the local one on
127.0.0.1:5432, trust auth). Where none answers, the tests that need it are
skipped with that reason — unless `SCENARIOS_REQUIRE_POSTGRES=1` (set by
`.ci/run`, which starts a server), where they fail instead.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

ADMIN_URL = os.environ.get(
    "SCENARIOS_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres"
)


def unavailable_reason() -> str | None:
    """Why PostgreSQL tests cannot run here, or None when a server answers."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed"
    try:
        with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=3):
            return None
    except psycopg.Error as error:
        return f"no PostgreSQL server answers at {ADMIN_URL}: {str(error).strip()[:120]}"


def require_server() -> None:
    reason = unavailable_reason()
    if reason is None:
        return
    if os.environ.get("SCENARIOS_REQUIRE_POSTGRES") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def database_url(name: str) -> str:
    base, _, _ = ADMIN_URL.rpartition("/")
    return f"{base}/{name}"


@contextmanager
def fresh_database() -> Iterator[str]:
    """The URL of a new, empty database, dropped afterwards."""
    import psycopg

    require_server()
    name = f"scenarios_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=3) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
    try:
        yield database_url(name)
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=3) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
