"""Relative times of a chronogramme (`J+1 H+2 M+30`, `H+0:20`, `+20 min`) and the rounds
they fall in.

A time counts from the start of the game (J+0 H+0); rounds last `minutes`
each, one after the other in the phases' order, so a time falls in the round
that is running then (the start of round 2 of a phase of 6-minute rounds is
H+0:06 after the phase's start; H+0:08 falls in it too). The deck format has no
schedule yet (issue 15 adds `schedule:`): a time is turned into what it offers,
see `pin`.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from typing import Any

import attrs

FORMS = "J+1 H+2 M+30, H+0:20, +20 min"  # the accepted forms, for hints

_PARTS = re.compile(
    r"(?:[JD]\s*\+\s*(?P<days>\d+))?\s*"
    r"(?:H\s*\+\s*(?P<hours>\d+)(?:\s*:\s*(?P<hour_minutes>\d{2}))?)?\s*"
    r"(?:M(?:IN)?\s*\+\s*(?P<minutes>\d+))?",
    re.IGNORECASE,
)
_PLUS = re.compile(r"\+\s*(?P<minutes>\d+)\s*(?:min|mn|minutes?)?\.?", re.IGNORECASE)
_PINNED = re.compile(r"round == (?P<round>\d+)(?: and \((?P<rest>.*)\))?", re.DOTALL)


def parse_time(cell: Any) -> int | None:
    """Minutes from the start of the game, or None when `cell` is no relative time.

    A duration or a time of day that a spreadsheet made of « 0:20 » counts too.
    """
    if isinstance(cell, datetime.timedelta):
        return int(cell.total_seconds()) // 60
    if isinstance(cell, datetime.time):
        return cell.hour * 60 + cell.minute
    if not isinstance(cell, str):
        return None
    text = cell.strip()
    plus = _PLUS.fullmatch(text)
    if plus is not None:
        return int(plus["minutes"])
    parts = _PARTS.fullmatch(text)
    if parts is None or not text:
        return None
    if parts["hour_minutes"] is not None and int(parts["hour_minutes"]) >= 60:
        return None
    days, hours, minutes = (int(parts[name] or 0) for name in ("days", "hours", "minutes"))
    return (days * 24 + hours) * 60 + int(parts["hour_minutes"] or 0) + minutes


def clock(offset: int) -> str:
    """Minutes from the start as « H+0:12 » (the form the printed chronogramme uses)."""
    hours, rest = divmod(offset, 60)
    return f"H+{hours}:{rest:02d}"


@attrs.frozen
class Slot:
    """A round of a phase (1-based, as `round` in a condition)."""

    phase: str
    round: int


def slot_at(offset: int, phases: Sequence[tuple[str, int]], minutes: int) -> Slot | None:
    """The round running `offset` minutes after the start; None after the last one.
    `phases` are the phases' ids and numbers of rounds, in order."""
    index = offset // minutes
    for phase, rounds in phases:
        if index < rounds:
            return Slot(phase, index + 1)
        index -= rounds
    return None


def start_of(slot: Slot, phases: Sequence[tuple[str, int]], minutes: int) -> int | None:
    """Minutes from the start to the start of `slot`; None for a round the phases lack."""
    index = 0
    for phase, rounds in phases:
        if phase == slot.phase:
            return (index + slot.round - 1) * minutes if 1 <= slot.round <= rounds else None
        index += rounds
    return None


def end_of(phases: Sequence[tuple[str, int]], minutes: int) -> int:
    return sum(rounds for _, rounds in phases) * minutes


def pin(round_: int, when: Any) -> str:
    """A drawn card's condition that lets it come only at `round_` of its phase.

    This is the most the format offers: the card can be drawn at that round
    and at no other, but the draw (weight, events per round) still decides
    whether it comes; a `schedule:` (issue 15) will make it certain.
    """
    pinned = f"round == {round_}"
    if when is None:
        return pinned
    return f"{pinned} and ({when})"


def unpin(when: str) -> tuple[int, str | None] | None:
    """The round and the rest of a condition `pin` writes, or None for any other."""
    found = _PINNED.fullmatch(when)
    if found is None:
        return None
    rest = found["rest"]
    if rest is not None and not _balanced(rest):
        return None  # « round == 2 and (a) or (b) » is no pinned condition
    return int(found["round"]), rest


def _balanced(text: str) -> bool:
    depth, quote = 0, ""
    for char in text:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0 and not quote
