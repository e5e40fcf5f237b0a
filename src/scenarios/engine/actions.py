"""What can be done in a game: the table's moves and the facilitator's.

Actions are small frozen records. They are the journal's lines and the
engine's input; `to_dict` and `action_from_dict` give their JSON form, with
`type` as the tag.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, get_args

import attrs

from scenarios.engine.errors import Refusal, RefusedError

MAX_TEXT = 2000
MAX_TAGS = 20
MAX_EXTEND = 3600  # an hour: more is a new session, not a longer round
MAX_INDEX = 999  # an expected point's index: far more points than a question has


class ActionFormatError(RefusedError, ValueError):
    """A JSON action that is not one of ours; its reason is an `action.*` code of the catalog."""


def _malformed(code: str, **params: object) -> ActionFormatError:
    """An `ActionFormatError` for `code` (to be raised)."""
    return ActionFormatError(Refusal(code, params))


def _bounded_text(instance: Action, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise _malformed("action.not_text", action=instance.type, field=attribute.name)
    if len(value) > MAX_TEXT:
        raise _malformed(
            "action.too_long", action=instance.type, field=attribute.name, limit=MAX_TEXT
        )


def _id(instance: Action, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not 0 < len(value) <= 64:
        raise _malformed("action.not_id", action=instance.type, field=attribute.name)


def _optional_id(
    instance: Action, attribute: attrs.Attribute[str | None], value: str | None
) -> None:
    if value is not None:
        _id(instance, attribute, value)  # type: ignore[arg-type]


@attrs.frozen
class Draw:
    """Reveal this round's events: scheduled cards, due triggers, then cards drawn by weight."""

    type: ClassVar[str] = "draw"


@attrs.frozen
class Choose:
    """The table's answer to the dilemma waiting for one, with its reasons."""

    type: ClassVar[str] = "choose"
    card: str = attrs.field(validator=_id)
    option: str = attrs.field(validator=_id)
    rationale: str = attrs.field(default="", validator=_bounded_text)


@attrs.frozen
class Play:
    """A role plays a decision card from its hand, with its reasons."""

    type: ClassVar[str] = "play"
    role: str = attrs.field(validator=_id)
    card: str = attrs.field(validator=_id)
    rationale: str = attrs.field(default="", validator=_bounded_text)


@attrs.frozen
class Pass:
    """A role ends its turn without playing (more), optionally saying why."""

    type: ClassVar[str] = "pass"
    role: str = attrs.field(validator=_id)
    rationale: str = attrs.field(default="", validator=_bounded_text)


@attrs.frozen
class EndRound:
    """Close the round: endings are checked, then the next round begins."""

    type: ClassVar[str] = "end_round"


@attrs.frozen
class Inject:
    """Facilitator: a card fires now, or joins `role`'s hand if its kind is held (a decision)."""

    type: ClassVar[str] = "inject"
    card: str = attrs.field(validator=_id)
    role: str | None = attrs.field(default=None, validator=_optional_id)


def _tags(value: object) -> tuple[str, ...]:
    """A note's tags as read from JSON (a list) or given in code (any sequence)."""
    if not isinstance(value, (list, tuple)):
        raise _malformed("action.not_tags", action=Note.type, field="tags")
    return tuple(value)


def _tag_ids(
    instance: Action, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
) -> None:
    if len(value) > MAX_TAGS or len(set(value)) != len(value):
        raise _malformed("action.not_tags", action=instance.type, field=attribute.name)
    for tag in value:
        _id(instance, attribute, tag)  # type: ignore[arg-type]


@attrs.frozen
class Note:
    """Facilitator or observer: a note in the session's record, optionally tagged with the
    deck's observation grid (`observation_tags`)."""

    type: ClassVar[str] = "note"
    text: str = attrs.field(validator=_bounded_text)
    tags: tuple[str, ...] = attrs.field(default=(), converter=_tags, validator=_tag_ids)


@attrs.frozen
class Broadcast:
    """Facilitator: a message shown on the table's screen until its round ends."""

    type: ClassVar[str] = "broadcast"
    text: str = attrs.field(validator=_bounded_text)


def _seconds(instance: Action, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_EXTEND:
        raise _malformed(
            "action.not_seconds", action=instance.type, field=attribute.name, limit=MAX_EXTEND
        )


@attrs.frozen
class Extend:
    """Facilitator: give the current round `seconds` more on the clock."""

    type: ClassVar[str] = "extend"
    seconds: int = attrs.field(validator=_seconds)


@attrs.frozen
class Undo:
    """Facilitator: take back the last game action (journaled; nothing is erased)."""

    type: ClassVar[str] = "undo"


@attrs.frozen
class Pause:
    """Facilitator: pause the round timer."""

    type: ClassVar[str] = "pause"


@attrs.frozen
class Resume:
    """Facilitator: resume the round timer."""

    type: ClassVar[str] = "resume"


def _index(instance: Action, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_INDEX:
        raise _malformed(
            "action.not_index", action=instance.type, field=attribute.name, limit=MAX_INDEX
        )


def _bool(instance: Action, attribute: attrs.Attribute[bool], value: bool) -> None:
    if not isinstance(value, bool):
        raise _malformed("action.not_bool", action=instance.type, field=attribute.name)


@attrs.frozen
class Answer:
    """A role's answer (`role` None: the table's) to a question revealed this round, in
    words; another one for the same card and role amends it."""

    type: ClassVar[str] = "answer"
    card: str = attrs.field(validator=_id)
    text: str = attrs.field(validator=_bounded_text)
    role: str | None = attrs.field(default=None, validator=_optional_id)


@attrs.frozen
class Cover:
    """Facilitator: tick (or untick) the expected point `point` (its index in the card's
    `expected`) of a question that has come up this game."""

    type: ClassVar[str] = "cover"
    card: str = attrs.field(validator=_id)
    point: int = attrs.field(validator=_index)
    covered: bool = attrs.field(default=True, validator=_bool)


@attrs.frozen
class Reply:
    """A role's reply (`role` None: the table's) to an item of the lessons-learned
    questionnaire, once the game is over; another one for the same item and role amends it."""

    type: ClassVar[str] = "reply"
    question: str = attrs.field(validator=_id)
    value: str = attrs.field(validator=_bounded_text)
    role: str | None = attrs.field(default=None, validator=_optional_id)


Action = (
    Draw
    | Choose
    | Play
    | Pass
    | EndRound
    | Inject
    | Note
    | Broadcast
    | Extend
    | Undo
    | Pause
    | Resume
    | Answer
    | Cover
    | Reply
)

ACTION_TYPES: Mapping[str, type[Action]] = {cls.type: cls for cls in get_args(Action)}


def to_dict(action: Action) -> dict[str, Any]:
    """The JSON form of an action: its fields and its `type`, defaults left out."""
    data: dict[str, Any] = {"type": action.type}
    for field in attrs.fields(type(action)):
        value = getattr(action, field.name)
        if value != field.default:
            data[field.name] = value
    return data


def action_from_dict(data: object) -> Action:
    """The action described by `data`; `ActionFormatError` for anything else."""
    if type(data) is dict:
        key = tuple(data.items())
        try:
            action = _READ.get(key)
        except TypeError:  # a list in it (a note's tags)
            return _action_from_dict(data)
        if action is not None:
            return action
        action = _action_from_dict(data)
        # Only short text values: in a key, `True` and `1.0` would pass for `1`. A note's
        # or a message's text comes once: not kept.
        if type(action) not in (Note, Broadcast, Answer) and all(
            type(value) is str and len(value) <= 64 for value in data.values()
        ):
            if len(_READ) >= _READ_MAX:
                _READ.clear()
            _READ[key] = action
        return action
    return _action_from_dict(data)


# The actions already read, by their JSON's items: the same few plays, passes
# and draws come back line after line, journal after journal (actions are frozen).
_READ: dict[tuple[tuple[str, Any], ...], Action] = {}
_READ_MAX = 1 << 12


def _action_from_dict(data: object) -> Action:
    if not isinstance(data, dict):
        raise _malformed("action.not_object")
    tag = data.get("type")
    if tag is None:
        raise _malformed("action.no_type", known=list(ACTION_TYPES))
    cls = ACTION_TYPES.get(tag) if isinstance(tag, str) else None
    if cls is None:
        raise _malformed("action.unknown_type", type=tag, known=list(ACTION_TYPES))
    names, allowed, required = _FIELDS[cls]
    if not allowed.issuperset(data):
        unknown = sorted(set(data) - allowed)
        raise _malformed("action.unknown_field", action=cls.type, field=unknown[0], known=names)
    missing = [name for name in required if name not in data]
    if missing:
        raise _malformed("action.missing_field", action=cls.type, field=missing[0])
    return cls(**{k: v for k, v in data.items() if k != "type"})


# For each kind of action: its field names, the keys its JSON may have, those it must have.
_FIELDS: Mapping[type[Action], tuple[list[str], frozenset[str], tuple[str, ...]]] = {
    cls: (
        [field.name for field in attrs.fields(cls)],
        frozenset({"type", *(field.name for field in attrs.fields(cls))}),
        tuple(f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING),
    )
    for cls in ACTION_TYPES.values()
}


__all__ = [
    "ACTION_TYPES",
    "Action",
    "ActionFormatError",
    "Answer",
    "Broadcast",
    "Choose",
    "Cover",
    "Draw",
    "EndRound",
    "Extend",
    "Inject",
    "Note",
    "Pass",
    "Pause",
    "Play",
    "Reply",
    "Resume",
    "Undo",
    "action_from_dict",
    "to_dict",
]
