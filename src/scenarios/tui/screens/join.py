"""Joining a workshop table: its code (given by the facilitator), and the roles played here.

What a browser shows under `scenarios workshop serve`, and a terminal under
`scenarios workshop join`: no path is ever asked, only a code, which opens a
table of this workshop and no other.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, SelectionList, Static

from scenarios.deck import Deck
from scenarios.i18n import Lang
from scenarios.tui.bindings import BindingSpec
from scenarios.tui.messages import JoinRequested
from scenarios.tui.screens.base import AppScreen
from scenarios.tui.texts import plain
from scenarios.tui.widgets.key_bar import KeyBar


class JoinScreen(AppScreen):
    """A form: the table's code, then which roles this screen plays (none ticked: all)."""

    BINDING_SPECS: list[BindingSpec] = [
        ("ctrl+s", "join", "key.join", True, "^s", False),
    ]

    def __init__(self, lang: Lang, workshop: str, title: str, deck: Deck) -> None:
        super().__init__(lang)
        self.workshop = workshop
        self.workshop_title = title
        self.deck = deck

    def compose(self) -> ComposeResult:
        title = self.t("join.title", workshop=self.workshop, title=self.workshop_title)
        yield Static(plain(title), id="setup-title")
        with VerticalScroll(id="setup-form"):
            with Vertical(classes="field-block"):
                yield Label(self.t("join.code"))
                yield Input(placeholder="K7M-4QX", id="code", max_length=12, compact=True)
            with Vertical(classes="field-block"):
                yield Label(self.t("join.roles"))
                yield SelectionList[str](
                    *[(plain(role.title), role.id) for role in self.deck.roles], id="roles"
                )
            yield Button(self.t("join.go"), id="join", variant="success")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#code", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#roles", SelectionList).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "join":
            self.action_join()

    def action_join(self) -> None:
        code = self.query_one("#code", Input).value.strip()
        if not code:
            self.notify(self.t("join.no_code"), severity="warning")
            self.query_one("#code", Input).focus()
            return
        roles = frozenset(self.query_one("#roles", SelectionList).selected)
        self.app.post_message(JoinRequested(code, roles))
