"""Deck lint: a deck crafted to trip each warning, and a clean deck that trips none."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from scenarios.deck import bundled_decks, load_deck_text
from scenarios.deck.lint import lint
from scenarios.sim.simulated_checks import simulated_lint
from tests.conftest import CliResult

CLEAN = """\
format: 1
id: propre
title: "Un deck propre"
phases:
  - {id: avant, title: "Avant", rounds: 2, events_per_round: 1}
  - {id: pendant, title: "Pendant", rounds: 2, events_per_round: 1}
  - {id: apres, title: "Après", rounds: 1, events_per_round: 1}
roles:
  - {id: mairie, title: "Mairie", hand_size: 3}
indicators:
  - {id: confiance, title: "Confiance", start: 3}
  - {id: moyens, title: "Moyens", start: 4}
flags: [alerte]
cards:
  - {id: pluie, type: event, title: "Pluie", effects: {confiance: -2}}
  - {id: vent, type: event, title: "Vent", when: "not alerte", effects: {moyens: -1}}
  - {id: alerter, type: decision, title: "Alerter", cost: {moyens: 1}, requires: "not alerte",
     effects: {set: [alerte], confiance: 2}}
  - {id: rassurer, type: decision, once: false, title: "Rassurer", effects: {confiance: 1}}
  - id: coupure
    type: dilemma
    title: "Coupure"
    options:
      - {id: papier, title: "Papier", effects: {moyens: -1}}
      - {id: attendre, title: "Attendre", effects: {confiance: -1}}
endings:
  - {id: defiance, when: "confiance <= 0", outcome: defeat, title: "Défiance"}
recommendations:
  - {id: alerter-tot, phase: avant, when: "not played('alerter')", title: "Alerter tôt"}
"""

# (warning, text to replace in CLEAN, its replacement)
CASES = [
    ("lint.event_never", 'when: "not alerte"', 'when: "moyens > 20"'),
    ("lint.event_never", 'when: "not alerte"', 'phases: [avant], when: "not alerte and turn >= 4"'),
    ("lint.event_injected_only", 'title: "Vent",', 'title: "Vent", weight: 0,'),
    ("lint.decision_never", 'requires: "not alerte"', 'requires: "turn > 50"'),
    ("lint.decision_cost", "cost: {moyens: 1}", "cost: {moyens: 12}"),
    ("lint.decision_no_role", "hand_size: 3}", "hand_size: 3, actions_per_round: 0}"),
    ("lint.recommendation_never", "when: \"not played('alerter')\"", 'when: "confiance > 10"'),
    ("lint.recommendation_always", "when: \"not played('alerter')\"", 'when: "turn >= 1"'),
    ("lint.flag_unread", "flags: [alerte]", "flags: [alerte, nuit]\n# nuit: posée par la pluie"),
    ("lint.flag_unset", "set: [alerte], ", ""),
    (
        "lint.indicator_unmoved",
        '  - {id: moyens, title: "Moyens", start: 4}',
        '  - {id: moyens, title: "Moyens", start: 4}\n  - {id: meteo, title: "Météo", start: 5}',
    ),
    (
        "lint.trigger_too_late",
        'title: "Pluie", effects: {confiance: -2}}',
        'title: "Pluie", phases: [apres], effects: {confiance: -2, trigger: [{card: vent, in: 1}]}}',
    ),
    (
        "lint.trigger_too_late",
        'title: "Rassurer", effects: {confiance: 1}}',
        'title: "Rassurer", phases: [apres], effects: {trigger: [{card: vent, in: 0}]}}',
    ),
    ("lint.ending_never", 'when: "confiance <= 0"', 'when: "confiance > 10"'),
    ("lint.ending_always", 'when: "confiance <= 0"', 'when: "turn >= 1"'),
    (
        "lint.ending_shadowed",
        'title: "Défiance"}\n',
        'title: "Défiance"}\n  - {id: chute, when: "confiance <= 0", title: "Chute"}\n',
    ),
    ("lint.text_long", 'title: "Pluie",', f'title: "Pluie", text: "{"Il pleut. " * 40}",'),
    ("lint.typography", 'title: "Pluie"', 'title: "Pluie : encore"'),
    ("lint.typography", 'title: "Pluie"', 'title: "L\'orage"'),
    ("lint.typography", 'title: "Pluie"', 'title: "Pluie!"'),
    ("lint.control_character", 'title: "Pluie"', 'title: "Pluie \\e[31mrouge"'),
]

RARE = "\n".join(
    [
        '  - {id: rare-a, type: decision, tags: [rare], title: "Rare A"}',
        '  - {id: rare-b, type: decision, tags: [rare], title: "Rare B"}',
    ]
)

SIMULATED = [
    (
        "lint.sim_event_never",
        "  - {id: pluie,",
        RARE
        + '\n  - {id: crue, type: event, when: "count(tag=\'rare\') >= 5", title: "Crue"}\n  - {id: pluie,',
    ),
    (
        "lint.sim_decision_never",
        "  - {id: pluie,",
        RARE
        + '\n  - {id: evacuer, type: decision, requires: "count(tag=\'rare\') >= 5", title: "Évacuer"}\n  - {id: pluie,',
    ),
    (
        "lint.sim_recommendation_never",
        "when: \"not played('alerter')\"",
        RARE_WHEN := "when: \"count(tag='rare') >= 5\"",
    ),
    ("lint.sim_ending_never", 'when: "confiance <= 0"', "when: \"count(tag='rare') >= 5\""),
]


def test_the_clean_deck_trips_nothing() -> None:
    deck = load_deck_text(CLEAN)
    static = lint(deck)
    assert static == []
    assert simulated_lint(deck, static) == []


@pytest.mark.parametrize(
    ("code", "old", "new"), CASES, ids=[c[0] + str(i) for i, c in enumerate(CASES)]
)
def test_each_static_warning_is_found_with_its_position(code: str, old: str, new: str) -> None:
    assert old in CLEAN
    text = CLEAN.replace(old, new, 1)
    if code == "lint.flag_unread":
        text = text.replace(
            "effects: {confiance: -2}}", "effects: {confiance: -2, set: [nuit]}}", 1
        )
    deck = load_deck_text(text)
    found = lint(deck)
    assert code in [d.code for d in found], [d.format("en") for d in found]
    warning = next(d for d in found if d.code == code)
    assert warning.severity == "warning"
    assert warning.position.line > 0
    assert warning.message("fr") and warning.message("en")


@pytest.mark.parametrize(("code", "old", "new"), SIMULATED, ids=[c[0] for c in SIMULATED])
def test_each_simulated_warning_is_found(code: str, old: str, new: str) -> None:
    text = CLEAN.replace(old, new, 1)
    if code == "lint.sim_recommendation_never" or code == "lint.sim_ending_never":
        text = text.replace("  - {id: pluie,", RARE + "\n  - {id: pluie,", 1)
    deck = load_deck_text(text)
    static = lint(deck)
    found = simulated_lint(deck, static)
    assert code in [d.code for d in found], [d.format("en") for d in found + static]


def test_a_comment_with_a_reason_silences_a_warning() -> None:
    tripped = CLEAN.replace('title: "Pluie"', 'title: "L\'orage"', 1)
    assert [d.code for d in lint(load_deck_text(tripped))] == ["lint.typography"]
    silenced = tripped.replace(
        "  - {id: pluie,", "  # lint: ignore lint.typography — citation\n  - {id: pluie,"
    )
    assert lint(load_deck_text(silenced)) == []
    no_reason = tripped.replace(
        "  - {id: pluie,", "  # lint: ignore lint.typography\n  - {id: pluie,"
    )
    assert [d.code for d in lint(load_deck_text(no_reason))] == ["lint.typography"]


def test_validate_shows_warnings_but_fails_only_when_strict(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path]
) -> None:
    path = write_deck(CLEAN.replace('title: "Pluie"', 'title: "L\'orage"', 1))
    code, out, err = cli("validate", str(path))
    assert code == 0 and "1 avertissement" in out and "typographie" in err
    code, _, err = cli("validate", "--strict", str(path))
    assert code == 1 and "invalide (1 avertissement)" in err


@pytest.mark.parametrize("bundled", [b.id for b in bundled_decks()])
def test_bundled_decks_pass_strict_validation(cli: Callable[..., CliResult], bundled: str) -> None:
    code, out, err = cli("validate", "--strict", bundled)
    assert code == 0, err
    assert "avertissement" not in out + err


def test_bundled_decks_only_silence_warnings_with_a_reason() -> None:
    for bundled in bundled_decks():
        for line in bundled.path.read_text(encoding="utf-8").splitlines():
            if "lint: ignore" in line:
                assert "—" in line and len(line.split("—", 1)[1].strip()) > 10, line


@pytest.mark.parametrize(("style", "warned"), [("game", True), ("discussion", False)])
def test_a_recommendation_that_always_holds_is_a_flaw_of_a_game_only(
    style: str, warned: bool
) -> None:
    """A discussion exercise schedules its questions: its lessons hold in every session."""
    text = CLEAN.replace("when: \"not played('alerter')\"", "when: \"drawn('pluie')\"", 1)
    scheduled = f"format: 1\nstyle: {style}\nschedule: [{{phase: avant, round: 1, card: pluie}}]\n"
    deck = load_deck_text(text.replace("format: 1\n", scheduled, 1))
    found = [d.code for d in simulated_lint(deck, lint(deck))]
    assert ("lint.sim_recommendation_always" in found) is warned
