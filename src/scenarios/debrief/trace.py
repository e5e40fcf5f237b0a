"""A session as the debrief reads it: each journaled action with the state it led to.

Built by replaying the journal with the deck it carries. Actions that were
later undone stay in the trace, marked `undone`, so the debrief can say
what the table took back but never counts them as done.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs

from scenarios.deck import Deck
from scenarios.engine import (
    Action,
    Choose,
    Draw,
    EndRound,
    Inject,
    Pass,
    Play,
    State,
    Undo,
    action_from_dict,
)
from scenarios.engine.events import LogEvent
from scenarios.journal import Damage, Header, JournalContent, read_journal, replay

UNDOABLE = (Draw, Choose, Play, Pass, EndRound, Inject)


@attrs.frozen
class Step:
    """One journaled action: its sequence number, what it was, and the state before and after."""

    seq: int
    time: str
    action: Action
    before: State
    after: State
    undone: bool = False

    @property
    def events(self) -> tuple[LogEvent, ...]:
        return self.after.last

    @property
    def where(self) -> tuple[int, str, int]:
        """(turn, phase, round) when the action was taken."""
        return self.before.turn, self.before.phase, self.before.round


@attrs.frozen
class SessionTrace:
    """A whole session replayed step by step from its journal, ready to be analysed."""

    path: str
    header: Header
    deck: Deck
    initial: State
    steps: tuple[Step, ...]
    damage: Damage | None = None

    @property
    def final(self) -> State:
        return self.steps[-1].after if self.steps else self.initial

    def done(self) -> Iterator[Step]:
        """Steps that count: not undone, and not the undo actions themselves."""
        return (s for s in self.steps if not s.undone and not isinstance(s.action, Undo))


def trace_of(content: JournalContent) -> SessionTrace:
    """The trace of a journal's valid, consistent prefix."""
    replayed = replay(content, keep_states=True)
    states = (replayed.initial, *replayed.states)
    entries = content.entries[: replayed.applied]
    steps: list[Step] = []
    stack: list[int] = []
    undone: set[int] = set()
    actions = [action_from_dict(entry.action) for entry in entries]
    for index, action in enumerate(actions):
        if isinstance(action, Undo) and stack:
            undone.add(stack.pop())
        elif isinstance(action, UNDOABLE):
            stack.append(index)
    for index, (entry, action) in enumerate(zip(entries, actions, strict=True)):
        steps.append(
            Step(entry.seq, entry.time, action, states[index], states[index + 1], index in undone)
        )
    damage = content.damage or replayed.divergence
    return SessionTrace(
        content.path, content.header, replayed.deck, replayed.initial, tuple(steps), damage
    )


def load_trace(path: str | Path) -> SessionTrace:
    """Read and replay the journal at `path` (`JournalError` if it cannot be read)."""
    return trace_of(read_journal(path))
