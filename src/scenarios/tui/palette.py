"""The facilitator's actions in the command palette (ctrl+p): inject, note, pause, undo."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from scenarios.deck import Deck
from scenarios.engine import Action, Inject, Pause, Resume, State, Undo
from scenarios.i18n import Lang
from scenarios.tui.texts import text


@runtime_checkable
class Facilitated(Protocol):
    """What the palette needs of the play screen, which lists it in its COMMANDS."""

    lang: Lang
    deck: Deck
    round_seconds: int

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
        if state.over:
            return
        deck = screen.deck
        for card in deck.cards:
            if card.kind.held:
                for role in deck.roles:
                    if not card.roles or role.id in card.roles:
                        action: Action = Inject(card.id, role.id)
                        title = text(lang, "cmd.inject_to", card=card.title, role=role.title)
                        yield (title, text(lang, "cmd.inject.help"), partial(run, action), False)
            else:
                title = text(lang, "cmd.inject", card=card.title)
                yield (title, text(lang, "cmd.inject.help"), partial(run, Inject(card.id)), False)

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
        from scenarios.tui.screens.dialogs import AskDialog

        def keep(note: str | None) -> None:
            if note:
                screen.facilitator(Note(note))

        self.app.push_screen(AskDialog(text(screen.lang, "note.prompt")), keep)
