"""`scenarios workshop serve`: the join screen in a browser, behind the same guards."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from scenarios.deck import Deck
from scenarios.store import open_store
from scenarios.workshop import create_workshop
from tests.cli.serving import Served, received_until, refused, serving

JOIN = "rejoindre une table"


@pytest.fixture
def served(tmp_path: Path, crue: Deck) -> Iterator[Served]:
    url = f"sqlite:///{tmp_path / 'w.sqlite3'}"
    store = open_store(url)
    create_workshop(store, crue, tables=2, name="salle", seed=1)
    store.close()
    with serving(tmp_path, "salle", "--store", url, command=("workshop", "serve")) as server:
        yield server


async def test_a_browser_with_the_token_gets_the_join_screen(served: Served) -> None:
    async with aiohttp.ClientSession() as client, client.ws_connect(
        served.websocket(), headers={"Origin": served.base}
    ) as websocket:
        assert JOIN in await received_until(websocket, JOIN)


async def test_a_foreign_origin_or_a_missing_token_is_refused(served: Served) -> None:
    assert await refused(served.websocket(), Origin="http://evil.example") == 403
    assert await refused(served.websocket(token=""), Origin=served.base) == 403


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
