"""Discussion exercises in the deck format: the keys of issue 15 load, and each mistake is said
with its place, its key and what would be right."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from scenarios.deck import DeckError, bundled_decks, load_deck, load_deck_text
from scenarios.deck.diagnostics import Diagnostic
from scenarios.deck.lint import lint
from scenarios.deck.model import Handout, QuestionnaireItem, ScheduleEntry, Variable
from scenarios.i18n import LANGS
from tests.conftest import CliResult

# The YAML block of issue 15, completed just enough to be a whole deck (roles, phase order).
ISSUE = """\
format: 1
id: panne
title: "Panne générale"
style: discussion
variables:
  - {id: organisation, title: "Nom de l'organisation", default: "la communauté d'agglomération"}
  - {id: commune, title: "Commune principale", default: "Carcassonne"}
handouts:
  - id: communique-faux
    kind: press
    title: "Faux communiqué de la préfecture"
    text: |
      Markdown text. {{commune}} is filled in.
schedule:
  - {phase: pendant, round: 1, card: coupure-generale}
  - {phase: pendant, round: 2, card: q-priorites}
cards:
  - id: q-priorites
    type: question
    phases: [pendant]
    weight: 0
    to: [prefecture, mairie]
    title: "Qui prévenir en premier ?"
    text: "Vous ne joignez plus {{organisation}}. Qui prévenez-vous, par quel canal ?"
    facilitator: "Attendus : annuaire de crise papier, radio ; relancer si personne ne cite les EHPAD."
    expected: ["annuaire de crise papier", "radio ou téléphone satellite", "EHPAD et personnes vulnérables"]
    handout: communique-faux
    effects: {}
  - id: coupure-generale
    type: event
    facilitator: "Lire lentement. Ne pas dire combien de temps durera la coupure."
    phases: [pendant]
    weight: 0
    title: "Coupure générale à {{ commune }}"
phases:
  - {id: pendant, title: "Pendant", rounds: 3, minutes: 10, facilitator: "Objectif : tester la chaîne d'alerte."}
roles:
  - {id: prefecture, title: "Préfecture"}
  - {id: mairie, title: "Mairie de {{commune}}"}
questionnaire:
  - {id: q-alerte, text: "La chaîne d'alerte a-t-elle fonctionné ?", scale: score}
  - {id: q-garder, text: "Qu'est-ce qui a bien marché et qu'il faut garder ?", scale: text}
"""


def _replace(old: str, new: str, text: str = ISSUE) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def _spaced(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def test_the_issue_s_deck_loads_into_the_model() -> None:
    deck = load_deck_text(ISSUE)
    assert deck.style == "discussion" and deck.discussion
    assert deck.indicators == ()
    assert deck.variables == (
        Variable("organisation", "Nom de l'organisation", "la communauté d'agglomération"),
        Variable("commune", "Commune principale", "Carcassonne"),
    )
    assert deck.variable_defaults["commune"] == "Carcassonne"
    assert deck.handouts == (
        Handout(
            "communique-faux",
            "press",
            "Faux communiqué de la préfecture",
            "Markdown text. {{commune}} is filled in.\n",
        ),
    )
    assert deck.handout_index["communique-faux"].kind == "press"
    assert deck.schedule == (
        ScheduleEntry("pendant", 1, "coupure-generale"),
        ScheduleEntry("pendant", 2, "q-priorites"),
    )
    assert deck.scheduled == {
        ("pendant", 1): ("coupure-generale",),
        ("pendant", 2): ("q-priorites",),
    }
    assert deck.questionnaire == (
        QuestionnaireItem("q-alerte", "La chaîne d'alerte a-t-elle fonctionné ?", "score"),
        QuestionnaireItem("q-garder", "Qu'est-ce qui a bien marché et qu'il faut garder ?", "text"),
    )
    question = deck.card("q-priorites")
    assert question.kind.asks and question.weight == 0 and question.once
    assert question.to == ("prefecture", "mairie")
    assert question.expected[2] == "EHPAD et personnes vulnérables"
    assert question.handout == "communique-faux"
    assert deck.card("coupure-generale").to == () and deck.card("coupure-generale").expected == ()
    # The texts keep their placeholders: they are filled when a session opens the deck.
    assert "{{organisation}}" in question.text


def test_a_handout_may_go_with_an_event_and_a_dilemma() -> None:
    text = _replace(
        '    weight: 0\n    title: "Coupure',
        '    weight: 0\n    handout: communique-faux\n    title: "Coupure',
    )
    text = _replace(
        "cards:\n",
        "cards:\n  - id: choix\n    type: dilemma\n    handout: communique-faux\n    title: Choix\n"
        "    options: [{id: a, title: A}, {id: b, title: B}]\n",
        text,
    )
    deck = load_deck_text(text)
    assert deck.card("coupure-generale").handout == deck.card("choix").handout == "communique-faux"


def test_a_game_deck_without_the_new_keys_is_as_before() -> None:
    decks = [load_deck(bundled.path) for bundled in bundled_decks()]
    assert [deck.id for deck in decks if deck.discussion] == ["panne-electrique"]
    for deck in decks:
        if deck.discussion:
            continue
        assert deck.style == "game"
        assert (deck.variables, deck.handouts, deck.schedule, deck.questionnaire) == ((),) * 4
        assert all(not (c.to or c.expected or c.handout) for c in deck.cards)


def test_a_discussion_deck_may_have_indicators_and_a_game_deck_must() -> None:
    with_indicators = _replace(
        "questionnaire:", "indicators:\n  - {id: moral, title: Moral, start: 5}\nquestionnaire:"
    )
    assert load_deck_text(with_indicators).indicator_ids == ("moral",)
    found = _errors(_replace("style: discussion", "style: game"))
    assert [(d.code, d.about, d.position.line) for d in found] == [("key.missing", "indicators", 1)]
    found = _errors(_replace("style: discussion\n", ""))
    assert [(d.code, d.about) for d in found] == [("key.missing", "indicators")]


def _errors(text: str) -> tuple[Diagnostic, ...]:
    with pytest.raises(DeckError) as caught:
        load_deck_text(text)
    return caught.value.diagnostics


# (case, old, new, code, line, col, key, words of the French message, of the English one)
ERRORS = [
    (
        "misspelt variable",
        "{{organisation}}. Qui",
        "{{organistion}}. Qui",
        "variable.unknown",
        24,
        12,
        "text",
        "text : variable inconnue « {{organistion}} » dans le texte ; "
        "vouliez-vous dire « {{organisation}} » ?",
        "did you mean '{{organisation}}'?",
    ),
    (
        "undeclared variable in a handout",
        "{{commune}} is filled",
        "{{ ville }} is filled",
        "variable.unknown",
        12,
        11,
        "text",
        "variable inconnue « {{ ville }} » dans le texte ; déclarez-la sous « variables: »",
        "declare it under 'variables:'",
    ),
    (
        "unknown variable in an expected point",
        '"radio ou téléphone satellite"',
        '"radio de {{mairie}}"',
        "variable.unknown",
        26,
        45,
        "expected",
        "« {{mairie}} »",
        "unknown variable '{{mairie}}'",
    ),
    (
        "unknown variable in a phase's facilitator note",
        "tester la chaîne",
        "tester {{chaine}}",
        "variable.unknown",
        36,
        75,
        "facilitator",
        "« {{chaine}} »",
        "'{{chaine}}'",
    ),
    (
        "unknown variable in the questionnaire",
        "La chaîne d'alerte",
        "La chaîne de {{commun}}",
        "variable.unknown",
        41,
        27,
        "text",
        "vouliez-vous dire « {{commune}} » ?",
        "did you mean '{{commune}}'?",
    ),
    (
        "handout not found",
        "handout: communique-faux",
        "handout: communique-fau",
        "ref.unknown",
        27,
        14,
        "handout",
        "document « communique-fau » introuvable ; vouliez-vous dire « communique-faux » ?",
        "unknown handout 'communique-fau'; did you mean 'communique-faux'?",
    ),
    (
        "schedule to a missing phase",
        "{phase: pendant, round: 1,",
        "{phase: pendent, round: 1,",
        "ref.unknown",
        15,
        13,
        "schedule.phase",
        "phase « pendent » introuvable ; vouliez-vous dire « pendant » ?",
        "did you mean 'pendant'?",
    ),
    (
        "schedule to a missing card",
        "card: coupure-generale}",
        "card: coupure-general}",
        "ref.unknown",
        15,
        38,
        "schedule.card",
        "carte « coupure-general » introuvable ; vouliez-vous dire « coupure-generale » ?",
        "did you mean 'coupure-generale'?",
    ),
    (
        "schedule to round 0",
        "round: 1, card",
        "round: 0, card",
        "range",
        15,
        29,
        "schedule.round",
        "valeur 0 hors limites ; attendu entre 1 et 50",
        "value 0 out of range",
    ),
    (
        "expected on an event",
        "    type: event\n",
        "    type: event\n    expected: [radio]\n",
        "key.not_for",
        31,
        5,
        "expected",
        "la clé « expected » ne s’applique pas aux cartes événement ; "
        "seulement aux cartes question",
        "only to question cards",
    ),
    (
        "to on an event",
        "    type: event\n",
        "    type: event\n    to: [mairie]\n",
        "key.not_for",
        31,
        5,
        "to",
        "la clé « to » ne s’applique pas aux cartes événement ; seulement aux cartes question",
        "only to question cards",
    ),
    (
        "unknown role asked",
        "to: [prefecture, mairie]",
        "to: [prefet, mairie]",
        "ref.unknown",
        22,
        10,
        "to",
        "rôle « prefet » introuvable ; vouliez-vous dire « prefecture » ?",
        "unknown role 'prefet'; did you mean 'prefecture'?",
    ),
    (
        "duplicate variable",
        '{id: commune, title: "Commune principale"',
        '{id: organisation, title: "Commune"',
        "id.duplicate",
        7,
        10,
        "id",
        "l’identifiant « organisation » (variable) est défini deux fois (d’abord à deck.yaml:6:10)",
        "variable 'organisation' defined twice",
    ),
    (
        "duplicate handout",
        "handouts:\n",
        "handouts:\n  - {id: communique-faux, kind: sms, title: SMS, text: Texte}\n",
        "id.duplicate",
        10,
        9,
        "id",
        "l’identifiant « communique-faux » (document) est défini deux fois",
        "handout 'communique-faux' defined twice",
    ),
    (
        "duplicate questionnaire item",
        "{id: q-garder,",
        "{id: q-alerte,",
        "id.duplicate",
        42,
        10,
        "id",
        "« q-alerte » (question du questionnaire) est défini deux fois",
        "questionnaire item 'q-alerte' defined twice",
    ),
    (
        "bad handout kind",
        "kind: press",
        "kind: presse",
        "choice",
        10,
        11,
        "kind",
        "valeur « presse » inconnue ; vouliez-vous dire « press » ?",
        "did you mean 'press'?",
    ),
    (
        "bad scale",
        "scale: score}",
        "scale: scores}",
        "choice",
        41,
        77,
        "scale",
        "valeur « scores » inconnue ; vouliez-vous dire « score » ?",
        "did you mean 'score'?",
    ),
    (
        "bad style",
        "style: discussion",
        "style: discusion",
        "choice",
        4,
        8,
        "style",
        "valeur « discusion » inconnue ; vouliez-vous dire « discussion » ?",
        "did you mean 'discussion'?",
    ),
    (
        "misspelt top-level key",
        "questionnaire:",
        "questionaire:",
        "key.unknown",
        40,
        1,
        "questionaire",
        "clé inconnue « questionaire » dans le deck ; vouliez-vous dire « questionnaire » ?",
        "did you mean 'questionnaire'?",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "code", "line", "col", "key", "french", "english"),
    [pytest.param(*case[1:], id=case[0]) for case in ERRORS],
)
def test_each_mistake_is_said_with_its_place_key_and_hint(
    old: str, new: str, code: str, line: int, col: int, key: str, french: str, english: str
) -> None:
    found = _errors(_replace(old, new))
    assert code in [d.code for d in found], [d.format("en") for d in found]
    diagnostic = next(d for d in found if d.code == code)
    assert diagnostic.severity == "error"
    assert (diagnostic.position.line, diagnostic.position.col) == (line, col)
    assert diagnostic.about == key
    assert french in _spaced(diagnostic.message("fr")), diagnostic.message("fr")
    assert english in diagnostic.message("en"), diagnostic.message("en")
    # The message names its key, so that the reader knows what to fix without counting columns.
    assert all(part in diagnostic.message(lang) for part in key.split(".") for lang in LANGS)


def test_scheduling_a_decision_is_refused_it_is_held_in_a_hand() -> None:
    text = _replace("cards:\n", "cards:\n  - {id: alerter, type: decision, title: Alerter}\n")
    found = _errors(_replace("card: q-priorites}", "card: alerter}", text))
    assert [(d.code, d.about, d.position.line, d.position.col) for d in found] == [
        ("ref.card_type", "schedule.card", 16, 38)
    ]
    assert _spaced(found[0].message("fr")) == (
        "schedule.card : la carte « alerter » est de type décision ; "
        "ici il faut une carte événement / dilemme / question"
    )


def test_a_question_takes_the_keys_of_an_event_and_not_those_of_a_decision() -> None:
    found = _errors(_replace("    effects: {}\n", "    effects: {}\n    cost: {moral: 1}\n"))
    assert [(d.code, d.about) for d in found] == [("key.not_for", "cost")]
    assert "seulement aux cartes décision" in _spaced(found[0].message("fr"))


def test_values_of_variables_are_not_checked_as_texts_with_variables() -> None:
    text = _replace('default: "Carcassonne"', 'default: "{{ville}}"')
    assert load_deck_text(text).variable_defaults["commune"] == "{{ville}}"


# Warnings: (case, old, new, code, line, col, key, French words, English words)
WARNINGS = [
    (
        "schedule past the phase's last round",
        "round: 2, card: q-priorites",
        "round: 4, card: q-priorites",
        "lint.schedule_too_late",
        16,
        22,
        "schedule.round",
        "au tour 4 de « pendant », après le dernier tour de la phase (3) : la carte ne "
        "viendrait jamais ; choisissez un tour entre 1 et 3",
        "after the phase's last round (3)",
    ),
    (
        "a victory in a discussion",
        "questionnaire:",
        "endings:\n  - {id: fin, title: Fin, outcome: victory}\nquestionnaire:",
        "lint.discussion_outcome",
        41,
        27,
        "outcome",
        "ne montre ni victoire ni défaite ; mettez outcome: neutral",
        "shows no victory nor defeat",
    ),
    (
        "a score in a discussion",
        "questionnaire:",
        'score: "1"\nquestionnaire:',
        "lint.discussion_score",
        40,
        1,
        "score",
        "ne montre pas de score ; retirez « score » ou passez en style: game",
        "shows no score",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "code", "line", "col", "key", "french", "english"),
    [pytest.param(*case[1:], id=case[0]) for case in WARNINGS],
)
def test_each_warning_is_said_with_its_place_key_and_hint(
    old: str, new: str, code: str, line: int, col: int, key: str, french: str, english: str
) -> None:
    found = [d for d in lint(load_deck_text(_replace(old, new))) if d.code == code]
    assert len(found) == 1, found
    warning = found[0]
    assert warning.severity == "warning"
    assert (warning.position.line, warning.position.col) == (line, col)
    assert warning.about == key
    assert french in _spaced(warning.message("fr")), warning.message("fr")
    assert english in warning.message("en"), warning.message("en")


def test_a_game_deck_may_keep_its_victory_and_score() -> None:
    text = _replace(
        "questionnaire:",
        'indicators: [{id: moral, title: Moral, start: 5}]\nscore: "moral"\n'
        "endings:\n  - {id: fin, title: Fin, outcome: victory}\nquestionnaire:",
        _replace("style: discussion", "style: game"),
    )
    codes = {d.code for d in lint(load_deck_text(text))}
    assert not codes & {"lint.discussion_outcome", "lint.discussion_score"}


def test_a_scheduled_card_of_weight_zero_is_not_said_to_come_only_by_hand() -> None:
    deck = load_deck_text(ISSUE)
    assert "lint.event_injected_only" not in {d.code for d in lint(deck)}
    unscheduled = load_deck_text(
        _replace("  - {phase: pendant, round: 2, card: q-priorites}\n", "")
    )
    assert "lint.event_injected_only" in {d.code for d in lint(unscheduled)}


def test_the_new_texts_get_the_typography_check() -> None:
    codes = [(d.code, d.position.line) for d in lint(load_deck_text(ISSUE))]
    # The questionnaire: table texts, like a card's (its two questions, lines 41 and 42).
    assert ("lint.typography", 41) in codes and ("lint.typography", 42) in codes


def test_validate_reports_the_new_mistakes_with_file_line_col(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path]
) -> None:
    path = write_deck(_replace("handout: communique-faux", "handout: communique-fau"))
    code, _, err = cli("validate", "--lang", "en", str(path))
    assert code == 1
    assert f"{path}:27:14: error: handout: unknown handout 'communique-fau'" in err
