"""The balance report as rich tables in a terminal, Markdown, standalone HTML with charts, JSON.

The report is first laid out once as a list of blocks (headings, text,
tables, charts); each format only renders blocks, so the three views always
say the same thing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape

import attrs
from rich import box
from rich.console import Console
from rich.markup import escape as escape_markup
from rich.table import Table as RichTable

from scenarios.charts import Bar, bar_chart, histogram
from scenarios.deck import Deck
from scenarios.deck.kinds import KINDS, kind_label
from scenarios.htmlpage import page
from scenarios.i18n import Lang, Texts, decimal
from scenarios.sim.balance import BalanceReport, Effect, PolicyBalance, Spread

LABELS = Texts("balance")


def label(lang: Lang, key: str, **params: object) -> str:
    return LABELS.format(lang, key, params)


# Blocks ----------------------------------------------------------------------


@attrs.frozen
class Heading:
    level: int
    text: str


@attrs.frozen
class Text:
    text: str


@attrs.frozen
class Items:
    """Labelled lines: a bold label, then its value."""

    items: tuple[tuple[str, str], ...]


@attrs.frozen
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[bool, ...]  # right-aligned columns


@attrs.frozen
class Chart:
    """An inline SVG: only the HTML view draws it."""

    svg: str


Block = Heading | Text | Items | Table | Chart


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
    blocks: list[Block] = [Heading(2, label(lang, "policy", policy=policy.policy))]
    blocks.append(
        Table(
            (label(lang, "outcome"), label(lang, "games"), "%"),
            tuple((label(lang, o), str(n), _percent(n / games, lang)) for o, n in policy.outcomes),
            (False, True, True),
        )
    )
    blocks.append(
        Table(
            (label(lang, "ending"), label(lang, "games"), "%"),
            tuple(
                (
                    label(lang, "last_round") if e == "-" else titles.get(e, e),
                    str(n),
                    _percent(n / games, lang),
                )
                for e, n in policy.endings
            ),
            (False, True, True),
        )
    )
    share = decimal(round(100 * policy.before_last_phase / games, 1), lang)
    blocks.append(Text(label(lang, "early", count=policy.before_last_phase, share=share)))
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
        blocks.append(Chart(bar_chart(bars, label(lang, "effect_title"))))
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


def _coverage_blocks(report: BalanceReport, deck: Deck, lang: Lang) -> list[Block]:
    titles = _titles(deck)

    def listed(ids: Sequence[str]) -> str:
        return ", ".join(titles.get(i, i) for i in ids) or label(lang, "none")

    blocks: list[Block] = [Heading(2, label(lang, "coverage"))]
    blocks.append(
        Items(
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
    games = report.policies[0].games if report.policies else 0
    blocks: list[Block] = [
        Heading(1, label(lang, "title", deck=report.deck_title)),
        Text(label(lang, "intro", games=games, seed=report.seed)),
        Text(label(lang, "verdicts")),
    ]
    for policy in report.policies:
        blocks += _policy_blocks(policy, deck, lang)
    return blocks + _coverage_blocks(report, deck, lang)


# Renderers -----------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def balance_markdown(report: BalanceReport, deck: Deck, lang: Lang = "fr") -> str:
    lines: list[str] = []
    colon = "\u00a0:" if lang == "fr" else ":"
    for block in balance_blocks(report, deck, lang):
        if isinstance(block, Heading):
            lines += ["#" * block.level + " " + block.text, ""]
        elif isinstance(block, Text):
            lines += [block.text, ""]
        elif isinstance(block, Items):
            lines += [f"- **{name}**{colon} {value}" for name, value in block.items] + [""]
        elif isinstance(block, Table):
            lines.append("| " + " | ".join(_cell(h) for h in block.headers) + " |")
            lines.append("|" + "|".join("---:" if n else "---" for n in block.numeric) + "|")
            lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
            lines.append("")
    return "\n".join(lines)


def balance_html(report: BalanceReport, deck: Deck, lang: Lang = "fr") -> str:
    """The same blocks, with a histogram of ending rounds and per-card effect bars."""
    body: list[str] = []
    for block in balance_blocks(report, deck, lang):
        if isinstance(block, Heading):
            body.append(f"<h{block.level}>{escape(block.text)}</h{block.level}>")
        elif isinstance(block, Text):
            body.append(f"<p>{escape(block.text)}</p>")
        elif isinstance(block, Items):
            items = "".join(
                f"<li><strong>{escape(name)}</strong>\u00a0: {escape(value)}</li>"
                if lang == "fr"
                else f"<li><strong>{escape(name)}</strong>: {escape(value)}</li>"
                for name, value in block.items
            )
            body.append(f"<ul>{items}</ul>")
        elif isinstance(block, Table):
            head = "".join(f"<th>{escape(h)}</th>" for h in block.headers)
            rows = "".join(
                "<tr>"
                + "".join(
                    f'<td class="num">{escape(c)}</td>' if n else f"<td>{escape(c)}</td>"
                    for c, n in zip(row, block.numeric, strict=True)
                )
                + "</tr>"
                for row in block.rows
            )
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        else:
            body.append(block.svg)
    return page(label(lang, "title", deck=report.deck_title), body, lang)


def print_balance(report: BalanceReport, deck: Deck, console: Console, lang: Lang = "fr") -> None:
    """The report in a terminal: headings, wrapped text and rich tables (no charts)."""
    colon = "\u00a0:" if lang == "fr" else ":"
    for block in balance_blocks(report, deck, lang):
        if isinstance(block, Heading):
            console.print()
            if block.level == 1:
                console.rule(escape_markup(block.text), style="bold")
            else:
                console.print(block.text, style="bold underline", markup=False)
        elif isinstance(block, Text):
            console.print(block.text, markup=False, style="dim")
        elif isinstance(block, Items):
            for name, value in block.items:
                console.print(f"[bold]{escape_markup(name)}[/bold]{colon} {escape_markup(value)}")
        elif isinstance(block, Table):
            table = RichTable(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
            for index, (header, numeric) in enumerate(
                zip(block.headers, block.numeric, strict=True)
            ):
                if index == 0:
                    table.add_column(header, min_width=min(24, console.width // 3), ratio=1)
                else:
                    table.add_column(header, justify="right" if numeric else "left", no_wrap=True)
            for row in block.rows:
                table.add_row(*row)
            console.print(table)


def balance_json(report: BalanceReport) -> str:
    """Every number of the report, ids not titles, for tools and tests."""
    return json.dumps(attrs.asdict(report), ensure_ascii=False, indent=2) + "\n"
