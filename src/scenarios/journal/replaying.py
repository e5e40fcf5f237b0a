"""Replaying a journal with the deck it carries, checking every recorded hash, draw and end.

Each line's recorded hash is compared with the state hash of the version its
journal's format records (`Header.hash_version`): in format 2 it covers the
decisions' rationales, in format 1 it did not.
"""

from __future__ import annotations

import functools

import attrs

from scenarios.deck import Deck, DeckError, DeckFile, load_deck_files
from scenarios.deck.variables import with_variables
from scenarios.engine import (
    ActionFormatError,
    Draw,
    IllegalAction,
    State,
    action_from_dict,
    apply,
    new_game,
)
from scenarios.engine.events import Revealed
from scenarios.engine.state import HASH_VERSION
from scenarios.journal.collect import fewer_collections
from scenarios.journal.format import Entry, Header
from scenarios.journal.reader import Damage, JournalContent, JournalError, JournalStream


@attrs.frozen
class Replayed:
    """The outcome of a replay: the states reached and where it diverged, if it did."""

    deck: Deck
    initial: State
    final: State
    applied: int
    divergence: Damage | None
    states: tuple[State, ...] = ()
    hash_version: int = HASH_VERSION

    @property
    def consistent(self) -> bool:
        return self.divergence is None

    @property
    def final_hash(self) -> str:
        """The final state's hash as the journal records it."""
        return self.final.hash(self.hash_version)


def journal_deck(header: Header) -> Deck:
    """The deck kept in the journal, its texts filled with the header's variables (the
    engine reads no text: the game and its hashes are the same); `JournalError` if it no
    longer loads or was altered."""
    try:
        deck = _filled(header.files, header.variables)
    except DeckError as error:
        first = error.diagnostics[0] if error.diagnostics else ""
        raise JournalError("deck", detail=first) from None
    if deck.sha256 != header.deck_sha256:
        raise JournalError("deck_hash")
    return deck


@functools.lru_cache(maxsize=4)
def _filled(files: tuple[DeckFile, ...], variables: tuple[tuple[str, str], ...]) -> Deck:
    """The deck of these files with these values, made once for the tables that share them."""
    return with_variables(_loaded(files), dict(variables))


@functools.lru_cache(maxsize=4)
def _loaded(files: tuple[DeckFile, ...]) -> Deck:
    """The deck of these files, loaded once for the journals that carry the same ones
    (the tables of a workshop: a room of 200 tables holds one deck, not 200)."""
    return load_deck_files(files)


def drawn_cards(state: State) -> tuple[str, ...]:
    """The cards an action revealed (what a journal records for a draw)."""
    return tuple(event.card for event in state.last if isinstance(event, Revealed))


def replay(
    content: JournalContent | JournalStream,
    *,
    deck: Deck | None = None,
    verify: bool = True,
    keep_states: bool = False,
) -> Replayed:
    """Replay the valid entries of `content`; stops at the first that does not replay.

    Only the last state is kept unless `keep_states`: replaying a stream
    (`stream_journal`) then holds one entry and one state at a time, and the
    few states an undo may go back to (`engine.state.UNDO_LIMIT`).
    """
    deck = deck or journal_deck(content.header)
    version = content.header.hash_version
    state = initial = new_game(deck, content.header.seed)
    states: list[State] = []
    applied = 0
    divergence: Damage | None = None
    with fewer_collections():
        for entry in content.entries:
            next_state, divergence = replay_entry(state, entry, verify, version)
            if divergence is not None:
                break
            state = next_state
            applied += 1
            if keep_states:
                states.append(state)
    return Replayed(deck, initial, state, applied, divergence, tuple(states), version)


def replay_entry(
    state: State, entry: Entry, verify: bool = True, hash_version: int = HASH_VERSION
) -> tuple[State, Damage | None]:
    """Apply one journal entry; the damage says why it does not replay, if it does not."""
    try:
        action = action_from_dict(entry.action)
    except ActionFormatError as error:
        return state, Damage(entry.line, "bad_entry", {"detail": error, "seq": entry.seq})
    try:
        next_state = apply(state, action)
    except IllegalAction as error:
        return state, Damage(entry.line, "illegal", {"detail": error, "seq": entry.seq})
    if verify:
        if type(action) is Draw and entry.draws is not None:
            found = drawn_cards(next_state)
            if tuple(entry.draws) != found:
                expected = ", ".join(entry.draws)
                where = {"found": ", ".join(found), "expected": expected, "seq": entry.seq}
                return state, Damage(entry.line, "draws", where)
        if entry.over != next_state.over:
            return state, Damage(entry.line, "over", {"seq": entry.seq})
        if entry.hash != next_state.hash(hash_version):
            return state, Damage(entry.line, "hash", {"seq": entry.seq})
    return next_state, None
