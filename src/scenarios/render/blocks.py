"""What a report says, laid out once as blocks; `markdown`, `html` and `terminal` render them.

Blocks hold plain text as the reader should see it: each renderer escapes
it for its own format (Markdown, HTML, rich markup), so a layout never
escapes anything. Inline pieces (`Strong`, `Code`, `Aside`) mark the few
words that need a style; a paragraph's `kind` says what role it plays.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Literal

import attrs


@attrs.frozen
class Strong:
    """Words in bold."""

    text: str


@attrs.frozen
class Code:
    """Characters shown as they are, in a fixed-width font (a sparkline)."""

    text: str


@attrs.frozen
class Aside:
    """A side remark after the main words: plain in text, muted in HTML."""

    text: str


Inline = str | Strong | Code | Aside
Phrase = tuple[Inline, ...]


def phrase(text: str | Inline | Iterable[Inline]) -> Phrase:
    """A phrase from one piece or several (a bare string is one plain piece)."""
    if isinstance(text, (str, Strong, Code, Aside)):
        return (text,)
    return tuple(text)


# How one format writes the words of each kind of piece (escaping them as it must).
InlineForms = Mapping[type[Inline], Callable[[str], str]]


def write_phrase(text: Phrase, forms: InlineForms) -> str:
    """A phrase in one format: each piece written by the form of its kind."""
    return "".join(
        forms[type(piece)](piece if isinstance(piece, str) else piece.text) for piece in text
    )


@attrs.frozen
class Heading:
    level: int
    text: str


ParagraphKind = Literal["plain", "meta", "outcome", "warning", "footer"]


@attrs.frozen
class Paragraph:
    """A paragraph; its kind is its role: details (meta), the result, a warning, the footer."""

    text: Phrase = attrs.field(converter=phrase)
    kind: ParagraphKind = "plain"


@attrs.frozen
class Terms:
    """Labelled lines: a bold label, then its value."""

    items: tuple[tuple[str, str], ...]


@attrs.frozen
class Item:
    """One entry of a list: its words, then who acts, a detail and the evidence behind it."""

    text: Phrase = attrs.field(converter=phrase)
    who: str = ""
    detail: str = ""
    evidence: str = ""
    css: str = ""


@attrs.frozen
class Bullets:
    """A list; `empty` is the sentence that stands for it when it has no item."""

    items: tuple[Item, ...]
    ordered: bool = False
    css: str = ""
    empty: str = ""


@attrs.frozen
class Quote:
    """Someone's own words, and who said them where."""

    text: str
    source: str


Cell = str | Code


@attrs.frozen
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric: tuple[bool, ...]  # right-aligned columns
    css: str = ""


@attrs.frozen
class Markdown:
    """A text its author wrote in Markdown (a deck's handout): HTML renders its markup,
    never raw HTML; the other formats show its words as written."""

    text: str


@attrs.frozen
class Chart:
    """An inline SVG: only the HTML view draws it."""

    svg: str


@attrs.frozen
class Section:
    """Blocks that belong together (a styled frame in HTML); dropped in text if only charts."""

    blocks: tuple[Block, ...]
    css: str = ""


Block = Heading | Paragraph | Terms | Bullets | Quote | Table | Chart | Markdown | Section
