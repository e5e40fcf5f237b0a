"""The game state: immutable, plain data, with a stable hash.

`State` is what every action produces. Inside `apply`, a mutable `Draft` is
filled from it, changed, and frozen into the next `State`; nothing outside
ever sees a draft, so the engine stays a pure function of (state, action).

`undo` points at the state before the last game action so that an undo is a
step back, not a replay. It takes no part in equality or the hash: two states
that play the same from here on are equal.

The hash must stay cheap however long the game: the parts that grow (the
history counts, the indicator trail, the notes) carry an additive digest, the
sum modulo 2^256 of the sha256 of each entry, updated entry by entry as the
game goes. It is a function of the contents, not of the order they came in.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from scenarios.deck import Deck
from scenarios.engine.events import LogEvent
from scenarios.engine.frozendict import FrozenDict

Stage = Literal["events", "decisions", "end", "over"]


@attrs.frozen
class ActiveLasting:
    """Lasting effects still to apply: from `card` (and `option`), for `remaining` round starts."""

    card: str
    option: str | None
    remaining: int


@attrs.frozen
class ScheduledTrigger:
    """A card a `trigger` effect scheduled: it fires at the event step of turn `due`."""

    due: int
    card: str


@attrs.frozen
class NoteEntry:
    """A facilitator's note and when it was written."""

    turn: int
    phase: str
    text: str


_MODULUS = 1 << 256
HISTORY_TABLES = ("plays", "passes", "fired", "choices", "tags", "last_turn")


def entry_digest(*parts: object) -> int:
    """The sha256 of one entry's canonical JSON, as an integer to add into a digest."""
    text = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest(), "big")


def add_digest(digest: int, *parts: object) -> int:
    return (digest + entry_digest(*parts)) % _MODULUS


@attrs.frozen
class History:
    """Counts of what happened, for the expression functions and the debrief.

    `plays` counts decisions by (card, role, phase); `passes` by (role,
    phase); `fired` events and dilemmas by (card, phase); `choices` by
    (dilemma, option); `tags` by (tag, phase); `last_turn` is the last turn a
    card was played or fired.
    `digest` sums the digests of every entry (see the module's docstring).
    """

    plays: FrozenDict[tuple[str, str, str], int] = FrozenDict()
    passes: FrozenDict[tuple[str, str], int] = FrozenDict()
    fired: FrozenDict[tuple[str, str], int] = FrozenDict()
    choices: FrozenDict[tuple[str, str], int] = FrozenDict()
    tags: FrozenDict[tuple[str, str], int] = FrozenDict()
    last_turn: FrozenDict[str, int] = FrozenDict()
    digest: int = attrs.field(default=0, eq=False)


class HistoryDraft:
    """History being changed inside one `apply`: tables are copied on first write."""

    def __init__(self, history: History) -> None:
        self.base = history
        self.tables: dict[str, dict[Any, int]] = {}
        self.digest = history.digest

    def table(self, name: str) -> Mapping[Any, int]:
        table = self.tables.get(name)
        if table is not None:
            return table
        frozen: Mapping[Any, int] = getattr(self.base, name)
        return frozen

    def _writable(self, name: str) -> dict[Any, int]:
        table = self.tables.get(name)
        if table is None:
            table = self.tables[name] = dict(getattr(self.base, name))
        return table

    def put(self, name: str, key: Any, value: int) -> None:
        table = self._writable(name)
        old = table.get(key)
        if old is not None:
            self.digest = (self.digest - entry_digest(name, key, old)) % _MODULUS
        table[key] = value
        self.digest = add_digest(self.digest, name, key, value)

    def bump(self, name: str, key: Any) -> None:
        self.put(name, key, self.table(name).get(key, 0) + 1)

    def freeze(self) -> History:
        if not self.tables:
            return self.base
        return History(
            **{name: FrozenDict(self.table(name)) for name in HISTORY_TABLES},
            digest=self.digest,
        )


@attrs.frozen
class State:
    """Everything about a game at one moment."""

    deck: Deck = attrs.field(eq=False, repr=False)
    seed: int
    rng: int
    turn: int
    phase_index: int
    round: int
    stage: Stage
    indicators: tuple[int, ...]
    flags: frozenset[str]
    hands: tuple[tuple[str, ...], ...]
    piles: tuple[tuple[str, ...], ...]
    removed: frozenset[str]
    role_index: int = 0
    actions_used: int = 0
    revealed: tuple[str, ...] = ()
    pending: tuple[str, ...] = ()
    lasting: tuple[ActiveLasting, ...] = ()
    triggers: tuple[ScheduledTrigger, ...] = ()
    history: History = History()
    trail: tuple[tuple[int, ...], ...] = ()
    ending: str | None = None
    outcome: str | None = None
    final_score: int | None = None
    notes: tuple[NoteEntry, ...] = ()
    paused: bool = False
    trail_digest: int = attrs.field(default=0, eq=False)
    notes_digest: int = attrs.field(default=0, eq=False)
    last: tuple[LogEvent, ...] = attrs.field(default=(), eq=False)
    last_action: str | None = attrs.field(default=None, eq=False)
    undo: State | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def phase(self) -> str:
        return self.deck.phases[self.phase_index].id

    @property
    def over(self) -> bool:
        return self.stage == "over"

    @property
    def current_role(self) -> str | None:
        """The role whose decisions are awaited, if it is that moment."""
        if self.stage != "decisions" or self.pending:
            return None
        return self.deck.roles[self.role_index].id

    def indicator(self, indicator_id: str) -> int:
        return self.indicators[self.deck.indicator_index[indicator_id]]

    def hand(self, role_id: str) -> tuple[str, ...]:
        return self.hands[self.deck.role_index[role_id]]

    def canonical(self) -> dict[str, Any]:
        """The state as JSON-ready data in a fixed order, the basis of the hash.

        Parts that grow with the game appear as their additive digests.
        """
        return {
            "deck": self.deck.sha256,
            "seed": self.seed,
            "rng": self.rng,
            "turn": self.turn,
            "phase": self.phase_index,
            "round": self.round,
            "stage": self.stage,
            "indicators": list(self.indicators),
            "flags": sorted(self.flags),
            "hands": [list(hand) for hand in self.hands],
            "piles": [list(pile) for pile in self.piles],
            "removed": sorted(self.removed),
            "role": self.role_index,
            "used": self.actions_used,
            "revealed": list(self.revealed),
            "pending": list(self.pending),
            "lasting": [[x.card, x.option, x.remaining] for x in self.lasting],
            "triggers": [[x.due, x.card] for x in self.triggers],
            "history": f"{self.history.digest:064x}",
            "trail": f"{self.trail_digest:064x}",
            "ending": self.ending,
            "outcome": self.outcome,
            "score": self.final_score,
            "notes": f"{self.notes_digest:064x}",
            "paused": self.paused,
        }

    def hash(self) -> str:
        """A stable digest of the state: the same on every machine and Python version."""
        text = json.dumps(self.canonical(), ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Draft:
    """A mutable working copy of a `State`, used only inside one `apply`."""

    def __init__(self, state: State) -> None:
        self.base = state
        self.deck = state.deck
        self.rng = state.rng
        self.turn = state.turn
        self.phase_index = state.phase_index
        self.round = state.round
        self.stage: Stage = state.stage
        self.indicators = list(state.indicators)
        self.flags = set(state.flags)
        self.hands = [list(hand) for hand in state.hands]
        self.piles = [list(pile) for pile in state.piles]
        self.removed = set(state.removed)
        self.role_index = state.role_index
        self.actions_used = state.actions_used
        self.revealed = list(state.revealed)
        self.pending = list(state.pending)
        self.lasting = list(state.lasting)
        self.triggers = list(state.triggers)
        self.history = HistoryDraft(state.history)
        self.trail = list(state.trail)
        self.trail_digest = state.trail_digest
        self.ending = state.ending
        self.outcome = state.outcome
        self.final_score = state.final_score
        self.notes = list(state.notes)
        self.notes_digest = state.notes_digest
        self.paused = state.paused
        self.log: list[LogEvent] = []

    @property
    def phase(self) -> str:
        return self.deck.phases[self.phase_index].id

    @property
    def over(self) -> bool:
        return self.stage == "over"

    def add_trail(self) -> None:
        """Record the indicators as they are now (at a round's start, and at the end)."""
        values = tuple(self.indicators)
        self.trail_digest = add_digest(self.trail_digest, "trail", len(self.trail), values)
        self.trail.append(values)

    def add_note(self, note: NoteEntry) -> None:
        self.notes_digest = add_digest(
            self.notes_digest, "note", len(self.notes), note.turn, note.phase, note.text
        )
        self.notes.append(note)

    def freeze(self, undo: State | None, action: str | None) -> State:
        return State(
            deck=self.deck,
            seed=self.base.seed,
            rng=self.rng,
            turn=self.turn,
            phase_index=self.phase_index,
            round=self.round,
            stage=self.stage,
            indicators=tuple(self.indicators),
            flags=frozenset(self.flags),
            hands=tuple(tuple(hand) for hand in self.hands),
            piles=tuple(tuple(pile) for pile in self.piles),
            removed=frozenset(self.removed),
            role_index=self.role_index,
            actions_used=self.actions_used,
            revealed=tuple(self.revealed),
            pending=tuple(self.pending),
            lasting=tuple(self.lasting),
            triggers=tuple(self.triggers),
            history=self.history.freeze(),
            trail=self.base.trail if len(self.trail) == len(self.base.trail) else tuple(self.trail),
            ending=self.ending,
            outcome=self.outcome,
            final_score=self.final_score,
            notes=self.base.notes if len(self.notes) == len(self.base.notes) else tuple(self.notes),
            paused=self.paused,
            trail_digest=self.trail_digest,
            notes_digest=self.notes_digest,
            last=tuple(self.log),
            last_action=action,
            undo=undo,
        )
