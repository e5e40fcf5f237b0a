"""Bad input never gives a traceback: a clear message, exit 1 (2 for usage), nothing half-written."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import MINI, CliResult, spaced

Cli = Callable[..., CliResult]


def fails(result: CliResult, message: str, code: int = 1) -> None:
    """The command exited with `code`, said `message` on stderr, and showed no traceback.

    French no-break spaces are read as plain spaces.
    """
    exit_code, out, err = result
    err = spaced(err)
    assert exit_code == code, (out, err)
    assert message in err, err
    assert "Traceback" not in out + err


@pytest.fixture
def journal(cli: Cli, tmp_path: Path) -> Path:
    """One finished game's journal."""
    folder = tmp_path / "journals"
    assert cli("simulate", str(MINI), "--games", "1", "--journals", str(folder))[0] == 0
    (path,) = folder.glob("*.jsonl")
    return path


@pytest.fixture
def under_a_file(tmp_path: Path) -> Path:
    """A path no one can create, root included: its folder is a regular file."""
    regular = tmp_path / "regular"
    regular.write_text("x", encoding="utf-8")
    return regular / "x"


# Journals that cannot be read


def test_replay_of_a_missing_journal_says_so_without_a_traceback(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-m", "scenarios", "replay", str(tmp_path / "missing.jsonl")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    fails(
        (done.returncode, done.stdout, done.stderr),
        "journal illisible (fichier ou dossier introuvable)",
    )


@pytest.mark.parametrize("verify", [[], ["--verify"]])
def test_replay_of_a_folder_or_a_missing_file_exits_one(
    cli: Cli, tmp_path: Path, verify: list[str]
) -> None:
    fails(
        cli("replay", *verify, str(tmp_path)),
        "ce n’est pas un fichier de journal ordinaire (tube, périphérique ou dossier)",
    )
    missing = str(tmp_path / "missing.jsonl")
    fails(cli("replay", *verify, missing), "journal illisible (fichier ou dossier introuvable)")


def test_report_of_a_folder_or_a_missing_file_exits_one(cli: Cli, tmp_path: Path) -> None:
    fails(
        cli("report", str(tmp_path)),
        "ce n’est pas un fichier de journal ordinaire (tube, périphérique ou dossier)",
    )
    missing = str(tmp_path / "missing.jsonl")
    fails(cli("report", missing), "journal illisible (fichier ou dossier introuvable)")
    fails(cli("report", missing, "--lang", "en"), "unreadable journal (no such file or folder)")


# play --journal: refused before the app opens


def test_play_refuses_an_existing_journal_before_opening(cli: Cli, journal: Path) -> None:
    before = journal.read_bytes()
    fails(
        cli("play", str(MINI), "--journal", str(journal)),
        f"impossible d’écrire le journal {journal} : le fichier existe déjà",
    )
    assert journal.read_bytes() == before


def test_play_refuses_a_folder_as_journal(cli: Cli, tmp_path: Path) -> None:
    fails(
        cli("play", str(MINI), "--journal", str(tmp_path)),
        f"impossible d’écrire le journal {tmp_path} : c’est un dossier",
    )


def test_play_refuses_a_journal_it_cannot_create(cli: Cli, under_a_file: Path) -> None:
    fails(
        cli("play", str(MINI), "--journal", str(under_a_file / "deeper.jsonl")),
        "un élément du chemin n’est pas un dossier",
    )
    fails(
        cli("play", str(MINI), "--journal", str(under_a_file), "--lang", "en"),
        "cannot write the journal",
    )


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anywhere")
def test_play_refuses_a_journal_in_a_read_only_folder(cli: Cli, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    try:
        fails(cli("play", str(MINI), "--journal", str(locked / "j.jsonl")), "permission refusée")
    finally:
        locked.chmod(0o700)
    assert list(locked.iterdir()) == []


# serve: fails at once instead of serving forever


@pytest.fixture
def taken_port() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


def test_serve_on_a_taken_port_exits_one(cli: Cli, taken_port: int) -> None:
    fails(
        cli("serve", "--port", str(taken_port)),
        f"impossible d’écouter sur 127.0.0.1:{taken_port} : le port est déjà utilisé",
    )
    fails(cli("serve", "--port", str(taken_port), "--lang", "en"), "the port is already in use")


def test_serve_refuses_an_impossible_port_or_host(cli: Cli) -> None:
    fails(cli("serve", "--port", "99999"), "99999 est trop grand ; au plus 65535", code=2)
    fails(cli("serve", "--port", "0"), "0 est trop petit ; au moins 1", code=2)
    fails(cli("serve", "--host", "999.1.1.1", "--port", "8000"), "adresse inconnue : 999.1.1.1")


def test_serve_of_a_missing_deck_fails_at_once(cli: Cli, tmp_path: Path) -> None:
    fails(cli("serve", str(tmp_path / "missing-deck.yaml")), "fichier introuvable")


# Outputs: written whole, or not at all


def test_report_output_into_a_missing_folder_or_onto_a_folder(
    cli: Cli, journal: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere" / "debrief.md"
    fails(
        cli("report", str(journal), "-o", str(missing)),
        f"impossible d’écrire {missing} : fichier ou dossier introuvable",
    )
    folder = tmp_path / "folder"
    folder.mkdir()
    fails(
        cli("report", str(journal), "-o", str(folder)),
        f"impossible d’écrire {folder} : c’est un dossier",
    )
    assert list(folder.iterdir()) == []


def test_report_output_replaces_the_file_whole(cli: Cli, journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "debrief.md"
    target.write_text("old", encoding="utf-8")
    code, _, err = cli("report", str(journal), "-o", str(target))
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("#")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["debrief.md", "journals"]


def test_simulate_report_output_is_checked_before_playing(cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "balance.md"
    fails(
        cli("simulate", str(MINI), "--games", "2", "--report", "md", "-o", str(missing)),
        f"impossible d’écrire {missing} : fichier ou dossier introuvable",
    )
    assert not missing.parent.exists()


def test_new_deck_in_a_removed_folder_exits_one(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()  # the current folder, removed by another program
    fails(cli("new", "deck"), "impossible d’écrire deck.yaml : fichier ou dossier introuvable")


def test_write_atomically_leaves_nothing_when_it_fails(tmp_path: Path) -> None:
    from scenarios.commands.files import write_atomically

    target = tmp_path / "out.md"
    target.write_text("before", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):  # fails half-way, as a full disk would
        write_atomically(target, "a" * 100_000 + "\udcff")
    assert target.read_text(encoding="utf-8") == "before"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]
