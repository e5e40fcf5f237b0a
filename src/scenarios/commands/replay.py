"""`scenarios replay --verify JOURNAL...`: replay journals and check every hash and draw."""

from __future__ import annotations

import argparse

from scenarios.commands.output import TEXTS, say
from scenarios.i18n import Lang
from scenarios.journal import JournalError, replay, stream_journal


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    if not args.verify:
        return replay_on_screen(args.journals, lang)
    ok = True
    for path in args.journals:
        ok = verify(path, lang) and ok
    return 0 if ok else 1


def verify(path: str, lang: Lang) -> bool:
    """Replay one journal; print its final hash, or where and why it diverges."""
    try:
        with stream_journal(path) as content:
            replayed = replay(content)  # one entry and one state at a time
    except JournalError as error:
        say(f"{path}: {error.message(lang)}", error=True, style="red")
        return False
    problem = content.damage if replayed.divergence is None else replayed.divergence
    if problem is not None:
        seq = replayed.applied + 1
        text = TEXTS(lang, "replay.diverges", path=path, seq=seq, problem=problem.message(lang))
        say(text, error=True, style="red")
        return False
    final = replayed.final_hash
    say(TEXTS(lang, "replay.consistent", count=replayed.applied, path=path, hash=final))
    if content.header.format == 1:
        say(TEXTS(lang, "replay.format_1", path=path))
    return True


def replay_on_screen(paths: list[str], lang: Lang) -> int:
    """Open the trainer's replay screen on one journal."""
    if len(paths) != 1:
        say(TEXTS(lang, "replay.one_journal"), error=True)
        return 2
    from pathlib import Path

    from scenarios.journal import JournalBrowser
    from scenarios.tui.app import ScenariosApp
    from scenarios.tui.bindings import localised

    try:
        JournalBrowser(paths[0])
    except JournalError as error:
        say(f"{paths[0]}: {error.message(lang)}", error=True, style="red")
        return 1
    localised(ScenariosApp, lang)(lang=lang, review=Path(paths[0])).run()
    return 0
