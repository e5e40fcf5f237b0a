"""The statistics the balance report and the lessons share: how big an effect, beyond noise."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence

MIN_SAMPLE = 20  # fewer games on either side and no verdict is given


def effect_size(yes: Sequence[float], no: Sequence[float]) -> tuple[float, float, float]:
    """The scores of games where something happened against the others (neither empty): the
    difference of their means, that difference over the pooled standard deviation (the
    effect size d), and two standard errors of d, below which the difference may be noise."""
    difference = statistics.fmean(yes) - statistics.fmean(no)
    size = difference / (statistics.pstdev([*yes, *no]) or 1.0)
    noise = 2 * math.sqrt(1 / len(yes) + 1 / len(no))
    return difference, size, noise
