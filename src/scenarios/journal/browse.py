"""Random access to a journal's states, for trainers stepping through a past session.

Loading replays the journal once, verifying it, and keeps a checkpoint state
every `CHECKPOINT_EVERY` actions; the state after any action is then rebuilt
from the nearest checkpoint before it, so jumping anywhere costs at most that
many steps however long the journal. A journal still being written can be
followed: `follow()` reads and replays the lines appended since.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from scenarios.deck import Deck
from scenarios.engine import State, new_game
from scenarios.journal.format import Entry, Header
from scenarios.journal.reader import Damage, parse_journal, read_journal
from scenarios.journal.replaying import journal_deck, replay_entry

CHECKPOINT_EVERY = 64


class JournalBrowser:
    """The states of a journal's valid prefix, reachable in any order."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        content = read_journal(self.path)
        self.header: Header = content.header
        self.hash_version = content.header.hash_version
        self.deck: Deck = journal_deck(content.header)
        self.initial: State = new_game(self.deck, content.header.seed)
        self.entries: list[Entry] = []
        self.checkpoints: list[State] = [self.initial]
        self.positions: list[tuple[int, int, int]] = [self._position(self.initial)]
        self.damage: Damage | None = content.damage
        self._last: State = self.initial
        self._read_bytes = content.valid_bytes
        self._append(content.entries)

    def __len__(self) -> int:
        """The number of actions (the states are numbered 0, the start, to len)."""
        return len(self.entries)

    def _append(self, entries: tuple[Entry, ...] | list[Entry]) -> int:
        added = 0
        for entry in entries:
            state, problem = replay_entry(self._last, entry, hash_version=self.hash_version)
            if problem is not None:
                self.damage = problem
                break
            self.entries.append(entry)
            self.positions.append(self._position(state))
            self._last = state
            if len(self.entries) % CHECKPOINT_EVERY == 0:
                self.checkpoints.append(state)
            added += 1
        return added

    @staticmethod
    def _position(state: State) -> tuple[int, int, int]:
        return state.turn, state.phase_index, state.round

    def state(self, index: int) -> State:
        """The state after action `index` (0: before the first action)."""
        index = max(0, min(index, len(self.entries)))
        if index == len(self.entries):
            return self._last
        base = index // CHECKPOINT_EVERY
        state = self.checkpoints[base]
        for entry in self.entries[base * CHECKPOINT_EVERY : index]:
            state, _ = replay_entry(state, entry, verify=False)
        return state

    def states(self, first: int, last: int) -> Iterator[State]:
        """The states after actions `first` to `last` (inclusive), replayed in one pass."""
        first = max(0, min(first, len(self.entries)))
        last = max(first, min(last, len(self.entries)))
        state = self.state(first)
        yield state
        for entry in self.entries[first:last]:
            state, _ = replay_entry(state, entry, verify=False)
            yield state

    @property
    def last(self) -> State:
        return self._last

    @property
    def complete(self) -> bool:
        """Whether nothing is wrong with the journal but, at most, a line still being written."""
        return self.damage is None or self.damage.code == "truncated"

    def follow(self) -> int:
        """Replay the lines appended since the last read; returns how many actions were added."""
        if not self.complete:
            return 0
        data = self.path.read_bytes()
        if len(data) <= self._read_bytes:
            return 0
        content = parse_journal(data, str(self.path))
        new = [e for e in content.entries if e.seq > len(self.entries)]
        self._read_bytes = content.valid_bytes
        self.damage = content.damage
        return self._append(new)
