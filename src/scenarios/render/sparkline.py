"""A row of block characters for a series of values, scaled to fixed bounds.

Shared by the play screen's gauges and the reports: a leaf module, no imports
of ours.
"""

from __future__ import annotations

from collections.abc import Sequence

BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[int], low: int, high: int) -> str:
    """One block per value, scaled to [low, high] (an indicator's own bounds, not the data's)."""
    span = max(1, high - low)
    return "".join(BLOCKS[min(7, max(0, (v - low) * 7 // span))] for v in values)
