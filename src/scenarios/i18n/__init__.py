"""Every user-facing text, in French first and English second, through one API.

Layers keep message ids, never sentences: `Texts("deck")` names the part of
the catalog (a gettext context, one `.po` file per language under
`locales/`) and renders an id with its parameters, its plural form when a
`count` is given, French typography in French, and the "did you mean" hint
when a `suggestion` or `known` parameter is there. Errors travel as data
(a code and parameters, what `--format json` prints) and become text here,
in the reader's language: anything with a `message(lang)` method is
`Localized`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Protocol, runtime_checkable

import attrs

from scenarios.i18n.catalog import translations
from scenarios.i18n.words import (
    DEFAULT_LANG,
    LANGS,
    NBSP,
    Lang,
    capitalised,
    decimal,
    duration,
    env_lang,
    french_typography,
    local_time,
    names,
    suggest,
)

__all__ = [
    "DEFAULT_LANG",
    "LANGS",
    "NBSP",
    "Lang",
    "Localized",
    "Texts",
    "capitalised",
    "decimal",
    "duration",
    "env_lang",
    "french_typography",
    "join_names",
    "local_time",
    "suggest",
]


@runtime_checkable
class Localized(Protocol):
    """Something that can say itself in the reader's language (errors, findings)."""

    def message(self, lang: Lang = DEFAULT_LANG) -> str: ...


class _Params(dict[str, object]):
    """Format parameters where a missing key shows as itself instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@functools.lru_cache(maxsize=4096)
def _template(context: str, lang: Lang, msg_id: str, count: int | None) -> str:
    """`Texts.template`, looked up and typeset once: a debrief of 200 sessions formats
    some 77,000 messages, from a few hundred templates."""
    catalog = translations(lang)
    if count is None:
        found = catalog.pgettext(context, msg_id)
    else:
        found = catalog.npgettext(context, msg_id, msg_id, count)
    return french_typography(found) if lang == "fr" else found


@attrs.frozen
class Texts:
    """The messages of one part of the program: a context of the catalog."""

    context: str

    def __call__(
        self, lang: Lang, msg_id: str, /, count: int | None = None, **params: object
    ) -> str:
        """The message `msg_id` in `lang`; `count` picks the plural form and is a parameter."""
        return self.format(lang, msg_id, params, count)

    def format(
        self, lang: Lang, msg_id: str, params: Mapping[str, object], count: int | None = None
    ) -> str:
        """As calling, with the parameters as a mapping (errors carry theirs as data)."""
        template = self.template(lang, msg_id, count)
        values = _Params(
            (key, value if type(value) in _PLAIN else _said(value, lang))
            for key, value in params.items()
        )
        if count is not None:
            values.setdefault("count", count)
        if any(type(value) is str and "«" in value for value in values.values()):
            _quote_in_quotes(template, values)
        text = template.format_map(values) if "{" in template else template
        return text + self._hint(lang, params)

    def lookup(
        self, lang: Lang, msg_id: str, params: Mapping[str, object] | None = None
    ) -> str | None:
        """As `format`, or None when the catalog has no `msg_id` (an id built from data)."""
        return self.format(lang, msg_id, params or {}) if self.has(msg_id, lang) else None

    def template(self, lang: Lang, msg_id: str, count: int | None = None) -> str:
        """The template of `msg_id`, French spacing included; an unknown id shows as itself.

        Typography is applied to our templates only, never to the parameters:
        a deck's or a player's text is shown as it was written.
        """
        return _template(self.context, lang, msg_id, count)

    def has(self, msg_id: str, lang: Lang = DEFAULT_LANG) -> bool:
        """Whether the catalog of `lang` has `msg_id` in this context (plain or plural)."""
        key = f"{self.context}\x04{msg_id}"
        catalog = translations(lang)._catalog  # type: ignore[attr-defined]
        return key in catalog or (key, 0) in catalog

    def _hint(self, lang: Lang, params: Mapping[str, object]) -> str:
        suggestion = params.get("suggestion")
        known = params.get("known")
        if suggestion:
            return _HINTS.template(lang, "suggestion").format(suggestion=suggestion)
        if known:
            return _HINTS.template(lang, "known").format(known=join_names(known, lang))
        return ""


_HINTS = Texts("hints")
# Parameters that are never `Localized`: checked by type first, since an
# isinstance test against a runtime Protocol costs far more, once per parameter.
_PLAIN = frozenset({str, int, float, bool, type(None)})


# A parameter between quotation marks in a template: « {card} », “{value}”, '{card}'.
_QUOTED = re.compile(r"(?:«[ \u00a0\u202f]*|“|')\{(\w+)\}(?:[ \u00a0\u202f]*»|”|')")
_OPENING = re.compile(r"«[ \u00a0\u202f]*")
_CLOSING = re.compile(r"[ \u00a0\u202f]*»")


def _quote_in_quotes(template: str, values: dict[str, object]) -> None:
    """Titles in guillemets inside a quoted parameter, written as French typography wants:
    a title that is all one quotation (« Qu'est-ce qui a brûlé ? ») is quoted once, not
    « « … » »; guillemets inside one (Manifestation pour « la vérité ») become “ ”."""
    for match in _QUOTED.finditer(template):
        value = values.get(match.group(1))
        if type(value) is not str or "«" not in value:
            continue
        text = value.strip(" \u00a0\u202f")
        if text.startswith("«") and text.endswith("»") and text.count("«") == 1:
            values[match.group(1)] = text[1:-1].strip(" \u00a0\u202f")
        elif match.group(0).startswith("«"):
            values[match.group(1)] = _CLOSING.sub("”", _OPENING.sub("“", value))


def _said(value: object, lang: Lang) -> object:
    """A `Localized` parameter in `lang`; any other value as it is."""
    return value.message(lang) if isinstance(value, Localized) else value


def join_names(values: object, lang: Lang) -> str:
    """`a, b, c` for a list of identifiers, or a word for "none"."""
    items = names(values)
    return ", ".join(items) if items else _HINTS(lang, "none")
