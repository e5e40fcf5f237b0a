"""The game state: immutable, plain data, with a stable hash.

`State` is what every action produces. Inside `apply`, a mutable `Draft` is
filled from it, changed, and frozen into the next `State`; nothing outside
ever sees a draft, so the engine stays a pure function of (state, action).

`undo` points at the state before the last game action so that an undo is a
step back, not a replay. It takes no part in equality or the hash: two states
that play the same from here on are equal.
"""

from __future__ import annotations

import hashlib
import json
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
class Trigger:
    """A card to fire at the event step of turn `due`."""

    due: int
    card: str


@attrs.frozen
class NoteEntry:
    """A facilitator's note and when it was written."""

    turn: int
    phase: str
    text: str


@attrs.frozen
class History:
    """Counts of what happened, for the expression functions and the debrief.

    `plays` counts decisions by (card, role, phase); `fired` events and
    dilemmas by (card, phase); `choices` by (dilemma, option); `tags` by
    (tag, phase); `last_turn` is the last turn a card was played or fired.
    """

    plays: FrozenDict[tuple[str, str, str], int] = FrozenDict()
    fired: FrozenDict[tuple[str, str], int] = FrozenDict()
    choices: FrozenDict[tuple[str, str], int] = FrozenDict()
    tags: FrozenDict[tuple[str, str], int] = FrozenDict()
    last_turn: FrozenDict[str, int] = FrozenDict()


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
    triggers: tuple[Trigger, ...] = ()
    history: History = History()
    trail: tuple[tuple[int, ...], ...] = ()
    ending: str | None = None
    outcome: str | None = None
    final_score: int | None = None
    notes: tuple[NoteEntry, ...] = ()
    paused: bool = False
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
        """The state as JSON-ready data in a fixed order, the basis of the hash."""
        history = self.history
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
            "plays": sorted([*key, n] for key, n in history.plays.items()),
            "fired": sorted([*key, n] for key, n in history.fired.items()),
            "choices": sorted([*key, n] for key, n in history.choices.items()),
            "tags": sorted([*key, n] for key, n in history.tags.items()),
            "last_turn": sorted([key, n] for key, n in history.last_turn.items()),
            "trail": [list(values) for values in self.trail],
            "ending": self.ending,
            "outcome": self.outcome,
            "score": self.final_score,
            "notes": [[n.turn, n.phase, n.text] for n in self.notes],
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
        self.plays = dict(state.history.plays)
        self.fired = dict(state.history.fired)
        self.choices = dict(state.history.choices)
        self.tags = dict(state.history.tags)
        self.last_turn = dict(state.history.last_turn)
        self.trail = list(state.trail)
        self.ending = state.ending
        self.outcome = state.outcome
        self.final_score = state.final_score
        self.notes = list(state.notes)
        self.paused = state.paused
        self.log: list[LogEvent] = []

    @property
    def phase(self) -> str:
        return self.deck.phases[self.phase_index].id

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
            history=History(
                plays=FrozenDict(self.plays),
                fired=FrozenDict(self.fired),
                choices=FrozenDict(self.choices),
                tags=FrozenDict(self.tags),
                last_turn=FrozenDict(self.last_turn),
            ),
            trail=tuple(self.trail),
            ending=self.ending,
            outcome=self.outcome,
            final_score=self.final_score,
            notes=tuple(self.notes),
            paused=self.paused,
            last=tuple(self.log),
            last_action=action,
            undo=undo,
        )
