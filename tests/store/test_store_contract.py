"""The store contract: what every implementation (SQLite, PostgreSQL) must do alike."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest

from scenarios.store import NewTable, NewWorkshop, SeqConflict, Store, StoreError
from tests.conftest import StoreFactory
from tests.disks import SmallDisk, database_disk

__all__ = ["database_disk"]


def workshop(store: Store, name: str = "prefecture", tables: int = 3) -> list[str]:
    store.create_workshop(
        NewWorkshop(name, "Crue éclair", "inondation", "ab" * 32, '[{"name": "d.yaml"}]'),
        [NewTable(f"Table {n}", f"C{n}{name[:2].upper()}-XYZ", f'{{"journal":2,"n":{n}}}') for n in range(1, tables + 1)],
    )
    return [table.id for table in store.tables(name)]


def test_a_workshop_and_its_tables_are_found_by_id_label_and_code(store: Store) -> None:
    ids = workshop(store)
    found = store.workshop("prefecture")
    assert (found.title, found.deck_id, found.deck_sha256) == ("Crue éclair", "inondation", "ab" * 32)
    assert found.created.tzinfo is not None
    tables = store.tables("prefecture")
    assert [t.label for t in tables] == ["Table 1", "Table 2", "Table 3"]
    assert store.table_by_code("C2PR-XYZ").id == ids[1]
    assert store.table(ids[2]).header == '{"journal":2,"n":3}'
    assert [w.id for w in store.workshops()] == ["prefecture"]


def test_unknown_names_and_duplicates_are_refused_with_their_reason(store: Store) -> None:
    workshop(store)
    with pytest.raises(StoreError) as exists:
        workshop(store)
    assert exists.value.code == "workshop_exists"
    assert "prefecture" in exists.value.message("fr")
    for call, code in [
        (lambda: store.workshop("mairie"), "workshop_unknown"),
        (lambda: store.table_by_code("ZZZ-ZZZ"), "code_unknown"),
        (lambda: store.table("nope"), "table_unknown"),
    ]:
        with pytest.raises(StoreError) as refused:
            call()
        assert refused.value.code == code
    with pytest.raises(StoreError) as twice:
        store.create_workshop(
            NewWorkshop("other", "t", "d", "s", "[]"),
            [NewTable("Table 1", "AAA-AAA", "{}"), NewTable("Table 1", "BBB-BBB", "{}")],
        )
    assert twice.value.code == "label_twice"
    assert [w.id for w in store.workshops()] == ["prefecture"], "nothing half-created"


def test_lines_are_kept_exactly_in_order(store: Store) -> None:
    table, other = workshop(store)[:2]
    bodies = ['{"seq":1,"text":"Préfecture [COD] « ok »"}', '{"seq":2,"emoji":"\\u00e9 🌊"}', "{}"]
    for seq, body in enumerate(bodies, start=1):
        stored = store.append(table, seq, body)
        assert stored.seq == seq and stored.recorded_at.tzinfo is not None
    assert [(line.seq, line.body) for line in store.lines(table)] == list(enumerate(bodies, 1))
    assert [line.seq for line in store.lines(table, after=1)] == [2, 3]
    assert store.lines(other) == []
    assert store.last_seqs([table, other]) == {table: 3, other: 0}


def test_an_append_states_its_seq_and_a_taken_or_skipped_seq_is_a_conflict(store: Store) -> None:
    table = workshop(store)[0]
    store.append(table, 1, "one")
    store.append(table, 2, "two")
    with pytest.raises(SeqConflict) as taken:
        store.append(table, 2, "another two")
    assert (taken.value.expected, taken.value.found) == (2, 2)
    assert "2" in taken.value.message("fr")
    with pytest.raises(SeqConflict) as gap:
        store.append(table, 4, "four")
    assert gap.value.found == 2
    assert [line.body for line in store.lines(table)] == ["one", "two"], "nothing overwritten"


def test_concurrent_writers_each_retry_until_every_line_is_in_once(open_stores: StoreFactory) -> None:
    first = open_stores()
    table = workshop(first)[0]
    writers, per_writer = 4, 25
    conflicts = []

    def write(name: str) -> None:
        store = open_stores()  # its own connection, as another screen would have
        for n in range(per_writer):
            while True:
                last = store.last_seqs([table])[table]
                try:
                    store.append(table, last + 1, f"{name}-{n}")
                    break
                except SeqConflict:
                    conflicts.append(name)

    threads = [threading.Thread(target=write, args=(f"w{i}",)) for i in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lines = first.lines(table)
    assert [line.seq for line in lines] == list(range(1, writers * per_writer + 1))
    assert sorted(line.body for line in lines) == sorted(
        f"w{i}-{n}" for i in range(writers) for n in range(per_writer)
    )


def test_a_live_reader_sees_every_line_of_its_tables_in_order(open_stores: StoreFactory) -> None:
    store = open_stores()
    tables = workshop(store, tables=3)
    watched, ignored = tables[:2], tables[2]
    follower = store.follow(watched)
    seen: dict[str, list[int]] = {t: [] for t in watched}
    known = dict.fromkeys(watched, 0)

    def write() -> None:
        writer = open_stores()
        for seq in range(1, 41):
            for table in tables:
                writer.append(table, seq, f"{table}:{seq}")

    thread = threading.Thread(target=write)
    thread.start()
    while sum(map(len, seen.values())) < 80:
        lines = follower.wait(known, timeout=10)
        assert lines, "the reader woke up with nothing for 10 s"
        for line in lines:
            assert line.table_id != ignored
            assert line.seq == known[line.table_id] + 1, "in order, none skipped or repeated"
            known[line.table_id] = line.seq
            seen[line.table_id].append(line.seq)
    thread.join()
    follower.close()
    assert seen == {t: list(range(1, 41)) for t in watched}
    assert follower.wait(known, timeout=0.2) == []


def test_the_store_clock_is_utc_and_moves_on(store: Store) -> None:
    before = datetime.now(UTC)
    moment = store.now()
    assert moment.utcoffset() is not None and moment.utcoffset().total_seconds() == 0
    assert abs((moment - before).total_seconds()) < 60
    assert store.now() >= moment


def test_seats_seen_lately_are_listed_per_table(store: Store) -> None:
    one, two, three = workshop(store)
    store.seat_seen(one, "seat-a", ["prefecture", "mairie"])
    store.seat_seen(one, "seat-b", ["sdis"])
    store.seat_seen(one, "seat-a", ["prefecture", "mairie"])
    store.seat_seen(two, "seat-c", ["mairie"])
    seats = store.seats([one, two, three], within=60)
    assert sorted(seats[one]) == ["prefecture,mairie", "sdis"]
    assert seats[two] == ["mairie"] and seats[three] == []


def test_an_unreachable_store_is_a_clear_error() -> None:
    with pytest.raises(StoreError) as refused:
        from scenarios.store import open_store

        open_store("postgresql://nobody@127.0.0.1:1/none")
    assert refused.value.code == "unreachable"
    assert "127.0.0.1:1" in refused.value.message("fr")



def test_a_full_disk_under_a_sqlite_store_is_a_clear_error_and_loses_nothing(
    database_disk: SmallDisk,
) -> None:
    from scenarios.store import open_store

    store = open_store(f"sqlite:///{database_disk.root / 'w.sqlite3'}")
    table = workshop(store)[0]
    store.append(table, 1, "one")
    database_disk.fill()
    with pytest.raises(StoreError) as refused:
        for seq in range(2, 200):
            store.append(table, seq, "x" * 4000)
    assert refused.value.code == "write_failed"
    assert "rien n’a été écrit" in refused.value.message("fr")
    kept = store.lines(table)
    assert [line.seq for line in kept] == list(range(1, len(kept) + 1)) and kept[0].body == "one"
    database_disk.free()
    store.append(table, len(kept) + 1, "after")
    assert store.lines(table)[-1].body == "after"
    store.close()
