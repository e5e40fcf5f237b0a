"""What happened in a journaled game, established from the journal and the engine alone.

The debrief's checker (`tests/debrief_checks.py`) holds every finding of a debrief
against these facts. They are worked out here without any of the debrief's code
(`scenarios.debrief` is not imported): the journal is read, its actions are applied
again one by one with the engine, and the engine's own log records (`State.last`)
say what each action did. Two ways of counting the same game that agree are
evidence; one that reuses the other's code would prove nothing.

The facts, per step (journal entry): the state before and after, the log records,
whether an undo took it back; per decision moment (a play or a pass): each role's
hand and which of its cards `playability` lets through; per revealed event: the
decision cards that answer it (`counters`) and when they were played.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from scenarios.deck import Deck
from scenarios.engine import (
    Action,
    Choose,
    Pass,
    Play,
    State,
    Undo,
    action_from_dict,
    apply,
    new_game,
    playability,
)
from scenarios.engine.events import Changed, Chose, LogEvent, Revealed, Scheduled, Undone
from scenarios.journal import journal_deck, read_journal


@attrs.frozen
class StepFact:
    """One journal entry: the action, the states around it, what the engine logged.

    `game`: a game action, one an undo can take back (the engine keeps the state
    before it as the one to go back to). `undone`: a later undo took it back.
    Turn, phase and round are those the action was taken at (the state before).
    """

    index: int
    seq: int
    action: Action
    before: State
    after: State
    game: bool
    undone: bool = False

    @property
    def records(self) -> tuple[LogEvent, ...]:
        return self.after.last

    @property
    def counts(self) -> bool:
        """A step that is part of the game as played: not taken back, not an undo."""
        return not self.undone and not isinstance(self.action, Undo)

    @property
    def turn(self) -> int:
        return self.before.turn

    @property
    def phase(self) -> str:
        return self.before.phase

    @property
    def round(self) -> int:
        return self.before.round

    @property
    def effect_phase(self) -> str:
        """The phase the step's records happened in: an end of round that opens a new
        phase applies the lasting effects in the new one (the state after)."""
        return self.after.phase


@attrs.frozen
class Moment:
    """A decision moment (a play or a pass, not taken back): who acted, and for every
    role its hand and the cards of it `playability` allowed at that moment."""

    seq: int
    role: str
    turn: int
    phase: str
    hands: Mapping[str, tuple[str, ...]]
    playable: Mapping[str, frozenset[str]]

    @property
    def own(self) -> frozenset[str]:
        """What the acting role could play itself, on its own turn."""
        return self.playable[self.role]

    @property
    def any(self) -> frozenset[str]:
        """What some role could play at that moment (its turn or not)."""
        return frozenset().union(*self.playable.values())


@attrs.frozen
class PlayFact:
    seq: int
    role: str
    card: str
    turn: int
    phase: str


@attrs.frozen
class ChoiceFact:
    seq: int
    card: str
    option: str
    turn: int
    phase: str
    round: int
    changes: Mapping[str, int]  # per indicator, the sum of its `choose` moves at that step
    triggered: tuple[str, ...]  # the cards that step scheduled


@attrs.frozen
class ChangeFact:
    """One indicator move (a `Changed` record) of a step that counts."""

    seq: int
    index: int  # the step's place in the journal
    phase: str  # the phase it happened in (`StepFact.effect_phase`)
    indicator: str
    delta: int
    card: str
    option: str | None
    via: str


@attrs.frozen
class ScheduleFact:
    """A `Scheduled` record of a step that counts, with the choice made at that step."""

    seq: int
    index: int
    card: str
    source: str
    option: str | None  # the record's own option if it has one, else the step's choice
    by_table: bool  # the step was a play or a choice of the table


@attrs.frozen
class RevealFact:
    seq: int
    index: int
    card: str
    via: str
    turn: int
    phase: str


@attrs.frozen
class GapFact:
    """What the replay says of a revealed event some decision card answers.

    `statuses`: the statuses a debrief may give it (two when the fact is on a
    boundary: an answer playable only by a role whose turn it was not is both
    "missing" and "unplayable", depending on how one reads « playable »).
    `earlier`: the answers played before it; `first`: the first one after.
    """

    event: str
    seq: int
    turn: int
    phase: str
    expected: frozenset[str]
    statuses: frozenset[str]
    earlier: tuple[PlayFact, ...]
    first: PlayFact | None

    @property
    def delay(self) -> int | None:
        return None if self.first is None else self.first.turn - self.turn


@attrs.frozen
class RoleFact:
    plays: int
    free_passes: int  # passes with at least one playable card in hand
    constrained: int  # passes with nothing playable


@attrs.frozen
class GameFacts:
    """Everything the checker holds a debrief to, for one game."""

    path: str
    deck: Deck
    initial: State
    steps: tuple[StepFact, ...]

    by_seq: Mapping[int, StepFact] = attrs.field(init=False)

    @by_seq.default
    def _by_seq(self) -> Mapping[int, StepFact]:
        return {step.seq: step for step in self.steps}

    def counted(self) -> Iterable[StepFact]:
        return (step for step in self.steps if step.counts)


def replay_journal(path: str | Path) -> GameFacts:
    """Apply the journal's actions again from the seed, step by step, with the engine.

    Which step an undo takes back: the engine keeps, for a game action, the state
    before it as `undo`; a note, a message, a pause keep the one they found. So a
    step is a game action exactly when `after.undo is before`, and an undo takes
    back the last game action not yet taken back.
    """
    content = read_journal(path)
    deck = journal_deck(content.header)
    state = initial = new_game(deck, content.header.seed)
    raw: list[tuple[int, Action, State, State, bool]] = []
    for entry in content.entries:
        action = action_from_dict(entry.action)
        after = apply(state, action)
        raw.append((entry.seq, action, state, after, after.undo is state))
        state = after
    undone: set[int] = set()
    stack: list[int] = []
    for index, (_, action, _, after, game) in enumerate(raw):
        if isinstance(action, Undo):
            taken = stack.pop()
            [record] = after.last
            assert isinstance(record, Undone) and record.action == raw[taken][1].type
            undone.add(taken)
        elif game:
            stack.append(index)
    steps = tuple(
        StepFact(index, seq, action, before, after, game, index in undone)
        for index, (seq, action, before, after, game) in enumerate(raw)
    )
    return GameFacts(str(path), deck, initial, steps)


@attrs.frozen
class Facts:
    """The facts of one game, worked out once from its replay."""

    game: GameFacts
    plays: tuple[PlayFact, ...]
    choices: tuple[ChoiceFact, ...]
    changes: tuple[ChangeFact, ...]
    schedules: tuple[ScheduleFact, ...]
    reveals: tuple[RevealFact, ...]
    moments: tuple[Moment, ...]
    roles: Mapping[str, RoleFact]
    counters: Mapping[str, frozenset[str]]  # event -> decision cards that answer it
    ever_in_hand: frozenset[str]
    ever_playable: frozenset[str]  # by some role at some decision moment
    ever_own_playable: frozenset[str]  # by the role whose turn it was
    gaps: tuple[GapFact, ...]
    moment_at: Mapping[int, Moment] = attrs.field(init=False)

    @moment_at.default
    def _moment_at(self) -> Mapping[int, Moment]:
        return {moment.seq: moment for moment in self.moments}

    @property
    def deck(self) -> Deck:
        return self.game.deck


def facts_of(game: GameFacts) -> Facts:
    deck = game.deck
    roles = [role.id for role in deck.roles]
    plays: list[PlayFact] = []
    choices: list[ChoiceFact] = []
    changes: list[ChangeFact] = []
    schedules: list[ScheduleFact] = []
    reveals: list[RevealFact] = []
    moments: list[Moment] = []
    counts = {role: [0, 0, 0] for role in roles}  # plays, free passes, constrained passes
    in_hand: set[str] = {card for hand in game.initial.hands for card in hand}
    for step in game.counted():
        for state in (step.before, step.after):
            for hand in state.hands:
                in_hand.update(hand)
        action = step.action
        chose = [r for r in step.records if isinstance(r, Chose)]
        for record in step.records:
            if isinstance(record, Changed):
                changes.append(
                    ChangeFact(
                        step.seq,
                        step.index,
                        step.effect_phase,
                        record.indicator,
                        record.after - record.before,
                        record.card,
                        record.option,
                        record.via,
                    )
                )
            elif isinstance(record, Scheduled):
                option = getattr(record, "option", None)
                if option is None:
                    option = next((c.option for c in chose if c.card == record.source), None)
                schedules.append(
                    ScheduleFact(
                        step.seq,
                        step.index,
                        record.card,
                        record.source,
                        option,
                        isinstance(action, (Play, Choose)),
                    )
                )
            elif isinstance(record, Revealed):
                reveals.append(
                    RevealFact(step.seq, step.index, record.card, record.via, step.turn, step.phase)
                )
        if isinstance(action, Choose):
            moved: dict[str, int] = {}
            for record in step.records:
                if isinstance(record, Changed) and record.via == "choose":
                    moved[record.indicator] = (
                        moved.get(record.indicator, 0) + record.after - record.before
                    )
            choices.append(
                ChoiceFact(
                    step.seq,
                    action.card,
                    action.option,
                    step.turn,
                    step.phase,
                    step.round,
                    moved,
                    tuple(r.card for r in step.records if isinstance(r, Scheduled)),
                )
            )
        if isinstance(action, (Play, Pass)):
            before = step.before
            hands = {role: before.hand(role) for role in roles}
            playable = {
                role: frozenset(c for c in hands[role] if playability(before, role, c) is None)
                for role in roles
            }
            moments.append(Moment(step.seq, action.role, step.turn, step.phase, hands, playable))
            if isinstance(action, Play):
                plays.append(PlayFact(step.seq, action.role, action.card, step.turn, step.phase))
                counts[action.role][0] += 1
            elif playable[action.role]:
                counts[action.role][1] += 1
            else:
                counts[action.role][2] += 1
    counters: dict[str, set[str]] = {}
    for card in deck.cards:
        if card.kind.held:
            for event in card.counters:
                counters.setdefault(event, set()).add(card.id)
    frozen_counters = {event: frozenset(cards) for event, cards in counters.items()}
    facts = Facts(
        game=game,
        plays=tuple(plays),
        choices=tuple(choices),
        changes=tuple(changes),
        schedules=tuple(schedules),
        reveals=tuple(reveals),
        moments=tuple(moments),
        roles={role: RoleFact(*counts[role]) for role in roles},
        counters=frozen_counters,
        ever_in_hand=frozenset(in_hand),
        ever_playable=frozenset().union(*(m.any for m in moments)),
        ever_own_playable=frozenset().union(*(m.own for m in moments)),
        gaps=(),
    )
    return attrs.evolve(facts, gaps=tuple(_gaps(facts)))


def _gaps(facts: Facts) -> list[GapFact]:
    """Each revealed event some decision card answers, with the statuses it may have.

    Anticipated: an answer was played (and kept) before the event, in any phase,
    whatever came after. Otherwise the first answer after it: timely in the same
    turn (whole-game rounds), late after. Never answered: missing if some role
    could play an answer at a decision moment after the event, unplayable if
    none could; a dilemma never answered is "settled" by its choice: it may be left
    out of the écarts.
    """
    found = []
    for reveal in facts.reveals:
        expected = facts.counters.get(reveal.card)
        if not expected:
            continue
        answers = [p for p in facts.plays if p.card in expected]
        earlier = tuple(p for p in answers if p.seq < reveal.seq)
        later = [p for p in answers if p.seq > reveal.seq]
        first = later[0] if later else None
        statuses: set[str] = set()
        if earlier:
            statuses.add("anticipated")
        elif first is not None:
            statuses.add("timely" if first.turn == reveal.turn else "late")
        elif facts.deck.card(reveal.card).kind.options:
            # A dilemma the table settled without an answer: its choice says what it did,
            # and the debrief may list it among the écarts (missing or unplayable) or not.
            statuses |= {"missing", "unplayable", "settled"}
        else:
            after = [m for m in facts.moments if m.seq > reveal.seq]
            if any(expected & m.own for m in after):
                statuses.add("missing")
            elif any(expected & m.any for m in after):
                statuses |= {"missing", "unplayable"}
            else:
                statuses.add("unplayable")
        found.append(
            GapFact(
                reveal.card,
                reveal.seq,
                reveal.turn,
                reveal.phase,
                expected,
                frozenset(statuses),
                earlier,
                first,
            )
        )
    return found


def good_sign(deck: Deck, indicator: str) -> int:
    """+1 when the indicator is better high, -1 when better low."""
    return 1 if deck.indicators[deck.indicator_index[indicator]].good == "high" else -1


def facts(path: str | Path) -> Facts:
    return facts_of(replay_journal(path))
