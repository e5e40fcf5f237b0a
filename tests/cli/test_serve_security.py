"""`scenarios serve` on a network: Origin, token, session cap, no path opened, no orphan."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from scenarios.tui.app import ScenariosApp
from scenarios.tui.bindings import localised
from scenarios.tui.messages import DeckFileChosen
from scenarios.tui.screens.home import HomeScreen
from scenarios.tui.screens.setup import SetupScreen
from scenarios.tui.serve import end_process, origin_allowed, query_of
from tests.cli.serving import Served, received_until, refused, serving
from tests.conftest import CRUE

HOME = "Choisir un deck"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Served]:
    with serving(tmp_path / "data") as served:
        yield served


@pytest.fixture
def one_seat(tmp_path: Path) -> Iterator[Served]:
    with serving(tmp_path / "data", "--max-sessions", "1") as served:
        yield served


def children_of(pid: int) -> set[int]:
    """Every live descendant of `pid`, read from /proc (zombies count as gone)."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            parents[int(stat.parent.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


async def test_a_foreign_origin_is_refused(server: Served) -> None:
    assert await refused(server.websocket(), Origin="http://evil.example") == 403
    port = server.base.rsplit(":", 1)[1]
    assert await refused(server.websocket(), Origin=f"http://evil.example:{port}") == 403


async def test_the_served_origin_with_the_token_is_let_in(server: Served) -> None:
    async with aiohttp.ClientSession() as client, client.ws_connect(
        server.websocket(), headers={"Origin": server.base}
    ) as websocket:
        assert HOME in await received_until(websocket, HOME)


async def test_a_missing_or_wrong_token_is_refused(server: Served) -> None:
    assert await refused(server.websocket(token="")) == 403
    assert await refused(server.websocket(token="guess")) == 403
    for page in (server.base + "/", server.base + "/?token=guess"):
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(page, timeout=5)
        assert caught.value.code == 403
        assert "Accès refusé" in caught.value.read().decode("utf-8")


def test_static_files_need_no_token(server: Served) -> None:
    with urllib.request.urlopen(server.base + "/static/js/textual.js", timeout=5) as response:
        assert response.status == 200


async def test_the_session_cap_holds(one_seat: Served) -> None:
    async with aiohttp.ClientSession() as client:
        async with client.ws_connect(one_seat.websocket()) as first:
            assert HOME in await received_until(first, HOME)
            before = children_of(one_seat.process.pid)
            async with client.ws_connect(one_seat.websocket()) as second:
                said = await received_until(second, HOME)
                assert "Toutes les places sont prises" in said
                assert HOME not in said
                assert second.closed or (await second.receive()).type in (
                    aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED,
                )
            assert children_of(one_seat.process.pid) == before  # no process for the second
        deadline = time.monotonic() + 20  # the seat is free again once the first has gone
        while True:
            async with client.ws_connect(one_seat.websocket()) as third:
                if HOME in await received_until(third, HOME):
                    break
            assert time.monotonic() < deadline, "the seat was never given back"
            await asyncio.sleep(0.5)


async def test_no_child_survives_its_socket(server: Served) -> None:
    async with aiohttp.ClientSession() as client, client.ws_connect(
        server.websocket()
    ) as websocket:
        assert HOME in await received_until(websocket, HOME)
        children = children_of(server.process.pid)
        assert children, "the session started no process"
    deadline = time.monotonic() + 20
    while children & children_of(server.process.pid):
        assert time.monotonic() < deadline, "a session's process outlived its socket"
        await asyncio.sleep(0.2)


async def test_a_process_that_ignores_sigterm_is_killed_after_the_grace() -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c",
        "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(60)",
        start_new_session=True,
    )
    started = time.monotonic()
    await end_process(process, 0.3)
    assert process.returncode is not None and process.returncode < 0
    assert time.monotonic() - started < 10


def test_no_token_is_a_usage_error_off_the_loopback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "scenarios", "serve", "--host", "0.0.0.0", "--no-token"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 2
    assert "--no-token" in result.stderr and "0.0.0.0" in result.stderr


def test_no_token_on_the_loopback_serves_the_page_bare(tmp_path: Path) -> None:
    with serving(tmp_path / "data", "--no-token") as served:
        assert "?token=" not in served.url
        with urllib.request.urlopen(served.base + "/", timeout=5) as response:
            assert "scenarios — jeu de crise" in response.read().decode("utf-8")


@pytest.mark.parametrize(
    ("origin", "host", "allowed"),
    [
        (None, "127.0.0.1", True),
        ("http://127.0.0.1:8000", "127.0.0.1", True),
        ("http://localhost:8000", "127.0.0.1", True),
        ("http://[::1]:8000", "127.0.0.1", True),
        ("http://127.0.0.1:8001", "127.0.0.1", False),
        ("http://evil.example:8000", "127.0.0.1", False),
        ("null", "127.0.0.1", False),
        ("http://192.168.1.5:8000", "192.168.1.5", True),
        ("http://evil.example:8000", "192.168.1.5", False),
        ("http://192.168.1.5:8000", "0.0.0.0", True),
        ("http://evil.example:8000", "0.0.0.0", False),
    ],
)
def test_origin_allowed(origin: str | None, host: str, allowed: bool) -> None:
    assert origin_allowed(origin, host, 8000, "192.168.1.5:8000") is allowed


def test_the_token_survives_textual_js_appending_its_own_query() -> None:
    assert query_of("token=abc-_9?width=120&height=40") == {
        "token": "abc-_9", "width": "120", "height": "40",
    }


async def test_served_home_opens_no_file(tmp_path: Path) -> None:
    app = localised(ScenariosApp, "fr")(lang="fr", journal_folder=tmp_path, served=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "ouvrir un fichier" not in str(app.screen.query_one("#home-hint").render())
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.post_message(DeckFileChosen(str(CRUE)))  # a path on the server, however it came
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")  # a bundled deck still opens
        await pilot.pause(0.5)
        assert isinstance(app.screen, SetupScreen)


async def test_served_home_lists_the_deck_given_on_the_command_line(tmp_path: Path) -> None:
    from scenarios.deck import load_deck

    crue = load_deck(CRUE)
    app = localised(ScenariosApp, "fr")(lang="fr", deck=crue, journal_folder=tmp_path, served=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SetupScreen)
        await pilot.press("escape")  # back home, as after a game
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        decks = app.screen.query_one("#decks")
        assert str(decks.get_option_at_index(0).prompt) == crue.title  # type: ignore[attr-defined]
        assert crue.title in str(app.screen.query_one("#deck-description").render())
        await pilot.press("enter")
        await pilot.pause(0.5)
        assert isinstance(app.screen, SetupScreen)
        assert app.screen.deck is crue  # type: ignore[attr-defined]


def test_the_port_checked_is_the_port_served(monkeypatch: pytest.MonkeyPatch) -> None:
    """No other process can take the port between the check and the first page: the
    server serves on the very socket the check bound."""
    import errno
    import socket

    from scenarios.cli import main
    from scenarios.tui.serve import GuardedServer

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    seen: list[int] = []

    def serve_on(self: GuardedServer, sock: socket.socket) -> None:
        assert sock.getsockname()[1] == port
        with socket.socket() as intruder, pytest.raises(OSError) as taken:
            intruder.bind(("127.0.0.1", port))
        seen.append(taken.value.errno or 0)
        sock.close()

    monkeypatch.setattr(GuardedServer, "serve_on", serve_on)
    assert main(["serve", "--port", str(port)]) == 0
    assert seen == [errno.EADDRINUSE]
