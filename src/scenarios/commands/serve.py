"""`scenarios serve`: the same app in a web browser, through textual-serve.

Each browser connection starts its own `scenarios play` process, so every
table has its own game and journal. Binds to 127.0.0.1 unless told otherwise;
the page and its websocket need the token printed at start (`--no-token` only
on the loopback), and at most `--max-sessions` tables play at once.
"""

from __future__ import annotations

import argparse
import secrets
import shlex
import socket
import sys

from scenarios.commands.output import TEXTS, report_deck_error, report_os_error, say
from scenarios.deck import DeckError, load_deck, resolve_deck
from scenarios.i18n import Lang


def play_command(lang: Lang, deck: str | None) -> str:
    """The command each browser session runs."""
    parts = [sys.executable, "-m", "scenarios", "play", "--lang", lang]
    if deck:
        parts.append(deck)
    return shlex.join(parts)


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    if refused := refused_without_token(args, lang):
        return refused
    if args.deck is not None:
        try:
            load_deck(resolve_deck(args.deck))
        except DeckError as error:
            return report_deck_error(error, lang)
    return serve(play_command(lang, args.deck), args, lang)


def refused_without_token(args: argparse.Namespace, lang: Lang) -> int:
    """2 (usage) when --no-token is asked off the loopback, else 0."""
    from scenarios.tui.serve import is_loopback

    if args.no_token and not is_loopback(args.host):
        say(TEXTS(lang, "serve.no_token_remote", host=args.host), error=True, style="red")
        return 2
    return 0


def serve(command: str, args: argparse.Namespace, lang: Lang) -> int:
    """Serve `command` to browsers behind the guards (Origin, token, session cap) until
    Ctrl+C; 1 if the address cannot be listened on."""
    from scenarios.tui.serve import GuardedServer, ServeTexts, listen, page_url

    host, port = args.host, args.port
    try:
        sock = listen(host, port)
    except socket.gaierror:
        say(TEXTS(lang, "serve.unknown_host", host=host), error=True, style="red")
        return 1
    except OSError as error:
        return report_os_error("serve.cannot_listen", error, lang, host=host, port=port)
    token = None if args.no_token else secrets.token_urlsafe(24)
    url = page_url(host, port) + "/" + (f"?token={token}" if token else "")
    say(TEXTS(lang, "serve.open", url=url))
    texts = ServeTexts(
        lang=lang,
        title=TEXTS(lang, "serve.title"),
        forbidden=TEXTS(lang, "serve.forbidden"),
        full=TEXTS(lang, "serve.full"),
    )
    server = GuardedServer(
        command,
        host=host,
        port=port,
        token=token,
        max_sessions=args.max_sessions,
        texts=texts,
    )
    server.serve_on(sock)
    return 0
