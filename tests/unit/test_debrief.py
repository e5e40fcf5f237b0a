"""The debrief of hand-built sessions whose findings are known in advance."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import jsonschema
import pytest

from scenarios.debrief import load_trace, session_markdown, session_report
from scenarios.debrief.json_report import session_data
from scenarios.debrief.json_schema import REPORT_SCHEMA
from scenarios.deck import Deck, load_deck
from scenarios.engine import Action, Draw, EndRound, Inject, Note, Pass, Play, Undo
from scenarios.i18n import french_typography
from scenarios.journal import Session
from tests.conftest import TEST_DECKS

DECK = TEST_DECKS / "debrief.yaml"


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck(DECK)


def journal(deck: Deck, path: Path, actions: Sequence[Action]) -> Path:
    with Session.start(deck, 1, path, fsync=False) as session:
        for action in actions:
            session.apply(action)
    return path


def quiet_round(*extra: Action) -> list[Action]:
    return [Draw(), *extra, Pass("prefecture"), Pass("commune"), EndRound()]


def game(deck: Deck, path: Path) -> Path:
    """Avant: nobody updates the PCS. Pendant: a rumour at turn 3, denied at turn 5."""
    actions: list[Action] = []
    actions += quiet_round()                                          # seq 1-4, turn 1
    actions += quiet_round()                                          # seq 5-8, turn 2
    actions += [Inject("rumeur"), Draw(), Pass("prefecture"),         # seq 9-11, turn 3
                Pass("commune"), EndRound()]                          # seq 12-13
    actions += quiet_round()                                          # seq 14-17, turn 4
    actions += [Draw(), Play("prefecture", "dementir", "Répondre vite aux rumeurs"),
                Note("La préfecture s'est décidée"), Pass("commune"), EndRound()]  # 18-22, turn 5
    actions += quiet_round()                                          # seq 23-26, turn 6
    return journal(deck, path, actions)


def test_a_rule_fires_with_the_moments_that_make_it_true(deck: Deck, tmp_path: Path) -> None:
    report = session_report(load_trace(game(deck, tmp_path / "j.jsonl")))
    avant = report.phases[0]
    [hit] = avant.recommendations
    assert hit.id == "pcs" and hit.priority == "high" and hit.actor == "Maire"
    moments = [(e.what, e.card, e.seq, e.phase, e.round) for e in hit.evidence]
    assert moments == [
        ("playable", "mettre-a-jour-pcs", 3, "avant", 1),
        ("playable", "mettre-a-jour-pcs", 7, "avant", 2),
    ]
    text = session_markdown(report)
    assert french_typography(
        "« Mettre à jour le PCS » jamais jouée, alors que jouable en « Avant », tours 1–2 (n° 3, 7)"
    ) in text


def test_a_rule_that_does_not_hold_does_not_fire(deck: Deck, tmp_path: Path) -> None:
    report = session_report(load_trace(game(deck, tmp_path / "j.jsonl")))
    fired = {hit.id for hit in report.recommendations}
    assert "dementir-vite" not in fired
    assert fired == {"pcs", "pcs-drapeau"}


def test_a_flag_rule_points_at_the_card_that_would_have_set_it(deck: Deck, tmp_path: Path) -> None:
    report = session_report(load_trace(game(deck, tmp_path / "j.jsonl")))
    [hit] = report.phases[2].recommendations
    assert [(e.what, e.indicator, e.value) for e in hit.evidence[:1]] == [("flag", "pcs_a_jour", 0)]
    assert {e.card for e in hit.evidence[1:]} == {"mettre-a-jour-pcs"}


def test_a_late_answer_is_counted_in_rounds(deck: Deck, tmp_path: Path) -> None:
    report = session_report(load_trace(game(deck, tmp_path / "j.jsonl")))
    [gap] = report.gaps
    assert (gap.event, gap.turn, gap.answer, gap.answer_seq, gap.delay, gap.status) == (
        "rumeur", 3, "dementir", 19, 2, "late")
    pendant = report.phases[1]
    late = [f for f in pendant.improvements if f.kind == "response_late"]
    assert len(late) == 1 and late[0].params["delay"] == 2
    assert [e.seq for e in late[0].evidence] == [9, 19]


def test_an_answer_in_the_same_round_is_a_strength(deck: Deck, tmp_path: Path) -> None:
    actions: list[Action] = [*quiet_round(), *quiet_round(),
                             Inject("rumeur"), Draw(), Play("prefecture", "dementir"),
                             Pass("commune"), EndRound()]
    report = session_report(load_trace(journal(deck, tmp_path / "j.jsonl", actions)))
    [gap] = report.gaps
    assert (gap.status, gap.delay) == ("timely", 0)
    assert [f.kind for f in report.phases[1].strengths] == ["response_timely"]


def test_a_missing_answer_is_an_axe_d_amelioration(deck: Deck, tmp_path: Path) -> None:
    actions: list[Action] = [*quiet_round(), *quiet_round(), Inject("rumeur"), *quiet_round()]
    report = session_report(load_trace(journal(deck, tmp_path / "j.jsonl", actions)))
    assert [g.status for g in report.gaps] == ["missing"]
    assert "response_missing" in [f.kind for f in report.phases[1].improvements]


def test_a_drop_is_attributed_to_the_card_that_caused_it(deck: Deck, tmp_path: Path) -> None:
    report = session_report(load_trace(game(deck, tmp_path / "j.jsonl")))
    pendant = report.phases[1]
    confiance = next(m for m in pendant.moves if m.indicator == "confiance")
    assert (confiance.start, confiance.end) == (6, 5)
    assert [(c.card, c.delta, c.seqs) for c in confiance.drops] == [("rumeur", -2, (9,))]
    assert [(c.card, c.delta) for c in confiance.rises] == [("dementir", 1)]
    worse = [f for f in pendant.improvements if f.kind == "indicator_worse"]
    assert [(f.params["card"], f.params["delta"]) for f in worse] == [("rumeur", -2)]


def test_the_tables_rationale_is_quoted_next_to_its_decision(deck: Deck, tmp_path: Path) -> None:
    report = session_report(load_trace(game(deck, tmp_path / "j.jsonl")))
    pendant = report.phases[1]
    assert [(q.kind, q.seq, q.role, q.card, q.text) for q in pendant.quotes] == [
        ("rationale", 19, "prefecture", "dementir", "Répondre vite aux rumeurs"),
    ]
    # The facilitator's note is not the table's words: it is in the phase's timeline.
    notes = [(m.seq, m.text) for m in pendant.timeline if m.kind == "note"]
    assert notes == [(20, "La préfecture s'est décidée")]
    text = session_markdown(report)
    assert "Répondre vite aux rumeurs" in text and "Préfecture, en jouant" in text
    words = text.split("### Les mots de la table")[1].split("###")[0]
    assert "La préfecture s'est décidée" not in words
    assert french_typography("Note de l’animateur : « La préfecture s'est décidée »") in text


def test_undone_actions_do_not_count(deck: Deck, tmp_path: Path) -> None:
    actions: list[Action] = [Draw(), Pass("prefecture"), Play("commune", "mettre-a-jour-pcs"),
                             Undo(), Pass("commune"), EndRound(), *quiet_round()]
    report = session_report(load_trace(journal(deck, tmp_path / "j.jsonl", actions)))
    assert "pcs" in {hit.id for hit in report.recommendations}
    assert next(r for r in report.roles if r.role == "commune").plays == 0


def test_roles_that_never_act_are_reported(deck: Deck, tmp_path: Path) -> None:
    report = session_report(load_trace(game(deck, tmp_path / "j.jsonl")))
    kinds = {(f.kind, f.params.get("role")) for f in report.general}
    assert ("role_idle", "commune") in kinds
    assert ("cards_unused", None) in kinds


def test_the_json_follows_its_schema_and_speaks_english_too(deck: Deck, tmp_path: Path) -> None:
    report = session_report(load_trace(game(deck, tmp_path / "j.jsonl")))
    for lang in ("fr", "en"):
        data = session_data(report, lang)  # type: ignore[arg-type]
        jsonschema.validate(data, REPORT_SCHEMA)
    english = session_markdown(report, "en")
    assert "Areas for improvement" in english and "'Rumeur' was only answered" in english


def test_the_tables_reasons_for_a_dilemmas_option_are_quoted(tmp_path: Path) -> None:
    from scenarios.deck import resolve_deck
    from scenarios.engine import Choose, available_options, legal_actions

    bundled = load_deck(resolve_deck(None))
    path = tmp_path / "j.jsonl"
    with Session.start(bundled, 3, path, fsync=False) as session:
        while not session.state.pending:
            session.apply(legal_actions(session.state)[-1])
        card = bundled.card(session.state.pending[0])
        option = available_options(session.state, card)[0]
        session.apply(Choose(card.id, option.id, "Protéger d’abord les vulnérables"))
    report = session_report(load_trace(path))
    [quote] = [q for phase in report.phases for q in phase.quotes]
    assert (quote.card, quote.option, quote.text) == (
        card.id, option.id, "Protéger d’abord les vulnérables"
    )
    text = session_markdown(report)
    assert french_typography(f"La table, en choisissant « {option.title} »") in text
