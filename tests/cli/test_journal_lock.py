"""Two processes resuming one journal at once: exactly one writes, nothing recorded is lost.

Each process runs a small script that resumes the journal, says `ready` and
waits for a line on stdin before appending, so both are alive at the same
time; the loser must be refused before touching the file.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import scenarios
from scenarios.deck import Deck
from scenarios.journal import Session, read_journal
from tests.unit.test_journal import play

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="flock and SIGKILL are POSIX")

APPENDED = 3
RESUMER = f"""
import sys
from pathlib import Path
from scenarios.engine import legal_actions
from scenarios.journal import JournalError, Session
try:
    session, _ = Session.resume(Path(sys.argv[1]), fsync=False)
except JournalError as error:
    print("refused", error.code, error.params["pid"], error.message("fr"), flush=True)
    sys.exit(3)
print("ready", flush=True)
sys.stdin.readline()
for _ in range({APPENDED}):
    if not session.state.over:
        session.apply(legal_actions(session.state)[0])
session.close()
print("done", session.seq, flush=True)
"""
ENV = dict(os.environ, PYTHONPATH=str(Path(scenarios.__file__).parents[1]))


def resumer(path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", RESUMER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=ENV,
    )


def first_line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    return process.stdout.readline().strip()


def _journal(deck: Deck, tmp_path: Path) -> Path:
    path = tmp_path / "j.jsonl"
    play(deck, path, steps=12).close()
    return path


def test_two_resumes_at_once_exactly_one_writes(crue: Deck, tmp_path: Path) -> None:
    path = _journal(crue, tmp_path)
    before = path.read_bytes()
    recorded = len(read_journal(path).entries)
    processes = [resumer(path), resumer(path)]
    first_lines = [first_line(process).split() for process in processes]
    winners = [p for p, line in zip(processes, first_lines, strict=True) if line == ["ready"]]
    losers = [line for line in first_lines if line[:1] == ["refused"]]
    assert len(winners) == 1 and len(losers) == 1, first_lines
    winner = winners[0]
    assert losers[0][1] == "locked"
    assert losers[0][2] == str(winner.pid)
    assert str(winner.pid) in " ".join(losers[0][3:])
    assert path.read_bytes() == before
    out, _ = winner.communicate("go\n", timeout=60)
    assert winner.returncode == 0, out
    for process in processes:
        process.communicate(timeout=60)
    assert [p.returncode for p in processes].count(3) == 1
    after = path.read_bytes()
    assert after.startswith(before)
    assert len(read_journal(path).entries) == recorded + APPENDED
    verify = subprocess.run(
        [sys.executable, "-m", "scenarios", "replay", "--verify", str(path)],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=60,
    )
    assert verify.returncode == 0, verify.stderr


def test_the_lock_dies_with_a_killed_holder(crue: Deck, tmp_path: Path) -> None:
    path = _journal(crue, tmp_path)
    holder = resumer(path)
    assert first_line(holder) == "ready"
    os.kill(holder.pid, signal.SIGKILL)
    holder.communicate(timeout=30)
    session, report = Session.resume(path, fsync=False)
    session.close()
    assert report.damage is None
