"""A discussion exercise's journal: the variables chosen at setup, and the table's answers,
ticked points and questionnaire replies, survive a killed process and `replay --verify`."""

from __future__ import annotations

import json
import os
import random
import signal
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from scenarios.deck import Deck, load_deck
from scenarios.engine import Answer, Cover, Reply, legal_actions
from scenarios.journal import Session, read_journal, replay
from scenarios.journal.format import CHAIN_START, JOURNAL_FORMAT, Chain, encode_line
from scenarios.sim import load_policy
from scenarios.sim.policies import answers_due, replies_due
from tests.conftest import TEST_DECKS

DISCUSSION = TEST_DECKS / "discussion.yaml"
Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck(DISCUSSION)


def _play(session: Session, rng: random.Random) -> None:
    """A whole game, each question answered, a point ticked, then the questionnaire."""
    policy = load_policy("random")
    while not session.state.over:
        for answer in answers_due(session.state):
            session.apply(answer)
            session.apply(Answer(answer.card, "Amendée : " + answer.text, answer.role))
        state = session.state
        session.apply(policy.choose(state, legal_actions(state), rng))
    session.apply(Cover("q-priorites", 2), by="facilitator")
    for reply in replies_due(session.state, rng):
        session.apply(reply)


def test_a_session_keeps_its_variables_and_shows_the_deck_filled(
    deck: Deck, tmp_path: Path
) -> None:
    path = tmp_path / "partie.jsonl"
    with Session.start(deck, 1, path, variables={"commune": "Brest", "inconnue": "x"}) as session:
        assert session.state.deck.title == "Panne à Brest"
        assert session.header.variables == (
            ("commune", "Brest"),
            ("organisation", "la communauté d'agglomération"),
        )
    header = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert header["variables"] == {
        "commune": "Brest",
        "organisation": "la communauté d'agglomération",
    }
    assert header["deck"]["title"] == "Panne à Brest"
    assert "Mairie de Brest" in json.dumps(header["teams"], ensure_ascii=False)
    assert "{{" not in json.dumps(header["teams"]) + header["deck"]["title"]
    replayed = replay(read_journal(path))
    assert replayed.deck.title == "Panne à Brest"
    assert replayed.deck.card("q-priorites").expected[2] == "EHPAD de Brest"
    assert replayed.deck.handout_index["communique"].text.startswith("La mairie de Brest")
    resumed, _ = Session.resume(path)
    with resumed:
        assert resumed.state.deck.role_index  # the same deck, filled
        assert resumed.state.deck.roles[0].title == "Mairie de Brest"


def test_a_deck_without_variables_writes_the_header_it_always_wrote(
    crue: Deck, tmp_path: Path
) -> None:
    path = tmp_path / "partie.jsonl"
    with Session.start(crue, 1, path, variables={"commune": "Brest"}):
        pass
    assert "variables" not in json.loads(path.read_text(encoding="utf-8").splitlines()[0])


@pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL are POSIX")
def test_answers_and_replies_survive_sigkill_and_resume(deck: Deck, tmp_path: Path) -> None:
    path = tmp_path / "partie.jsonl"
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        try:
            os.close(read_fd)
            session = Session.start(deck, 4, path, variables={"commune": "Quimper"})
            _play(session, random.Random(4))
            state = session.state
            report = {"hash": state.hash(), "seq": session.seq}
            report["answers"] = len(state.answers)
            report["replies"] = len(state.replies)
            os.write(write_fd, json.dumps(report).encode() + b"\n")
            signal.pause()  # killed here, the journal never closed
        finally:
            os._exit(0)
    os.close(write_fd)
    data = b""
    while not data.endswith(b"\n"):
        chunk = os.read(read_fd, 4096)
        assert chunk, "the child died before the end of its game"
        data += chunk
    os.close(read_fd)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    played = json.loads(data)
    assert played["answers"] >= 2 and played["replies"] == 2 * 3

    session, report = Session.resume(path)
    with session:
        assert report.damage is None
        assert report.kept == played["seq"]
        state = session.state
        assert state.hash() == played["hash"]
        assert len(state.answers) == played["answers"]
        assert all(text.startswith("Amendée : ") for text in state.answers.values())
        assert ("q-priorites", 2) in state.covered
        assert len(state.replies) == played["replies"]
        assert state.deck.card("coupure").title == "Coupure générale à Quimper"
        # Words are still accepted after the resume: a reply amended.
        session.apply(Reply("q-garder", "Garder la radio", "mairie"))
        assert session.state.replies[("q-garder", "mairie")] == "Garder la radio"
    assert replay(read_journal(path)).divergence is None


def _journal(deck: Deck, tmp_path: Path) -> Path:
    path = tmp_path / "partie.jsonl"
    with Session.start(deck, 2, path, variables={"commune": "Brest"}, fsync=False) as session:
        _play(session, random.Random(2))
    return path


def _rechained(path: Path, edit: Callable[[dict[str, object]], bool]) -> None:
    """The journal with each line `edit` changes changed, and every check recomputed: only
    the recorded state hashes can tell."""
    lines = path.read_bytes().splitlines()
    chain = Chain(JOURNAL_FORMAT, CHAIN_START)
    out = b""
    for raw in lines:
        data = json.loads(raw)
        data.pop("check")
        edit(data)
        check = chain.check(data)
        out += encode_line(data, check)
        chain = chain.then(check)
    path.write_bytes(out)


def test_replay_verify_passes_on_a_discussion_journal(deck: Deck, tmp_path: Path, cli: Cli) -> None:
    path = _journal(deck, tmp_path)
    lines = path.read_text(encoding="utf-8").splitlines()
    types = [json.loads(line).get("action", {}).get("type") for line in lines]
    assert {"answer", "cover", "reply"} <= set(types)
    code, out, err = cli("replay", "--verify", str(path))
    assert code == 0, out + err


@pytest.mark.parametrize("field", ["answer", "reply", "variables"])
def test_replay_verify_detects_a_changed_answer(
    deck: Deck, tmp_path: Path, cli: Cli, field: str
) -> None:
    path = _journal(deck, tmp_path)
    done: list[object] = []

    def edit(data: dict[str, object]) -> bool:
        action = data.get("action")
        if field == "variables" and "variables" in data:
            data["variables"] = {"commune": "Paris"}
            done.append(True)
        elif isinstance(action, dict) and action.get("type") == field and not done:
            if field == "answer":
                action["text"] = "Une autre réponse"
                done.append(data["seq"])
            elif action["question"] == "q-garder":  # a free text: any other is legal
                action["value"] = "Une autre réponse"
                done.append(data["seq"])
        return True

    _rechained(path, edit)
    assert done
    code, out, err = cli("replay", "--verify", str(path))
    if field == "variables":  # texts only: the game is the same, and so are its hashes
        assert code == 0, out + err
        assert replay(read_journal(path)).deck.title == "Panne à Paris"
    else:
        assert code == 1
        # The edited line itself: its recorded hash is not that of the state replayed.
        assert f"n°\u00a0{done[0]} " in err, err
        assert "l’état rejoué diffère de l’état enregistré" in err, err
