"""The cases a crisis trainer found the debrief getting wrong (issue 16), rebuilt by hand
on `tests/fixtures/cases.yaml`: each gives the right sentence now."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from scenarios.debrief import load_trace, session_markdown, session_report
from scenarios.debrief.json_report import session_data
from scenarios.debrief.model import Finding, SessionReport
from scenarios.debrief.texts import describe
from scenarios.deck import Deck, load_deck
from scenarios.engine import Action, Choose, Draw, EndRound, Inject, Pass, Play, Undo
from scenarios.i18n import french_typography
from scenarios.journal import Session
from tests.conftest import TEST_DECKS


@pytest.fixture(scope="module")
def deck() -> Deck:
    return load_deck(TEST_DECKS / "cases.yaml")


def journal(deck: Deck, path: Path, actions: Sequence[Action]) -> Path:
    with Session.start(deck, 1, path, fsync=False) as session:
        for action in actions:
            session.apply(action)
    return path


def passes(*roles: str) -> list[Action]:
    return [Pass(role) for role in roles]


def round_of(*actions: Action) -> list[Action]:
    return [Draw(), *actions, EndRound()]


def quiet() -> list[Action]:
    return round_of(*passes("maire", "operateurs", "prefet"))


def prepared_game() -> list[Action]:
    """Avant: the warning system, then the register of vulnerable people. Pendant: the
    night flood, a rumour denied the round before, « Attendre une vigilance rouge » (the
    roofs follow), a storm nobody could answer, an undone pass, a published toll. Après:
    « Attendre l'audit ». The operators' team never has the means to play anything."""
    return [
        *round_of(Play("maire", "alerte-systeme"), *passes("operateurs", "prefet")),  # turn 1
        *round_of(Play("maire", "registre"), *passes("operateurs", "prefet")),  # turn 2
        *round_of(  # turn 3
            Inject("crue-nocturne"),
            Play("maire", "attendre"),
            Pass("operateurs"),
            Play("prefet", "veiller-dementir"),
        ),
        *round_of(  # turn 4
            Inject("rumeur"),
            Inject("vigilance"),
            Choose("vigilance", "attendre"),
            Inject("tempete"),
            *passes("maire", "operateurs", "prefet"),
            Undo(),
            Pass("prefet"),
        ),
        *round_of(  # turn 5: the roofs, triggered by the choice to wait
            Inject("bilan-presse"),
            Choose("bilan-presse", "publier"),
            *passes("maire", "operateurs", "prefet"),
        ),
        *round_of(  # turn 6
            Inject("remise-en-ligne"),
            Choose("remise-en-ligne", "auditer"),
            *passes("maire", "operateurs", "prefet"),
        ),
        *quiet(),  # turn 7
    ]


def reconnected_game() -> list[Action]:
    """A rumour answered two rounds late; « Rebrancher tout de suite » (the data leak
    follows, which nobody could afford to answer)."""
    return [
        *quiet(),
        *quiet(),
        *round_of(Inject("rumeur"), *passes("maire", "operateurs", "prefet")),  # turn 3
        *quiet(),  # turn 4
        *round_of(Pass("maire"), Pass("operateurs"), Play("prefet", "veiller-dementir")),
        *round_of(  # turn 6
            Inject("remise-en-ligne"),
            Choose("remise-en-ligne", "rebrancher"),
            *passes("maire", "operateurs", "prefet"),
        ),
        *quiet(),  # turn 7: the leak
    ]


@pytest.fixture(scope="module")
def prepared(deck: Deck, tmp_path_factory: pytest.TempPathFactory) -> SessionReport:
    path = tmp_path_factory.mktemp("cases") / "prepared.jsonl"
    return session_report(load_trace(journal(deck, path, prepared_game())))


@pytest.fixture(scope="module")
def reconnected(deck: Deck, tmp_path_factory: pytest.TempPathFactory) -> SessionReport:
    path = tmp_path_factory.mktemp("cases") / "reconnected.jsonl"
    return session_report(load_trace(journal(deck, path, reconnected_game())))


def said(findings: Sequence[Finding], report: SessionReport) -> list[str]:
    return [plain(describe(f, report, "fr")) for f in findings]


def phase(report: SessionReport, phase_id: str):  # type: ignore[no-untyped-def]
    return next(p for p in report.phases if p.id == phase_id)


def plain(text: str) -> str:
    """Text with French typography's no-break spaces as plain spaces (deck titles keep
    their own spaces; the catalog's sentences get no-break ones)."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def fr(text: str) -> str:
    return plain(french_typography(text))


def markdown(report: SessionReport) -> str:
    return plain(session_markdown(report))


def test_preparation_in_avant_is_credited_against_the_night_flood(
    prepared: SessionReport,
) -> None:
    gaps = {gap.event: (gap.status, gap.answer) for gap in prepared.gaps}
    assert gaps["crue-nocturne"] == ("anticipated", "registre")
    assert gaps["habitants-toits"] == ("anticipated", "registre")
    pendant = phase(prepared, "pendant")
    assert fr(
        "« Tenir un registre des personnes vulnérables » avait anticipé « 2 h : la crue »."
    ) in said(pendant.strengths, prepared)
    kept = said(phase(prepared, "avant").keep, prepared)
    assert any("registre des personnes vulnérables" in line for line in kept)


def test_a_rumour_denied_the_round_before_is_anticipated_not_late(
    prepared: SessionReport,
) -> None:
    [rumour] = [gap for gap in prepared.gaps if gap.event == "rumeur"]
    assert (rumour.status, rumour.answer, rumour.delay) == ("anticipated", "veiller-dementir", None)
    text = markdown(prepared)
    assert "Rumeur » n’a reçu de réponse" not in text and "tardive" not in text


def test_a_drop_the_table_had_answered_or_could_not_answer_is_imposed_not_its_fault(
    prepared: SessionReport,
) -> None:
    pendant = phase(prepared, "pendant")
    imposed = {(f.params["card"], f.params["delta"]) for f in pendant.imposed}
    assert ("crue-nocturne", -3) in imposed
    for finding in pendant.improvements:
        assert finding.params.get("card") not in ("crue-nocturne", "tempete")
    text = markdown(prepared)
    assert "### Imposé par le scénario" in text
    assert fr("Sécurité des personnes : −3 par « 2 h : la crue », imposé par le scénario") in text


def test_the_roofs_are_linked_to_the_choice_to_wait(prepared: SessionReport) -> None:
    pendant = phase(prepared, "pendant")
    [roofs] = [f for f in pendant.improvements if f.params.get("card") == "habitants-toits"]
    assert roofs.params["by"] == {"card": "vigilance", "option": "attendre"}
    assert plain(describe(roofs, prepared, "fr")) == fr(
        "Sécurité des personnes : −3 à cause de « Des habitants réfugiés sur les toits », "
        "conséquence de « Attendre une vigilance rouge » (choix face à « Vigilance orange ») "
        "(bilan de la phase : −8)."
    )
    # The option's own +1 in confidence is no point positif: it brought the roofs.
    for finding in (*pendant.strengths, *pendant.keep):
        assert finding.params.get("option") != "attendre"


def test_credit_goes_to_the_option_chosen_not_to_the_dilemma(prepared: SessionReport) -> None:
    pendant = phase(prepared, "pendant")
    [better] = [f for f in pendant.strengths if f.kind == "indicator_better"]
    assert (better.params["card"], better.params["option"]) == ("bilan-presse", "publier")
    assert plain(describe(better, prepared, "fr")) == fr(
        "Confiance : +2 grâce à « Publier un bilan prudent » "
        "(choix face à « Les médias réclament un bilan ») (bilan de la phase : +2)."
    )


def test_every_chosen_option_is_named_in_the_markdown_with_its_consequences(
    prepared: SessionReport, reconnected: SessionReport
) -> None:
    text = markdown(prepared)
    assert (
        fr("La table choisit « Attendre une vigilance rouge » face à « Vigilance orange »") in text
    )
    assert fr("déclenche ensuite « Des habitants réfugiés sur les toits »") in text
    assert fr("La table choisit « Publier un bilan prudent »") in text
    assert fr("La table choisit « Attendre l’audit »") in text
    assert fr("« Rebrancher tout de suite »") in markdown(reconnected)
    data = session_data(prepared)
    chosen = [(c["card"], c["option"]) for p in data["phases"] for c in p["choices"]]
    assert chosen == [
        ("vigilance", "attendre"),
        ("bilan-presse", "publier"),
        ("remise-en-ligne", "auditer"),
    ]


def test_a_dilemma_settled_by_waiting_for_the_audit_is_not_left_unanswered(
    prepared: SessionReport,
) -> None:
    assert "remise-en-ligne" not in {gap.event for gap in prepared.gaps}
    text = markdown(prepared)
    assert "sans réponse" not in text and "Rebrancher vite ou sûr ? |" not in text
    apres = phase(prepared, "apres")
    assert "remise-en-ligne" not in {f.params.get("event") for f in apres.improvements}


def test_an_option_that_triggered_the_leak_is_no_strength_and_the_leak_is_its_consequence(
    reconnected: SessionReport,
) -> None:
    apres = phase(reconnected, "apres")
    for finding in (*apres.strengths, *apres.keep):
        assert finding.params.get("option") != "rebrancher", plain(
            describe(finding, reconnected, "fr")
        )
    [leak] = [f for f in apres.improvements if f.params.get("card") == "fuite-donnees"]
    assert leak.params["by"] == {"card": "remise-en-ligne", "option": "rebrancher"}
    assert fr("conséquence de « Rebrancher tout de suite »") in plain(
        describe(leak, reconnected, "fr")
    )


def test_a_leak_nobody_could_afford_to_answer_is_said_so(reconnected: SessionReport) -> None:
    [leak] = [gap for gap in reconnected.gaps if gap.event == "fuite-donnees"]
    assert leak.status == "unplayable"
    text = markdown(reconnected)
    assert fr("« Fuite de données » : aucune réponse n’était jouable") in text
    assert "Fuite de données » est resté sans réponse" not in text


def test_a_card_in_hand_but_never_affordable_is_not_said_never_in_hand(
    prepared: SessionReport,
) -> None:
    [hit] = prepared.recommendations
    assert [(e.what, e.card) for e in hit.evidence] == [("never_affordable", "helicoptere")]
    text = markdown(prepared)
    assert fr("« Hélitreuiller » jamais jouée : en main, mais jamais jouable") in text
    assert "jamais en main" not in text


def test_forced_passes_are_constrained_not_the_teams_fault(prepared: SessionReport) -> None:
    operators = next(r for r in prepared.roles if r.role == "operateurs")
    assert (operators.plays, operators.passes, operators.constrained) == (0, 0, 7)
    kinds = {(f.kind, f.params.get("role")) for f in prepared.general}
    assert ("role_idle", "operateurs") not in kinds
    assert ("role_passive", "operateurs") not in kinds
    assert ("role_constrained", "operateurs") in kinds
    text = markdown(prepared)
    assert "Opérateurs de réseaux a passé plus souvent" not in text
    assert fr("Opérateurs de réseaux a dû passer 7 fois sans rien de jouable en main") in text


def test_injects_undos_and_notes_are_in_the_phase_timeline(prepared: SessionReport) -> None:
    pendant = phase(prepared, "pendant")
    kinds = [(m.kind, m.card) for m in pendant.timeline]
    assert ("inject", "crue-nocturne") in kinds and ("inject", "tempete") in kinds
    assert ("event", "habitants-toits") in kinds
    [undo] = [m for m in pendant.timeline if m.kind == "undo"]
    assert (undo.undone, undo.role) == ("pass", "prefet")
    text = markdown(prepared)
    assert fr("tour 4 — Retour en arrière : le passage de Préfet annulé") in text
    assert fr("tour 3 — L’animateur injecte « 2 h : la crue »") in text
    assert (
        fr(
            "tour 5 — « Des habitants réfugiés sur les toits » survient, conséquence de "
            "« Attendre une vigilance rouge » (choix face à « Vigilance orange »)"
        )
        in text
    )


def test_late_is_counted_in_rounds_of_the_whole_game_as_the_gap_table_is(
    reconnected: SessionReport,
) -> None:
    [rumour] = [gap for gap in reconnected.gaps if gap.event == "rumeur"]
    assert (rumour.status, rumour.turn, rumour.delay) == ("late", 3, 2)
    text = markdown(reconnected)
    assert "| Rumeur | 3 | Veiller et démentir | Veiller et démentir (2 tours de retard) |" in text
    assert fr("« Rumeur » survenue (n° ") in text and ", tour 3, Pendant)" in text
    assert (
        fr("« Veiller et démentir » jouée par Préfet (n° ") in text and ", tour 5, Pendant)" in text
    )
