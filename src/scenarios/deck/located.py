"""YAML turned into plain Python values that remember where they came from.

Mappings and lists are `dict` and `list` subclasses carrying the file name and
the (line, col) of themselves, their keys and their items; scalars stay plain
values. Positions cost a tuple per entry, far less than wrapping every value,
and let every later check point at `file:line:col`.
"""

from __future__ import annotations

from typing import Any

from scenarios.deck.diagnostics import Position

Pos = tuple[int, int]


class LocatedMap(dict[str, Any]):
    """A YAML mapping with the positions of its keys and values."""

    __slots__ = ("file", "key_pos", "pos", "value_pos")

    def __init__(self, file: str, pos: Pos) -> None:
        super().__init__()
        self.file = file
        self.pos = pos
        self.key_pos: dict[str, Pos] = {}
        self.value_pos: dict[str, Pos] = {}

    def at(self) -> Position:
        """Where the mapping starts."""
        return Position(self.file, *self.pos)

    def at_key(self, key: str) -> Position:
        """Where `key` is written, or the mapping itself when it is absent."""
        return Position(self.file, *self.key_pos.get(key, self.pos))

    def at_value(self, key: str) -> Position:
        """Where the value of `key` starts, or the mapping itself when it is absent."""
        return Position(self.file, *self.value_pos.get(key, self.key_pos.get(key, self.pos)))


class LocatedList(list[Any]):
    """A YAML sequence with the position of each item."""

    __slots__ = ("file", "item_pos", "pos")

    def __init__(self, file: str, pos: Pos) -> None:
        super().__init__()
        self.file = file
        self.pos = pos
        self.item_pos: list[Pos] = []

    def at(self) -> Position:
        """Where the sequence starts."""
        return Position(self.file, *self.pos)

    def at_item(self, index: int) -> Position:
        """Where item `index` starts."""
        if 0 <= index < len(self.item_pos):
            return Position(self.file, *self.item_pos[index])
        return self.at()


def position_of(container: object, key: str | int | None = None) -> Position | None:
    """The position of a value inside `container` (a key or an index), if it is located."""
    if isinstance(container, LocatedMap):
        return container.at_value(key) if isinstance(key, str) else container.at()
    if isinstance(container, LocatedList):
        return container.at_item(key) if isinstance(key, int) else container.at()
    return None


def type_name(value: object) -> str:
    """A word for the YAML type of `value`, as used in messages."""
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    return "text"
