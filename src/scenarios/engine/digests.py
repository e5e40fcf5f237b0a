"""Additive digests: what lets the state hash cover parts that grow with the game.

A digest is the sum modulo 2^256 of the sha256 of each entry's canonical
JSON: adding an entry costs one sha256 whatever came before, and the sum is a
function of the contents, not of the order they came in (see
`engine.state`). Every hash ever recorded was computed this way.
"""

from __future__ import annotations

import functools
import hashlib
from typing import Any

from scenarios.engine.canonical import canonical_json

MODULUS = 1 << 256


def entry_digest(*parts: object) -> int:
    """The sha256 of one entry's canonical JSON, as an integer to add into a digest."""
    return int.from_bytes(hashlib.sha256(canonical_json(parts)).digest(), "big")


def add_digest(digest: int, *parts: object) -> int:
    """`digest` with the entry made of `parts` added."""
    return (digest + entry_digest(*parts)) % MODULUS


# The digest of an entry that comes back game after game, kept rather than re-encoded: a
# history count's (table, key, count), taken out again when the count moves on, and a
# decision made without a rationale (a simulated table's, most of a real table's).
cached_digest = functools.lru_cache(maxsize=1 << 16)(entry_digest)


@functools.lru_cache(maxsize=1 << 16)
def count_step(name: str, key: Any, old: int) -> int:
    """What a count going from `old` (0: absent) to `old + 1` adds to the digest: the
    engine bumps a count or two at every action, each in one look-up."""
    step = cached_digest(name, key, old + 1)
    return step - cached_digest(name, key, old) if old else step
