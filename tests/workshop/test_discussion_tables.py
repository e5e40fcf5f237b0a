"""A discussion exercise in a workshop, on each store: the tables' variables, answers from
two screens, and bots that answer the questions; the store takes the new actions as any."""

from __future__ import annotations

import pytest

from scenarios.deck import Deck, load_deck
from scenarios.engine import Answer, Cover, Draw, EndRound, Pass, Reply, legal_actions
from scenarios.journal import parse_journal, replay
from scenarios.store import Store
from scenarios.workshop import create_workshop, journal_text
from scenarios.workshop.bots import run_tables
from scenarios.workshop.table import TableSession
from tests.conftest import TEST_DECKS, StoreFactory


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck(TEST_DECKS / "discussion.yaml")


def test_two_screens_answer_and_the_table_keeps_both(open_stores: StoreFactory, deck: Deck) -> None:
    first, second = open_stores(), open_stores()
    created = create_workshop(
        first, deck, tables=1, name="w", seed=5, variables={"commune": "Lorient"}
    )
    code = created.tables[0].code
    mairie = TableSession.join(first, first.table_by_code(code))
    prefecture = TableSession.join(second, second.table_by_code(code))
    assert mairie.deck.title == "Panne à Lorient"
    mairie.apply(Draw())
    while mairie.state.stage == "decisions":
        mairie.apply(Pass(mairie.state.current_role or ""))
    mairie.apply(EndRound())
    mairie.apply(Draw())  # pendant, round 1: the scheduled question
    assert "q-priorites" in mairie.state.revealed
    prefecture.refresh()
    mairie.apply(Answer("q-priorites", "Le préfet, par radio", "mairie"))
    # The other screen had not seen that answer: its own is retried after it.
    prefecture.apply(Answer("q-priorites", "Les EHPAD", "prefecture"))
    prefecture.apply(Cover("q-priorites", 2), by="facilitator")
    mairie.refresh()
    assert dict(mairie.state.answers) == {
        ("q-priorites", "mairie"): "Le préfet, par radio",
        ("q-priorites", "prefecture"): "Les EHPAD",
    }
    assert mairie.state.covered == {("q-priorites", 2)}
    while not mairie.state.over:
        mairie.apply(legal_actions(mairie.state)[0])
    mairie.apply(Reply("q-refaire", "yes", "mairie"))
    table = first.table_by_code(code)
    content = parse_journal(journal_text(table, first.lines(table.id)).encode("utf-8"))
    replayed = replay(content)
    assert replayed.divergence is None
    assert replayed.final.replies == mairie.state.replies
    assert replayed.deck.card("coupure").title == "Coupure générale à Lorient"


def test_bots_answer_the_questions_of_a_discussion(store: Store, deck: Deck) -> None:
    create_workshop(store, deck, tables=2, name="w", seed=3)
    results = run_tables(store, store.tables("w"), "random", 0)
    assert [r.outcome for r in results] == ["completed", "completed"]
    for table in store.tables("w"):
        content = parse_journal(journal_text(table, store.lines(table.id)).encode("utf-8"))
        replayed = replay(content)
        assert replayed.divergence is None
        asked = {("q-priorites", "mairie"), ("q-priorites", "prefecture")}
        assert asked <= set(replayed.final.answers)
        # and, the game over, each role replied to each item of the questionnaire
        every = {(item.id, role.id) for item in deck.questionnaire for role in deck.roles}
        assert every and set(replayed.final.replies) == every
