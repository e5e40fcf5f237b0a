"""Home: choose a bundled or local deck, or resume an interrupted session.

The first frame shows at once: decks are listed by id (local ones by file
name), then loaded (and their titles shown) by a worker thread, as are the
interrupted sessions. Local decks and journals kept elsewhere than the journal
folder are those the data folder remembers (`journal.locations.recent`); a
served app lists neither, since it opens no path on the server.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from scenarios.deck.bundled import DEFAULT_DECK, BundledDeck, bundled_decks
from scenarios.i18n import Lang, local_time
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
    """An interrupted session found in the journal folder, or remembered from elsewhere."""

    path: Path
    title: str
    started: str
    actions: int
    teams: tuple[str, ...] = ()


def resumable_sessions(folder: Path | None, elsewhere: Sequence[Path] = ()) -> list[Resumable]:
    """Journals in `folder`, and those `elsewhere`, whose game is not over, most recent first."""
    from scenarios.journal import JournalError, list_journals, read_journal

    paths = {os.path.abspath(p): p for p in (*list_journals(folder), *elsewhere)}
    found = []
    for path in sorted(paths.values(), key=_modified, reverse=True):
        try:
            content = read_journal(path)
        except JournalError:
            continue
        if content.entries and content.entries[-1].over:
            continue
        header = content.header
        teams = tuple(team.name for team in header.teams)
        found.append(
            Resumable(path, header.deck_title, header.started, len(content.entries), teams)
        )
    return found


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


class HomeScreen(AppScreen):
    """The first screen: decks on the left, the highlighted one described on the right.

    The right panel and the hint follow the focus: with the interrupted sessions
    focused, they describe the highlighted session and how to resume it."""

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
        given_path: Path | None = None,
    ) -> None:
        super().__init__(lang)
        self.journal_folder = journal_folder
        self.served = served
        self.given = given  # the deck named on the command line, listed first
        self.bundled: list[BundledDeck] = sorted(
            bundled_decks(), key=lambda b: (b.id != DEFAULT_DECK, b.id)
        )
        self.decks: dict[str, Deck] = {}
        self.sessions: list[Resumable] = []
        # Local decks opened lately (none when served), listed after the given one.
        self.recent: list[Path] = [] if served else self._recent_decks(given_path)
        self.recent_decks: dict[int, Deck] = {}
        self.first_recent = 1 if given is not None else 0
        self.shift = self.first_recent + len(self.recent)

    def _recent_decks(self, given_path: Path | None) -> list[Path]:
        """The local decks the data folder remembers, less the bundled and the given one."""
        from scenarios.journal.locations import recent

        skip = {os.path.abspath(b.path) for b in self.bundled}
        if given_path is not None:
            skip.add(os.path.abspath(given_path))
        return [p for p in recent("decks") if os.path.abspath(p) not in skip]

    def compose(self) -> ComposeResult:
        yield Static(self.t("home.title"), id="home-title")
        with Horizontal(id="home-body"):
            with Vertical(id="home-lists"):
                given = [Option(plain(self.given.title), id="given")] if self.given else []
                recent = [
                    Option(plain(path.name), id=f"recent-{n}") for n, path in enumerate(self.recent)
                ]
                bundled = [Option(b.id, id=b.id) for b in self.bundled]
                decks = OptionList(*given, *recent, *bundled, id="decks")
                mine = bool(given or recent)  # local decks listed above the bundled ones
                decks.border_title = self.t("home.decks_and_local" if mine else "home.decks")
                yield decks
                sessions = OptionList(id="sessions")
                sessions.border_title = self.t("home.sessions")
                yield sessions
            with VerticalScroll(id="deck-detail"):
                yield Static(id="deck-description")
        yield Static(self._hint(sessions=False), id="home-hint")
        yield KeyBar()

    def _hint(self, sessions: bool) -> str:
        """What Enter, Tab and `o` do from the list that has the focus."""
        key = "home.hint_sessions" if sessions else "home.hint"
        return self.t(key + "_served" if self.served else key)

    def on_mount(self) -> None:
        # Tab goes between the two lists, as the hint says; the panel scrolls with the mouse.
        self.query_one("#deck-detail", VerticalScroll).can_focus = False
        decks = self.query_one("#decks", OptionList)
        decks.highlighted = 0
        decks.focus()
        self.call_after_refresh(self.load_catalogue)

    @work(thread=True, exclusive=True)
    def load_catalogue(self) -> None:
        """Load the decks and find interrupted sessions, off the first frame."""
        from scenarios.deck import DeckError, load_deck
        from scenarios.journal.locations import recent

        for index, path in enumerate(self.recent):
            try:
                local = load_deck(path)
            except DeckError:
                continue  # listed by its file name: choosing it says what is wrong
            self.app.call_from_thread(self._recent_loaded, index, local)
        for bundled in self.bundled:
            try:
                deck = load_deck(bundled.path)
            except DeckError:
                continue
            self.app.call_from_thread(self._deck_loaded, deck)
        elsewhere = [] if self.served else recent("journals")
        sessions = resumable_sessions(self.journal_folder, elsewhere)
        self.app.call_from_thread(self._sessions_found, sessions)

    def _recent_loaded(self, index: int, deck: Deck) -> None:
        self.recent_decks[index] = deck
        decks = self._list("#decks")
        if decks is None:
            return
        decks.replace_option_prompt(f"recent-{index}", plain(deck.title))
        if decks.highlighted == self.first_recent + index and decks.has_focus:
            self._describe(decks.highlighted)

    def _deck_loaded(self, deck: Deck) -> None:
        self.decks[deck.id] = deck
        decks = self._list("#decks")
        if decks is None:
            return
        decks.replace_option_prompt(deck.id, plain(deck.title))
        highlighted = decks.highlighted
        shown = highlighted is not None and self._bundled_at(highlighted) == deck.id
        if shown and not self._sessions_focused():
            self._describe(highlighted)

    def _bundled_at(self, index: int) -> str | None:
        """The id of the bundled deck at `index` of the list, if it is one."""
        index -= self.shift
        return self.bundled[index].id if 0 <= index < len(self.bundled) else None

    def _recent_at(self, index: int) -> int | None:
        """The place in `self.recent` of the local deck at `index` of the list, if it is one."""
        index -= self.first_recent
        return index if 0 <= index < len(self.recent) else None

    def _list(self, selector: str) -> OptionList | None:
        """One of the screen's lists, or None once the screen is gone: the catalogue is
        loaded in a thread, and a quick player may have left before it is done."""
        found = self.query(selector).results(OptionList)
        return next(iter(found), None)

    def _sessions_focused(self) -> bool:
        sessions = self._list("#sessions")
        return sessions is not None and sessions.has_focus

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
                date=local_time(session.started),
            )
            options.add_option(Option(plain(prompt), id=str(index)))
        if sessions:
            options.highlighted = 0
        else:
            options.add_option(Option(self.t("home.no_sessions"), disabled=True))
        if options.has_focus:
            self._describe_session(options.highlighted)

    def _describe(self, index: int | None) -> None:
        if index is None:
            return
        recent = self._recent_at(index)
        path: Path | None = None
        if index == 0 and self.given:
            deck: Deck | None = self.given
        elif recent is not None:
            deck, path = self.recent_decks.get(recent), self.recent[recent]
        else:
            deck = self.decks.get(self._bundled_at(index) or "")
        description = self.query_one("#deck-description", Static)
        if deck is None:
            if path is not None:  # not loaded (yet, or it has errors): at least where it is
                description.update(plain(self.t("home.deck_file", path=path)))
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
        if path is not None:
            body.append("\n" + self.t("home.deck_file", path=path))
        description.update(body)

    def _describe_session(self, index: int | None) -> None:
        """The interrupted session under the highlight: its deck, date, teams and journal."""
        description = self.query_one("#deck-description", Static)
        if index is None or not 0 <= index < len(self.sessions):
            description.update(self.t("home.no_sessions") if not self.sessions else "")
            return
        session = self.sessions[index]
        body = Text()
        body.append(printable(session.title), style="bold")
        body.append("\n\n" + self.t("home.session.started", date=local_time(session.started)))
        body.append("\n" + self.t("home.session.actions", count=session.actions))
        if session.teams:
            body.append("\n\n" + self.t("home.session.teams") + "\n", style="bold")
            for team in session.teams:
                body.append(f"  • {printable(team)}\n")
        body.append("\n" + self.t("home.session.journal", path=session.path))
        body.append("\n\n" + self.t("home.session.resume"), style="italic")
        description.update(body)

    def watch_focused(self, focused: Widget | None) -> None:
        """The panel and the hint follow the list that has the focus."""
        if not isinstance(focused, OptionList):
            return
        sessions = focused.id == "sessions"
        self.query_one("#home-hint", Static).update(self._hint(sessions))
        if sessions:
            self._describe_session(focused.highlighted)
        else:
            self._describe(focused.highlighted)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "decks":
            self._describe(event.option_index)
        elif event.option_list.has_focus:
            self._describe_session(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_list, event.option_index)

    def action_choose(self) -> None:
        focused = self.focused
        if isinstance(focused, OptionList) and focused.highlighted is not None:
            self._choose(focused, focused.highlighted)

    def _choose(self, option_list: OptionList, index: int) -> None:
        recent = self._recent_at(index)
        if option_list.id == "decks" and index == 0 and self.given is not None:
            self.app.post_message(DeckChosen(self.given))
        elif option_list.id == "decks" and recent is not None:
            self.app.post_message(DeckFileChosen(str(self.recent[recent])))  # as it is now
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
        from scenarios.tui.screens.open_deck import OpenDeckDialog

        if self.served:
            return

        def opened(path: str | None) -> None:
            if path:
                self.app.post_message(DeckFileChosen(path))

        self.app.push_screen(OpenDeckDialog(self.lang, Path.cwd()), opened)
