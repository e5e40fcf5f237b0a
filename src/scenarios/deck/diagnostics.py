"""Deck errors and warnings: where (file:line:col), the key, what is wrong, what would be right."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

import attrs

from scenarios.deck.messages import MESSAGES, localise_params
from scenarios.i18n import Lang, Localized

Severity = Literal["error", "warning"]


@attrs.frozen
class Position:
    """A place in a deck file; `line` and `col` are 1-based, 0 when unknown."""

    file: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.col}"


@attrs.frozen
class Diagnostic:
    """One finding about a deck, kept as data so it can be shown in any language or as JSON.

    `key` is the dotted key the finding is under (`hand_size`, `effects.confiance`),
    counted from the list item it is in (a card, a role...), whose place
    `position` gives: the message starts with it, so that a reader knows which
    key to fix without counting columns. Empty when the finding is about no
    key (a YAML syntax error), or at the top of an item when the message
    names the key itself (`key.unknown`, whose `key` parameter is the key:
    `about` gives the whole of it).
    """

    code: str
    position: Position
    params: Mapping[str, object] = attrs.field(factory=dict)
    severity: Severity = "error"
    cause: Localized | None = None
    key: str = ""

    def message(self, lang: Lang = "fr") -> str:
        """The key, what is wrong and what would be right, in `lang` (the cause's words when it
        has one)."""
        if self.cause is not None:
            text = self.cause.message(lang)
        else:
            params = self.params
            if self.key and self.code == "type":  # the key says what the value is for
                params = {name: value for name, value in params.items() if name != "what"}
            text = MESSAGES.format(lang, self.code, localise_params(self.code, params, lang))
        if not self.key:
            return text
        return MESSAGES(lang, "keyed", key=self.key, message=text)

    @property
    def about(self) -> str:
        """The dotted key this finding is about, the one its message names ("" for none)."""
        named = self.params.get("key")
        if isinstance(named, str) and named:
            return f"{self.key}.{named}" if self.key else named
        return self.key

    def format(self, lang: Lang = "fr") -> str:
        """`file:line:col: error: message`, the form editors and terminals link.

        A warning ends with its code, which is what `# lint: ignore CODE` takes.
        """
        label = MESSAGES(lang, f"severity.{self.severity}")
        code = f" [{self.code}]" if self.severity == "warning" else ""
        return f"{self.position}: {label}: {self.message(lang)}{code}"

    def to_json(self, lang: Lang = "fr") -> dict[str, object]:
        """A plain mapping for `validate --format json`."""
        return {
            "file": self.position.file,
            "line": self.position.line,
            "col": self.position.col,
            "severity": self.severity,
            "code": self.code,
            "key": self.about,
            "message": self.message(lang),
        }


class DeckError(Exception):
    """A deck that cannot be loaded, with every error found in it."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics)
        super().__init__(self.format("en"))

    def format(self, lang: Lang = "fr") -> str:
        """All diagnostics, one a line."""
        return "\n".join(d.format(lang) for d in self.diagnostics)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """In file order, so a reader fixes them top to bottom."""
    return sorted(
        diagnostics,
        key=lambda d: (d.position.file, d.position.line, d.position.col, d.code),
    )
