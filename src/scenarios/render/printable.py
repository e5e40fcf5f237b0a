"""Deck and journal text made safe for a terminal: no control character reaches it.

A title or a note may hold an escape sequence (`\\x1b[31m`) or another C0/C1
control: shown as is, it would recolour, move or clear the terminal. The data
keeps them (it stays as written); only what is displayed drops them. Newlines
and tabs are kept: they are layout, not commands.
"""

from __future__ import annotations

KEPT = "\n\t"
CONTROLS = dict.fromkeys(c for c in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if chr(c) not in KEPT)


def printable(text: str) -> str:
    """`text` without its control characters (C0, DEL, C1), newlines and tabs kept."""
    return text.translate(CONTROLS)
