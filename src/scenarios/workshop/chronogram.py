"""The workshop's chronogram: each table's rounds against the clock, ahead of the plan or behind.

A seat keeps a `Timeline` of its table as it takes lines in (one append
when a round begins, a pause starts or ends, or the game ends), in the
store's times. From the timelines and the plan (every round of the deck in
order with its planned length: its phase's `minutes`, or the trainer's
`--minutes` for all, `deck/times.py` `round_seconds`), the pure functions here
give each table's rounds as segments of time, how many whole rounds it is
ahead of the plan or behind, and the common time axis, so that the dashboard
only draws them and tests check them without a screen.

The plan: a table should begin its k-th round (counted from 0) once it has
played the lengths of the plan's first k rounds since its own first line of
play (`timer.plays`: a message sent before it sat down starts nothing),
paused time left out (past the plan's last round, more rounds of the last
one's length). A table is ahead by the rounds it has begun beyond that; a
finished table is measured at the moment it finished.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import attrs

from scenarios.deck.model import Deck
from scenarios.deck.times import round_seconds
from scenarios.engine import State
from scenarios.journal import Entry
from scenarios.workshop.timer import plays


@attrs.frozen
class Planned:
    """A round of the plan: its phase, its number in the phase (from 1), its length."""

    phase_index: int
    round: int
    seconds: int


def planned_rounds(deck: Deck, minutes: int | None = None) -> tuple[Planned, ...]:
    """Every round of the deck in order, each as long as `round_seconds` says (`minutes`:
    the trainer's length for every round; None: each phase's own)."""
    return tuple(
        Planned(index, number, round_seconds(deck, index, minutes))
        for index, phase in enumerate(deck.phases)
        for number in range(1, phase.rounds + 1)
    )


def expected_turn(played: float, rounds: Sequence[Planned]) -> int:
    """The round (from 1) the plan expects after `played` seconds of play; past its last
    round, more rounds of the last one's length."""
    turn, elapsed = 1, 0
    for planned in rounds:
        elapsed += max(1, planned.seconds)
        if played < elapsed:
            return turn
        turn += 1
    last = max(1, rounds[-1].seconds) if rounds else 1
    return turn + int((played - elapsed) // last)


@attrs.frozen
class RoundStart:
    """When a round began (the store's time), and which one."""

    time: datetime
    turn: int
    phase_index: int
    round: int


@attrs.frozen
class PauseSpan:
    """A pause of the table: from `start` to `end` (None while it lasts)."""

    start: datetime
    end: datetime | None = None


@attrs.define(eq=False)
class Timeline:
    """A table's rounds and pauses so far (mutable: its seat appends as the table moves)."""

    starts: list[RoundStart] = attrs.field(factory=list)
    pauses: list[PauseSpan] = attrs.field(factory=list)
    ended: datetime | None = None
    extended: int = 0  # seconds the facilitator added to its rounds, in all

    def took(self, entry: Entry, after: State) -> None:
        """Move on past `entry`, which led to `after`: constant work per line."""
        moment = datetime.fromisoformat(entry.time)
        if entry.action.get("type") == "extend":
            self.extended += int(entry.action["seconds"])
        while self.starts and self.starts[-1].turn > after.turn:
            self.starts.pop()  # an undo went back over the end of a round
        if (self.starts[-1].turn < after.turn) if self.starts else plays(entry):
            self.starts.append(RoundStart(moment, after.turn, after.phase_index, after.round))
        pausing = bool(self.pauses) and self.pauses[-1].end is None
        if after.paused and not pausing:
            self.pauses.append(PauseSpan(moment))
        elif pausing and not after.paused:
            self.pauses[-1] = PauseSpan(self.pauses[-1].start, moment)
        if after.over != (self.ended is not None):
            self.ended = moment if after.over else None


@attrs.frozen
class Segment:
    """One round of a table as a span of time (the current one ends now)."""

    start: datetime
    end: datetime
    turn: int
    phase_index: int
    round: int


@attrs.frozen
class Track:
    """One table's row of the chronogram."""

    table_id: str
    label: str
    segments: tuple[Segment, ...]
    pauses: tuple[tuple[datetime, datetime], ...]  # each ended at the latest at the track's end
    turn: int  # the round it is at, from 1 (0: not started)
    expected: int  # the round the plan expects after the time it has played, from 1
    over: bool

    @property
    def started(self) -> bool:
        return bool(self.segments)

    @property
    def ahead(self) -> int:
        """Whole rounds ahead of the plan (negative: behind); a finished table has done its
        last round, so it counts one more."""
        return self.turn + self.over - self.expected if self.started else 0


@attrs.frozen
class Chronogram:
    """Every table's track on one time axis, from any table's first line of play to now."""

    start: datetime | None
    now: datetime
    rounds: tuple[Planned, ...]  # the plan
    tracks: tuple[Track, ...]


def played_seconds(timeline: Timeline, now: datetime) -> float:
    """Seconds the table has played from its first line of play to now (or its end), pauses
    and the time the facilitator gave it left out (a round given more time is not late)."""
    if not timeline.starts:
        return 0.0
    first = timeline.starts[0].time
    end = min(timeline.ended or now, now)
    paused = sum(
        max(0.0, (min(pause.end or end, end) - max(pause.start, first)).total_seconds())
        for pause in timeline.pauses
    )
    return max(0.0, (end - first).total_seconds() - paused - timeline.extended)


def track(
    table_id: str, label: str, timeline: Timeline, now: datetime, rounds: Sequence[Planned]
) -> Track:
    """A table's row at `now`: its rounds as segments, and where the plan expects it."""
    end = min(timeline.ended or now, now)
    starts = timeline.starts
    segments = tuple(
        Segment(
            begun.time,
            max(begun.time, starts[index + 1].time if index + 1 < len(starts) else end),
            begun.turn,
            begun.phase_index,
            begun.round,
        )
        for index, begun in enumerate(starts)
    )
    pauses = tuple(
        (pause.start, min(pause.end or end, end)) for pause in timeline.pauses if pause.start < end
    )
    expected = expected_turn(played_seconds(timeline, now), rounds)
    return Track(
        table_id,
        label,
        segments,
        pauses,
        starts[-1].turn if starts else 0,
        expected,
        timeline.ended is not None,
    )


def chronogram(
    tables: Sequence[tuple[str, str, Timeline]], now: datetime, rounds: Sequence[Planned]
) -> Chronogram:
    """The chronogram of these tables (id, label, timeline) at `now` (the store's time),
    against the plan `rounds`."""
    tracks = tuple(track(*table, now, rounds) for table in tables)
    firsts = [t.segments[0].start for t in tracks if t.segments]
    return Chronogram(min(firsts) if firsts else None, now, tuple(rounds), tracks)


def plan(start: datetime, now: datetime, rounds: Sequence[Planned]) -> Track:
    """The plan as a track: its rounds one after the other from `start`, each its own
    length, up to now; `over` once its last round has run out."""
    segments = []
    begun = start
    for index, planned in enumerate(rounds):
        if begun > now:
            break
        end = begun + timedelta(seconds=max(1, planned.seconds))
        segments.append(
            Segment(begun, min(end, now), index + 1, planned.phase_index, planned.round)
        )
        begun = end
    over = begun <= now  # past the end of the last round (a break leaves it after now)
    turn = len(segments)
    return Track("", "", tuple(segments), (), turn, turn, over)


@attrs.frozen
class Cell:
    """What one column of a track's bar shows: a round (its phase and turn), paused or not."""

    turn: int
    phase_index: int
    paused: bool


def cells(found: Track, start: datetime, now: datetime, width: int) -> list[Cell | None]:
    """The track drawn over `width` columns from `start` to `now`: each column shows what
    the table did at the middle of its span of time (None: before its start or after its end)."""
    span = max((now - start).total_seconds(), 1e-6)
    out: list[Cell | None] = []
    segment_index = pause_index = 0
    segments, pauses = found.segments, found.pauses
    for column in range(width):
        moment = start + timedelta(seconds=span * (column + 0.5) / width)
        while segment_index < len(segments) and segments[segment_index].end <= moment:
            segment_index += 1
        while pause_index < len(pauses) and pauses[pause_index][1] <= moment:
            pause_index += 1
        segment = segments[segment_index] if segment_index < len(segments) else None
        if segment is None or moment < segment.start:
            out.append(None)
            continue
        paused = pause_index < len(pauses) and pauses[pause_index][0] <= moment
        out.append(Cell(segment.turn, segment.phase_index, paused))
    return out
