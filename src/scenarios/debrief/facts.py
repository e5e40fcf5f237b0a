"""What happened in a session, established once on the replayed game: the facts every
finding is generated from.

The debrief never says more than these facts support: for each decision moment, which
cards each role held and could play; for each indicator move, the card or option (and
lasting effect, trigger) that produced it, through the engine's records, and for a
triggered card, the decision or choice that scheduled it; each dilemma's chosen option
and its consequences; for each event, whether the deck holds any answer to it.
"""

from __future__ import annotations

from collections import defaultdict

import attrs

from scenarios.debrief.model import Choice
from scenarios.debrief.trace import SessionTrace, Step
from scenarios.deck import Deck
from scenarios.engine import Choose, Pass, Play, playability
from scenarios.engine.events import Changed, Revealed, Scheduled, Via


@attrs.frozen
class Cause:
    """What moved an indicator: a card (and its option), applied via `via`; `by` is what
    scheduled a triggered card (the decision or the choice behind it)."""

    card: str
    option: str | None
    via: Via
    by: tuple[str, str | None] | None = None


@attrs.frozen
class Move:
    """One indicator change of one step, with its cause."""

    seq: int
    phase: str
    indicator: str
    delta: int
    cause: Cause


@attrs.frozen
class Moment:
    """A decision moment: a role played or passed, and the cards of its hand it could
    play then."""

    step: Step
    role: str
    playable: tuple[str, ...]

    @property
    def constrained(self) -> bool:
        """A pass with nothing playable in hand: not a choice."""
        return isinstance(self.step.action, Pass) and not self.playable


@attrs.frozen
class Facts:
    """The facts of one session, computed once for every finding."""

    moments: tuple[Moment, ...]
    moves: tuple[Move, ...]
    choices: tuple[Choice, ...]
    answers: dict[str, tuple[str, ...]]  # event -> decision cards that counter it
    in_hand: frozenset[str]  # decision cards that were in some role's hand at some point
    fired: tuple[tuple[int, str, tuple[str, str | None]], ...]  # seq, card, scheduled by
    last_playable: dict[str, int]  # a decision card: the last moment (seq) it was playable
    backfired: frozenset[tuple[str, str | None]]  # what scheduled a card that hurt later

    def playable_after(self, cards: tuple[str, ...], seq: int) -> bool:
        """Whether one of `cards` could be played at a decision moment from `seq` on."""
        return any(self.last_playable.get(card, -1) >= seq for card in cards)

    def harmful(self, card: str, option: str | None) -> bool:
        """Whether a card or option scheduled a card that then moved an indicator the
        wrong way."""
        return (card, option) in self.backfired


def goodness(deck: Deck) -> dict[str, int]:
    """+1 for an indicator where high is good, −1 where low is."""
    return {i.id: 1 if i.good == "high" else -1 for i in deck.indicators}


def facts_of(trace: SessionTrace) -> Facts:
    """Establish the facts of a session by walking its replayed steps once."""
    deck = trace.deck
    answers: dict[str, list[str]] = defaultdict(list)
    for card in deck.cards:
        for event_id in card.counters:
            answers[event_id].append(card.id)
    moments: list[Moment] = []
    moves: list[Move] = []
    choices: list[Choice] = []
    pending: list[tuple[str, int, tuple[str, str | None]]] = []  # scheduled: card, due, by
    in_hand: set[str] = set().union(*trace.initial.hands)
    fired_by: dict[str, tuple[str, str | None]] = {}  # a triggered card: what scheduled it
    fired: list[tuple[int, str, tuple[str, str | None]]] = []
    for step in trace.done():
        in_hand.update(*step.after.hands)
        action = step.action
        if isinstance(action, (Play, Pass)):
            hand = step.before.hand(action.role)
            playable = tuple(c for c in hand if playability(step.before, action.role, c) is None)
            moments.append(Moment(step, action.role, playable))
        by_card = _triggered_by(step, pending)
        for event in step.events:
            if isinstance(event, Revealed):
                if event.card in by_card:
                    fired_by[event.card] = by_card[event.card]
                    fired.append((step.seq, event.card, by_card[event.card]))
                else:
                    fired_by.pop(event.card, None)
            elif isinstance(event, Scheduled):
                pending.append((event.card, event.due, (event.source, event.option)))
            elif isinstance(event, Changed):
                triggered = event.option is None and event.via in ("trigger", "lasting")
                by = fired_by.get(event.card) if triggered else None
                cause = Cause(event.card, event.option, event.via, by)
                moves.append(
                    Move(step.seq, step.after.phase, event.indicator,
                         event.after - event.before, cause)
                )  # fmt: skip
        if isinstance(action, Choose):
            choices.append(_choice(step))
    good = goodness(deck)
    return Facts(
        tuple(moments),
        tuple(moves),
        tuple(choices),
        {event: tuple(cards) for event, cards in answers.items()},
        frozenset(in_hand),
        tuple(fired),
        {card: m.step.seq for m in moments for card in m.playable},
        frozenset(m.cause.by for m in moves if m.cause.by and m.delta * good[m.indicator] < 0),
    )


def _triggered_by(
    step: Step, pending: list[tuple[str, int, tuple[str, str | None]]]
) -> dict[str, tuple[str, str | None]]:
    """For each card a trigger fired at this step, what scheduled it (first due first, as
    the engine fires them); the fired ones leave `pending`."""
    found: dict[str, tuple[str, str | None]] = {}
    turn = step.after.turn
    for event in step.events:
        if isinstance(event, Revealed) and event.via == "trigger":
            for index, (card, due, by) in enumerate(pending):
                if card == event.card and due <= turn:
                    found[card] = by
                    del pending[index]
                    break
    return found


def _choice(step: Step) -> Choice:
    action = step.action
    assert isinstance(action, Choose)
    changes: dict[str, int] = {}
    triggered = []
    for event in step.events:
        if isinstance(event, Changed) and event.via == "choose":
            changes[event.indicator] = changes.get(event.indicator, 0) + event.after - event.before
        elif isinstance(event, Scheduled):
            triggered.append(event.card)
    turn, phase, round_ = step.where
    return Choice(
        action.card,
        action.option,
        step.seq,
        turn,
        phase,
        round_,
        tuple(changes.items()),
        tuple(triggered),
        action.rationale,
    )
