"""The draft of the next state: the mutable copy `apply` changes, then freezes.

Inside `apply`, a `Draft` is made from the state, the rules change it in
place (`engine.flow`, `engine.effects`), and `Draft.freeze` makes the next
`State` of it. Nothing outside `apply` ever sees a draft.

A draft copies only what an action changes: a list, set or table is copied
from the state when first read (`_Thawed`), a row of a table when it is to
change (`Draft.row`), a history table when one of its counts moves (each
write shares the rest of the persistent map). How each field is held and
frozen comes from its `Part` in `engine.state`; the functions that do it are
written out from those declarations at import.

This module runs at every action: it is one of those compiled with mypyc
(see setup.py), and so are its callers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from immutables import Map
from mypy_extensions import mypyc_attr

from scenarios.deck import Deck
from scenarios.engine import state as states
from scenarios.engine.appended import Appended
from scenarios.engine.building import builder
from scenarios.engine.digests import MODULUS, add_digest, cached_digest, count_step, entry_digest
from scenarios.engine.events import LogEvent
from scenarios.engine.state import (
    BUILD_LINES,
    FIELD_PARTS,
    INIT_FIELDS,
    ActiveLasting,
    History,
    Moment,
    NoteEntry,
    Part,
    ScheduledTrigger,
    Stage,
    State,
    generate,
)

_history = builder(History)


class HistoryDraft:
    """History being changed inside one `apply`: each write shares the rest of its table.

    Its tables are attributes named as `History`'s, read as they are (by the
    expression functions too) and replaced by each write.
    """

    __slots__ = (
        "base",
        "changed",
        "choices",
        "digest",
        "fired",
        "last_turn",
        "passes",
        "plays",
        "tags",
    )

    def __init__(self, history: History) -> None:
        self.base = history
        self.changed = False
        self.plays = history.plays
        self.passes = history.passes
        self.fired = history.fired
        self.choices = history.choices
        self.tags = history.tags
        self.last_turn = history.last_turn
        self.digest = history.digest

    def put(self, name: str, key: Any, value: int) -> None:
        table: Map[Any, int] = getattr(self, name)
        old = table.get(key)
        digest = self.digest + cached_digest(name, key, value)
        if old is not None:
            digest -= cached_digest(name, key, old)
        setattr(self, name, table.set(key, value))
        self.digest = digest % MODULUS
        self.changed = True

    def bump(self, name: str, key: Any) -> None:
        """Count one more `key` in table `name` (`put` of the count plus one, written out:
        the engine bumps a count or two at every action)."""
        table: Map[Any, int] = getattr(self, name)
        old = table.get(key, 0)
        setattr(self, name, table.set(key, old + 1))
        self.digest = (self.digest + count_step(name, key, old)) % MODULUS
        self.changed = True

    def freeze(self) -> History:
        if not self.changed:
            return self.base
        return _history(
            self.plays,
            self.passes,
            self.fired,
            self.choices,
            self.tags,
            self.last_turn,
            self.digest,
        )


def noted(
    notes: Appended[NoteEntry], digest: int, turn: int, phase: str, text: str
) -> tuple[Appended[NoteEntry], int]:
    """The notes with one more, written at `turn` in `phase`, and their digest."""
    digest = add_digest(digest, "note", len(notes), turn, phase, text)
    return notes.appended(NoteEntry(turn, phase, text)), digest


_UNSET = object()  # a field the draft never read nor set


@mypyc_attr(native_class=False)
class Draft(Moment):
    """A mutable working copy of a `State`, used only inside one `apply`.

    Which fields it holds, and how each is copied and frozen, comes from the
    fields of `State`; the annotations below only type the copies.
    """

    deck: Deck
    seed: int
    rng: int
    turn: int
    phase_index: int
    round: int
    stage: Stage
    indicators: list[int]
    flags: set[str]
    hands: list[Sequence[str]]  # each row a tuple until `row` makes it a list
    piles: list[Sequence[str]]
    removed: set[str]
    role_index: int
    actions_used: int
    revealed: list[str]
    pending: list[str]
    lasting: list[ActiveLasting]
    triggers: list[ScheduledTrigger]
    history: HistoryDraft
    trail: Appended[tuple[int, ...]]
    trail_digest: int
    ending: str | None
    outcome: str | None
    final_score: int | None
    notes: Appended[NoteEntry]
    notes_digest: int
    rationales_digest: int
    paused: bool
    answers: Map[tuple[str, str | None], str]
    covered: frozenset[tuple[str, int]]
    replies: Map[tuple[str, str | None], str]

    def __init__(self, state: State) -> None:
        self.base = state
        self.log: list[LogEvent] = []
        _take(self.__dict__, state)

    def peek(self, name: str) -> Any:
        """The field's value now, to read only: the draft's copy if it has one, else the state's."""
        value = self.__dict__.get(name, _UNSET)
        return getattr(self.base, name) if value is _UNSET else value

    def row(self, table: Literal["hands", "piles"], index: int) -> list[str]:
        """Row `index` of `table` (a role's hand or pile), to be changed: copied from the
        state's on first use. Read rows as they are (`draft.hands[index]`)."""
        rows: list[Sequence[str]] = getattr(self, table)
        row = rows[index]
        if type(row) is not list:
            row = rows[index] = list(row)
        return row

    def add_trail(self) -> None:
        """Record the indicators as they are now (at a round's start, and at the end)."""
        values = tuple(self.indicators)
        self.trail_digest = add_digest(self.trail_digest, "trail", len(self.trail), values)
        self.trail = self.trail.appended(values)

    def add_rationale(self, role: str, card: str | None, rationale: str) -> None:
        """Hash the rationale of a decision (`card` None: a pass) into the state."""
        digest = cached_digest if not rationale else entry_digest
        entry = digest("rationale", self.turn, role, card, self.actions_used, rationale)
        self.rationales_digest = (self.rationales_digest + entry) % MODULUS

    def add_choice_rationale(self, card: str, option: str, rationale: str) -> None:
        """Hash the rationale the table gave for a dilemma's option into the state."""
        self.rationales_digest = add_digest(
            self.rationales_digest, "choice", self.turn, card, option, rationale
        )

    def freeze(self, undo: State | None, action: str | None) -> State:
        """The next state; `undo` is the one an undo goes back to (None: none)."""
        depth = 0
        if undo is not None:
            depth = undo.undo_depth + 1
            if depth > states.UNDO_LIMIT and depth % states.UNDO_CUT_EVERY == 0:
                undo = states.cut(undo, states.UNDO_LIMIT)
        state: State = _freeze(self, undo, action, depth)
        return state


@mypyc_attr(native_class=False)
class _Thawed:
    """A `Draft` field that is a list, set or table: copied from the state when first read.

    Most actions change a few of them; the others go to the next state as
    they are. A descriptor without `__set__`: once the copy is in the draft's
    `__dict__`, reads and writes go straight to it.
    """

    __slots__ = ("name", "thaw")

    def __init__(self, name: str, thaw: Any) -> None:
        self.name = name
        self.thaw = thaw

    def __get__(self, draft: Draft | None, owner: type | None = None) -> Any:
        if draft is None:
            return self
        value = self.thaw(getattr(draft.base, self.name))
        draft.__dict__[self.name] = value
        return value


def _as_is(part: Part) -> bool:
    """Whether a draft holds the state's value itself (not a working copy)."""
    return part.thaw == "{v}" and part.freeze == "{v}"


# What the generated functions use besides what `state.generate` gives them.
_NAMES = {"HistoryDraft": HistoryDraft}
# How a draft makes its working copy of each field that is not used as it is.
_THAW: Mapping[str, Any] = {
    name: generate(f"thaw_{name}", "v", [f"return {part.thaw.format(v='v')}"], _NAMES)
    for name, (part, _) in FIELD_PARTS.items()
    if part.drafted and not _as_is(part)
}
# The fields a draft uses as they are, taken from the state when it is made.
_take = generate(
    "take",
    "d, state",
    [
        f"d[{name!r}] = state.{name}"
        for name, (part, _) in FIELD_PARTS.items()
        if part.drafted and _as_is(part)
    ],
)
# What `Draft.freeze` passes for each field that is not drafted.
_FROZEN_OUTSIDE = {
    "last": "log",
    "last_action": "action",
    "last_game": "log",
    "undo": "undo",
    "undo_depth": "depth",
}


def _frozen(name: str, part: Part) -> str:
    """The expression of the next state's `name` in `Draft.freeze`."""
    if not part.drafted:
        return _FROZEN_OUTSIDE[name]
    if _as_is(part):
        return f"d[{name!r}]"
    frozen = part.freeze.format(v=f"d[{name!r}]", b=f"base.{name}")
    return f"base.{name} if {name!r} not in d else {frozen}"


_freeze = generate(
    "freeze",
    "draft, undo, action, depth",
    [
        "d = draft.__dict__",
        "base = draft.base",
        "log = tuple(draft.log)",
        *BUILD_LINES,
        *(f"new.{name} = {_frozen(name, part)}" for name, part in INIT_FIELDS),
        "new.__class__ = State",
        "return new",
    ],
)


for _name, _thaw in _THAW.items():
    setattr(Draft, _name, _Thawed(_name, _thaw))
