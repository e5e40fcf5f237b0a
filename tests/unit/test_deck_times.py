"""Relative times of a trainer's chronogramme and the rounds they fall in."""

from __future__ import annotations

import datetime

import pytest

from scenarios.deck import load_deck_text
from scenarios.deck.times import (
    Slot,
    clock,
    end_of,
    parse_time,
    pin,
    round_seconds,
    slot_at,
    start_of,
    unpin,
)

PHASES = (("avant", 2), ("pendant", 3), ("apres", 2))


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("J+1 H+2 M+30", (24 + 2) * 60 + 30),
        ("j+0 h+0 m+13", 13),
        ("H+0:20", 20),
        ("H+1", 60),
        ("M+30", 30),
        ("+20 min", 20),
        ("+ 7", 7),
        (datetime.time(0, 20), 20),
        (datetime.timedelta(minutes=50), 50),
    ],
)
def test_the_accepted_forms(text: object, minutes: int) -> None:
    assert parse_time(text) == minutes


@pytest.mark.parametrize("text", ["", "20", "H+0:75", "demain", "H+", "M+30 H+1", "-20 min", 20])
def test_what_is_no_relative_time(text: object) -> None:
    assert parse_time(text) is None


def test_a_time_falls_in_the_round_running_then() -> None:
    assert slot_at(0, PHASES, 6) == Slot("avant", 1)
    assert slot_at(20, PHASES, 6) == Slot("pendant", 2)  # H+0:18 to H+0:24
    assert slot_at(41, PHASES, 6) == Slot("apres", 2)
    assert slot_at(42, PHASES, 6) is None  # the game is over
    assert slot_at(40, PHASES, 10) == Slot("pendant", 3)
    assert clock(start_of(Slot("pendant", 2), PHASES, 6) or 0) == "H+0:18"
    assert start_of(Slot("pendant", 4), PHASES, 6) is None


def test_a_pinned_condition_comes_back_apart() -> None:
    assert unpin(pin(2, None)) == (2, None)
    assert unpin(pin(3, "not inondation")) == (3, "not inondation")
    assert unpin(pin(1, "(a) or (b)")) == (1, "(a) or (b)")
    assert unpin("round == 2 and (a) or (b)") is None
    assert unpin("round >= 2") is None


def test_a_phase_with_its_own_minutes() -> None:
    """« avant » has two rounds of 10 minutes; the others last the minutes given (6)."""
    phases = (("avant", 2, 10), ("pendant", 3, None), ("apres", 2))
    assert slot_at(19, phases, 6) == Slot("avant", 2)
    assert slot_at(20, phases, 6) == Slot("pendant", 1)
    assert slot_at(33, phases, 6) == Slot("pendant", 3)
    assert start_of(Slot("pendant", 2), phases, 6) == 26
    assert start_of(Slot("apres", 1), phases, 6) == 38
    assert end_of(phases, 6) == 50 and slot_at(50, phases, 6) is None


TIMED = """\
format: 1
id: minute
title: "Minuté"
phases:
  - {id: avant, title: "Avant", rounds: 1, minutes: 15}
  - {id: pendant, title: "Pendant", rounds: 2}
roles:
  - {id: equipe, title: "Équipe"}
indicators:
  - {id: moral, title: "Moral", start: 5}
cards:
  - {id: chanter, type: decision, title: "Chanter", effects: {moral: 1}}
"""


def test_a_rounds_seconds_are_its_phases_minutes_unless_the_trainer_chose_some() -> None:
    deck = load_deck_text(TIMED)
    assert round_seconds(deck, 0) == 15 * 60
    assert round_seconds(deck, 1) == 6 * 60, "a phase without minutes: 6"
    assert round_seconds(deck, 0, 4) == round_seconds(deck, 1, 4) == 4 * 60, "for every round"
    assert round_seconds(deck, 0, 0) == 0, "no timer"
