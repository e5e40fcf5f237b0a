"""Languages, and the small rules of writing shared by every message.

French typography (no-break spaces), decimal commas, dates, lists of names and
"did you mean" suggestions: what a message needs once it is looked up.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Literal, TypeAlias

Lang: TypeAlias = Literal["fr", "en"]
LANGS: tuple[Lang, ...] = ("fr", "en")
DEFAULT_LANG: Lang = "fr"
NBSP = "\u00a0"


def env_lang() -> Lang:
    """The language asked for by `SCENARIOS_LANG`, French otherwise."""
    value = os.environ.get("SCENARIOS_LANG", "").strip().lower()[:2]
    return "en" if value == "en" else DEFAULT_LANG


def french_typography(text: str) -> str:
    """French spacing: a no-break space before « : ; ? ! », after « n° » and inside guillemets."""
    for mark in (":", ";", "?", "!"):
        text = text.replace(" " + mark, NBSP + mark)
    text = text.replace("n° ", "n°" + NBSP)
    return text.replace("« ", "«" + NBSP).replace(" »", NBSP + "»")


def capitalised(text: str) -> str:
    """`text` with its first letter in capitals: a sentence that opens with a name
    written lower-case in the middle of others (« la table »)."""
    return text[:1].upper() + text[1:]


def decimal(value: float, lang: Lang, digits: int = 2) -> str:
    """`value` with at most `digits` decimals, no trailing zeros, a decimal comma in French."""
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    return text.replace(".", ",") if lang == "fr" else text


def duration(seconds: float, lang: Lang) -> str:
    """A length of time as people say it, rounded to its largest unit: « 45 s », « 13 min »,
    « 2 h » (Babel's CLDR words and spaces, which a trainer reads at a glance where
    « 754 s » needs a sum)."""
    from babel.dates import format_timedelta  # CLDR data: loaded for the few screens that say it

    return format_timedelta(timedelta(seconds=max(0.0, seconds)), locale=lang, format="short")


def local_time(iso: str) -> str:
    """An ISO time as day/month/year hour:minute in local time (as written, if it is not one)."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return iso


def names(values: object) -> list[str]:
    """The items of a list, set or mapping (its keys) as strings; a lone value as one item."""
    if isinstance(values, (list, tuple, set, frozenset, Mapping)):
        return [str(value) for value in values]
    return [str(values)]


def suggest(word: str, candidates: object) -> str:
    """The candidate closest to a misspelt `word`, or "" when none is close."""
    if not isinstance(candidates, (list, tuple, set, frozenset, Mapping)):
        return ""
    matches = difflib.get_close_matches(word, names(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else ""
