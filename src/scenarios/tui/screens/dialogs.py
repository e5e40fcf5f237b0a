"""Small modal dialogs: a facilitator's note, a yes/no question, a deck's errors."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from scenarios.deck import Card
from scenarios.i18n import Lang
from scenarios.render.printable import printable
from scenarios.tui.texts import text
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
    """Something to read under a title, scrolled if long, closed with Escape or Enter."""

    BINDINGS = [("escape", "close", ""), ("enter", "close", "")]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            with VerticalScroll():
                yield from self.body()

    def body(self) -> ComposeResult:
        """The widgets to read."""
        yield from ()

    def action_close(self) -> None:
        self.dismiss(None)


class CardsDialog(ReadingDialog):
    """The round's cards in full, to read them aloud; also closed with the key that opened it."""

    BINDINGS = [("e", "close", "")]

    def __init__(self, title: str, cards: list[Card]) -> None:
        super().__init__(title)
        self.cards = cards

    def body(self) -> ComposeResult:
        for card in self.cards:
            yield CardView(card)


class MessageDialog(ReadingDialog):
    """A message to read, such as a deck's errors."""

    def __init__(self, title: str, message: str) -> None:
        super().__init__(title)
        self.message = message

    def body(self) -> ComposeResult:
        yield Static(printable(self.message), markup=False)
