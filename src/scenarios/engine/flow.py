"""The flow of a game: starting, rounds and phases, draws, plays, endings.

Each function changes a `Draft` in place; `apply` in `reducer.py` decides
which one runs and checks legality first.
"""

from __future__ import annotations

from scenarios.deck import Card, Deck
from scenarios.engine import rng
from scenarios.engine.building import builder
from scenarios.engine.context import draft_env
from scenarios.engine.draft import Draft
from scenarios.engine.effects import (
    apply_effects,
    change_indicator,
    finish,
    give,
    start_lasting,
    tick_lasting,
)
from scenarios.engine.events import Chose, Injected, Passed, Played, Revealed, RoundBegan, Via
from scenarios.engine.state import State

# The log events made at every action, by position (see `engine.building`).
_round_began = builder(RoundBegan)
_revealed = builder(Revealed)
_played = builder(Played)
_passed = builder(Passed)


def new_game(deck: Deck, seed: int) -> State:
    """The state before the first action: first round of the first phase, hands dealt."""
    state = rng.seed_state(seed)
    piles: list[tuple[str, ...]] = []
    for role in deck.roles:
        own = [c.id for c in deck.cards if c.kind.held and (not c.roles or role.id in c.roles)]
        state, pile = rng.shuffled(state, own)
        piles.append(pile)
    initial = State(
        deck=deck,
        seed=seed,
        rng=state,
        turn=1,
        phase_index=0,
        round=1,
        stage="events",
        indicators=tuple(indicator.start for indicator in deck.indicators),
        flags=frozenset(),
        hands=tuple(() for _ in deck.roles),
        piles=tuple(piles),
        removed=frozenset(),
    )
    draft = Draft(initial)
    begin_round(draft, first=True)
    return draft.freeze(undo=None, action=None)


def begin_round(draft: Draft, first: bool = False, phase_changed: bool = False) -> None:
    """Lasting effects tick, hands are sorted and refilled, the event step is next."""
    deck = draft.deck
    draft.stage = "events"
    draft.revealed = []
    draft.role_index = 0
    draft.actions_used = 0
    if not first:
        tick_lasting(draft)
        if draft.over:
            return
    phase = draft.phase
    in_phase_ids = deck.phase_cards[phase]
    removed = draft.peek("removed")
    hands = draft.hands
    for role_index, role in enumerate(deck.roles):
        if not phase_changed and len(hands[role_index]) >= role.hand_size:
            continue  # a full hand takes nothing from its pile: both are left as they are
        hand = draft.row("hands", role_index)
        pile = draft.row("piles", role_index)
        if phase_changed:
            keep = [card for card in hand if card in in_phase_ids]
            pile.extend(card for card in hand if card not in keep)
            hand[:] = keep
        for card in list(pile):
            if len(hand) >= role.hand_size:
                break
            if card in in_phase_ids and card not in removed and card not in hand:
                pile.remove(card)
                hand.append(card)
    draft.add_trail()
    draft.log.append(_round_began(draft.turn, phase, draft.round))


def fire(draft: Draft, card_id: str, via: Via) -> None:
    """A card comes into play: its effects apply; one with options awaits the table's choice."""
    card = draft.deck.card_index[card_id]
    phase = draft.phase
    draft.revealed.append(card_id)
    history = draft.history
    history.bump("fired", (card_id, phase))
    history.put("last_turn", card_id, draft.turn)
    for tag in card.tags:
        history.bump("tags", (tag, phase))
    draft.log.append(_revealed(card_id, via))
    apply_effects(draft, card.effects, card_id, None, via)
    if draft.over:
        return
    if card.lasting is not None:
        start_lasting(draft, card_id, None)
    if card.kind.options:
        draft.pending.append(card_id)


def eligible_events(draft: Draft) -> list[Card]:
    """Cards that may be drawn now, in deck order."""
    phase = draft.phase
    env = None  # made for the first card with a condition, if there is one
    last_turn = draft.peek("history").last_turn
    revealed = draft.peek("revealed")
    eligible = []
    for card in draft.deck.drawable[phase]:
        if card.id in revealed:
            continue
        if card.once and card.id in last_turn:
            continue
        if card.when is not None:
            env = env or draft_env(draft)
            if not card.when.fn(*env):
                continue
        eligible.append(card)
    return eligible


def draw(draft: Draft) -> None:
    """The event step, in a fixed order: the cards scheduled for this round of this phase
    (in the schedule's order; whatever their weight or `when`, but a `once` card that has
    already come up is skipped), then due triggers, then cards drawn by weight.
    `revealed` keeps that order."""
    draft.stage = "decisions"
    scheduled = draft.deck.scheduled.get((draft.phase, draft.round))
    if scheduled:
        cards = draft.deck.card_index
        for card_id in scheduled:
            if cards[card_id].once and card_id in draft.history.last_turn:
                continue
            fire(draft, card_id, "schedule")
            if draft.over:
                return
    due = [trigger for trigger in draft.peek("triggers") if trigger.due <= draft.turn]
    if due:
        draft.triggers = [trigger for trigger in draft.triggers if trigger.due > draft.turn]
    for trigger in due:
        fire(draft, trigger.card, "trigger")
        if draft.over:
            return
    phase = draft.deck.phases[draft.phase_index]
    for _ in range(phase.events_per_round):
        candidates = eligible_events(draft)
        if not candidates:
            break
        draft.rng, index = rng.weighted_index(draft.rng, [card.weight for card in candidates])
        fire(draft, candidates[index].id, "draw")
        if draft.over:
            return
    skip_idle_roles(draft)


def skip_idle_roles(draft: Draft) -> None:
    """Move past roles that have no decision to make this round."""
    roles = draft.deck.roles
    while draft.role_index < len(roles) and roles[draft.role_index].actions_per_round == 0:
        draft.role_index += 1
    if draft.role_index >= len(roles):
        draft.stage = "end"


def next_role(draft: Draft) -> None:
    draft.role_index += 1
    draft.actions_used = 0
    skip_idle_roles(draft)


def choose(draft: Draft, card_id: str, option_id: str, rationale: str = "") -> None:
    """The table settles the first pending dilemma.

    A choice's rationale enters the state's digest only when there is one, so
    that journals written before choices could be justified keep their hashes.
    """
    draft.pending.remove(card_id)
    draft.history.bump("choices", (card_id, option_id))
    draft.log.append(Chose(card_id, option_id, rationale))
    if rationale:
        draft.add_choice_rationale(card_id, option_id, rationale)
    option = draft.deck.card(card_id).option(option_id)
    assert option is not None
    apply_effects(draft, option.effects, card_id, option_id, "choose")
    if not draft.over:
        start_lasting(draft, card_id, option_id)


def play(draft: Draft, role_id: str, card_id: str, rationale: str) -> None:
    """A role plays a decision: it pays, the card leaves the hand, its effects apply."""
    deck = draft.deck
    card = deck.card_index[card_id]
    role_index = deck.role_index[role_id]
    phase = draft.phase
    draft.row("hands", role_index).remove(card_id)
    if card.once:
        draft.removed.add(card_id)
        for index, (hand, pile) in enumerate(zip(draft.hands, draft.piles, strict=True)):
            if card_id in hand:
                draft.row("hands", index).remove(card_id)
            if card_id in pile:
                draft.row("piles", index).remove(card_id)
    else:
        draft.row("piles", role_index).append(card_id)
    history = draft.history
    history.bump("plays", (card_id, role_id, phase))
    history.put("last_turn", card_id, draft.turn)
    for tag in card.tags:
        history.bump("tags", (tag, phase))
    draft.log.append(_played(role_id, card_id, rationale))
    draft.add_rationale(role_id, card_id, rationale)
    for indicator_id, amount in card.cost:
        change_indicator(draft, indicator_id, -amount, card_id, None, "play")
    apply_effects(draft, card.effects, card_id, None, "play")
    if draft.over:
        return
    if card.lasting is not None:
        start_lasting(draft, card_id, None)
    draft.actions_used += 1
    if draft.actions_used >= deck.roles[role_index].actions_per_round:
        next_role(draft)


def pass_turn(draft: Draft, role_id: str, rationale: str) -> None:
    draft.history.bump("passes", (role_id, draft.phase))
    draft.log.append(_passed(role_id, rationale))
    draft.add_rationale(role_id, None, rationale)
    next_role(draft)


def end_round(draft: Draft) -> None:
    """Endings are checked in order; otherwise the next round (or phase) begins."""
    env = None  # made for the first ending with a condition, if there is one
    for ending in draft.deck.endings:
        if ending.when is not None:
            env = env or draft_env(draft)
            if ending.when.fn(*env):
                finish(draft, ending.id)
                return
    phases = draft.deck.phases
    phase_changed = False
    if draft.round >= phases[draft.phase_index].rounds:
        if draft.phase_index + 1 >= len(phases):
            finish(draft, None)
            return
        draft.phase_index += 1
        draft.round = 1
        phase_changed = True
    else:
        draft.round += 1
    draft.turn += 1
    begin_round(draft, phase_changed=phase_changed)


def inject(draft: Draft, card_id: str, role_id: str | None) -> None:
    """Facilitator: a card fires now, or joins a role's hand if its kind is held."""
    draft.log.append(Injected(card_id, role_id))
    card = draft.deck.card(card_id)
    if card.kind.held:
        assert role_id is not None
        give(draft, role_id, [card_id], "inject")
        return
    fire(draft, card_id, "inject")
