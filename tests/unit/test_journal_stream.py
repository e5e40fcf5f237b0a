"""Reading a journal line by line (replay --verify) finds what reading it whole finds."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from scenarios.deck import load_deck, resolve_deck
from scenarios.engine import Note, legal_actions
from scenarios.journal import Session, parse_journal, replay, stream_journal


def _journal(path: Path) -> bytes:
    rng = random.Random(5)
    session = Session.start(load_deck(resolve_deck(None)), 5, path, fsync=False)
    try:
        for index in range(30):
            if index % 7 == 3:
                session.apply(Note(f"note {index}"))
            else:
                session.apply(rng.choice(legal_actions(session.state)))
    finally:
        session.close()
    return path.read_bytes()


def _damaged(data: bytes) -> dict[str, bytes]:
    lines = data.split(b"\n")
    return {
        "whole": data,
        "no final newline": data[:-1],
        "cut in a line": data[: len(data) - 40],
        "bad json": b"\n".join([*lines[:12], b"{not json", *lines[13:]]),
        "edited": data.replace(b'"seq":9,', b'"seq":19,'),
        "header only": lines[0],
        "blank lines after": data + b"\n\n",
    }


@pytest.mark.parametrize("case", list(_damaged(b"a\nb\n")))
def test_a_stream_finds_the_entries_and_damage_of_a_whole_read(tmp_path: Path, case: str) -> None:
    data = _damaged(_journal(tmp_path / "journal.jsonl"))[case]
    path = tmp_path / "case.jsonl"
    path.write_bytes(data)
    whole = parse_journal(data, str(path))
    with stream_journal(path) as stream:
        assert stream.header == whole.header and stream.header_check == whole.header_check
        assert tuple(stream.entries) == whole.entries
        assert stream.damage == whole.damage and stream.valid_bytes == whole.valid_bytes
    with stream_journal(path) as stream:
        streamed = replay(stream)
    replayed = replay(whole)
    assert streamed.final == replayed.final and streamed.applied == replayed.applied
    assert streamed.divergence == replayed.divergence and streamed.states == ()
