"""A workshop table on two screens: this one (the Textual app) and another seat."""

from __future__ import annotations

from pathlib import Path

import pytest

from scenarios.deck import Deck
from scenarios.engine import Draw, Play
from scenarios.store import open_store
from scenarios.tui.app import ScenariosApp
from scenarios.tui.screens.play import PlayScreen
from scenarios.tui.widgets.key_bar import KeyBar
from scenarios.workshop import create_workshop
from scenarios.workshop.table import TableSession
from tests.conftest import spaced


def screen_text(app: ScenariosApp) -> str:
    return spaced(str(app.screen.query_one("#stage").render()))


async def test_a_role_played_elsewhere_is_shown_and_its_turn_arrives_live(
    tmp_path: Path, crue: Deck
) -> None:
    url = f"sqlite:///{tmp_path / 'w.sqlite3'}"
    store, other_store = open_store(url), open_store(url)
    code = create_workshop(store, crue, tables=1, name="w", seed=4).tables[0].code
    here = TableSession.join(store, store.table_by_code(code))
    elsewhere = TableSession.join(other_store, other_store.table_by_code(code))
    first_role = crue.roles[0].id
    app = ScenariosApp(lang="fr", table=here, roles=frozenset({crue.roles[1].id}))
    async with app.run_test(size=(100, 32)) as pilot:
        assert isinstance(app.screen, PlayScreen)
        elsewhere.apply(Draw())
        await pilot.pause(0.8)
        assert here.seq == 1, "the other screen's draw arrived"
        assert here.state.current_role == first_role
        assert "sur un autre écran" in screen_text(app)
        assert not app.screen.query_one("#choices").display, "no hand to play for that role"
        await pilot.press("p")  # pass: not this screen's role
        await pilot.pause()
        assert here.seq == 1
        card = elsewhere.state.hand(first_role)[0]
        elsewhere.apply(Play(first_role, card, "vu de la préfecture"))
        await pilot.pause(0.8)
        assert here.state.current_role == crue.roles[1].id
        assert "sur un autre écran" not in screen_text(app)
        await pilot.press("p")
        await pilot.pause()
        assert here.seq == 3
        elsewhere.refresh()
        assert elsewhere.state.hash() == here.state.hash()
    store.close()
    other_store.close()


async def test_two_screens_drawing_at_once_draw_once_and_the_second_is_told(
    tmp_path: Path, crue: Deck, monkeypatch: pytest.MonkeyPatch
) -> None:
    # This screen must not have looked at the table since: it learns of the draw by conflict.
    monkeypatch.setattr("scenarios.tui.screens.play.FOLLOW_SECONDS", 60)
    url = f"sqlite:///{tmp_path / 'w.sqlite3'}"
    store, other_store = open_store(url), open_store(url)
    code = create_workshop(store, crue, tables=1, name="w", seed=4).tables[0].code
    here = TableSession.join(store, store.table_by_code(code))
    elsewhere = TableSession.join(other_store, other_store.table_by_code(code))
    app = ScenariosApp(lang="fr", table=here)
    async with app.run_test(size=(100, 32)) as pilot:
        elsewhere.apply(Draw())  # before this screen looked again
        await pilot.press("d")
        await pilot.pause()
        assert here.seq == 1 and len(other_store.lines(here.table.id)) == 1
        notices = " ".join(spaced(str(n.message)) for n in app._notifications)
        assert "Un autre écran a joué avant vous" in notices
    store.close()
    other_store.close()


async def test_the_join_screen_opens_a_table_of_this_workshop_only(
    tmp_path: Path, crue: Deck
) -> None:
    from textual.widgets import SelectionList

    url = f"sqlite:///{tmp_path / 'w.sqlite3'}"
    store = open_store(url)
    code = create_workshop(store, crue, tables=2, name="salle", seed=4).tables[1].code
    other = create_workshop(store, crue, tables=1, name="autre", seed=4).tables[0].code
    app = ScenariosApp(lang="fr", workshop=(store, "salle"))
    async with app.run_test(size=(100, 32)) as pilot:
        title = spaced(str(app.screen.query_one("#setup-title").render()))
        assert "Atelier « salle »" in title
        await pilot.press(*other.lower(), "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, PlayScreen), "a code of another workshop opens nothing"
        notices = " ".join(spaced(str(n.message)) for n in app._notifications)
        assert f"Aucune table n’a le code « {other} »" in notices, "a sentence of its own"
        app.screen.query_one("#code").value = code.replace("-", " ")
        app.screen.query_one("#roles", SelectionList).select(crue.roles[2].id)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        assert app.screen.roles == frozenset({crue.roles[2].id})
        assert app.screen.session.table.label == "Table 2"
    store.close()


async def test_an_observer_notes_but_never_acts(tmp_path: Path, crue: Deck) -> None:
    import json

    url = f"sqlite:///{tmp_path / 'w.sqlite3'}"
    store = open_store(url)
    code = create_workshop(store, crue, tables=1, name="w", seed=4).tables[0].code
    seat = TableSession.join(store, store.table_by_code(code))
    app = ScenariosApp(lang="fr", table=seat, observer="Léa")
    async with app.run_test(size=(100, 32)) as pilot:
        assert "En lecture seule" in screen_text(app)
        footer = app.screen.query_one(KeyBar).plain
        assert "Commandes" in footer and "Animateur" not in footer, "not the facilitator's"
        await pilot.press("d", "p", "f", "1")
        await pilot.pause()
        assert store.lines(seat.table.id) == [], "an observer plays no game action"
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*"la mairie attend le préfet", "enter")
        await pilot.pause()
    lines = [json.loads(line.body) for line in store.lines(seat.table.id)]
    assert [(line["action"], line["by"]) for line in lines] == [
        ({"type": "note", "text": "la mairie attend le préfet"}, "observer:Léa")
    ]
    store.close()
