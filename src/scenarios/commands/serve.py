"""`scenarios serve`: the same app in a web browser, through textual-serve.

Each browser connection starts its own `scenarios play` process, so every
table has its own game and journal. Binds to 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import argparse
import shlex
import sys

from scenarios.commands.output import TEXTS, say
from scenarios.i18n import Lang


def play_command(lang: Lang, deck: str | None) -> str:
    """The command each browser session runs."""
    parts = [sys.executable, "-m", "scenarios", "play", "--lang", lang]
    if deck:
        parts.append(deck)
    return shlex.join(parts)


def run(args: argparse.Namespace) -> int:
    from scenarios.tui.serve import serve_in_browser

    lang: Lang = args.lang
    title = TEXTS(lang, "serve.title")
    say(TEXTS(lang, "serve.open", host=args.host, port=args.port))
    serve_in_browser(play_command(lang, args.deck), args.host, args.port, title)
    return 0
