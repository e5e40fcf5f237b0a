"""The round's clock of a workshop table counts from the store's times, pauses left out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from scenarios.deck import Deck
from scenarios.engine import (
    Action,
    Broadcast,
    Draw,
    EndRound,
    Extend,
    Note,
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


class Table:
    """A game whose lines are written at chosen seconds, and the round's clock it leads to."""

    def __init__(self, deck: Deck) -> None:
        self.clock, self.state = RoundClock(), new_game(deck, 1)

    def play(self, action: Action, at: int) -> None:
        after = apply(self.state, action)
        moment = (T0 + timedelta(seconds=at)).isoformat()
        entry = Entry(seq=1, time=moment, action=to_dict(action), hash="")
        self.clock, self.state = self.clock.after(entry, self.state, after), after

    def end_round(self, at: int) -> None:
        while EndRound() not in legal_actions(self.state):
            self.play(legal_actions(self.state)[0], at)
        self.play(EndRound(), at)


def test_the_clock_starts_with_the_round_and_stops_while_paused(crue: Deck) -> None:
    table = Table(crue)
    assert table.clock.elapsed(T0) == 0.0
    table.play(Draw(), 0)
    assert table.clock.elapsed(T0 + timedelta(seconds=90)) == 90
    table.play(Pause(), 100)
    assert table.clock.elapsed(T0 + timedelta(seconds=500)) == 100, "a paused clock stands still"
    table.play(Resume(), 160)
    assert table.clock.elapsed(T0 + timedelta(seconds=200)) == 140
    table.end_round(300)
    assert table.clock.elapsed(T0 + timedelta(seconds=330)) == 30, "a new round starts again"


def test_an_extension_gives_this_round_more_time_and_the_next_round_none(crue: Deck) -> None:
    table = Table(crue)
    table.play(Draw(), 0)
    assert table.clock.left(T0 + timedelta(seconds=700), 600) == -100, "the round has run over"
    table.play(Extend(120), 700)
    table.play(Extend(60), 710)
    assert table.clock.left(T0 + timedelta(seconds=700), 600) == 80, "three more minutes in all"
    table.play(Pause(), 720)
    table.play(Resume(), 820)
    assert table.clock.extra == 180, "a pause keeps the extension"
    table.end_round(840)
    assert table.clock.left(T0 + timedelta(seconds=850), 600) == 590, "the next round: its own time"


def test_what_the_facilitator_sends_before_the_table_plays_starts_no_clock(crue: Deck) -> None:
    # A welcome message and a pause sent to every table at 9:00, while this one sits
    # down at 9:10: its first round starts then, with the time it was given, not late.
    table = Table(crue)
    table.play(Broadcast("Bienvenue : on commence à 9 h 10"), 0)
    table.play(Note("La table 2 s'installe."), 5)
    table.play(Pause(), 10)
    table.play(Resume(), 20)
    table.play(Extend(60), 30)
    assert table.clock.left(T0 + timedelta(seconds=600), 360) == 420, "full time, and the extra"
    table.play(Draw(), 600)
    assert table.clock.left(T0 + timedelta(seconds=660), 360) == 360
    table.play(Broadcast("Plus que cinq minutes"), 700)
    assert table.clock.elapsed(T0 + timedelta(seconds=720)) == 120, "once started, it runs on"
