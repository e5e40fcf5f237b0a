"""Hostile journals, generated: random bytes, and any JSON value in any field of a real
journal. Replaying, reporting and resuming say what is wrong (`JournalError`) and never
raise anything else; the command line exits 0 or 1, never with a traceback (issue 12).

The mutations either rebuild each line through the journal's own writer (so its checks
hold and the reader must look at the values) or leave the checks as they were: both
must be handled, whatever the check is.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scenarios.cli import main
from scenarios.debrief import ReportError, load_trace, session_markdown, session_report
from scenarios.deck import load_deck
from scenarios.journal import JournalError, Session, read_journal, replay
from scenarios.journal.format import JOURNAL_FORMAT, STATE_HASH_VERSIONS, Chain
from scenarios.journal.session import JournalWriter
from scenarios.sim import simulate
from tests.conftest import MINI

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
WORK = Path(tempfile.mkdtemp(prefix="scenarios-fuzz-"))
atexit.register(shutil.rmtree, WORK, ignore_errors=True)


@functools.cache
def real_journal() -> bytes:
    """A whole game of the mini deck, as its journal's bytes."""
    folder = WORK / "source"
    simulate(load_deck(MINI), 1, 11, "random", journals=folder)
    (path,) = folder.glob("*.jsonl")
    return path.read_bytes()


def real_lines() -> list[dict[str, Any]]:
    return [json.loads(line) for line in real_journal().splitlines()]


_counter = iter(range(10**9))


def saved(data: bytes) -> Path:
    path = WORK / f"j{next(_counter)}.jsonl"
    path.write_bytes(data)
    return path


def rewritten(lines: list[dict[str, Any]]) -> bytes:
    """`lines` written through the journal's writer: their checks are right again."""
    path = WORK / f"w{next(_counter)}.jsonl"
    found = lines[0].get("journal") if lines else None
    known = type(found) is int and found in STATE_HASH_VERSIONS
    chain = Chain(found if known else JOURNAL_FORMAT)
    writer = JournalWriter(path, chain, fsync=False)
    try:
        for line in lines:
            writer.append({k: v for k, v in line.items() if k != "check"})
    finally:
        writer.close()
    return path.read_bytes()


def survives(data: bytes) -> None:
    """Every reader of journals either works or raises `JournalError`, nothing else."""
    path = saved(data)
    with contextlib.suppress(JournalError):
        replay(read_journal(path))
    try:
        report = session_report(load_trace(path), [])
        session_markdown(report, "fr")
    except (JournalError, ReportError):
        pass
    try:
        session, _ = Session.resume(path, fsync=False)
    except JournalError:
        pass
    else:
        session.close()


# (a) bytes


@st.composite
def byte_damage(draw: st.DrawFn) -> bytes:
    data = bytearray(real_journal())
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        chunk = draw(st.binary(min_size=1, max_size=8))
        if draw(st.booleans()):
            data[at:at] = chunk
        else:
            data[at : at + len(chunk)] = chunk
    return bytes(data)


@FUZZ
@given(byte_damage())
def test_random_bytes_anywhere(data: bytes) -> None:
    survives(data)


# (b) any JSON value in any field

RAW = ["NaN", "-Infinity", "1e400", "-0", "1" * 5000, "[" * 5000, '"\\ud800"', "00", "{}"]
PLACEHOLDER = "\u0000raw\u0000"

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.sampled_from([63, 64, 4200]).map(lambda n: 2**n if n < 100 else 10**n)  # 10**4200: huge
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def field_paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place in a line's JSON where a value sits (keys of objects, indexes of lists)."""
    if prefix:
        yield prefix
    if isinstance(value, dict):
        for key, inner in value.items():
            if key != "check":
                yield from field_paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value[:3]):
            yield from field_paths(inner, (*prefix, index))


def replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = replaced(value[path[0]], path[1:], new)  # type: ignore[index,call-overload]
    return copy


@st.composite
def json_damage(draw: st.DrawFn) -> bytes:
    lines = real_lines()
    index = draw(st.sampled_from([0, 1, 2, len(lines) - 1]))  # the header, actions, the last
    path = draw(st.sampled_from(list(field_paths(lines[index]))))
    raw = draw(st.none() | st.sampled_from(RAW))
    lines[index] = replaced(lines[index], path, PLACEHOLDER if raw else draw(json_values))
    if raw is None and draw(st.booleans()):
        return rewritten(lines)
    text = [json.dumps(line, ensure_ascii=False, separators=(",", ":")) for line in lines]
    joined = "\n".join(text) + "\n"
    return joined.replace(json.dumps(PLACEHOLDER), raw or "null").encode("utf-8", "surrogatepass")


@FUZZ
@given(json_damage())
def test_any_json_value_in_any_field(data: bytes) -> None:
    survives(data)


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(byte_damage(), json_damage()))
def test_many_more_hostile_journals(data: bytes) -> None:
    survives(data)


# Through the command line


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.one_of(byte_damage(), json_damage()))
def test_the_commands_exit_zero_or_one_on_hostile_journals(
    data: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    path = saved(data)
    for args in (["replay", "--verify", str(path)], ["report", str(path)]):
        try:
            code = main(args)
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        assert code in (0, 1), (args, captured)
        assert "Traceback" not in captured.out + captured.err
