"""The facilitator's actions in the command palette (ctrl+p): inject, note, pause, undo, and
tick the expected points of the questions that came up."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Protocol, cast, runtime_checkable

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.css.query import NoMatches
from textual.markup import escape
from textual.widgets.option_list import Option

from scenarios.deck import Card, Deck
from scenarios.engine import Action, Inject, Pause, Resume, State, Undo
from scenarios.i18n import Lang
from scenarios.tui.texts import CATALOG, text


@runtime_checkable
class Facilitated(Protocol):
    """What the palette needs of the play screen, which lists it in its COMMANDS."""

    lang: Lang
    deck: Deck

    @property
    def round_seconds(self) -> int: ...

    @property
    def state(self) -> State: ...

    def facilitator(self, action: Action) -> None: ...


class FacilitatorCommands(Provider):
    """What the facilitator may do at any moment of a game."""

    def _entries(self) -> Iterator[tuple[str, str, Callable[[], None], bool]]:
        """(title, help, what it does, whether to list it before anything is typed)."""
        screen = self.screen
        if not isinstance(screen, Facilitated) or getattr(screen, "observer", None):
            return  # an observer never acts on the game
        lang = screen.lang
        state = screen.state
        run = screen.facilitator
        yield (
            text(lang, "cmd.note"),
            text(lang, "cmd.note.help"),
            partial(self._ask_note, screen),
            True,
        )
        if state.undo is not None:
            yield (text(lang, "cmd.undo"), text(lang, "cmd.undo.help"), partial(run, Undo()), True)
        if screen.round_seconds:
            if state.paused:
                yield (
                    text(lang, "cmd.resume"),
                    text(lang, "cmd.timer.help"),
                    partial(run, Resume()),
                    True,
                )
            else:
                yield (
                    text(lang, "cmd.pause"),
                    text(lang, "cmd.timer.help"),
                    partial(run, Pause()),
                    True,
                )
        yield from self._points(screen)
        if state.over:
            return
        deck = screen.deck
        fired = {card_id for card_id, _ in state.history.fired}
        for card in deck.cards:
            if card.kind.held:
                for role in deck.roles:
                    if not card.roles or role.id in card.roles:
                        action: Action = Inject(card.id, role.id)
                        again = "again" if card.id in state.hand(role.id) else None
                        title = text(lang, "cmd.inject_to", card=card.title, role=role.title)
                        yield self._inject(screen, title, action, again)
            else:
                if card.id in state.revealed or card.id in state.pending:
                    again = "again"
                else:  # gone from the table, but it happened: its effects would count twice
                    again = "fired" if card.id in fired else None
                title = text(lang, "cmd.inject", card=card.title)
                yield self._inject(screen, title, Inject(card.id), again)

    def _points(self, screen: Facilitated) -> Iterator[tuple[str, str, Callable[[], None], bool]]:
        """Each question that came up, to tick its expected points: listed at once for this
        round's, found by typing for the earlier ones."""
        from scenarios.tui.screens.discussion import points_detail, questions_asked

        lang, state = screen.lang, screen.state
        for card in questions_asked(state):
            if not card.expected and not card.facilitator:
                continue
            covered = sum((card.id, n) in state.covered for n in range(len(card.expected)))
            title = text(
                lang, "cmd.points", card=card.title, covered=covered, total=len(card.expected)
            )
            detail = points_detail(card, state.covered, lang)
            help_text = text(lang, "cmd.points.help", detail=detail)
            listed = card.id in state.revealed
            yield (title, help_text, partial(self._tick_points, screen, card), listed)

    def _tick_points(self, screen: Facilitated, card: Card) -> None:
        from scenarios.tui.screens.discussion import PointsDialog

        dialog = PointsDialog(
            card.title, [card], lambda: screen.state, screen.facilitator, screen.lang
        )
        self.app.push_screen(dialog)

    def _inject(
        self, screen: Facilitated, title: str, action: Action, again: str | None
    ) -> tuple[str, str, Callable[[], None], bool]:
        """An inject command; a card on the table (`again` "again") or that already
        happened this game ("fired") asks before it comes in again."""
        from scenarios.tui.screens.discussion import points_detail

        lang = screen.lang
        if again is None:
            card = screen.deck.card(action.card) if isinstance(action, Inject) else None
            note = card.facilitator if card is not None else ""
            help_text = text(lang, "cmd.inject.help")
            if card is not None and card.expected:  # a question: its note and expected points
                detail = points_detail(card, screen.state.covered, lang)
                help_text = f"{help_text}. {detail}"
            elif note:  # the palette is the facilitator's: the deck's note for them goes with it
                help_text = text(lang, "cmd.inject.help_note", note=note)
            return (title, help_text, partial(screen.facilitator, action), True)
        return (
            text(lang, f"cmd.inject.{again}", command=title),
            text(lang, f"cmd.inject.{again}.help"),
            partial(self._confirm, screen, title, action, again),
            True,
        )

    def _confirm(self, screen: Facilitated, title: str, action: Action, again: str) -> None:
        from scenarios.tui.screens.dialogs import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                screen.facilitator(action)

        lang = screen.lang
        self.app.push_screen(
            ConfirmDialog(
                text(lang, "inject.again.question", command=title),
                text(lang, f"inject.{again}.explain"),
                text(lang, "inject.again.yes"),
                text(lang, "inject.again.no"),
            ),
            answered,
        )

    async def discover(self) -> Hits:
        for title, help_text, callback, listed in self._entries():
            if listed:
                yield DiscoveryHit(Content(title), callback, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback, _ in self._entries():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(escape(title)), callback, help=escape(help_text))

    def _ask_note(self, screen: Facilitated) -> None:
        from scenarios.engine import Note
        from scenarios.tui.screens.dialogs import Observation, observation_dialog

        def keep(note: Observation | None) -> None:
            if note:
                screen.facilitator(Note(note.text, note.tags))

        dialog = observation_dialog(screen.lang, text(screen.lang, "note.prompt"), screen.deck)
        self.app.push_screen(dialog, keep)


class KeyCommands(Provider):
    """A screen's keys in the palette: those whose label has a `.help` text in the catalog
    (`room.key.chronogram` and `room.key.chronogram.help`), run as if the key was pressed;
    a terse key label ("Toutes") has a longer `.command` title for the palette."""

    def _entries(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        screen = self.screen
        lang: Lang | None = getattr(screen, "lang", None)
        if lang is None:
            return
        seen: set[str] = set()
        for key, action, label, _, display, _ in getattr(screen, "BINDING_SPECS", []):
            if action in seen or not CATALOG.has(f"{label}.help"):
                continue
            seen.add(action)
            said = text(lang, display) if display and CATALOG.has(display) else display or key
            help_text = f"{text(lang, f'{label}.help')} ({text(lang, 'palette.key', key=said)})"
            title = f"{label}.command" if CATALOG.has(f"{label}.command") else label
            yield text(lang, title), help_text, partial(screen.run_action, action)

    async def discover(self) -> Hits:
        for title, help_text, callback in self._entries():
            yield DiscoveryHit(Content(title), callback, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._entries():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(escape(title)), callback, help=escape(help_text))


class Palette(CommandPalette):
    """Textual's command palette, with its own words in the player's language."""

    def __init__(self, lang: Lang) -> None:
        super().__init__(placeholder=text(lang, "palette.search"), id="--command-palette")
        self.lang = lang

    @property
    def _provider_classes(self) -> set[type[Provider]]:
        """Textual's providers in a fixed order: the app's (system commands) first, then the
        screen's. Textual returns a set of classes, whose order changes from run to run, and
        so did the order of the commands a facilitator sees (textual 8.2)."""
        found = super()._provider_classes
        ordered = sorted(found, key=lambda p: (p.__module__.startswith("scenarios"), p.__name__))
        return cast("set[type[Provider]]", ordered)  # iterated only, in this order

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Textual's own countdown (textual 8.2), saying « no matches » in the player's language."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if not search_value:
                self._list_visible = False
                return
            try:
                commands = self.query_one(CommandList)
            except NoMatches:
                return
            said = Text(text(self.lang, "palette.no_matches"), style="not bold")
            commands.add_option(Option(Align.center(said), disabled=True, id=self._NO_MATCHES))
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
