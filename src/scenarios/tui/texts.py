"""The words of the screens: the "tui" part of the catalog (`locales/*/tui.po`)."""

from __future__ import annotations

from scenarios.i18n import Texts

text = Texts("tui")
