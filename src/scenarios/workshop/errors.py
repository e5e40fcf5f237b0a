"""The workshop layer's refusals, as catalog codes."""

from __future__ import annotations

from collections.abc import Mapping

from scenarios.i18n import Lang, Texts

MESSAGES = Texts("workshop")


class WorkshopError(Exception):
    """A workshop request that cannot be done (a bad label template, a damaged table...)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(MESSAGES.format("en", code, params))
        self.code = code
        self.params: Mapping[str, object] = params

    def message(self, lang: Lang = "fr") -> str:
        return MESSAGES.format(lang, self.code, self.params)
