"""The end of a discussion exercise and the pause between its phases, at 80×24: no outcome,
score nor pending answer; the questions and their answers; the table's debrief and its
export never hold a `facilitator:` note of the deck."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.widgets import Static

from scenarios.debrief import load_trace
from scenarios.debrief.phase_end import phase_summary
from scenarios.deck import Deck, load_deck
from scenarios.engine import Action, Answer, Inject
from scenarios.render.markdown import escape
from scenarios.tui.app import ScenariosApp
from scenarios.tui.bindings import localised
from scenarios.tui.screens.end import EndScreen
from scenarios.tui.screens.phase_end import PhaseEndScreen
from tests.conftest import TEST_DECKS, spaced
from tests.unit.test_debrief_discussion import (
    AMENDED,
    DECK_NOTE,
    EXERCISE,
    PHASE_NOTE,
    facilitator_texts,
    played,
    quiet_round,
)

SIZE = (80, 24)


def noted_deck(folder: Path) -> Deck:
    """The test exercise with facilitator notes on the deck and a phase too."""
    text = (TEST_DECKS / "discussion.yaml").read_text(encoding="utf-8")
    text = text.replace("style: discussion\n", f'style: discussion\nfacilitator: "{DECK_NOTE}"\n')
    text = text.replace(
        "rounds: 2, events_per_round: 1}",
        f'rounds: 2, events_per_round: 1, facilitator: "{PHASE_NOTE}"}}',
    )
    path = folder / "discussion.yaml"
    path.write_text(text, encoding="utf-8")
    return load_deck(path)


def shown_text(screen: object) -> str:
    """The words of a screen's Static widgets, on lines long enough not to cut them."""
    console = Console(width=400, record=True, file=io.StringIO())
    for widget in screen.query(Static):  # type: ignore[attr-defined]
        console.print(widget.content)
    return spaced(console.export_text())


async def test_the_end_of_an_exercise_has_no_verdict_and_exports_the_tables_debrief(
    tmp_path: Path,
) -> None:
    deck = noted_deck(tmp_path)
    journal = played(deck, tmp_path / "exercice.jsonl", EXERCISE)
    app = localised(ScenariosApp, "fr")(lang="fr", resume=journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, EndScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = shown_text(app.screen)
        assert "Fin de l’exercice" in shown and "Exercice mené à son terme" in shown
        assert "3 tours joués · 1 question posée · 2 réponses · 2 notes" in shown
        assert "Mairie de Limoux : 1 réponse" in shown
        for word in ("Score", "score", "Victoire", "Défaite", "décision", "passe"):
            assert word not in shown, word
        debrief = spaced(app.screen.query_one("#end-debrief").source)  # type: ignore[attr-defined]
        assert f"« {escape(AMENDED)} » — Mairie de Limoux, réponse modifiée" in debrief
        assert "Points abordés" in debrief and "Points à approfondir" in debrief
        await pilot.press("x")
        await pilot.pause()
    exported = [
        journal.with_name("exercice.debriefing.md").read_text(encoding="utf-8"),
        journal.with_name("exercice.debriefing.html").read_text(encoding="utf-8"),
    ]
    assert "Qui prévenir en premier ?" in exported[0] and "Médiane" in exported[0]
    notes = facilitator_texts(deck)
    assert DECK_NOTE in notes and PHASE_NOTE in notes and len(notes) == 4
    for text in [debrief, shown, *exported]:
        for note in notes:
            assert note not in text and escape(note) not in text
            assert note.replace("'", "&#x27;") not in text


async def test_the_pause_of_an_exercise_counts_the_answers_to_its_questions(
    tmp_path: Path,
) -> None:
    deck = noted_deck(tmp_path)
    actions: list[Action] = [
        *quiet_round(Inject("q-table"), Answer("q-table", "La radio locale")),
        *quiet_round(Answer("q-priorites", "Le préfet", "prefecture")),
    ]
    trace = load_trace(played(deck, tmp_path / "j.jsonl", actions))
    app = localised(ScenariosApp, "fr")(lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        for phase, line in (
            ("avant", "• « Que savez-vous de la situation ? » : 1 réponse"),
            ("pendant", "• « Qui prévenir en premier ? » : 1 réponse sur 2"),
        ):
            summary = phase_summary(trace, phase)
            await app.push_screen(localised(PhaseEndScreen, "fr")(summary, trace.deck, "fr"))
            await pilot.pause()
            shown = shown_text(app.screen)
            assert "Questions posées" in shown and line in shown
            for absent in ("Réponses attendues", "en suspens", "Indicateur", "Tension"):
                assert absent not in shown, absent
            for note in facilitator_texts(deck):
                assert note not in shown
            await pilot.press("enter")
            await pilot.pause()
