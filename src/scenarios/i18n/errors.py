"""Errors that travel as data: a catalog code and its parameters, said in the reader's language."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from scenarios.i18n import Lang, Texts


class CatalogError(Exception):
    """An error whose sentence is the catalog's `code` in `MESSAGES`' context."""

    MESSAGES: ClassVar[Texts]

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(self.MESSAGES.format("en", code, params))
        self.code = code
        self.params: Mapping[str, object] = params

    def message(self, lang: Lang = "fr") -> str:
        return self.MESSAGES.format(lang, self.code, self.params)
