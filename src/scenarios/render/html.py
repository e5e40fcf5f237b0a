"""Blocks as one standalone HTML page: inline styles, no script, printable on A4."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from scenarios.i18n import Lang
from scenarios.render import blocks as b
from scenarios.render.texts import term

STYLE = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a;
  max-width: 52rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; }
h1 { font-size: 1.6rem; border-bottom: 3px solid #0072B2; padding-bottom: .3rem; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.05rem; margin-bottom: .3rem; }
.meta { color: #444; }
.outcome { font-weight: 600; font-size: 1.1rem; }
.warning { background: #fff3cd; border-left: 4px solid #E69F00; padding: .5rem .8rem; }
ul.findings { padding-left: 0; list-style: none; }
ul.findings li { border-left: 4px solid #999; padding: .2rem .7rem; margin: .4rem 0; }
ul.findings.strengths li { border-color: #009E73; }
ul.findings.improvements li { border-color: #D55E00; }
.evidence { display: block; color: #555; font-size: .88rem; }
ol.recommendations li { margin: .6rem 0; }
.who { color: #333; font-size: .92rem; }
.badge { display: inline-block; font-size: .78rem; padding: 0 .4rem; border-radius: 3px;
  border: 1px solid #888; margin-right: .3rem; }
.badge.high { border-color: #D55E00; color: #A04000; font-weight: 700; }
blockquote { margin: .5rem 0; padding: .2rem .8rem; border-left: 3px solid #56B4E9;
  color: #333; font-style: italic; }
blockquote cite { display: block; font-style: normal; font-size: .85rem; color: #555; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .92rem; }
th, td { border: 1px solid #ccc; padding: .25rem .45rem; text-align: left; vertical-align: top; }
th { background: #f0f4f8; }
td.num { text-align: right; }
div.table { overflow-x: auto; }
div.table.wide { width: min(100vw - 3rem, 110rem);
  margin-left: calc(50% - min(50vw - 1.5rem, 55rem)); }
svg.chart { width: 100%; height: auto; max-width: 40rem; }
svg .chart-title { font: 600 13px system-ui, sans-serif; }
svg .axis { font: 11px system-ui, sans-serif; fill: #555; }
svg .label { font: 12px system-ui, sans-serif; }
svg .grid { stroke: #ddd; stroke-width: 1; }
.kit { border: 2px solid #0072B2; padding: .5rem 1rem; border-radius: 6px; }
footer { margin-top: 2rem; color: #666; font-size: .85rem; }
@media print {
  @page { size: A4; margin: 15mm; }
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  div.table { overflow: visible; }
  div.table.wide { width: auto; margin-left: 0; }
  h2 { break-after: avoid; }
  section, li, blockquote, tr, svg { break-inside: avoid; }
  .kit { break-before: page; }
}
"""


# Pages to print and hand out (`scenarios print`): each `.sheet` starts an A4 page, cards
# are cut along dashed lines, nothing relies on colour, no text is clipped.
SHEETS = """
.sheet { break-before: page; }
td, th, li { overflow-wrap: break-word; }
ul.decisions { padding-left: 1.2rem; }
ul.decisions li { margin: .5rem 0; break-inside: avoid; }
ul.cards { list-style: none; padding: 0; display: grid; grid-template-columns: 1fr 1fr; }
ul.cards li.card { border: 1px dashed #444; min-height: 78mm; padding: 4mm 5mm;
  box-sizing: border-box; break-inside: avoid; font-size: 9pt; line-height: 1.35; }
ul.cards .evidence { font-size: 1em; margin-top: .3rem; }
.cards h2 { margin: 0 0 .6rem; font-size: 1rem; }
ul.cards li.card div { white-space: pre-line; margin-top: .4rem; }
ul.cards li.blank { border-color: transparent; }
.back ul.cards li.card { display: flex; flex-direction: column; justify-content: center;
  align-items: center; text-align: center; font-size: 1.15rem; }
.board table td { height: 2.2rem; }
.handout h2 { margin-top: .3rem; }
.handout .markdown { font-size: 1.05rem; line-height: 1.5; border: 1px solid #444;
  padding: 4mm 6mm; margin-top: .8rem; }
.handout .markdown h1, .handout .markdown h2, .handout .markdown h3 { font-size: 1.1rem;
  border: none; margin: .8rem 0 .3rem; }
.handout .markdown pre { white-space: pre-wrap; }
.handout .markdown img { display: none; }
.markdown { overflow-wrap: break-word; }
.markdown th, .markdown td { border-color: #666; }
section.item { break-inside: avoid; margin: .6rem 0 1rem; }
section.item p { font-weight: 600; margin: 0 0 .3rem; }
table.scale { table-layout: fixed; }
table.scale th, table.scale td { border-color: #444; }
table.scale th { text-align: center; background: none; font-weight: 400; }
table.scale th { padding: .1rem; }
table.scale td { height: 7mm; }
table.scale.yesno { width: 40%; }
ul.lines { list-style: none; padding: 0; margin: 0; }
ul.lines li.line { border-bottom: 1px solid #444; height: 8mm; }
section.question { break-inside: avoid; border-left: 2px solid #444; padding-left: .7rem;
  margin: .8rem 0; }
section.question p { margin: .2rem 0; }
ul.expected { list-style: none; padding-left: .2rem; margin: .3rem 0; }
ul.expected li { position: relative; padding-left: 1.5em; margin: .1rem 0; }
ul.expected li::before { content: ""; position: absolute; left: 0; top: .25em; width: .85em;
  height: .85em; border: 1.5px solid #1a1a1a; }
@media screen {
  .sheet { border-top: 2px dashed #999; margin-top: 2.5rem; padding-top: .5rem; }
}
"""


# A table of more columns than this (a workshop's tables side by side) takes the width of
# the window rather than the text's 52rem, where ten tables' cells would be a word wide or
# run off the page. Any table scrolls sideways on a screen too narrow for it (the page
# does not), and prints as it is.
WIDE_COLUMNS = 6


PARAGRAPHS: dict[b.ParagraphKind, str] = {
    "plain": "<p>{}</p>",
    "meta": '<p class="meta">{}</p>',
    "outcome": '<p class="outcome">{}</p>',
    "warning": '<p class="warning">{}</p>',
    "footer": "<footer>{}</footer>",
}


INLINE: b.InlineForms = {
    str: escape,
    b.Strong: lambda text: f"<strong>{escape(text)}</strong>",
    b.Code: lambda text: f"<code>{escape(text)}</code>",
    b.Aside: lambda text: f'<span class="who">{escape(text)}</span>',
}


def page(blocks: Sequence[b.Block], lang: Lang, style: str = "") -> str:
    """A whole document titled by its first heading: no script, no external asset;
    `style` adds rules to the common ones (`SHEETS` for printed sheets)."""
    title = next((h.text for h in _headings(blocks) if h.level == 1), "")
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>",
            f"<style>{STYLE}{style}</style>",
            "</head>",
            "<body>",
            *body(blocks, lang),
            "</body>",
            "</html>",
            "",
        ]
    )


def _headings(blocks: Sequence[b.Block]) -> list[b.Heading]:
    """Every heading, those inside sections too, in order."""
    found: list[b.Heading] = []
    for block in blocks:
        if isinstance(block, b.Heading):
            found.append(block)
        elif isinstance(block, b.Section):
            found += _headings(block.blocks)
    return found


def body(blocks: Sequence[b.Block], lang: Lang) -> list[str]:
    """The blocks as lines of HTML (a table or a list on one line, a chart on several)."""
    return [line for block in blocks for line in _block(block, lang)]


def _block(block: b.Block, lang: Lang) -> list[str]:
    if isinstance(block, b.Heading):
        return [f"<h{block.level}>{escape(block.text)}</h{block.level}>"]
    if isinstance(block, b.Paragraph):
        return [PARAGRAPHS[block.kind].format(inline(block.text))]
    if isinstance(block, b.Terms):
        items = "".join(
            f"<li>{term(name, value, INLINE, lang)}</li>" for name, value in block.items
        )
        return [f"<ul>{items}</ul>"]
    if isinstance(block, b.Bullets):
        if not block.items:
            return [f"<p>{escape(block.empty)}</p>"]
        tag = "ol" if block.ordered else "ul"
        items = "".join(_item(item) for item in block.items)
        return [f"<{tag}{_class(block.css)}>{items}</{tag}>"]
    if isinstance(block, b.Quote):
        return [
            f"<blockquote>{escape(block.text)}<cite>— {escape(block.source)}</cite></blockquote>"
        ]
    if isinstance(block, b.Table):
        return [_table(block)]
    if isinstance(block, b.Chart):
        return [block.svg]
    if isinstance(block, b.Markdown):
        return [f'<div class="markdown">{markdown(block.text)}</div>']
    lines = body(block.blocks, lang)
    if lines:
        lines[0] = f"<section{_class(block.css)}>" + lines[0]
        lines[-1] += "</section>"
    return lines


def inline(text: b.Phrase) -> str:
    """A phrase as HTML: its words escaped, its styles as elements."""
    return b.write_phrase(text, INLINE)


def _item(item: b.Item) -> str:
    return (
        f"<li{_class(item.css)}>{inline(item.text)}"
        + (f'<div class="who">{escape(item.who)}</div>' if item.who else "")
        + (f"<div>{escape(item.detail)}</div>" if item.detail else "")
        + (f'<span class="evidence">{escape(item.evidence)}</span>' if item.evidence else "")
        + "</li>"
    )


def markdown(text: str) -> str:
    """An author's Markdown as HTML: raw HTML written as text, an image as its words (a
    page has no external asset), links as markdown-it keeps them (no `javascript:`)."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("gfm-like", options_update={"html": False})
    parser.add_render_rule("image", _image_words)
    html: str = parser.render(text)
    return html.strip()


def _image_words(renderer: Any, tokens: Any, index: int, options: Any, env: Any) -> str:
    return escape(renderer.renderInlineAsText(tokens[index].children or [], options, env))


def _table(table: b.Table) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in table.headers)
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td{_class('num' if n else '')}>{inline((c,))}</td>"
            for c, n in zip(row, table.numeric, strict=True)
        )
        + "</tr>"
        for row in table.rows
    )
    wrap = "table wide" if len(table.headers) > WIDE_COLUMNS else "table"
    return (
        f'<div class="{wrap}"><table{_class(table.css)}><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def _class(css: str) -> str:
    return f' class="{css}"' if css else ""
