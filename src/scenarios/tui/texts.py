"""The words of the screens: the "tui" part of the catalog (`locales/*/tui.po`), and user text.

Deck and journal text is data: shown through `plain` (or a message of `text`,
whose parameters are often such text) it is never read as markup and its
control characters never reach the terminal.
"""

from __future__ import annotations

from rich.text import Text

from scenarios.i18n import Lang, Localized, Texts, capitalised
from scenarios.render.printable import printable

CATALOG = Texts("tui")


def text(lang: Lang, msg_id: str, /, count: int | None = None, **params: object) -> str:
    """The message `msg_id` in `lang`, without the control characters its parameters held."""
    return printable(CATALOG(lang, msg_id, count=count, **params))


def plain(value: str, style: str = "") -> Text:
    """`value` to display as it is written: never markup, no control character."""
    return Text(printable(value), style=style)


def said(error: Localized, lang: Lang) -> str:
    """An error as a notification says it: a sentence of its own, so with a capital (the
    catalog writes errors to follow « erreur : » on the command line), never markup."""
    return capitalised(printable(error.message(lang)))
