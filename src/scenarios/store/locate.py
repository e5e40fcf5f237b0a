"""Which store a command uses: `--store URL`, else `SCENARIOS_STORE`, else the embedded one."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from scenarios.store.errors import StoreError
from scenarios.store.protocol import Store

DEFAULT_STORE_ENV = "SCENARIOS_STORE"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def default_store_url() -> str:
    """The embedded store of this user: one SQLite file in the user's data folder."""
    folder = platformdirs.user_data_path("scenarios", appauthor=False)
    return f"sqlite:///{folder / 'ateliers.sqlite3'}"


def chosen_store_url(url: str | None) -> str:
    return url or os.environ.get(DEFAULT_STORE_ENV) or default_store_url()


def open_store(url: str | None = None) -> Store:
    """The store at `url` (see the module's docstring); `StoreError` if it cannot be opened."""
    url = chosen_store_url(url)
    if url.startswith(POSTGRES_SCHEMES):
        try:
            from scenarios.store.postgres import PostgresStore
        except ImportError:
            raise StoreError("postgres_missing") from None
        return PostgresStore(url)
    if url.startswith("sqlite:///"):
        # As SQLAlchemy writes it: sqlite:///relative.db, sqlite:////absolute/path.db
        return _sqlite(Path(url.removeprefix("sqlite:///")))
    if "://" in url:
        raise StoreError("bad_url", url=url, detail=url.split("://", 1)[0])
    return _sqlite(Path(url))


def _sqlite(path: Path) -> Store:
    from scenarios.store.sqlite import SQLiteStore

    return SQLiteStore(path)
