"""A read-only mapping whose changed copies share all but a few nodes with the original.

The history counts of a game grow with it (plays by card, role and phase…),
and every state keeps its own. Copied whole at each action, as dicts were,
the states of a replay that stay alive (the undo chain, the debrief's trace)
took memory and time quadratic in the game's length. A `SharedMap` is a
small hash trie: branches of 16 children chosen by bits of the key's hash,
leaves that are small dicts. `set` copies only the path to one leaf, so a
new state costs a few hundred bytes however large the table.

Iteration order follows the keys' hashes, not insertion; callers that show
or write the entries sort them.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_BITS = 4
_WIDTH = 1 << _BITS
_MASK = _WIDTH - 1
_LEAF = 8  # a leaf with more entries splits into a branch
_DEPTH = 64 // _BITS  # past it the hash has no bits left: leaves just grow
_HASH = (1 << 64) - 1

# A node is a leaf (a dict never changed once in a map) or a branch (a tuple
# of `_WIDTH` nodes). Empty leaves are this one shared dict.
_EMPTY: dict[Any, Any] = {}
Node = dict[Any, Any] | tuple[Any, ...]


def _set(node: Node, code: int, depth: int, key: Any, value: Any) -> tuple[Node, bool]:
    """`node` with `key` set to `value`, and whether the key is new."""
    if type(node) is tuple:
        index = (code >> (depth * _BITS)) & _MASK
        child, added = _set(node[index], code, depth + 1, key, value)
        return (*node[:index], child, *node[index + 1 :]), added
    added = key not in node
    leaf = dict(node)
    leaf[key] = value
    if added and len(leaf) > _LEAF and depth < _DEPTH:
        return _split(leaf, depth), True
    return leaf, added


def _split(leaf: dict[Any, Any], depth: int) -> Node:
    """A branch holding the entries of `leaf`, splitting again where they still crowd."""
    children: list[dict[Any, Any]] = [{} for _ in range(_WIDTH)]
    for key, value in leaf.items():
        children[((hash(key) & _HASH) >> (depth * _BITS)) & _MASK][key] = value
    return tuple(
        _split(child, depth + 1)
        if len(child) > _LEAF and depth + 1 < _DEPTH
        else child or _EMPTY
        for child in children
    )


def _leaves(node: Node) -> Iterator[dict[Any, Any]]:
    if type(node) is tuple:
        for child in node:
            yield from _leaves(child)
    else:
        yield node  # type: ignore[misc]


class SharedMap(Mapping[K, V]):
    """An immutable mapping; `set` returns a changed copy sharing the rest of this one."""

    __slots__ = ("_length", "_root")

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        self._root: Node = _EMPTY
        self._length = 0
        pairs = items.items() if isinstance(items, Mapping) else items
        for key, value in pairs:
            self._root, added = _set(self._root, hash(key) & _HASH, 0, key, value)
            self._length += added

    def set(self, key: K, value: V) -> SharedMap[K, V]:
        """This mapping with `key` set to `value` (`self` is unchanged)."""
        changed: SharedMap[K, V] = SharedMap.__new__(SharedMap)
        changed._root, added = _set(self._root, hash(key) & _HASH, 0, key, value)
        changed._length = self._length + added
        return changed

    def _leaf(self, key: object) -> dict[Any, Any]:
        node = self._root
        code = hash(key) & _HASH
        while type(node) is tuple:
            node = node[code & _MASK]
            code >>= _BITS
        return node  # type: ignore[return-value]

    def __getitem__(self, key: K) -> V:
        value: V = self._leaf(key)[key]
        return value

    def get(self, key: K, default: Any = None) -> Any:
        return self._leaf(key).get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._leaf(key)

    def __len__(self) -> int:
        return self._length

    def __iter__(self) -> Iterator[K]:
        for leaf in _leaves(self._root):
            yield from leaf

    def items(self) -> Any:
        return ((key, value) for leaf in _leaves(self._root) for key, value in leaf.items())

    def values(self) -> Any:
        return (value for leaf in _leaves(self._root) for value in leaf.values())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SharedMap) and other._root is self._root:
            return True
        if not isinstance(other, Mapping) or len(other) != self._length:
            return NotImplemented if not isinstance(other, Mapping) else False
        return all(key in other and other[key] == value for key, value in self.items())

    def __hash__(self) -> int:
        return hash(frozenset(self.items()))

    def __repr__(self) -> str:
        return f"SharedMap({dict(self.items())!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Hashes of strings differ from process to process: the trie is rebuilt.
        return (SharedMap, (dict(self.items()),))
