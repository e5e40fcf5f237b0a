"""The chronogram: each table's rounds against the clock, ahead of the plan or behind."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from scenarios.deck import Deck, load_deck_text
from scenarios.engine import (
    Action,
    Broadcast,
    Draw,
    EndRound,
    Extend,
    Pause,
    Resume,
    Undo,
    apply,
    legal_actions,
    new_game,
    to_dict,
)
from scenarios.journal import Entry
from scenarios.workshop.chronogram import (
    Cell,
    PauseSpan,
    Planned,
    RoundStart,
    Timeline,
    cells,
    chronogram,
    plan,
    planned_rounds,
    track,
)

T0 = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
ROUND = (Planned(0, 1, 360),)  # six minutes a round, round after round


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def timeline(*starts: float, pauses: tuple[tuple[float, float | None], ...] = ()) -> Timeline:
    """Rounds begun at these minutes (avant 1, avant 2, pendant 1…), paused in these spans."""
    places = [(0, 1), (0, 2), (1, 1), (1, 2), (1, 3), (2, 1), (2, 2)]
    return Timeline(
        [RoundStart(at(m), turn, *places[turn - 1]) for turn, m in enumerate(starts, 1)],
        [PauseSpan(at(a), None if b is None else at(b)) for a, b in pauses],
    )


def test_a_table_on_the_plan_is_on_time() -> None:
    found = track("t", "Table 1", timeline(0, 6, 12), at(14), ROUND)
    assert (found.turn, found.expected, found.ahead) == (3, 3, 0)


def test_a_table_that_began_more_rounds_than_its_time_allows_is_ahead() -> None:
    found = track("t", "Table 1", timeline(0, 3, 5, 8), at(10), ROUND)
    assert (found.turn, found.expected, found.ahead) == (4, 2, 2)


def test_a_table_still_at_its_first_round_after_two_round_lengths_is_behind() -> None:
    assert track("t", "Table 1", timeline(0), at(12.5), ROUND).ahead == -2
    assert track("t", "Table 1", timeline(0), at(5.9), ROUND).ahead == 0, "whole rounds only"


def test_paused_time_does_not_count_as_played() -> None:
    paused = timeline(0, 6, pauses=((8, 20),))
    assert track("t", "Table 1", paused, at(22), ROUND).ahead == 0, "10 minutes played"
    assert track("t", "Table 1", timeline(0, 6), at(22), ROUND).ahead == -2
    still = timeline(0, pauses=((4, None),))
    assert track("t", "Table 1", still, at(60), ROUND).ahead == 0, "a pause that still lasts"


def test_a_finished_table_is_measured_when_it_finished() -> None:
    done = timeline(0, 5, 10, 15, 20, 25, 30)
    done.ended = at(35)
    found = track("t", "Table 1", done, at(90), ROUND)
    assert found.over and found.segments[-1].end == at(35)
    assert found.ahead == 2, "7 rounds done in 35 minutes: the plan was at the 6th"


def test_segments_run_from_each_start_to_the_next_and_the_last_to_now() -> None:
    found = track("t", "Table 1", timeline(0, 6, 13), at(15), ROUND)
    assert [(s.start, s.end, s.phase_index, s.round) for s in found.segments] == [
        (at(0), at(6), 0, 1),
        (at(6), at(13), 0, 2),
        (at(13), at(15), 1, 1),
    ]


def test_the_time_axis_runs_from_the_first_start_of_any_table_to_now() -> None:
    drawn = chronogram(
        [
            ("a", "Table 1", timeline(2, 8)),
            ("b", "Table 2", timeline(1)),
            ("c", "Table 3", Timeline()),
        ],
        at(10),
        ROUND,
    )
    assert (drawn.start, drawn.now) == (at(1), at(10))
    assert [t.label for t in drawn.tracks] == ["Table 1", "Table 2", "Table 3"]
    assert not drawn.tracks[2].started and drawn.tracks[2].ahead == 0
    assert chronogram([("c", "Table 3", Timeline())], at(10), ROUND).start is None


def test_cells_show_each_round_and_pause_at_its_time_and_nothing_before_the_start() -> None:
    found = track("t", "Table 1", timeline(2, 6, pauses=((8, 9),)), at(10), ROUND)
    drawn = cells(found, at(0), at(10), 10)
    assert drawn[:2] == [None, None]
    assert drawn[2:6] == [Cell(1, 0, False)] * 4
    assert drawn[6:] == [Cell(2, 0, False), Cell(2, 0, False), Cell(2, 0, True), Cell(2, 0, False)]


def test_a_seat_keeps_its_tables_rounds_and_pauses_as_it_takes_lines(crue: Deck) -> None:
    line, state, kept = 0, new_game(crue, 1), Timeline()

    def play(action: Action, minute: float) -> None:
        nonlocal line, state
        line += 1
        after = apply(state, action)
        moment = at(minute).isoformat()
        kept.took(Entry(seq=line, time=moment, action=to_dict(action), hash=""), after)
        state = after

    def end_round(minute: float) -> None:
        while EndRound() not in legal_actions(state):
            play(legal_actions(state)[0], minute)
        play(EndRound(), minute)

    play(Draw(), 0)
    play(Pause(), 2)
    play(Resume(), 3)
    end_round(6)
    end_round(12)
    assert [(s.time, s.turn, s.phase_index, s.round) for s in kept.starts] == [
        (at(0), 1, 0, 1),
        (at(6), 2, 0, 2),
        (at(12), 3, 1, 1),
    ]
    assert kept.pauses == [PauseSpan(at(2), at(3))]
    play(Undo(), 13)
    assert [s.turn for s in kept.starts] == [1, 2], "an undone end of round is no round"
    play(Pause(), 14)
    assert kept.pauses[-1] == PauseSpan(at(14)) and kept.ended is None
    play(Extend(120), 15)
    play(Extend(60), 15)
    assert kept.extended == 180


def test_a_table_begins_its_first_round_at_its_first_line_of_play(crue: Deck) -> None:
    state, kept = new_game(crue, 1), Timeline()
    for line, (action, minute) in enumerate(
        [(Broadcast("Bienvenue"), 0), (Pause(), 1), (Resume(), 9), (Draw(), 10)], 1
    ):
        state = apply(state, action)
        kept.took(
            Entry(seq=line, time=at(minute).isoformat(), action=to_dict(action), hash=""), state
        )
        if line == 3:
            assert kept.starts == [], "a message and a pause before it played start nothing"
    assert [(s.time, s.turn) for s in kept.starts] == [(at(10), 1)]
    found = track("t", "Table 1", kept, at(13), ROUND)
    assert found.started and found.ahead == 0, "three minutes into its first round: on time"


def test_time_the_facilitator_gave_a_table_is_not_lateness() -> None:
    slow = timeline(0)
    assert track("t", "Table 1", slow, at(8), ROUND).ahead == -1
    slow.extended = 3 * 60
    assert track("t", "Table 1", slow, at(8), ROUND).ahead == 0, "6 + 3 minutes for its round"


MIXED = """\
format: 1
id: minute
title: "Minuté"
phases:
  - {id: avant, title: "Avant", rounds: 2, minutes: 10}
  - {id: pendant, title: "Pendant", rounds: 2, minutes: 15}
  - {id: apres, title: "Après", rounds: 1}
roles:
  - {id: equipe, title: "Équipe"}
indicators:
  - {id: moral, title: "Moral", start: 5}
cards:
  - {id: chanter, type: decision, title: "Chanter", effects: {moral: 1}}
"""


def test_the_plan_gives_each_round_its_phases_minutes() -> None:
    rounds = planned_rounds(load_deck_text(MIXED))
    assert [(r.phase_index, r.round, r.seconds // 60) for r in rounds] == [
        (0, 1, 10), (0, 2, 10), (1, 1, 15), (1, 2, 15), (2, 1, 6),
    ]  # fmt: skip
    drawn = plan(at(0), at(38), rounds)
    assert [(s.start, s.end, s.phase_index, s.round) for s in drawn.segments] == [
        (at(0), at(10), 0, 1),
        (at(10), at(20), 0, 2),
        (at(20), at(35), 1, 1),
        (at(35), at(38), 1, 2),
    ]
    assert not drawn.over and plan(at(0), at(56), rounds).over, "10 + 10 + 15 + 15 + 6"
    assert [r.seconds for r in planned_rounds(load_deck_text(MIXED), 4)] == [240] * 5


def test_ahead_and_behind_count_each_rounds_own_length() -> None:
    rounds = planned_rounds(load_deck_text(MIXED))
    assert track("t", "Table 1", timeline(0, 10, 20), at(34), rounds).ahead == 0
    assert track("t", "Table 1", timeline(0, 10), at(34), rounds).ahead == -1
    assert track("t", "Table 1", timeline(0), at(36), rounds).ahead == -3
    late = track("t", "Table 1", timeline(0, 10, 20, 35, 50), at(63), rounds)
    assert late.ahead == -2, "the plan ran out at 56, then one more round of 6 minutes"
