"""A discussion exercise's windows over the play screen: answering a question, a handout
full screen, the list of the handouts shown so far; and, for the facilitator, a question's
expected points to tick.

The answers are typed here and handed back to the play screen, which sends
them through its journaled session (`PlayScreen.perform`): nothing here writes.
A handout's text is Markdown, the deck's format for it: rendered as such, with
raw HTML shown as text and no link opened; never read as Rich markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from markdown_it import MarkdownIt
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Markdown, OptionList, SelectionList, Static, TextArea
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from scenarios.deck import Card, Deck
from scenarios.deck.kinds import handout_label
from scenarios.deck.model import Handout
from scenarios.engine import Cover, State
from scenarios.engine.actions import MAX_TEXT
from scenarios.i18n import Lang, capitalised
from scenarios.render.printable import printable
from scenarios.tui.texts import plain, text
from scenarios.tui.widgets.cards import NOTE_STYLE
from scenarios.tui.widgets.question import Answers, answerer, asked, go_on_writing, tick

Typed = list[tuple[str | None, str]]  # (role; None: the table, its new answer)


class AnswerScreen(ModalScreen[Typed | None]):
    """One text area per role asked (or one for the table), filled with the answers given so
    far; Ctrl+S hands back the texts that changed, Escape gives up."""

    BINDINGS = [
        Binding("ctrl+s", "save", "", priority=True),
        Binding("escape", "cancel", "", priority=True),
    ]

    def __init__(
        self, deck: Deck, card: Card, roles: Sequence[str | None], answers: Answers, lang: Lang
    ) -> None:
        super().__init__()
        self.deck = deck
        self.card = card
        self.roles = list(roles)
        self.before = {role: answers.get((card.id, role), "") for role in self.roles}
        self.lang = lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(classes="dialog wide", id="answer-dialog"):
            yield Static(
                text(lang, "answer.title", card=self.card.title),
                classes="dialog-title",
                markup=False,
            )
            with VerticalScroll(id="answer-body"):
                if self.card.text:
                    yield Static(plain(self.card.text), classes="answer-question")
                for role in self.roles:
                    yield Label(plain(answerer(self.deck, role, lang)), classes="answer-label")
                    yield TextArea(
                        id=f"answer-{role or 'table'}",
                        classes="answer",
                        soft_wrap=True,
                        placeholder=text(lang, "answer.placeholder"),
                    )
            yield Static(text(lang, "answer.hint"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        for role in self.roles:
            go_on_writing(self.query_one(f"#answer-{role or 'table'}", TextArea), self.before[role])
        self.query(TextArea).first().focus()

    def typed(self) -> Typed:
        """The answers whose text changed, in the order of the roles asked."""
        changed: Typed = []
        for role in self.roles:
            value = self.query_one(f"#answer-{role or 'table'}", TextArea).text.strip()
            if value != self.before[role].strip():
                changed.append((role, value))
        return changed

    def action_save(self) -> None:
        changed = self.typed()
        if any(len(value) > MAX_TEXT for _, value in changed):
            told = text(self.lang, "answer.too_long", limit=MAX_TEXT)
            self.notify(told, severity="warning", markup=False)
            return
        self.dismiss(changed)

    def action_cancel(self) -> None:
        self.dismiss(None)


def handout_parser() -> MarkdownIt:
    """Markdown as the deck writes it; raw HTML is shown as text, not interpreted."""
    return MarkdownIt("gfm-like", options_update={"html": False})


class HandoutScreen(ModalScreen[None]):
    """A handout full screen, as the table would hold it: its kind, its title, its text.

    Closed with Escape, Enter or the key that opened it."""

    BINDINGS = [
        Binding("escape", "close", "", priority=True),
        Binding("enter", "close", ""),
        Binding("h", "close", ""),
    ]

    def __init__(self, handout: Handout, lang: Lang) -> None:
        super().__init__()
        self.handout = handout
        self.lang = lang

    def compose(self) -> ComposeResult:
        handout = self.handout
        with Vertical(id="handout"):
            kind = handout_label(self.lang, handout.kind)
            yield Static(plain(capitalised(kind)), id="handout-kind")
            yield Static(plain(handout.title), id="handout-title")
            with VerticalScroll(id="handout-body"):
                yield Markdown(
                    printable(handout.text),
                    id="handout-text",
                    parser_factory=handout_parser,
                    open_links=False,
                )
            yield Static(text(self.lang, "handout.close"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#handout-body", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)


class HandoutsDialog(ModalScreen[None]):
    """The handouts shown so far this game: Enter opens one full screen, Escape closes."""

    BINDINGS = [
        Binding("escape", "close", "", priority=True),
        Binding("H", "close", ""),
    ]

    def __init__(self, handouts: Sequence[Handout], lang: Lang) -> None:
        super().__init__()
        self.handouts = list(handouts)
        self.lang = lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        with Vertical(classes="dialog wide", id="handouts"):
            yield Static(text(lang, "handouts.title"), classes="dialog-title", markup=False)
            if self.handouts:
                options = [
                    Option(
                        plain(
                            text(
                                lang,
                                "handouts.item",
                                number=number,
                                kind=handout_label(lang, handout.kind),
                                title=handout.title,
                            )
                        ),
                        id=handout.id,
                    )
                    for number, handout in enumerate(self.handouts, start=1)
                ]
                yield OptionList(*options, id="handout-list")
            else:
                yield Static(text(lang, "handouts.none"), classes="muted", markup=False)
            yield Static(text(lang, "handouts.hint"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        if self.handouts:
            self.query_one("#handout-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        if 0 <= index < len(self.handouts):
            self.app.push_screen(HandoutScreen(self.handouts[index], self.lang))

    def action_close(self) -> None:
        self.dismiss(None)


def questions_asked(state: State) -> list[Card]:
    """The questions that came up so far this game, the latest first."""
    last_turn = state.history.last_turn
    came = [card for card in state.deck.cards if card.kind.asks and card.id in last_turn]
    return sorted(came, key=lambda card: -last_turn[card.id])


def points_detail(card: Card, covered: frozenset[tuple[str, int]], lang: Lang) -> str:
    """A question's note for the facilitator and its expected points, ticked or not, in a
    line (the palette's help)."""
    parts = []
    if card.facilitator:
        parts.append(f"{text(lang, 'play.for_facilitator')} {card.facilitator}")
    if card.expected:
        points = " · ".join(
            f"{tick((card.id, n) in covered)} {point}" for n, point in enumerate(card.expected)
        )
        parts.append(text(lang, "points.detail", points=points))
    return " ".join(parts)


class PointsDialog(ModalScreen[None]):
    """For the facilitator: questions with their notes, the answers given and their expected
    points, ticked or unticked with Space. Each change is handed to `tick` (which journals
    a `Cover`); the boxes then show the table's state as it is, so a refused change undoes
    itself on screen."""

    BINDINGS = [Binding("escape", "close", "", priority=True)]

    def __init__(
        self,
        where: str,
        cards: Sequence[Card],
        state: Callable[[], State],
        tick: Callable[[Cover], object],
        lang: Lang,
    ) -> None:
        super().__init__()
        self.where = where
        self.cards = list(cards)
        self.state = state
        self.tick = tick
        self.lang = lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        state = self.state()
        deck = state.deck
        with Vertical(classes="dialog wide", id="points-dialog"):
            yield Static(
                text(lang, "points.title", where=self.where), classes="dialog-title", markup=False
            )
            with VerticalScroll(id="points-body"):
                for index, card in enumerate(self.cards):
                    yield Static(plain(card.title), classes="points-question")
                    if card.facilitator:
                        note = f"{text(lang, 'play.for_facilitator')} {card.facilitator}"
                        yield Static(plain(note, NOTE_STYLE))
                    said = [
                        text(lang, "question.answer_by", who=answerer(deck, role, lang))
                        + text(lang, "question.quoted", text=printable(answer))
                        for role in asked(card)
                        if (answer := state.answers.get((card.id, role))) is not None
                    ]
                    answers = "\n".join(said) or text(lang, "points.no_answer")
                    yield Static(plain(answers, "cyan" if said else "dim"))
                    if card.expected:
                        yield SelectionList[int](
                            *[
                                Selection(plain(point), n, (card.id, n) in state.covered)
                                for n, point in enumerate(card.expected)
                            ],
                            id=f"points-{index}",
                            classes="points-list",
                        )
                    else:
                        yield Static(text(lang, "points.none"), classes="muted", markup=False)
            yield Static(text(lang, "points.hint"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        lists = self.query(SelectionList)
        if lists:
            lists.first().focus()

    def on_selection_list_selection_toggled(
        self, event: SelectionList.SelectionToggled[int]
    ) -> None:
        event.stop()
        chosen = event.selection_list
        index = int(str(chosen.id).removeprefix("points-"))
        point = event.selection.value
        self.tick(Cover(self.cards[index].id, point, point in chosen.selected))
        self.show_ticks()

    def show_ticks(self) -> None:
        """Each box as the table's state has it."""
        covered = self.state().covered
        for chosen in self.query(SelectionList):
            card = self.cards[int(str(chosen.id).removeprefix("points-"))]
            for point in range(len(card.expected)):
                if (card.id, point) in covered:
                    chosen.select(point)
                else:
                    chosen.deselect(point)

    def action_close(self) -> None:
        self.dismiss(None)
