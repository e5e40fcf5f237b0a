"""The shared mappings behind a state's history counts (`immutables.Map`, a HAMT)."""

from __future__ import annotations

import pickle
import random
import tracemalloc

import attrs
from hypothesis import given
from hypothesis import strategies as st
from immutables import Map

from scenarios.engine import State
from scenarios.engine.state import History


class Clash:
    """A key whose hash is the same as every other's: the map cannot tell them apart by it."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __hash__(self) -> int:
        return 42

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Clash) and other.name == self.name


def test_the_history_tables_are_shared_maps() -> None:
    tables = attrs.astuple(History(), recurse=False)[:-1]  # all but the digest
    assert len(tables) == 6 and all(type(table) is Map for table in tables)
    assert attrs.fields_dict(State)["history"].default == History()


@given(st.lists(st.tuples(st.text(max_size=3), st.integers()), max_size=300))
def test_it_holds_what_a_dict_holds(writes: list[tuple[str, int]]) -> None:
    expected: dict[str, int] = {}
    shared: Map[str, int] = Map()
    for key, value in writes:
        expected[key] = value
        shared = shared.set(key, value)
    assert len(shared) == len(expected)
    assert dict(shared.items()) == expected and shared == Map(expected)
    assert sorted(shared) == sorted(expected) and sorted(shared.values()) == sorted(expected.values())
    assert all(shared[key] == value and key in shared for key, value in expected.items())
    assert "absent-key" not in shared and shared.get("absent-key", -1) == -1


def test_a_changed_copy_leaves_the_original_as_it_was() -> None:
    keys = [f"carte-{n}" for n in range(500)]
    base = Map((key, 1) for key in keys)
    changed = base.set("carte-7", 2).set("nouvelle", 1)
    assert base["carte-7"] == 1 and "nouvelle" not in base and len(base) == 500
    assert changed["carte-7"] == 2 and len(changed) == 501
    assert base != changed and base == Map(reversed([(key, 1) for key in keys]))
    assert hash(base) == hash(Map(dict.fromkeys(keys, 1)))


def test_keys_with_the_same_hash_are_kept_apart() -> None:
    clashing = Map[Clash, int]()
    for n in range(100):
        clashing = clashing.set(Clash(str(n)), n)
    assert len(clashing) == 100 and clashing[Clash("57")] == 57


def test_it_pickles_as_its_entries() -> None:
    shared = Map({("a", "b"): 1, ("c", "d"): 2})
    copy = pickle.loads(pickle.dumps(shared))
    assert copy == shared and copy.set(("a", "b"), 3)[("a", "b")] == 3


def test_changing_one_entry_of_a_large_map_does_not_copy_it() -> None:
    rng = random.Random(0)
    large = Map((f"carte-{n}", n) for n in range(100_000))
    tracemalloc.start()
    try:
        changed = [large.set(f"carte-{rng.randrange(100_000)}", -1) for _ in range(100)]
        allocated, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(changed) == 100
    assert allocated < 100 * 2_000  # a path of a few nodes each; a copied dict would be ~5 MB
