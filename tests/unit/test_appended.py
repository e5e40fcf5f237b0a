"""The shared append-only sequence behind a state's notes and trail."""

from __future__ import annotations

import pickle

import pytest

from scenarios.engine.appended import Appended


def test_a_view_never_changes_when_it_is_grown_or_branched() -> None:
    base = Appended([1, 2])
    longer = base.appended(3)
    branch = base.appended(9)
    assert base == (1, 2) and len(base) == 2
    assert longer == (1, 2, 3)
    assert branch == (1, 2, 9)
    assert longer.appended(4) == (1, 2, 3, 4) and longer == (1, 2, 3)


def test_it_reads_like_a_tuple() -> None:
    grown = Appended[str]().appended("a").appended("b").appended("c")
    assert list(grown) == ["a", "b", "c"]
    assert grown[-1] == "c" and grown[0] == "a"
    assert grown[1:] == ("b", "c")
    assert grown == Appended("abc") and hash(grown) == hash(("a", "b", "c"))
    assert grown != ("a", "b") and grown != ["a", "b", "c"]
    assert not Appended() and Appended() == ()
    shorter = grown[:2]
    assert shorter == ("a", "b")


def test_indexing_stops_at_its_own_end() -> None:
    base = Appended([1])
    base.appended(2)
    with pytest.raises(IndexError):
        base[1]


def test_it_pickles_as_its_own_items() -> None:
    base = Appended([1, 2])
    base.appended(3)
    copy = pickle.loads(pickle.dumps(base))
    assert copy == (1, 2) and len(copy._items) == 2
