"""The store's refusals, as codes with parameters that the catalog turns into sentences."""

from __future__ import annotations

from collections.abc import Mapping

from scenarios.i18n import Lang, Texts

MESSAGES = Texts("store")


class StoreError(Exception):
    """A store that cannot do what was asked (unreachable, unknown workshop, ...)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(MESSAGES.format("en", code, params))
        self.code = code
        self.params: Mapping[str, object] = params

    def message(self, lang: Lang = "fr") -> str:
        return MESSAGES.format(lang, self.code, self.params)


class SeqConflict(StoreError):
    """Another writer appended first: the line at `expected` is taken (the last is `found`)."""

    def __init__(self, table: str, expected: int, found: int) -> None:
        super().__init__("conflict", table=table, expected=expected, found=found)
        self.expected = expected
        self.found = found
