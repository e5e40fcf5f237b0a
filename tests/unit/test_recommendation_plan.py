"""Recommendations as an improvement plan (issue 16): one lead, a category and a way to tell
the action is done, in the deck format and the debrief; each phase's plan with what to keep
and the late responses no recommendation speaks of."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import jsonschema
import pytest

from scenarios.debrief import load_trace, session_markdown, session_report
from scenarios.debrief.json_report import session_data
from scenarios.debrief.json_schema import REPORT_SCHEMA
from scenarios.deck import DeckError, load_deck, load_deck_text, resolve_deck
from scenarios.deck.lint import lint
from scenarios.engine import Action, Answer, Choose, Cover, Draw, EndRound, Inject, Pass, Play
from scenarios.i18n import french_typography
from scenarios.journal import Session
from scenarios.sim import simulate
from tests.conftest import TEST_DECKS

PLANNED = """\
    lead: "Maire"
    actor: "Service informatique, DGS"
    category: planification
    indicator: "Annuaire testé par un appel de chaque numéro"
"""


def debrief_deck(tmp_path: Path, rule: str) -> Path:
    """The debrief test deck with its « pcs » recommendation given `rule`'s keys."""
    text = (TEST_DECKS / "debrief.yaml").read_text(encoding="utf-8")
    old = 'actor: "Maire", deadline: "Chaque année"}'
    assert old in text
    path = tmp_path / "debrief.yaml"
    path.write_text(text.replace(old, f'deadline: "Chaque année", {rule}}}'), encoding="utf-8")
    return path


def with_recommendation(keys: str) -> str:
    text = (TEST_DECKS / "debrief.yaml").read_text(encoding="utf-8")
    return text.replace('actor: "Maire", deadline: "Chaque année"}', keys + "}")


# The format ---------------------------------------------------------------------


def test_lead_category_and_indicator_are_read_into_the_recommendation() -> None:
    deck = load_deck_text(
        with_recommendation(
            'lead: "Maire", actor: "DGS", category: exercice, indicator: "Exercice joué"'
        )
    )
    rule = next(r for r in deck.recommendations if r.id == "pcs")
    assert (rule.lead, rule.actor, rule.category, rule.indicator) == (
        "Maire",
        "DGS",
        "exercice",
        "Exercice joué",
    )
    assert "lint.recommendation_leads" not in [d.code for d in lint(deck)]


def test_a_misspelt_category_is_refused_at_its_place_with_the_right_word() -> None:
    with pytest.raises(DeckError) as caught:
        load_deck_text(with_recommendation('lead: "Maire", category: equipment'))
    [error] = caught.value.diagnostics
    assert error.position.line > 0 and error.position.col > 0
    assert "category" in error.message("fr")
    assert french_typography("« equipement »") in error.message("fr")


@pytest.mark.parametrize(
    ("keys", "key", "first"),
    [
        ('actor: "Maire, avec le DGS et la police municipale"', "actor", "Maire"),
        ('actor: "Préfet ; maires"', "actor", "Préfet"),
        ('actor: "ARS / SAMU"', "actor", "ARS"),
        ('lead: "Maire et préfet", actor: "DGS"', "lead", "Maire"),
    ],
)
def test_several_leads_are_told_with_a_hint_to_keep_one(keys: str, key: str, first: str) -> None:
    deck = load_deck_text(with_recommendation(keys))
    [warning] = [d for d in lint(deck) if d.code == "lint.recommendation_leads"]
    text = deck.files[0].text
    at = text.index(keys)  # where the key is written
    line, column = text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)
    assert (warning.position.line, warning.position.col) == (line, column)
    assert warning.about == key
    message = warning.message("fr")
    assert french_typography(f"« {first} »") in message and "lead" in message
    assert "actor" in message and f"'{first}'" in warning.message("en")


@pytest.mark.parametrize(
    "keys",
    [
        'actor: "Maire"',
        'lead: "Maire", actor: "DGS, police municipale et associations"',
        'actor: "Préfecture (SIDPC et communication)"',
    ],
)
def test_one_lead_is_not_a_warning(keys: str) -> None:
    deck = load_deck_text(with_recommendation(keys))
    assert "lint.recommendation_leads" not in [d.code for d in lint(deck)]


def test_every_recommendation_of_the_bundled_game_decks_has_one_lead_a_category_and_an_indicator() -> (
    None
):
    for name in ("inondation", "cyberattaque", "incendie-industriel", "numerique-agi",
                 "panne-electrique"):  # fmt: skip
        deck = load_deck(resolve_deck(name))
        for rule in deck.recommendations:
            assert rule.lead and rule.category and rule.indicator, (name, rule.id)
        assert "lint.recommendation_leads" not in [d.code for d in lint(deck)], name


# The debrief ------------------------------------------------------------------------


def journal(path: Path, deck_path: Path, actions: Sequence[Action]) -> Path:
    with Session.start(load_deck(deck_path), 1, path, fsync=False) as session:
        for action in actions:
            session.apply(action)
    return path


def quiet_round(*extra: Action) -> list[Action]:
    return [Draw(), *extra, Pass("prefecture"), Pass("commune"), EndRound()]


def late_game() -> list[Action]:
    """Avant: the PCS is not updated. Pendant: a rumour at turn 3, denied at turn 5."""
    actions: list[Action] = [*quiet_round(), *quiet_round()]
    actions += [Inject("rumeur"), *quiet_round()]
    actions += quiet_round()
    actions += [Draw(), Play("prefecture", "dementir"), Pass("commune"), EndRound()]
    actions += quiet_round()
    return actions


def test_the_debrief_shows_each_recommendations_lead_partners_category_and_indicator(
    tmp_path: Path,
) -> None:
    deck_path = debrief_deck(tmp_path, PLANNED.strip().replace("\n   ", ","))
    report = session_report(load_trace(journal(tmp_path / "j.jsonl", deck_path, late_game())))
    text = session_markdown(report)
    line = next(line for line in text.splitlines() if "**Tenir le PCS à jour**" in line)
    for words in (
        "pilote : Maire",
        "partenaires : Service informatique, DGS",
        "catégorie : planification",
        "échéance : Chaque année",
        "fait quand : Annuaire testé par un appel de chaque numéro",
    ):
        assert french_typography(words) in line, line
    kit = text[text.index("## Le kit") :]
    assert "| Action | Pilote | Partenaires | Catégorie | Échéance | Fait quand |" in kit
    assert (
        "| Tenir le PCS à jour | Maire | Service informatique, DGS | planification | Chaque année "
        "| Annuaire testé par un appel de chaque numéro |"
    ) in kit
    english = session_markdown(report, "en")
    assert "lead: Maire" in english and "category: planning" in english
    assert "| Action | Lead | Partners | Category | Deadline | Done when |" in english
    data = session_data(report)
    jsonschema.validate(data, REPORT_SCHEMA)
    [hit] = [h for h in data["phases"][0]["recommendations"] if h["id"] == "pcs"]
    assert (hit["lead"], hit["actor"], hit["category"], hit["indicator"]) == (
        "Maire",
        "Service informatique, DGS",
        "planification",
        "Annuaire testé par un appel de chaque numéro",
    )
    assert hit["category_title"] == "planification"
    assert json.loads(json.dumps(data))["phases"][1]["improve"]


def test_a_phase_with_a_late_response_gets_a_recommendation_never_rien_de_notable(
    tmp_path: Path,
) -> None:
    deck_path = debrief_deck(tmp_path, 'actor: "Maire"')
    report = session_report(load_trace(journal(tmp_path / "j.jsonl", deck_path, late_game())))
    pendant = report.phases[1]
    assert [g.status for g in report.gaps] == ["late"]
    assert not pendant.recommendations  # the deck's rule « not played('dementir') » holds not
    [derived] = pendant.improve
    assert derived.kind == "improve_late" and derived.params["role"] == "prefecture"
    text = session_markdown(report)
    section = text[text.index("## Pendant") : text.index("## Après")]
    plan = section[section.index("### Recommandations") :]
    assert "Rien de notable" not in plan.split("###")[1]
    assert (
        french_typography(
            "Répondre plus tôt à « Rumeur » : la réponse (« Démentir ») est venue 2 tours plus tard"
        )
        in plan
    )
    assert french_typography("pilote : Préfecture") in plan
    kit = text[text.index("## Le kit") :]
    pendant_kit = kit[kit.index("### Pendant") : kit.index("### Après")]
    assert "Rien de notable" not in pendant_kit
    assert french_typography("Répondre plus tôt à « Rumeur »") in pendant_kit


def test_a_recommendation_of_the_deck_that_speaks_of_the_late_event_is_not_said_twice(
    tmp_path: Path,
) -> None:
    deck_path = debrief_deck(tmp_path, 'actor: "Maire"')
    text = deck_path.read_text(encoding="utf-8").replace(
        "when: \"not played('dementir')\"", "when: \"drawn('rumeur')\""
    )
    deck_path.write_text(text, encoding="utf-8")
    report = session_report(load_trace(journal(tmp_path / "j.jsonl", deck_path, late_game())))
    assert [h.id for h in report.phases[1].recommendations] == ["dementir-vite"]
    assert report.phases[1].improve == ()


@pytest.fixture(scope="module")
def well_played(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("greedy")
    deck = load_deck(resolve_deck("inondation"))
    simulate(deck, 3, 5, "greedy", journals=folder)
    return sorted(folder.glob("*.jsonl"))


def test_a_well_played_game_gets_strengths_to_keep_in_every_phase_of_its_kit(
    well_played: list[Path],
) -> None:
    for path in well_played:
        report = session_report(load_trace(path))
        assert report.outcome == "victory", path
        for phase in report.phases:
            assert phase.keep, (path.name, phase.id)
        text = session_markdown(report)
        kit = text[text.index("## Le kit") :]
        sections = kit.split("\n### ")[1:]
        assert len(sections) == len(report.phases)
        for section in sections:
            assert "**À conserver**" in section, section[:80]
            assert "Rien de notable" not in section
        data = session_data(report, "en")
        jsonschema.validate(data, REPORT_SCHEMA)
        assert all(phase["keep"] for phase in data["phases"])
        assert all(f["message"] for phase in data["phases"] for f in phase["keep"])


def test_a_decision_to_keep_was_played_in_its_phase_and_moved_the_right_way(
    well_played: list[Path],
) -> None:
    for path in well_played:
        trace = load_trace(path)
        deck = trace.deck
        played = {
            (step.before.phase, step.action.card, None)
            for step in trace.done()
            if isinstance(step.action, Play)
        } | {
            (step.before.phase, step.action.card, step.action.option)
            for step in trace.done()
            if isinstance(step.action, Choose)
        }
        report = session_report(trace)
        for phase in report.phases:
            for finding in phase.keep:
                if finding.kind != "keep_decision":
                    continue
                card, indicator = finding.params["card"], finding.params["indicator"]
                assert (phase.id, card, finding.params["option"]) in played
                good = deck.indicators[deck.indicator_index[str(indicator)]].good
                delta = finding.params["delta"]
                assert isinstance(delta, int) and (delta > 0) == (good == "high")
                assert all(e.phase == phase.id for e in finding.evidence)


def test_a_discussion_keeps_the_expected_points_the_table_covered(tmp_path: Path) -> None:
    deck = load_deck(TEST_DECKS / "discussion.yaml")
    question = deck.card("q-priorites")
    actions: list[Action] = [*quiet_round_discussion()]
    actions += quiet_round_discussion(
        Answer("q-priorites", "Le préfet, par radio", "prefecture"),
        Cover("q-priorites", 0),
    )
    actions += quiet_round_discussion()
    path = tmp_path / "d.jsonl"
    with Session.start(deck, 1, path, fsync=False) as session:
        for action in actions:
            session.apply(action)
    report = session_report(load_trace(path))
    kept = [(phase.id, f.kind, f.params["point"]) for phase in report.phases for f in phase.keep]
    assert kept == [("pendant", "keep_point", question.expected[0])]
    text = session_markdown(report)
    kit = text[text.index("## Le kit") :]
    assert "**À conserver**" in kit and question.expected[0].split()[0] in kit
    for word in ("retard", "manqu", "tardi", "sans réponse"):
        assert word not in kit.lower()
    jsonschema.validate(session_data(report), REPORT_SCHEMA)


def quiet_round_discussion(*words: Action) -> list[Action]:
    return [Draw(), *words, Pass("mairie"), Pass("prefecture"), EndRound()]


def test_the_workshop_kit_gives_each_recommendation_its_lead_category_and_indicator(
    tmp_path: Path,
) -> None:
    from openpyxl import load_workbook

    from scenarios.workshop.report import tables_report
    from scenarios.workshop.report_output import workshop_data, workshop_markdown, workshop_xlsx
    from scenarios.workshop.report_schema import WORKSHOP_SCHEMA

    deck_path = debrief_deck(tmp_path, PLANNED.strip().replace("\n   ", ","))
    traces = [
        load_trace(journal(tmp_path / f"{name}.jsonl", deck_path, late_game()))
        for name in ("a", "b")
    ]
    report = tables_report("w", "Débriefing", ["A", "B"], traces)
    text = workshop_markdown(report, "fr")
    line = next(line for line in text.splitlines() if "Tenir le PCS à jour" in line)
    for words in ("pilote : Maire", "partenaires : Service informatique, DGS",
                  "catégorie : planification", "fait quand : Annuaire testé"):  # fmt: skip
        assert french_typography(words) in line, line
    data = workshop_data(report, "en")
    jsonschema.validate(data, WORKSHOP_SCHEMA)
    [kit] = [k for k in data["kit"] if k["title"] == "Tenir le PCS à jour"]
    assert (kit["lead"], kit["category"], kit["indicator"]) == (
        "Maire",
        "planification",
        "Annuaire testé par un appel de chaque numéro",
    )
    (tmp_path / "w.xlsx").write_bytes(workshop_xlsx(report, "fr"))
    book = load_workbook(tmp_path / "w.xlsx")
    rows = [
        [cell.value for cell in row]
        for ws in book.worksheets
        for row in ws.iter_rows()
        if any(cell.value == "Tenir le PCS à jour" for cell in row)
    ]
    assert rows
    assert rows[0][2:7] == [
        "Maire",
        "Service informatique, DGS",
        "planification",
        "Chaque année",
        "Annuaire testé par un appel de chaque numéro",
    ]
