"""Hostile journals: every field of the header and of an action line with a wrong
type, huge numbers, NaN and Infinity. Each command says where the journal is
damaged, in French, with exit 1 and never a traceback; resume keeps what is valid.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scenarios.deck import Deck
from scenarios.journal import JournalError, Session, parse_journal, read_journal
from tests.conftest import CliResult
from tests.unit.test_journal import play, rechain, resign

HUGE = "9" * 5000  # a 5,000-digit integer, past what int() reads from text

HEADER_CASES: list[tuple[str, Any]] = [
    ("deck.files", []),
    ("deck.files", [{"name": 3, "text": "x"}]),
    ("deck.id", None),
    ("deck", "inondation"),
    ("seed", "Infinity"),
    ("seed", 1.5),
    ("seed", True),
    ("started", 5),
    ("teams", [{"name": 12, "roles": ["commune"]}]),
    ("teams", {"name": "A"}),
    ("engine", ["1"]),
    ("lang", 3),
]
ENTRY_CASES: list[tuple[str, Any]] = [
    ("seq", "2"),
    ("time", 5),
    ("action", "draw"),
    ("hash", None),
    ("draws", "pluie"),
    ("draws", [1]),
    ("over", "yes"),
]


def _journal(crue: Deck, tmp_path: Path) -> tuple[Path, list[bytes]]:
    path = tmp_path / "j.jsonl"
    play(crue, path, steps=20).close()
    return path, path.read_bytes().split(b"\n")


def _set(data: dict[str, Any], dotted: str, value: Any) -> None:
    keys = dotted.split(".")
    for key in keys[:-1]:
        data = data[key]
    data[keys[-1]] = value


def _rewrite(path: Path, lines: list[bytes], number: int, field: str, value: Any) -> None:
    """Set `field` of line `number` to `value`, with a valid check (as an editing tool would)."""
    data = json.loads(lines[number - 1])
    data.pop("check")
    _set(data, field, value)
    resign(lines, number, data)
    path.write_bytes(b"\n".join(lines))


def _commands_say_damaged(path: Path, cli: Callable[..., CliResult], where: str) -> None:
    """`replay --verify` refuses (exit 1) and `report` says where, never with a traceback.

    A damaged header leaves nothing to debrief (`report` exits 1 too); damage
    after it leaves a valid prefix, which `report` debriefs with a warning.
    """
    header = "en-tête" in where
    for args, expected in ((("replay", "--verify"), 1), (("report",), 1 if header else 0)):
        code, out, err = cli(*args, str(path))
        assert code == expected, (args, out, err)
        assert "Traceback" not in err
        assert where in out + err, (args, out + err)


@pytest.mark.parametrize(("field", "value"), HEADER_CASES)
def test_a_header_field_of_the_wrong_type_is_named(
    field: str, value: Any, crue: Deck, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path, lines = _journal(crue, tmp_path)
    _rewrite(path, lines, 1, field, value)
    with pytest.raises(JournalError) as caught:
        read_journal(path)
    assert caught.value.code == "header_damaged"
    _commands_say_damaged(path, cli, "l’en-tête du journal est endommagé")
    with pytest.raises(JournalError):
        Session.resume(path, fsync=False)


@pytest.mark.parametrize(("field", "value"), ENTRY_CASES)
def test_an_action_line_field_of_the_wrong_type_keeps_the_valid_prefix(
    field: str, value: Any, crue: Deck, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path, lines = _journal(crue, tmp_path)
    _rewrite(path, lines, 4, field, value)
    content = read_journal(path)
    assert content.damage is not None and content.damage.line == 4
    assert len(content.entries) == 2
    _commands_say_damaged(path, cli, "ligne 4")
    session, report = Session.resume(path, fsync=False)
    assert report.kept == 2
    session.close()


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", HUGE])
@pytest.mark.parametrize("line", [1, 3])
def test_nan_infinity_and_huge_integers_are_damage_not_a_crash(
    number: str, line: int, crue: Deck, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path, lines = _journal(crue, tmp_path)
    key = b'"seed":' if line == 1 else b'"seq":'
    start = lines[line - 1].index(key) + len(key)
    end = lines[line - 1].index(b",", start)
    lines[line - 1] = lines[line - 1][:start] + number.encode() + lines[line - 1][end:]
    path.write_bytes(b"\n".join(lines))
    if line == 1:
        with pytest.raises(JournalError):
            read_journal(path)
        _commands_say_damaged(path, cli, "l’en-tête du journal est endommagé")
    else:
        content = read_journal(path)
        assert content.damage is not None and content.damage.line == 3
        _commands_say_damaged(path, cli, "ligne 3")


def _nested(line: bytes, key: bytes, depth: int) -> bytes:
    """`line` with a field of arrays nested `depth` deep before `key`."""
    return line.replace(key, b'"x":' + b"[" * depth + b"]" * depth + b"," + key, 1)


@pytest.mark.parametrize("line", [1, 3])
def test_no_depth_of_nesting_is_a_crash(line: int, crue: Deck, tmp_path: Path) -> None:
    """Around Python's recursion limit a line can read as JSON and still be too deep to be
    written back, which its check needs: every depth must be damage, never a RecursionError."""
    _, lines = _journal(crue, tmp_path)
    key = b'"seed":' if line == 1 else b'"action":'
    limit = sys.getrecursionlimit()
    for depth in range(limit - 200, limit + 10):
        data = [*lines[: line - 1], _nested(lines[line - 1], key, depth), *lines[line:]]
        try:
            content = parse_journal(b"\n".join(data))
        except JournalError as error:
            assert line == 1 and error.code == "header_damaged", (depth, error)
            continue
        assert content.damage is not None and content.damage.line == line, depth


@pytest.mark.parametrize("depth", [500, 100_000])
def test_a_deeply_nested_value_is_said_to_be_damage(
    depth: int, crue: Deck, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path, lines = _journal(crue, tmp_path)
    lines[2] = _nested(lines[2], b'"action":', depth)
    path.write_bytes(b"\n".join(lines))
    _commands_say_damaged(path, cli, "ligne 3")


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    line=st.integers(1, 6),
    value=st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | st.text(max_size=8),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
        ),
        max_leaves=6,
    ),
    field=st.sampled_from(
        ["seed", "deck", "teams", "started", "seq", "time", "action", "hash", "draws", "over"]
    ),
)
def test_any_json_value_in_any_field_gives_only_our_error(
    line: int, value: Any, field: str, crue: Deck, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path, lines = _journal(crue, tmp_path_factory.mktemp("j"))
    _rewrite(path, lines, line, field, value)
    try:
        content = read_journal(path)
    except JournalError:
        return
    from scenarios.journal import replay

    replay(content)


@pytest.mark.parametrize("kind", ["fifo", "device", "directory", "dangling", "unreadable"])
def test_a_journal_path_that_cannot_be_read_is_refused_at_once(kind: str, tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        path.symlink_to("/dev/zero")
    elif kind == "directory":
        path.mkdir()
    elif kind == "dangling":
        path.symlink_to(tmp_path / "gone.jsonl")
    else:
        path.write_text("{}")
        path.chmod(0)
        if os.access(path, os.R_OK):
            pytest.skip("running as root: a file without permissions is still readable")
    for args in (("replay", "--verify"), ("report",)):
        # A subprocess with a timeout: a FIFO opened for reading would hang forever.
        result = subprocess.run(
            [sys.executable, "-m", "scenarios", *args, str(path)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 1, (args, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
        assert "journal" in result.stdout + result.stderr


def test_the_home_screen_list_skips_journals_it_cannot_read(crue: Deck, tmp_path: Path) -> None:
    from scenarios.tui.screens.home import resumable_sessions

    play(crue, tmp_path / "good.jsonl", steps=5).close()
    os.mkfifo(tmp_path / "fifo.jsonl")
    (tmp_path / "zero.jsonl").symlink_to("/dev/zero")
    (tmp_path / "dangling.jsonl").symlink_to(tmp_path / "gone.jsonl")
    (tmp_path / "folder.jsonl").mkdir()
    (tmp_path / "garbage.jsonl").write_bytes(b"\xff\x00NaN")
    assert [r.path.name for r in resumable_sessions(tmp_path)] == ["good.jsonl"]


def test_a_hostile_annotation_sidecar_is_skipped_line_by_line(
    crue: Deck, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    from scenarios.journal import read_annotations
    from scenarios.journal.annotations import annotations_path

    path = tmp_path / "j.jsonl"
    play(crue, path, steps=10).close()
    annotations_path(path).write_text(
        '{"seq": 1e400, "text": "infini"}\n'
        '{"seq": NaN, "text": "pas un nombre"}\n'
        '{"seq": 2, "text": 5}\n'
        '{"seq": true, "text": "booléen"}\n'
        "pas du JSON\n"
        '{"seq": 3, "text": "La table hésite"}\n',
        encoding="utf-8",
    )
    assert [(a.seq, a.text) for a in read_annotations(path)] == [(3, "La table hésite")]
    code, out, err = cli("report", str(path))
    assert code == 0 and "Traceback" not in err and "La table hésite" in out


def test_an_annotation_sidecar_that_is_a_folder_does_not_stop_the_report(
    crue: Deck, tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    from scenarios.journal.annotations import annotations_path

    path = tmp_path / "j.jsonl"
    play(crue, path, steps=10).close()
    annotations_path(path).mkdir()
    code, _, err = cli("report", str(path))
    assert code == 0 and "Traceback" not in err


@pytest.mark.parametrize("written_by", ["standard library", "orjson"])
def test_a_float_is_checked_on_the_bytes_the_standard_library_writes(
    written_by: str, crue: Deck, tmp_path: Path
) -> None:
    """A float in a line (no line of ours holds one) is checked as the standard library
    writes it (`1e-07`), as it always was: a check made on orjson's `1e-7` is damage,
    even though that line reads back as the very bytes orjson writes."""
    from scenarios.engine.canonical import JsonFloat

    _, lines = _journal(crue, tmp_path)
    data = json.loads(lines[2])
    data.pop("check")
    data["note"] = JsonFloat(1e-7) if written_by == "standard library" else 1e-7
    resign(lines, 3, data)
    rechain(lines, 4)
    content = parse_journal(b"\n".join(lines))
    if written_by == "standard library":
        assert b'"note":1e-07' in lines[2] and content.damage is None
    else:
        assert b'"note":1e-7' in lines[2]
        assert content.damage is not None and content.damage.line == 3
