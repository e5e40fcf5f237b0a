"""`scenarios replay --verify JOURNAL...`: replay journals and check every hash and draw."""

from __future__ import annotations

import argparse

from scenarios.commands.output import pick, stderr, stdout
from scenarios.i18n import Lang
from scenarios.journal import JournalError, read_journal, replay


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    if not args.verify:
        stderr().print(
            pick(
                lang,
                "précisez --verify pour vérifier des journaux",
                "add --verify to check journals",
            ),
            markup=False,
        )
        return 2
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
