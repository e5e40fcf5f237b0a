"""The real `scenarios play`, in a pseudo-terminal, killed mid-game: nothing acknowledged is lost.

The screen is read through pyte (a terminal emulator): an action counts as
acknowledged once the screen shows its effect. After SIGKILL, the journal must
hold every acknowledged action, and `scenarios play --resume` continues from it.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pyte
import pytest

from scenarios.journal import read_journal, replay

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

COLUMNS, LINES = 120, 40


class Terminal:
    """A program running in a pseudo-terminal, and what its screen shows."""

    def __init__(self, *args: str, env: dict[str, str]) -> None:
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.ByteStream(self.screen)
        pid, fd = pty.fork()
        if pid == 0:  # pragma: no cover - the child
            os.execvpe(sys.executable, [sys.executable, "-m", "scenarios", *args], env)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def pump(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                return
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                return
            if not data:
                return
            self.stream.feed(data)

    def wait_for(self, needle: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.pump(0.1)
            if needle in self.text():
                return self.text()
        raise AssertionError(f"{needle!r} never showed:\n{self.text()}")

    def send(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(TERM="xterm-256color", XDG_DATA_HOME=str(tmp_path / "data"), TEXTUAL_ANIMATIONS="none")
    env.pop("NO_COLOR", None)
    return env


def _role_line(screen: str) -> str:
    return next((line for line in screen.splitlines() if "Au tour de" in line), "")


def test_a_killed_game_resumes_without_losing_an_acknowledged_action(tmp_path: Path) -> None:
    journal = tmp_path / "partie.jsonl"
    env = _env(tmp_path)
    game = Terminal("play", "inondation", "--seed", "7", "--journal", str(journal), env=env)
    acknowledged = 0
    try:
        game.wait_for("Préparer la partie")
        game.send("\x13")  # ctrl+s: start
        game.wait_for("appuyez sur d")
        game.send("d")
        screen = game.wait_for("Au tour de")
        acknowledged += 1
        for move in ["\r", "p", "\r", "p", "\r"]:
            before = _role_line(screen)
            game.send(move)
            deadline = time.monotonic() + 20
            while _role_line(game.text()) == before and "appuyez sur f" not in game.text():
                assert time.monotonic() < deadline, game.text()
                game.pump(0.1)
            screen = game.text()
            acknowledged += 1
            if "appuyez sur f" in screen:
                break
    finally:
        game.kill()

    assert acknowledged >= 4
    content = read_journal(journal)
    assert len(content.entries) >= acknowledged
    assert replay(content).divergence is None

    resumed = Terminal("play", "--resume", str(journal), env=env)
    try:
        screen = resumed.wait_for("Partie reprise")
        found = re.search(r"Partie reprise\s*:\s*(\d+)", screen)
        assert found, screen
        kept = int(found.group(1))
        assert kept >= acknowledged
        resumed.send("q")
        resumed.wait_for("Quitter la partie")
    finally:
        resumed.kill()


def test_a_game_killed_during_its_questionnaire_resumes_there_with_its_replies(
    tmp_path: Path,
) -> None:
    from scenarios.deck import load_deck
    from scenarios.engine import legal_actions
    from scenarios.journal import Session
    from tests.conftest import TEST_DECKS

    journal = tmp_path / "exercice.jsonl"
    with Session.start(load_deck(TEST_DECKS / "discussion.yaml"), 5, journal) as session:
        while not session.state.over:
            session.apply(legal_actions(session.state)[0])
    env = _env(tmp_path)
    game = Terminal("play", "--resume", str(journal), env=env)
    try:
        game.wait_for("Mairie de Carcassonne (1/2)")
        game.send("\x1b[C" * 3)  # → → →: 20
        game.send("\x13")  # ctrl+s: sent, then the next role
        game.wait_for("Préfecture (2/2)")
    finally:
        game.kill()
    replies = [e.action for e in read_journal(journal).entries if e.action["type"] == "reply"]
    assert replies == [{"type": "reply", "question": "q-alerte", "value": "20", "role": "mairie"}]

    resumed = Terminal("play", "--resume", str(journal), env=env)
    try:
        resumed.wait_for("Préfecture (2/2)")
        resumed.send("\x1b[C\x13")  # → then ctrl+s: the last role's reply, then the end
        resumed.wait_for("Fin de")
    finally:
        resumed.kill()
    replies = [e.action for e in read_journal(journal).entries if e.action["type"] == "reply"]
    assert [(r["role"], r["value"]) for r in replies] == [("mairie", "20"), ("prefecture", "0")]
