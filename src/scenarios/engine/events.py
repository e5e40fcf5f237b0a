"""What an action did, as a list of small records: the game's log.

Each state keeps the records of the action that produced it (`State.last`), so
the play screen can show what just happened and the debrief can attribute
every indicator move to the card (and option) that caused it.
"""

from __future__ import annotations

from typing import Literal

import attrs

Via = Literal["schedule", "draw", "trigger", "inject", "play", "choose", "lasting"]


@attrs.frozen
class RoundBegan:
    turn: int
    phase: str
    round: int


@attrs.frozen
class Revealed:
    """An event, dilemma or question came into play."""

    card: str
    via: Via


@attrs.frozen
class Changed:
    """An indicator moved because of `card` (and `option`), applied via `via`."""

    indicator: str
    before: int
    after: int
    card: str
    option: str | None
    via: Via


@attrs.frozen
class FlagChanged:
    flag: str
    value: bool
    card: str
    option: str | None
    via: Via


@attrs.frozen
class Given:
    role: str
    card: str
    source: str


@attrs.frozen
class Scheduled:
    """A trigger will fire at the event step of turn `due`; `source` (and `option`) is the
    card (and dilemma option) whose effect scheduled it, for the debrief's cause chains."""

    card: str
    due: int
    source: str
    option: str | None = None


@attrs.frozen
class Chose:
    card: str
    option: str
    rationale: str = ""


@attrs.frozen
class Played:
    role: str
    card: str
    rationale: str


@attrs.frozen
class Passed:
    role: str
    rationale: str


@attrs.frozen
class Injected:
    card: str
    role: str | None


@attrs.frozen
class GameEnded:
    """The game is over: an ending (or None after the last round), its outcome and the score."""

    ending: str | None
    outcome: str
    score: int


@attrs.frozen
class Noted:
    text: str
    tags: tuple[str, ...] = ()


@attrs.frozen
class Broadcasted:
    """The facilitator's message to the table."""

    text: str


@attrs.frozen
class Extended:
    """The round was given `seconds` more."""

    seconds: int


@attrs.frozen
class Paused:
    pass


@attrs.frozen
class Resumed:
    pass


@attrs.frozen
class Undone:
    """The last game action was taken back; `action` names its type, `undone` holds its
    records (what it did), so that the log can say which one it was."""

    action: str
    undone: tuple[LogEvent, ...] = ()


@attrs.frozen
class Answered:
    """A role's answer (`role` None: the table's) to a question; `amended`: it replaces an
    earlier one."""

    card: str
    role: str | None
    text: str
    amended: bool = False


@attrs.frozen
class Covered:
    """The facilitator ticked (`covered`) or unticked an expected point of a question."""

    card: str
    point: int
    covered: bool


@attrs.frozen
class Replied:
    """A role's reply (`role` None: the table's) to an item of the questionnaire."""

    question: str
    role: str | None
    value: str


LogEvent = (
    RoundBegan
    | Revealed
    | Changed
    | FlagChanged
    | Given
    | Scheduled
    | Chose
    | Played
    | Passed
    | Injected
    | GameEnded
    | Noted
    | Broadcasted
    | Extended
    | Paused
    | Resumed
    | Undone
    | Answered
    | Covered
    | Replied
)
