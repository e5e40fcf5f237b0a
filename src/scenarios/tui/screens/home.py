"""Home: choose a bundled or local deck, or resume an interrupted session.

The first frame shows at once: decks are listed by id, then loaded (and their
titles shown) by a worker thread, as are the interrupted sessions.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from scenarios.deck.bundled import DEFAULT_DECK, BundledDeck, bundled_decks
from scenarios.i18n import Lang
from scenarios.render.printable import printable
from scenarios.tui.bindings import BindingSpec
from scenarios.tui.messages import DeckChosen, DeckFileChosen, ResumeRequested
from scenarios.tui.screens.base import AppScreen
from scenarios.tui.texts import plain
from scenarios.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from scenarios.deck import Deck


@attrs.frozen
class Resumable:
    """An interrupted session found in the journal folder."""

    path: Path
    title: str
    started: str
    actions: int


def resumable_sessions(folder: Path | None) -> list[Resumable]:
    """Journals in `folder` whose game is not over, most recent first."""
    from scenarios.journal import JournalError, list_journals, read_journal

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


class HomeScreen(AppScreen):
    """The first screen: decks on the left, the highlighted one described on the right."""

    BINDING_SPECS: list[BindingSpec] = [
        ("enter", "choose", "key.choose", True, "keyname.enter", False),
        ("o", "open_file", "key.open", True, None, False),
        ("q", "app.quit", "key.quit", True, None, False),
    ]

    def __init__(
        self,
        lang: Lang,
        journal_folder: Path | None,
        served: bool = False,
        given: Deck | None = None,
    ) -> None:
        super().__init__(lang)
        self.journal_folder = journal_folder
        self.served = served
        self.given = given  # the deck named on the command line, listed first
        self.shift = 1 if given is not None else 0
        self.bundled: list[BundledDeck] = sorted(
            bundled_decks(), key=lambda b: (b.id != DEFAULT_DECK, b.id)
        )
        self.decks: dict[str, Deck] = {}
        self.sessions: list[Resumable] = []

    def compose(self) -> ComposeResult:
        yield Static(self.t("home.title"), id="home-title")
        with Horizontal(id="home-body"):
            with Vertical(id="home-lists"):
                given = [Option(plain(self.given.title), id="given")] if self.given else []
                bundled = [Option(b.id, id=b.id) for b in self.bundled]
                decks = OptionList(*given, *bundled, id="decks")
                decks.border_title = self.t("home.decks")
                yield decks
                sessions = OptionList(id="sessions")
                sessions.border_title = self.t("home.sessions")
                yield sessions
            with VerticalScroll(id="deck-detail"):
                yield Static(id="deck-description")
        yield Static(self.t("home.hint_served" if self.served else "home.hint"), id="home-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        decks = self.query_one("#decks", OptionList)
        decks.highlighted = 0
        decks.focus()
        self.call_after_refresh(self.load_catalogue)

    @work(thread=True, exclusive=True)
    def load_catalogue(self) -> None:
        """Load the bundled decks and find interrupted sessions, off the first frame."""
        from scenarios.deck import DeckError, load_deck

        for bundled in self.bundled:
            try:
                deck = load_deck(bundled.path)
            except DeckError:
                continue
            self.app.call_from_thread(self._deck_loaded, deck)
        sessions = resumable_sessions(self.journal_folder)
        self.app.call_from_thread(self._sessions_found, sessions)

    def _deck_loaded(self, deck: Deck) -> None:
        self.decks[deck.id] = deck
        decks = self._list("#decks")
        if decks is None:
            return
        decks.replace_option_prompt(deck.id, plain(deck.title))
        highlighted = decks.highlighted
        if highlighted is not None and self._bundled_at(highlighted) == deck.id:
            self._describe(highlighted)

    def _bundled_at(self, index: int) -> str | None:
        """The id of the bundled deck at `index` of the list, if it is one."""
        index -= self.shift
        return self.bundled[index].id if 0 <= index < len(self.bundled) else None

    def _list(self, selector: str) -> OptionList | None:
        """One of the screen's lists, or None once the screen is gone: the catalogue is
        loaded in a thread, and a quick player may have left before it is done."""
        found = self.query(selector).results(OptionList)
        return next(iter(found), None)

    def _sessions_found(self, sessions: list[Resumable]) -> None:
        self.sessions = sessions
        options = self._list("#sessions")
        if options is None:
            return
        options.clear_options()
        for index, session in enumerate(sessions):
            prompt = self.t(
                "home.session",
                count=session.actions,
                title=session.title,
                date=_date(session.started),
            )
            options.add_option(Option(plain(prompt), id=str(index)))
        if sessions:
            options.highlighted = 0
        else:
            options.add_option(Option(self.t("home.no_sessions"), disabled=True))

    def _describe(self, index: int | None) -> None:
        if index is None:
            return
        bundled = self._bundled_at(index)
        deck = self.given if index == 0 and self.given else self.decks.get(bundled or "")
        if deck is None:
            return
        body = Text()
        body.append(printable(deck.title), style="bold")
        if deck.summary:
            body.append("\n\n" + printable(deck.summary))
        body.append("\n\n" + self.t("home.phases") + "\n", style="bold")
        for phase in deck.phases:
            body.append(
                f"  • {printable(phase.title)} — {self.t('home.rounds', count=phase.rounds)}\n"
            )
        body.append(self.t("home.roles") + "\n", style="bold")
        for role in deck.roles:
            body.append(f"  • {printable(role.title)}\n")
        if deck.duration:
            body.append(self.t("home.duration", count=deck.duration) + " · ")
        body.append(self.t("home.cards", count=len(deck.cards)))
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
        if option_list.id == "decks" and index == 0 and self.given is not None:
            self.app.post_message(DeckChosen(self.given))
        elif option_list.id == "decks" and self._bundled_at(index) is not None:
            bundled = self.bundled[index - self.shift]
            if bundled.id not in self.decks:  # chosen before the worker got to it
                self.app.post_message(DeckFileChosen(str(bundled.path), watch=False))
                return
            self.app.post_message(DeckChosen(self.decks[bundled.id]))
        elif option_list.id == "sessions" and 0 <= index < len(self.sessions):
            self.app.post_message(ResumeRequested(self.sessions[index].path))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Served to a browser, the app opens no path on the server: no `o`."""
        return not (self.served and action == "open_file")

    def action_open_file(self) -> None:
        from scenarios.tui.screens.dialogs import AskDialog

        def opened(path: str | None) -> None:
            if path:
                self.app.post_message(DeckFileChosen(path))

        self.app.push_screen(AskDialog(self.t("home.open_prompt")), opened)
