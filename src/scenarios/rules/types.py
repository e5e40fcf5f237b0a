"""The three value types of the expression language."""

from __future__ import annotations

import enum


class Type(enum.Enum):
    """What an expression gives: a whole number, true/false, or a text."""

    NUMBER = "number"
    BOOL = "bool"
    STRING = "string"
