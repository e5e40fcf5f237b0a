"""Blocks in a terminal through rich: headings, wrapped text, lists and tables (no charts)."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console, JustifyMethod
from rich.markup import escape
from rich.table import Table as RichTable

from scenarios.i18n import Lang
from scenarios.render import blocks as b
from scenarios.render.texts import TEXTS, term

# Tables carry the figures; prose around them is dimmed.
STYLES: dict[b.ParagraphKind, str] = {
    "plain": "dim",
    "meta": "dim",
    "outcome": "bold",
    "warning": "yellow",
    "footer": "italic dim",
}


INLINE: b.InlineForms = {
    str: escape,
    b.Strong: lambda text: f"[bold]{escape(text)}[/bold]",
    b.Code: escape,
    b.Aside: escape,
}


def print_blocks(blocks: Sequence[b.Block], console: Console, lang: Lang) -> None:
    for block in blocks:
        _print(block, console, lang)


def _print(block: b.Block, console: Console, lang: Lang) -> None:
    if isinstance(block, b.Heading):
        console.print()
        if block.level == 1:
            console.rule(escape(block.text), style="bold")
        else:
            console.print(block.text, style="bold underline", markup=False)
    elif isinstance(block, b.Paragraph):
        console.print(inline(block.text), style=STYLES[block.kind])
    elif isinstance(block, b.Terms):
        for name, value in block.items:
            console.print(term(name, value, INLINE, lang))
    elif isinstance(block, b.Bullets):
        if not block.items:
            console.print(f"- {escape(block.empty)}")
        for number, item in enumerate(block.items, start=1):
            marker = f"{number}." if block.ordered else "-"
            who = f" — {escape(item.who)}" if item.who else ""
            console.print(f"{marker} {inline(item.text)}{who}")
            indent = " " * (len(marker) + 1)
            for line, style in ((item.detail, ""), (item.evidence, "italic dim")):
                if line:
                    console.print(indent + escape(line), style=style)
    elif isinstance(block, b.Quote):
        console.print(TEXTS(lang, "quote", text=block.text), markup=False, style="italic")
        console.print(f"— {block.source}", markup=False, style="dim")
    elif isinstance(block, b.Table):
        console.print(_table(block, console.width))
    elif isinstance(block, b.Markdown):
        console.print(block.text, markup=False)
    elif isinstance(block, b.Section):
        print_blocks(block.blocks, console, lang)
    # A Chart has no text form: only HTML draws it.


def inline(text: b.Phrase) -> str:
    """A phrase as rich markup: its words escaped, bold marked."""
    return b.write_phrase(text, INLINE)


def _table(block: b.Table, width: int) -> RichTable:
    """The first column wraps; the others keep to one line, figures to the right."""
    table = RichTable(box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False)
    for index, (header, numeric) in enumerate(zip(block.headers, block.numeric, strict=True)):
        if index == 0:
            table.add_column(escape(header), min_width=min(24, width // 3), ratio=1)
        else:
            justify: JustifyMethod = "right" if numeric else "left"
            table.add_column(escape(header), justify=justify, no_wrap=True)
    for row in block.rows:
        table.add_row(*(inline((c,)) for c in row))
    return table
