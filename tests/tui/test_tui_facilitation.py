"""The facilitator speaks to the tables and gives them time; observers tag what they see."""

from __future__ import annotations

import json

from textual.widgets import Static

from scenarios.deck import Deck, load_deck_text
from scenarios.store import Store
from scenarios.tui.app import ScenariosApp
from scenarios.tui.dashboard import DashboardApp
from scenarios.tui.screens.play import FOLLOW_SECONDS, PlayScreen
from scenarios.tui.screens.room import TableCardView
from scenarios.workshop import create_workshop
from scenarios.workshop.report import workshop_report
from scenarios.workshop.report_output import workshop_data, workshop_markdown
from scenarios.workshop.table import TableSession
from tests.conftest import CRUE, StoreFactory, spaced
from tests.tui.tui_driver import clock_seconds, timer_seconds

MESSAGE = "Point de situation [bold]dans 5 minutes[/bold]"


def journal(store: Store, table_id: str) -> list[tuple[dict[str, object], str | None]]:
    lines = [json.loads(line.body) for line in store.lines(table_id)]
    return [(line["action"], line.get("by")) for line in lines]


def banner(app: ScenariosApp) -> str | None:
    shown = app.screen.query_one("#broadcast", Static)
    return spaced(str(shown.render())) if shown.display else None


async def test_a_message_reaches_every_tables_screen_and_an_extension_its_clock(
    open_stores: StoreFactory, crue: Deck
) -> None:
    store = open_stores()
    create_workshop(store, crue, tables=2, name="salle", seed=5)
    first, second = store.tables("salle")
    table = ScenariosApp(lang="fr", table=TableSession.join(open_stores(), first), minutes=6)
    room = DashboardApp(store, "salle", lang="fr", minutes=6)
    async with table.run_test(size=(80, 24)) as at_table, room.run_test(size=(120, 40)) as pilot:
        assert isinstance(table.screen, PlayScreen)
        assert banner(table) is None
        assert timer_seconds(table) == 6 * 60

        await pilot.press("b")
        await pilot.press(*MESSAGE, "enter")
        await pilot.pause()
        await at_table.pause(FOLLOW_SECONDS + 0.5)
        assert banner(table) == f"Message de l’animation : {MESSAGE}", "live, and as typed"
        for one in (first, second):
            assert journal(store, one.id) == [
                ({"type": "broadcast", "text": MESSAGE}, "facilitator")
            ]

        assert room.screen.focused is not None
        focused = room.screen.focused
        assert isinstance(focused, TableCardView) and focused.table_id == first.id
        await pilot.press("e")  # extend the selected table's round
        await pilot.pause()
        await pilot.press("down", "enter")  # by 2 minutes
        await pilot.pause()
        assert journal(store, first.id)[-1] == ({"type": "extend", "seconds": 120}, "facilitator")
        assert len(journal(store, second.id)) == 1, "only the selected table"
        assert 7 * 60 < clock_seconds(str(focused.render())) <= 8 * 60, "2 minutes more than 6"
        await at_table.pause(FOLLOW_SECONDS + 1.2)
        assert 7 * 60 < timer_seconds(table) <= 8 * 60, "the table's clock has them too"
        log = " ".join(str(line.text) for line in table.screen.query_one("#log").lines)
        assert "Le tour est prolongé de 2 minutes" in " ".join(spaced(log).split())


GRID = """
observation_tags:
  - {id: alerte, title: Alerte}
  - {id: coordination, title: Coordination}
"""


async def test_an_observers_tagged_notes_are_grouped_by_table_and_tag_in_the_report(
    open_stores: StoreFactory,
) -> None:
    deck = load_deck_text(CRUE.read_text(encoding="utf-8") + GRID, str(CRUE))
    store = open_stores()
    create_workshop(store, deck, tables=2, name="w", seed=4)
    first = store.tables("w")[0]
    app = ScenariosApp(lang="fr", table=TableSession.join(store, first), observer="Léa")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("o")
        await pilot.press(*"la mairie attend le préfet")
        await pilot.press("tab", "down", "space", "shift+tab", "enter")  # tick Coordination
        await pilot.pause()
        await pilot.press("o")
        await pilot.press(*"sirènes déclenchées tard", "tab", "space", "down", "space")
        await pilot.press("enter")  # both tags, Enter from the list
        await pilot.pause()
        await pilot.press("o", *"rien à signaler", "enter")
        await pilot.pause()
    assert journal(store, first.id) == [
        ({"type": "note", "text": "la mairie attend le préfet", "tags": ["coordination"]},
         "observer:Léa"),
        ({"type": "note", "text": "sirènes déclenchées tard", "tags": ["alerte", "coordination"]},
         "observer:Léa"),
        ({"type": "note", "text": "rien à signaler"}, "observer:Léa"),
    ]  # fmt: skip

    report = workshop_report(store, "w")
    text = workshop_markdown(report, "fr")
    notes = text[text.index("## Notes") :]
    notes = notes[: notes.index("\n# ")]
    assert [line for line in notes.splitlines() if line.strip()][1:] == [
        "### Table 1",
        "**Alerte**",
        "- sirènes déclenchées tard — Léa (observateur)",
        "**Coordination**",
        "- la mairie attend le préfet — Léa (observateur)",
        "- sirènes déclenchées tard — Léa (observateur)",
        "**Sans étiquette**",
        "- rien à signaler — Léa (observateur)",
    ]
    data = workshop_data(report, "fr")
    assert [n["tags"] for n in data["notes"]] == [["Coordination"], ["Alerte", "Coordination"], []]


NOTES_DECK = """\
format: 1
id: notes
title: Notes
phases:
  - {id: avant, title: Avant, rounds: 2, events_per_round: 1, facilitator: "Objectif de la phase : l'alerte."}
roles:
  - {id: mairie, title: Mairie, hand_size: 1}
indicators:
  - {id: confiance, title: Confiance, start: 5}
cards:
  - {id: crue, type: event, title: "La rivière monte", text: "Le niveau monte vite.", facilitator: "Lire lentement."}
  - {id: alerter, type: decision, title: Alerter, text: "Prévenir la population.", facilitator: "Attendu : FR-Alert."}
"""


def everything_shown(app: ScenariosApp | DashboardApp) -> str:
    return " ".join(spaced(str(widget.render())) for widget in app.screen.query(Static))


async def test_the_decks_notes_for_the_facilitator_are_in_the_mirror_never_at_the_table(
    open_stores: StoreFactory,
) -> None:
    from scenarios.engine import Draw

    deck = load_deck_text(NOTES_DECK)
    store = open_stores()
    create_workshop(store, deck, tables=1, name="w", seed=1)
    seat = TableSession.join(open_stores(), store.tables("w")[0])
    seat.apply(Draw())
    table = ScenariosApp(lang="fr", table=seat)
    room = DashboardApp(store, "w", lang="fr")
    async with table.run_test(size=(120, 40)), room.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")  # the table, mirrored
        await pilot.pause()
        assert isinstance(room.screen, PlayScreen)
        mirror = everything_shown(room)
        assert "Pour l’animateur : Objectif de la phase : l'alerte." in mirror
        assert "Pour l’animateur : Lire lentement." in mirror
        at_table = everything_shown(table)
        assert "Le niveau monte vite." in at_table and "Prévenir la population." in at_table
        assert "animateur :" not in at_table and "Lire lentement" not in at_table
        assert "Attendu" not in at_table and "Objectif" not in at_table


async def test_the_rooms_actions_are_in_the_palette_with_words_that_say_what_they_do(
    open_stores: StoreFactory, crue: Deck
) -> None:
    from textual.command import CommandPalette

    store = open_stores()
    create_workshop(store, crue, tables=2, name="salle", seed=5)
    room = DashboardApp(store, "salle", lang="fr")
    async with room.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause(0.3)
        palette = room.screen
        assert isinstance(palette, CommandPalette)
        listed = " ".join(
            spaced(str(o.prompt)) for o in palette.query("OptionList").first().options
        )
        for command in (
            "Envoyer un message à toutes les tables",
            "Prolonger le tour de toutes les tables",
            "Pause / reprise de toutes les tables",
            "Injecter une carte à toutes les tables",
            "Chronogramme",
        ):
            assert command in listed
        await pilot.press(*"envoyer un message", "enter")
        await pilot.pause(0.3)
        await pilot.press(*"Pause dans 2 minutes", "enter")
        await pilot.pause(0.3)
    for table in store.tables("salle"):
        assert journal(store, table.id) == [
            ({"type": "broadcast", "text": "Pause dans 2 minutes"}, "facilitator")
        ]


async def test_ticked_tables_are_the_ones_an_inject_or_an_extension_reaches(
    open_stores: StoreFactory, crue: Deck
) -> None:
    store = open_stores()
    create_workshop(store, crue, tables=4, name="salle", seed=5)
    tables = store.tables("salle")
    room = DashboardApp(store, "salle", lang="fr")
    async with room.run_test(size=(120, 40)) as pilot:
        await pilot.press("space", "right", "right", "space")  # tick tables 1 and 3
        await pilot.pause()
        title = spaced(str(room.screen.query_one("#room-title", Static).render()))
        assert "2 cochées" in title
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("enter")  # one more minute
        await pilot.pause(0.3)
        assert [len(journal(store, t.id)) for t in tables] == [1, 0, 1, 0]
        assert journal(store, tables[2].id) == [({"type": "extend", "seconds": 60}, "facilitator")]
        await pilot.press("escape", "p")  # untick: p acts on the selected table only (3)
        await pilot.pause(0.3)
        assert [len(journal(store, t.id)) for t in tables] == [1, 0, 2, 0]
        assert journal(store, tables[2].id)[-1] == ({"type": "pause"}, "facilitator")


async def test_the_room_shows_a_tables_answers_and_ticks_its_expected_points(
    open_stores: StoreFactory,
) -> None:
    from textual.widgets import SelectionList

    from scenarios.deck import load_deck
    from scenarios.engine import Answer, Draw, EndRound, Pass
    from scenarios.tui.screens.discussion import PointsDialog
    from tests.conftest import TEST_DECKS
    from tests.tui.tui_driver import shown_text

    deck = load_deck(TEST_DECKS / "discussion.yaml")
    store = open_stores()
    create_workshop(store, deck, tables=2, name="w", seed=1)
    first = store.tables("w")[0]
    seat = TableSession.join(open_stores(), first)
    seat.apply(Draw())
    while seat.state.current_role is not None:
        seat.apply(Pass(seat.state.current_role))
    seat.apply(EndRound())
    seat.apply(Draw())  # « pendant », round 1: the scheduled question
    seat.apply(Answer("q-priorites", "Le préfet, par radio", "mairie"))
    room = DashboardApp(store, "w", lang="fr")
    async with room.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        cards = {v.table_id: spaced(str(v.render())) for v in room.screen.query(TableCardView)}
        assert "1 réponse · points cochés : 0/3" in cards[first.id]
        assert "réponse" not in cards[store.tables("w")[1].id], "a table with no question"
        await pilot.press("t")  # the selected table's questions
        await pilot.pause()
        assert isinstance(room.screen, PointsDialog)
        shown = spaced(shown_text(room))
        assert "Mairie de Carcassonne : « Le préfet, par radio »" in shown
        assert "Pour l’animateur : Relancer si personne ne cite les EHPAD." in shown
        assert "EHPAD de Carcassonne" in shown
        await pilot.press("down", "space")  # « radio »
        await pilot.pause(0.3)
        assert room.screen.query_one(SelectionList).selected == [1]
        assert journal(store, first.id)[-1] == (
            {"type": "cover", "card": "q-priorites", "point": 1},
            "facilitator",
        )
        await pilot.press("escape")
        await pilot.pause(0.3)
        view = next(v for v in room.screen.query(TableCardView) if v.table_id == first.id)
        assert "points cochés : 1/3" in spaced(str(view.render()))
        await pilot.press("enter")  # the table's mirror: the answer and the ticks
        await pilot.pause()
        assert isinstance(room.screen, PlayScreen)
        mirror = spaced(shown_text(room))
        assert "☐ annuaire de crise papier · ☑ radio · ☐ EHPAD de Carcassonne" in mirror
        assert "« Le préfet, par radio »" in mirror
