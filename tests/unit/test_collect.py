"""The collector held back while a long loop plays: what it kept is not walked again at
once, and nothing it made is lost to the collector for good."""

from __future__ import annotations

import gc
import weakref

from scenarios.journal.collect import fewer_collections


class Node:
    """An object the cycle collector tracks, to make a cycle with."""

    def __init__(self) -> None:
        self.other: object = None


def test_leaving_the_block_starts_no_collection() -> None:
    started: list[int] = []
    left = False

    def record(phase: str, info: dict[str, int]) -> None:
        if phase == "start" and left:
            started.append(info["generation"])

    gc.callbacks.append(record)
    try:
        with fewer_collections():
            kept = [[n] for n in range(50_000)]
            left = True
        # Left as young objects, what the block kept would be walked by a collection
        # started by the first objects made after it, to free nothing.
        made = [[n] for n in range(100)]
    finally:
        gc.callbacks.remove(record)
    assert started == []
    assert gc.get_threshold()[0] < 1_000_000  # the threshold is set back
    assert len(kept) == 50_000 and len(made) == 100


def test_a_cycle_made_in_the_block_is_still_freed() -> None:
    with fewer_collections():
        first, second = Node(), Node()
        first.other, second.other = second, first
        gone = weakref.ref(first)
        del first, second
    assert gone() is not None  # a cycle: reference counting alone does not free it
    gc.collect()
    assert gone() is None


def test_objects_someone_froze_stay_frozen() -> None:
    # Someone (a server before it forks, say) froze a garbage cycle: leaving the block must
    # not unfreeze it, or the next full collection would free what they meant to keep.
    # (The frozen count is no witness: reference counting frees frozen objects too.)
    first, second = Node(), Node()
    first.other, second.other = second, first
    gone = weakref.ref(first)
    del first, second
    gc.freeze()
    try:
        with fewer_collections():
            made = [[n] for n in range(1_000)]
        gc.collect()
        assert gone() is not None  # still frozen, so never walked
        assert made
    finally:
        gc.unfreeze()
    gc.collect()
    assert gone() is None  # unfrozen by its owner, the cycle is freed
