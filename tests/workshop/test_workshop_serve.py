"""`scenarios workshop serve`: the join screen in a browser, behind the same guards."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import aiohttp
import pytest

from scenarios.deck import Deck
from scenarios.store import open_store
from scenarios.workshop import create_workshop
from tests.cli.serving import Served, received_until, refused, serving
from tests.conftest import CliResult

JOIN = "rejoindre une table"
ROOM = "pas encore commencée"  # on each table's card in the facilitator's room view


def workshop_store(tmp_path: Path, crue: Deck) -> str:
    url = f"sqlite:///{tmp_path / 'w.sqlite3'}"
    store = open_store(url)
    create_workshop(store, crue, tables=2, name="salle", seed=1)
    store.close()
    return url


@pytest.fixture
def served(tmp_path: Path, crue: Deck) -> Iterator[Served]:
    url = workshop_store(tmp_path, crue)
    with serving(tmp_path, "salle", "--store", url, command=("workshop", "serve")) as server:
        yield server


@pytest.fixture
def served_room(tmp_path: Path, crue: Deck) -> Iterator[Served]:
    url = workshop_store(tmp_path, crue)
    args = ("salle", "--dashboard", "--store", url)
    with serving(tmp_path, *args, command=("workshop", "serve")) as server:
        yield server


async def test_a_browser_with_the_token_gets_the_join_screen(served: Served) -> None:
    async with (
        aiohttp.ClientSession() as client,
        client.ws_connect(served.websocket(), headers={"Origin": served.base}) as websocket,
    ):
        assert JOIN in await received_until(websocket, JOIN)


async def test_a_foreign_origin_or_a_missing_token_is_refused(served: Served) -> None:
    assert await refused(served.websocket(), Origin="http://evil.example") == 403
    assert await refused(served.websocket(token=""), Origin=served.base) == 403


async def test_with_dashboard_a_browser_with_the_token_gets_the_room_view(
    served_room: Served,
) -> None:
    async with (
        aiohttp.ClientSession() as client,
        client.ws_connect(served_room.websocket(), headers={"Origin": served_room.base}) as ws,
    ):
        seen = await received_until(ws, ROOM)
        assert ROOM in seen and JOIN not in seen


async def test_with_dashboard_a_missing_token_or_a_foreign_origin_is_refused(
    served_room: Served,
) -> None:
    assert await refused(served_room.websocket(token=""), Origin=served_room.base) == 403
    assert await refused(served_room.websocket(token="guess"), Origin=served_room.base) == 403
    assert await refused(served_room.websocket(), Origin="http://evil.example") == 403


def test_the_dashboard_is_never_served_without_a_token_beyond_the_loopback(
    tmp_path: Path, crue: Deck, cli: Callable[..., CliResult]
) -> None:
    url = workshop_store(tmp_path, crue)
    args = ("salle", "--dashboard", "--no-token", "--host", "0.0.0.0", "--store", url)
    code, _, err = cli("workshop", "serve", *args)
    assert code == 2 and "boucle locale" in err


def test_an_unknown_workshop_is_refused_before_serving(tmp_path: Path) -> None:
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'w.sqlite3'}"
    result = subprocess.run(
        [sys.executable, "-m", "scenarios", "workshop", "serve", "nope", "--store", url],
        capture_output=True, text=True, timeout=30, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "aucun atelier" in result.stderr and "Traceback" not in result.stderr
