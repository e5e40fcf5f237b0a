"""Messages about decks: the "deck" context of the catalog, and the words they use.

Besides one message per diagnostic code, the catalog has the words carried in
diagnostics' parameters: `word.<kind>` (a type, a kind of object), the longer
`object.<kind>` ("la carte"; a card kind's name is its label, `kind.<id>`), `hint.<hint>`, `what` (the subject before a
colon) and `severity.<severity>`.
"""

from __future__ import annotations

from collections.abc import Mapping

from scenarios.deck.kinds import KINDS, kind_label
from scenarios.i18n import Lang, Texts

MESSAGES = Texts("deck")

# The parameters that carry words (types, card kinds), " / " between several.
WORD_PARAMS = ("expected", "got", "namespace", "actual", "variant", "allowed")


def localise_params(code: str, params: Mapping[str, object], lang: Lang) -> dict[str, object]:
    """Turn the words carried by a diagnostic (types, kinds, hints) into `lang`."""
    out: dict[str, object] = {}
    for key, value in params.items():
        if key in WORD_PARAMS and isinstance(value, str):
            out[key] = " / ".join(_word(lang, part) for part in value.split(" / "))
        elif key == "what" and isinstance(value, str):
            name = MESSAGES.lookup(lang, f"object.{value}") or _word(lang, value)
            out[key] = MESSAGES(lang, "what", what=name) if code == "type" else name
        elif key == "hint" and isinstance(value, str):
            out[key] = (
                MESSAGES.lookup(lang, f"hint.{value}", {"value": params.get("value", "")}) or ""
            )
        else:
            out[key] = value
    if code == "type":
        out.setdefault("what", "")
        out.setdefault("hint", "")
    return out


def _word(lang: Lang, word: str) -> str:
    if word in KINDS:
        return kind_label(lang, word)
    return MESSAGES.lookup(lang, f"word.{word}") or word
