"""Several screens at one table, on each store: one journal, no action lost or doubled."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from scenarios.deck import Deck
from scenarios.engine import Draw, EndRound, Note, Pass, legal_actions
from scenarios.journal import Session, read_journal, replay
from scenarios.store import Store
from scenarios.workshop import create_workshop, journal_text
from scenarios.workshop.table import TableChanged, TableSession
from tests.conftest import StoreFactory


class Ticking:
    """A clock that moves on one second a call: the same times in two runs."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def one_table(store: Store, deck: Deck, clock: Ticking | None = None) -> str:
    created = create_workshop(store, deck, tables=1, name="w", seed=11, clock=clock)
    return created.tables[0].code


def test_two_screens_see_each_others_actions(open_stores: StoreFactory, crue: Deck) -> None:
    first, second = open_stores(), open_stores()
    code = one_table(first, crue)
    prefecture = TableSession.join(first, first.table_by_code(code))
    commune = TableSession.join(second, second.table_by_code(code))
    prefecture.apply(Draw())
    assert commune.state.hash() != prefecture.state.hash()
    played = commune.refresh()
    assert [p.entry.seq for p in played] == [1]
    assert commune.state.hash() == prefecture.state.hash()
    assert commune.refresh() == []


def test_the_tables_of_a_workshop_share_one_deck(store: Store, crue: Deck, mini: Deck) -> None:
    """A room of 200 tables holds one loaded deck, not 200 (see the dashboard benchmark);
    a table of another deck still gets its own."""
    create_workshop(store, crue, tables=3, name="w", seed=1, seeds="different")
    create_workshop(store, mini, tables=1, name="other", seed=1)
    first, second, third = (TableSession.join(store, table) for table in store.tables("w"))
    (other,) = (TableSession.join(store, table) for table in store.tables("other"))
    assert first.deck is second.deck is third.deck
    assert first.deck.id == crue.id and other.deck.id == mini.id


def test_a_conflict_retries_an_action_that_still_means_the_same(
    open_stores: StoreFactory, crue: Deck
) -> None:
    first, second = open_stores(), open_stores()
    code = one_table(first, crue)
    a = TableSession.join(first, first.table_by_code(code))
    b = TableSession.join(second, second.table_by_code(code))
    a.apply(Draw())
    state = b.apply(Note("la mairie ouvre le gymnase"))  # b had not seen the draw
    assert b.seq == 2 and state.hash() == b.state.hash()
    a.refresh()
    assert a.state.hash() == b.state.hash()


def test_a_conflict_on_a_moment_bound_action_is_not_played_and_says_what_changed(
    open_stores: StoreFactory, crue: Deck
) -> None:
    first, second = open_stores(), open_stores()
    code = one_table(first, crue)
    a = TableSession.join(first, first.table_by_code(code))
    b = TableSession.join(second, second.table_by_code(code))
    a.apply(Draw())
    with pytest.raises(TableChanged) as changed:
        b.apply(Draw())  # both pressed "draw": the second must not draw again
    assert [p.entry.action["type"] for p in changed.value.played] == ["draw"]
    assert b.seq == 1 and b.state.hash() == a.state.hash()
    assert [line.seq for line in first.lines(first.table_by_code(code).id)] == [1]


def test_a_conflict_on_an_action_no_longer_legal_gives_the_refusal(
    open_stores: StoreFactory, crue: Deck
) -> None:
    first, second = open_stores(), open_stores()
    code = one_table(first, crue)
    a = TableSession.join(first, first.table_by_code(code))
    a.apply(Draw())
    b = TableSession.join(second, second.table_by_code(code))
    role = a.state.current_role
    assert role is not None
    a.apply(Pass(role, "on attend"))
    with pytest.raises(TableChanged) as changed:
        b.apply(Pass(role, "nous aussi"))  # that role has already passed
    assert changed.value.refusal is not None
    assert b.state.hash() == a.state.hash()


def test_the_export_is_byte_for_byte_the_journal_of_the_same_game_at_one_screen(
    store: Store, crue: Deck, tmp_path: Path
) -> None:
    table_clock, file_clock = Ticking(), Ticking()
    code = one_table(store, crue, clock=table_clock)
    seat = TableSession.join(store, store.table_by_code(code), clock=table_clock)
    journal = tmp_path / "seul.jsonl"
    label = store.table_by_code(code).label  # the same table, named the same at one screen
    alone = Session.start(crue, 11, journal, clock=file_clock, lang="fr", label=label)
    rng = random.Random(3)
    while not seat.state.over:
        action = rng.choice(legal_actions(seat.state))
        seat.apply(action)
        alone.apply(action)
    alone.close()
    table = store.table_by_code(code)
    assert journal_text(table, store.lines(table.id)).encode("utf-8") == journal.read_bytes()


def test_bots_play_every_table_to_the_end_and_the_exports_verify(
    store: Store, crue: Deck
) -> None:
    from scenarios.workshop.bots import run_tables

    create_workshop(store, crue, tables=3, name="w", seed=2, seeds="different")
    ended = run_tables(store, store.tables("w"), "random", 0, threads=2)
    assert sorted(r.label for r in ended) == ["Table 1", "Table 2", "Table 3"]
    for table in store.tables("w"):
        from scenarios.journal import parse_journal

        content = parse_journal(journal_text(table, store.lines(table.id)).encode())
        replayed = replay(content)
        assert content.damage is None and replayed.consistent and replayed.final.over


def test_read_journal_of_an_export_keeps_the_seed(store: Store, crue: Deck, tmp_path: Path) -> None:
    code = one_table(store, crue)
    table = store.table_by_code(code)
    path = tmp_path / "t.jsonl"
    path.write_text(journal_text(table, store.lines(table.id)), encoding="utf-8")
    assert read_journal(path).header.seed == 11


def test_end_round_from_two_screens_ends_one_round(open_stores: StoreFactory, crue: Deck) -> None:
    first, second = open_stores(), open_stores()
    code = one_table(first, crue)
    a = TableSession.join(first, first.table_by_code(code))
    b = TableSession.join(second, second.table_by_code(code))
    while EndRound() not in legal_actions(a.state):
        a.apply(legal_actions(a.state)[0])
    b.refresh()
    a.apply(EndRound())
    with pytest.raises(TableChanged):
        b.apply(EndRound())
    assert a.state.turn == b.state.turn == 2
