"""A read-only dict for game state: dict-speed lookups, hashable, changed by copying."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, NoReturn, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class FrozenDict(dict[K, V]):
    """A `dict` that refuses in-place changes; `set` returns a changed copy."""

    __slots__ = ()

    def _readonly(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("FrozenDict is read-only")

    __setitem__ = _readonly
    __delitem__ = _readonly
    clear = _readonly
    pop = _readonly
    popitem = _readonly
    setdefault = _readonly
    update = _readonly
    __ior__ = _readonly

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))

    def set(self, key: K, value: V) -> FrozenDict[K, V]:
        copy = dict(self)
        copy[key] = value
        return FrozenDict(copy)

    def __reduce__(self) -> tuple[Any, ...]:
        return (FrozenDict, (dict(self),))
