"""Small modal dialogs: a facilitator's or observer's note, a yes/no question, a deck's errors."""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set

import attrs
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, SelectionList, Static

from scenarios.deck import Card, Deck
from scenarios.i18n import Lang
from scenarios.render.printable import printable
from scenarios.tui.bindings import BindingSpec
from scenarios.tui.texts import CATALOG, text
from scenarios.tui.widgets.cards import CardView


class AskDialog(ModalScreen[str | None]):
    """Asks for one line of text; Enter keeps it, Escape gives it up."""

    BINDINGS = [("escape", "cancel", "")]

    def __init__(self, prompt: str, value: str = "") -> None:
        super().__init__()
        self.prompt = prompt
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.prompt, markup=False)
            yield Input(self.value, id="answer", max_length=2000)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


@attrs.frozen
class Observation:
    """A note typed in the observation dialog, with the tags ticked."""

    text: str
    tags: tuple[str, ...]


class ObservationDialog(ModalScreen[Observation | None]):
    """A note and, when the deck has an observation grid, its tags (Tab to the list, Space to
    tick); Enter keeps it wherever the focus is, Escape gives it up."""

    BINDINGS = [("escape", "cancel", ""), Binding("enter", "keep", "", priority=True)]

    def __init__(self, prompt: str, hint: str, tags: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.prompt = prompt
        self.hint = hint
        self.tags = list(tags)  # (id, title)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(self.prompt, markup=False)
            yield Input(id="answer", max_length=2000)
            if self.tags:
                yield Static(self.hint, classes="dim", markup=False)
                yield SelectionList[str](
                    *[(Text(printable(title)), tag) for tag, title in self.tags], id="tags"
                )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def action_keep(self) -> None:
        note = self.query_one("#answer", Input).value.strip()
        if not note:
            self.dismiss(None)
            return
        ticked: tuple[str, ...] = ()
        if self.tags:
            chosen = set(self.query_one("#tags", SelectionList).selected)
            ticked = tuple(tag for tag, _ in self.tags if tag in chosen)
        self.dismiss(Observation(note, ticked))

    def action_cancel(self) -> None:
        self.dismiss(None)


def observation_dialog(lang: Lang, prompt: str, deck: Deck) -> ObservationDialog:
    """The dialog for a note on `deck`'s table, with the deck's observation grid."""
    tags = [(tag.id, tag.title) for tag in deck.observation_tags]
    return ObservationDialog(prompt, text(lang, "observe.tags_hint"), tags)


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question with its explanation; the safe answer has the focus."""

    BINDINGS = [
        ("o", "answer(True)", ""),
        ("y", "answer(True)", ""),
        ("n", "answer(False)", ""),
        ("escape", "answer(False)", ""),
    ]

    def __init__(self, question: str, explanation: str, yes: str, no: str) -> None:
        super().__init__()
        self.question = question
        self.explanation = explanation
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-title", markup=False)
            yield Static(self.explanation, markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.yes, id="yes", variant="error")
                yield Button(self.no, id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class QuitDialog(ConfirmDialog):
    """Leaving mid-game: says where the journal is and how to resume."""

    def __init__(self, lang: Lang, journal: str, code: str | None = None) -> None:
        """`code`: a workshop table's join code, which brings this screen back to it."""
        explain = (
            text(lang, "quit.explain_table", code=code)
            if code is not None
            else text(lang, "quit.explain", path=journal)
        )
        super().__init__(
            text(lang, "quit.question"),
            explain,
            text(lang, "quit.yes"),
            text(lang, "quit.no"),
        )


class ReadingDialog(ModalScreen[None]):
    """Something to read under a title, scrolled if long, closed with Escape or Enter.

    `hint`, under the text, says how to close it."""

    BINDINGS = [("escape", "close", ""), ("enter", "close", "")]

    def __init__(self, title: str, hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            with VerticalScroll(classes="reading-body"):
                yield from self.body()
            if self.hint:
                yield Static(self.hint, classes="dialog-hint", markup=False)

    def body(self) -> ComposeResult:
        """The widgets to read."""
        yield from ()

    def action_close(self) -> None:
        self.dismiss(None)


class CardsDialog(ReadingDialog):
    """Cards in full, to read them aloud; also closed with the key that opened it.

    The cards in `with_options` (dilemmas) show their options."""

    BINDINGS = [("e", "close_with('e')", ""), ("v", "close_with('v')", "")]

    def __init__(
        self,
        title: str,
        cards: list[Card],
        hint: str = "",
        close: str = "e",
        with_options: Set[str] = frozenset(),
        for_facilitator: str = "",
        extras: Mapping[str, Text] | None = None,
    ) -> None:
        """`extras`: what a card's view shows under its text, by card (see `CardView`)."""
        super().__init__(title, hint)
        self.cards = cards
        self.close_key = close
        self.with_options = with_options
        self.for_facilitator = for_facilitator  # the label of the notes for the facilitator
        self.extras = extras or {}

    def body(self) -> ComposeResult:
        for card in self.cards:
            yield CardView(
                card,
                options=card.id in self.with_options,
                full=True,
                for_facilitator=self.for_facilitator,
                extra=self.extras.get(card.id),
            )

    def action_close_with(self, key: str) -> None:
        if key == self.close_key:
            self.dismiss(None)


class MessageDialog(ReadingDialog):
    """A message to read, such as a deck's errors."""

    def __init__(self, title: str, message: str) -> None:
        super().__init__(title)
        self.message = message

    def body(self) -> ComposeResult:
        yield Static(printable(self.message), markup=False)


class KeysDialog(ReadingDialog):
    """The keys of a screen, each with what it does, in the player's language."""

    def __init__(self, lang: Lang, specs: Sequence[BindingSpec]) -> None:
        super().__init__(text(lang, "keys.title"), text(lang, "keys.close"))
        self.lang = lang
        self.specs = specs

    def body(self) -> ComposeResult:
        lang = self.lang
        rows: dict[str, list[str]] = {}
        digits: list[str] = []
        for key, action, label, _, display, _ in self.specs:
            if action.startswith("pick("):
                digits.append(key)
                continue
            if action.startswith("cursor(") and key == "down":
                continue
            shown = text(lang, display) if display and CATALOG.has(display) else display or key
            keys = rows.setdefault(text(lang, label), [])
            if shown not in keys:
                keys.append(shown)
        table = Text()
        width = max((len(", ".join(k)) for k in rows.values()), default=0)
        for label, keys in rows.items():
            table.append(", ".join(keys).ljust(width + 2), style="bold")
            table.append(label + "\n")
        if digits:
            table.append(text(lang, "keys.digits").ljust(width + 2), style="bold")
            table.append(text(lang, "key.choose"))
        yield Static(table)
