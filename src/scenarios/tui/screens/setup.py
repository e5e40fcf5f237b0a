"""Setup: the table's name, the values of the deck's variables, which team holds which role,
the seed (shown so the game can be replayed), the timer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from scenarios.deck import Deck
from scenarios.deck.variables import with_variables
from scenarios.i18n import Lang
from scenarios.journal import Team
from scenarios.render.printable import printable
from scenarios.tui.bindings import BindingSpec
from scenarios.tui.messages import HomeRequested, StartRequested
from scenarios.tui.screens.base import AppScreen
from scenarios.tui.texts import plain
from scenarios.tui.widgets.key_bar import KeyBar

# What the table is called unless the facilitator names it: the name a comparison of
# several journals shows, and that `scenarios workshop create` gives its first table.
DEFAULT_LABEL = "Table 1"
MAX_LABEL = 60
MAX_VARIABLE = 200  # a name of the territory, of an organisation: one line


class SetupScreen(AppScreen):
    """A form: the table's name, the deck's variables, one team name per role, a seed, a
    round length."""

    BINDING_SPECS: list[BindingSpec] = [
        ("ctrl+s", "start", "key.start", True, "^s", False),
        ("escape", "back", "key.back", True, "keyname.escape", False),
    ]

    def __init__(
        self,
        deck: Deck,
        lang: Lang,
        seed: int,
        minutes: int | None,
        teams: dict[str, str],
        label: str | None = None,
        variables: dict[str, str] | None = None,
    ) -> None:
        super().__init__(lang)
        self.deck = deck
        # The values typed so far (a deck reloaded while typing keeps them), else the defaults.
        self.variables = {v.id: (variables or {}).get(v.id, v.default) for v in deck.variables}
        self.shown = with_variables(deck, self.variables)  # the texts shown here, filled
        self.seed = seed
        self.minutes = minutes  # None: left empty, each phase's length in the deck
        self.teams = teams
        self.label = label or DEFAULT_LABEL

    def compose(self) -> ComposeResult:
        yield Static(plain(self.t("setup.title", deck=self.shown.title)), id="setup-title")
        with VerticalScroll(id="setup-form"):
            with Vertical(classes="field-block"):
                yield Label(self.t("setup.table"))
                yield Input(
                    printable(self.label),
                    id="table-label",
                    max_length=MAX_LABEL,
                    compact=True,
                )
            if self.deck.variables:
                yield Static(self.t("setup.variables"), classes="section-title")
            for variable in self.deck.variables:
                with Horizontal(classes="field variable-field"):
                    yield Label(plain(variable.title), classes="field-label")
                    yield Input(
                        printable(self.variables[variable.id]),
                        id=f"variable-{variable.id}",
                        max_length=MAX_VARIABLE,
                        classes="variable",
                        compact=True,
                    )
            yield Static(self.t("setup.teams"), classes="section-title")
            for role in self.shown.roles:
                with Horizontal(classes="field"):
                    yield Label(plain(role.title), classes="field-label")
                    yield Input(
                        printable(self.teams.get(role.id, role.title)),
                        id=f"team-{role.id}",
                        max_length=60,
                        classes="team",
                        compact=True,
                    )
            with Vertical(classes="field-block"):
                yield Label(self.t("setup.seed"))
                yield Input(str(self.seed), id="seed", type="integer", max_length=12, compact=True)
            with Vertical(classes="field-block"):
                yield Label(self.t("setup.timer"))
                yield Input(
                    "" if self.minutes is None else str(self.minutes),
                    placeholder=self.t("setup.timer_deck") if self._deck_minutes() else "",
                    id="minutes",
                    type="integer",
                    max_length=3,
                    compact=True,
                )
            yield Button(self.t("setup.start"), id="start", variant="success")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        index = inputs.index(event.input)
        if index + 1 < len(inputs):
            inputs[index + 1].focus()
        else:
            self.query_one("#start", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()

    def action_back(self) -> None:
        self.app.post_message(HomeRequested())

    def _deck_minutes(self) -> bool:
        """Whether the deck sets a round length for some phase: an empty timer field follows it."""
        return any(phase.minutes for phase in self.deck.phases)

    def action_start(self) -> None:
        seed = self._number("seed")
        if seed is None:
            return
        minutes: int | None = None  # left empty: each phase's length in the deck
        if self.query_one("#minutes", Input).value.strip() or not self._deck_minutes():
            minutes = self._number("minutes")
            if minutes is None:
                return
        variables = self.typed_variables()
        filled = with_variables(self.deck, variables)
        teams: dict[str, list[str]] = {}
        for role, shown, title in zip(self.deck.roles, self.shown.roles, filled.roles, strict=True):
            name = self.query_one(f"#team-{role.id}", Input).value.strip()
            if not name or name == shown.title:  # left as offered: the role's title, filled
                name = title.title
            teams.setdefault(name, []).append(role.id)
        chosen = [Team(name, tuple(roles)) for name, roles in teams.items()]
        self.app.post_message(
            StartRequested(
                self.deck,
                seed,
                chosen,
                None if minutes is None else max(0, minutes),
                self.typed_label(),
                variables,
            )
        )

    def typed_variables(self) -> dict[str, str]:
        """The value typed for each of the deck's variables; its default if left empty."""
        return {
            variable.id: self.query_one(f"#variable-{variable.id}", Input).value.strip()
            or variable.default
            for variable in self.deck.variables
        }

    def typed_label(self) -> str:
        """The table's name as typed, the default one if left empty."""
        return self.query_one("#table-label", Input).value.strip() or DEFAULT_LABEL

    def values(self) -> tuple[dict[str, str], int | None, int | None]:
        """What is typed so far: team names by role, seed and minutes (None if not numbers)."""
        teams = {
            role.id: self.query_one(f"#team-{role.id}", Input).value.strip() or role.title
            for role in self.shown.roles
        }

        def number(field: str) -> int | None:
            value = self.query_one(f"#{field}", Input).value.strip()
            return int(value) if value.lstrip("-").isdigit() else None

        return teams, number("seed"), number("minutes")

    def _number(self, field: str) -> int | None:
        value = self.query_one(f"#{field}", Input).value.strip()
        try:
            return int(value)
        except ValueError:
            self.notify(self.t("setup.bad_number", value=value), severity="error")
            self.query_one(f"#{field}", Input).focus()
            return None
