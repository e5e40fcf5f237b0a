"""Loading decks: defaults, includes, positions, and that nothing but DeckError ever escapes."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from scenarios.deck import DeckError, DeckFile, load_deck, load_deck_files, load_deck_text
from tests.conftest import CRUE
from tests.unit.test_bad_decks import VALID


def test_phases_default_to_avant_pendant_apres() -> None:
    deck = load_deck_text(VALID)
    assert [phase.id for phase in deck.phases] == ["avant", "pendant", "apres"]
    assert all(card.phases == ("avant", "pendant", "apres") for card in deck.cards)


def test_decisions_are_played_once_by_default_and_events_may_recur() -> None:
    deck = load_deck_text(VALID)
    assert deck.card("alerter").once is True
    assert deck.card("pluie").once is False


def test_expressions_are_compiled_at_load(crue: object) -> None:
    deck = load_deck(CRUE)
    requires = deck.card("alerter").requires
    assert requires is not None
    assert requires.source == "vigilance or inondation"
    assert requires.names == frozenset({"vigilance", "inondation"})


def test_text_is_normalised_to_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Préfecture")
    deck = load_deck_text(VALID.replace("Préfecture", decomposed))
    assert deck.roles[0].title == "Préfecture"
    assert len(deck.roles[0].title) == len("Préfecture")


def test_included_card_files_join_the_deck(tmp_path: Path) -> None:
    (tmp_path / "cartes").mkdir()
    (tmp_path / "cartes" / "b.yaml").write_text(
        "cards:\n  - {id: vent, type: event, title: Vent}\n", encoding="utf-8"
    )
    (tmp_path / "cartes" / "a.yaml").write_text(
        "cards:\n  - {id: grele, type: event, title: Grêle, effects: {confiance: -1}}\n",
        encoding="utf-8",
    )
    main = tmp_path / "deck.yaml"
    main.write_text(
        VALID.replace("format: 1\n", "format: 1\ninclude: ['cartes/*.yaml']\n"), encoding="utf-8"
    )
    deck = load_deck(main)
    assert [card.id for card in deck.cards] == ["pluie", "alerter", "grele", "vent"]
    assert [f.name for f in deck.files] == ["deck.yaml", "cartes/a.yaml", "cartes/b.yaml"]
    again = load_deck_files(deck.files)
    assert again.sha256 == deck.sha256
    assert again == deck


def test_errors_in_included_files_point_at_those_files(tmp_path: Path) -> None:
    (tmp_path / "cartes.yaml").write_text(
        "cards:\n  - {id: vent, type: event, title: Vent, effects: {moral: -1}}\n",
        encoding="utf-8",
    )
    main = tmp_path / "deck.yaml"
    main.write_text(
        VALID.replace("format: 1\n", "format: 1\ninclude: ['cartes.yaml']\n"), encoding="utf-8"
    )
    try:
        load_deck(main)
    except DeckError as error:
        assert [str(d.position) for d in error.diagnostics] == [f"{tmp_path}/cartes.yaml:2:52"]
    else:
        raise AssertionError("the deck should not load")


def test_a_deck_loads_the_same_from_its_files(crue: object) -> None:
    deck = load_deck(CRUE)
    assert load_deck_files([DeckFile(f.name, f.text) for f in deck.files]).sha256 == deck.sha256


yaml_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(
        [
            "event",
            "decision",
            "dilemma",
            "avant",
            "pluie",
            "confiance",
            "not alerte",
            "budget >",
            "played('x')",
        ]
    ),
)
keys = st.sampled_from(
    [
        "format",
        "id",
        "title",
        "roles",
        "indicators",
        "flags",
        "cards",
        "type",
        "effects",
        "when",
        "requires",
        "options",
        "phases",
        "start",
        "min",
        "max",
        "set",
        "trigger",
        "give",
        "end",
        "endings",
        "score",
        "recommendations",
        "phase",
        "cost",
        "lasting",
        "rounds",
        "include",
        "x",
    ]
)
documents = st.recursive(
    yaml_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=6)
    ),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(keys, documents, max_size=10))
def test_random_documents_never_crash_the_loader(document: dict[str, object]) -> None:
    text = yaml.safe_dump(document, allow_unicode=True)
    try:
        load_deck_text(text)
    except DeckError as error:
        assert error.diagnostics


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(VALID.encode()) - 1), st.binary(min_size=1, max_size=3))
def test_damaged_bytes_never_crash_the_loader(offset: int, garbage: bytes) -> None:
    data = VALID.encode()
    damaged = data[:offset] + garbage + data[offset + len(garbage) :]
    try:
        load_deck_files([DeckFile("deck.yaml", damaged.decode("utf-8", "surrogateescape"))])
    except DeckError as error:
        assert error.diagnostics
    except UnicodeEncodeError:
        pass  # not text at all: such a file is refused by decode() before, see test_bad_decks


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_random_text_never_crashes_the_loader(text: str) -> None:
    try:
        load_deck_text(text)
    except DeckError as error:
        assert error.diagnostics
