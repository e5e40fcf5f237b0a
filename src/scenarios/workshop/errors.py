"""The workshop layer's refusals, as catalog codes."""

from __future__ import annotations

from scenarios.i18n import Texts
from scenarios.i18n.errors import CatalogError


class WorkshopError(CatalogError):
    """A workshop request that cannot be done (a bad label template, a damaged table...)."""

    MESSAGES = Texts("workshop")
