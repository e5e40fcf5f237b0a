"""The expected shape of a journal's lines: which field holds which JSON type.

A journal comes from a disk, a copy, a mail: any field may hold anything.
Each line is checked against its shape before it is used, so a wrong type
is reported as damage at that line (naming the field) instead of failing
deep inside with a TypeError.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, Final

from scenarios.engine.canonical import JsonFloat

# A shape is a JSON type name, a tuple (list of that shape; "+" first: not
# empty), or a mapping of field -> shape (a "?" suffix: the field may be
# absent or null).
Shape = str | tuple[Any, ...] | Mapping[str, Any]

_TYPES: Final[Mapping[str, tuple[type, ...]]] = {
    "text": (str,),
    "integer": (int,),
    "bool": (bool,),
    "object": (dict,),
}

FILE: Final = {"name": "text", "text": "text"}
TEAM: Final = {"name": "text", "roles": ("text",)}
HEADER: Final = {
    "journal": "integer",
    "deck": {"id": "text", "sha256": "text", "title?": "text", "files": ("+", FILE)},
    "seed": "integer",
    "teams": (TEAM,),
    "started": "text",
    "engine": "text",
    "app?": "text",
    "lang?": "text",
    "table?": "text",
    "variables?": "object",
}
ANNOTATION: Final = {"seq": "integer", "text": "text", "time?": "text"}
ENTRY: Final = {
    "seq": "integer",
    "time": "text",
    "action": "object",
    "hash": "text",
    "draws?": ("text",),
    "over?": "bool",
    "by?": "text",
}


def misfit(value: object, shape: Shape, path: str = "") -> str | None:
    """The path of the first field of `value` that does not fit `shape`, or None."""
    if isinstance(shape, str):
        expected = _TYPES[shape]
        is_bool = isinstance(value, bool)
        fits = isinstance(value, expected) and (shape == "bool" or not is_bool)
        return None if fits else path or "."
    if isinstance(shape, tuple):
        non_empty = shape[0] == "+"
        item_shape = shape[-1]
        if not isinstance(value, list) or (non_empty and not value):
            return path or "."
        for index, item in enumerate(value):
            found = misfit(item, item_shape, f"{path}[{index}]")
            if found:
                return found
        return None
    if not isinstance(value, dict):
        return path or "."
    for key, field_shape in shape.items():
        name = key.rstrip("?")
        inner = f"{path}.{name}" if path else name
        if value.get(name) is None:
            if key.endswith("?"):
                continue
            return inner
        found = misfit(value[name], field_shape, inner)
        if found:
            return found
    return None


def entry_fits(data: dict[str, Any]) -> bool:
    """Whether an action line surely fits `ENTRY` (as `misfit` would find): the quick
    test every line of a long journal takes; `misfit` names what does not fit."""
    draws = data.get("draws")
    over = data.get("over")
    return (
        type(data.get("seq")) is int
        and type(data.get("time")) is str
        and type(data.get("action")) is dict
        and type(data.get("hash")) is str
        and (draws is None or (type(draws) is list and all(type(d) is str for d in draws)))
        and (over is None or type(over) is bool)
    )


def strict_json(text: str) -> Any:
    """`json.loads`, refusing NaN and Infinity, a key repeated in an object (which
    readers resolve differently: a line must mean one thing), and bad JSON (ValueError).

    Floats are read as `JsonFloat`, so that a line's check is computed on the
    bytes the standard library writes for them. Integers over 4,300 digits
    raise ValueError too (Python's own limit), and so does a lone surrogate
    (`"\\ud800"`): valid JSON, but no text, it would fail later when encoded (to
    check a line, or to show it).
    """
    data = _DECODER.decode(text)
    if _SURROGATE_ESCAPE.search(text) and not _encodable(data):
        raise ValueError("a lone surrogate is not text")
    return data


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    if len(data) != len(pairs):
        raise ValueError("a key is repeated in an object")
    return data


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number a journal holds")


# Made once: `json.loads` with options makes a decoder at every call.
_DECODER = json.JSONDecoder(
    parse_constant=_refuse_constant, parse_float=JsonFloat, object_pairs_hook=_unique_keys
)
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _encodable(data: Any) -> bool:
    """Whether every string (keys too) of parsed JSON is text that UTF-8 can encode."""
    pending = [data]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return False
    return True
