"""Rendering: a report laid out once as blocks (`blocks`), written by `markdown`, `html`
(a standalone page) or `terminal` (rich); `charts` draws SVG, `sparkline` a row of
block characters and `printable` drops the control characters of text to display.

Depends only on `scenarios.i18n`, and never on Textual: the TUI uses it, not the reverse.
"""
