"""The message catalog: gettext `.po` files, one per layer and language, read once.

The `.po` files under `locales/<lang>/` are the source. An installed package
carries them compiled (`scenarios.mo`, made by the build step in `setup.py`),
read by the standard library's `gettext` in about a millisecond; a source tree
without them compiles the `.po` files in memory with Babel. Each layer's file
is a gettext context (`msgctxt`), so the same code can live in two layers.
"""

from __future__ import annotations

import functools
import gettext
import io
from pathlib import Path

from scenarios.i18n.words import Lang

LOCALES = Path(__file__).parent / "locales"
COMPILED = "scenarios.mo"


def po_files(lang: Lang) -> list[Path]:
    """The `.po` sources of `lang`, one per layer, in a stable order."""
    return sorted((LOCALES / lang).glob("*.po"))


def compile_catalog(lang: Lang) -> bytes:
    """The `.mo` bytes of every `.po` file of `lang`, merged (each entry keeps its context).

    The first file's header gives the plural rule (gettext's two French forms,
    0 and 1 singular), not Babel's CLDR data, which adds a third for millions.
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    merged = None
    for path in po_files(lang):
        with path.open("rb") as source:
            part = read_po(source, locale=lang)
        if merged is None:
            merged = part
            continue
        for message in part:
            if message.id:
                merged.add(message.id, message.string, context=message.context)
    out = io.BytesIO()
    if merged is not None:
        write_mo(out, merged)
    return out.getvalue()


@functools.cache
def translations(lang: Lang) -> gettext.GNUTranslations:
    """The catalog of `lang`: the compiled file when installed, else the `.po` sources."""
    compiled = LOCALES / lang / COMPILED
    if compiled.is_file():
        with compiled.open("rb") as source:
            return gettext.GNUTranslations(source)
    return gettext.GNUTranslations(io.BytesIO(compile_catalog(lang)))
