"""Relative times of a chronogramme (`J+1 H+2 M+30`, `H+0:20`, `+20 min`) and the rounds
they fall in.

A time counts from the start of the game (J+0 H+0); rounds follow one
another in the phases' order, each lasting its phase's `minutes` (the
`minutes` given for phases that set none), so a time falls in the round that
is running then (the start of round 2 of a phase of 6-minute rounds is H+0:06
after the phase's start; H+0:08 falls in it too). A time in the schedule sheet
becomes a `schedule:` entry's phase and round; a time on a card becomes the
condition `pin` writes.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from typing import Any

import attrs

from scenarios.deck.model import Deck

FORMS = "J+1 H+2 M+30, H+0:20, +20 min"  # the accepted forms, for hints
# A round's length when neither the phase nor the trainer sets one: seven rounds fit in the
# 40 minutes of play of docs/guide-animateur.md.
DEFAULT_MINUTES = 6

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


# A phase as times see it: its id, its number of rounds and, if it sets one, the minutes of
# its rounds (None, or left out: the `minutes` given to the functions below).
Span = tuple[str, int] | tuple[str, int, int | None]


def spans(deck: Deck) -> tuple[Span, ...]:
    """The deck's phases as times see them, in order."""
    return tuple((phase.id, phase.rounds, phase.minutes) for phase in deck.phases)


def round_seconds(deck: Deck, phase_index: int, minutes: int | None = None) -> int:
    """The planned length, in seconds, of a round of the deck's phase `phase_index`.

    `minutes` is a length the trainer chose for every round (setup, or `--minutes`
    on the command line; 0: no timer); None leaves each phase its own `minutes`,
    and DEFAULT_MINUTES to a phase without. Every timer, room view and plan of a
    table asks this, so that they all agree.
    """
    if minutes is not None:
        return minutes * 60
    return (deck.phases[phase_index].minutes or DEFAULT_MINUTES) * 60


def _timed(phases: Sequence[Span], minutes: int) -> list[tuple[str, int, int]]:
    return [(span[0], span[1], (span[2] if len(span) > 2 else None) or minutes) for span in phases]


def slot_at(offset: int, phases: Sequence[Span], minutes: int) -> Slot | None:
    """The round running `offset` minutes after the start; None after the last one."""
    start = 0
    for phase, rounds, length in _timed(phases, minutes):
        if offset < start + rounds * length:
            return Slot(phase, (offset - start) // length + 1)
        start += rounds * length
    return None


def start_of(slot: Slot, phases: Sequence[Span], minutes: int) -> int | None:
    """Minutes from the start to the start of `slot`; None for a round the phases lack."""
    start = 0
    for phase, rounds, length in _timed(phases, minutes):
        if phase == slot.phase:
            return start + (slot.round - 1) * length if 1 <= slot.round <= rounds else None
        start += rounds * length
    return None


def end_of(phases: Sequence[Span], minutes: int) -> int:
    """Minutes from the start to the end of the last round."""
    return sum(rounds * length for _, rounds, length in _timed(phases, minutes))


def round_minutes(phases: Sequence[Span], minutes: int) -> dict[str, int]:
    """The minutes of a round of each phase."""
    return {phase: length for phase, _, length in _timed(phases, minutes)}


def pin(round_: int, when: Any) -> str:
    """A drawn card's condition that lets it come only at `round_` of its phase.

    The card can be drawn at that round and at no other, but the draw
    (weight, events per round) still decides whether it comes; only a
    `schedule:` entry makes it certain.
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
