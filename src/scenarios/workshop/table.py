"""A seat at a workshop table: one screen's live view of a game that several screens play.

Every seat replays the table's lines from the store and appends its own
actions, each stating the seq it expects. When another screen got there
first (`SeqConflict`), the seat reads what was played, re-checks its action
against the new state, and either appends it after (when it is still legal
and means the same thing) or raises `TableChanged` so that the screen tells
the players what happened instead of playing an action they did not choose.

An append cut off by a lost connection (`StoreError("unreachable")`: a
server restart, a dropped connection) may or may not have been stored. The
seat then sends the very same line again (same seq, same text) until the
store answers, for up to `SETTLE_SECONDS`: if the first did not go in, the
store takes it now; if it did, the retry is a conflict and the line found
at that seq is this seat's own, so the action counts, once. Past that time
the error goes up and the action is not acknowledged; if it did go in, the
next `refresh` brings it like any other screen's line.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

import attrs

from scenarios.deck import Deck
from scenarios.engine import (
    Action,
    Draw,
    EndRound,
    IllegalAction,
    State,
    Undo,
    apply,
    new_game,
)
from scenarios.journal import Entry, Header, journal_deck, replay_entry
from scenarios.journal.format import Chain, encode_line
from scenarios.journal.reader import parse_entry
from scenarios.journal.session import entry_for
from scenarios.store import SeqConflict, Store, StoreError, Table
from scenarios.workshop.chronogram import Timeline
from scenarios.workshop.codes import normal_code
from scenarios.workshop.errors import WorkshopError
from scenarios.workshop.export import table_content
from scenarios.workshop.timer import RoundClock, plays

# Actions whose meaning depends on the moment they were chosen: drawing the
# next card, ending the round, undoing "the last action". After another
# screen acted, playing them anyway would do something nobody asked for.
MOMENT_BOUND: tuple[type, ...] = (Draw, EndRound, Undo)
MAX_RETRIES = 20
HEARTBEAT_SECONDS = 5.0  # a screen says it is there this often; status counts it for 15 s
SETTLE_SECONDS = 20.0  # how long an append cut off by a lost connection is sent again
SETTLE_PAUSE = 0.25


@attrs.frozen
class _Line:
    """A line this seat sends: its entry (with its check) and its text."""

    entry: Entry
    body: str


@attrs.frozen
class Played:
    """A line another screen appended, and the state it led to."""

    entry: Entry
    state: State


class TableChanged(Exception):
    """Another screen acted first and this seat's action was not played.

    `played` is what the other screens did meanwhile; `refusal` is why the
    action is no longer legal, when it is not (otherwise it was moment-bound).
    """

    def __init__(self, played: Sequence[Played], refusal: IllegalAction | None = None) -> None:
        super().__init__(f"{len(played)} new entries")
        self.played = tuple(played)
        self.refusal = refusal


@attrs.define(eq=False)
class TableSession:
    """One seat's view of a table (mutable: it moves on with every line, its own or not)."""

    store: Store
    table: Table
    header: Header
    deck: Deck
    state: State
    seq: int
    chain: Chain
    clock: Callable[[], datetime]
    round_clock: RoundClock = RoundClock()
    # How far the store's clock is ahead of this machine's (measured once, at join).
    offset: timedelta = timedelta(0)
    seat: str = attrs.field(factory=lambda: secrets.token_hex(4))
    # When the table last played (the store's time; a note, a message, more time or a
    # pause is not the table playing), and how many injects so far.
    last_played: datetime | None = None
    injects: int = 0
    # The facilitator's last message, and the turn it was sent in (shown until that turn ends).
    message: tuple[int, str] | None = None
    last_beat: float = -HEARTBEAT_SECONDS
    # Its rounds and pauses so far, for the dashboard's chronogram.
    timeline: Timeline = attrs.field(factory=Timeline)

    @classmethod
    def join(
        cls, store: Store, table: Table, *, clock: Callable[[], datetime] | None = None
    ) -> TableSession:
        """Replay the table's lines (checking each) and sit at it."""
        content = table_content(table, store.lines(table.id))
        deck = journal_deck(content.header)
        session = cls(
            store,
            table,
            content.header,
            deck,
            new_game(deck, content.header.seed),
            0,
            content.chain_after(0),
            clock or store.now,
            offset=store.now() - datetime.now(UTC),
        )
        problem = None
        for entry in content.entries:
            after, problem = replay_entry(session.state, entry, True, content.header.hash_version)
            if problem is not None:
                break
            session._took(entry, after)
        problem = problem or content.damage
        if problem is not None:
            raise WorkshopError("table_damaged", label=table.label, detail=problem.message("fr"))
        return session

    @classmethod
    def join_code(cls, store: Store, code: str, workshop_id: str | None = None) -> TableSession:
        """Sit at the table a join code opens, as typed (any case, spaces or no dash); with
        `workshop_id`, only a table of that workshop (`StoreError("code_unknown")`)."""
        wanted = normal_code(code)
        table = store.table_by_code(wanted)
        if workshop_id is not None and table.workshop_id != workshop_id:
            raise StoreError("code_unknown", join_code=wanted)
        return cls.join(store, table)

    @property
    def where(self) -> str:
        """The table as people name it: its workshop and label."""
        return f"{self.table.workshop_id} / {self.table.label}"

    def beat(self, roles: Sequence[str]) -> None:
        """Tell the store this screen is still at the table (at most every few seconds)."""
        now = time.monotonic()
        if now - self.last_beat >= HEARTBEAT_SECONDS:
            self.store.seat_seen(self.table.id, self.seat, roles)
            self.last_beat = now

    def _took(self, entry: Entry, state: State) -> None:
        """Move on past `entry` (its own or another screen's), which led to `state`."""
        self.round_clock = self.round_clock.after(entry, self.state, state)
        self.timeline.took(entry, state)
        if plays(entry):
            self.last_played = datetime.fromisoformat(entry.time)
        kind = entry.action.get("type")
        self.injects += kind == "inject"
        if kind == "broadcast":
            self.message = (state.turn, str(entry.action["text"]))
        self.state, self.seq, self.chain = state, entry.seq, self.chain.then(entry.check)

    @property
    def current_message(self) -> str | None:
        """The facilitator's message, while the round it was sent in lasts."""
        if self.message is None or self.message[0] != self.state.turn or self.state.over:
            return None
        return self.message[1]

    def close(self) -> None:
        """Leave the table (the store stays open: whoever opened it closes it)."""

    def now(self) -> datetime:
        """The store's time, estimated without asking it (the round's clock, every second)."""
        return datetime.now(UTC) + self.offset

    def refresh(self) -> list[Played]:
        """Take in the lines other screens appended since; returns what they played."""
        taken: list[Played] = []
        for stored in self.store.lines(self.table.id, after=self.seq):
            entry, damage = parse_entry(
                stored.body.encode("utf-8"), self.seq + 2, self.seq + 1, self.chain
            )
            if damage is None and entry is not None:
                state, damage = replay_entry(self.state, entry, True, self.header.hash_version)
            if damage is not None or entry is None:
                detail = damage.message("fr") if damage else ""
                raise WorkshopError("table_damaged", label=self.table.label, detail=detail)
            self._took(entry, state)
            taken.append(Played(entry, state))
        return taken

    def apply(self, action: Action, by: str | None = None) -> State:
        """Play `action` at this table: on the store before the new state is handed back.

        `IllegalAction` if it is not legal now; `TableChanged` if another screen
        acted first and the action no longer applies; `StoreError` if the store
        could not be reached (see the module's docstring).
        """
        seen: list[Played] = []
        unsure: _Line | None = None  # sent, but the store did not say whether it took it
        settle_until = 0.0
        attempts = 0
        while attempts < MAX_RETRIES:
            try:
                state = apply(self.state, action)
            except IllegalAction as refusal:
                if seen:
                    raise TableChanged(seen, refusal) from None
                raise
            line = unsure
            try:
                if line is None or line.entry.seq != self.seq + 1:
                    line = self._line(action, state, by)  # the clock may be the store's
                played = self._send(line)
            except StoreError as error:
                if error.code != "unreachable":
                    raise
                now = time.monotonic()
                if settle_until and now >= settle_until:
                    raise
                if settle_until:
                    time.sleep(SETTLE_PAUSE)  # once at once (a dropped connection), then paced
                settle_until = settle_until or now + SETTLE_SECONDS
                unsure = line or unsure  # sending it again is safe whatever became of it
                continue
            if played is None:
                self._took(line.entry, state)
                return state
            attempts += 1
            if unsure is not None and any(_same(p.entry, unsure) for p in played):
                return self.state  # the cut-off append had gone in: it counts, once
            unsure = None
            seen.extend(played)
            if isinstance(action, MOMENT_BOUND):
                raise TableChanged(seen)
        raise TableChanged(seen)

    def _send(self, line: _Line) -> list[Played] | None:
        """Append `line`: None once stored, or what the other screens played at its place."""
        try:
            self.store.append(self.table.id, line.entry.seq, line.body)
        except SeqConflict:
            return self.refresh()
        return None

    def _line(self, action: Action, state: State, by: str | None) -> _Line:
        """The line that records `action` (which led to `state`) after this seat's last one."""
        entry = entry_for(self.seq + 1, self.clock(), action, state, self.header, by)
        data = entry.to_json()
        check = self.chain.check(data)
        body = encode_line(data, check).decode("utf-8").rstrip("\n")
        return _Line(attrs.evolve(entry, check=check), body)


def _same(entry: Entry, line: _Line) -> bool:
    """Whether a stored entry is `line` (same place, same check: the check covers the text)."""
    return entry.seq == line.entry.seq and entry.check == line.entry.check
