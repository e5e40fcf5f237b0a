"""The journal as a chain of checks, and a state hash that covers the rationales.

Each line's check covers the line before it, so no field of any line escapes:
an edit whose own check was recomputed breaks the chain at the next line, and
a removed, repeated or moved line breaks it where it was. The state hash
covers the decisions' rationales, so an edited rationale is found by the
replay even when every check after it was recomputed. Every command on these
journals exits 1 (or keeps the valid prefix, as for any damage), never with a
traceback, and resuming saves the original aside before cutting anything.
"""

from __future__ import annotations

import json
import random
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

from scenarios.deck import Deck
from scenarios.engine import Note, Pass, Play, legal_actions
from scenarios.journal import Session, read_journal, replay
from tests.conftest import TEST_DECKS, CliResult
from tests.unit.test_journal import play, rechain, resign

# A journal written in format 1 by the version before the chain (crue deck, seed 3,
# rationales on every decision, a note and an undo), and the final hash it recorded.
FORMAT_1 = TEST_DECKS / "format1.jsonl"
FORMAT_1_FINAL = "d7feac3d90e64ec03db1c81d53aa015b7db700728f60981c14426a15e50d8099"
# A journal written in format 2 by the version before the deck was hashed by its content
# (crue deck, seed 3, rationales, a note and an undo), and the final hash it recorded.
FORMAT_2 = TEST_DECKS / "format2.jsonl"
FORMAT_2_FINAL = "dd0bd736869d8b70a8528c34db02d935d8ed58d1bbb684884724352d99250f71"


def _with_rationales(deck: Deck, path: Path, steps: int = 40) -> list[bytes]:
    """A game whose every decision gives its reasons; its journal's lines."""
    session = play(deck, path, steps=0)
    rng = random.Random(4)
    for step in range(steps):
        if session.state.over:
            break
        action = rng.choice(legal_actions(session.state))
        if isinstance(action, Play | Pass):
            action = attrs.evolve(action, rationale=f"raison {step}")
        session.apply(action)
    session.close()
    return path.read_bytes().split(b"\n")


def _data(lines: list[bytes], number: int) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(lines[number - 1])
    data.pop("check")
    return data


def _first(lines: list[bytes], kind: str, after: int = 3) -> int:
    """The number of the first line after `after` whose action is of `kind`."""
    return next(
        number
        for number in range(after + 1, len(lines))
        if lines[number - 1] and json.loads(lines[number - 1])["action"]["type"] == kind
    )


def _verify_fails(cli: Callable[..., CliResult], path: Path, *expected: str) -> str:
    code, out, err = cli("replay", "--verify", str(path))
    assert code == 1, out + err
    assert "Traceback" not in err
    for text in expected:
        assert text in err, err
    return err


def _every_command_copes(path: Path, cli: Callable[..., CliResult], kept: int) -> None:
    """`report` debriefs the valid prefix (with a warning), resuming keeps it and saves the
    original aside, and the journal then verifies and goes on."""
    original = path.read_bytes()
    code, out, err = cli("report", str(path))
    assert code == 0 and "Traceback" not in err, out + err
    session, report = Session.resume(path, fsync=False)
    assert report.damage is not None and report.kept == kept
    assert report.backup is not None and report.backup.read_bytes() == original
    session.apply(legal_actions(session.state)[0])
    session.close()
    code, out, err = cli("replay", "--verify", str(path))
    assert code == 0 and f"{kept + 1} actions" in out, out + err


def test_an_edited_rationale_with_its_check_recomputed_is_found(
    crue: Deck, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path = tmp_path / "j.jsonl"
    lines = _with_rationales(crue, path)
    target = _first(lines, "play")
    data = _data(lines, target)
    data["action"]["rationale"] = "une raison écrite après coup"
    resign(lines, target, data)
    path.write_bytes(b"\n".join(lines))
    content = read_journal(path)
    assert content.damage is not None
    assert (content.damage.line, content.damage.code) == (target + 1, "bad_chain")
    _verify_fails(cli, path, f"ligne {target}\u00a0: l’état rejoué diffère")
    _every_command_copes(path, cli, kept=target - 2)


def test_an_edited_rationale_is_found_even_with_the_whole_chain_recomputed(
    crue: Deck, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path = tmp_path / "j.jsonl"
    lines = _with_rationales(crue, path)
    for kind in ("play", "pass"):
        target = _first(lines, kind)
        forged = list(lines)
        data = _data(forged, target)
        data["action"]["rationale"] = "une raison écrite après coup"
        resign(forged, target, data)
        rechain(forged, target + 1)
        path.write_bytes(b"\n".join(forged))
        assert read_journal(path).damage is None
        _verify_fails(cli, path, f"action n°\u00a0{target - 1}", f"ligne {target}\u00a0:")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        (("teams", 0, "name"), "Équipe fantôme"),
        (("started",), "2020-01-01T00:00:00+00:00"),
        (("deck", "title"), "Un autre titre"),
        (("app",), "0.0.1"),
        (("lang",), "en"),
    ],
)
def test_an_edited_header_field_with_its_check_recomputed_breaks_the_chain(
    field: tuple[Any, ...], value: str, crue: Deck, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path = tmp_path / "j.jsonl"
    play(crue, path, steps=12).close()
    lines = path.read_bytes().split(b"\n")
    data = _data(lines, 1)
    inner = data
    for key in field[:-1]:
        inner = inner[key]
    inner[field[-1]] = value
    resign(lines, 1, data)
    path.write_bytes(b"\n".join(lines))
    content = read_journal(path)
    assert content.damage is not None and content.damage.line == 2
    assert content.entries == ()
    _verify_fails(cli, path, "ligne 2 altérée", "chaîne de contrôle rompue")


@pytest.mark.parametrize(
    ("kind", "field", "value"),
    [
        ("draw", "time", "2031-12-31T23:59:59.000+00:00"),
        ("draw", "draws", []),
        ("draw", "over", True),
        ("play", "time", "2000-01-01T00:00:00.000+00:00"),
    ],
)
def test_an_edited_time_draws_or_end_with_its_check_recomputed_breaks_the_chain(
    kind: str,
    field: str,
    value: Any,
    crue: Deck,
    tmp_path: Path,
    cli: Callable[..., CliResult],
) -> None:
    path = tmp_path / "j.jsonl"
    lines = _with_rationales(crue, path)
    target = _first(lines, kind)
    data = _data(lines, target)
    data[field] = value
    resign(lines, target, data)
    path.write_bytes(b"\n".join(lines))
    content = read_journal(path)
    assert content.damage is not None
    assert (content.damage.line, content.damage.code) == (target + 1, "bad_chain")
    _verify_fails(cli, path, "ligne")


def test_an_end_of_game_that_the_replay_does_not_reach_is_found_even_rechained(
    crue: Deck, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path = tmp_path / "j.jsonl"
    lines = _with_rationales(crue, path)
    target = _first(lines, "draw")
    data = _data(lines, target)
    data["over"] = True
    resign(lines, target, data)
    rechain(lines, target + 1)
    path.write_bytes(b"\n".join(lines))
    _verify_fails(cli, path, f"ligne {target}\u00a0: la fin de partie enregistrée")


def test_a_removed_middle_line_is_found_where_it_was_and_the_prefix_kept(
    crue: Deck, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path = tmp_path / "j.jsonl"
    lines = _with_rationales(crue, path)
    target = 9
    del lines[target - 1]
    path.write_bytes(b"\n".join(lines))
    content = read_journal(path)
    assert content.damage is not None
    assert (content.damage.line, content.damage.code) == (target, "bad_chain")
    assert len(content.entries) == target - 2
    _verify_fails(cli, path, f"ligne {target} altérée, ou une ligne avant elle")
    _every_command_copes(path, cli, kept=target - 2)


@pytest.mark.parametrize("change", ["repeated", "swapped"])
def test_a_repeated_or_moved_line_breaks_the_chain_there(
    change: str, crue: Deck, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path = tmp_path / "j.jsonl"
    lines = _with_rationales(crue, path)
    target = 7
    if change == "repeated":
        lines.insert(target - 1, lines[target - 2])
    else:
        lines[target - 1], lines[target] = lines[target], lines[target - 1]
    path.write_bytes(b"\n".join(lines))
    content = read_journal(path)
    assert content.damage is not None
    assert (content.damage.line, content.damage.code) == (target, "bad_chain")
    _verify_fails(cli, path, f"ligne {target} altérée")
    _every_command_copes(path, cli, kept=target - 2)


def test_a_repeated_sequence_number_is_found_even_rechained(
    crue: Deck, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path = tmp_path / "j.jsonl"
    lines = _with_rationales(crue, path)
    target = 7
    lines.insert(target - 1, lines[target - 2])
    rechain(lines, target)
    path.write_bytes(b"\n".join(lines))
    content = read_journal(path)
    assert content.damage is not None and content.damage.code == "sequence"
    _verify_fails(cli, path, f"ligne {target} hors séquence (numéro {target - 2}")


def test_a_key_written_twice_in_a_line_is_damage(
    crue: Deck, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path = tmp_path / "j.jsonl"
    lines = _with_rationales(crue, path)
    target = 5
    lines[target - 1] = lines[target - 1].replace(b'{"seq":', b'{"seq":99,"seq":', 1)
    path.write_bytes(b"\n".join(lines))
    content = read_journal(path)
    assert content.damage is not None
    assert (content.damage.line, content.damage.code) == (target, "bad_json")
    _verify_fails(cli, path, f"ligne {target} illisible")


def test_resuming_after_a_cut_goes_on_with_a_valid_chain(
    crue: Deck, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path = tmp_path / "j.jsonl"
    _with_rationales(crue, path, steps=20)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 40])
    for _ in range(2):  # once after the cut, once more on the repaired journal
        session, _ = Session.resume(path, fsync=False)
        for _ in range(3):
            action = legal_actions(session.state)[-1]
            if isinstance(action, Play | Pass):
                action = attrs.evolve(action, rationale="après la reprise")
            session.apply(action)
        session.close()
        content = read_journal(path)
        assert content.damage is None
        assert replay(content).consistent
    code, out, err = cli("replay", "--verify", str(path))
    assert code == 0 and "cohérent" in out, out + err


def test_a_format_1_journal_still_verifies_with_the_hash_it_recorded(
    cli: Callable[..., CliResult],
) -> None:
    content = read_journal(FORMAT_1)
    assert content.header.format == 1 and content.damage is None
    assert any(e.action.get("rationale") for e in content.entries)
    code, out, err = cli("replay", "--verify", str(FORMAT_1))
    assert code == 0, out + err
    assert f"cohérent, 41 actions, état final {FORMAT_1_FINAL}" in out
    assert "ancien format 1, contrôle plus faible" in out
    code, out, err = cli("report", str(FORMAT_1))
    assert code == 0 and "Traceback" not in err


def test_a_format_1_journal_is_resumed_in_format_1(crue: Deck, tmp_path: Path) -> None:
    path = tmp_path / "old.jsonl"
    shutil.copyfile(FORMAT_1, path)
    session, report = Session.resume(path, fsync=False)
    assert report.damage is None and report.kept == 41
    session.apply(legal_actions(session.state)[0])
    session.close()
    lines = path.read_bytes().splitlines()
    assert json.loads(lines[0])["journal"] == 1
    assert len(json.loads(lines[-1])["check"]) == 16
    content = read_journal(path)
    assert content.damage is None and len(content.entries) == 42
    assert replay(content).consistent


def test_a_format_1_journal_keeps_its_line_by_line_check(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path = tmp_path / "old.jsonl"
    lines = FORMAT_1.read_bytes().split(b"\n")
    lines[5] = lines[5].replace(b'"time":"2024', b'"time":"2025', 1)
    path.write_bytes(b"\n".join(lines))
    content = read_journal(path)
    assert content.damage is not None
    assert (content.damage.line, content.damage.code) == (6, "bad_check")
    _verify_fails(cli, path, "ligne 6 altérée (somme de contrôle fausse)")


def test_a_format_2_journal_still_verifies_with_the_hash_it_recorded(
    cli: Callable[..., CliResult],
) -> None:
    content = read_journal(FORMAT_2)
    assert content.header.format == 2 and content.damage is None
    code, out, err = cli("replay", "--verify", str(FORMAT_2))
    assert code == 0, out + err
    assert f"cohérent, 40 actions, état final {FORMAT_2_FINAL}" in out


def test_a_format_2_journal_is_resumed_in_format_2(tmp_path: Path) -> None:
    path = tmp_path / "old.jsonl"
    shutil.copyfile(FORMAT_2, path)
    session, report = Session.resume(path, fsync=False)
    assert report.damage is None and report.kept == 40
    assert session.state.hash(2) == FORMAT_2_FINAL
    session.apply(Note("après la mise à jour"))
    session.close()
    lines = path.read_bytes().splitlines()
    assert json.loads(lines[0])["journal"] == 2
    content = read_journal(path)
    assert content.damage is None and len(content.entries) == 41
    assert replay(content).consistent
