"""Fewer runs of Python's cycle collector while a long loop plays or replays actions.

Every action makes hundreds of small tuples, lists and records, and the
collector runs each time 700 more have been made than freed, walking the
young objects, and now and then every object alive (the deck, the states an
undo may go back to). The engine's objects hold no cycles, so those runs
free nothing: they were a third of the time of a play. Inside the block the
collector waits for a million objects instead; it is set back on leaving.
At 100,000, a replay of 10,000 actions still spent a twentieth to a tenth of its
time in the collector, walking the states an undo may go back to, again
and again as they aged from one generation to the next.

What the block made and kept (the last state, the states an undo may go back
to) would still be walked once, by the first collection after the block, as
soon as anything is made: 20 ms after a replay of 10,000 actions, a tenth of
it, to free nothing. On leaving, these objects go straight to the oldest
generation instead (`gc.freeze` then `gc.unfreeze`, which move every tracked
object to it and set the count back), where the collector looks at them with
the rest of what lives long; a cycle among them is still freed there.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

FEWER = 1_000_000


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the block with the cycle collector's first threshold at `FEWER` (at least); what
    it kept leaves it in the collector's oldest generation."""
    first, *older = gc.get_threshold()
    gc.set_threshold(max(first, FEWER), *older)
    try:
        yield
    finally:
        if not gc.get_freeze_count():  # nobody else keeps objects frozen: unfreeze moves none
            gc.freeze()
            gc.unfreeze()
        gc.set_threshold(first, *older)
