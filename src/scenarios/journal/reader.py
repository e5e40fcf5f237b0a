"""Reading a journal: its header, its valid lines, and where damage starts if any.

A journal whose header cannot be read is refused (`JournalError`). Past the
header, the first line that is cut short, is not JSON, fails its check (in
format 2: breaks the chain), or is out of sequence ends the valid prefix: the
lines before it are kept and `Damage` says exactly where and why it stopped.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import os
import stat
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

import attrs
import orjson

from scenarios.deck import DeckFile
from scenarios.engine.building import builder
from scenarios.i18n import Lang, Texts
from scenarios.i18n.system import SystemReason
from scenarios.journal.format import (
    JOURNAL_FORMAT,
    STATE_HASH_VERSIONS,
    Chain,
    Entry,
    Header,
    Team,
)
from scenarios.journal.shapes import ENTRY, HEADER, entry_fits, misfit, strict_json

MESSAGES = Texts("journal")
# Far above a long game (100,000 actions is about 30 MB), far below what hurts a laptop.
MAX_JOURNAL_BYTES = 256 * 1024 * 1024
# An entry and the chain after it are made at every line (see `engine.building`).
_entry = builder(Entry)
_chain = builder(Chain)
_sha256 = hashlib.sha256


def message(code: str, lang: Lang, params: Mapping[str, object]) -> str:
    return MESSAGES.format(lang, code, params)


class JournalError(Exception):
    """A journal that cannot be used at all."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(message(code, "en", params))
        self.code = code
        self.params = params

    @classmethod
    def from_os_error(cls, code: str, error: OSError) -> JournalError:
        """The `code` error, detailed by what the system said (in the reader's language)."""
        return cls(code, detail=SystemReason.of(error))

    def message(self, lang: Lang = "fr") -> str:
        return message(self.code, lang, self.params)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled whole (code and parameters), as a simulation's worker process sends it."""
        return (functools.partial(JournalError, self.code, **self.params), ())


@attrs.frozen
class Damage:
    """Where a journal stops being valid: the 1-based line, and why."""

    line: int
    code: str
    params: Mapping[str, object] = attrs.field(factory=dict)

    def message(self, lang: Lang = "fr") -> str:
        return message(self.code, lang, {"line": self.line, **self.params})


@attrs.frozen
class JournalContent:
    """A journal as read: header, the entries of its valid prefix, the damage if any, and
    the header's check (where the chain of checks starts)."""

    path: str
    header: Header
    entries: tuple[Entry, ...]
    damage: Damage | None
    valid_bytes: int
    header_check: str

    def chain_after(self, count: int) -> Chain:
        """The chain to append to once the journal is cut after its first `count` entries."""
        last = self.entries[count - 1].check if count else self.header_check
        return Chain(self.header.format, last)


def _open(path: str | os.PathLike[str]) -> BinaryIO:
    """The journal's file, open, once it is known to be a regular file within the limit.

    Opened without blocking and checked on the open file, as deck files are
    (`deck.sources.read_regular_file`): a FIFO or a device is refused before
    anything is read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise JournalError.from_os_error("unreadable", error) from None
    try:
        status = os.fstat(fd)
    except OSError as error:
        os.close(fd)
        raise JournalError.from_os_error("unreadable", error) from None
    if not stat.S_ISREG(status.st_mode):
        os.close(fd)
        raise JournalError("not_regular", limit=MAX_JOURNAL_BYTES)
    if status.st_size > MAX_JOURNAL_BYTES:
        os.close(fd)
        raise JournalError("too_big", limit=MAX_JOURNAL_BYTES)
    return os.fdopen(fd, "rb")


def read_journal(path: str | os.PathLike[str]) -> JournalContent:
    """Read the journal at `path`; `JournalError` if its header is unusable."""
    with _open(path) as source:
        try:
            data = source.read(MAX_JOURNAL_BYTES + 1)
        except OSError as error:
            raise JournalError.from_os_error("unreadable", error) from None
    if len(data) > MAX_JOURNAL_BYTES:  # it grew since it was opened
        raise JournalError("too_big", limit=MAX_JOURNAL_BYTES)
    return parse_journal(data, os.fspath(path))


def parse_journal(data: bytes, path: str = "<journal>") -> JournalContent:
    """Parse journal bytes (see `read_journal`)."""
    stream = JournalStream(io.BytesIO(data), path)
    entries = tuple(stream.entries)
    assert stream.valid_bytes is not None
    return JournalContent(
        path, stream.header, entries, stream.damage, stream.valid_bytes, stream.header_check
    )


@contextlib.contextmanager
def stream_journal(path: str | os.PathLike[str]) -> Iterator[JournalStream]:
    """The journal at `path`, its entries read and parsed one at a time as they are asked for.

    For a reader that goes through them once (`replay --verify`): a long
    journal's lines are never all in memory together. The file is closed on
    leaving the `with` block.
    """
    with _open(path) as source:
        yield JournalStream(source, os.fspath(path))


class JournalStream:
    """A journal whose header is read and whose entries come one by one (`entries`, once).

    `damage` and `valid_bytes` are known once `entries` is exhausted; a reader
    that stops before knows only that the entries it took were valid. Past
    `MAX_JOURNAL_BYTES` (a file that grew while read), `entries` raises
    `JournalError`.
    """

    def __init__(self, source: BinaryIO, path: str) -> None:
        self.path = path
        self._source = source
        first = self._line()
        if not first.strip() and not source.read(1 << 16).strip():
            raise JournalError("empty")  # an empty file, or blank lines only
        newline = first.endswith(b"\n")
        self.header, self.header_check = _parse_header(first[:-1] if newline else first)
        self.damage: Damage | None = None
        self.valid_bytes: int | None = None
        self.entries: Iterator[Entry] = self._entries(len(first), newline)

    def _line(self) -> bytes:
        try:
            return self._source.readline()
        except OSError as error:
            raise JournalError.from_os_error("unreadable", error) from None

    def _entries(self, offset: int, more: bool) -> Iterator[Entry]:
        chain = Chain(self.header.format, self.header_check)
        index, count = 1, 0
        while more:
            index += 1
            raw = self._line()
            if not raw.endswith(b"\n"):  # the end: nothing after the last newline, or a cut line
                if raw:
                    self.damage = Damage(index, "truncated")
                break
            offset += len(raw)
            entry, damage = parse_entry(raw[:-1], index, count + 1, chain, end=offset)
            if damage is not None:
                offset -= len(raw)
                self.damage = damage
                break
            assert entry is not None
            if offset > MAX_JOURNAL_BYTES:
                raise JournalError("too_big", limit=MAX_JOURNAL_BYTES)
            count += 1
            chain = _chain(chain.format, entry.check)
            yield entry
        self.valid_bytes = offset


def _load_line(raw: bytes) -> dict[str, Any] | None:
    """The line's JSON object, or None if it is not one."""
    data = _written_line(raw)
    return data if data is not None else _strict_line(raw)


def _strict_line(raw: bytes) -> dict[str, Any] | None:
    """The line's JSON object read by `strict_json`, or None if it is not one."""
    try:
        data = strict_json(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        # ValueError covers bad JSON, NaN/Infinity, integers over 4,300 digits, repeated keys.
        return None
    return data if isinstance(data, dict) else None


def _written_line(raw: bytes) -> dict[str, Any] | None:
    """The line's object if it is byte for byte as this program writes it, else None.

    A line we wrote is `canonical_json` of an object holding no float: orjson
    reads it several times faster than `strict_json`, and writing the object
    back gives the same bytes. Whatever `strict_json` would refuse or read
    otherwise (a repeated key, NaN, a lone surrogate, a float, an integer
    past 64 bits, spaces, escapes) fails that test and takes the strict path.
    """
    try:
        data = orjson.loads(raw)
        if type(data) is not dict or not _floatless(data) or orjson.dumps(data) != raw:
            return None
    except (orjson.JSONDecodeError, orjson.JSONEncodeError):  # too deep to write, too
        return None
    return data


def _floatless(data: dict[str, Any]) -> bool:
    """Whether no value in `data`, however deep, is a float."""
    pending: list[Any] = [data]
    for item in pending:  # what is appended is gone through too
        for value in item.values() if type(item) is dict else item:
            kind = type(value)
            if kind is str:
                continue
            if kind is float:
                return False
            if kind is dict or kind is list:
                pending.append(value)
    return True


def _check_fails(data: dict[str, Any], chain: Chain) -> str | None:
    """Why the line's `check` (taken out of `data`) is not the one `chain` expects, if not."""
    check = data.pop("check", None)
    try:
        expected = chain.check(data)
    except RecursionError:  # nested too deep to be written back: no line we wrote
        return "bad_json"
    if isinstance(check, str) and check == expected:
        return None
    return "bad_chain" if chain.chained else "bad_check"


def _parse_header(raw: bytes) -> tuple[Header, str]:
    """The header and its check (the start of the chain)."""
    data = _load_line(raw)
    if data is None:
        if b'"journal"' not in raw[:40]:
            raise JournalError("not_journal", detail=raw[:60].decode("utf-8", "replace"))
        raise JournalError("header_damaged", detail="JSON")
    if "journal" not in data:
        raise JournalError("not_journal", detail=raw[:60].decode("utf-8", "replace"))
    found = data["journal"]
    if type(found) is not int:
        raise JournalError("header_damaged", detail="journal")
    if found not in STATE_HASH_VERSIONS:
        raise JournalError("format", found=found, expected=JOURNAL_FORMAT)
    check = data.get("check")
    failure = _check_fails(data, Chain(found))
    if failure is not None:
        raise JournalError("header_damaged", detail="JSON" if failure == "bad_json" else "checksum")
    wrong = misfit(data, HEADER)
    if wrong:
        raise JournalError("header_damaged", detail=wrong)
    variables = data.get("variables") or {}
    if not all(type(value) is str for value in variables.values()):
        raise JournalError("header_damaged", detail="variables")
    deck = data["deck"]
    header = Header(
        deck_id=deck["id"],
        deck_sha256=deck["sha256"],
        deck_title=deck.get("title") or deck["id"],
        files=tuple(DeckFile(f["name"], f["text"]) for f in deck["files"]),
        seed=data["seed"],
        teams=tuple(Team(t["name"], tuple(t["roles"])) for t in data["teams"]),
        started=data["started"],
        engine=data["engine"],
        app=data.get("app") or "",
        lang=data.get("lang") or "fr",
        format=found,
        label=data.get("table") or None,
        variables=tuple(variables.items()),
    )
    return header, str(check)


def parse_entry(
    raw: bytes, line: int, expected_seq: int, chain: Chain, end: int = 0
) -> tuple[Entry | None, Damage | None]:
    """One action line (line number `line`, ending at byte `end`), checked against `chain`
    and the seq expected: the entry, or the damage it shows. For readers that take lines
    one at a time."""
    data = _written_line(raw)
    if data is not None and chain.chained:
        # What `_check_fails` does, written out for the line of every action: a line as
        # this program writes it is encoded by orjson, sorted as `sorted_json` does.
        check = data.pop("check", None)
        content = orjson.dumps(data, option=orjson.OPT_SORT_KEYS)
        if check != _sha256(chain.last.encode("utf-8") + content).hexdigest():
            return None, Damage(line, "bad_chain")
    else:
        data = data if data is not None else _strict_line(raw)
        if data is None:
            return None, Damage(line, "bad_json")
        check = data.get("check")
        failure = _check_fails(data, chain)
        if failure is not None:
            return None, Damage(line, failure)
    wrong = None if entry_fits(data) else misfit(data, ENTRY)
    if wrong:
        return None, Damage(line, "bad_entry", {"detail": wrong})
    seq = data["seq"]
    if seq != expected_seq:
        return None, Damage(line, "sequence", {"found": seq, "expected": expected_seq})
    draws = data.get("draws")
    entry = _entry(  # by position, in the order of its fields: a long journal makes many
        seq,
        data["time"],
        data["action"],
        data["hash"],
        tuple(draws) if draws is not None else None,
        bool(data.get("over")),
        line,
        end,
        str(check),
        data.get("by"),
    )
    return entry, None
