"""A process killed at random moments never loses an acknowledged action.

Each round forks a child that plays with a journal and reports every action
the session acknowledged (after `Session.apply` returned) through a pipe; the
parent kills it with SIGKILL at a random moment, then checks the journal: its
valid prefix replays, holds every acknowledged action, and resumes.
"""

from __future__ import annotations

import os
import random
import signal
import sys
import time
from pathlib import Path

import pytest

from scenarios.deck import Deck
from scenarios.engine import legal_actions
from scenarios.journal import Session, read_journal, replay

KILLS = 60

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL are POSIX")


def _child(deck: Deck, path: Path, write_fd: int, seed: int) -> None:
    rng = random.Random(seed)
    session = Session.start(deck, seed, path)
    while True:
        if session.state.over:
            session.close()
            session = Session.start(deck, seed, path.with_name(path.name + ".next"))
        actions = legal_actions(session.state)
        session.apply(actions[rng.randrange(len(actions))])
        os.write(write_fd, f"{session.seq}\n".encode())


def test_sigkill_at_random_moments_loses_no_acknowledged_action(crue: Deck, tmp_path: Path) -> None:
    rng = random.Random(2026)
    for attempt in range(KILLS):
        path = tmp_path / f"partie-{attempt}.jsonl"
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child never returns
            os.close(read_fd)
            try:
                _child(crue, path, write_fd, attempt)
            finally:
                os._exit(0)
        os.close(write_fd)
        wanted = rng.randrange(0, 25)
        acknowledged = 0
        buffer = b""
        while acknowledged < wanted:
            chunk = os.read(read_fd, 4096)
            if not chunk:
                break
            buffer += chunk
            *done, buffer = buffer.split(b"\n")
            if done:
                acknowledged = int(done[-1])
        time.sleep(rng.random() * 0.003)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        rest = b""
        while chunk := os.read(read_fd, 4096):
            rest += chunk
        os.close(read_fd)
        lines = [line for line in (buffer + rest).split(b"\n") if line.strip()]
        if lines:
            acknowledged = max(acknowledged, int(lines[-1]))
        if not path.exists() or path.stat().st_size == 0:
            assert acknowledged == 0
            continue
        content = read_journal(path)
        replayed = replay(content)
        assert replayed.divergence is None, (attempt, replayed.divergence)
        assert len(content.entries) >= acknowledged, (attempt, len(content.entries), acknowledged)
        session, report = Session.resume(path, fsync=False)
        assert report.kept >= acknowledged
        if not session.state.over:
            session.apply(legal_actions(session.state)[0])
        session.close()
        assert replay(read_journal(path)).divergence is None
