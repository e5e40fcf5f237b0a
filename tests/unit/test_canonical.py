"""Canonical JSON: the bytes every recorded hash and check was computed on, whoever writes them."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from scenarios.engine.canonical import JsonFloat, canonical_json, sorted_json
from scenarios.journal.shapes import strict_json

# Text as journals hold it: any character but a lone surrogate (which no line may hold).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
SCALARS = st.none() | st.booleans() | st.integers() | TEXT
# Floats only ever come from a journal line, parsed as `JsonFloat`.
FLOATS = st.floats(allow_nan=False, allow_infinity=False).map(JsonFloat)
VALUES = st.recursive(
    SCALARS | FLOATS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=20,
)


def _standard(value: Any, sort_keys: bool = False) -> bytes:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=sort_keys)
    return text.encode("utf-8")


@given(VALUES)
def test_the_bytes_are_those_json_dumps_always_wrote(value: Any) -> None:
    assert canonical_json(value) == _standard(value)
    assert sorted_json(value) == _standard(value, sort_keys=True)


@given(VALUES)
def test_a_line_read_back_encodes_to_the_same_bytes(value: Any) -> None:
    line = _standard({"data": value}, sort_keys=True)
    assert sorted_json(strict_json(line.decode("utf-8"))) == line


def test_what_orjson_refuses_is_written_as_before() -> None:
    for value in [1 << 70, -(1 << 90), [JsonFloat(1e16), JsonFloat(1e-05)], {1: "clé entière"}]:
        assert canonical_json(value) == _standard(value)
    deep: Any = []
    for _ in range(300):  # past orjson's 255 levels
        deep = [deep]
    assert canonical_json(deep) == _standard(deep)
