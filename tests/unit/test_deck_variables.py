"""Variables: every text of a deck shows `{{id}}` filled, with the values chosen at setup."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from hypothesis import given
from hypothesis import strategies as st

from scenarios.deck import load_deck, load_deck_text, model
from scenarios.deck.build import DECK as DECK_OBJECT
from scenarios.deck.spec import Kind, ListOf, Obj, OneOf, Text
from scenarios.deck.variables import FILLED, PLACEHOLDER, fill, with_variables
from tests.conftest import MINI

# Every part of a deck with a text, each text naming a variable.
DECK = """\
format: 1
id: partout
title: "Partout {{commune}}"
summary: "Exercice pour {{organisation}}."
facilitator: "Note sur {{commune}}."
style: discussion
variables:
  - {id: organisation, title: "Organisation", default: "la communauté d'agglomération"}
  - {id: commune, title: "Commune", default: "Carcassonne"}
handouts:
  - {id: communique, kind: press, title: "À {{commune}}", text: "Texte {{commune}}"}
phases:
  - {id: pendant, title: "Pendant à {{commune}}", text: "Phase {{commune}}", facilitator: "{{commune}}"}
roles:
  - {id: prefecture, title: "Préfecture de {{commune}}", text: "{{commune}}", facilitator: "{{commune}}"}
indicators:
  - {id: moral, title: "Moral à {{commune}}", start: 5, text: "Celui de {{organisation}}."}
flags:
  - {id: alerte, title: "Alerte à {{commune}}"}
cards:
  - id: q-priorites
    type: question
    title: "Qui prévenir à {{commune}} ?"
    text: "Vous ne joignez plus {{organisation}}."
    facilitator: "Relancer sur {{commune}}."
    expected: ["la mairie de {{commune}}", "la radio"]
    handout: communique
  - id: coupure
    type: event
    title: "Coupure générale à {{ commune }}"
  - id: choix
    type: dilemma
    title: "Choix de {{commune}}"
    text: "Pour {{organisation}}"
    facilitator: "Note {{commune}}"
    options:
      - {id: a, title: "A {{commune}}", text: "Texte {{commune}}", facilitator: "F {{commune}}"}
      - {id: b, title: "B"}
recommendations:
  - {id: r, phase: pendant, when: "moral > 2", title: "Prévenir {{commune}}",
     text: "T {{commune}}", actor: "Maire de {{commune}}", deadline: "Avant {{commune}}"}
endings:
  - {id: fin, title: "Fin à {{commune}}", text: "Merci {{organisation}}."}
observation_tags:
  - {id: alerte, title: "Alerte {{commune}}", text: "Voir {{commune}}"}
questionnaire:
  - {id: q-alerte, text: "À {{commune}}, la chaîne d'alerte a-t-elle fonctionné ?", scale: score}
"""


def _texts(item: object) -> list[str]:
    """Every filled text of `item` and of the parts it holds, recursively."""
    found: list[str] = []
    for name in FILLED.get(type(item).__name__, ()):
        value = getattr(item, name)
        found.extend(value if isinstance(value, tuple) else [value])
    if attrs.has(type(item)):
        for field in attrs.fields(type(item)):
            if field.name in ("where", "files"):
                continue
            value = getattr(item, field.name)
            if isinstance(value, tuple):
                for part in value:
                    if attrs.has(type(part)):
                        found.extend(_texts(part))
    return found


def test_every_text_of_every_part_is_filled_with_the_values_or_the_defaults() -> None:
    deck = load_deck_text(DECK)
    before = _texts(deck)
    assert sum("{{" in text for text in before) >= 25  # the deck above does use them everywhere
    filled = with_variables(deck, {"commune": "Brest", "inconnue": "ignorée"})
    after = _texts(filled)
    assert not [text for text in after if "{{" in text]
    assert "Brest" in filled.handouts[0].text
    assert filled.card("q-priorites").text == "Vous ne joignez plus la communauté d'agglomération."
    assert filled.card("q-priorites").expected == ("la mairie de Brest", "la radio")
    assert filled.card("coupure").title == "Coupure générale à Brest"
    assert filled.card("choix").options[0].facilitator == "F Brest"
    assert filled.recommendations[0].actor == "Maire de Brest"
    assert filled.questionnaire[0].text.startswith("À Brest, la chaîne")
    assert not any("ignorée" in text for text in after)


def test_a_filled_deck_is_the_same_deck_with_other_words() -> None:
    deck = load_deck_text(DECK)
    filled = with_variables(deck, None)
    assert filled.sha256 == deck.sha256 and filled.files == deck.files
    assert [c.id for c in filled.cards] == [c.id for c in deck.cards]
    assert filled.card("q-priorites").to == deck.card("q-priorites").to
    assert filled.card("q-priorites").kind is deck.card("q-priorites").kind
    assert filled.schedule == deck.schedule and filled.variables == deck.variables
    # Parts without a placeholder are shared, not copied.
    assert filled.card("q-priorites").effects is deck.card("q-priorites").effects
    assert filled.card("choix").options[1] is deck.card("choix").options[1]


def test_a_deck_without_variables_is_given_back_as_it_is() -> None:
    deck = load_deck(MINI)
    assert with_variables(deck, {"x": "y"}) is deck


def test_values_are_data_and_never_expanded_again() -> None:
    assert fill("{{a}} et {{b}}", {"a": "{{b}}", "b": "B"}) == "{{b}} et B"
    deck = with_variables(load_deck_text(DECK), {"commune": "{{organisation}}"})
    assert deck.card("coupure").title == "Coupure générale à {{organisation}}"


def test_spaces_inside_the_braces_are_tolerated_and_unknown_names_kept() -> None:
    assert fill("{{ a }}, {{a}}, {{  a}}", {"a": "A"}) == "A, A, A"
    assert fill("{{b}} {{ }} {a} {{a b}}", {"a": "A"}) == "{{b}} {{ }} {a} {{a b}}"


IDS = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,10}", fullmatch=True)
PLAIN = st.text(alphabet=st.characters(blacklist_characters="{}"), max_size=20)


@given(
    values=st.dictionaries(IDS, PLAIN, min_size=1, max_size=5),
    pieces=st.lists(
        st.tuples(PLAIN, st.integers(0, 10), st.sampled_from(["", " ", "  "])), max_size=8
    ),
)
def test_filling_never_leaves_a_declared_placeholder(
    values: dict[str, str], pieces: list[tuple[str, int, str]]
) -> None:
    ids = sorted(values)
    text = "".join(f"{plain}{{{{{pad}{ids[i % len(ids)]}{pad}}}}}" for plain, i, pad in pieces)
    filled = fill(text, values)
    assert not [m for m in PLACEHOLDER.finditer(filled) if m.group(1) in values]
    assert filled == "".join(f"{plain}{values[ids[i % len(ids)]]}" for plain, i, _ in pieces)


@given(text=st.text(max_size=60), values=st.dictionaries(IDS, st.text(max_size=10), max_size=4))
def test_filling_a_text_without_placeholders_changes_nothing(
    text: str, values: dict[str, str]
) -> None:
    if PLACEHOLDER.search(text):
        text = text.replace("{", "(")
    assert fill(text, values) == text
    assert fill(fill(text, values), values) == text


def test_every_filled_field_is_a_text_of_the_model() -> None:
    for name, fields in FILLED.items():
        assert set(fields) <= {f.name for f in attrs.fields(getattr(model, name))}, name


def _objects(kind: Kind) -> Iterator[Obj]:
    """The objects of the format reachable from `kind`."""
    if isinstance(kind, Obj):
        yield kind
        for field in kind.fields.values():
            yield from _objects(field.kind)
    elif isinstance(kind, ListOf):
        yield from _objects(kind.item)
    elif isinstance(kind, OneOf):
        yield from _objects(kind.full)


def _filled(kind: Kind) -> bool:
    item = kind.item if isinstance(kind, ListOf) else kind
    return isinstance(item, Text) and item.filled


def test_the_texts_checked_for_variables_are_the_texts_filled() -> None:
    """A `{{x}}` the loader accepts is one `with_variables` fills, and the other way round."""
    for obj in _objects(DECK_OBJECT):
        name = "".join(part.title() for part in obj.name.split("_"))
        checked = {key for key, field in obj.fields.items() if _filled(field.kind)}
        assert checked == set(FILLED.get(name, ())), name
