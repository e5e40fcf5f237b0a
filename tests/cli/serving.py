"""A real `scenarios serve` on a free loopback port, for the serve tests."""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import aiohttp
import attrs
import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@attrs.frozen
class Served:
    """A running server: its page URL as printed (token included) and its process."""

    url: str
    process: subprocess.Popen[str]

    @property
    def base(self) -> str:
        return self.url.split("?")[0].rstrip("/")

    @property
    def token(self) -> str:
        return self.url.partition("?token=")[2]

    def websocket(self, token: str | None = None, extra: str = "width=120&height=40") -> str:
        """The websocket URL the page uses, with `token` (the right one by default)."""
        token = self.token if token is None else token
        return self.base.replace("http://", "ws://") + f"/ws?token={token}?{extra}"


@contextmanager
def serving(data: Path, *args: str, command: tuple[str, ...] = ("serve",)) -> Iterator[Served]:
    """`scenarios serve --port P *args` (or another serving `command`), answering, until
    the block ends."""
    port = free_port()
    env = dict(os.environ, XDG_DATA_HOME=str(data), PYTHONUNBUFFERED="1")
    process = subprocess.Popen(
        [sys.executable, "-m", "scenarios", *command, "--port", str(port), *args],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True,
    )
    try:
        assert process.stdout is not None
        found = re.search(r"http://\S+", process.stdout.readline())
        assert found, "the server did not print its address"
        url = found.group(0)
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(url, timeout=1):
                    break
            except urllib.error.HTTPError:
                break
            except OSError:
                assert time.monotonic() < deadline, "the server never answered"
                time.sleep(0.2)
        yield Served(url, process)
    finally:
        process.terminate()
        process.wait(timeout=20)


async def refused(url: str, **headers: str) -> int:
    """The HTTP status that refuses a websocket to `url` (the test fails if it is let in)."""
    async with aiohttp.ClientSession() as client:
        with pytest.raises(aiohttp.WSServerHandshakeError) as caught:
            async with client.ws_connect(url, headers=headers):
                pass
    return caught.value.status


async def received_until(websocket: aiohttp.ClientWebSocketResponse, needle: str) -> str:
    """What the terminal receives, up to `needle` or the socket's close."""
    received = ""
    deadline = time.monotonic() + 30
    while needle not in received:
        assert time.monotonic() < deadline, received[-2000:]
        message = await asyncio.wait_for(websocket.receive(), 30)
        if message.type == aiohttp.WSMsgType.BINARY:
            received += message.data.decode("utf-8", "replace")
        elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
            break
    return received
