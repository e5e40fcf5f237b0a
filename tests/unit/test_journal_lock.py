"""One writer per journal, and a repair that never leaves a partial backup as the only copy."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from scenarios.deck import Deck
from scenarios.engine import legal_actions
from scenarios.journal import JournalError, Session, read_journal, replay
from scenarios.journal.lock import holder_path
from tests.unit.test_journal import play


def _journal(deck: Deck, tmp_path: Path) -> Path:
    path = tmp_path / "j.jsonl"
    play(deck, path, steps=12).close()
    return path


def test_a_second_resume_is_refused_before_writing_anything(crue: Deck, tmp_path: Path) -> None:
    path = _journal(crue, tmp_path)
    first, _ = Session.resume(path, fsync=False)
    before = path.read_bytes()
    with pytest.raises(JournalError) as refused:
        Session.resume(path, fsync=False)
    assert refused.value.code == "locked"
    assert refused.value.params["pid"] == str(os.getpid())
    assert str(os.getpid()) in refused.value.message("fr")
    assert "processus" in refused.value.message("fr")
    assert path.read_bytes() == before
    first.apply(legal_actions(first.state)[0])
    first.close()
    assert replay(read_journal(path)).divergence is None


def test_the_lock_and_its_sidecar_go_with_close(crue: Deck, tmp_path: Path) -> None:
    path = _journal(crue, tmp_path)
    session, _ = Session.resume(path, fsync=False)
    assert holder_path(path).read_text().split()[0] == str(os.getpid())
    session.close()
    assert not holder_path(path).exists()
    again, report = Session.resume(path, fsync=False)
    again.close()
    assert report.damage is None


def test_a_started_journal_is_locked_until_closed(crue: Deck, tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    with Session.start(crue, 3, path, fsync=False), pytest.raises(JournalError) as refused:
        Session.resume(path, fsync=False)
    assert refused.value.code == "locked"
    Session.resume(path, fsync=False)[0].close()


def test_a_holder_without_sidecar_is_named_unknown(crue: Deck, tmp_path: Path) -> None:
    path = _journal(crue, tmp_path)
    with Session.resume(path, fsync=False)[0]:
        holder_path(path).unlink()
        with pytest.raises(JournalError) as refused:
            Session.resume(path, fsync=False)
    assert refused.value.params == {"pid": "?", "host": "?"}


def test_a_failed_resume_releases_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    path.write_bytes(b"not a journal\n")
    for _ in range(2):
        with pytest.raises(JournalError) as refused:
            Session.resume(path, fsync=False)
        assert refused.value.code == "not_journal"
    assert not holder_path(path).exists()


def test_resuming_a_missing_journal_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "absent.jsonl"
    with pytest.raises(JournalError) as refused:
        Session.resume(path, fsync=False)
    assert refused.value.code == "unreadable"
    assert list(tmp_path.iterdir()) == []


def test_the_backup_holds_the_damaged_file_byte_for_byte(crue: Deck, tmp_path: Path) -> None:
    path = _journal(crue, tmp_path)
    data = bytearray(path.read_bytes())
    middle = data.rindex(b"\n", 0, len(data) - 1) - 40  # inside the line before the last
    data[middle] = ord("#") if data[middle] != ord("#") else ord("%")
    path.write_bytes(bytes(data))
    session, report = Session.resume(path, fsync=False)
    session.close()
    assert report.backup == path.with_name("j.jsonl.endommage-1")
    assert report.backup.read_bytes() == bytes(data)
    assert bytes(data).startswith(path.read_bytes())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["j.jsonl", "j.jsonl.endommage-1"]


def test_a_full_disk_during_repair_leaves_the_journal_intact(
    crue: Deck, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _journal(crue, tmp_path)
    damaged = path.read_bytes()[:-20]
    path.write_bytes(damaged)

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:
        patch.setattr(shutil, "copyfileobj", full_disk)
        with pytest.raises(JournalError) as refused:
            Session.resume(path, fsync=False)
    assert refused.value.code == "repair"
    assert "plus de place sur le disque" in refused.value.message("fr")
    assert "no space left on the disk" in refused.value.message("en")
    assert path.read_bytes() == damaged
    assert [p.name for p in tmp_path.iterdir()] == ["j.jsonl"]
    session, report = Session.resume(path, fsync=False)
    session.close()
    assert report.backup is not None and report.backup.read_bytes() == damaged
