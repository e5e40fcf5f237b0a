"""The round's clock of a workshop table counts from the store's times, pauses left out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from scenarios.deck import Deck
from scenarios.engine import (
    Draw,
    EndRound,
    Extend,
    Pause,
    Resume,
    apply,
    legal_actions,
    new_game,
    to_dict,
)
from scenarios.journal import Entry
from scenarios.workshop.timer import RoundClock

T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def test_the_clock_starts_with_the_round_and_stops_while_paused(crue: Deck) -> None:
    clock, state, seconds = RoundClock(), new_game(crue, 1), 0

    def play(action: object, at: int) -> None:
        nonlocal clock, state
        after = apply(state, action)  # type: ignore[arg-type]
        entry = Entry(
            seq=1, time=(T0 + timedelta(seconds=at)).isoformat(), action=to_dict(action), hash=""
        )  # type: ignore[arg-type]
        clock, state = clock.after(entry, state, after), after

    assert clock.elapsed(T0) == 0.0
    play(Draw(), seconds)
    assert clock.elapsed(T0 + timedelta(seconds=90)) == 90
    play(Pause(), 100)
    assert clock.elapsed(T0 + timedelta(seconds=500)) == 100, "a paused clock stands still"
    play(Resume(), 160)
    assert clock.elapsed(T0 + timedelta(seconds=200)) == 140
    while EndRound() not in legal_actions(state):
        play(legal_actions(state)[0], 210)
    play(EndRound(), 300)
    assert clock.elapsed(T0 + timedelta(seconds=330)) == 30, "a new round starts the clock again"


def test_an_extension_gives_this_round_more_time_and_the_next_round_none(crue: Deck) -> None:
    clock, state = RoundClock(), new_game(crue, 1)

    def play(action: object, at: int) -> None:
        nonlocal clock, state
        after = apply(state, action)  # type: ignore[arg-type]
        entry = Entry(
            seq=1, time=(T0 + timedelta(seconds=at)).isoformat(), action=to_dict(action), hash=""
        )  # type: ignore[arg-type]
        clock, state = clock.after(entry, state, after), after

    play(Draw(), 0)
    assert clock.left(T0 + timedelta(seconds=700), 600) == -100, "the round has run over"
    play(Extend(120), 700)
    play(Extend(60), 710)
    assert clock.left(T0 + timedelta(seconds=700), 600) == 80, "three more minutes in all"
    play(Pause(), 720)
    play(Resume(), 820)
    assert clock.extra == 180, "a pause keeps the extension"
    while EndRound() not in legal_actions(state):
        play(legal_actions(state)[0], 830)
    play(EndRound(), 840)
    assert clock.left(T0 + timedelta(seconds=850), 600) == 590, "the next round has its own time"
