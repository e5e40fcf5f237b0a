"""What a screen asks of the app, as Textual messages: screens never import the app.

The app (`ScenariosApp`) owns the session and moves between screens; a screen
posts one of these to it (`self.app.post_message(...)`) and the app handles it
in its `on_...` method. They are dataclasses, as Textual allows for messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from scenarios.deck import Deck
    from scenarios.journal import Session, Team
    from scenarios.workshop.table import TableSession


class HomeRequested(Message):
    """Back to the home screen: a new game, or setup given up."""


@dataclass
class DeckChosen(Message):
    """A loaded deck to set a game up with."""

    deck: Deck


@dataclass
class DeckFileChosen(Message):
    """A deck file to load, then set up; `watch` follows its edits (not for bundled decks)."""

    path: str
    watch: bool = True


@dataclass
class ResumeRequested(Message):
    """An interrupted session to resume from its journal."""

    path: Path


@dataclass
class StartRequested(Message):
    """The setup is done: start a game and its journal."""

    deck: Deck
    seed: int
    teams: Sequence[Team]
    minutes: int | None  # None: each phase's length in the deck
    label: str | None = None  # the table's name, written in the journal's header
    variables: dict[str, str] = field(default_factory=dict)  # the deck's variables' values


@dataclass
class JoinRequested(Message):
    """A workshop table to sit at: its join code, and the roles this screen plays (none: all)."""

    code: str
    roles: frozenset[str]


@dataclass
class GameOver(Message):
    """The session's game has ended: show its end screen."""

    session: Session | TableSession


@dataclass
class QuitRequested(Message):
    """Leaving in the middle of the session's game: ask first."""

    session: Session | TableSession


@dataclass
class JournalFailed(Message):
    """The journal refused a line (`problem`, with `advice` to show), or, with `problem`
    None, took one again after refusing."""

    problem: str | None
    advice: str = ""


@dataclass
class PhaseEnded(Message):
    """The session's game moved past the end of `phase`: show what the phase left behind."""

    session: Session | TableSession
    phase: str


@dataclass
class QuestionnaireDone(Message):
    """The questionnaire at the end of the session's game is answered or skipped: show the
    end screen."""

    session: Session | TableSession
