"""The lessons-learned questionnaire, between the end of a game and its end screen.

Each role the screen plays answers the deck's `questionnaire` in turn: a score
from 0 to 100 in steps of 10 or yes/no chosen with ← →, free text in a text
area. Ctrl+S sends this role's replies, one journaled `Reply` per item answered
or changed (an item left blank sends nothing), before the next role comes; the
facilitator may skip the rest with Escape, which sends nothing more. The
replies already in the journal fill the screen again, so a game resumed here
goes on where it was.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static, TextArea

from scenarios.deck.model import QuestionnaireItem
from scenarios.engine import Reply, State
from scenarios.engine.actions import MAX_TEXT
from scenarios.engine.reducer import SCALE_VALUES
from scenarios.i18n import Lang
from scenarios.journal import Session
from scenarios.tui.bindings import BindingSpec
from scenarios.tui.messages import QuestionnaireDone
from scenarios.tui.screens.journaling import JournalingScreen
from scenarios.tui.texts import plain
from scenarios.tui.widgets.key_bar import KeyBar
from scenarios.tui.widgets.question import answerer, go_on_writing
from scenarios.workshop.table import TableSession


class ScaleChoice(Static, can_focus=True):
    """One value of a fixed scale, chosen with ← → (none chosen at first: nothing to send)."""

    BINDINGS = [
        Binding("left", "move(-1)", "", show=False),
        Binding("right", "move(1)", "", show=False),
    ]

    def __init__(
        self, values: Sequence[str], labels: Sequence[str], value: str | None, id: str
    ) -> None:
        super().__init__(id=id, classes="scale-choice", markup=False)
        self.values = list(values)
        self.labels = list(labels)
        self.value = value if value in self.values else None

    def on_mount(self) -> None:
        self._show()

    def choose(self, value: str | None) -> None:
        self.value = value if value in self.values else None
        self._show()

    def action_move(self, step: int) -> None:
        """The next value to the right (from none: the first) or to the left (the last)."""
        if self.value is None:
            index = 0 if step > 0 else len(self.values) - 1
        else:
            index = max(0, min(len(self.values) - 1, self.values.index(self.value) + step))
        self.choose(self.values[index])

    def _show(self) -> None:
        line = Text()
        line.append("‹ ", style="dim")
        for value, label in zip(self.values, self.labels, strict=True):
            style = "bold reverse" if value == self.value else ""
            line.append(f" {label} ", style=style)
        line.append(" ›", style="dim")
        self.update(line)


class QuestionnaireScreen(JournalingScreen):
    """The questionnaire for each of `roles`, one after the other (see the module)."""

    # Not over the focused widget: its keys typed just before Ctrl+S are taken in first.
    BINDING_SPECS: list[BindingSpec] = [
        ("ctrl+s", "send", "key.questionnaire.send", True, "^s", False),
        ("escape", "skip", "key.questionnaire.skip", True, "keyname.escape", False),
    ]

    def __init__(
        self, session: Session | TableSession, roles: Sequence[str], lang: Lang, first: int = 0
    ) -> None:
        """`first`: the index in `roles` of the role to ask first (a resumed game's)."""
        super().__init__(lang)
        self.session = session
        self.roles = list(roles)
        self.index = first
        self.items: tuple[QuestionnaireItem, ...] = session.state.deck.questionnaire

    @property
    def state(self) -> State:
        return self.session.state

    @property
    def role(self) -> str:
        return self.roles[self.index]

    def compose(self) -> ComposeResult:
        yield Static(id="questionnaire-title")
        yield Static(self.t("questionnaire.hint"), id="questionnaire-hint", markup=False)
        with VerticalScroll(id="questionnaire-body"):
            for number, item in enumerate(self.items, start=1):
                yield Static(plain(f"{number}. {item.text}"), classes="questionnaire-item")
                values = SCALE_VALUES.get(item.scale)
                if values is None:
                    yield TextArea(
                        id=f"reply-{item.id}",
                        classes="reply",
                        soft_wrap=True,
                        placeholder=self.t("questionnaire.placeholder"),
                    )
                else:
                    labels = [self.t(f"reply.{v}") if item.scale == "yesno" else v for v in values]
                    yield ScaleChoice(values, labels, None, id=f"reply-{item.id}")
        yield KeyBar()

    def on_mount(self) -> None:
        self._show_role()

    def _show_role(self) -> None:
        """The title and the replies this role already gave (none for a new game)."""
        deck = self.state.deck
        title = self.t(
            "questionnaire.title",
            role=answerer(deck, self.role, self.lang),
            number=self.index + 1,
            total=len(self.roles),
        )
        self.query_one("#questionnaire-title", Static).update(Text(title, style="bold"))
        for item in self.items:
            given = self.given(item)
            widget = self.query_one(f"#reply-{item.id}")
            if isinstance(widget, ScaleChoice):
                widget.choose(given)
            elif isinstance(widget, TextArea):
                go_on_writing(widget, given or "")
        body = self.query_one("#questionnaire-body", VerticalScroll)
        body.scroll_home(animate=False)
        first = body.query(".scale-choice, .reply").first()
        first.focus()

    def given(self, item: QuestionnaireItem) -> str | None:
        return self.state.replies.get((item.id, self.role))

    def typed(self) -> list[tuple[str, str]]:
        """(item, value) of the replies this role gave or changed here, in the deck's order."""
        changed: list[tuple[str, str]] = []
        for item in self.items:
            widget = self.query_one(f"#reply-{item.id}")
            if isinstance(widget, ScaleChoice):
                value = widget.value or ""
            else:
                assert isinstance(widget, TextArea)
                value = widget.text.strip()
            if value and value != (self.given(item) or "").strip():
                changed.append((item.id, value))
        return changed

    def action_send(self) -> None:
        """This role's replies, journaled one by one; then the next role, or the end."""
        changed = self.typed()
        if any(len(value) > MAX_TEXT for _, value in changed):
            told = self.t("answer.too_long", limit=MAX_TEXT)
            self.notify(told, severity="warning", markup=False)
            return
        for question, value in changed:
            if not self.perform(Reply(question, value, self.role)):
                return  # the reason is on screen; what was typed stays
        if changed:
            self.notify(self.t("questionnaire.sent", count=len(changed)), timeout=3)
        if self.index + 1 < len(self.roles):
            self.index += 1
            self._show_role()
        else:
            self.app.post_message(QuestionnaireDone(self.session))

    def action_skip(self) -> None:
        """The facilitator passes over the rest of the questionnaire, after a confirmation."""
        from scenarios.tui.screens.dialogs import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self.app.post_message(QuestionnaireDone(self.session))

        self.app.push_screen(
            ConfirmDialog(
                self.t("questionnaire.skip.question"),
                self.t("questionnaire.skip.explain"),
                self.t("questionnaire.skip.yes"),
                self.t("questionnaire.skip.no"),
            ),
            answered,
        )

    def perform(self, action: Reply) -> bool:
        """Journal `action` through the session (on disk, or in the store, before it counts)."""
        return self.journaled(self.session, action) is not None
