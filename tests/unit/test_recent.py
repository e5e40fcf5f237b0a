"""The recent journals and decks the home screen offers again: short, whole, forgiving."""

from __future__ import annotations

from pathlib import Path

from scenarios.journal.locations import RECENT_FILE, RECENT_LIMIT, recent, remember


def test_the_latest_comes_first_once_and_the_list_stays_short(tmp_path: Path) -> None:
    files = []
    for n in range(RECENT_LIMIT + 3):
        path = tmp_path / f"partie-{n}.jsonl"
        path.write_text("", encoding="utf-8")
        files.append(path)
        assert remember("journals", path, tmp_path / "data")
    remember("journals", files[5], tmp_path / "data")
    kept = recent("journals", tmp_path / "data")
    assert len(kept) == RECENT_LIMIT
    assert kept[0] == files[5] and kept.count(files[5]) == 1
    assert recent("decks", tmp_path / "data") == []


def test_files_gone_since_are_not_offered(tmp_path: Path) -> None:
    deck = tmp_path / "deck.yaml"
    deck.write_text("", encoding="utf-8")
    remember("decks", deck, tmp_path)
    deck.unlink()
    assert recent("decks", tmp_path) == []


def test_a_damaged_list_remembers_nothing_and_is_written_anew(tmp_path: Path) -> None:
    (tmp_path / RECENT_FILE).write_text('{"journals": [1, ', encoding="utf-8")
    assert recent("journals", tmp_path) == []
    journal = tmp_path / "j.jsonl"
    journal.write_text("", encoding="utf-8")
    assert remember("journals", journal, tmp_path)
    assert recent("journals", tmp_path) == [journal]


def test_a_data_folder_that_cannot_be_written_is_no_matter(tmp_path: Path) -> None:
    blocked = tmp_path / "fichier"
    blocked.write_text("", encoding="utf-8")
    assert remember("decks", tmp_path / "deck.yaml", blocked / "data") is False
