"""A small seeded generator that lives in the game state as one integer.

SplitMix64: 64-bit integer arithmetic only, so the same seed gives the same
draws on every machine and Python version, and the whole generator state is a
number that serialises, hashes and replays (unlike `random.getstate()`).
"""

from __future__ import annotations

from collections.abc import Sequence

MASK = (1 << 64) - 1
_GAMMA = 0x9E3779B97F4A7C15


def seed_state(seed: int) -> int:
    """The generator state for a user-facing seed (any integer)."""
    return seed & MASK


def next_u64(state: int) -> tuple[int, int]:
    """The next state and a uniformly distributed 64-bit output."""
    state = (state + _GAMMA) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def below(state: int, n: int) -> tuple[int, int]:
    """The next state and an integer in [0, n) (n ≥ 1)."""
    state, value = next_u64(state)
    return state, (value * n) >> 64


def unit(state: int) -> tuple[int, float]:
    """The next state and a float in [0, 1) with 53 random bits."""
    state, value = next_u64(state)
    return state, (value >> 11) * (1.0 / (1 << 53))


def shuffled(state: int, items: Sequence[str]) -> tuple[int, tuple[str, ...]]:
    """The next state and `items` in a Fisher–Yates shuffled order."""
    result = list(items)
    for i in range(len(result) - 1, 0, -1):
        state, j = below(state, i + 1)
        result[i], result[j] = result[j], result[i]
    return state, tuple(result)


def weighted_index(state: int, weights: Sequence[float]) -> tuple[int, int]:
    """The next state and an index chosen with probability proportional to its weight."""
    total = sum(weights)
    state, u = unit(state)
    target = u * total
    running = 0.0
    for index, weight in enumerate(weights):
        running += weight
        if target < running:
            return state, index
    return state, len(weights) - 1
