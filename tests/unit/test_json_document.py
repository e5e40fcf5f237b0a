"""The JSON documents the reports and commands print: the text `json.dumps(indent=2,
ensure_ascii=False)` always printed, written faster."""

from __future__ import annotations

import json
import math

from hypothesis import given
from hypothesis import strategies as st

from scenarios.render.json_text import json_document

TEXT = st.text(st.characters(exclude_categories=()))  # any code point, lone surrogates too
SCALARS = st.none() | st.booleans() | st.integers() | TEXT


def values(scalars: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4)
        | st.dictionaries(TEXT | st.integers(), inner, max_size=4),
        max_leaves=20,
    )


@given(values(SCALARS))
def test_a_document_is_what_the_standard_library_writes(value: object) -> None:
    """Text in any script, lone surrogates (orjson refuses them), integers past 64 bits
    (likewise), numbers as keys: the same characters, to the last newline."""
    assert json_document(value) == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


@given(values(st.floats(allow_nan=False, allow_infinity=False)))
def test_a_document_with_numbers_reads_back_as_it_was(value: object) -> None:
    assert json.loads(json_document(value)) == json.loads(json.dumps(value))


def test_a_missing_number_is_null_not_invalid_json() -> None:
    assert json.loads(json_document({"mean": math.nan})) == {"mean": None}
