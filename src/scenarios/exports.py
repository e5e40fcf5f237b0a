"""A package's names imported on first use (PEP 562), so that using one of its light
modules does not pay for the heavy ones: the home screen's first frame comes sooner."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Sequence
from typing import Any


def imported_on_first_use(
    package: str, names: Sequence[str], homes: Sequence[str]
) -> Callable[[str], Any]:
    """The `__getattr__` of `package`: a name of `names` is taken from the first of its
    submodules `homes` that has it (list the lightest first: a name then costs only its
    own module and those before it), and kept in the package for the next use."""
    exported = frozenset(names)

    def __getattr__(name: str) -> Any:
        if name in exported:
            for home in homes:
                module = importlib.import_module(f"{package}.{home}")
                if hasattr(module, name):
                    value = getattr(module, name)
                    setattr(sys.modules[package], name, value)
                    return value
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
