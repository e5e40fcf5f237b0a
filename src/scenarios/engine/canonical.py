"""Canonical JSON bytes: what the state hash, the history digests and the journal's checks hash.

The bytes are those of `json.dumps(value, ensure_ascii=False,
separators=(",", ":"))` (with `sort_keys=True` for `sorted_json`) encoded
in UTF-8: every hash ever recorded was computed on them, so they may never
change. `orjson` writes the same bytes for the values the engine and the
journal hold (text, integers, booleans, null, lists, mappings with text
keys) about ten times faster; whatever it refuses (integers past 64 bits,
text that is not UTF-8, floats read from a journal as `JsonFloat`, nesting
past 255 levels) goes to the standard library, which writes what it always
wrote.

Floats are the one type the two would write differently (`1e+16` against
`1e16`): the engine never holds one, and the journal reader parses them as
`JsonFloat`, which orjson refuses, so they always take the standard path.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_sorted_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode
_SORTED = orjson.OPT_SORT_KEYS


class JsonFloat(float):
    """A float read from a journal: encoded by the standard library, as it always was."""

    __slots__ = ()


def canonical_json(value: Any) -> bytes:
    """`value` as compact JSON in UTF-8, keys in their order."""
    try:
        return orjson.dumps(value)
    except TypeError:
        return _dumps(value).encode("utf-8")


def sorted_json(value: Any) -> bytes:
    """`value` as compact JSON in UTF-8, the keys of every object sorted."""
    try:
        return orjson.dumps(value, option=_SORTED)
    except TypeError:
        return _sorted_dumps(value).encode("utf-8")
