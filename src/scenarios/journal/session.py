"""A game being played with its journal: every action is on disk before it counts.

`Session.apply` asks the engine for the next state (an illegal action raises
and writes nothing), appends the action's line, flushes and fsyncs it, and
only then hands the new state back. `Session.resume` replays a journal and
continues appending to it; a damaged tail is first saved aside, then cut off,
so the file holds exactly the valid prefix again, and the chain of checks
goes on from its last line. A journal is resumed in its own format: a
format-1 journal stays in format 1 (its lines checked one by one, its hashes
without the rationales) rather than mixing two formats in one file. A session holds its
journal's lock from before its first write until `close`: a second writer
is refused (`JournalError("locked")`) before it touches the file.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path

import attrs

from scenarios import __version__
from scenarios.deck import Deck
from scenarios.deck.variables import with_variables
from scenarios.engine import ENGINE_VERSION, Action, Draw, State, apply, new_game, to_dict
from scenarios.journal.appending import append_whole, open_for_append, write_error
from scenarios.journal.format import Chain, Entry, Header, Team, encode_line
from scenarios.journal.lock import JournalLock
from scenarios.journal.reader import Damage, JournalError, read_journal
from scenarios.journal.repair import repair
from scenarios.journal.replaying import drawn_cards, replay

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def default_teams(deck: Deck) -> tuple[Team, ...]:
    """One team per role, named after it."""
    return tuple(Team(role.title, (role.id,)) for role in deck.roles)


class JournalWriter:
    """Appends lines durably and whole, each chained to the one before: write, fsync
    (unless told not to), or undo.

    A line the disk refuses (full, read-only, failing) is not left half-written:
    `append` raises `JournalError("write")` and the file is as it was before.
    """

    def __init__(self, path: Path, chain: Chain, fsync: bool = True) -> None:
        self.chain = chain
        self.path = path
        self.chain = chain
        self.fsync = fsync
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = open_for_append(path)
        except OSError as error:
            raise write_error(path, error) from None
        self._fd: int | None = fd
        self._end = os.fstat(fd).st_size

    def append(self, data: dict[str, object]) -> None:
        if self._fd is None:
            raise write_error(self.path, OSError(errno.EBADF, os.strerror(errno.EBADF)))
        check = self.chain.check(data)
        try:
            self._end = append_whole(
                self._fd, encode_line(data, check), self._end, fsync=self.fsync
            )
        except OSError as error:
            raise write_error(self.path, error) from None
        self.chain = self.chain.then(check)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


@attrs.frozen
class ResumeReport:
    """What resuming found: how many actions were kept, and the damage cut off, if any."""

    kept: int
    damage: Damage | None = None
    backup: Path | None = None


@attrs.define(eq=False)
class Session:
    """A live game and its journal file (mutable: each applied action moves it on)."""

    path: Path
    header: Header
    state: State
    seq: int
    writer: JournalWriter
    clock: Clock
    lock: JournalLock

    @classmethod
    def start(
        cls,
        deck: Deck,
        seed: int,
        path: Path,
        teams: Sequence[Team] | None = None,
        *,
        lang: str = "fr",
        label: str | None = None,
        variables: Mapping[str, str] | None = None,
        clock: Clock = utc_now,
        fsync: bool = True,
    ) -> Session:
        """A new game of `deck` at the table `label`, journaled at `path` (which must not
        exist yet). `variables` are the values chosen for the deck's variables (the
        defaults for the others); the session's deck (`state.deck`) shows its texts
        filled with them, as does every later reader of the journal."""
        _refuse_existing(path)
        existed = path.exists()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise write_error(path, error) from None
        with JournalLock(path, create=True).kept_unless_failed() as lock:
            _refuse_existing(path)
            header = new_header(deck, seed, teams, clock(), lang, label, variables)
            writer = JournalWriter(path, Chain(header.format), fsync=fsync)
            try:
                writer.append(header.to_json())
            except JournalError:
                writer.close()
                if not existed:  # a journal without its header is no journal: leave none
                    path.unlink(missing_ok=True)
                raise
        filled = with_variables(deck, dict(header.variables))
        return cls(path, header, new_game(filled, seed), 0, writer, clock, lock)

    @classmethod
    def resume(
        cls, path: Path, *, clock: Clock = utc_now, fsync: bool = True
    ) -> tuple[Session, ResumeReport]:
        """Continue the game journaled at `path` (`JournalError` if it cannot be read or is
        being written by another session)."""
        with JournalLock(path, create=False).kept_unless_failed() as lock:
            content = read_journal(path)
            replayed = replay(content)
            damage = content.damage or replayed.divergence
            kept = content.entries[: replayed.applied]
            valid_bytes = None
            if damage is not None:
                valid_bytes = kept[-1].end if kept else _header_bytes(path)
            backup = repair(path, valid_bytes)
            writer = JournalWriter(path, content.chain_after(len(kept)), fsync=fsync)
        session = cls(path, content.header, replayed.final, len(kept), writer, clock, lock)
        return session, ResumeReport(len(kept), damage, backup)

    def apply(self, action: Action, by: str | None = None) -> State:
        """Apply `action` (done `by` someone other than the table, if given), journal it
        durably, then return the new state."""
        state = apply(self.state, action)
        entry = entry_for(self.seq + 1, self.clock(), action, state, self.header, by)
        self.writer.append(entry.to_json())
        self.seq += 1
        self.state = state
        return state

    def close(self) -> None:
        self.writer.close()
        self.lock.release()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def new_header(
    deck: Deck,
    seed: int,
    teams: Sequence[Team] | None,
    started: datetime,
    lang: str,
    label: str | None = None,
    variables: Mapping[str, str] | None = None,
) -> Header:
    """The first line of a new game's journal (one team per role unless `teams` are given),
    at the table `label` if it has one, with the values of the deck's variables (the
    title and the default teams' names are written filled with them)."""
    values = variable_values(deck, variables)
    filled = with_variables(deck, dict(values))
    return Header(
        deck_id=deck.id,
        deck_sha256=deck.sha256,
        deck_title=filled.title,
        files=deck.files,
        seed=seed,
        teams=tuple(teams) if teams else default_teams(filled),
        started=started.isoformat(timespec="seconds"),
        engine=ENGINE_VERSION,
        app=__version__,
        lang=lang,
        label=label,
        variables=values,
    )


def variable_values(deck: Deck, values: Mapping[str, str] | None) -> tuple[tuple[str, str], ...]:
    """The value of each of the deck's variables, in its order: the one given, else its
    default (ids the deck does not declare are left out)."""
    given = values or {}
    return tuple((v.id, given.get(v.id, v.default)) for v in deck.variables)


def entry_for(
    seq: int, moment: datetime, action: Action, state: State, header: Header, by: str | None
) -> Entry:
    """The journal line of `action`, which led to `state`, written at `moment`."""
    return Entry(
        seq=seq,
        time=moment.isoformat(timespec="milliseconds"),
        action=to_dict(action),
        hash=state.hash(header.hash_version),
        draws=drawn_cards(state) if isinstance(action, Draw) else None,
        over=state.over,
        by=by,
    )


def _refuse_existing(path: Path) -> None:
    if path.exists() and path.stat().st_size > 0:
        raise FileExistsError(path)


def _header_bytes(path: Path) -> int:
    with open(path, "rb") as file:
        first = file.readline()
    return len(first)
