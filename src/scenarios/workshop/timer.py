"""The round's clock of a table, from the store's times: every screen shows the same time.

A round starts at the time of the line that began it; the first round, at the
table's first line of play: a welcome message or a pause sent to every table
before some have sat down (`PLAYS_NOTHING`) would make such a table late
before it played. A pause stops the
clock from the pause line's time to the resume line's; the facilitator's
`extend` lines give the round more time (until the next round). Each line's time is
written from the store's clock, so two laptops whose clocks disagree still
agree on how long the round has run.

A game resumed from its journal (`played_at_resume`) goes on with the time
between the round's lines only: from the line that began the round to the
journal's last line, pauses left out. What passed after the last line (the app
closed, or killed) counts for nothing, since nobody played then; the few
seconds between that line and the closing are lost with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import attrs

from scenarios.engine import Broadcast, Extend, Note, Pause, Resume, State
from scenarios.journal import Entry

# Lines about a table that play nothing: a note, a message, more time, a pause. Before
# the table's first line of play, they do not start its clock.
PLAYS_NOTHING = frozenset({Note.type, Broadcast.type, Extend.type, Pause.type, Resume.type})


def plays(entry: Entry) -> bool:
    """Whether `entry` is the table playing: its first such line starts its clock, and the
    room counts the table as active from its last."""
    return entry.action.get("type") not in PLAYS_NOTHING


@attrs.frozen
class RoundClock:
    """When the current round started, how long it has been paused so far, and how many
    seconds the facilitator added to it."""

    started: datetime | None = None
    paused_for: float = 0.0
    paused_since: datetime | None = None
    extra: int = 0

    def after(self, entry: Entry, before: State, after: State) -> RoundClock:
        """The clock once `entry` (which led from `before` to `after`) is played."""
        moment = datetime.fromisoformat(entry.time)
        if self.started is None:
            if plays(entry):  # keeps the time given before the table started
                return RoundClock(moment, 0.0, moment if after.paused else None, self.extra)
        elif after.turn != before.turn:
            return RoundClock(moment, 0.0, moment if after.paused else None)
        elif after.paused and not before.paused:
            return attrs.evolve(self, paused_since=moment)
        elif before.paused and not after.paused and self.paused_since is not None:
            paused = (moment - self.paused_since).total_seconds()
            return RoundClock(self.started, self.paused_for + max(0.0, paused), None, self.extra)
        if entry.action.get("type") == "extend":
            return attrs.evolve(self, extra=self.extra + int(entry.action["seconds"]))
        return self

    def elapsed(self, now: datetime) -> float:
        """Seconds of play in the current round at `now` (pauses left out)."""
        if self.started is None:
            return 0.0
        end = self.paused_since or now
        return max(0.0, (end - self.started).total_seconds() - self.paused_for)

    def left(self, now: datetime, round_seconds: int) -> float:
        """Seconds left in the round at `now` (negative once over): its planned length and
        what was added, less the time played."""
        return round_seconds + self.extra - self.elapsed(now)


def played_at_resume(initial: State, entries: Sequence[Entry], states: Sequence[State]) -> float:
    """Seconds already played in the current round of a journal being resumed: up to its
    last line, pauses left out (see the module's docstring). `states[i]` is the state
    `entries[i]` led to."""
    clock, before = RoundClock(), initial
    for entry, after in zip(entries, states, strict=True):
        clock, before = clock.after(entry, before, after), after
    return clock.elapsed(datetime.fromisoformat(entries[-1].time)) if entries else 0.0
