"""The renderers' own words: a label before its value, and a quotation, in each language."""

from __future__ import annotations

from scenarios.i18n import Lang, Texts
from scenarios.render.blocks import InlineForms, Strong, write_phrase

TEXTS = Texts("render")


def term(name: str, value: str, forms: InlineForms, lang: Lang) -> str:
    """A bold label, then its value, written in one format."""
    return TEXTS(
        lang,
        "term",
        term=write_phrase((Strong(name),), forms),
        value=write_phrase((value,), forms),
    )
