"""Messages about decks: the "deck" context of the catalog, and the words they use.

Besides one message per diagnostic code, the catalog has the words carried in
diagnostics' parameters: `word.<kind>` (a type, a kind of object), the longer
`object.<kind>` ("la carte"), `hint.<hint>`, `what` (the subject before a
colon) and `severity.<severity>`.
"""

from __future__ import annotations

from collections.abc import Mapping

from scenarios.i18n import Lang, Texts

MESSAGES = Texts("deck")


def localise_params(code: str, params: Mapping[str, object], lang: Lang) -> dict[str, object]:
    """Turn the words carried by a diagnostic (types, kinds, hints) into `lang`."""
    out: dict[str, object] = {}
    for key, value in params.items():
        if key in ("expected", "got", "namespace", "actual") and isinstance(value, str):
            out[key] = " / ".join(_word(lang, part) for part in value.split(" / "))
        elif key == "what" and isinstance(value, str):
            name = _named(f"object.{value}", lang) or _word(lang, value)
            out[key] = MESSAGES(lang, "what", what=name) if code == "type" else name
        elif key == "hint" and isinstance(value, str):
            out[key] = _named(f"hint.{value}", lang, {"value": params.get("value", "")})
        else:
            out[key] = value
    if code == "type":
        out.setdefault("what", "")
        out.setdefault("hint", "")
    return out


def _word(lang: Lang, word: str) -> str:
    return _named(f"word.{word}", lang) or word


def _named(msg_id: str, lang: Lang, params: Mapping[str, object] | None = None) -> str:
    """The catalog's text for `msg_id`, or "" when it has none."""
    return MESSAGES.format(lang, msg_id, params or {}) if MESSAGES.has(msg_id, lang) else ""
