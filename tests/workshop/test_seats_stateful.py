"""hypothesis: seats of one table act in any interleaving, with conflicts and reconnects.

Invariant: the table's lines are 1..n with nothing lost or doubled (every
acknowledged action is in the store, exactly once, where it was
acknowledged), and every seat, once it has caught up, shows the state the
exported journal replays to.
"""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from scenarios.deck import Deck
from scenarios.engine import Note, legal_actions
from scenarios.journal import parse_journal, replay
from scenarios.store import Store
from scenarios.workshop import create_workshop, journal_text
from scenarios.workshop.table import TableChanged, TableSession
from tests.conftest import StoreFactory

SEATS = 3
names = itertools.count()


def test_seats_acting_in_any_order_agree_with_the_journal(
    open_stores: StoreFactory, crue: Deck
) -> None:
    class Seats(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            creator = open_stores()
            created = create_workshop(creator, crue, tables=1, name=f"w{next(names)}", seed=5)
            self.table = creator.table_by_code(created.tables[0].code)
            self.reader = creator
            self.stores: list[Store] = [open_stores() for _ in range(SEATS)]
            self.seats = [TableSession.join(s, self.table) for s in self.stores]
            self.acknowledged: dict[int, str] = {}

        @rule(seat=st.integers(0, SEATS - 1), pick=st.integers(0, 50), note=st.booleans())
        def act(self, seat: int, pick: int, note: bool) -> None:
            session = self.seats[seat]
            if session.state.over:
                return
            legal = legal_actions(session.state)
            action = Note(f"note {pick}") if note or not legal else legal[pick % len(legal)]
            try:
                session.apply(action)
            except TableChanged:
                return
            body = self.reader.lines(self.table.id, after=session.seq - 1)[0].body
            assert body not in self.acknowledged.values()
            self.acknowledged[session.seq] = body

        @rule(seat=st.integers(0, SEATS - 1))
        def catch_up(self, seat: int) -> None:
            self.seats[seat].refresh()

        @rule(seat=st.integers(0, SEATS - 1))
        def reconnect(self, seat: int) -> None:
            """The screen loses its connection and comes back: a new one, a fresh replay."""
            self.stores[seat].close()
            self.stores[seat] = open_stores()
            self.seats[seat] = TableSession.join(self.stores[seat], self.table)

        @invariant()
        def nothing_lost_or_doubled(self) -> None:
            lines = self.reader.lines(self.table.id)
            assert [line.seq for line in lines] == list(range(1, len(lines) + 1))
            assert len(lines) == len(self.acknowledged)
            for line in lines:
                assert self.acknowledged[line.seq] == line.body

        def teardown(self) -> None:
            lines = self.reader.lines(self.table.id)
            content = parse_journal(journal_text(self.table, lines).encode("utf-8"))
            replayed = replay(content)
            assert content.damage is None and replayed.consistent
            for seat in self.seats:
                seat.refresh()
                assert seat.state.hash() == replayed.final.hash()
            for store in [*self.stores, self.reader]:
                store.close()

    run_state_machine_as_test(
        Seats,
        settings=settings(
            max_examples=25,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
