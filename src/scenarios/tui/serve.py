"""The app in a web browser: textual-serve runs one `scenarios play` process per connection."""

from __future__ import annotations


def serve_in_browser(command: str, host: str, port: int, title: str) -> None:
    """Serve `command` on `host:port` until interrupted."""
    from textual_serve.server import Server

    Server(command, host=host, port=port, title=title).serve()
