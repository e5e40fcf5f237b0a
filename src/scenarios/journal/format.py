"""The journal's lines: a header, then one action a line, chained by their checks.

JSON Lines, UTF-8. Every line carries `check`. In format 2 it is the sha256
(64 hex digits) of the previous line's check followed by the line's canonical
JSON without `check`; the header's "previous check" is `CHAIN_START`. Every
field of every line is covered, and so is the order of the lines: a flipped
byte, an edited field whose own check was recomputed, a removed, repeated or
moved line all break the chain at the first line after the change. The full
digest is kept (not a prefix) so that the last check stands for the whole
journal: a signature of it later must not be open to a birthday collision,
which a 64-bit prefix would allow in about 2^32 tries.

Format 1 (the journals written before) checked each line alone with the
first 16 hex digits of the sha256 of its canonical JSON; such journals are
still read, and resumed in format 1. Neither format stops a forger who
recomputes every check after the line they edit: that takes a signature.

The header holds everything needed to replay the session anywhere: the
deck's files in full, the seed, the teams; and the table's label ("Table 3"),
which names the table in a comparison of several journals. A journal without
one (written before labels, or by a simulation) is numbered by the reader.
A deck with `variables` has their values in the header (`"variables"`, as
chosen at setup): whoever opens the journal shows the deck's texts filled
with them (`journal_deck`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

import attrs

from scenarios.deck import DeckFile
from scenarios.engine.canonical import canonical_json, sorted_json

JOURNAL_FORMAT = 3
# The formats this version reads, each with the version of the state hash its lines record
# (format 3 is format 2 with the deck hashed by its content: see `State.hash`).
STATE_HASH_VERSIONS: Mapping[int, int] = {1: 1, 2: 2, 3: 3}
# What the header's check is chained to.
CHAIN_START = "scenarios-journal-2"


@attrs.frozen
class Team:
    """A team at the table and the roles it plays."""

    name: str
    roles: tuple[str, ...]


@attrs.frozen
class Header:
    """The first line: what was played, with which seed, by whom, from when."""

    deck_id: str
    deck_sha256: str
    deck_title: str
    files: tuple[DeckFile, ...]
    seed: int
    teams: tuple[Team, ...]
    started: str
    engine: str
    app: str
    lang: str = "fr"
    format: int = JOURNAL_FORMAT
    # The table's name ("Table 3"); None in journals written before labels existed.
    label: str | None = None
    # The values of the deck's variables (id, value), as chosen at setup, in the deck's
    # order; empty for a deck without variables and in journals written before them.
    variables: tuple[tuple[str, str], ...] = ()

    @property
    def hash_version(self) -> int:
        """The version of `State.hash` this journal's lines record."""
        return STATE_HASH_VERSIONS[self.format]

    def to_json(self) -> dict[str, Any]:
        # "table" is written only when there is a label, so that a header without
        # one is byte for byte the line older versions wrote (and chain the same).
        data: dict[str, Any] = {
            "journal": self.format,
            "engine": self.engine,
            "app": self.app,
            "deck": {
                "id": self.deck_id,
                "sha256": self.deck_sha256,
                "title": self.deck_title,
                "files": [{"name": f.name, "text": f.text} for f in self.files],
            },
            "seed": self.seed,
            "teams": [{"name": t.name, "roles": list(t.roles)} for t in self.teams],
            "lang": self.lang,
            "started": self.started,
        }
        if self.label is not None:
            data["table"] = self.label
        if self.variables:  # likewise: absent when there are none
            data["variables"] = dict(self.variables)
        return data


# The `by` of a line the facilitator wrote (palette, room view), not the table;
# an observer's lines have `by` = "observer:<their name>".
FACILITATOR = "facilitator"
OBSERVER = "observer"


@attrs.frozen
class Entry:
    """One acknowledged action: its number, time, the action, and the state hash after it."""

    seq: int
    time: str
    action: Mapping[str, Any]
    hash: str
    draws: tuple[str, ...] | None = None
    over: bool = False
    line: int = 0
    end: int = 0
    check: str = ""
    # Who acted, when it was not the table: "facilitator", "observer:<name>"…
    by: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "seq": self.seq,
            "time": self.time,
            "action": dict(self.action),
            "hash": self.hash,
        }
        if self.draws is not None:
            data["draws"] = list(self.draws)
        if self.over:
            data["over"] = True
        if self.by is not None:
            data["by"] = self.by
        return data


def _canonical(data: Mapping[str, Any]) -> bytes:
    return sorted_json(data)


def checksum(data: Mapping[str, Any]) -> str:
    """The format-1 check of a line's content (without its own `check` key): that line alone."""
    return hashlib.sha256(_canonical(data)).hexdigest()[:16]


def chained_check(previous: str, data: Mapping[str, Any]) -> str:
    """The format-2 check of a line's content: chained to the previous line's check."""
    return hashlib.sha256(previous.encode("utf-8") + _canonical(data)).hexdigest()


@attrs.frozen
class Chain:
    """Where a journal's checks stand: its format and the check of its last line so far."""

    format: int = JOURNAL_FORMAT
    last: str = CHAIN_START

    @property
    def chained(self) -> bool:
        """Whether each check covers the line before (format 2 on), not just its own line."""
        return self.format >= 2

    def check(self, data: Mapping[str, Any]) -> str:
        """The check the next line must carry if its content is `data`."""
        if self.chained:
            return chained_check(self.last, data)
        return checksum(data)

    def then(self, check: str) -> Chain:
        """The chain once a line with `check` is appended."""
        return Chain(self.format, check)


def encode_line(data: Mapping[str, Any], check: str) -> bytes:
    """A line ready to append: the JSON with its check, and the newline."""
    return canonical_json({**data, "check": check}) + b"\n"
