"""Shared test helpers: test decks, running the command line in-process."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scenarios.cli import main
from scenarios.deck import Deck, load_deck
from scenarios.store import Store, open_store
from tests.postgres_server import fresh_database

TEST_DECKS = Path(__file__).parent / "fixtures"
CRUE = TEST_DECKS / "crue.yaml"
MINI = TEST_DECKS / "mini.yaml"


os.environ["TZ"] = "UTC"  # dates shown on screen and in reports do not depend on the machine
time.tzset()


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Journals written by tests go to a temporary data folder, never the user's."""
    home = tmp_path_factory.mktemp("xdg")
    old = {key: os.environ.get(key) for key in ("XDG_DATA_HOME", "SCENARIOS_LANG", "SCENARIOS_STORE")}
    os.environ["XDG_DATA_HOME"] = str(home)
    os.environ.pop("SCENARIOS_LANG", None)
    os.environ.pop("SCENARIOS_STORE", None)
    yield
    for key, value in old.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session")
def crue() -> Deck:
    return load_deck(CRUE)


@pytest.fixture(scope="session")
def mini() -> Deck:
    return load_deck(MINI)


CliResult = tuple[int, str, str]


def spaced(text: str) -> str:
    """French typography's no-break spaces as plain ones, to compare with readable literals."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., CliResult]:
    """Run `scenarios ARGS...` in-process: (exit code, stdout, stderr)."""

    def run(*args: str) -> CliResult:
        try:
            code = main(list(args))
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


@pytest.fixture
def write_deck(tmp_path: Path) -> Callable[..., Path]:
    """Write a deck file (text or bytes) into a temporary folder and return its path."""

    def write(content: str | bytes, name: str = "deck.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


# The workshop store, of each kind -------------------------------------------

StoreFactory = Callable[[], Store]


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The address of an empty store of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ateliers.sqlite3'}"
        return
    with fresh_database() as url:
        yield url


@pytest.fixture
def open_stores(store_url: str) -> Iterator[StoreFactory]:
    """Opens connections to the same store, as separate processes would; closes them after."""
    opened: list[Store] = []

    def factory() -> Store:
        store = open_store(store_url)
        opened.append(store)
        return store

    yield factory
    for store in opened:
        store.close()


@pytest.fixture
def store(open_stores: StoreFactory) -> Store:
    return open_stores()
