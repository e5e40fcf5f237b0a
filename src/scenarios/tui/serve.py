"""The app in a web browser: textual-serve runs one `scenarios play` process per connection."""

from __future__ import annotations

import socket


def check_address(host: str, port: int) -> None:
    """Bind `host:port` once and let it go: `OSError` (`socket.gaierror` for an unknown
    host) now, rather than a server that never starts."""
    socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    socket.create_server((host, port)).close()


def serve_in_browser(command: str, host: str, port: int, title: str) -> None:
    """Serve `command` on `host:port` until interrupted (check it with `check_address`)."""
    from textual_serve.server import Server

    Server(command, host=host, port=port, title=title).serve()
