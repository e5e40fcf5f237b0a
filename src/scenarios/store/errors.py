"""The store's refusals, as codes with parameters that the catalog turns into sentences."""

from __future__ import annotations

from scenarios.i18n import Texts
from scenarios.i18n.errors import CatalogError


class StoreError(CatalogError):
    """A store that cannot do what was asked (unreachable, unknown workshop, ...)."""

    MESSAGES = Texts("store")


class SeqConflict(StoreError):
    """Another writer appended first: the line at `expected` is taken (the last is `found`)."""

    def __init__(self, table: str, expected: int, found: int) -> None:
        super().__init__("conflict", table=table, expected=expected, found=found)
        self.expected = expected
        self.found = found
