"""One standalone HTML page: inline styles, printable on A4, shared by every report."""

from __future__ import annotations

from html import escape

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
  h2 { break-after: avoid; }
  section, li, blockquote, tr, svg { break-inside: avoid; }
  .kit { break-before: page; }
}
"""


def page(title: str, body: list[str], lang: str) -> str:
    """A whole document around `body`: no script, no external asset."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{lang}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)}</title>",
            f"<style>{STYLE}</style>",
            "</head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )
