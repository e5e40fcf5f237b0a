"""A corpus of broken decks: each gives exit 1, its file:line:col, and a useful sentence."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from scenarios.deck import DeckError, build, load_deck_text, loader, yamlload
from scenarios.deck.format import RESERVED_EFFECT_KEYS
from scenarios.deck.kinds import kind_label
from scenarios.deck.yamlload import MAX_BYTES
from scenarios.i18n import LANGS, Lang, Texts
from tests.conftest import CliResult

VALID = """\
format: 1
id: essai
title: "Essai"
roles:
  - {id: prefecture, title: "Préfecture"}
indicators:
  - {id: confiance, title: "Confiance", start: 5}
flags: [alerte]
cards:
  - id: pluie
    type: event
    title: "Pluie"
    effects: {confiance: -1}
  - id: alerter
    type: decision
    title: "Alerter"
    requires: "not alerte"
    effects: {set: [alerte]}
"""


def replace(old: str, new: str) -> str:
    assert old in VALID, old
    return VALID.replace(old, new, 1)


# (case name, deck text, expected code, expected line, expected column, words in the message)
CASES: list[tuple[str, str | bytes, str, int, int, str]] = [
    ("yaml syntax", replace('title: "Essai"', 'title: "Essai'), "yaml.syntax", 5, 30, "YAML"),
    (
        "tab indentation",
        replace("format: 1\n", "format: 1\n\tid: x\n"),
        "yaml.syntax",
        2,
        1,
        "tabulations",
    ),
    ("top level is a list", "- format: 1\n- id: x\n", "yaml.not_mapping", 1, 1, "dictionnaire"),
    ("empty file", "", "yaml.empty", 1, 1, "format: 1"),
    ("only comments", "# rien\n# encore rien\n", "yaml.empty", 1, 1, "vide"),
    ("several documents", VALID + "---\nid: autre\n", "yaml.several_documents", 19, 1, "include"),
    (
        "python tag",
        replace('title: "Essai"', "title: !!python/object/apply:os.system [ls]"),
        "yaml.tag",
        3,
        8,
        "refusée",
    ),
    ("custom tag", replace('title: "Essai"', "title: !secret x"), "yaml.tag", 3, 8, "refusée"),
    (
        "invalid utf-8",
        VALID.encode("utf-8").replace(b"Pr\xc3\xa9fecture", b"Pr\xe9fecture"),
        "yaml.encoding",
        5,
        32,
        "UTF-8",
    ),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "yaml.binary", 3, 1, "binaire"),
    (
        "control character",
        replace('title: "Essai"', 'title: "Es\x07sai"'),
        "yaml.syntax",
        3,
        11,
        "YAML",
    ),
    (
        "duplicate key",
        replace("format: 1\n", "format: 1\nformat: 1\n"),
        "yaml.duplicate_key",
        2,
        1,
        "double",
    ),
    ("missing required key", replace('title: "Essai"\n', ""), "key.missing", 1, 1, "title"),
    (
        "unknown key",
        replace('title: "Essai"\n', 'title: "Essai"\ntitel: "x"\n'),
        "key.unknown",
        4,
        1,
        "vouliez-vous dire «\u00a0title\u00a0»",
    ),
    ("wrong type", replace("start: 5", "start: cinq"), "type", 7, 48, "nombre entier"),
    (
        "hand size in words",
        replace('title: "Préfecture"}', 'title: "Préfecture", hand_size: trois}'),
        "type",
        5,
        54,
        "hand_size\u00a0: attendu\u00a0: un nombre entier",
    ),
    ("yes read as boolean", replace('title: "Essai"', "title: yes"), "type", 3, 8, "guillemets"),
    (
        "bad format version",
        replace("format: 1", "format: 2"),
        "choice",
        1,
        9,
        "format\u00a0: valeur «\u00a02\u00a0» inconnue\u00a0; valeurs connues\u00a0: 1",
    ),
    ("bad id", replace("id: essai", "id: Mon Essai"), "id.slug", 2, 5, "mon-essai"),
    (
        "indicator name with hyphen",
        replace("id: confiance", "id: con-fiance"),
        "id.name",
        7,
        10,
        "con_fiance",
    ),
    ("duplicate card id", replace("id: alerter", "id: pluie"), "id.duplicate", 14, 9, "deux fois"),
    (
        "unknown flag in effects",
        replace("set: [alerte]", "set: [alert]"),
        "ref.unknown",
        18,
        21,
        "vouliez-vous dire «\u00a0alerte\u00a0»",
    ),
    (
        "unknown indicator in effects",
        replace("effects: {confiance: -1}", "effects: {moral: -1}"),
        "effects.unknown_key",
        13,
        15,
        "confiance",
    ),
    (
        "flag written as indicator",
        replace("effects: {confiance: -1}", "effects: {alerte: 1}"),
        "effects.flag_key",
        13,
        15,
        "set: [alerte]",
    ),
    (
        "start out of bounds",
        replace("start: 5", "start: 15"),
        "indicator.start",
        7,
        48,
        "entre min et max",
    ),
    (
        "min above max",
        replace("start: 5", "start: 5, min: 8, max: 2"),
        "indicator.bounds",
        7,
        56,
        "inversez",
    ),
    (
        "negative weight",
        replace("type: event\n", "type: event\n    weight: -2\n"),
        "range",
        12,
        13,
        "weight\u00a0: valeur -2 hors limites\u00a0; attendu entre 0",
    ),
    (
        "key not for this card type",
        replace("type: event\n", "type: event\n    cost: {confiance: 1}\n"),
        "key.not_for",
        12,
        5,
        "aux cartes événement ; seulement aux cartes décision".replace(" ;", "\u00a0;"),
    ),
    (
        "dilemma without options",
        replace("type: event", "type: dilemma"),
        "card.dilemma_options",
        10,
        5,
        "au moins deux",
    ),
    (
        "trigger of a decision",
        replace("effects: {confiance: -1}", "effects: {trigger: [alerter]}"),
        "ref.card_type",
        13,
        25,
        "décision",
    ),
    (
        "unknown role",
        replace("type: decision\n", "type: decision\n    roles: [prefet]\n"),
        "ref.unknown",
        16,
        13,
        "prefecture",
    ),
    (
        "expression syntax",
        replace('requires: "not alerte"', 'requires: "not (alerte"'),
        "expr.syntax",
        17,
        20,
        "parenthèses",
    ),
    (
        "expression unknown name",
        replace('requires: "not alerte"', 'requires: "moral > 2"'),
        "expr.unknown_name",
        17,
        16,
        "moral",
    ),
    (
        "expression attribute access",
        replace('requires: "not alerte"', 'requires: "alerte.__class__"'),
        "expr.attribute",
        17,
        16,
        "attribut",
    ),
    (
        "expression dunder name",
        replace('requires: "not alerte"', 'requires: "__import__ == 1"'),
        "expr.private_name",
        17,
        16,
        "réservés",
    ),
    (
        "expression power",
        replace('requires: "not alerte"', 'requires: "confiance ** 99 > 1"'),
        "expr.power",
        17,
        16,
        "**",
    ),
    (
        "expression string repetition",
        replace('requires: "not alerte"', "requires: \"'a' * 1000000000 == 'b'\""),
        "expr.operand_type",
        17,
        16,
        "texte",
    ),
    (
        "expression unknown function",
        replace('requires: "not alerte"', "requires: \"open('x') == 1\""),
        "expr.unknown_function",
        17,
        16,
        "played",
    ),
    (
        "expression type error",
        replace('requires: "not alerte"', 'requires: "confiance and alerte"'),
        "expr.operand_type",
        17,
        16,
        "confiance > 0",
    ),
    (
        "condition giving a number",
        replace('requires: "not alerte"', 'requires: "confiance + 1"'),
        "expr.result_type",
        17,
        16,
        "vrai/faux",
    ),
    (
        "expression unknown card",
        replace('requires: "not alerte"', "requires: \"not played('alerte')\""),
        "expr.unknown_card",
        17,
        27,
        "alerter",
    ),
    (
        "expression lambda",
        replace('requires: "not alerte"', 'requires: "(lambda: True)()"'),
        "expr.construct",
        17,
        17,
        "lambda",
    ),
    (
        "include traversal",
        replace("format: 1\n", "format: 1\ninclude: ['../secret/*.yaml']\n"),
        "include.pattern",
        2,
        12,
        "dossier du deck",
    ),
    (
        "alias bomb",
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n"
            for i in range(8)
        ),
        "yaml.too_many_nodes",
        0,
        0,
        "alias",
    ),
    ("deep nesting", "a: " + "[" * 200 + "]" * 200 + "\n", "yaml.too_deep", 1, 67, "imbrication"),
]


# The key each case's diagnostic is about, as `validate --format json` gives it;
# None for a file that is not YAML or not a deck, where no key can be named.
KEYS: dict[str, str | None] = {
    "yaml syntax": None,
    "tab indentation": None,
    "top level is a list": None,
    "empty file": None,
    "only comments": None,
    "several documents": None,
    "python tag": "title",
    "custom tag": "title",
    "invalid utf-8": None,
    "binary": None,
    "control character": None,
    "duplicate key": "format",
    "missing required key": "title",
    "unknown key": "titel",
    "wrong type": "start",
    "hand size in words": "hand_size",
    "yes read as boolean": "title",
    "bad format version": "format",
    "bad id": "id",
    "indicator name with hyphen": "id",
    "duplicate card id": "id",
    "unknown flag in effects": "effects.set",
    "unknown indicator in effects": "effects.moral",
    "flag written as indicator": "effects.alerte",
    "start out of bounds": "start",
    "min above max": "min",
    "negative weight": "weight",
    "key not for this card type": "cost",
    "dilemma without options": "options",
    "trigger of a decision": "effects.trigger",
    "unknown role": "roles",
    "expression syntax": "requires",
    "expression unknown name": "requires",
    "expression attribute access": "requires",
    "expression dunder name": "requires",
    "expression power": "requires",
    "expression string repetition": "requires",
    "expression unknown function": "requires",
    "expression type error": "requires",
    "condition giving a number": "requires",
    "expression unknown card": "requires",
    "expression lambda": "requires",
    "include traversal": "include",
    "alias bomb": None,
    "deep nesting": None,
}
# The only diagnostics about no key: the file is not a deck's YAML at all.
KEYLESS = {
    "yaml.syntax",
    "yaml.not_mapping",
    "yaml.empty",
    "yaml.several_documents",
    "yaml.encoding",
    "yaml.binary",
    "yaml.too_many_nodes",
    "yaml.too_deep",
}


def test_every_case_of_the_corpus_says_which_key_it_is_about() -> None:
    assert set(KEYS) == {case[0] for case in CASES}


@pytest.mark.parametrize(
    ("content", "code", "key"),
    [pytest.param(case[1], case[2], KEYS.get(case[0]), id=case[0]) for case in CASES],
)
@pytest.mark.parametrize("lang", LANGS)
def test_every_message_of_the_corpus_names_its_key(
    cli: Callable[..., CliResult],
    write_deck: Callable[..., Path],
    content: str | bytes,
    code: str,
    key: str | None,
    lang: Lang,
) -> None:
    path = write_deck(content)
    _, out, _ = cli("validate", "--lang", lang, "--format", "json", str(path))
    diagnostics = json.loads(out)["decks"][0]["diagnostics"]
    assert next(d["key"] for d in diagnostics if d["code"] == code) == (key or ""), diagnostics
    _, _, err = cli("validate", "--lang", lang, str(path))
    for found in diagnostics:
        if not found["key"]:
            assert found["code"] in KEYLESS, found
            continue
        # The key and where it is: a reader fixes it without counting columns.
        assert all(part in found["message"] for part in found["key"].split(".")), found
        where = f"{found['file']}:{found['line']}:{found['col']}: "
        assert any(
            line.startswith(where) and line.endswith(found["message"]) for line in err.splitlines()
        ), err


@pytest.mark.parametrize(
    ("content", "code", "line", "col", "words"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_bad_deck_is_reported_with_position_and_advice(
    cli: Callable[..., CliResult],
    write_deck: Callable[..., Path],
    content: str | bytes,
    code: str,
    line: int,
    col: int,
    words: str,
) -> None:
    path = write_deck(content)
    exit_code, out, err = cli("validate", str(path))
    assert exit_code == 1
    assert "Traceback" not in out + err
    assert str(path) in err
    exit_code, out, _ = cli("validate", "--format", "json", str(path))
    report = json.loads(out)
    diagnostics = report["decks"][0]["diagnostics"]
    codes = [d["code"] for d in diagnostics]
    assert code in codes, diagnostics
    found = diagnostics[codes.index(code)]
    if line:
        assert found["line"] == line, found
        if col:
            assert found["col"] == col, found
        assert f"{path}:{found['line']}:{found['col']}" in err
    assert words in found["message"], found["message"]


def test_at_least_25_kinds_of_bad_deck_are_covered() -> None:
    assert len({case[2] for case in CASES}) >= 25


def test_all_errors_of_a_deck_are_reported_at_once(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path]
) -> None:
    broken = (
        VALID.replace("start: 5", "start: 50")
        .replace("set: [alerte]", "set: [alert]")
        .replace('requires: "not alerte"', 'requires: "moral > 1"')
    )
    path = write_deck(broken)
    code, out, _ = cli("validate", "--format", "json", str(path))
    assert code == 1
    codes = [d["code"] for d in json.loads(out)["decks"][0]["diagnostics"]]
    assert codes == ["indicator.start", "expr.unknown_name", "ref.unknown"]


def test_a_misspelt_card_type_is_said_once_and_the_deck_s_other_errors_still_are(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path]
) -> None:
    broken = (
        VALID.replace("start: 5", "start: 50")  # an error elsewhere in the deck
        # the misspelt card: its own keys are still checked (the condition names "moral")
        .replace("type: event\n", 'type: evenement\n    weight: 2\n    when: "moral > 1"\n')
        # other cards refer to it as an event: no follow-on error about its kind
        .replace('requires: "not alerte"', "requires: \"not alerte and drawn('pluie')\"")
        .replace("effects: {set: [alerte]}", "effects: {set: [alerte], trigger: [pluie]}")
    )
    path = write_deck(broken)
    code, out, _ = cli("validate", "--format", "json", str(path))
    assert code == 1
    found = {d["code"]: d for d in json.loads(out)["decks"][0]["diagnostics"]}
    assert list(found) == ["indicator.start", "choice", "expr.unknown_name"]
    assert found["choice"]["key"] == "type"
    assert (found["choice"]["line"], found["choice"]["col"]) == (11, 11)
    assert _spaced(found["choice"]["message"]) == (
        "type : valeur « evenement » inconnue ; vouliez-vous dire « event » ?"
    )
    assert found["expr.unknown_name"]["key"] == "when"
    assert found["expr.unknown_name"]["line"] == 13
    _, _, err = cli("validate", "--lang", "en", str(path))
    assert f"{path}:11:11: error: type: unknown value 'evenement'; did you mean 'event'?" in err
    assert "invalid (3 errors)" in err


def test_messages_are_available_in_english(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path]
) -> None:
    path = write_deck(replace("set: [alerte]", "set: [alert]"))
    code, _, err = cli("validate", "--lang", "en", str(path))
    assert code == 1
    assert "unknown flag 'alert'; did you mean 'alerte'?" in err


def _messages(text: str) -> dict[Lang, str]:
    """The first diagnostic of a broken deck, in each language."""
    with pytest.raises(DeckError) as caught:
        load_deck_text(text)
    return {lang: caught.value.diagnostics[0].message(lang) for lang in LANGS}


def test_an_unknown_effect_key_lists_the_reserved_keys_of_the_registry() -> None:
    messages = _messages(replace("effects: {confiance: -1}", "effects: {moral: -1}"))
    reserved = ", ".join(RESERVED_EFFECT_KEYS)
    for lang, message in messages.items():
        assert reserved in message
        template = Texts("deck").template(lang, "effects.unknown_key")
        assert not set(re.findall(r"\w+", template)) & set(RESERVED_EFFECT_KEYS), template


def test_a_key_for_other_card_kinds_names_the_kinds_in_the_reader_s_language() -> None:
    messages = _messages(replace("type: event\n", "type: event\n    cost: {confiance: 1}\n"))
    for lang, message in messages.items():
        assert kind_label(lang, "event") in message and kind_label(lang, "decision") in message
    assert "event" not in messages["fr"] and "decision" not in messages["fr"]


def test_include_outside_the_deck_folder_through_a_link_is_refused(
    cli: Callable[..., CliResult], tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "cards.yaml").write_text("cards: []\n", encoding="utf-8")
    folder = tmp_path / "deck"
    folder.mkdir()
    os.symlink(outside, folder / "cartes")
    deck = folder / "deck.yaml"
    deck.write_text(
        replace("format: 1\n", "format: 1\ninclude: ['cartes/*.yaml']\n"), encoding="utf-8"
    )
    code, _, err = cli("validate", str(deck))
    assert code == 1
    assert "hors du dossier du deck" in err


def test_file_over_the_size_limit_is_refused(cli: Callable[..., CliResult], tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with open(path, "wb") as file:
        file.write(VALID.encode())
        file.write(b"# " + b"x" * MAX_BYTES + b"\n")
    code, _, err = cli("validate", str(path))
    assert code == 1
    assert "trop gros" in err


def test_missing_file_says_what_decks_exist(cli: Callable[..., CliResult]) -> None:
    code, _, err = cli("validate", "pas-un-deck.yaml")
    assert code == 1
    assert "pas-un-deck.yaml" in err
    assert "introuvable" in err


# Limits past which a deck is refused whole. The real ones (100,000 cards, 1,000
# included files, 64 MB) are lowered here so that a few files cross them.


def _spaced(text: str) -> str:
    """`text` with the no-break spaces of French typography as plain spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _deck_with_card_files(folder: Path, files: int, cards: int = 2) -> Path:
    """The VALID deck including `files` files of `cards` cards each."""
    (folder / "cartes").mkdir()
    for index in range(files):
        lines = [f"  - {{id: c{index}-{n}, type: event, title: Carte}}" for n in range(cards)]
        text = "cards:\n" + "\n".join(lines) + "\n"
        (folder / "cartes" / f"{index:02}.yaml").write_text(text, encoding="utf-8")
    main = folder / "deck.yaml"
    main.write_text(replace("format: 1\n", "format: 1\ninclude: ['cartes/*.yaml']\n"), "utf-8")
    return main


def test_more_cards_than_a_deck_holds_is_said_where_the_first_one_too_many_is(
    cli: Callable[..., CliResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "MAX_CARDS", 5)
    main = _deck_with_card_files(tmp_path, files=2)  # 2 cards in the deck, 2 in each file
    code, _, err = cli("validate", str(main))
    err = _spaced(err)
    assert code == 1
    assert "trop de cartes : 6 en tout, fichiers inclus compris" in err
    assert "un deck en a au plus 5" in err
    assert f"{tmp_path / 'cartes' / '01.yaml'}:3:5:" in err  # the second card of the second file
    assert "Traceback" not in err
    code, _, err = cli("validate", "--lang", "en", str(main))
    assert "too many cards: 6 in all, included files counted; a deck has at most 5" in err


def test_a_deck_at_the_card_limit_loads(
    cli: Callable[..., CliResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "MAX_CARDS", 6)
    code, out, _ = cli("validate", str(_deck_with_card_files(tmp_path, files=2)))
    assert code == 0, out


def test_more_included_files_than_allowed_are_refused_before_reading_them(
    cli: Callable[..., CliResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(loader, "MAX_INCLUDED", 3)
    main = _deck_with_card_files(tmp_path, files=4)
    (tmp_path / "cartes" / "00.yaml").write_text("cards: [", encoding="utf-8")  # never read
    code, _, err = cli("validate", str(main))
    err = _spaced(err)
    assert code == 1
    assert "trop de fichiers inclus (4) ; un deck en inclut au plus 3" in err
    assert f"{main}:2:" in err and "YAML" not in err
    _, _, err = cli("validate", "--lang", "en", str(main))
    assert "too many included files (4); a deck includes at most 3" in err


def test_files_too_large_together_are_refused(
    cli: Callable[..., CliResult], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    main = _deck_with_card_files(tmp_path, files=3, cards=10)
    monkeypatch.setattr(loader, "MAX_BYTES", main.stat().st_size + 600)  # the first file fits
    code, _, err = cli("validate", str(main))
    err = _spaced(err)
    assert code == 1
    assert "fichiers du deck trop gros ensemble" in err
    assert f"un deck fait au plus {main.stat().st_size + 600} octets" in err
    _, _, err = cli("validate", "--lang", "en", str(main))
    assert "the deck's files are too large together" in err


def test_a_large_deck_without_aliases_is_not_taken_for_an_alias_bomb(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(yamlload, "MAX_ALIASED", 10)  # VALID has more than 10 nodes, no alias
    assert len(load_deck_text(VALID).cards) == 2
    bomb = replace("flags: [alerte]", "flags: &f [alerte]\nx: [*f, *f, *f, *f, *f, *f]")
    assert _messages(bomb)["fr"].startswith("trop d’éléments une fois les alias développés")
