"""Why an action cannot be taken, as data the screen can show in either language."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from scenarios.i18n import Lang, Texts

MESSAGES = Texts("engine")


@attrs.frozen
class Refusal:
    """A reason why something cannot be done now: a code and its parameters."""

    code: str
    params: Mapping[str, object] = attrs.field(factory=dict)

    def message(self, lang: Lang = "fr") -> str:
        return MESSAGES.format(lang, self.code, self.params)


class RefusedError(Exception):
    """An exception whose reason is a `Refusal`: data, said in the reader's language.

    Its plain `str` is the English message, for logs and tracebacks.
    """

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.message("en"))
        self.refusal = refusal

    def message(self, lang: Lang = "fr") -> str:
        return self.refusal.message(lang)


class IllegalAction(RefusedError):
    """An action the rules refuse; the state it was applied to is unchanged."""


def refuse(code: str, **params: object) -> IllegalAction:
    """An `IllegalAction` for `code` (to be raised)."""
    return IllegalAction(Refusal(code, params))
