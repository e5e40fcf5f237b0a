"""argparse in the reader's language: its own words ("usage:", errors) from our catalog.

argparse looks up every word it prints through two globals of its module,
`_` and `ngettext`, bound to the standard `gettext` functions at import.
`speaking(lang)` puts the catalog's "argparse" context (`argparse.po`, whose
ids are argparse's English strings) in their place while a parser is built
and run, and puts the originals back afterwards, so nothing else in the
process is affected. gettext's own domain mechanism would need compiled `.mo`
files in a locale tree on disk, a process-wide text domain and the language
from environment variables; the catalog is read per call, with contexts.
The templates are returned raw: argparse fills their `%(name)s` itself.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator

from scenarios.i18n import Lang, Texts

ARGPARSE = Texts("argparse")


def gettext(lang: Lang) -> Callable[[str | None], str | None]:
    """argparse's `_` in `lang`; a text that is not argparse's (our titles) comes back unchanged.

    argparse asks for None too (a subparsers group without description), as gettext allows.
    """

    def lookup(message: str | None) -> str | None:
        return None if message is None else ARGPARSE.template(lang, message)

    return lookup


def ngettext(lang: Lang) -> Callable[[str, str, int], str]:
    """argparse's `ngettext` in `lang`: the catalog's plural form for `count`."""

    def lookup(singular: str, plural: str, count: int) -> str:
        if not ARGPARSE.has(singular, lang):
            return singular if count == 1 else plural
        return ARGPARSE.template(lang, singular, count=count)

    return lookup


@contextlib.contextmanager
def speaking(lang: Lang) -> Iterator[None]:
    """Within the block, argparse writes in `lang`."""
    namespace = vars(argparse)
    saved = {name: namespace[name] for name in ("_", "ngettext")}
    namespace.update(_=gettext(lang), ngettext=ngettext(lang))
    try:
        yield
    finally:
        namespace.update(saved)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, with section headings (`options:`) through the catalog too.

    Python 3.13 looks `%(heading)s:` up itself; 3.11 and 3.12 write the colon
    after the heading as is, so the heading is given what the catalog puts
    before it (French: a no-break space).
    """

    if sys.version_info < (3, 13):

        def start_section(self, heading: str | None) -> None:
            if heading:
                heading = (vars(argparse)["_"]("%(heading)s:") % {"heading": heading})[:-1]
            super().start_section(heading)
