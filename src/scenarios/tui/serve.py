"""The app in a web browser: textual-serve runs one `scenarios play` process per connection.

textual-serve alone lets any web page open a session (no Origin check), anyone
on the network in (no token), as many processes start as connections come, and
a child may outlive its socket. `GuardedServer` wraps its aiohttp app: a
foreign Origin or a wrong token gets a 403, sessions beyond the cap get a
clear message, and each session's process group is ended with its socket.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import html
import logging
import os
import shlex
import signal
import socket
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import aiohttp_jinja2
import attrs
from aiohttp import WSCloseCode, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from scenarios.tui import SERVED_ENV

log = logging.getLogger("scenarios.serve")

LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})
WILDCARD = frozenset({"0.0.0.0", "::", ""})
GRACE_SECONDS = 3.0


def is_loopback(host: str) -> bool:
    """Whether `host` only listens on this machine."""
    return host.strip("[]").lower() in LOOPBACK


def page_url(host: str, port: int) -> str:
    """`http://host:port`, an IPv6 address in brackets."""
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def listen(host: str, port: int) -> socket.socket:
    """Bind and listen on `host:port` now: `OSError` (`socket.gaierror` for an unknown host)
    rather than a server that never starts. The server then serves on this very socket,
    so no other process can take the port between this check and the first page."""
    family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    return socket.create_server((host, port), family=family)


@attrs.frozen
class ServeTexts:
    """What the server says to browsers, already in the reader's language."""

    lang: str
    title: str
    forbidden: str
    full: str


def query_of(query_string: str) -> dict[str, str]:
    """The parameters of a request, first value each.

    textual.js appends `?width=…&height=…` to the websocket URL it is given,
    which already holds `?token=…`: a `?` also separates parameters (a token
    from `secrets.token_urlsafe` never holds one)."""
    parsed = parse_qs(query_string.replace("?", "&"), keep_blank_values=True)
    return {name: values[0] for name, values in parsed.items()}


def origin_allowed(origin: str | None, host: str, port: int, request_host: str) -> bool:
    """A browser's websocket comes from the served page, or it is refused.

    No Origin is a non-browser client, which could send any; the token stands
    against those. A loopback server accepts each loopback name; one listening
    on every address accepts the host the browser asked for."""
    if origin is None:
        return True
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or parts.hostname is None:
        return False
    try:
        origin_port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return False
    origin_host = parts.hostname.lower()
    if host in WILDCARD:
        return parts.netloc.lower() == request_host.lower()
    if is_loopback(host):
        return is_loopback(origin_host) and origin_port == port
    return origin_host == host.strip("[]").lower() and origin_port == port


async def end_process(process: asyncio.subprocess.Process, grace: float) -> None:
    """Wait `grace` seconds for `process` to quit, then end its group: SIGTERM, then SIGKILL."""
    for signum in (signal.SIGTERM, signal.SIGKILL):
        try:
            await asyncio.wait_for(process.wait(), grace)
            return
        except TimeoutError:
            pass
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signum)
    await process.wait()


class GuardedAppService(AppService):
    """One session's process: started without a shell in its own process group, told it
    is served, and ended with its socket whatever it is doing."""

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width, height)
        environment[SERVED_ENV] = "1"
        return environment

    async def _open_app_process(
        self, width: int = 80, height: int = 24
    ) -> asyncio.subprocess.Process:
        self._process = process = await asyncio.create_subprocess_exec(
            *shlex.split(self.command),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width=width, height=height),
            start_new_session=True,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    async def stop(self) -> None:
        """Ask the app to quit, and end its process group if it has not within the grace."""
        if self._task is None:
            return
        task, self._task = self._task, None
        await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        with contextlib.suppress(OSError):
            await self.send_meta({"type": "quit"})
        if self._process is not None:
            await end_process(self._process, GRACE_SECONDS)
        await task


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class GuardedServer(Server):
    """textual-serve's server with an Origin check, an access token and a session cap."""

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        token: str | None,
        max_sessions: int,
        texts: ServeTexts,
    ) -> None:
        super().__init__(
            command, host=host, port=port, title=texts.title, public_url=page_url(host, port)
        )
        self.token = token
        self.max_sessions = max_sessions
        self.texts = texts
        self.sessions: set[GuardedAppService] = set()

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self.guard)
        return app

    def serve_on(self, sock: socket.socket) -> None:
        """Serve on `sock`, bound by `listen`, until Ctrl+C or SIGTERM (textual-serve's
        `serve` binds the port anew, which another process may have taken meanwhile)."""
        self.debug = False
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        for signum in (signal.SIGINT, signal.SIGTERM):
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(signum, self.request_exit)
        web.run_app(
            self._make_app(), sock=sock, handle_signals=False, loop=loop, print=lambda *_: None
        )

    def _page(self, status: int, message: str) -> web.Response:
        body = (
            f'<!DOCTYPE html><html lang="{self.texts.lang}"><head><meta charset="utf-8">'
            f"<title>{html.escape(self.texts.title)}</title></head>"
            f"<body><p>{html.escape(message)}</p></body></html>"
        )
        return web.Response(status=status, text=body, content_type="text/html")

    def _token_ok(self, request: web.Request) -> bool:
        if self.token is None:
            return True
        given = query_of(request.query_string).get("token", "")
        return hmac.compare_digest(given.encode(), self.token.encode())

    @web.middleware
    async def guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Static files are public; everything else needs the right Origin and token."""
        if request.path.startswith("/static/"):
            return await handler(request)
        origin = request.headers.get("Origin")
        if not origin_allowed(origin, self.host, self.port, request.host) or not (
            self._token_ok(request)
        ):
            return self._page(403, self.texts.forbidden)
        return await handler(request)

    async def on_startup(self, app: web.Application) -> None:
        """Silent: the command has already said where to go."""

    async def on_shutdown(self, app: web.Application) -> None:
        await asyncio.gather(*(service.stop() for service in list(self.sessions)))

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        """The page, its websocket URL carrying the token."""
        if len(self.sessions) >= self.max_sessions:
            return self._page(503, self.texts.full)
        websocket_url = "ws" + self.public_url.removeprefix("http") + "/ws"
        if self.token is not None:
            websocket_url += f"?token={self.token}"
        context: dict[str, Any] = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": websocket_url,
            "config": {"static": {"url": f"{self.public_url}/static/"}},
            "application": {"name": self.title},
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One session, if there is room: its process lives as long as its socket."""
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        if len(self.sessions) >= self.max_sessions:
            await websocket.send_bytes(f"\r\n  {self.texts.full}\r\n".encode())
            await websocket.close(code=WSCloseCode.TRY_AGAIN_LATER, message=b"full")
            return websocket
        query = query_of(request.query_string)

        async def close() -> None:
            await websocket.close()

        service = GuardedAppService(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.download_manager,
        )
        self.sessions.add(service)
        try:
            await service.start(
                to_int(query.get("width", "80"), 80), to_int(query.get("height", "24"), 24)
            )
            await self._process_messages(websocket, service)
        except Exception as error:  # a broken client must not stop the server
            log.warning("session ended: %r", error)
        finally:
            try:
                await service.stop()
            finally:
                self.sessions.discard(service)
                await websocket.close()
        return websocket
