"""`scenarios simulate DECK --games N`: many headless games, their summary or a balance report.

With several `--policy`, each policy plays the same N games (same seeds) so
their results compare; with `--journals`, each policy then writes into its
own sub-folder.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from scenarios.commands.files import check_writable, write_document
from scenarios.commands.output import (
    TEXTS,
    is_terminal,
    report_deck_error,
    report_os_error,
    say,
    stdout,
)
from scenarios.deck import Deck, DeckError, Indicator, load_deck, resolve_deck
from scenarios.deck.model import outcome_word
from scenarios.deck.variables import with_variables
from scenarios.i18n import Lang, decimal
from scenarios.journal import JournalError
from scenarios.render.json_text import json_document
from scenarios.sim import (
    BUILTIN_POLICIES,
    GameResult,
    PolicyError,
    Summary,
    load_policy,
    simulate,
    summarise,
)
from scenarios.sim.balance import BalanceReport, balance_report
from scenarios.sim.balance_output import (
    balance_html,
    balance_json,
    balance_markdown,
    print_balance,
)
from scenarios.sim.balance_output import label as balance_label
from scenarios.sim.summary import NO_ENDING

PROGRESS_FROM = 100


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    try:
        # Its texts as the reports show them: the variables at their defaults.
        deck = with_variables(load_deck(resolve_deck(args.deck)))
    except DeckError as error:
        return report_deck_error(error, lang)
    policies = args.policy or (list(BUILTIN_POLICIES) if args.report else ["random"])
    for name in policies:
        try:
            load_policy(name)
        except PolicyError as error:
            say(TEXTS(lang, "simulate.unknown_policy", error=error), error=True)
            return 2
    if args.report and args.output:
        try:
            check_writable(args.output)
        except OSError as error:
            return report_os_error("file.cannot_write", error, lang, path=args.output)
    journals = Path(args.journals) if args.journals else None
    try:
        if journals is not None:
            check_writable(journals / "journal.jsonl", make_folders=True)
        runs = play_all(deck, policies, args, journals, lang)
    except OSError as error:
        return report_os_error("simulate.journals_unusable", error, lang, path=journals)
    except JournalError as error:  # the disk filled up during the games
        say(error.message(lang), error=True, style="red")
        return 1
    if args.report:
        return write_report(balance_report(deck, runs, args.seed), deck, args, lang)
    summaries = [summarise(deck, results, name, args.seed) for name, results in runs.items()]
    if args.format == "json":
        data = [summary.to_json() for summary in summaries]
        sys.stdout.write(json_document(data[0] if len(data) == 1 else data))
    else:
        for summary in summaries:
            print_summary(summary, deck.indicators, lang, deck.neutral_outcomes)
    return 0


def play_all(
    deck: Deck, policies: list[str], args: argparse.Namespace, journals: Path | None, lang: Lang
) -> dict[str, list[GameResult]]:
    """Every policy's games, with a progress bar when it takes a while on a terminal."""

    def folder(name: str) -> Path | None:
        if journals is None or len(policies) == 1:
            return journals
        return journals / name.replace(":", "-")

    total = args.games * len(policies)
    quiet = args.format == "json" or (args.report in ("md", "html", "json") and not args.output)
    if not is_terminal() or total < PROGRESS_FROM or quiet:
        return {
            name: simulate(deck, args.games, args.seed, name, args.jobs, folder(name), lang=lang)
            for name in policies
        }
    runs = {}
    with Progress(
        TextColumn(TEXTS(lang, "simulate.progress")),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        transient=True,
    ) as bar:
        task = bar.add_task("", total=total)
        for name in policies:
            bar.update(task, description=name)
            runs[name] = simulate(
                deck,
                args.games,
                args.seed,
                name,
                args.jobs,
                folder(name),
                progress=lambda n: bar.advance(task, n),
                lang=lang,
            )
    return runs


def write_report(report: BalanceReport, deck: Deck, args: argparse.Namespace, lang: Lang) -> int:
    """The balance report on the terminal (rich tables), or as md/html/json, or to `--output`."""
    fmt = "md" if args.report == "text" and args.output else args.report
    if fmt == "text":
        print_balance(report, deck, stdout(), lang)
        return 0
    if fmt == "html":
        text = balance_html(report, deck, lang)
    elif fmt == "json":
        text = balance_json(report)
    else:
        text = balance_markdown(report, deck, lang)
    if not args.output:
        sys.stdout.write(text)
        return 0
    return write_document(args.output, text, lang, "simulate.written", notice_on_stderr=True)


def print_summary(
    summary: Summary, indicators: Sequence[Indicator], lang: Lang, neutral: bool = False
) -> None:
    """The games' outcomes, endings and final indicators; outcomes in neutral words when
    the deck asks for them (`outcome_words: neutral`)."""
    console = stdout()
    titles = {i.id: i.title for i in indicators}
    heading = TEXTS(
        lang,
        "simulate.summary",
        count=summary.games,
        deck=summary.deck_id,
        policy=summary.policy,
        seed=summary.seed,
    )
    console.print(heading, style="bold", markup=False)
    if not summary.assessed:  # a discussion exercise: no outcome, no score
        console.print(balance_label(lang, "not_assessed"), markup=False)
    last_round = balance_label(lang, "last_round")
    for heading, counts in (
        ()
        if not summary.assessed
        else (
            (
                "outcome",
                [(balance_label(lang, outcome_word(o, neutral)), n) for o, n in summary.outcomes],
            ),
            ("ending", [(last_round if e == NO_ENDING else e, n) for e, n in summary.endings]),
        )
    ):
        table = _table(balance_label(lang, heading), balance_label(lang, "games"), "%")
        games = summary.games or 1
        for name, count in counts:
            table.add_row(Text(name), str(count), decimal(100 * count / games, lang, 1))
        console.print(table)
    # A discussion exercise may have no indicator: the table then has only the rounds played.
    first = balance_label(lang, "indicator") if summary.mean_indicators else ""
    means = _table(first, balance_label(lang, "mean"))
    for indicator, mean in summary.mean_indicators:
        means.add_row(Text(titles.get(indicator, indicator)), decimal(mean, lang))
    if summary.assessed:
        score = decimal(summary.mean_score, lang)
        means.add_row(balance_label(lang, "score"), score, style="bold")
    means.add_row(TEXTS(lang, "simulate.rounds_played"), decimal(summary.mean_turns, lang))
    console.print(means)


def _table(*headers: str) -> Table:
    return Table(*headers, box=None, header_style="bold")
