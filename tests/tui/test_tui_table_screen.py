"""The table's screen as a table uses it (issue 17): justifying without playing the wrong
card, refusals said in words, what an 80×24 terminal shows, the palette and the keys."""

from __future__ import annotations

import json
from pathlib import Path

from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from scenarios.engine import State
from scenarios.tui.app import ScenariosApp
from scenarios.tui.screens.dialogs import CardsDialog, ConfirmDialog, KeysDialog
from scenarios.tui.screens.play import PlayScreen
from scenarios.tui.widgets.cards import CardView
from scenarios.tui.widgets.gauge import Gauge
from scenarios.tui.widgets.key_bar import KeyBar
from scenarios.tui.widgets.phase_bar import PhaseBar
from tests.conftest import spaced
from tests.tui.tui_driver import make_app, play_state, play_until, start_game


def actions(journal: Path) -> list[dict[str, object]]:
    lines = journal.read_text(encoding="utf-8").splitlines()[1:]
    return [json.loads(line)["action"] for line in lines]


def footer(app: ScenariosApp) -> str:
    return spaced(app.screen.query_one(KeyBar).plain)


def shown(app: ScenariosApp, selector: str) -> str:
    return spaced(str(app.screen.query_one(selector).render()))


def notices(app: ScenariosApp) -> str:
    return spaced("\n".join(n.message for n in app._notifications))


def commands(app: ScenariosApp) -> list[str]:
    return [spaced(str(o.prompt)) for o in app.screen.query_one("CommandList").options]


async def search_palette(pilot: Pilot[None], words: str) -> None:
    """Open the palette and type `words` into it, as a facilitator would."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*words)
    await pilot.pause(0.5)


def playable(app: ScenariosApp) -> list[int]:
    options = app.screen.query_one("#choices", OptionList).options
    return [i for i, o in enumerate(options) if not o.disabled]


async def a_hand_with_two_playable_cards(pilot: Pilot[None]) -> State:
    await start_game(pilot, from_home=False)

    def ready(state: State) -> bool:
        if state.current_role is None or state.pending:
            return False
        return len(playable(pilot.app)) >= 2

    await play_until(pilot, ready)
    state = play_state(pilot)
    assert state is not None
    return state


async def test_reasons_go_with_the_card_the_footer_names_and_arrows_change_it(
    tmp_path: Path,
) -> None:
    journal = tmp_path / "j.jsonl"
    app = make_app(journal, with_deck=True)
    async with app.run_test(size=(80, 24)) as pilot:
        state = await a_hand_with_two_playable_cards(pilot)
        role = state.current_role
        assert role is not None
        first, second = playable(app)[:2]
        hand = state.hand(role)
        title = state.deck.card(hand[second]).title
        await pilot.press("r", *"Tenir le réseau")
        await pilot.press("down")  # in the text field: the reasons now go with the next card
        await pilot.pause()
        assert app.screen.query_one("#rationale", Input).has_focus
        assert title in shown(app, "#rationale-for")
        assert f"Jouer « {title[:8]}" in footer(app)
        assert "Échap Cartes" in footer(app)
        await pilot.press("enter")
        await pilot.pause()
    played = [a for a in actions(journal) if a["type"] == "play"][-1]
    assert played == {
        "type": "play",
        "role": role,
        "card": hand[second],
        "rationale": "Tenir le réseau",
    }
    assert first != second


async def test_tab_goes_from_the_cards_to_the_reasons_and_back_not_to_the_log(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path / "j.jsonl", with_deck=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await a_hand_with_two_playable_cards(pilot)
        choices = app.screen.query_one("#choices", OptionList)
        rationale = app.screen.query_one("#rationale", Input)
        assert choices.has_focus
        await pilot.press("tab")
        assert rationale.has_focus
        await pilot.press("tab")
        assert choices.has_focus


async def test_a_dilemma_is_chosen_with_the_tables_reasons(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    app = make_app(journal, with_deck=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_game(pilot, from_home=False)
        await play_until(pilot, lambda s: bool(s.pending))
        assert "r Justifier" in footer(app)
        await pilot.press("r", *"Proteger les riverains dabord")
        await pilot.pause()
        assert "Choisir « " in footer(app)
        assert "↑↓ Autre option" in " ".join(footer(app).split())
        assert "carte" not in footer(app).lower(), "a dilemma has options, not cards"
        await pilot.press("enter")
        await pilot.pause()
        log = " ".join(
            " ".join(str(line.text) for line in app.screen.query_one("#log").lines).split()
        )
    chose = [a for a in actions(journal) if a["type"] == "choose"][-1]
    assert chose["rationale"] == "Proteger les riverains dabord"
    assert "Proteger les riverains dabord" in log


async def test_a_card_that_cannot_be_played_says_why_in_words(tmp_path: Path) -> None:
    app = make_app(tmp_path / "j.jsonl", with_deck=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await start_game(pilot, from_home=False)

        def refused_by_condition(state: State) -> bool:
            options = app.screen.query_one("#choices", OptionList).options
            return any(o.disabled and "il faut d’abord" in spaced(str(o.prompt)) for o in options)

        await play_until(pilot, refused_by_condition)
        options = app.screen.query_one("#choices", OptionList).options
        index = next(
            i for i, o in enumerate(options) if o.disabled and "il faut" in spaced(str(o.prompt))
        )
        before = play_state(pilot)
        await pilot.press(str(index + 1))
        await pilot.pause()
        assert play_state(pilot) is before
        told = notices(app)
        assert "Impossible" in told and "il faut d’abord" in told
        flag_ids = {flag.id for flag in app.screen.deck.flags}
        prompts = " ".join(str(o.prompt) for o in options)
        assert "condition" not in prompts and not any(f"({f})" in prompts for f in flag_ids)


async def test_an_80_by_24_screen_shows_two_events_a_hand_and_whole_names(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path / "j.jsonl", with_deck=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_game(pilot, from_home=False)
        await play_until(
            pilot, lambda s: len(s.revealed) >= 2 and s.current_role is not None and not s.pending
        )
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        events = screen.query_one("#events")
        hand = screen.query_one("#choices")
        cards = list(events.children)
        assert len(cards) >= 2
        for card in cards[:2]:  # each card fully above the hand, none hidden behind it
            assert card.region.height >= 3
            assert card.region.bottom <= hand.region.y
        cut = 0
        for view in screen.query(CardView):  # a text that goes on says so, with « … »
            outer = view.outer_size
            drawn = view.render_lines(Region(0, 0, outer.width, outer.height))[1:-1]  # in the border
            said = " ".join(spaced(" ".join(line.text.strip("│ ") for line in drawn)).split())
            whole = " ".join(spaced(view.card.text).split())
            assert said.endswith("…") == (said != whole), said
            cut += said != whole
        assert cut, "at 80×24 two events do not show whole"
        for gauge in screen.query(Gauge):
            assert " ".join(str(gauge.render()).split()).startswith(gauge.indicator.title)
        phase = screen.deck.phases[screen.state.phase_index].title
        assert phase in " ".join(str(p.render()) for p in screen.query_one(PhaseBar).children)
        bar = screen.query_one(KeyBar)
        assert bar.region.height == 1 and "\n" not in bar.plain and len(bar.plain) <= 79


async def test_the_whole_decision_and_the_events_window_say_how_to_close(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path / "j.jsonl", with_deck=True)
    async with app.run_test(size=(80, 24)) as pilot:
        state = await a_hand_with_two_playable_cards(pilot)
        role = state.current_role
        assert role is not None
        card = state.deck.card(state.hand(role)[0])
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, CardsDialog)
        assert card.text.split()[-1] in shown(app, "CardView")
        assert "Échap, Entrée ou v : fermer" in shown(app, ".dialog-hint")
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)
        await pilot.press("e")
        await pilot.pause()
        assert "Échap, Entrée ou e : fermer" in shown(app, ".dialog-hint")


async def test_the_palette_speaks_french_and_lists_the_injects(tmp_path: Path) -> None:
    app = make_app(tmp_path / "j.jsonl", with_deck=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await start_game(pilot, from_home=False)
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        palette = app.screen
        assert "Chercher une commande" in str(palette.query_one(Input).placeholder)
        listed = commands(app)
        assert any("Injecter : " in prompt for prompt in listed)
        await pilot.press(*"zzzqqq")
        await pilot.pause(1)
        listed = commands(app)
        assert any("Aucune commande ne correspond" in prompt for prompt in listed), listed


async def test_an_event_on_the_table_is_not_injected_again_without_a_warning(
    tmp_path: Path,
) -> None:
    journal = tmp_path / "j.jsonl"
    app = make_app(journal, with_deck=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await start_game(pilot, from_home=False)
        await pilot.press("d")
        await pilot.pause()
        state = play_state(pilot)
        assert state is not None
        event = state.deck.card(state.revealed[0])
        await search_palette(pilot, event.title)
        listed = commands(app)
        assert any("déjà sur la table" in prompt for prompt in listed), listed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
    assert not [a for a in actions(journal) if a["type"] == "inject"]


async def test_the_keys_window_speaks_french_and_closes_with_escape(tmp_path: Path) -> None:
    app = make_app(tmp_path / "j.jsonl", with_deck=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_game(pilot, from_home=False)
        await search_palette(pilot, "Touches")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, KeysDialog)
        keys = str(app.screen.query_one("VerticalScroll Static").render())
        assert "Révéler" in keys and "Justifier" in keys and "Focus" not in keys
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)


async def test_an_event_that_already_happened_this_game_is_not_injected_again_silently(
    tmp_path: Path,
) -> None:
    """Fired in round 1, gone from the table in round 2: injecting it asks first."""
    journal = tmp_path / "j.jsonl"
    app = make_app(journal, with_deck=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await start_game(pilot, from_home=False)
        await pilot.press("d")
        await pilot.pause()
        first = play_state(pilot)
        assert first is not None
        event = first.deck.card(first.revealed[0])
        await play_until(pilot, lambda state: state.turn == 2 and state.stage == "events")
        state = play_state(pilot)
        assert state is not None and event.id not in state.revealed + state.pending
        await search_palette(pilot, event.title)
        listed = commands(app)
        assert any("déjà survenu" in prompt for prompt in listed), listed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        said = spaced(" ".join(str(s.render()) for s in app.screen.query("Static")))
        assert "déjà eu lieu" in said and "deux fois" in said, said
        await pilot.press("n")
        await pilot.pause()
    assert not [a for a in actions(journal) if a["type"] == "inject"]


async def test_the_keys_window_opens_and_closes_with_f1_or_choosing_it_again(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path / "j.jsonl", with_deck=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_game(pilot, from_home=False)
        game = app.screen
        width = game.query_one("#choices").size.width
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, KeysDialog)
        assert game.query_one("#choices").size.width == width  # the game is not squeezed
        assert "F1" in shown(app, ".dialog-hint")
        await pilot.press("f1")
        await pilot.pause()
        assert app.screen is game
        for _ in range(2):  # opened, then chosen again: closed
            await search_palette(pilot, "Touches")
            await pilot.press("enter")
            await pilot.pause()
        assert app.screen is game, app.screen_stack


async def test_each_round_shows_its_cards_in_the_views_already_there(tmp_path: Path) -> None:
    """Round after round the events show the round's cards in the order they came, a
    dilemma bordered as one and the one waiting marked where it is, and the card views
    are the same widgets updated in place: a round's key
    does not wait for new views to mount (the issue's key-to-frame time)."""
    from scenarios.tui.widgets.cards import CardView

    app = make_app(tmp_path / "j.jsonl", with_deck=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_game(pilot, from_home=False)
        seen: list[CardView] = []
        rounds = most = 0
        while rounds < 4:
            await play_until(pilot, lambda s: s.stage != "events" and len(s.revealed) > 0)
            state = play_state(pilot)
            if state is None:
                break
            screen = app.screen
            assert isinstance(screen, PlayScreen)
            views = list(screen.query_one("#events").query(CardView))
            expected = [screen.deck.card(c) for c in state.revealed]
            assert [v.card.id for v in views] == [c.id for c in expected]
            assert [v.has_class("pending") for v in views] == [
                c.id in state.pending[:1] for c in expected
            ]
            assert [str(v.border_title) for v in views] == [c.title for c in expected]
            assert [v.has_class("dilemma") for v in views] == [
                bool(c.kind.options) for c in expected
            ]
            seen.extend(v for v in views if v not in seen)
            most = max(most, len(views))
            rounds += 1
            await play_until(pilot, lambda s, turn=state.turn: s.turn > turn or s.over)
        assert rounds == 4
        assert len(seen) == most  # as many views as a round shows cards at most, not one a card
