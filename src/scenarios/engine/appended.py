"""A read-only sequence that grows by appending, sharing its items with what it grew from.

The notes and the indicator trail only ever grow. Held as tuples, every
state had its own copy, so the states of a replay kept whole (the debrief's
trace) took memory and time quadratic in their length. An `Appended` is a
view of the first `length` items of a list that later views extend in
place: appending to the longest view costs one item, and a view never sees
the items after its own end, so it never changes. Appending to a view that
is no longer the longest (a game taken up again from an earlier state)
copies its items first.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any, TypeVar, overload

T = TypeVar("T")

# Appending checks and extends a list other views may share: one at a time.
_GROWING = threading.Lock()


class Appended(Sequence[T]):
    """The first `len(self)` items of a shared list; equal to a tuple of the same items."""

    __slots__ = ("_items", "_length")

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._items: list[T] = list(items)
        self._length = len(self._items)

    def appended(self, item: T) -> Appended[T]:
        """This sequence with `item` at its end (`self` is unchanged)."""
        grown: Appended[T] = Appended.__new__(Appended)
        with _GROWING:
            items = self._items
            if len(items) != self._length:
                items = items[: self._length]
            items.append(item)
        grown._items = items
        grown._length = self._length + 1
        return grown

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[T, ...]: ...

    def __getitem__(self, index: int | slice) -> T | tuple[T, ...]:
        if isinstance(index, slice):
            return tuple(self._items[: self._length][index])
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("Appended index out of range")
        return self._items[index]

    def __iter__(self) -> Iterator[T]:
        return islice(self._items, self._length)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Appended):
            if other._items is self._items:
                return other._length == self._length
        elif not isinstance(other, tuple):
            return NotImplemented
        return len(other) == self._length and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Appended({list(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Appended, (tuple(self),))
