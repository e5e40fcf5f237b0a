"""A deck's conditions said to players in words, with the deck's titles (issue 17)."""

from __future__ import annotations

import pytest

from scenarios.deck import load_deck_text
from scenarios.deck.wording import requirement
from scenarios.i18n import french_typography

DECK = """\
format: 1
id: w
title: W
phases:
  - {id: avant, title: Avant, rounds: 1}
  - {id: pendant, title: Pendant la crue, rounds: 1}
roles:
  - {id: prefecture, title: Préfecture}
  - {id: commune, title: Commune}
indicators:
  - {id: fatigue, title: Fatigue des équipes, start: 1}
flags:
  - {id: alerte_tel, title: Automate d’appel communal}
  - {id: plan_blanc, title: Plan blanc déclenché}
cards:
  - {id: pluie, type: event, title: Pluie forte}
  - {id: pcs, type: decision, roles: [commune], title: Mettre à jour le PCS}
  - id: choix
    type: dilemma
    title: Choix
    options:
      - {id: a, title: Attendre}
      - {id: b, title: Évacuer}
  - {id: test, type: decision, roles: [commune], title: Test, requires: "{condition}"}
"""

CASES = [
    ("alerte_tel", "fr", "Automate d’appel communal", False),
    ("not plan_blanc", "fr", "Plan blanc déclenché", True),
    ("fatigue >= 3", "fr", "Fatigue des équipes : au moins 3", False),
    ("alerte_tel or plan_blanc", "fr", "Automate d’appel communal ou Plan blanc déclenché", False),
    ("alerte_tel and not plan_blanc", "fr",
     "Automate d’appel communal et pas : Plan blanc déclenché", False),
    ("phase == 'pendant'", "fr", "phase : Pendant la crue", False),
    ("drawn('pluie')", "fr", "« Pluie forte » survenu", False),
    ("played('pcs', by='commune')", "fr", "« Mettre à jour le PCS » jouée par Commune", False),
    ("drawn('pluie', phase='avant')", "fr", "« Pluie forte » survenu (phase : Avant)", False),
    ("chosen('choix', 'b')", "fr", "« Évacuer » choisi (Choix)", False),
    ("fatigue >= 3", "en", "Fatigue des équipes at least 3", False),
    ("fatigue * 2 > turn + 1", "fr", "fatigue * 2 : plus de turn + 1", False),
]


@pytest.mark.parametrize(("condition", "lang", "words", "negative"), CASES)
def test_a_condition_is_said_with_the_decks_titles(
    condition: str, lang: str, words: str, negative: bool
) -> None:
    deck = load_deck_text(DECK.replace("{condition}", condition))
    expression = deck.card("test").requires
    assert expression is not None
    said = requirement(expression, deck, lang)  # type: ignore[arg-type]
    expected = french_typography(words) if lang == "fr" else words
    assert (said.words, said.negative) == (expected, negative)
