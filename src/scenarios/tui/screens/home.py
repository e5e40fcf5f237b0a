"""Home: choose a bundled or local deck, or resume an interrupted session."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from scenarios.deck import Deck, DeckError, bundled_decks, load_deck
from scenarios.deck.bundled import DEFAULT_DECK
from scenarios.i18n import Lang
from scenarios.journal import JournalError, list_journals, read_journal
from scenarios.tui.i18n import BindingSpec, text

if TYPE_CHECKING:
    from scenarios.tui.app import ScenariosApp


@attrs.frozen
class Resumable:
    """An interrupted session found in the journal folder."""

    path: Path
    title: str
    started: str
    actions: int


def resumable_sessions(folder: Path | None) -> list[Resumable]:
    """Journals in `folder` whose game is not over, most recent first."""
    found = []
    for path in list_journals(folder):
        try:
            content = read_journal(path)
        except JournalError:
            continue
        if content.entries and content.entries[-1].over:
            continue
        found.append(
            Resumable(path, content.header.deck_title, content.header.started, len(content.entries))
        )
    return found


def _date(started: str) -> str:
    try:
        return datetime.fromisoformat(started).astimezone().strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return started


class HomeScreen(Screen[None]):
    """The first screen: decks on the left, the highlighted one described on the right."""

    BINDING_SPECS: list[BindingSpec] = [
        ("enter", "choose", "key.choose", True, "Entrée", False),
        ("o", "open_file", "key.open", True, None, False),
        ("q", "app.quit", "key.quit", True, None, False),
    ]

    def __init__(self, lang: Lang, journal_folder: Path | None) -> None:
        super().__init__()
        self.lang = lang
        self.decks: list[Deck] = []
        ordered = sorted(bundled_decks(), key=lambda b: (b.id != DEFAULT_DECK, b.id))
        for bundled in ordered:
            try:
                self.decks.append(load_deck(bundled.path))
            except DeckError:
                continue
        self.sessions = resumable_sessions(journal_folder)

    @property
    def scenarios_app(self) -> ScenariosApp:
        from scenarios.tui.app import ScenariosApp

        assert isinstance(self.app, ScenariosApp)
        return self.app

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield Static("scenarios — " + text(lang, "home.title"), id="home-title")
        with Horizontal(id="home-body"):
            with Vertical(id="home-lists"):
                decks = OptionList(
                    *[Option(Text(deck.title), id=deck.id) for deck in self.decks], id="decks"
                )
                decks.border_title = text(lang, "home.decks")
                yield decks
                sessions = OptionList(
                    *[
                        Option(
                            text(
                                lang,
                                "home.session",
                                title=s.title,
                                date=_date(s.started),
                                actions=s.actions,
                            ),
                            id=str(index),
                        )
                        for index, s in enumerate(self.sessions)
                    ],
                    id="sessions",
                )
                sessions.border_title = text(lang, "home.sessions")
                if not self.sessions:
                    sessions.add_option(Option(text(lang, "home.no_sessions"), disabled=True))
                yield sessions
            with VerticalScroll(id="deck-detail"):
                yield Static(id="deck-description")
        yield Static(text(lang, "home.hint"), id="home-hint")
        yield Footer()

    def on_mount(self) -> None:
        decks = self.query_one("#decks", OptionList)
        ids = [deck.id for deck in self.decks]
        decks.highlighted = ids.index(DEFAULT_DECK) if DEFAULT_DECK in ids else 0
        decks.focus()
        self._describe(decks.highlighted)

    def _describe(self, index: int | None) -> None:
        if index is None or not 0 <= index < len(self.decks):
            return
        deck = self.decks[index]
        lang = self.lang
        body = Text(deck.title, style="bold")
        if deck.summary:
            body.append("\n\n" + deck.summary)
        body.append("\n\n" + text(lang, "home.phases") + "\n", style="bold")
        for phase in deck.phases:
            body.append(f"  • {phase.title} — {text(lang, 'home.rounds', rounds=phase.rounds)}\n")
        body.append(text(lang, "home.roles") + "\n", style="bold")
        for role in deck.roles:
            body.append(f"  • {role.title}\n")
        if deck.duration:
            body.append(text(lang, "home.duration", minutes=deck.duration) + " · ")
        body.append(text(lang, "home.cards", cards=len(deck.cards)))
        self.query_one("#deck-description", Static).update(body)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "decks":
            self._describe(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_list, event.option_index)

    def action_choose(self) -> None:
        focused = self.focused
        if isinstance(focused, OptionList) and focused.highlighted is not None:
            self._choose(focused, focused.highlighted)

    def _choose(self, option_list: OptionList, index: int) -> None:
        if option_list.id == "decks" and 0 <= index < len(self.decks):
            self.scenarios_app.setup(self.decks[index])
        elif option_list.id == "sessions" and 0 <= index < len(self.sessions):
            self.scenarios_app.resume(self.sessions[index].path)

    def action_open_file(self) -> None:
        from scenarios.tui.screens.dialogs import AskDialog

        def opened(path: str | None) -> None:
            if path:
                self.scenarios_app.open_deck_file(path)

        self.app.push_screen(AskDialog(text(self.lang, "home.open_prompt")), opened)
