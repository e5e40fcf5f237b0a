"""Reading a journal: its header, its valid lines, and where damage starts if any.

A journal whose header cannot be read is refused (`JournalError`). Past the
header, the first line that is cut short, is not JSON, fails its check, or is
out of sequence ends the valid prefix: the lines before it are kept and
`Damage` says exactly where and why it stopped.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

import attrs

from scenarios.deck import DeckFile
from scenarios.i18n import Lang, Texts
from scenarios.i18n.system import SystemReason
from scenarios.journal.format import JOURNAL_FORMAT, Entry, Header, Team, checksum

MESSAGES = Texts("journal")


def message(code: str, lang: Lang, params: Mapping[str, object]) -> str:
    return MESSAGES.format(lang, code, params)


class JournalError(Exception):
    """A journal that cannot be used at all."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(message(code, "en", params))
        self.code = code
        self.params = params

    def message(self, lang: Lang = "fr") -> str:
        return message(self.code, lang, self.params)


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
    """A journal as read: header, the entries of its valid prefix, and the damage if any."""

    path: str
    header: Header
    entries: tuple[Entry, ...]
    damage: Damage | None
    valid_bytes: int


def read_journal(path: str | os.PathLike[str]) -> JournalContent:
    """Read the journal at `path`; `JournalError` if its header is unusable."""
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        raise JournalError("unreadable", detail=SystemReason.of(error)) from None
    return parse_journal(data, os.fspath(path))


def parse_journal(data: bytes, path: str = "<journal>") -> JournalContent:
    """Parse journal bytes (see `read_journal`)."""
    if not data.strip():
        raise JournalError("empty")
    lines = data.split(b"\n")
    header_line = lines[0]
    header = _parse_header(header_line)
    offset = len(header_line) + (1 if len(lines) > 1 else 0)
    entries: list[Entry] = []
    damage: Damage | None = None
    for index, raw in enumerate(lines[1:], start=2):
        is_last = index == len(lines)
        if is_last and raw == b"":
            break
        if is_last:
            damage = Damage(index, "truncated")
            break
        entry, damage = _parse_entry(raw, index, len(entries) + 1)
        if damage is not None:
            break
        assert entry is not None
        offset += len(raw) + 1
        entries.append(attrs.evolve(entry, end=offset))
    return JournalContent(path, header, tuple(entries), damage, offset)


def _load_line(raw: bytes) -> dict[str, Any] | str:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return "bad_json"
    if not isinstance(data, dict):
        return "bad_json"
    check = data.pop("check", None)
    if check != checksum(data):
        return "bad_check"
    return data


def _parse_header(raw: bytes) -> Header:
    data = _load_line(raw)
    if isinstance(data, str):
        if b'"journal"' not in raw[:40]:
            raise JournalError("not_journal", detail=raw[:60].decode("utf-8", "replace"))
        detail = "checksum" if data == "bad_check" else "JSON"
        raise JournalError("header_damaged", detail=detail)
    if "journal" not in data:
        raise JournalError("not_journal", detail=raw[:60].decode("utf-8", "replace"))
    if data["journal"] != JOURNAL_FORMAT:
        raise JournalError("format", found=data["journal"], expected=JOURNAL_FORMAT)
    try:
        deck = data["deck"]
        return Header(
            deck_id=deck["id"],
            deck_sha256=deck["sha256"],
            deck_title=deck.get("title", deck["id"]),
            files=tuple(DeckFile(f["name"], f["text"]) for f in deck["files"]),
            seed=int(data["seed"]),
            teams=tuple(Team(t["name"], tuple(t["roles"])) for t in data["teams"]),
            started=data["started"],
            engine=str(data["engine"]),
            app=str(data.get("app", "")),
            lang=data.get("lang", "fr"),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise JournalError("header_damaged", detail=f"{type(error).__name__}: {error}") from None


def _parse_entry(raw: bytes, line: int, expected_seq: int) -> tuple[Entry | None, Damage | None]:
    data = _load_line(raw)
    if isinstance(data, str):
        return None, Damage(line, data)
    try:
        seq = data["seq"]
        if seq != expected_seq:
            return None, Damage(line, "sequence", {"found": seq, "expected": expected_seq})
        draws = data.get("draws")
        entry = Entry(
            seq=seq,
            time=str(data["time"]),
            action=dict(data["action"]),
            hash=str(data["hash"]),
            draws=tuple(draws) if draws is not None else None,
            over=bool(data.get("over", False)),
            line=line,
        )
    except (KeyError, TypeError, ValueError) as error:
        return None, Damage(line, "bad_entry", {"detail": f"{type(error).__name__}"})
    return entry, None
