"""The journal's lines: a header, then one action a line, each with its own checksum.

JSON Lines, UTF-8. Every line carries `check`, the first 16 hex digits of the
sha256 of the line's canonical JSON without `check`, so a flipped byte anywhere
is caught even where it would still parse. The header holds everything needed
to replay the session anywhere: the deck's files in full, the seed, the teams.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

import attrs

from scenarios.deck import DeckFile

JOURNAL_FORMAT = 1


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

    def to_json(self) -> dict[str, Any]:
        return {
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
        return data


def checksum(data: Mapping[str, Any]) -> str:
    """The check of a line's content (without its own `check` key)."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def encode_line(data: Mapping[str, Any]) -> bytes:
    """A line ready to append: the JSON with its check, and the newline."""
    with_check = {**data, "check": checksum(data)}
    return (json.dumps(with_check, ensure_ascii=False, separators=(",", ":")) + "\n").encode(
        "utf-8"
    )
