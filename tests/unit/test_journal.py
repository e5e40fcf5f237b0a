"""The session journal: what it records, how damage is found and reported, and resuming."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from scenarios.deck import Deck
from scenarios.engine import Draw, Note, Undo, legal_actions
from scenarios.journal import JournalError, Session, read_journal, replay
from scenarios.journal.format import CHAIN_START, Chain, encode_line
from tests.conftest import CliResult


def play(deck: Deck, path: Path, steps: int = 30, seed: int = 5) -> Session:
    session = Session.start(deck, seed, path, fsync=False)
    rng = random.Random(seed)
    for step in range(steps):
        if session.state.over:
            break
        if step == 7:
            session.apply(Note("Pourquoi pas d'alerte ?"))
        if step == 9:
            session.apply(Undo())
            continue
        actions = legal_actions(session.state)
        session.apply(actions[rng.randrange(len(actions))])
    return session


def test_the_header_carries_everything_needed_to_replay(crue: Deck, tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    play(crue, path).close()
    header = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert header["journal"] == 3
    assert header["deck"]["id"] == "crue-test"
    assert header["deck"]["sha256"] == crue.sha256
    assert header["deck"]["files"][0]["text"] == crue.files[0].text
    assert header["seed"] == 5
    assert [t["roles"] for t in header["teams"]] == [["prefecture"], ["commune"], ["operateur"]]
    assert header["started"]


def test_the_header_names_its_table_and_older_headers_stay_byte_for_byte(
    crue: Deck, tmp_path: Path
) -> None:
    labelled = tmp_path / "table.jsonl"
    Session.start(crue, 5, labelled, label="Table 3", fsync=False).close()
    assert json.loads(labelled.read_text(encoding="utf-8").splitlines()[0])["table"] == "Table 3"
    assert read_journal(labelled).header.label == "Table 3"
    # Without a label, no "table" key: the header is the line older versions wrote.
    plain = tmp_path / "plain.jsonl"
    Session.start(crue, 5, plain, fsync=False).close()
    assert "table" not in json.loads(plain.read_text(encoding="utf-8").splitlines()[0])
    assert read_journal(plain).header.label is None


def test_each_line_has_a_sequence_time_action_and_state_hash(crue: Deck, tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    session = play(crue, path)
    session.close()
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    assert [line["seq"] for line in lines] == list(range(1, len(lines) + 1))
    assert lines[-1]["hash"] == session.state.hash()
    assert any(line["action"] == {"type": "undo"} for line in lines)
    draws = [line for line in lines if line["action"]["type"] == "draw"]
    assert draws and all("draws" in line for line in draws)


def test_an_undo_is_journaled_and_nothing_is_erased(crue: Deck, tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    session = Session.start(crue, 1, path, fsync=False)
    session.apply(Draw())
    session.apply(Undo())
    session.close()
    types = [json.loads(line)["action"]["type"] for line in path.read_text().splitlines()[1:]]
    assert types == ["draw", "undo"]


def test_a_journal_replays_to_the_live_state(crue: Deck, tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    session = play(crue, path, steps=200)
    session.close()
    replayed = replay(read_journal(path))
    assert replayed.divergence is None
    assert replayed.final.hash() == session.state.hash()
    assert replayed.final.over


def _journal(crue: Deck, tmp_path: Path) -> tuple[Path, list[bytes]]:
    path = tmp_path / "j.jsonl"
    play(crue, path, steps=40).close()
    return path, path.read_bytes().split(b"\n")


def resign(lines: list[bytes], number: int, data: dict[str, Any]) -> None:
    """Put `data` on line `number` (1-based) with its check recomputed as a tool would that
    knows the chain: linked to the line before, the lines after left as they are."""
    previous = json.loads(lines[number - 2])["check"] if number > 1 else CHAIN_START
    lines[number - 1] = encode_line(data, Chain(last=previous).check(data)).rstrip(b"\n")


def rechain(lines: list[bytes], start: int = 1) -> None:
    """Recompute every check from line `start` to the end, as a forger would."""
    for number in range(start, len(lines) + 1):
        if lines[number - 1]:
            data = json.loads(lines[number - 1])
            data.pop("check")
            resign(lines, number, data)


def _rewrite(path: Path, lines: list[bytes], number: int, **changes: Any) -> None:
    """Change fields of line `number` (1-based) as a tool would, its check made valid again."""
    data = json.loads(lines[number - 1])
    data.pop("check")
    data.update(changes)
    resign(lines, number, data)
    path.write_bytes(b"\n".join(lines))


def test_a_truncated_last_line_keeps_the_valid_prefix(
    crue: Deck, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path, lines = _journal(crue, tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 25])
    content = read_journal(path)
    assert content.damage is not None and content.damage.code == "truncated"
    assert len(content.entries) == len(lines) - 3
    code, _, err = cli("replay", "--verify", str(path))
    assert code == 1
    assert "Traceback" not in err
    assert "coupée" in err and f"ligne {len(lines) - 1}" in err


def test_a_flipped_byte_mid_file_is_found(
    crue: Deck, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path, lines = _journal(crue, tmp_path)
    target = 12
    line = bytearray(lines[target - 1])
    index = line.index(b'"time":"') + 12
    line[index] = ord("7") if line[index] != ord("7") else ord("8")
    lines[target - 1] = bytes(line)
    path.write_bytes(b"\n".join(lines))
    content = read_journal(path)
    assert content.damage is not None
    assert (content.damage.line, content.damage.code) == (target, "bad_chain")
    assert len(content.entries) == target - 2
    code, _, err = cli("replay", "--verify", str(path))
    assert code == 1
    assert f"ligne {target} altérée" in err
    assert f"action n°\u00a0{target - 1}" in err


def test_an_edited_hash_is_a_divergence(
    crue: Deck, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path, lines = _journal(crue, tmp_path)
    target = 6
    _rewrite(path, lines, target, hash="0" * 64)
    replayed = replay(read_journal(path))
    assert replayed.divergence is not None and replayed.divergence.code == "hash"
    assert replayed.applied == target - 2
    code, _, err = cli("replay", "--verify", str(path))
    assert code == 1
    assert f"incohérent à partir de l'action n°\u00a0{target - 1}" in err


def test_a_malformed_action_is_said_in_the_reader_s_language(
    crue: Deck, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path, lines = _journal(crue, tmp_path)
    target = 6
    action = json.loads(lines[target - 1])["action"]
    _rewrite(path, lines, target, action={**action, "colour": "red"})
    replayed = replay(read_journal(path))
    assert replayed.divergence is not None and replayed.divergence.code == "bad_entry"
    kind = action["type"]
    _, _, french = cli("replay", "--verify", str(path), "--lang", "fr")
    assert f"ligne {target} mal formée (champ «\u00a0colour\u00a0» inconnu" in french
    assert f"action «\u00a0{kind}\u00a0»" in french
    _, _, english = cli("replay", "--verify", str(path), "--lang", "en")
    assert f"line {target} malformed (unknown field 'colour' in a '{kind}' action" in english


def test_a_journal_of_another_format_is_refused_clearly(
    crue: Deck, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path, lines = _journal(crue, tmp_path)
    _rewrite(path, lines, 1, journal=9)
    with pytest.raises(JournalError) as caught:
        read_journal(path)
    assert caught.value.code == "format"
    code, _, err = cli("replay", "--verify", str(path))
    assert code == 1
    assert "journal au format 9" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("content", [b"", b"not json at all\n", b"\x00\x01\x02", b'{"a": 1}\n'])
def test_a_file_that_is_no_journal_is_refused_clearly(
    tmp_path: Path, cli: Callable[..., CliResult], content: bytes
) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(content)
    code, _, err = cli("replay", "--verify", str(path))
    assert code == 1
    assert "Traceback" not in err
    assert str(path) in err


def test_resuming_a_damaged_journal_keeps_its_prefix_and_saves_the_original(
    crue: Deck, tmp_path: Path
) -> None:
    path, lines = _journal(crue, tmp_path)
    original = path.read_bytes()
    path.write_bytes(original[:-30])
    session, report = Session.resume(path, fsync=False)
    assert report.damage is not None and report.damage.code == "truncated"
    assert report.kept == len(lines) - 3
    assert report.backup is not None and report.backup.read_bytes() == original[:-30]
    actions = legal_actions(session.state)
    if actions:
        session.apply(actions[0])
    session.close()
    content = read_journal(path)
    assert content.damage is None
    assert replay(content).divergence is None


def test_resume_continues_the_same_file(crue: Deck, tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    first = play(crue, path, steps=10)
    seq, live = first.seq, first.state.hash()
    first.close()
    session, report = Session.resume(path, fsync=False)
    assert report.damage is None and report.kept == seq
    assert session.state.hash() == live
    session.apply(legal_actions(session.state)[0])
    session.close()
    assert len(read_journal(path).entries) == seq + 1


def test_replay_verify_prints_the_final_hash(
    crue: Deck, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path = tmp_path / "j.jsonl"
    session = play(crue, path)
    session.close()
    code, out, _ = cli("replay", "--verify", str(path))
    assert code == 0
    assert session.state.hash() in out
