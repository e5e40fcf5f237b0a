"""The round's clock of a workshop table counts from the store's times, pauses left out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from scenarios.deck import Deck
from scenarios.engine import Draw, EndRound, Pause, Resume, apply, legal_actions, new_game, to_dict
from scenarios.journal import Entry
from scenarios.workshop.timer import RoundClock

T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def test_the_clock_starts_with_the_round_and_stops_while_paused(crue: Deck) -> None:
    clock, state, seconds = RoundClock(), new_game(crue, 1), 0

    def play(action: object, at: int) -> None:
        nonlocal clock, state
        after = apply(state, action)  # type: ignore[arg-type]
        entry = Entry(seq=1, time=(T0 + timedelta(seconds=at)).isoformat(), action=to_dict(action), hash="")  # type: ignore[arg-type]
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
