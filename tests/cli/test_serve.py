"""`scenarios serve`: the app in a browser, through textual-serve on the loopback."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from tests.cli.serving import Served, received_until, serving

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Served]:
    with serving(tmp_path / "data") as served:
        yield served


def test_the_page_names_the_app(server: Served) -> None:
    with urllib.request.urlopen(server.url, timeout=5) as response:
        page = response.read().decode("utf-8")
    assert "scenarios — jeu de crise" in page
    assert f"/ws?token={server.token}" in page


async def test_a_browser_session_runs_the_game(server: Served) -> None:
    """What the browser's terminal receives is the home screen; Enter opens the setup."""
    url = server.websocket()
    async with aiohttp.ClientSession() as client, client.ws_connect(url) as websocket:
        assert "Choisir un deck" in await received_until(websocket, "Choisir un deck")
        await websocket.send_json(["stdin", "\r"])
        assert "Préparer la partie" in await received_until(websocket, "Préparer la partie")


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("SCENARIOS_REQUIRE_BROWSER"),
    reason="Debian's chromium is installed by .ci/run",
)
def test_headless_chromium_loads_the_page_and_sees_the_title(server: Served) -> None:
    assert CHROMIUM is not None, "chromium is required here (SCENARIOS_REQUIRE_BROWSER)"
    profile = tempfile.mkdtemp(prefix="chromium-")
    result = subprocess.run(
        [
            str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={profile}", "--virtual-time-budget=5000",
            "--dump-dom", server.url,
        ],
        capture_output=True, text=True, timeout=120, check=False,
    )
    shutil.rmtree(profile, ignore_errors=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "scenarios — jeu de crise" in result.stdout
    assert 'id="terminal"' in result.stdout
