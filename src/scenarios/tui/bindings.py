"""Key bindings described in the player's language.

Textual reads a screen's bindings from its class, so `localised` makes (once
per language) a subclass whose footer speaks the player's language.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, TypeVar

from textual.binding import Binding
from textual.dom import DOMNode

from scenarios.i18n import Lang
from scenarios.tui.texts import CATALOG, text

# (key, action, text key, show in the footer, key shown, priority over the focused widget)
BindingSpec = tuple[str, str, str, bool, str | None, bool]

N = TypeVar("N", bound=DOMNode)


@functools.cache
def _localised(cls: type[Any], lang: Lang) -> type[Any]:
    specs: Sequence[BindingSpec] = cls.BINDING_SPECS
    bindings = [
        Binding(
            key,
            action,
            text(lang, label),
            show=show,
            key_display=text(lang, display) if display and CATALOG.has(display) else display,
            id=action,
            priority=priority,
        )
        for key, action, label, show, display, priority in specs
    ]
    namespace = {
        "BINDINGS": bindings,
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
    }
    return type(cls.__name__, (cls,), namespace)


def localised(cls: type[N], lang: Lang) -> type[N]:
    """`cls` with its footer bindings (`BINDING_SPECS`) described in `lang`."""
    result: type[N] = _localised(cls, lang)
    return result
