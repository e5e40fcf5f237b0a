"""The trainer's review screen: step, jump, annotate, damaged and live journals, snapshots."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot

from scenarios.deck import load_deck, resolve_deck
from scenarios.engine import Note, legal_actions
from scenarios.journal import Session, read_annotations, read_journal, replay
from scenarios.tui.app import ScenariosApp
from scenarios.tui.bindings import localised
from scenarios.tui.screens.review import ReviewScreen
from scenarios.tui.widgets.gauge import Gauge
from tests.conftest import CliResult
from tests.tui.tui_driver import no_cursor_blink

NOW = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)


def record(path: Path, seed: int = 4, steps: int = 10_000, stop_after: int | None = None) -> Path:
    """A journal of the default deck played at random, with a facilitator's note."""
    deck = load_deck(resolve_deck(None))
    rng = random.Random(seed)
    with Session.start(deck, seed, path, fsync=False, clock=lambda: NOW) as session:
        for step in range(steps):
            if session.state.over or (stop_after is not None and step >= stop_after):
                break
            if step == 6:
                session.apply(Note("Bon réflexe de la commune"))
            actions = legal_actions(session.state)
            session.apply(actions[rng.randrange(len(actions))])
    return path


def review_app(path: Path, lang: str = "fr") -> ScenariosApp:
    return localised(ScenariosApp, lang)(lang=lang, review=path)  # type: ignore[arg-type]


def screen_of(pilot: Pilot[None]) -> ReviewScreen:
    screen = pilot.app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


def shown_values(screen: ReviewScreen) -> list[int]:
    return [gauge.value for gauge in screen.query(Gauge)]


async def test_stepping_and_jumping_show_the_engines_state(tmp_path: Path) -> None:
    path = record(tmp_path / "partie.jsonl")
    states = replay(read_journal(path), keep_states=True).states
    async with review_app(path).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = screen_of(pilot)
        assert screen.index == 0
        await pilot.press("right", "right", "right")
        assert screen.index == 3
        assert shown_values(screen) == list(states[2].indicators)
        await pilot.press("left")
        assert screen.index == 2 and shown_values(screen) == list(states[1].indicators)
        for phase in (1, 2):
            await pilot.press("pagedown")
            state = states[screen.index - 1]
            assert state.phase_index == phase
            assert states[screen.index - 2].phase_index == phase - 1
            assert shown_values(screen) == list(state.indicators)
        await pilot.press("end")
        assert screen.index == len(states)
        assert shown_values(screen) == list(states[-1].indicators)
        await pilot.press("home")
        assert screen.index == 0


async def test_the_shown_decision_is_the_journaled_one_with_its_rationale(tmp_path: Path) -> None:
    path = tmp_path / "partie.jsonl"
    deck = load_deck(resolve_deck(None))
    with Session.start(deck, 9, path, fsync=False, clock=lambda: NOW) as session:
        from scenarios.engine import Draw, Play

        session.apply(Draw())
        role = session.state.current_role
        assert role is not None
        card = next(
            c for c in session.state.hand(role) if Play(role, c) in legal_actions(session.state)
        )
        session.apply(Play(role, card, "Parce que le PCS date de 2015"))
    async with review_app(path).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        screen = screen_of(pilot)
        assert screen.index == 2
        shown = str(screen.query_one("#review-action").render())
        assert deck.card(card).title in shown
        assert "Parce que le PCS date de 2015" in shown


async def test_an_annotation_goes_to_the_sidecar_and_the_report(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path = record(tmp_path / "partie.jsonl")
    async with review_app(path).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("right", "right", "right", "right", "a")
        await pilot.press(*"Ici il fallait alerter", "enter")
        await pilot.pause()
        assert "Ici il fallait alerter" in str(screen_of(pilot).query_one("#review-notes").render())
        await pilot.press("home", "m")
        assert screen_of(pilot).index in (4, 7)
    [note] = read_annotations(path)
    assert (note.seq, note.text) == (4, "Ici il fallait alerter")
    assert read_journal(path).damage is None
    code, out, _ = cli("report", str(path))
    assert code == 0
    assert "Ici il fallait alerter" in out and "annotation du formateur" in out


async def test_an_annotation_the_disk_refuses_stays_on_screen_and_goes_elsewhere(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    from scenarios.journal.annotations import annotations_path, fallback_annotations_path
    from scenarios.tui.screens.dialogs import AskDialog

    path = record(tmp_path / "partie.jsonl")
    annotations_path(path).mkdir()  # the journal's sidecar cannot be written
    async with review_app(path).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("right", "right", "a")
        await pilot.press(*"Alerter plus tôt", "enter")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, AskDialog)
        assert "Impossible d’enregistrer l’annotation" in dialog.prompt
        assert str(fallback_annotations_path(path)) in dialog.prompt
        assert dialog.query_one("#answer").value == "Alerter plus tôt"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert "Alerter plus tôt" in str(screen_of(pilot).query_one("#review-notes").render())
    [note] = read_annotations(path)
    assert (note.seq, note.text) == (2, "Alerter plus tôt")
    code, out, _ = cli("report", str(path))
    assert code == 0 and "Alerter plus tôt" in out


async def test_a_damaged_journal_shows_its_valid_prefix_under_a_banner(tmp_path: Path) -> None:
    path = record(tmp_path / "partie.jsonl")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 40])
    valid = len(read_journal(path).entries)
    async with review_app(path).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        banner = str(screen_of(pilot).query_one("#review-banner").render())
        assert "coupée" in banner and str(valid) in banner
        await pilot.press("end")
        assert screen_of(pilot).index == valid


async def test_a_game_being_played_is_followed(tmp_path: Path) -> None:
    path = record(tmp_path / "partie.jsonl", stop_after=5)
    async with review_app(path).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = screen_of(pilot)
        await pilot.press("end")
        before = screen.index
        session, _ = Session.resume(path, fsync=False, clock=lambda: NOW)
        with session:
            for _ in range(3):
                session.apply(legal_actions(session.state)[0])
        await pilot.pause(1.5)
        assert screen.index == before + 3


@pytest.fixture
def journal_for_snapshots() -> Path:
    import tempfile

    folder = Path(tempfile.gettempdir()) / "scenarios-snapshots"
    folder.mkdir(exist_ok=True)
    path = folder / "replay.jsonl"
    path.unlink(missing_ok=True)
    for extra in folder.glob("replay.annotations.jsonl"):
        extra.unlink()
    return record(path, seed=2018)


def _go(keys: list[str]) -> Callable[[Pilot[None]], object]:
    async def run_before(pilot: Pilot[None]) -> None:
        no_cursor_blink()
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()

    return run_before


@pytest.mark.xdist_group("snapshots")
def test_replay_snapshot_at_the_start(
    snap_compare: Callable[..., bool], journal_for_snapshots: Path
) -> None:
    assert snap_compare(
        review_app(journal_for_snapshots), terminal_size=(100, 30), run_before=_go([])
    )


@pytest.mark.xdist_group("snapshots")
def test_replay_snapshot_at_a_dilemma(
    snap_compare: Callable[..., bool], journal_for_snapshots: Path
) -> None:
    entries = read_journal(journal_for_snapshots).entries
    first_choice = next(i for i, e in enumerate(entries, 1) if e.action["type"] == "choose")
    keys = ["right"] * (first_choice - 1)
    assert snap_compare(
        review_app(journal_for_snapshots), terminal_size=(100, 30), run_before=_go(keys)
    )


@pytest.mark.xdist_group("snapshots")
def test_replay_snapshot_at_the_end(
    snap_compare: Callable[..., bool], journal_for_snapshots: Path
) -> None:
    assert snap_compare(
        review_app(journal_for_snapshots), terminal_size=(100, 30), run_before=_go(["end"])
    )


async def test_a_journal_played_elsewhere_opens_read_only(tmp_path: Path) -> None:
    import os

    from scenarios.tui.screens.home import resumable_sessions

    path = record(tmp_path / "partie.jsonl", stop_after=5)
    holder, _ = Session.resume(path, fsync=False, clock=lambda: NOW)
    with holder:
        assert [found.path for found in resumable_sessions(tmp_path)] == [path]
        before = path.read_bytes()
        app = localised(ScenariosApp, "fr")(lang="fr", resume=path)  # type: ignore[arg-type]
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            screen = screen_of(pilot)
            notices = [n.message for n in app._notifications]
            assert any(f"processus {os.getpid()}" in notice for notice in notices), notices
            assert path.read_bytes() == before
            await pilot.press("end")
            shown = screen.index
            holder.apply(legal_actions(holder.state)[0])
            await pilot.pause(1.5)
            assert screen.index == shown + 1
        assert app.session is None


def decided_then_undone(path: Path) -> tuple[str, str, str]:
    """A decision with its reasons, then the facilitator's note and an undo of that decision:
    the decision's card title, its role's title and the reasons."""
    from scenarios.engine import Draw, Play, Undo
    from scenarios.journal.format import Team

    deck = load_deck(resolve_deck(None))
    teams = [Team("Les Vigilants", tuple(r.id for r in deck.roles))]
    with Session.start(deck, 9, path, teams, fsync=False, clock=lambda: NOW) as session:
        session.apply(Draw())
        role = session.state.current_role
        assert role is not None
        card = next(
            c for c in session.state.hand(role) if Play(role, c) in legal_actions(session.state)
        )
        session.apply(Play(role, card, "Parce que le PCS date de 2015"))
        session.apply(Note("La préfecture hésite"))
        session.apply(Undo())
    return deck.card(card).title, deck.roles[deck.role_index[role]].title, "PCS date de 2015"


async def test_the_header_names_the_deck_and_the_session(tmp_path: Path) -> None:
    path = tmp_path / "partie.jsonl"
    decided_then_undone(path)
    deck = load_deck(resolve_deck(None))
    async with review_app(path).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = str(screen_of(pilot).query_one("#review-session").render())
        assert deck.title in shown
        assert "24/11/2026" in shown
        assert "Les Vigilants" in shown


async def test_a_decisions_reasons_are_shown_once(tmp_path: Path) -> None:
    path = tmp_path / "partie.jsonl"
    _, _, reasons = decided_then_undone(path)
    async with review_app(path).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        shown = str(screen_of(pilot).query_one("#review-action").render())
        assert shown.count(reasons) == 1, shown


async def test_an_undo_says_which_action_it_took_back(tmp_path: Path) -> None:
    path = tmp_path / "partie.jsonl"
    card, role, _ = decided_then_undone(path)
    async with review_app(path).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("end")
        shown = " ".join(str(screen_of(pilot).query_one("#review-action").render()).split())
        assert f"Annulé : « {card} » ({role})" in shown, shown


@pytest.mark.xdist_group("snapshots")
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_replay_header(
    snap_compare: Callable[..., bool], journal_for_snapshots: Path, size: tuple[int, int]
) -> None:
    assert snap_compare(review_app(journal_for_snapshots), terminal_size=size, run_before=_go([]))


async def test_the_trainers_replay_shows_the_facilitators_notes_answers_ticks_and_replies(
    tmp_path: Path,
) -> None:
    from scenarios.engine import Answer, Cover, Reply
    from tests.conftest import TEST_DECKS, spaced
    from tests.tui.tui_driver import shown_text

    path = tmp_path / "exercice.jsonl"
    deck = load_deck(TEST_DECKS / "discussion.yaml")
    with Session.start(deck, 5, path, fsync=False, clock=lambda: NOW) as session:
        while "q-priorites" not in session.state.revealed:
            session.apply(legal_actions(session.state)[0])
        session.apply(Answer("q-priorites", "Le préfet, par radio", "mairie"))
        session.apply(Cover("q-priorites", 1), by="facilitator")
        ticked = len(read_journal(path).entries)
        while not session.state.over:
            session.apply(legal_actions(session.state)[0])
        session.apply(Reply("q-alerte", "70", "mairie"))
        session.apply(Reply("q-refaire", "no", "prefecture"))
    async with review_app(path).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = screen_of(pilot)
        screen.show(ticked)
        await pilot.pause()
        shown = spaced(shown_text(pilot.app))
        assert "Panne à Carcassonne — partie du" in shown, "the title with its variables"
        assert "Pour l’animateur : Lire lentement." in shown, "the event's note"
        assert "Pour l’animateur : Relancer si personne ne cite les EHPAD." in shown
        assert "Mairie de Carcassonne : « Le préfet, par radio »" in shown
        assert "☐ annuaire de crise papier · ☑ radio · ☐ EHPAD de Carcassonne" in shown
        assert "Point attendu coché : « radio » (« Qui prévenir en premier ? »)" in shown
        await pilot.press("end")
        await pilot.pause()
        shown = spaced(shown_text(pilot.app))
        assert "Questionnaire de fin d’exercice" in shown
        assert "Mairie de Carcassonne : 70/100" in shown
        assert "Préfecture : non" in shown
        assert "Questionnaire : Préfecture a répondu à « Faut-il refaire l'exercice ? » : non" in (
            shown
        )
