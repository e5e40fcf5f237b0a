"""The one error type the expression language raises."""

from __future__ import annotations

from collections.abc import Mapping

from scenarios.i18n import Lang
from scenarios.rules.messages import MESSAGES
from scenarios.rules.types import Type


class ExprError(Exception):
    """An expression that cannot be accepted, with where in its text and why.

    `line` and `col` are 1-based and relative to the expression's own text, so
    the deck layer can add them to the position of the YAML scalar.
    """

    def __init__(self, code: str, line: int = 1, col: int = 1, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.line = line
        self.col = col
        self.params: Mapping[str, object] = params

    def message(self, lang: Lang = "fr", kinds: Mapping[str, str] | None = None) -> str:
        """The message in `lang`, with types, constructs and examples put into words.

        `kinds` names the deck's card kinds in `lang` (the deck layer knows them).
        """
        params = {key: _word(key, value, lang, kinds or {}) for key, value in self.params.items()}
        example = self.params.get("example")
        params["example"] = MESSAGES(lang, "example", example=example) if example else ""
        return MESSAGES.format(lang, self.code, params)

    def __str__(self) -> str:
        return self.message("en")


def _word(key: str, value: object, lang: Lang, kinds: Mapping[str, str]) -> object:
    if isinstance(value, Type):
        return MESSAGES(lang, f"type.{value.value}")
    if key == "what":
        return MESSAGES.lookup(lang, f"construct.{value}") or str(value)
    if key in ("expected", "actual") and isinstance(value, str):
        return kinds.get(value, value)
    return value
