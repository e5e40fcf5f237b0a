"""The workshop's chronogram: each table's rounds against the clock, ahead of the plan or behind.

A seat keeps a `Timeline` of its table as it takes lines in (one append
when a round begins, a pause starts or ends, or the game ends), in the
store's times. From the timelines and the planned length of a round, the
pure functions here give each table's rounds as segments of time, how many
whole rounds it is ahead of the plan or behind, and the common time axis,
so that the dashboard only draws them and tests check them without a screen.

The plan: a table should begin its k-th round (counted from 0) once it has
played k round lengths since its own first line, paused time left out. A
table is ahead by the rounds it has begun beyond that; a finished table is
measured at the moment it finished.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

import attrs

from scenarios.engine import State
from scenarios.journal import Entry


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
        if not self.starts or self.starts[-1].turn < after.turn:
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
    """Every table's track on one time axis, from the first line of any table to now."""

    start: datetime | None
    now: datetime
    round_seconds: int
    tracks: tuple[Track, ...]


def played_seconds(timeline: Timeline, now: datetime) -> float:
    """Seconds the table has played from its first line to now (or its end), pauses and the
    time the facilitator gave it left out (a round given more time is not late)."""
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
    table_id: str, label: str, timeline: Timeline, now: datetime, round_seconds: int
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
    expected = int(played_seconds(timeline, now) // max(1, round_seconds)) + 1
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
    tables: Sequence[tuple[str, str, Timeline]], now: datetime, round_seconds: int
) -> Chronogram:
    """The chronogram of these tables (id, label, timeline) at `now` (the store's time)."""
    tracks = tuple(track(*table, now, round_seconds) for table in tables)
    firsts = [t.segments[0].start for t in tracks if t.segments]
    return Chronogram(min(firsts) if firsts else None, now, round_seconds, tracks)


def plan(start: datetime, now: datetime, round_seconds: int, phase_rounds: Sequence[int]) -> Track:
    """The plan as a track: rounds of `round_seconds` from `start`, through the phases (their
    numbers of rounds in order), up to now; `over` once its last round has run out."""
    length = timedelta(seconds=max(1, round_seconds))
    places = [(phase, n) for phase, rounds in enumerate(phase_rounds) for n in range(1, rounds + 1)]
    segments = []
    for index, (phase, rnd) in enumerate(places):
        begun = start + index * length
        if begun > now:
            break
        segments.append(Segment(begun, min(begun + length, now), index + 1, phase, rnd))
    over = start + len(places) * length <= now
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
