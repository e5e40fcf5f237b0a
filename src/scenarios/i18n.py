"""User-facing text in French first, English second.

A leaf module every layer may use: messages are kept as `code -> {lang: template}`
catalogs next to the code that raises them, and rendered here, so errors can
travel as data (code and parameters, for `--format json`) and be shown in the
reader's language.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Literal, TypeAlias

Lang: TypeAlias = Literal["fr", "en"]
LANGS: tuple[Lang, ...] = ("fr", "en")
DEFAULT_LANG: Lang = "fr"

Catalog: TypeAlias = Mapping[str, Mapping[Lang, str]]


def env_lang() -> Lang:
    """The language asked for by `SCENARIOS_LANG`, French otherwise."""
    value = os.environ.get("SCENARIOS_LANG", "").strip().lower()[:2]
    return "en" if value == "en" else DEFAULT_LANG


def render(catalog: Catalog, code: str, lang: Lang, params: Mapping[str, object]) -> str:
    """The message `code` of `catalog` in `lang`, with its parameters filled in.

    A `suggestion` parameter adds "did you mean …?"; otherwise a non-empty
    `known` parameter adds the list of valid values, so that every error says
    what would be right.
    """
    templates = catalog.get(code)
    if templates is None:
        return f"{code} {dict(params)!r}"
    template = templates.get(lang) or templates[DEFAULT_LANG]
    if lang == "fr":
        template = french_typography(template)
    text = template.format_map(_Params(params))
    suggestion = params.get("suggestion")
    known = params.get("known")
    hint = ""
    if suggestion:
        hint = _HINTS["suggestion"][lang].format(suggestion=suggestion)
    elif known:
        hint = _HINTS["known"][lang].format(known=join_names(known, lang))
    return text + (french_typography(hint) if lang == "fr" else hint)


def french_typography(text: str) -> str:
    """French spacing: a no-break space before « : ; ? ! », after « n° » and inside guillemets."""
    for mark in (":", ";", "?", "!"):
        text = text.replace(" " + mark, NBSP + mark)
    text = text.replace("n° ", "n°" + NBSP)
    return text.replace("« ", "«" + NBSP).replace(" »", NBSP + "»")


NBSP = "\u00a0"

_HINTS: Mapping[str, Mapping[Lang, str]] = {
    "suggestion": {
        "fr": " ; vouliez-vous dire « {suggestion} » ?",
        "en": "; did you mean '{suggestion}'?",
    },
    "known": {"fr": " ; valeurs connues : {known}", "en": "; known: {known}"},
}


def decimal(value: float, lang: Lang, digits: int = 2) -> str:
    """`value` with at most `digits` decimals, no trailing zeros, a decimal comma in French."""
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    return text.replace(".", ",") if lang == "fr" else text


def join_names(names: object, lang: Lang) -> str:
    """`a, b, c` for a list of identifiers, or a word for "none"."""
    items = list(names) if isinstance(names, (list, tuple, set, frozenset)) else [names]
    if not items:
        return "aucun" if lang == "fr" else "none"
    return ", ".join(str(item) for item in items)


class _Params(dict[str, object]):
    """Format parameters where a missing key shows as itself instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def suggest(word: str, candidates: object) -> str:
    """The candidate closest to a misspelt `word`, or "" when none is close."""
    import difflib

    pool = (
        [str(c) for c in candidates]
        if isinstance(candidates, (list, tuple, set, frozenset))
        else []
    )
    pool += [str(c) for c in candidates] if isinstance(candidates, Mapping) else []
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return matches[0] if matches else ""
