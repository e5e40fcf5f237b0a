"""The game state: immutable, plain data, with a stable hash.

`State` is what every action produces. Inside `apply`, a mutable `Draft`
(`engine.draft`) is filled from it, changed, and frozen into the next
`State`; nothing outside ever sees a draft, so the engine stays a pure
function of (state, action).

`undo` points at the state before the last game action so that an undo is a
step back, not a replay. It takes no part in equality or the hash: two states
that play the same from here on are equal. Undo after undo goes further back,
so that chain keeps a game's states alive: what grows with the game is shared
from state to state rather than copied (the notes and the trail are
`Appended`, the history counts persistent maps), and a facilitator's note,
pause or resume shares every other part of the state it follows.

The hash must stay cheap however long the game: the parts that grow (the
history counts, the indicator trail, the notes) carry an additive digest, the
sum modulo 2^256 of the sha256 of each entry (`engine.digests`), updated
entry by entry as the game goes. It is a function of the contents, not of the
order they came in.
The decisions' rationales change no rule, so the state keeps only their
digest: a journal line's recorded hash then covers the rationale it holds.

`HASH_VERSION` numbers what the hash covers; `State.hash(1)` is the hash as
it was before the rationales entered it, which the journals of format 1
recorded and which their replay still checks. Version 3 hashes the deck by
what it says (`Deck.content_sha256`) where 1 and 2 hashed its files' text: a
deck written anew (a workbook imported back, comments edited) plays games
with the same hashes.

Each field of `State` is declared once, with its `Part`: how a draft holds
it and how it enters the hash. The canonical form here, the draft's copying
and freezing in `engine.draft`, are written out from those declarations at
import.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any, Literal

import attrs
from immutables import Map

from scenarios.deck import Deck
from scenarios.engine.appended import Appended
from scenarios.engine.building import building
from scenarios.engine.canonical import canonical_json
from scenarios.engine.events import LogEvent

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


_sha256 = hashlib.sha256
HASH_VERSION = 3
# The keys of the canonical form that later hash versions added, with their version.
ADDED_IN: Mapping[str, int] = {"rationales": 2}


@attrs.frozen
class History:
    """Counts of what happened, for the expression functions and the debrief.

    `plays` counts decisions by (card, role, phase); `passes` by (role,
    phase); `fired` events and dilemmas by (card, phase); `choices` by
    (dilemma, option); `tags` by (tag, phase); `last_turn` is the last turn a
    card was played or fired.
    `digest` sums the digests of every entry (see the module's docstring).
    """

    plays: Map[tuple[str, str, str], int] = Map()
    passes: Map[tuple[str, str], int] = Map()
    fired: Map[tuple[str, str], int] = Map()
    choices: Map[tuple[str, str], int] = Map()
    tags: Map[tuple[str, str], int] = Map()
    last_turn: Map[str, int] = Map()
    digest: int = attrs.field(default=0, eq=False)


@attrs.frozen
class Part:
    """How a field of `State` is held in a `Draft` and written into the hash.

    Each is a Python expression of the value `{v}`: `thaw` makes the draft's
    working copy, `freeze` the next state's value from that copy (`{b}`: the
    value in the state the draft came from), `canonical` its JSON form in the
    hash (None: left out). `drafted` is False for what `Draft.freeze` sets
    itself. `optional`: the key is in the hash only when the value is not
    empty, so that a field added later leaves the hashes of the states that
    never had it (every journal written before it) as they were.
    """

    thaw: str = "{v}"
    freeze: str = "{v}"
    canonical: str | None = "{v}"
    drafted: bool = True
    optional: bool = False


def records(cls: type) -> Part:
    """A tuple of `cls` records, each hashed as the list of its fields."""
    fields = ", ".join(f"x.{field.name}" for field in attrs.fields(cls))
    # Most often there are none: no list comprehension is run for them.
    return Part("list({v})", "tuple({v})", f"[[{fields}] for x in {{v}}] if {{v}} else []")


VALUE = Part()
# Tuples are written as JSON lists: the canonical form keeps them as they are.
LIST = Part("list({v})", "tuple({v})", "{v}")
SET = Part("set({v})", "frozenset({v})", "sorted({v}) if {v} else []")
# A tuple of rows (a hand, a pile per role): a draft copies the list of rows, and a row
# only when it is to change (`Draft.row`); the others stay the state's tuples, which
# `tuple` gives back as they are.
TABLE = Part("list({v})", "tuple(map(tuple, {v}))", "{v}")
# Only ever appended to, sharing items from state to state (see `Appended`):
# the digest next to it is hashed instead.
GROWING = Part(canonical=None)
# A digest (below 2^256) as 64 hex digits: the bytes of `f"{v:064x}"`, made in half the time.
DIGEST = Part(canonical="{v}.to_bytes(32, 'big').hex()")
HISTORY = Part("HistoryDraft({v})", "{v}.freeze()", "{v}.digest.to_bytes(32, 'big').hex()")
# A digest of what the state does not keep itself (the rationales), hashed as it is.
SUMMED = Part(canonical="{v}.to_bytes(32, 'big').hex()")
# What the deck says (version 3 on); versions 1 and 2 hashed the digest of its files.
DECK = Part(canonical="{v}.content_sha256")
# Words of a discussion exercise, by (card or question, role or None), and ticked points:
# immutable values, replaced whole by the (rare) action that changes them, in the hash
# only once there is one (see `Part.optional`).
WORDS = Part(canonical="_words({v})", optional=True)
TICKS = Part(canonical="sorted(map(list, {v}))", optional=True)
OUTSIDE = Part(canonical=None, drafted=False)

_PART = "scenarios.part"
_KEY = "scenarios.key"


def _part(part: Part, key: str | None = None) -> dict[str, Any]:
    """Field metadata: a `State` field held in drafts and hashed as `part` says, as `key`."""
    return {_PART: part, _KEY: key}


class Moment:
    """What a state and a draft alike say of the moment: its phase, whether the game is over."""

    __slots__ = ()
    deck: Deck
    phase_index: int
    stage: Stage

    @property
    def phase(self) -> str:
        return self.deck.phases[self.phase_index].id

    @property
    def over(self) -> bool:
        return self.stage == "over"


@attrs.frozen
class State(Moment):
    """Everything about a game at one moment.

    Each field says how a `Draft` holds it and how it enters the hash
    (`_part`; a plain field is a value, hashed under its name), so a new
    field is declared here and nowhere else but the draft's typing.
    """

    deck: Deck = attrs.field(eq=False, repr=False, metadata=_part(DECK))
    seed: int
    rng: int
    turn: int
    phase_index: int = attrs.field(metadata=_part(VALUE, "phase"))
    round: int
    stage: Stage
    indicators: tuple[int, ...] = attrs.field(metadata=_part(LIST))
    flags: frozenset[str] = attrs.field(metadata=_part(SET))
    hands: tuple[tuple[str, ...], ...] = attrs.field(metadata=_part(TABLE))
    piles: tuple[tuple[str, ...], ...] = attrs.field(metadata=_part(TABLE))
    removed: frozenset[str] = attrs.field(metadata=_part(SET))
    role_index: int = attrs.field(default=0, metadata=_part(VALUE, "role"))
    actions_used: int = attrs.field(default=0, metadata=_part(VALUE, "used"))
    revealed: tuple[str, ...] = attrs.field(default=(), metadata=_part(LIST))
    pending: tuple[str, ...] = attrs.field(default=(), metadata=_part(LIST))
    lasting: tuple[ActiveLasting, ...] = attrs.field(
        default=(), metadata=_part(records(ActiveLasting))
    )
    triggers: tuple[ScheduledTrigger, ...] = attrs.field(
        default=(), metadata=_part(records(ScheduledTrigger))
    )
    history: History = attrs.field(default=History(), metadata=_part(HISTORY))
    trail: Appended[tuple[int, ...]] = attrs.field(factory=Appended, metadata=_part(GROWING))
    trail_digest: int = attrs.field(default=0, eq=False, metadata=_part(DIGEST, "trail"))
    ending: str | None = None
    outcome: str | None = None
    final_score: int | None = attrs.field(default=None, metadata=_part(VALUE, "score"))
    notes: Appended[NoteEntry] = attrs.field(factory=Appended, metadata=_part(GROWING))
    notes_digest: int = attrs.field(default=0, eq=False, metadata=_part(DIGEST, "notes"))
    rationales_digest: int = attrs.field(default=0, metadata=_part(SUMMED, "rationales"))
    paused: bool = False
    # The answers to questions by (card, role; None: the table), the expected points the
    # facilitator ticked as (card, index), the questionnaire's replies by (item, role).
    answers: Map[tuple[str, str | None], str] = attrs.field(default=Map(), metadata=_part(WORDS))
    covered: frozenset[tuple[str, int]] = attrs.field(default=frozenset(), metadata=_part(TICKS))
    replies: Map[tuple[str, str | None], str] = attrs.field(default=Map(), metadata=_part(WORDS))
    last: tuple[LogEvent, ...] = attrs.field(default=(), eq=False, metadata=_part(OUTSIDE))
    # The last game action: its type and its records, kept through a note, a message, a
    # pause or an extension (which change `last` only): what an undo takes back.
    last_action: str | None = attrs.field(default=None, eq=False, metadata=_part(OUTSIDE))
    last_game: tuple[LogEvent, ...] = attrs.field(default=(), eq=False, metadata=_part(OUTSIDE))
    undo: State | None = attrs.field(default=None, eq=False, repr=False, metadata=_part(OUTSIDE))
    # How many game actions lie behind this state (an undo goes back one); at most
    # `UNDO_LIMIT` of them are kept, so once past it `undo` may be None while this is not.
    undo_depth: int = attrs.field(default=0, eq=False, repr=False, metadata=_part(OUTSIDE))
    # What expressions see of this state (`context.state_env`), made on first use.
    env: Any = attrs.field(default=None, init=False, eq=False, repr=False, metadata=_part(OUTSIDE))
    # The table's moves allowed in this state (`reducer.legal_actions`), made on first use:
    # `apply` need not check again an action that is one of these very objects.
    moves: Any = attrs.field(
        default=None, init=False, eq=False, repr=False, metadata=_part(OUTSIDE)
    )

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
        """The state as JSON-ready data in a fixed order (the fields'), the basis of the hash.

        Parts that grow with the game appear as their additive digests.
        """
        canonical: dict[str, Any] = _canonical(self)
        return canonical

    def hash(self, version: int = HASH_VERSION) -> str:
        """A stable digest of the state: the same on every machine and Python version.

        `version` is what it covers (`HASH_VERSION`, or an earlier one to check old journals).
        """
        canonical = _canonical(self)
        if version != HASH_VERSION:
            for key in _LATER_KEYS[version]:
                del canonical[key]
            if version < 3:
                canonical["deck"] = self.deck.sha256
        return _sha256(canonical_json(canonical)).hexdigest()


# For each hash version, the keys it leaves out of the canonical form.
_LATER_KEYS: Mapping[int, tuple[str, ...]] = {
    version: tuple(key for key, added in ADDED_IN.items() if added > version)
    for version in range(1, HASH_VERSION + 1)
}


def _words(words: Map[tuple[str, str | None], str]) -> list[list[str | None]]:
    """Answers or replies as JSON: [card, role, text] sorted by card, then role (the table
    first)."""
    return [[key, role, text] for (key, role), text in sorted(words.items(), key=_by_key_then_role)]


def _by_key_then_role(item: tuple[tuple[str, str | None], str]) -> tuple[str, str]:
    (key, role), _ = item
    return key, role or ""


# A next state is made as a `_Building` and becomes a `State` (see `engine.building`).
_Building = building(State)


def generate(
    name: str, signature: str, lines: list[str], names: Mapping[str, Any] | None = None
) -> Any:
    """A function made from the fields' parts, as attrs makes its methods (`names`: what
    its lines use besides `State`, `_Building`, `_new` and `_words`).

    Written out once at import, it runs as fast as the same code typed by
    hand: `apply` and `hash` run at every action.
    """
    source = f"def {name}({signature}):\n" + "".join(f"    {line}\n" for line in lines)
    namespace: dict[str, Any] = {
        "State": State,
        "_Building": _Building,
        "_new": object.__new__,
        "_words": _words,
        **(names or {}),
    }
    exec(compile(source, f"<scenarios.engine.state {name}>", "exec"), namespace)
    return namespace[name]


_PARTS = [
    (field.name, field.metadata.get(_PART, VALUE), field.metadata.get(_KEY) or field.name)
    for field in attrs.fields(State)
]
# Each field of `State`: its part, and its key in the hash.
FIELD_PARTS: Mapping[str, tuple[Part, str]] = {name: (part, key) for name, part, key in _PARTS}

_canonical = generate(
    "canonical",
    "state",
    [
        "c = {",
        *(
            f"    {key!r}: {part.canonical.format(v=f'state.{name}')},"
            for name, part, key in _PARTS
            if part.canonical is not None and not part.optional
        ),
        "}",
        *(
            f"if state.{name}: c[{key!r}] = {part.canonical.format(v=f'state.{name}')}"
            for name, part, key in _PARTS
            if part.canonical is not None and part.optional
        ),
        "return c",
    ],
)


# The fields `State.__init__` takes, in its order, with their parts.
INIT_FIELDS = [(name, part) for name, part, _ in _PARTS if attrs.fields_dict(State)[name].init]
# The next state is made slot by slot as a `_Building`, which then becomes a `State`:
# attrs' `__init__` sets each slot through a call, which costs more, and `apply` makes
# one at every action. That holds while `State` has no validator, converter, factory
# default for what `__init__` does not take, nor post-init step.
assert not hasattr(State, "__attrs_post_init__")
assert all(f.validator is None and f.converter is None for f in attrs.fields(State))
_UNINIT = [f for f in attrs.fields(State) if not f.init]
assert not any(isinstance(f.default, attrs.Factory) for f in _UNINIT)  # type: ignore[arg-type]
# The first lines of a generated function that makes a `State`: it is `new`.
BUILD_LINES = ["new = _new(_Building)", *(f"new.{f.name} = {f.default!r}" for f in _UNINIT)]
_replace = generate(
    "replace",
    "state, changes",
    [
        "get = changes.get",
        *BUILD_LINES,
        *(f"new.{name} = get({name!r}, state.{name})" for name, _ in INIT_FIELDS),
        "new.__class__ = State",
        "return new",
    ],
)


def replace(state: State, changes: Mapping[str, Any]) -> State:
    """`state` with the fields named in `changes` changed (`attrs.evolve`, without its cost)."""
    changed: State = _replace(state, changes)
    return changed


# An undo goes back this many game actions at most. Keeping more would keep every
# state of a long game alive; the states behind are let go every `UNDO_CUT_EVERY`
# actions (each time, the `UNDO_LIMIT` kept are copied: a quarter of a copy an action).
UNDO_LIMIT = 500
UNDO_CUT_EVERY = 2000


def cut(state: State, keep: int) -> State:
    """`state` with its undo chain cut: it and the states behind it are `keep` states in all."""
    chain: list[State] = []
    link: State | None = state
    while link is not None and len(chain) < keep:
        chain.append(link)
        link = link.undo
    if link is None:
        return state
    kept: State | None = None
    for older in reversed(chain):
        kept = replace(older, {"undo": kept})
    assert kept is not None
    return kept
