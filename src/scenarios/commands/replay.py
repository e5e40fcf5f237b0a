"""`scenarios replay --verify JOURNAL...`: replay journals and check every hash and draw."""

from __future__ import annotations

import argparse

from scenarios.commands.output import pick, stderr, stdout
from scenarios.i18n import Lang
from scenarios.journal import JournalError, read_journal, replay


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
    out, err = stdout(), stderr()
    try:
        content = read_journal(path)
        replayed = replay(content)
    except JournalError as error:
        err.print(f"{path}: {error.message(lang)}", style="red", markup=False)
        return False
    problem = content.damage if replayed.divergence is None else replayed.divergence
    if problem is not None:
        seq = replayed.applied + 1
        err.print(
            pick(
                lang,
                f"{path} : incohérent à partir de l'action n° {seq} — ",
                f"{path}: inconsistent from action #{seq} — ",
            )
            + problem.message(lang),
            style="red",
            markup=False,
        )
        return False
    out.print(
        pick(
            lang,
            f"{path} : cohérent, {replayed.applied} actions, état final {replayed.final.hash()}",
            f"{path}: consistent, {replayed.applied} actions, final state {replayed.final.hash()}",
        ),
        markup=False,
    )
    return True


def replay_on_screen(paths: list[str], lang: Lang) -> int:
    """Open the trainer's replay screen on one journal."""
    if len(paths) != 1:
        stderr().print(
            pick(
                lang,
                "le rejeu à l’écran ouvre un seul journal (--verify en vérifie plusieurs)",
                "the replay screen opens one journal (--verify checks several)",
            ),
            markup=False,
        )
        return 2
    from pathlib import Path

    from scenarios.journal import JournalBrowser
    from scenarios.tui.app import ScenariosApp
    from scenarios.tui.bindings import localised

    try:
        JournalBrowser(paths[0])
    except JournalError as error:
        stderr().print(f"{paths[0]}: {error.message(lang)}", style="red", markup=False)
        return 1
    localised(ScenariosApp, lang)(lang=lang, review=Path(paths[0])).run()
    return 0
