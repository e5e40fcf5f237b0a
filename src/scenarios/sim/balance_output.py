"""The balance report as rich tables in a terminal, Markdown, standalone HTML with charts, JSON.

The report is first laid out once as a list of blocks (headings, text,
tables, charts); `scenarios.render` writes them in each format, so the three
views always say the same thing.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from rich.console import Console

from scenarios.deck import Deck
from scenarios.deck.kinds import KINDS, kind_label
from scenarios.deck.model import outcome_word
from scenarios.i18n import Lang, Texts, decimal
from scenarios.render.blocks import (
    Block,
    Bullets,
    Chart,
    Heading,
    Item,
    Paragraph,
    Strong,
    Table,
    Terms,
)
from scenarios.render.charts import Bar, bar_chart, histogram
from scenarios.render.html import page
from scenarios.render.json_text import json_document
from scenarios.render.markdown import markdown
from scenarios.render.terminal import print_blocks
from scenarios.sim.balance import BalanceReport, Effect, PolicyBalance, Spread
from scenarios.sim.lessons import sentence
from scenarios.sim.summary import NO_ENDING

LABELS = Texts("balance")


def label(lang: Lang, key: str, **params: object) -> str:
    return LABELS.format(lang, key, params)


def _titles(deck: Deck) -> dict[str, str]:
    titles = {c.id: c.title for c in deck.cards}
    titles.update({e.id: e.title for e in deck.endings})
    titles.update({r.id: r.title for r in deck.recommendations})
    titles.update({i.id: i.title for i in deck.indicators})
    for card in deck.cards:
        titles.update({f"{card.id}/{o.id}": f"{card.title} → {o.title}" for o in card.options})
    return titles


def _signed(value: float | None, lang: Lang) -> str:
    if value is None:
        return "—"
    value = round(value, 2)
    text = decimal(abs(value), lang)
    return f"+{text}" if value > 0 else f"−{text}" if value < 0 else "0"


def _percent(share: float, lang: Lang) -> str:
    return f"{decimal(round(100 * share, 1), lang)} %"


def _verdict(effect: Effect, lang: Lang) -> str:
    return label(lang, effect.verdict) if effect.verdict else ""


def _spread_row(name: str, spread: Spread, lang: Lang) -> tuple[str, ...]:
    values = (spread.low, spread.q1, spread.median, spread.q3, spread.high, spread.mean)
    return (name, *(decimal(v, lang) for v in values))


def _policy_blocks(policy: PolicyBalance, deck: Deck, lang: Lang) -> list[Block]:
    titles = _titles(deck)
    games = policy.games or 1

    def said(outcome: str) -> str:  # in neutral words when the deck asks for them
        return outcome_word(outcome, deck.neutral_outcomes)

    blocks: list[Block] = [Heading(2, label(lang, "policy", policy=policy.policy))]
    blocks.append(
        Table(
            (label(lang, "outcome"), label(lang, "games"), "%"),
            tuple(
                (label(lang, said(o)), str(n), _percent(n / games, lang))
                for o, n in policy.outcomes
            ),
            (False, True, True),
        )
    )
    blocks.append(
        Table(
            (label(lang, "ending"), label(lang, "games"), "%"),
            tuple(
                (
                    label(lang, "last_round") if e == NO_ENDING else titles.get(e, e),
                    str(n),
                    _percent(n / games, lang),
                )
                for e, n in policy.endings
            ),
            (False, True, True),
        )
    )
    share = decimal(round(100 * policy.before_last_phase / games, 1), lang)
    blocks.append(Paragraph(label(lang, "early", count=policy.before_last_phase, share=share)))
    blocks.append(
        Chart(histogram([(str(t), n) for t, n in policy.end_turns], label(lang, "end_turns")))
    )
    blocks.append(
        Table(
            (label(lang, "end_turns"), *(str(t) for t, _ in policy.end_turns)),
            ((label(lang, "games"), *(str(n) for _, n in policy.end_turns)),),
            (False, *(True for _ in policy.end_turns)),
        )
    )
    blocks.append(
        Table(
            (
                label(lang, "indicator"),
                "min",
                "Q1",
                label(lang, "median"),
                "Q3",
                "max",
                label(lang, "mean"),
            ),
            (
                *(_spread_row(titles.get(i, i), s, lang) for i, s in policy.indicators),
                _spread_row(label(lang, "score"), policy.score, lang),
            ),
            (False, True, True, True, True, True, True),
        )
    )
    ranked = sorted(policy.cards, key=lambda e: (-(e.difference or 0), e.subject))
    bars = [
        Bar(titles.get(e.subject, e.subject), e.difference, _verdict(e, lang))
        for e in ranked
        if e.difference is not None
    ]
    if bars:
        blocks.append(Chart(bar_chart(bars, label(lang, "effect_title"), lang)))
    blocks.append(
        Table(
            (
                label(lang, "card"),
                label(lang, "type"),
                label(lang, "happened"),
                label(lang, "could"),
                label(lang, "effect"),
                label(lang, "size"),
                label(lang, "verdict"),
            ),
            tuple(
                (
                    titles.get(e.subject, e.subject),
                    kind_label(lang, e.kind),
                    _percent(e.rate, lang),
                    _percent(e.chance, lang) if KINDS[e.kind].held else "—",
                    _signed(e.difference, lang),
                    _signed(e.size, lang),
                    _verdict(e, lang),
                )
                for e in ranked
            ),
            (False, False, True, True, True, True, False),
        )
    )
    if policy.options:
        blocks.append(
            Table(
                (
                    label(lang, "option"),
                    label(lang, "chosen"),
                    label(lang, "mean_score"),
                    label(lang, "verdict"),
                ),
                tuple(
                    (
                        titles.get(e.subject, e.subject),
                        _percent(e.rate, lang),
                        "—" if e.with_mean is None else decimal(round(e.with_mean, 2), lang),
                        _verdict(e, lang),
                    )
                    for e in policy.options
                ),
                (False, True, True, False),
            )
        )
    return blocks


def _lesson_blocks(report: BalanceReport, deck: Deck, lang: Lang) -> list[Block]:
    """Each lesson under each of its policies, held or not, with the figures; those that do
    not hold first, in bold."""
    if not report.lessons:
        return []
    ordered = sorted(report.lessons, key=lambda check: (check.held, check.index))
    return [
        Heading(2, label(lang, "lesson.heading")),
        Paragraph(label(lang, "lesson.intro")),
        Bullets(
            tuple(
                Item(
                    sentence(deck, check, lang)
                    if check.held
                    else Strong(sentence(deck, check, lang))
                )
                for check in ordered
            )
        ),
    ]


def _coverage_blocks(report: BalanceReport, deck: Deck, lang: Lang) -> list[Block]:
    titles = _titles(deck)

    def listed(ids: Sequence[str]) -> str:
        return ", ".join(titles.get(i, i) for i in ids) or label(lang, "none")

    blocks: list[Block] = [Heading(2, label(lang, "coverage"))]
    blocks.append(
        Terms(
            (
                (label(lang, "never_seen"), listed(report.never_seen)),
                (label(lang, "endings_never"), listed(report.endings_never)),
                (label(lang, "rules_never"), listed(report.rules_never)),
                (label(lang, "rules_always"), listed(report.rules_always)),
            )
        )
    )
    if report.rule_rates:
        blocks.append(
            Table(
                (label(lang, "recommendation"), label(lang, "given")),
                tuple((titles.get(r, r), _percent(rate, lang)) for r, rate in report.rule_rates),
                (False, True),
            )
        )
    return blocks


def balance_blocks(report: BalanceReport, deck: Deck, lang: Lang = "fr") -> list[Block]:
    """The whole report, laid out once for every format."""
    if not report.assessed:  # a discussion exercise: nothing to balance
        return [
            Heading(1, label(lang, "title", deck=report.deck_title)),
            Paragraph(label(lang, "not_assessed")),
            *_coverage_blocks(report, deck, lang),
        ]
    games = report.policies[0].games if report.policies else 0
    blocks: list[Block] = [
        Heading(1, label(lang, "title", deck=report.deck_title)),
        Paragraph(LABELS(lang, "intro", count=games, seed=report.seed)),
        Paragraph(label(lang, "verdicts")),
    ]
    blocks += _lesson_blocks(report, deck, lang)
    for policy in report.policies:
        blocks += _policy_blocks(policy, deck, lang)
    return blocks + _coverage_blocks(report, deck, lang)


def balance_markdown(report: BalanceReport, deck: Deck, lang: Lang = "fr") -> str:
    return markdown(balance_blocks(report, deck, lang), lang)


def balance_html(report: BalanceReport, deck: Deck, lang: Lang = "fr") -> str:
    """The same blocks, with a histogram of ending rounds and per-card effect bars."""
    return page(balance_blocks(report, deck, lang), lang)


def print_balance(report: BalanceReport, deck: Deck, console: Console, lang: Lang = "fr") -> None:
    """The report in a terminal: headings, wrapped text and rich tables (no charts)."""
    print_blocks(balance_blocks(report, deck, lang), console, lang)


def balance_json(report: BalanceReport) -> str:
    """Every number of the report, ids not titles, for tools and tests."""
    return json_document(attrs.asdict(report))
