"""A facilitator's line says who wrote it, and the chain covers that too."""

from __future__ import annotations

import json
from pathlib import Path

from scenarios.deck import Deck
from scenarios.engine import Draw, Note
from scenarios.journal import Session, read_journal, replay
from scenarios.journal.format import FACILITATOR


def test_by_is_written_read_and_covered(tmp_path: Path, crue: Deck) -> None:
    path = tmp_path / "j.jsonl"
    with Session.start(crue, 1, path) as session:
        session.apply(Draw())
        session.apply(Note("la préfecture hésite"), FACILITATOR)
    content = read_journal(path)
    assert [e.by for e in content.entries] == [None, FACILITATOR]
    assert replay(content).consistent and content.damage is None
    lines = path.read_text(encoding="utf-8").splitlines()
    assert "by" not in json.loads(lines[1])
    edited = json.loads(lines[2])
    edited["by"] = "someone else"
    lines[2] = json.dumps(edited, ensure_ascii=False, separators=(",", ":"))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    damaged = read_journal(path)
    assert len(damaged.entries) == 1 and damaged.damage is not None and damaged.damage.line == 3
