"""The debrief of a discussion exercise: the questions with the table's answers, the points
covered or to explore further, the facilitator's observations, the questionnaire summed up;
no outcome, score nor fault; the deck's facilitator notes for the trainer only."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import jsonschema
import pytest

from scenarios.debrief import load_trace, session_html, session_markdown, session_report
from scenarios.debrief.json_report import session_data
from scenarios.debrief.json_schema import REPORT_SCHEMA
from scenarios.debrief.phase_end import QuestionAsked, phase_summary
from scenarios.deck import Deck, load_deck
from scenarios.engine import Action, Answer, Cover, Draw, EndRound, Inject, Note, Pass, Reply
from scenarios.journal import Session
from scenarios.render.json_text import json_document
from scenarios.render.markdown import escape
from scenarios.workshop.report import tables_report
from scenarios.workshop.report_output import workshop_markdown
from tests.conftest import TEST_DECKS, spaced

DECK_NOTE = "Note générale pour l'animateur : garder le rythme."
PHASE_NOTE = "Objectif de la phase : tester la chaîne d'alerte."
ROLE_NOTE = "La préfecture ne sait pas encore que le COD est inondé."
AMENDED = "Les EHPAD <b>d'abord</b>, puis *l'annuaire*"


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Deck:
    """The test discussion exercise, with facilitator notes on the deck, a phase and a role
    besides those of its cards."""
    text = (TEST_DECKS / "discussion.yaml").read_text(encoding="utf-8")
    text = text.replace("style: discussion\n", f'style: discussion\nfacilitator: "{DECK_NOTE}"\n')
    text = text.replace(
        "rounds: 2, events_per_round: 1}",
        f'rounds: 2, events_per_round: 1, facilitator: "{PHASE_NOTE}"}}',
    )
    text = text.replace(
        '{id: prefecture, title: "Préfecture"}',
        f'{{id: prefecture, title: "Préfecture", facilitator: "{ROLE_NOTE}"}}',
    )
    path = tmp_path_factory.mktemp("deck") / "discussion.yaml"
    path.write_text(text, encoding="utf-8")
    return load_deck(path)


def facilitator_texts(deck: Deck) -> list[str]:
    """Every `facilitator:` text of the deck: its own, its phases', roles', cards', options'."""
    found = [deck.facilitator]
    found += [phase.facilitator for phase in deck.phases]
    found += [role.facilitator for role in deck.roles]
    found += [card.facilitator for card in deck.cards]
    found += [option.facilitator for card in deck.cards for option in card.options]
    return [text for text in found if text]


def quiet_round(*words: Action) -> list[Action]:
    return [Draw(), *words, Pass("mairie"), Pass("prefecture"), EndRound()]


def played(deck: Deck, path: Path, actions: list[Action]) -> Path:
    with Session.start(deck, 1, path, fsync=False, variables={"commune": "Limoux"}) as session:
        for action in actions:
            session.apply(action)
    return path


# Seed 1: « avant » draws the rumour; « pendant » round 1 brings the power cut and the
# question to the mairie and the préfecture (scheduled), then the rumour again.
EXERCISE: list[Action] = [
    *quiet_round(),
    *quiet_round(
        Answer("q-priorites", "Le préfet, par radio", "prefecture"),
        Answer("q-priorites", "Les EHPAD", "mairie"),
        Answer("q-priorites", AMENDED, "mairie"),
        Note("La mairie pense aux EHPAD tout de suite."),
        Cover("q-priorites", 0),
        Cover("q-priorites", 2),
    ),
    *quiet_round(Note("Un tour calme.")),
    Reply("q-alerte", "70", "mairie"),
    Reply("q-alerte", "40", "prefecture"),
    Reply("q-refaire", "yes", "mairie"),
    Reply("q-refaire", "no", "prefecture"),
    Reply("q-garder", "La radio | le *papier*", "mairie"),
]


@pytest.fixture(scope="module")
def journal(deck: Deck, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return played(deck, tmp_path_factory.mktemp("j") / "j.jsonl", EXERCISE)


def visible(page: str) -> str:
    """The words an HTML page shows: no style sheet, no tag, entities read."""
    page = re.sub(r"<(style|script)\b.*?</\1>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def between(text: str, start: str, end: str) -> str:
    """The part of `text` from `start` to the next `end`."""
    begin = text.index(start)
    return text[begin : text.index(end, begin + len(start))]


def test_a_question_shows_the_answers_the_points_and_the_observations(journal: Path) -> None:
    shown = spaced(session_markdown(session_report(load_trace(journal)), "fr"))
    pendant = between(shown, "## Pendant", "## Questionnaire")
    assert "### Question : « Qui prévenir en premier ? »" in pendant
    assert "Posée au n° 5, tour 2, Pendant" in pendant
    # Quoted with the role, the last words of an amended answer only, escaped for Markdown.
    assert f"> « {escape(AMENDED)} » — Mairie de Limoux, réponse modifiée" in pendant
    assert "> « Le préfet, par radio » — Préfecture" in pendant
    assert "« Les EHPAD »" not in pendant
    covered = between(pendant, "**Points abordés**", "**Points à approfondir**")
    assert "- annuaire de crise papier" in covered and "- EHPAD de Limoux" in covered
    explore = between(pendant, "**Points à approfondir**", "**Observations")
    assert "- radio" in explore and "EHPAD" not in explore
    observed = between(pendant, "**Observations de l’animateur**", "###")
    assert "« La mairie pense aux EHPAD tout de suite. » — note de l’animateur" in observed
    # The note of a round without a question stays with the table's words.
    assert "Un tour calme." not in observed and "Un tour calme." in shown
    assert "Aucune question posée dans cette phase." in between(shown, "## Avant", "## Pendant")


def test_the_questionnaire_is_summed_up(journal: Path) -> None:
    shown = spaced(session_markdown(session_report(load_trace(journal)), "fr"))
    summary = shown[shown.index("## Questionnaire de retour d’expérience") :]
    score = between(summary, "### La chaîne d'alerte", "### Faut-il")
    assert "| Note | Réponses |" in score
    assert "| 40 | 1 |" in score and "| 70 | 1 |" in score
    assert "Médiane : 55 (2 réponses)." in score
    assert "Oui : 1 ; non : 1 (2 réponses)." in summary
    kept = summary[summary.index("### Qu'est-ce qui a bien marché ?") :]
    assert f"> « {escape('La radio | le *papier*')} » — Mairie de Limoux" in kept
    english = session_markdown(session_report(load_trace(journal)), "en")
    assert "Median: 55 (2 replies)." in english and "Yes: 1; no: 1 (2 replies)." in english
    assert "Points covered" in english and "Points to explore further" in english


FORBIDDEN = {
    "fr": ["retard", "victoire", "défaite", "score", "jamais jou", "issue :", "axes d",
           "points positifs", "écarts"],
    "en": ["late", "missed", "victory", "defeat", "score", "never played", "outcome"],
}  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_discussion_has_no_outcome_score_nor_fault(journal: Path, lang: str) -> None:
    report = session_report(load_trace(journal))
    for text in (session_markdown(report, lang), visible(session_html(report, lang))):  # type: ignore[arg-type]
        said = spaced(text).lower()
        for word in FORBIDDEN[lang]:
            assert not re.search(rf"\b{re.escape(word)}", said), word
    assert report.score is None and report.outcome == "completed"
    assert report.gaps == () and report.general == ()


def test_a_discussion_without_indicators_has_no_indicator_section(
    deck: Deck, tmp_path: Path
) -> None:
    text = (TEST_DECKS / "discussion.yaml").read_text(encoding="utf-8")
    text = text.replace('  - {id: tension, title: "Tension", min: 0, max: 10, start: 3}\n', "")
    text = text.replace("indicators:\n", "").replace("effects: {tension: 2}", "")
    text = text.replace("effects: {tension: 1}", "")
    path = tmp_path / "sans.yaml"
    path.write_text(text, encoding="utf-8")
    bare = load_deck(path)
    assert not bare.indicators
    report = session_report(load_trace(played(bare, tmp_path / "j.jsonl", EXERCISE)))
    shown = spaced(session_markdown(report, "fr"))
    assert "indicateur" not in shown.lower() and "Tension" not in shown
    assert "Question : « Qui prévenir en premier ? »" in shown


def test_the_trainers_debrief_has_the_facilitator_notes_the_tables_none(
    deck: Deck, journal: Path
) -> None:
    trace = load_trace(journal)
    trainer = session_report(trace)  # as `scenarios report` makes it
    table = session_report(trace, audience="table")  # as the table's end screen makes it
    for lang in ("fr", "en"):
        said = session_markdown(trainer, lang) + html.unescape(session_html(trainer, lang))  # type: ignore[arg-type]
        for note in (DECK_NOTE, PHASE_NOTE, "Relancer si personne ne cite les EHPAD."):
            assert escape(note) in said and note in said
        for text in (
            session_markdown(table, lang),  # type: ignore[arg-type]
            html.unescape(session_html(table, lang)),  # type: ignore[arg-type]
            json_document(session_data(table, lang)),  # type: ignore[arg-type]
        ):
            for note in facilitator_texts(deck):
                assert note not in text and escape(note) not in text
                assert json.dumps(note, ensure_ascii=False)[1:-1] not in text
    assert "Pour l’animateur" in spaced(session_markdown(trainer, "fr"))


def test_the_json_has_the_questions_and_the_questionnaire(journal: Path) -> None:
    data = json.loads(json_document(session_data(session_report(load_trace(journal)), "fr")))
    jsonschema.validate(data, REPORT_SCHEMA)
    assert data["style"] == "discussion" and data["score"] is None
    assert data["facilitator"] == DECK_NOTE
    pendant = data["phases"][1]
    assert pendant["facilitator"] == PHASE_NOTE
    (question,) = pendant["questions"]
    assert question["card"] == "q-priorites"
    assert (
        question["text"]
        == "Vous ne joignez plus la communauté d'agglomération. Qui prévenez-vous ?"
    )
    assert [(a["role"], a["text"], a["amended"]) for a in question["answers"]] == [
        ("mairie", AMENDED, True),
        ("prefecture", "Le préfet, par radio", False),
    ]
    assert question["answers"][0]["who"] == "Mairie de Limoux"  # the journal's variables
    assert question["points"] == [
        {"text": "annuaire de crise papier", "covered": True},
        {"text": "radio", "covered": False},
        {"text": "EHPAD de Limoux", "covered": True},
    ]
    assert [o["text"] for o in question["observations"]] == [
        "La mairie pense aux EHPAD tout de suite."
    ]
    score, yesno, text = data["questionnaire"]
    assert score["counts"] == [{"value": "40", "count": 1}, {"value": "70", "count": 1}]
    assert score["median"] == 55
    assert yesno["counts"] == [{"value": "yes", "count": 1}, {"value": "no", "count": 1}]
    assert text["replies"] == [
        {"role": "mairie", "value": "La radio | le *papier*", "who": "Mairie de Limoux"}
    ]
    assert data["phases"][0]["questions"] == []


def test_the_pause_between_phases_counts_the_answers_of_its_questions(
    deck: Deck, tmp_path: Path
) -> None:
    actions: list[Action] = [
        Draw(),
        Inject("q-table"),
        Answer("q-table", "La radio locale", None),
        Pass("mairie"),
        Pass("prefecture"),
        EndRound(),
    ]
    avant = phase_summary(load_trace(played(deck, tmp_path / "a.jsonl", actions)), "avant")
    assert avant.discussion and avant.pending == ()
    assert avant.questions == (QuestionAsked("q-table", 1, None),)
    actions += quiet_round(Answer("q-priorites", "Le préfet", "prefecture")) + quiet_round()
    pendant = phase_summary(load_trace(played(deck, tmp_path / "p.jsonl", actions)), "pendant")
    assert pendant.questions == (QuestionAsked("q-priorites", 1, 2),)


def test_the_workshop_report_of_an_exercise_is_the_trainers(journal: Path) -> None:
    traces = [load_trace(journal), load_trace(journal)]
    shown = spaced(workshop_markdown(tables_report("w", "Panne", ["A", "B"], traces), "fr"))
    assert shown.count(escape(PHASE_NOTE)) == 2  # each table's debrief, for the trainer
    assert shown.count("Question : « Qui prévenir en premier ? »") == 2
    for absent in ("| Issue |", "Score", "Les réponses attendues", "Les axes d’amélioration"):
        assert absent not in shown, absent
