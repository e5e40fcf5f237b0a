"""Why the system refused a file or an address, in the reader's language.

The usual causes (missing, a folder, no permission, a port in use...) have a
catalog entry named after their errno; any other keeps the system's words.
"""

from __future__ import annotations

import errno

import attrs

from scenarios.i18n import Lang, Texts

TEXTS = Texts("system")


@attrs.frozen
class SystemReason:
    """An `OSError`'s cause, kept as data so it can be said in any language later."""

    name: str
    words: str

    @classmethod
    def of(cls, error: OSError) -> SystemReason:
        words = error.strerror or type(error).__name__
        return cls(errno.errorcode.get(error.errno or 0, ""), words)

    def message(self, lang: Lang = "fr") -> str:
        found = TEXTS.lookup(lang, self.name) if self.name else None
        return found or self.words
