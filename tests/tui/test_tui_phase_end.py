"""The pause between two phases: shown when a phase ends, on every screen of a table."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.widgets import Static

from scenarios.debrief import load_trace
from scenarios.debrief.phase_end import phase_summary
from scenarios.deck import Deck
from scenarios.engine import Choose, Draw, EndRound, Pass, State, available_options
from scenarios.store import open_store
from scenarios.tui.app import ScenariosApp
from scenarios.tui.screens.phase_end import PhaseEndScreen
from scenarios.tui.screens.play import PlayScreen
from scenarios.tui.widgets.key_bar import KeyBar
from scenarios.workshop import create_workshop
from scenarios.workshop.table import TableSession
from tests.conftest import spaced
from tests.tui.tui_driver import make_app, play_state, play_until, start_game


def shown_text(screen: object) -> str:
    """The summary's words, tables included, with lines long enough not to cut them."""
    assert isinstance(screen, PhaseEndScreen)
    console = Console(width=400, record=True, file=io.StringIO())
    for widget in screen.query(Static):
        console.print(widget.content)
    return spaced(console.export_text())


def last_round_of_first_phase(state: State) -> bool:
    first = state.deck.phases[0]
    return state.phase == first.id and state.round == first.rounds and state.stage == "end"


async def test_the_end_of_a_phase_shows_what_it_left_then_the_next_phase(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    app = make_app(journal, with_deck=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_game(pilot, from_home=False)
        await play_until(pilot, last_round_of_first_phase)
        state = play_state(pilot)
        assert state is not None and state.phase == "avant"
        await pilot.press("f")  # the round that closes « avant »
        await pilot.pause()
        screen = app.screen
        shown = shown_text(screen)
        assert "Fin de la phase « Avant — se préparer »" in shown
        assert "commencer la phase « Pendant — la nuit et le lundi »" in shown
        footer = " ".join(spaced(str(screen.query_one(KeyBar).render())).split())
        assert "Entrée Continuer" in footer, "the footer names the key, as on every screen"
        summary = phase_summary(load_trace(journal), "avant")
        deck = state.deck
        for change in summary.indicators:
            assert spaced(deck.indicators[deck.indicator_index[change.indicator]].title) in shown
        assert summary.dilemmas, "this seed decides a dilemma in « avant »"
        for decided in summary.dilemmas:
            assert spaced(deck.card(decided.card).title) in shown
        for gap in summary.pending:
            assert spaced(deck.card(gap.event).title) in shown
        assert summary.pending or "Aucune" in shown
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert app.screen.state.phase == "pendant"


async def test_resuming_in_a_later_phase_shows_no_summary(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    app = make_app(journal, with_deck=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_game(pilot, from_home=False)
        await play_until(pilot, lambda s: s.phase == "pendant")
    resumed = ScenariosApp(lang="fr", resume=journal)
    async with resumed.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(resumed.screen, PlayScreen)


def play_one(session: TableSession) -> None:
    """The simplest legal move at the table, as another screen would play it."""
    state = session.state
    if state.pending:
        card = state.deck.card(state.pending[0])
        session.apply(Choose(card.id, available_options(state, card)[0].id))
    elif state.stage == "events":
        session.apply(Draw())
    elif state.stage == "end":
        session.apply(EndRound())
    else:
        role = state.current_role
        assert role is not None
        session.apply(Pass(role))


async def test_every_screen_of_a_table_shows_the_summary(tmp_path: Path, crue: Deck) -> None:
    url = f"sqlite:///{tmp_path / 'w.sqlite3'}"
    store, other_store = open_store(url), open_store(url)
    code = create_workshop(store, crue, tables=1, name="w", seed=4).tables[0].code
    here = TableSession.join(store, store.table_by_code(code))
    elsewhere = TableSession.join(other_store, other_store.table_by_code(code))
    app = ScenariosApp(lang="fr", table=here, roles=frozenset({crue.roles[0].id}))
    async with app.run_test(size=(100, 32)) as pilot:
        assert isinstance(app.screen, PlayScreen)
        while elsewhere.state.phase == "avant":
            play_one(elsewhere)  # the phase is played and closed on the other screen
        await pilot.pause(0.8)
        assert "Fin de la phase « Avant »" in shown_text(app.screen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
    store.close()
    other_store.close()
