"""A discussion exercise at the table: questions answered in words, handouts, variables."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Markdown, OptionList, TextArea

from scenarios.deck import Deck, load_deck
from scenarios.deck.variables import with_variables
from scenarios.engine import Answer, Inject, apply, new_game
from scenarios.journal import read_journal
from scenarios.tui.log_lines import log_lines
from scenarios.tui.screens.discussion import AnswerScreen, HandoutScreen, HandoutsDialog
from scenarios.tui.screens.play import PlayScreen
from scenarios.tui.screens.questionnaire import QuestionnaireScreen
from scenarios.tui.widgets.cards import CardView
from scenarios.tui.widgets.question import card_extra
from tests.conftest import TEST_DECKS, spaced
from tests.tui.tui_driver import (
    is_over,
    make_app,
    play_state,
    play_until,
    shown_text,
    skip_questionnaire,
    start_game,
    step,
)

DECK = TEST_DECKS / "discussion.yaml"
QUESTION = "q-priorites"  # scheduled in the first round of « pendant », with a handout


def discussion() -> Deck:
    return load_deck(DECK)


def answers_in(journal: Path) -> list[dict[str, object]]:
    """The answers the journal holds, in the order they were given."""
    actions = [entry.action for entry in read_journal(journal).entries]
    return [action for action in actions if action.get("type") == "answer"]


async def type_answers(pilot: Pilot[None], *texts: str) -> None:
    """In the answer window: each text at the end of the next answer, then Ctrl+S."""
    assert isinstance(pilot.app.screen, AnswerScreen)
    for number, typed in enumerate(texts):
        if number:
            await pilot.press("tab")
        await pilot.press("end", *typed)
    await pilot.press("ctrl+s")
    await pilot.pause()


def notices(pilot: Pilot[None]) -> str:
    return spaced(" ".join(str(n.message) for n in pilot.app._notifications))


async def test_answers_are_journaled_amended_and_refused_once_the_round_is_over(
    tmp_path: Path,
) -> None:
    journal = tmp_path / "exercice.jsonl"
    app = make_app(journal, deck=discussion())
    async with app.run_test(size=(120, 40)) as pilot:
        await start_game(pilot, from_home=False)
        await play_until(pilot, lambda s: QUESTION in s.revealed)
        state = play_state(pilot)
        assert state is not None
        turn = state.turn
        question = next(v for v in app.screen.query(CardView) if v.card.id == QUESTION)
        assert spaced(question.border_subtitle) == "a : répondre", "the question a answers"
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AnswerScreen)
        assert [area.id for area in screen.query(TextArea)] == [
            "answer-mairie",
            "answer-prefecture",
        ]
        await type_answers(pilot, "Annuaire [b]papier[/b]", "Le préfet")
        assert isinstance(app.screen, PlayScreen)
        assert answers_in(journal) == [
            {
                "type": "answer",
                "card": QUESTION,
                "text": "Annuaire [b]papier[/b]",
                "role": "mairie",
            },
            {"type": "answer", "card": QUESTION, "text": "Le préfet", "role": "prefecture"},
        ]
        card = next(v for v in app.screen.query(CardView) if v.card.id == QUESTION)
        shown = spaced(str(card.render()))
        assert "Mairie de Carcassonne : « Annuaire [b]papier[/b] »" in shown, "data, not markup"
        assert "Préfecture : « Le préfet »" in shown

        await pilot.press("a")  # amended: the window opens with the answers given
        await pilot.pause()
        assert app.screen.query_one("#answer-mairie", TextArea).text == "Annuaire [b]papier[/b]"
        await pilot.press(*", radio", "ctrl+s")  # the cursor waits after what was written
        await pilot.pause()
        assert answers_in(journal)[2:] == [
            {
                "type": "answer",
                "card": QUESTION,
                "text": "Annuaire [b]papier[/b], radio",
                "role": "mairie",
            }
        ], "only the answer that changed"
        state = play_state(pilot)
        assert state is not None
        assert state.answers[(QUESTION, "mairie")] == "Annuaire [b]papier[/b], radio"

        await play_until(pilot, lambda s: s.turn > turn)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen), "no window for a question of a past round"
        assert "n’est pas posée à ce tour" in notices(pilot)
        assert len(answers_in(journal)) == 3


async def test_a_question_for_the_table_takes_one_answer(tmp_path: Path) -> None:
    deck = discussion()
    journal = tmp_path / "exercice.jsonl"
    app = make_app(journal, deck=deck)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_game(pilot, from_home=False)
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        await pilot.press("d")
        await pilot.pause()
        if "q-table" not in screen.state.revealed:
            screen.facilitator(Inject("q-table"))
            await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert [area.id for area in app.screen.query(TextArea)] == ["answer-table"]
        await type_answers(pilot, "Rien de certain")
    assert answers_in(journal) == [{"type": "answer", "card": "q-table", "text": "Rien de certain"}]


async def test_h_opens_the_handout_full_screen_and_H_lists_those_shown(tmp_path: Path) -> None:
    app = make_app(tmp_path / "exercice.jsonl", deck=discussion())
    async with app.run_test(size=(80, 24)) as pilot:
        await start_game(pilot, from_home=False)
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        assert screen.check_action("handouts", ()) is False, "none shown yet"
        await play_until(pilot, lambda s: QUESTION in s.revealed)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HandoutScreen)
        text = spaced(shown_text(app))
        assert "Communiqué de presse" in text
        assert "Communiqué de la communauté d'agglomération" in text
        markdown = app.screen.query_one(Markdown)
        assert markdown.source == "La mairie de Carcassonne informe la population."
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)

        await play_until(pilot, lambda s: QUESTION not in s.revealed)
        assert screen.check_action("handout", ()) is False, "no handout in this round"
        await pilot.press("H")
        await pilot.pause()
        assert isinstance(app.screen, HandoutsDialog)
        listed = app.screen.query_one(OptionList)
        assert [str(option.prompt) for option in listed.options] == [
            "1. Communiqué de la communauté d'agglomération (communiqué de presse)"
        ]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HandoutScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, PlayScreen)


async def test_the_setup_asks_the_variables_and_every_text_is_filled(tmp_path: Path) -> None:
    journal = tmp_path / "exercice.jsonl"
    app = make_app(journal, deck=discussion())
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.screen.query_one("#variable-commune", Input)
        assert field.value == "Carcassonne"
        assert "Panne à Carcassonne" in shown_text(app)
        field.value = "Brest"
        await start_game(pilot, from_home=False)
        await play_until(pilot, lambda s: QUESTION in s.revealed)
        text = shown_text(app)
        assert "Coupure générale à Brest" in text and "Mairie de Brest" in text
        assert "{{" not in text
        await pilot.press("h")
        await pilot.pause()
        assert "La mairie de Brest informe" in app.screen.query_one(Markdown).source
    header = read_journal(journal).header
    assert dict(header.variables)["commune"] == "Brest"
    assert [team.name for team in header.teams] == ["Mairie de Brest", "Préfecture"]


async def test_no_facilitator_text_nor_expected_point_on_the_tables_screens(
    tmp_path: Path,
) -> None:
    deck = with_variables(discussion())
    secrets = [card.facilitator for card in deck.cards if card.facilitator]
    secrets += [point for card in deck.cards for point in card.expected]
    assert len(secrets) >= 5
    app = make_app(tmp_path / "exercice.jsonl", deck=discussion())
    seen: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await start_game(pilot, from_home=False)
        for _ in range(100):
            state = play_state(pilot)
            if state is None:
                break
            seen.append(shown_text(app))
            question = app.screen.check_action("answer", ())
            if question and state.stage == "decisions":
                await pilot.press("a")
                await pilot.pause()
                seen.append(shown_text(app))
                await type_answers(pilot, "Nous appelons la mairie")
                seen.append(shown_text(app))
            for key, action in (("h", "handout"), ("e", "read_events"), ("H", "handouts")):
                if app.screen.check_action(action, ()):
                    await pilot.press(key)
                    await pilot.pause()
                    seen.append(shown_text(app))
                    await pilot.press("escape")
                    await pilot.pause()
            await step(pilot)
        assert isinstance(app.screen, QuestionnaireScreen)
        for _ in deck.roles:  # the questionnaire, for each role
            seen.append(shown_text(app))
            await pilot.press("right", "tab", "right", "tab", *"Le standard", "ctrl+s")
            await pilot.pause()
        assert is_over(pilot)
    text = spaced(" ".join(seen))
    assert "Nous appelons la mairie" in text and "Qui prévenir en premier ?" in text
    assert "La chaîne d'alerte a-t-elle fonctionné ?" in text, "the questionnaire was seen"
    for secret in secrets:
        assert secret not in text, secret


def test_expected_points_are_shown_for_the_facilitator_only() -> None:
    deck = with_variables(discussion())
    question = deck.card(QUESTION)
    for_table = card_extra(deck, question, {}, "fr")
    for_facilitator = card_extra(deck, question, {}, "fr", for_facilitator="Pour l’animateur :")
    assert for_table is not None and for_facilitator is not None
    assert "EHPAD de Carcassonne" not in for_table.plain
    assert "EHPAD de Carcassonne" in for_facilitator.plain


async def test_a_discussion_deck_without_indicators_plays(tmp_path: Path) -> None:
    text = DECK.read_text(encoding="utf-8")
    for line in (
        '  - {id: tension, title: "Tension", min: 0, max: 10, start: 3}\n',
        "    effects: {tension: 2}\n",
        "    effects: {tension: 1}\n",
    ):
        text = text.replace(line, "")
    path = tmp_path / "sans-indicateurs.yaml"
    path.write_text(text.replace("indicators:\n", ""), encoding="utf-8")
    deck = load_deck(path)
    assert not deck.indicators
    app = make_app(tmp_path / "exercice.jsonl", deck=deck)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_game(pilot, from_home=False)
        assert "Indicateurs" not in shown_text(app)
        await play_until(pilot, lambda s: False)
        await skip_questionnaire(pilot)
        assert is_over(pilot)


async def test_a_rounds_cards_keep_their_order_and_the_waiting_dilemma_is_marked(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path / "partie.jsonl", with_deck=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await start_game(pilot, from_home=False)
        await play_until(pilot, lambda s: bool(s.revealed) and s.current_role is not None)
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        dilemma = next(
            c for c in screen.deck.cards if c.kind.options and c.id not in screen.state.revealed
        )
        screen.facilitator(Inject(dilemma.id))  # after the events that came before it
        await pilot.pause()
        state = screen.state
        assert state.pending == (dilemma.id,)
        views = list(screen.query(CardView))
        assert [view.card.id for view in views] == list(state.revealed)
        assert views[-1].card.id == dilemma.id, "below the events revealed before it"
        assert views[-1].has_class("pending") and "à décider" in spaced(views[-1].border_subtitle)
        assert not any(view.has_class("pending") for view in views[:-1])


def test_the_log_names_who_answered_without_a_broken_elision() -> None:
    """« Réponse de Opérateurs… » broke French elision: the log opens with who answers."""
    deck = with_variables(load_deck(TEST_DECKS / "discussion.yaml"), {"commune": "Brest"})
    state = apply(new_game(deck, 1), Inject("q-table"))
    table = apply(state, Answer("q-table", "la radio"))
    amended = apply(table, Answer("q-table", "la radio et la préfecture"))
    said = [spaced(line.plain) for line in log_lines(table, "fr")]
    assert "La table répond à « Que savez-vous de la situation ? » : « la radio »" in said
    again = [spaced(line.plain) for line in log_lines(amended, "fr")]
    assert any(line.startswith("La table modifie sa réponse à « Que savez") for line in again)
def facilitators_lines(journal: Path, kind: str) -> list[tuple[dict[str, object], str | None]]:
    return [
        (entry.action, entry.by)
        for entry in read_journal(journal).entries
        if entry.action.get("type") == kind
    ]


async def test_the_facilitator_ticks_and_unticks_expected_points_from_the_palette(
    tmp_path: Path,
) -> None:
    from textual.command import CommandPalette
    from textual.widgets import RichLog, SelectionList

    from scenarios.tui.screens.discussion import PointsDialog

    journal = tmp_path / "exercice.jsonl"
    app = make_app(journal, deck=discussion())
    async with app.run_test(size=(120, 40)) as pilot:
        await start_game(pilot, from_home=False)
        await play_until(pilot, lambda s: QUESTION in s.revealed)
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        assert isinstance(app.screen, CommandPalette)
        listed = spaced(
            " ".join(str(o.prompt) for o in app.screen.query("OptionList").first().options)
        )
        assert "Points attendus : Qui prévenir en premier ? (0/3)" in listed
        assert "Pour l’animateur : Relancer si personne ne cite les EHPAD." in listed
        assert "☐ annuaire de crise papier · ☐ radio · ☐ EHPAD de Carcassonne" in listed
        await pilot.press(*"points attendus", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PointsDialog)
        await pilot.press("space", "down", "space")  # the first two points
        await pilot.pause()
        await pilot.press("space")  # the second one again: unticked
        await pilot.pause()
        boxes = app.screen.query_one(SelectionList)
        assert boxes.selected == [0]
        await pilot.press("escape")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PlayScreen)
        assert screen.state.covered == {(QUESTION, 0)}
        log = spaced(" ".join(line.text for line in screen.query_one("#log", RichLog).lines))
        log = " ".join(log.split())
        assert "Programmé : Coupure générale à Carcassonne" in log, "a scheduled card says so"
        assert "annuaire" not in log and "coché" not in log, "the table never reads a point"
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        listed = spaced(
            " ".join(str(o.prompt) for o in app.screen.query("OptionList").first().options)
        )
        assert "Points attendus : Qui prévenir en premier ? (1/3)" in listed
        assert "☑ annuaire de crise papier · ☐ radio" in listed
    assert facilitators_lines(journal, "cover") == [
        ({"type": "cover", "card": QUESTION, "point": 0}, "facilitator"),
        ({"type": "cover", "card": QUESTION, "point": 1}, "facilitator"),
        ({"type": "cover", "card": QUESTION, "point": 1, "covered": False}, "facilitator"),
    ]


def test_a_tick_is_logged_for_the_facilitator_only_and_a_reply_for_all() -> None:
    from scenarios.engine import Cover, Reply, apply, legal_actions, new_game
    from scenarios.tui.log_lines import log_lines

    deck = with_variables(discussion())
    state = new_game(deck, 5)
    while QUESTION not in state.history.last_turn:
        state = apply(state, legal_actions(state)[0])
    ticked = apply(state, Cover(QUESTION, 2))
    said = [line.plain for line in log_lines(ticked, "fr", for_facilitator=True)]
    assert [spaced(line) for line in said] == [
        "Point attendu coché : « EHPAD de Carcassonne » (« Qui prévenir en premier ? »)"
    ]
    assert list(log_lines(ticked, "fr")) == [], "never on the table's log"
    while not state.over:
        state = apply(state, legal_actions(state)[0])
    replied = apply(state, Reply("q-alerte", "70", "mairie"))
    assert [spaced(line.plain) for line in log_lines(replied, "fr")] == [
        "Questionnaire : Mairie de Carcassonne a répondu à "
        "« La chaîne d'alerte a-t-elle fonctionné ? » : 70/100"
    ]
