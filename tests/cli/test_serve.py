"""`scenarios serve`: the app in a browser, through textual-serve on the loopback."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"))
    process = subprocess.Popen(
        [sys.executable, "-m", "scenarios", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(url, timeout=1):
                    break
            except OSError:
                assert time.monotonic() < deadline, "the server never answered"
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_page_names_the_app(server: str) -> None:
    with urllib.request.urlopen(server, timeout=5) as response:
        page = response.read().decode("utf-8")
    assert "scenarios — jeu de crise" in page
    assert "/ws" in page


async def test_a_browser_session_runs_the_game(server: str) -> None:
    """What the browser's terminal receives is the home screen; Enter opens the setup."""
    url = server.replace("http://", "ws://") + "/ws?width=120&height=40"
    received = ""
    async with aiohttp.ClientSession() as client, client.ws_connect(url) as websocket:

        async def read_until(needle: str) -> None:
            nonlocal received
            deadline = time.monotonic() + 30
            while needle not in received:
                assert time.monotonic() < deadline, received[-2000:]
                message = await asyncio.wait_for(websocket.receive(), 30)
                if message.type == aiohttp.WSMsgType.BINARY:
                    received += message.data.decode("utf-8", "replace")
                elif message.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                    raise AssertionError("the session closed")

        await read_until("Choisir un deck")
        await websocket.send_json(["stdin", "\r"])
        await read_until("Préparer la partie")


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("SCENARIOS_REQUIRE_BROWSER"),
    reason="Debian's chromium is installed by .ci/run",
)
def test_headless_chromium_loads_the_page_and_sees_the_title(server: str) -> None:
    assert CHROMIUM is not None, "chromium is required here (SCENARIOS_REQUIRE_BROWSER)"
    profile = tempfile.mkdtemp(prefix="chromium-")
    result = subprocess.run(
        [
            str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", f"--user-data-dir={profile}", "--virtual-time-budget=5000",
            "--dump-dom", server,
        ],
        capture_output=True, text=True, timeout=120, check=False,
    )
    shutil.rmtree(profile, ignore_errors=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "scenarios — jeu de crise" in result.stdout
    assert 'id="terminal"' in result.stdout
