"""`scenarios export` and `scenarios import` as a trainer uses them: a deck as a workbook
(XLSX, or a folder of `;` CSV files) and back, with errors told at the cell."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from openpyxl import load_workbook

from scenarios.deck import Deck, bundled_decks, load_deck, resolve_deck
from scenarios.deck.format import CARD
from scenarios.deck.sheets import DECK_ROWS, SHEET_INDEX, SHEETS
from scenarios.i18n import LANGS
from scenarios.journal import read_journal
from tests.conftest import CRUE, CliResult, spaced
from tests.unit.test_deck_discussion import ISSUE

Cli = Callable[..., CliResult]
BUNDLED = [deck.id for deck in bundled_decks()]


def final_hashes(journals: Path) -> dict[str, str]:
    """The state hash each journal of the folder recorded on its last line, by file name."""
    hashes = {}
    for path in sorted(journals.glob("*.jsonl")):
        content = read_journal(path)
        assert content.damage is None and content.entries
        hashes[path.name] = content.entries[-1].hash
    return hashes


def same_deck(deck: Deck) -> Deck:
    return attrs.evolve(deck, sha256="")


def round_trip(cli: Cli, deck_id: str, tmp_path: Path, kind: str) -> Deck:
    exported = tmp_path / ("deck.xlsx" if kind == "xlsx" else "sheets")
    code, _, err = cli("export", deck_id, "--format", kind, "-o", str(exported))
    assert code == 0, err
    imported = tmp_path / "back.yaml"
    code, out, err = cli("import", str(exported), "-o", str(imported))
    assert code == 0, err
    assert "Deck écrit" in spaced(out)
    code, _, err = cli("validate", str(imported))
    assert code == 0, err
    return load_deck(imported)


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
@pytest.mark.parametrize("deck_id", BUNDLED)
def test_every_bundled_deck_comes_back_the_same_and_plays_the_same_games(
    cli: Cli, tmp_path: Path, deck_id: str, kind: str
) -> None:
    original = load_deck(resolve_deck(deck_id))
    back = round_trip(cli, deck_id, tmp_path, kind)
    assert same_deck(back) == same_deck(original)
    simulated = [
        cli("simulate", deck, "--games", "200", "--seed", "7", "--journals", str(journals))
        for deck, journals in (
            (deck_id, tmp_path / "original"),
            (str(tmp_path / "back.yaml"), tmp_path / "back"),
        )
    ]
    assert simulated[0][0] == 0 and simulated[0] == simulated[1], "the same summary"
    original_hashes = final_hashes(tmp_path / "original")
    assert len(original_hashes) == 200
    assert final_hashes(tmp_path / "back") == original_hashes, "the same final state hashes"


EVERY_KIND_OF_VALUE = """\
format: 1
id: edge
title: "=Edge: deck"
authors: ["Jean, CNRS", "Marie"]
sources: ["Un livre", {title: Site, url: "https://x.org/a;b", date: "2024-01-02", note: "n"}]
roles: [{id: a, title: A}, {id: b, title: B}]
indicators:
  - {id: moral, title: Moral, start: 5, good: low, min: -3}
flags: [crue, {id: alerte, title: "Alerte donnée"}]
observation_tags: [tempo, {id: com, title: Communication, text: "x"}]
cards:
  - id: e1
    type: event
    title: "2024"
    text: "  indented first\\nline two\\n\\ntrailing "
    weight: 1.5
    when: "moral > 2 and not crue"
    effects: {moral: "-1 if crue else 2", set: [crue], trigger: [{card: d1, in: 2}, e2], give: {a: [k1]}}
    lasting: {rounds: 2, effects: {moral: -1}}
  - id: e2
    type: event
    title: E2
    once: true
    phases: [pendant]
    effects: {end: fin}
  - id: d1
    type: dilemma
    title: D1
    options:
      - {id: o1, title: "Oui: vraiment", effects: {moral: 1}, requires: "moral > 0", lasting: {rounds: 1, effects: {unset: [crue]}}, facilitator: "note"}
      - {id: o2, title: Non}
  - id: k1
    type: decision
    title: K1
    roles: [a]
    cost: {moral: 1}
    requires: "True"
    counters: [e1]
    once: false
    tags: [x, y]
endings:
  - {id: fin, title: Fin, outcome: defeat}
recommendations:
  - {id: r1, phase: apres, when: "moral < 2", title: R, priority: high, actor: "Maire; adjoint", deadline: "J+1"}
"""


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_every_kind_of_value_comes_back_the_same(
    cli: Cli, tmp_path: Path, write_deck: Callable[..., Path], kind: str
) -> None:
    """Short and full flags and sources, delayed triggers, gifts, lasting effects, options,
    expressions as amounts, texts with spaces and blank lines, a title that looks like a
    number or a formula, default phases."""
    deck_file = write_deck(EVERY_KIND_OF_VALUE, "edge.yaml")
    back = round_trip(cli, str(deck_file), tmp_path, kind)
    assert same_deck(back) == same_deck(load_deck(deck_file))


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_discussion_exercise_comes_back_the_same(
    cli: Cli, tmp_path: Path, write_deck: Callable[..., Path], kind: str
) -> None:
    """Its style, variables, handouts, schedule and questionnaire are sheets or rows, and a
    question's roles asked, expected points and handout are columns."""
    deck_file = write_deck(ISSUE, "panne.yaml")
    back = round_trip(cli, str(deck_file), tmp_path, kind)
    assert same_deck(back) == same_deck(load_deck(deck_file))
    assert back.style == "discussion" and back.card("q-priorites").expected


def test_csv_is_one_semicolon_file_per_sheet_with_a_bom_and_french_headers(
    cli: Cli, tmp_path: Path
) -> None:
    folder = tmp_path / "kit"
    assert cli("export", str(CRUE), "--format", "csv", "-o", str(folder))[0] == 0
    names = {path.name for path in folder.iterdir()}
    assert {"deck.csv", "cartes.csv", "options.csv", "indicateurs.csv", "rôles.csv"} <= names
    data = (folder / "cartes.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    header = data.decode("utf-8-sig").splitlines()[0]
    assert header.startswith("id;type;phases;rôles;titre;texte;note animateur;poids;condition")


def test_headers_in_english_with_lang_en(cli: Cli, tmp_path: Path) -> None:
    book = tmp_path / "deck.xlsx"
    assert cli("export", str(CRUE), "-o", str(book), "--lang", "en")[0] == 0
    workbook = load_workbook(book)
    assert workbook.sheetnames[:6] == ["deck", "phases", "roles", "indicators", "flags", "cards"]
    assert [cell.value for cell in workbook["cards"][1]][:5] == [
        "id",
        "type",
        "phases",
        "roles",
        "title",
    ]
    # Read back whatever the language asked.
    assert cli("import", str(book), "-o", str(tmp_path / "back.yaml"))[0] == 0


def test_an_edited_workbook_imports_with_its_changes_and_nothing_else(
    cli: Cli, tmp_path: Path
) -> None:
    book = tmp_path / "deck.xlsx"
    assert cli("export", str(CRUE), "-o", str(book))[0] == 0
    workbook = load_workbook(book)
    cards = workbook["cartes"]
    header = [cell.value for cell in cards[1]]
    column = {title: index + 1 for index, title in enumerate(header)}
    cards.cell(row=2, column=column["texte"]).value = "Un texte récrit par la formatrice."
    changed_id = cards.cell(row=2, column=column["id"]).value
    new_row = cards.max_row + 1
    new_card = {
        "id": "coupure-radio",
        "type": "event",
        "titre": "Coupure radio",
        "texte": "Le relais radio tombe.",
        "effets": "confiance: -1",
    }
    for title, value in new_card.items():
        cards.cell(row=new_row, column=column[title]).value = value
    workbook.save(book)

    imported = tmp_path / "back.yaml"
    code, _, err = cli("import", str(book), "-o", str(imported))
    assert code == 0, err
    original, back = load_deck(CRUE), load_deck(imported)
    assert back.card(changed_id).text == "Un texte récrit par la formatrice."
    added = back.card("coupure-radio")
    assert (added.type, added.title, added.text) == (
        "event",
        "Coupure radio",
        "Le relais radio tombe.",
    )
    assert [(d.indicator, d.amount) for d in added.effects.deltas] == [("confiance", -1)]
    unchanged = [card for card in back.cards if card.id not in (changed_id, "coupure-radio")]
    assert unchanged == [card for card in original.cards if card.id != changed_id]
    assert attrs.evolve(back.card(changed_id), text="") == attrs.evolve(
        original.card(changed_id), text=""
    )
    assert same_deck(attrs.evolve(back, cards=original.cards)) == same_deck(original)


def test_a_hand_made_csv_folder_imports(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "mes-feuilles"
    folder.mkdir()
    sheets = {
        "deck": "champ;valeur\nformat;1\nid;atelier\ntitre;Atelier maison\n",
        "rôles": "id;titre\nmairie;Mairie\n",
        "indicateurs": "id;titre;départ;max\nconfiance;Confiance;5;10\n",
        "cartes": "id;type;titre;texte;effets\n"
        'alerte;event;Alerte;"Une alerte; puis une autre";confiance: -1\n'
        "rassurer;decision;Rassurer;;confiance: 2\n",
    }
    for name, text in sheets.items():
        (folder / f"{name}.csv").write_bytes(text.encode("utf-8-sig"))
    imported = tmp_path / "atelier.yaml"
    code, _, err = cli("import", str(folder), "-o", str(imported))
    assert code == 0, err
    deck = load_deck(imported)
    assert (deck.id, deck.title) == ("atelier", "Atelier maison")
    assert deck.card("alerte").text == "Une alerte; puis une autre"
    assert deck.indicators[0].start == 5


def edit(book: Path, sheet: str, row: int, column: str, value: object) -> None:
    """Set the cell of `column` (a header) at `row` of `sheet`."""
    workbook = load_workbook(book)
    cells = workbook[sheet]
    header = [cell.value for cell in cells[1]]
    if column not in header:
        cells.cell(row=1, column=len(header) + 1).value = column
        header.append(column)
    cells.cell(row=row, column=header.index(column) + 1).value = value
    workbook.save(book)


def empty_sheet(book: Path, sheet: str) -> None:
    workbook = load_workbook(book)
    cells = workbook[sheet]
    cells.delete_rows(1, cells.max_row)
    workbook.save(book)


def duplicate_id(book: Path) -> None:
    workbook = load_workbook(book)
    cards = workbook["cartes"]
    cards.cell(row=3, column=1).value = cards.cell(row=2, column=1).value
    workbook.save(book)


MALFORMED: dict[str, tuple[Callable[[Path], None], str, str]] = {
    "unknown column": (
        lambda book: (
            edit(book, "cartes", 1, "tittre", None) or edit(book, "cartes", 2, "tittre", "x")
        ),
        "cartes!U1",
        "colonne inconnue « tittre » ; vouliez-vous dire « titre » ?",
    ),
    "missing id": (
        lambda book: edit(book, "cartes", 4, "id", None),
        "cartes!A4",
        "clé obligatoire « id » manquante",
    ),
    "unknown indicator in an effect": (
        lambda book: edit(book, "cartes", 2, "effets", "confiancee: -1"),
        "cartes!K2",
        "effet inconnu « confiancee »",
    ),
    "duplicate ids": (duplicate_id, "cartes!A3", "défini deux fois (d’abord à cartes!A2)"),
    "empty sheet": (
        lambda book: empty_sheet(book, "indicateurs"),
        "indicateurs!A1",
        "feuille vide",
    ),
    "unreadable effects": (
        lambda book: edit(book, "cartes", 2, "effets", "confiance: [-1"),
        "cartes!K2",
        "cette cellule ne se lit pas",
    ),
    "option of an unknown card": (
        lambda book: edit(book, "options", 2, "carte", "nulle-part"),
        "options!A2",
        "carte « nulle-part » inconnue",
    ),
    "unknown indicator in a condition": (
        lambda book: edit(book, "cartes", 2, "condition", "moral > 2"),
        "cartes!I2",
        "moral",
    ),
    "bad time": (
        lambda book: edit(book, "cartes", 4, "heure", "H+0:75"),
        "cartes!Q4",
        "« H+0:75 » n’est pas une heure relative ; écrivez par exemple J+1 H+2 M+30, H+0:20, "
        "+20 min",
    ),
    "time after the last round": (
        lambda book: edit(book, "cartes", 4, "heure", "J+1"),
        "cartes!Q4",
        "« J+1 » tombe après le dernier tour (la partie finit à H+0:42)",
    ),
    "time outside the card's phases": (
        lambda book: edit(book, "cartes", 2, "heure", "+20 min"),
        "cartes!Q2",
        "« +20 min » tombe dans la phase « pendant », pas dans les phases de la carte (avant)",
    ),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_a_malformed_workbook_is_told_at_its_cell_and_writes_nothing(
    cli: Cli, tmp_path: Path, name: str
) -> None:
    book = tmp_path / "deck.xlsx"
    assert cli("export", str(CRUE), "-o", str(book))[0] == 0
    spoil, cell, message = MALFORMED[name]
    spoil(book)
    imported = tmp_path / "back.yaml"
    code, out, err = cli("import", str(book), "-o", str(imported))
    assert code == 1
    assert f"{cell} : " in spaced(err)
    assert message in spaced(err)
    assert "Traceback" not in err + out
    assert not imported.exists()


def test_a_time_pins_a_card_to_its_phase_and_round(cli: Cli, tmp_path: Path) -> None:
    """H+0:20 with 6-minute rounds is round 2 of « pendant » (after the two of « avant »);
    moved to H+0:40 with 10-minute rounds, round 3; a decision only gets its phase."""
    book = tmp_path / "deck.xlsx"
    assert cli("export", str(CRUE), "-o", str(book))[0] == 0
    edit(book, "cartes", 4, "heure", "H+0:20")  # crue: when "not inondation"
    edit(book, "cartes", 5, "heure", "J+0 H+0 M+25")  # rumeur: no condition
    edit(book, "cartes", 5, "phases", None)
    edit(book, "cartes", 9, "heure", "+7 min")  # alerter, a decision of avant and pendant
    edit(book, "cartes", 9, "phases", None)
    imported = tmp_path / "back.yaml"
    code, _, err = cli("import", str(book), "-o", str(imported))
    assert code == 0, err
    deck = load_deck(imported)
    crue, rumeur, alerter = deck.card("crue"), deck.card("rumeur"), deck.card("alerter")
    assert (crue.phases, crue.when and crue.when.source) == (
        ("pendant",),
        "round == 2 and (not inondation)",
    )
    assert (rumeur.phases, rumeur.when and rumeur.when.source) == (("pendant",), "round == 3")
    assert (alerter.phases, alerter.requires) == (
        ("avant",),
        load_deck(CRUE).card("alerter").requires,
    )
    others = [card for card in deck.cards if card.id not in ("crue", "rumeur", "alerter")]
    assert others == [
        card for card in load_deck(CRUE).cards if card.id not in ("crue", "rumeur", "alerter")
    ]

    edit(book, "cartes", 4, "heure", "H+0:40")
    code, _, err = cli("import", str(book), "-o", str(imported), "--minutes", "10")
    assert code == 0, err
    assert (
        getattr(load_deck(imported).card("crue").when, "source", None)
        == "round == 3 and (not inondation)"
    )

    # Exported again, the time is the start of its round and the condition what is left.
    again = tmp_path / "again.xlsx"
    assert cli("export", str(imported), "-o", str(again), "--minutes", "10")[0] == 0
    cards = load_workbook(again)["cartes"]
    header = [cell.value for cell in cards[1]]
    row = next(r for r in cards.iter_rows(min_row=2, values_only=True) if r[0] == "crue")
    assert (row[header.index("heure")], row[header.index("condition")]) == (
        "H+0:40",
        "not inondation",
    )


def test_export_writes_the_time_of_a_card_pinned_to_a_round(cli: Cli, tmp_path: Path) -> None:
    """In the bundled flood deck, « vigilance-orange » can only come at round 1 of « avant »."""
    book = tmp_path / "deck.xlsx"
    assert cli("export", "inondation", "-o", str(book), "--lang", "en")[0] == 0
    cards = load_workbook(book)["cards"]
    header = [cell.value for cell in cards[1]]
    rows = {r[0]: r for r in cards.iter_rows(min_row=2, values_only=True)}
    assert rows["vigilance-orange"][header.index("time")] == "H+0:00"
    assert rows["vigilance-orange"][header.index("when")] is None
    assert all(r[header.index("time")] is None for r in rows.values() if r[1] == "decision")


def hand_made_with_other_headers(tmp_path: Path) -> Path:
    folder = tmp_path / "msel"
    folder.mkdir()
    sheets = {
        "deck": "champ;valeur\nformat;1\nid;msel\ntitre;Chronogramme\n",
        "rôles": "id;titre\nmairie;Mairie\nprefet;Préfet\n",
        "indicateurs": "id;titre;départ\nconfiance;Confiance;5\n",
        "cartes": "id;type;Horaire;Destinataire;Inject;effets\n"
        "alerte;event;H+0:13;;Alerte;confiance: -1\n"
        "rassurer;decision;;prefet;Rassurer;confiance: 2\n",
    }
    for name, text in sheets.items():
        (folder / f"{name}.csv").write_bytes(text.encode("utf-8-sig"))
    return folder


def test_map_reads_a_sheet_whose_headers_differ(cli: Cli, tmp_path: Path) -> None:
    folder = hand_made_with_other_headers(tmp_path)
    imported = tmp_path / "msel.yaml"
    code, _, err = cli("import", str(folder), "-o", str(imported))
    assert code == 1
    assert "cartes!C1 : colonne inconnue « Horaire »" in spaced(err)
    assert "cartes!E1 : colonne inconnue « Inject »" in spaced(err)
    code, _, err = cli(
        "import",
        str(folder),
        "-o",
        str(imported),
        "--map",
        "Horaire=time,Destinataire=roles,Inject=titre",
    )
    assert code == 0, err
    deck = load_deck(imported)
    assert deck.card("rassurer").roles == ("prefet",)
    assert deck.card("alerte").title == "Alerte"
    # The default phases: avant (2 rounds), then pendant; 0:13 is its first round.
    assert (deck.card("alerte").phases, getattr(deck.card("alerte").when, "source", None)) == (
        ("pendant",),
        "round == 1",
    )


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ("Horaire=heur", "--map : colonne inconnue « heur » ; vouliez-vous dire « heure » ?"),
        ("Horaire=time,Destinataire", "« Destinataire » n’est pas de la forme EN-TÊTE=COLONNE"),
        ("Horair=time", "--map : aucune feuille n’a d’en-tête « Horair »"),
    ],
)
def test_a_map_to_an_unknown_column_is_a_usage_error(
    cli: Cli, tmp_path: Path, mapping: str, message: str
) -> None:
    folder = hand_made_with_other_headers(tmp_path)
    imported = tmp_path / "msel.yaml"
    code, out, err = cli("import", str(folder), "-o", str(imported), "--map", mapping)
    assert code == 2
    assert message in spaced(err)
    assert "Traceback" not in err + out
    assert not imported.exists()


def test_not_a_workbook_exits_one(cli: Cli, tmp_path: Path) -> None:
    fake = tmp_path / "deck.xlsx"
    fake.write_text("not a workbook")
    code, _, err = cli("import", str(fake), "-o", str(tmp_path / "back.yaml"))
    assert code == 1
    assert "Traceback" not in err
    code, _, err = cli("import", str(tmp_path / "missing.xlsx"), "-o", str(tmp_path / "b.yaml"))
    assert code == 1


def test_the_sheets_and_columns_come_from_the_format() -> None:
    cards = SHEET_INDEX["cards"].columns
    assert set(cards) == set(CARD.fields) - {"options"} | {"time"}
    assert [sheet.key for sheet in SHEETS] == [
        "deck",
        "phases",
        "roles",
        "indicators",
        "flags",
        "cards",
        "options",
        "endings",
        "recommendations",
        "sources",
        "observation_tags",
        "variables",
        "handouts",
        "schedule",
        "questionnaire",
        "lessons",
    ]
    from scenarios.commands.output import TEXTS

    for sheet in SHEETS:
        for lang in LANGS:
            assert TEXTS.has(f"kit.sheet.{sheet.key}", lang)
            for column in sheet.columns:
                assert TEXTS.has(f"kit.column.{column}", lang), (sheet.key, column)
    for key in DECK_ROWS:
        for lang in LANGS:
            assert TEXTS.has(f"kit.column.{key}", lang), key


DISCUSSION = Path(__file__).parent.parent / "fixtures" / "discussion.yaml"


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_discussion_deck_comes_back_and_plays_the_same_games(
    cli: Cli, tmp_path: Path, kind: str
) -> None:
    """Its questions, handouts, variables (placeholders kept), schedule and questionnaire
    come back, and simulated tables answering its questions record the same hashes."""
    back = round_trip(cli, str(DISCUSSION), tmp_path, kind)
    original = load_deck(DISCUSSION)
    assert same_deck(back) == same_deck(original)
    assert back.title == "Panne à {{commune}}"
    simulated = [
        cli("simulate", deck, "--games", "40", "--seed", "7", "--journals", str(journals))
        for deck, journals in (
            (str(DISCUSSION), tmp_path / "original"),
            (str(tmp_path / "back.yaml"), tmp_path / "back"),
        )
    ]
    assert simulated[0][0] == 0 and simulated[0] == simulated[1], "the same summary"
    original_hashes = final_hashes(tmp_path / "original")
    assert len(original_hashes) == 40
    assert final_hashes(tmp_path / "back") == original_hashes, "the same final state hashes"


def schedule_rows(book: Path) -> list[dict[str, object]]:
    sheet = load_workbook(book)["programme"]
    header = [cell.value for cell in sheet[1]]
    return [
        dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)
    ]


def test_the_schedule_sheet_gives_each_inject_its_time_and_reads_a_time_back(
    cli: Cli, tmp_path: Path, write_deck: Callable[..., Path]
) -> None:
    """The issue's deck: one phase « pendant » of three 10-minute rounds (its own minutes,
    whatever --minutes says). A row given only a time falls in the round running then."""
    book = tmp_path / "deck.xlsx"
    deck_file = write_deck(ISSUE, "panne.yaml")
    assert cli("export", str(deck_file), "-o", str(book), "--minutes", "3")[0] == 0
    assert schedule_rows(book) == [
        {"heure": "H+0:00", "phase": "pendant", "tour": 1, "carte": "coupure-generale"},
        {"heure": "H+0:10", "phase": "pendant", "tour": 2, "carte": "q-priorites"},
    ]
    edit(book, "programme", 3, "heure", "H+0:25")  # the question moves to round 3
    edit(book, "programme", 3, "phase", None)
    edit(book, "programme", 3, "tour", None)
    imported = tmp_path / "back.yaml"
    code, _, err = cli("import", str(book), "-o", str(imported))
    assert code == 0, err
    back = load_deck(imported)
    assert [(e.phase, e.round, e.card) for e in back.schedule] == [
        ("pendant", 1, "coupure-generale"),
        ("pendant", 3, "q-priorites"),
    ]
    original = load_deck(deck_file)
    assert same_deck(attrs.evolve(back, schedule=original.schedule)) == same_deck(original)


def test_a_schedule_time_that_disagrees_with_its_round_is_told_at_its_cell(
    cli: Cli, tmp_path: Path, write_deck: Callable[..., Path]
) -> None:
    book = tmp_path / "deck.xlsx"
    assert cli("export", str(write_deck(ISSUE, "panne.yaml")), "-o", str(book))[0] == 0
    edit(book, "programme", 3, "heure", "H+0:25")  # round 3, but the row still says 2
    imported = tmp_path / "back.yaml"
    code, out, err = cli("import", str(book), "-o", str(imported))
    assert code == 1
    assert (
        "programme!A3 : « H+0:25 » tombe au tour 3 de la phase « pendant », que la ligne ne "
        "dit pas (pendant, 2) ; videz la phase et le tour, ou accordez-les à l’heure"
    ) in spaced(err)
    assert "Traceback" not in out + err and not imported.exists()
    edit(book, "programme", 3, "heure", "H+0:30")  # after the last round
    code, _, err = cli("import", str(book), "-o", str(imported))
    assert code == 1
    assert (
        "programme!A3 : « H+0:30 » tombe après le dernier tour (la partie finit à H+0:30)"
        in spaced(err)
    )
