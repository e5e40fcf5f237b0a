"""The pure reducer: `apply(state, action) -> state`, and what is legal now.

An illegal action raises `IllegalAction` with the reason as data; the state it
was applied to is untouched (states are immutable). Facilitator actions
(inject, note, message, extension, undo, pause, resume) are accepted at any time the game allows
them; `legal_actions` lists only the table's moves, which is what policies and
the play screen offer.

The words of a discussion exercise (an answer to a question, a ticked expected
point, a questionnaire reply) are aside too, like notes: they change no rule,
and an undo keeps them (it takes back moves, not what was said).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from scenarios.deck import Card, Option
from scenarios.engine import flow
from scenarios.engine import state as states
from scenarios.engine.actions import (
    Action,
    Answer,
    Broadcast,
    Choose,
    Cover,
    Draw,
    EndRound,
    Extend,
    Inject,
    Note,
    Pass,
    Pause,
    Play,
    Reply,
    Resume,
    Undo,
)
from scenarios.engine.context import state_env
from scenarios.engine.draft import Draft, noted
from scenarios.engine.errors import IllegalAction, Refusal, refuse
from scenarios.engine.events import (
    Answered,
    Broadcasted,
    Covered,
    Extended,
    LogEvent,
    Noted,
    Paused,
    Replied,
    Resumed,
    Undone,
)
from scenarios.engine.state import State, replace


def apply(state: State, action: Action) -> State:
    """The state after `action`; raises `IllegalAction` when the rules refuse it.

    An action that is one of the very objects `legal_actions(state)` listed is
    not checked again: a simulated table plays only those, and the check of a
    play (its condition, its cost, the hand) cost as much as listing them.
    """
    if not _listed(state, action):
        refusal = check(state, action)
        if refusal is not None:
            raise IllegalAction(refusal)
    aside = _ASIDE.get(type(action))
    if aside is not None:
        return aside(state, action)
    draft = Draft(state)
    _GAME[type(action)](draft, action)
    return draft.freeze(undo=state, action=action.type)


def _undo(state: State, action: Undo) -> State:
    assert state.undo is not None
    return replace(
        state.undo,
        {
            "notes": state.notes,
            "notes_digest": state.notes_digest,
            "paused": state.paused,
            "answers": state.answers,
            "covered": state.covered,
            "replies": state.replies,
            "last": (Undone(state.last_action or "", state.last_game),),
        },
    )


def _note(state: State, action: Note) -> State:
    notes, digest = noted(state.notes, state.notes_digest, state.turn, state.phase, action.text)
    event = Noted(action.text, action.tags)
    return _aside(state, event, notes=notes, notes_digest=digest)


def _answer(state: State, action: Answer) -> State:
    key = (action.card, action.role)
    event = Answered(action.card, action.role, action.text, key in state.answers)
    return _aside(state, event, answers=state.answers.set(key, action.text))


def _cover(state: State, action: Cover) -> State:
    point = (action.card, action.point)
    covered = state.covered | {point} if action.covered else state.covered - {point}
    return _aside(state, Covered(action.card, action.point, action.covered), covered=covered)


def _reply(state: State, action: Reply) -> State:
    replies = state.replies.set((action.question, action.role), action.value)
    return _aside(state, Replied(action.question, action.role, action.value), replies=replies)


def _aside(state: State, event: LogEvent, **changes: Any) -> State:
    """The state after a facilitator's note, message, pause, resume or extension: the game
    itself is untouched.

    It shares every other part with `state` (a draft would copy them), and an
    undo still goes back to the game action before it, and names that one.
    """
    return replace(state, {"last": (event,), **changes})


# What each kind of action does: the facilitator's leave the game as it is (`_ASIDE`),
# the others change a draft of it (`_GAME`). Looked up by type: `apply` runs at every action.
_ASIDE: dict[type, Callable[[State, Any], State]] = {
    Undo: _undo,
    Note: _note,
    Broadcast: lambda state, action: _aside(state, Broadcasted(action.text)),
    Extend: lambda state, action: _aside(state, Extended(action.seconds)),
    Pause: lambda state, action: _aside(state, Paused(), paused=True),
    Resume: lambda state, action: _aside(state, Resumed(), paused=False),
    Answer: _answer,
    Cover: _cover,
    Reply: _reply,
}
_GAME: dict[type, Callable[[Draft, Any], None]] = {
    Draw: lambda draft, action: flow.draw(draft),
    Choose: lambda draft, a: flow.choose(draft, a.card, a.option, a.rationale),
    Play: lambda draft, a: flow.play(draft, a.role, a.card, a.rationale),
    Pass: lambda draft, a: flow.pass_turn(draft, a.role, a.rationale),
    EndRound: lambda draft, action: flow.end_round(draft),
    Inject: lambda draft, a: flow.inject(draft, a.card, a.role),
}


def check(state: State, action: Action) -> Refusal | None:
    """Why `action` cannot be applied to `state`, or None when it can."""
    return _CHECK[type(action)](state, action)


def _check_game(state: State, action: Action) -> Refusal | None:
    """The refusals every game action may meet, in their order, then its own."""
    if state.over:
        return Refusal("game_over")
    if isinstance(action, Inject):
        return _check_inject(state, action)
    if state.pending and not isinstance(action, Choose):
        return Refusal("stage.choose", {"card": state.deck.card(state.pending[0]).title})
    if isinstance(action, Choose):
        return _check_choose(state, action)
    if state.stage != _STAGE[type(action)]:
        return _stage_refusal(state)
    if isinstance(action, (Play, Pass)):
        deck = state.deck
        if action.role not in deck.role_index:
            return Refusal("unknown_role", {"role": action.role})
        current = state.current_role
        if action.role != current:
            return Refusal(
                "not_your_turn",
                {"current": _role_title(state, current), "role": _role_title(state, action.role)},
            )
        if isinstance(action, Play):
            return playability(state, action.role, action.card)
    return None


def _check_undo(state: State, action: Undo) -> Refusal | None:
    if state.undo is not None:
        return None
    if state.undo_depth:  # the game went further, but no further back than that
        return Refusal("undo_limit", {"limit": states.UNDO_LIMIT})
    return Refusal("nothing_to_undo")


# The stage each table's move is made at.
_STAGE: dict[type, str] = {Draw: "events", EndRound: "end", Play: "decisions", Pass: "decisions"}
_CHECK: dict[type, Callable[[State, Any], Refusal | None]] = {
    Note: lambda state, action: _check_tags(state, action),
    Broadcast: lambda state, action: None,
    Extend: lambda state, action: Refusal("game_over") if state.over else None,
    Pause: lambda state, action: Refusal("already_paused") if state.paused else None,
    Resume: lambda state, action: None if state.paused else Refusal("not_paused"),
    Undo: _check_undo,
    Answer: lambda state, action: _check_answer(state, action),
    Cover: lambda state, action: _check_cover(state, action),
    Reply: lambda state, action: _check_reply(state, action),
    **{kind: _check_game for kind in (Draw, Choose, Play, Pass, EndRound, Inject)},
}


def _question(state: State, card_id: str) -> tuple[Card | None, Refusal | None]:
    """The question card `card_id`, or why it is none."""
    card = state.deck.card_index.get(card_id)
    if card is None:
        return None, Refusal("unknown_card", {"card": card_id})
    if not card.kind.asks:
        return None, Refusal("not_question", {"card": card.title})
    return card, None


def _check_answer(state: State, action: Answer) -> Refusal | None:
    """A question revealed this round, answered by a role it asks (or by the table when it
    names none), until the round ends."""
    if state.over:
        return Refusal("game_over")
    card, refusal = _question(state, action.card)
    if card is None:
        return refusal
    if action.card not in state.revealed:
        return Refusal("not_asked_now", {"card": card.title})
    role = action.role
    if role is not None and role not in state.deck.role_index:
        return Refusal("unknown_role", {"role": role})
    if card.to and role not in card.to:
        roles = ", ".join(_role_title(state, r) for r in card.to)
        return Refusal("answer_role", {"card": card.title, "roles": roles})
    return None


def _check_cover(state: State, action: Cover) -> Refusal | None:
    """An expected point of a question that came up this game (also once it is over)."""
    card, refusal = _question(state, action.card)
    if card is None:
        return refusal
    if action.card not in state.history.last_turn:
        return Refusal("not_asked_yet", {"card": card.title})
    if action.point >= len(card.expected):
        count = len(card.expected)
        return Refusal("unknown_point", {"card": card.title, "point": action.point, "count": count})
    return None


# What a questionnaire item's reply may be, by its scale (free text: any bounded text).
SCALE_VALUES: dict[str, tuple[str, ...]] = {
    "score": tuple(str(value) for value in range(0, 101, 10)),
    "yesno": ("yes", "no"),
}


def _check_reply(state: State, action: Reply) -> Refusal | None:
    """A reply to an item of the deck's questionnaire, fitting its scale, once the game is
    over."""
    if not state.over:
        return Refusal("not_over")
    item = next((q for q in state.deck.questionnaire if q.id == action.question), None)
    if item is None:
        return Refusal("unknown_question", {"question": action.question})
    if action.role is not None and action.role not in state.deck.role_index:
        return Refusal("unknown_role", {"role": action.role})
    allowed = SCALE_VALUES.get(item.scale)
    if allowed is not None and action.value not in allowed:
        return Refusal(f"reply.{item.scale}", {"value": action.value})
    return None


def _check_tags(state: State, note: Note) -> Refusal | None:
    """A note's tags must come from the deck's observation grid."""
    known = state.deck.observation_tag_index
    for tag in note.tags:
        if tag not in known:
            return Refusal("unknown_observation_tag", {"tag": tag, "known": ", ".join(known)})
    return None


def _stage_refusal(state: State) -> Refusal:
    if state.stage == "events":
        return Refusal("stage.draw")
    if state.stage == "end":
        return Refusal("stage.end")
    return Refusal("stage.decide", {"role": _role_title(state, state.current_role)})


def _role_title(state: State, role_id: str | None) -> str:
    if role_id is None or role_id not in state.deck.role_index:
        return str(role_id)
    return state.deck.roles[state.deck.role_index[role_id]].title


def _check_choose(state: State, action: Choose) -> Refusal | None:
    deck = state.deck
    if not state.pending or state.pending[0] != action.card:
        return Refusal("not_pending", {"card": action.card})
    card = deck.card(action.card)
    option = card.option(action.option)
    if option is None:
        return Refusal("unknown_option", {"card": card.title, "option": action.option})
    if option.id not in {o.id for o in available_options(state, card)}:
        condition = option.requires.source if option.requires else ""
        return Refusal("option_requires", {"condition": condition})
    return None


def _check_inject(state: State, action: Inject) -> Refusal | None:
    deck = state.deck
    card = deck.card_index.get(action.card)
    if card is None:
        return Refusal("unknown_card", {"card": action.card})
    if not card.kind.held:
        return None
    if action.role is None:
        return Refusal("inject_role")
    if action.role not in deck.role_index:
        return Refusal("unknown_role", {"role": action.role})
    if card.roles and action.role not in card.roles:
        return Refusal(
            "role_not_allowed", {"card": card.title, "role": _role_title(state, action.role)}
        )
    return None


def available_options(state: State, card: Card) -> list[Option]:
    """The options of a dilemma whose condition holds (the first one if none does)."""
    values, functions = state_env(state)
    options = [o for o in card.options if o.requires is None or o.requires.fn(values, functions)]
    return options or [card.options[0]]


def playability(state: State, role_id: str, card_id: str) -> Refusal | None:
    """Why `role_id` cannot play `card_id` now (phase, condition, cost…), or None.

    `_plays` makes the same checks for a whole hand, for the legal moves: a rule
    added here goes there too (a property test holds the two together).
    """
    deck = state.deck
    card = deck.card_index.get(card_id)
    if card is None:
        return Refusal("unknown_card", {"card": card_id})
    if not card.kind.held:
        return Refusal("not_decision", {"card": card.title})
    role = deck.role_index.get(role_id)
    if role is None:
        return Refusal("unknown_role", {"role": role_id})
    if card_id not in state.hands[role]:
        return Refusal("not_in_hand", {"card": card.title, "role": _role_title(state, role_id)})
    if state.phase not in card.phases:
        titles = [deck.phases[deck.phase_index[p]].title for p in card.phases]
        return Refusal("phase", {"phases": ", ".join(titles)})
    if card.requires is not None:
        values, functions = state_env(state)
        if not card.requires.fn(values, functions):
            return Refusal("requires", {"condition": card.requires.source})
    for indicator_id, amount in card.cost:
        indicator = deck.indicators[deck.indicator_index[indicator_id]]
        available = state.indicator(indicator_id)
        if available - amount < indicator.min:
            return Refusal(
                "cost", {"indicator": indicator.title, "cost": amount, "available": available}
            )
    if state.current_role == role_id and state.actions_used >= deck.roles[role].actions_per_round:
        return Refusal("no_actions", {"role": _role_title(state, role_id)})
    return None


def legal_actions(state: State) -> list[Action]:
    """The table's moves allowed now (facilitator actions are not listed).

    Listed once per state and kept with it (`State.moves`), for `apply`; the
    caller gets its own list.
    """
    moves: tuple[Action, ...] | None = state.moves
    if moves is None:
        moves = tuple(_legal_actions(state))
        object.__setattr__(state, "moves", moves)
    return list(moves)


def _listed(state: State, action: Action) -> bool:
    """Whether `action` is one of the moves `legal_actions` listed for `state` (the same
    object: an equal one made elsewhere is checked as any other)."""
    moves: tuple[Action, ...] | None = state.moves
    if moves is not None:
        for move in moves:
            if move is action:
                return True
    return False


def _legal_actions(state: State) -> list[Action]:
    if state.over:
        return []
    if state.pending:
        card = state.deck.card(state.pending[0])
        return [_choose(card.id, option.id) for option in available_options(state, card)]
    if state.stage == "events":
        return [Draw()]
    if state.stage == "end":
        return [EndRound()]
    role = state.current_role
    assert role is not None
    return [*_plays(state, role), _pass(role)]


def _plays(state: State, role: str) -> list[Action]:
    """The cards of `role`'s hand it may play now: those `playability` lets through.

    The same checks, minus what holds for any card of the hand of the role
    whose turn it is (the card, the role, the card in the hand), and with the
    deck's table of the decisions of each phase (`Deck.playable`): policies ask
    for the legal moves at every action.
    """
    deck = state.deck
    index = state.role_index
    if state.actions_used >= deck.roles[index].actions_per_round:
        return []
    playable = deck.playable[state.phase]
    indicators = state.indicators
    env = None  # made for the first card with a condition, if there is one
    plays: list[Action] = []
    for card_id in state.hands[index]:
        rule = playable.get(card_id)
        if rule is None:  # not a decision of this phase
            continue
        requires, costs = rule
        if requires is not None:
            env = env or state_env(state)
            if not requires.fn(*env):
                continue
        if any(indicators[i] - amount < low for i, amount, low in costs):
            continue
        plays.append(_play(role, card_id))
    return plays


# The same few moves are offered action after action, game after game.
_play = functools.lru_cache(maxsize=4096)(Play)
_choose = functools.lru_cache(maxsize=4096)(Choose)
_pass = functools.lru_cache(maxsize=256)(Pass)


def is_legal(state: State, action: Action) -> bool:
    return check(state, action) is None


__all__ = ["IllegalAction", "apply", "check", "legal_actions", "playability", "refuse"]
