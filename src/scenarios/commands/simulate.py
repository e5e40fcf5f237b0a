"""`scenarios simulate DECK --games N`: many headless games and their summary."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from scenarios.commands.output import is_terminal, pick, report_deck_error, stderr, stdout
from scenarios.deck import DeckError, load_deck, resolve_deck
from scenarios.i18n import Lang
from scenarios.sim import PolicyError, Summary, load_policy, simulate, summarise

PROGRESS_FROM = 100


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    try:
        deck = load_deck(resolve_deck(args.deck))
    except DeckError as error:
        return report_deck_error(error, lang)
    try:
        load_policy(args.policy)
    except PolicyError as error:
        stderr().print(
            pick(lang, f"politique inconnue : {error}", f"unknown policy: {error}"), markup=False
        )
        return 2
    journals = Path(args.journals) if args.journals else None
    if is_terminal() and args.games >= PROGRESS_FROM and args.format == "text":
        with Progress(
            TextColumn(pick(lang, "Parties", "Games")),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            transient=True,
        ) as bar:
            task = bar.add_task("", total=args.games)
            results = simulate(
                deck,
                args.games,
                args.seed,
                args.policy,
                args.jobs,
                journals,
                progress=lambda n: bar.advance(task, n),
            )
    else:
        results = simulate(deck, args.games, args.seed, args.policy, args.jobs, journals)
    summary = summarise(deck, results, args.policy, args.seed)
    if args.format == "json":
        print(json.dumps(summary.to_json(), ensure_ascii=False, indent=2))
    else:
        print_summary(summary, deck.indicators, lang)
    return 0


def print_summary(summary: Summary, indicators: object, lang: Lang) -> None:
    console = stdout()
    titles = {i.id: i.title for i in indicators}  # type: ignore[attr-defined]
    console.print(
        pick(
            lang,
            f"{summary.deck_id} — {summary.games} parties, politique {summary.policy}, graine {summary.seed}",
            f"{summary.deck_id} — {summary.games} games, policy {summary.policy}, seed {summary.seed}",
        ),
        style="bold",
        markup=False,
    )
    outcomes = Table(
        pick(lang, "issue", "outcome"),
        pick(lang, "parties", "games"),
        "%",
        box=None,
        header_style="bold",
    )
    games = summary.games or 1
    for outcome, count in summary.outcomes:
        outcomes.add_row(_outcome_word(outcome, lang), str(count), f"{100 * count / games:.1f}")
    console.print(outcomes)
    endings = Table(
        pick(lang, "fin", "ending"),
        pick(lang, "parties", "games"),
        "%",
        box=None,
        header_style="bold",
    )
    for ending, count in summary.endings:
        endings.add_row(
            ending if ending != "-" else pick(lang, "(dernier tour joué)", "(last round played)"),
            str(count),
            f"{100 * count / games:.1f}",
        )
    console.print(endings)
    means = Table(
        pick(lang, "indicateur final", "final indicator"),
        pick(lang, "moyenne", "mean"),
        box=None,
        header_style="bold",
    )
    for indicator, mean in summary.mean_indicators:
        means.add_row(titles.get(indicator, indicator), f"{mean:.2f}")
    means.add_row(pick(lang, "score", "score"), f"{summary.mean_score:.2f}", style="bold")
    means.add_row(pick(lang, "tours joués", "rounds played"), f"{summary.mean_turns:.2f}")
    console.print(means)


_OUTCOMES = {
    "fr": {
        "victory": "victoire",
        "defeat": "défaite",
        "neutral": "fin neutre",
        "completed": "partie menée à son terme",
        "unfinished": "inachevée",
    },
    "en": {
        "victory": "victory",
        "defeat": "defeat",
        "neutral": "neutral ending",
        "completed": "played to the end",
        "unfinished": "unfinished",
    },
}


def _outcome_word(outcome: str, lang: Lang) -> str:
    return _OUTCOMES[lang].get(outcome, outcome)
