"""A full disk or read-only media: exit 1 with the path and the reason, nothing half-written,
nothing already journaled lost (issue 12). Each test mounts its own small tmpfs (root only)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from scenarios.deck import load_deck
from scenarios.engine import legal_actions
from scenarios.journal import JournalError, Session, add_annotation, read_journal
from scenarios.journal.annotations import annotations_path
from tests.conftest import MINI, CliResult
from tests.disks import SmallDisk, small_disk

__all__ = ["small_disk"]

Cli = Callable[..., CliResult]
FULL = "plus de place sur le disque"
READ_ONLY = "système de fichiers en lecture seule"


def fails(result: CliResult, *messages: str) -> None:
    code, out, err = result
    err = err.replace("\u00a0", " ").replace("\u202f", " ")
    assert code == 1, (out, err)
    for message in messages:
        assert message in err, err
    assert "Traceback" not in out + err


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name != ".filler")


@pytest.fixture
def journal(cli: Cli, tmp_path: Path) -> Path:
    folder = tmp_path / "journals"
    assert cli("simulate", str(MINI), "--games", "1", "--journals", str(folder))[0] == 0
    (path,) = folder.glob("*.jsonl")
    return path


def verified(cli: Cli, path: Path) -> bool:
    code, out, err = cli("replay", "--verify", str(path))
    return code == 0 and "Traceback" not in out + err


# simulate --journals


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_simulate_onto_a_full_disk_says_so_and_leaves_no_empty_journal(
    cli: Cli, small_disk: SmallDisk, jobs: str
) -> None:
    small_disk.fill()
    folder = small_disk.root / "sims"
    first = folder / "mini-000001.jsonl"
    result = cli("simulate", str(MINI), "--games", "4", "--journals", str(folder), "--jobs", jobs)
    if jobs == "1":
        fails(result, f"impossible d’écrire le journal {first} : {FULL}")
    else:
        fails(result, "impossible d’écrire le journal", FULL)
    assert files(folder) == []
    fails(
        cli("simulate", str(MINI), "--games", "1", "--journals", str(folder), "--lang", "en"),
        f"cannot write the journal {first}: no space left on the disk",
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_simulate_filling_the_disk_keeps_the_whole_journals_only(
    cli: Cli, small_disk: SmallDisk, jobs: str
) -> None:
    small_disk.fill(leave=5 * 4096)  # room for a few games of mini, not for forty
    folder = small_disk.root / "sims"
    fails(
        cli("simulate", str(MINI), "--games", "40", "--journals", str(folder), "--jobs", jobs),
        FULL,
    )
    left = sorted(folder.glob("*.jsonl"))
    assert left and len(left) < 40
    for path in left:
        assert read_journal(path).entries[-1].over, path
        assert verified(cli, path)
    assert files(folder) == [p.name for p in left]


def test_simulate_onto_read_only_media_fails_before_playing(
    cli: Cli, small_disk: SmallDisk
) -> None:
    small_disk.read_only()
    folder = small_disk.root / "sims"
    fails(
        cli("simulate", str(MINI), "--games", "2", "--journals", str(folder)),
        f"impossible d’écrire les journaux dans {folder} : {READ_ONLY}",
    )
    fails(
        cli("simulate", str(MINI), "--games", "2", "--journals", str(folder), "--lang", "en"),
        f"cannot write the journals into {folder}: read-only file system",
    )


# report -o


def test_report_onto_a_full_disk_leaves_no_file_and_the_old_one_intact(
    cli: Cli, journal: Path, small_disk: SmallDisk
) -> None:
    old = small_disk.root / "old.md"
    old.write_text("avant", encoding="utf-8")
    small_disk.fill()
    for fmt in ("md", "html", "json"):
        out = small_disk.root / f"debrief.{fmt}"
        fails(
            cli("report", str(journal), "--format", fmt, "-o", str(out)),
            f"impossible d’écrire {out} : {FULL}",
        )
    fails(cli("report", str(journal), "-o", str(old)), f"impossible d’écrire {old} : {FULL}")
    assert old.read_text(encoding="utf-8") == "avant"
    fails(
        cli("report", str(journal), "-o", str(old), "--lang", "en"),
        f"cannot write {old}: no space left on the disk",
    )
    assert files(small_disk.root) == ["old.md"]


def test_report_onto_read_only_media(cli: Cli, journal: Path, small_disk: SmallDisk) -> None:
    small_disk.read_only()
    out = small_disk.root / "debrief.md"
    fails(cli("report", str(journal), "-o", str(out)), f"impossible d’écrire {out} : {READ_ONLY}")
    assert files(small_disk.root) == []


def test_a_written_report_has_an_ordinary_files_permissions(
    cli: Cli, journal: Path, tmp_path: Path
) -> None:
    out = tmp_path / "debrief.md"
    assert cli("report", str(journal), "-o", str(out))[0] == 0
    ordinary = tmp_path / "ordinary"
    ordinary.write_text("", encoding="utf-8")
    assert stat.S_IMODE(out.stat().st_mode) == stat.S_IMODE(ordinary.stat().st_mode)


def test_report_of_a_journal_on_read_only_media_still_works(
    cli: Cli, journal: Path, small_disk: SmallDisk
) -> None:
    copy = small_disk.root / journal.name
    copy.write_bytes(journal.read_bytes())
    small_disk.read_only()
    code, out, err = cli("report", str(copy))
    assert code == 0, err
    assert "Débriefing" in out


# play: the journal's own layer, then the command


def test_an_action_the_full_disk_refuses_is_not_played_and_nothing_is_lost(
    cli: Cli, small_disk: SmallDisk
) -> None:
    small_disk.fill(leave=2 * 4096)  # the lock's sidecar, then one page of journal
    path = small_disk.root / "partie.jsonl"
    deck = load_deck(MINI)
    session = Session.start(deck, 7, path, fsync=True)
    refused = None
    try:
        while not session.state.over:
            before, state, seq = path.read_bytes(), session.state, session.seq
            try:
                session.apply(legal_actions(state)[0])
            except JournalError as error:
                refused = error
                break
        assert refused is not None, "the game fitted in one page"
        assert refused.code == "write"
        assert refused.message("fr").replace("\u202f", " ").replace("\u00a0", " ") == (
            f"impossible d’écrire le journal {path} : {FULL}"
        )
        assert refused.message("en") == f"cannot write the journal {path}: no space left on the disk"
        assert path.read_bytes() == before  # no half line
        assert session.state is state and session.seq == seq  # not played
        assert verified(cli, path)
        small_disk.free()
        while not session.state.over:  # room again: the game goes on from there
            session.apply(legal_actions(session.state)[0])
    finally:
        session.close()
    content = read_journal(path)
    assert content.damage is None and content.entries[-1].over
    assert verified(cli, path)


def test_a_journal_whose_header_does_not_fit_is_not_left_behind(small_disk: SmallDisk) -> None:
    small_disk.fill(leave=2 * 4096)
    path = small_disk.root / "partie.jsonl"
    big = load_deck(Path(__file__).parents[2] / "decks" / "inondation.yaml")
    with pytest.raises(JournalError) as refused:
        Session.start(big, 1, path)
    assert refused.value.code == "write"
    assert files(small_disk.root) == []


def test_resume_on_a_full_disk_leaves_the_damaged_journal_intact(
    cli: Cli, journal: Path, small_disk: SmallDisk
) -> None:
    data = journal.read_bytes()
    cut = data[: len(data) - 30]  # a last line cut short
    path = small_disk.root / "partie.jsonl"
    path.write_bytes(cut)
    small_disk.fill()
    with pytest.raises(JournalError) as refused:
        Session.resume(path)
    assert refused.value.code == "repair"
    assert FULL in refused.value.message("fr").replace("\u202f", " ")
    assert path.read_bytes() == cut
    assert files(small_disk.root) == ["partie.jsonl"]  # no backup, whole or partial
    valid = small_disk.root.parent / "valid.jsonl"
    valid.write_bytes(cut[: read_journal(path).valid_bytes])
    assert verified(cli, valid)


def play(*args: str) -> subprocess.CompletedProcess[str]:
    """`scenarios play ARGS` as its own process (its screen goes nowhere: it fails at once)."""
    return subprocess.run(
        [sys.executable, "-m", "scenarios", "play", *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env=dict(os.environ, TEXTUAL_ANIMATIONS="none"),
    )


@pytest.mark.parametrize("damaged", [False, True])
def test_play_resume_on_read_only_media_exits_one_with_the_reason(
    journal: Path, small_disk: SmallDisk, damaged: bool
) -> None:
    path = small_disk.root / "partie.jsonl"
    data = journal.read_bytes()[:-30] if damaged else journal.read_bytes()
    path.write_bytes(data)
    small_disk.read_only()
    for lang, reason in (("fr", READ_ONLY), ("en", "read-only file system")):
        done = play("--resume", str(path), "--lang", lang)
        err = done.stderr.replace("\u00a0", " ").replace("\u202f", " ")
        assert done.returncode == 1, err
        assert str(path) in err and reason in err, err
        assert "Traceback" not in done.stdout + err
    assert path.read_bytes() == data
    assert files(small_disk.root) == ["partie.jsonl"]


def test_play_with_a_journal_on_read_only_media_is_refused_before_opening(
    cli: Cli, small_disk: SmallDisk
) -> None:
    small_disk.read_only()
    path = small_disk.root / "partie.jsonl"
    fails(cli("play", str(MINI), "--journal", str(path)), f"impossible d’écrire le journal {path} : {READ_ONLY}")


# annotations


def test_an_annotation_the_full_disk_refuses_leaves_the_sidecar_as_it_was(
    journal: Path, small_disk: SmallDisk
) -> None:
    path = small_disk.root / "partie.jsonl"
    path.write_bytes(journal.read_bytes())
    add_annotation(path, 1, "première")
    sidecar = annotations_path(path)
    before = sidecar.read_bytes()
    small_disk.fill()
    with pytest.raises(OSError):
        add_annotation(path, 2, "x" * 8000)  # more than the page the sidecar has
    assert sidecar.read_bytes() == before
    other = small_disk.root / "autre.jsonl"
    with pytest.raises(OSError):
        add_annotation(other, 1, "x" * 8000)
    assert not annotations_path(other).exists()
    small_disk.free()
    add_annotation(path, 2, "seconde")
    from scenarios.journal import read_annotations

    assert [a.text for a in read_annotations(path)] == ["première", "seconde"]
