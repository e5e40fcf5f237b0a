"""Blocks as Markdown (CommonMark, GitHub tables): read in a terminal through rich, or shared.

Charts are left out: a section that holds only charts is left out whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from scenarios.i18n import Lang
from scenarios.render import blocks as b
from scenarios.render.texts import TEXTS, term

# What Markdown would read as markup inside a line: emphasis, code, links, HTML, table cells.
SPECIAL = re.compile(r"([\\`*_\[\]<|])")
# A line break inside a text: it would end a table row, or start a heading or a list.
LINE_BREAKS = re.compile(r"[ \t]*(?:\r\n|[\r\n\v\f\x85\u2028\u2029])\s*")
# What Markdown would read as a block at the start of a line: heading, list, quote, fence.
BLOCK_START = re.compile(
    r"^([ \t]*)(#{1,6}(?=[ \t]|$)|[-+](?=[ \t]|$)|>|~~~|\d{1,9}(?=[.)](?:[ \t]|$)))"
)

PARAGRAPHS: dict[b.ParagraphKind, str] = {
    "plain": "{}",
    "meta": "{}",
    "outcome": "**{}**",
    "warning": "> {}",
    "footer": "*{}*",
}


def escape(text: str) -> str:
    """`text` as Markdown that shows its words as they are, on one line.

    Line breaks become spaces (as Markdown shows them), so a text can neither
    start a heading, a list or a quote of its own nor break a table.
    """
    line = SPECIAL.sub(r"\\\1", LINE_BREAKS.sub(" ", text))
    return BLOCK_START.sub(_escape_block_start, line)


def _escape_block_start(match: re.Match[str]) -> str:
    indent, marker = match.groups()
    if marker[0].isdigit():  # `12.` as a list marker: escape the dot, not a digit
        return indent + marker + "\\"
    return indent + "\\" + marker


INLINE: b.InlineForms = {
    str: escape,
    b.Strong: lambda text: f"**{escape(text)}**",
    b.Code: lambda text: f"`{text}`",  # a code span shows its characters as they are
    b.Aside: escape,
}


def markdown(blocks: Sequence[b.Block], lang: Lang) -> str:
    """The blocks one after the other, a blank line between two."""
    return "\n\n".join(_chunks(blocks, lang)) + "\n"


def _chunks(blocks: Sequence[b.Block], lang: Lang) -> Iterator[str]:
    for block in blocks:
        text = _block(block, lang)
        if text:
            yield text


def _block(block: b.Block, lang: Lang) -> str:
    if isinstance(block, b.Heading):
        return "#" * block.level + " " + escape(block.text)
    if isinstance(block, b.Paragraph):
        return PARAGRAPHS[block.kind].format(inline(block.text))
    if isinstance(block, b.Terms):
        return "\n".join("- " + term(name, value, INLINE, lang) for name, value in block.items)
    if isinstance(block, b.Bullets):
        if not block.items:
            return f"- {escape(block.empty)}"
        return "\n".join(
            _item(item, f"{n}." if block.ordered else "-")
            for n, item in enumerate(block.items, start=1)
        )
    if isinstance(block, b.Quote):
        quoted = TEXTS(lang, "quote", text=escape(block.text))
        return f"> {quoted} — {escape(block.source)}"
    if isinstance(block, b.Table):
        return _table(block)
    if isinstance(block, b.Chart):
        return ""
    if isinstance(block, b.Markdown):
        return block.text.replace("<", "&lt;")  # Markdown as written, raw HTML as text
    if all(isinstance(inner, (b.Heading, b.Chart)) for inner in block.blocks):
        return ""
    return "\n\n".join(_chunks(block.blocks, lang))


def inline(text: b.Phrase) -> str:
    """A phrase as Markdown: its words escaped, bold and code marked."""
    return b.write_phrase(text, INLINE)


def _item(item: b.Item, marker: str) -> str:
    """`marker` and the item's words; its detail and evidence below, indented under them."""
    indent = " " * (len(marker) + 1)
    lines = [f"{marker} {inline(item.text)}" + (f" — {escape(item.who)}" if item.who else "")]
    if item.detail:
        lines.append(indent + escape(item.detail))
    if item.evidence:
        lines.append(f"{indent}*{escape(item.evidence)}*")
    return "\n".join(lines)


def _table(table: b.Table) -> str:
    def row(cells: Sequence[b.Cell]) -> str:
        return "| " + " | ".join(inline((c,)) for c in cells) + " |"

    lines = [row(table.headers)]
    lines.append("|" + "|".join("---:" if n else "---" for n in table.numeric) + "|")
    lines += [row(r) for r in table.rows]
    return "\n".join(lines)
