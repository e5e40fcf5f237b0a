"""The deck as frozen data: what the engine plays and the debrief reads.

Every object keeps `where`, the YAML mapping it came from, so that checks made
after loading (lint, balance) can still point at `file:line:col`; it takes no
part in equality.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Literal

import attrs

from scenarios.deck.diagnostics import Position
from scenarios.deck.kinds import KINDS, CardKind
from scenarios.deck.located import LocatedMap
from scenarios.rules import Expression

Outcome = Literal["victory", "defeat", "neutral"]
Priority = Literal["high", "medium", "low"]
Style = Literal["game", "discussion"]
OutcomeWords = Literal["victory", "neutral"]
HandoutKind = Literal["press", "email", "sms", "social", "memo", "map"]
Scale = Literal["score", "yesno", "text"]
# What a recommendation improves, as a French RETEX plan d'action files it (ids in French,
# the authors' language; the catalog gives each its label in the reader's language).
Category = Literal["planification", "organisation", "equipement", "formation", "exercice"]
LessonKind = Literal["better", "winning", "reachable", "role_idle"]
Amount = int | Expression

OUTCOMES: tuple[Outcome, ...] = ("victory", "defeat", "neutral")
PRIORITIES: tuple[Priority, ...] = ("high", "medium", "low")
# "game": scored, with endings; "discussion": questions answered in words, no victory or
# defeat, no "late" or "missed" labels, indicators optional.
STYLES: tuple[Style, ...] = ("game", "discussion")
# How an outcome is said: "victory" (victoire, défaite) or "neutral" (issue favorable,
# issue défavorable), for an event some players may have lived, deaths included. Words
# only: an ending's `outcome` and the reports' data stay victory and defeat.
OUTCOME_WORDS: tuple[OutcomeWords, ...] = ("victory", "neutral")
# The catalog's word for an outcome when the deck asks for neutral words.
NEUTRAL_OUTCOMES: Mapping[str, str] = {"victory": "favourable", "defeat": "unfavourable"}
HANDOUT_KINDS: tuple[HandoutKind, ...] = ("press", "email", "sms", "social", "memo", "map")
# How a questionnaire item is answered: 0-100 in steps of 10, yes or no, or free text.
SCALES: tuple[Scale, ...] = ("score", "yesno", "text")
CATEGORIES: tuple[Category, ...] = (
    "planification",
    "organisation",
    "equipement",
    "formation",
    "exercice",
)
# What a lesson claims (the key that says it, see `Lesson`).
LESSON_KINDS: tuple[LessonKind, ...] = ("better", "winning", "reachable", "role_idle")


def _where() -> LocatedMap | None:
    return attrs.field(default=None, eq=False, repr=False)  # type: ignore[no-any-return]


@attrs.frozen
class Phase:
    """One of the times of the crisis (avant / pendant / après by default)."""

    id: str
    title: str
    rounds: int = 1
    events_per_round: int = 1
    text: str = ""
    facilitator: str = ""  # for the facilitator's eyes only, never the table's
    minutes: int | None = None  # the round timer of this phase, unless setup chose one for all
    where: LocatedMap | None = _where()


@attrs.frozen
class Role:
    """A seat at the table: who plays which decision cards."""

    id: str
    title: str
    hand_size: int = 4
    actions_per_round: int = 1
    text: str = ""
    facilitator: str = ""
    where: LocatedMap | None = _where()


@attrs.frozen
class Indicator:
    """A gauge the table watches, clamped to [min, max]."""

    id: str
    title: str
    start: int
    min: int = 0
    max: int = 10
    good: Literal["high", "low"] = "high"
    text: str = ""
    where: LocatedMap | None = _where()


@attrs.frozen
class Flag:
    """A true/false fact of the game ("inondation", "fr_alert")."""

    id: str
    title: str
    where: LocatedMap | None = _where()
    at: Position | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen
class Delta:
    """A change of one indicator: a number or an expression giving one."""

    indicator: str
    amount: Amount


@attrs.frozen
class Trigger:
    """An event or dilemma that fires at the event step `delay` rounds later."""

    card: str
    delay: int = 0


@attrs.frozen
class Effects:
    """What a card or option does when it applies: one field per key of `format.EFFECT_KEYS`."""

    deltas: tuple[Delta, ...] = ()
    set: tuple[str, ...] = ()
    unset: tuple[str, ...] = ()
    trigger: tuple[Trigger, ...] = ()
    give: tuple[tuple[str, tuple[str, ...]], ...] = ()
    end: str | None = None
    where: LocatedMap | None = _where()

    @functools.cached_property
    def empty(self) -> bool:
        """Nothing to apply: every field is at its default (`where` takes no part)."""
        return self == NO_EFFECTS


NO_EFFECTS = Effects()


@attrs.frozen
class Lasting:
    """Effects applied again at the start of each of the next `rounds` rounds."""

    rounds: int
    effects: Effects


@attrs.frozen
class Option:
    """One answer to a dilemma."""

    id: str
    title: str
    text: str = ""
    effects: Effects = NO_EFFECTS
    lasting: Lasting | None = None
    requires: Expression | None = None
    facilitator: str = ""
    where: LocatedMap | None = _where()


@attrs.frozen
class Card:
    """A card of the deck; what its `type` is and does is its `kind` (see `kinds.py`)."""

    id: str
    type: str
    title: str
    phases: tuple[str, ...]
    text: str = ""
    tags: tuple[str, ...] = ()
    weight: float = 1
    when: Expression | None = None
    once: bool = False
    effects: Effects = NO_EFFECTS
    lasting: Lasting | None = None
    roles: tuple[str, ...] = ()
    cost: tuple[tuple[str, int], ...] = ()
    requires: Expression | None = None
    counters: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()
    facilitator: str = ""
    # A question's roles asked (all, or the table as one, if empty), the points the
    # facilitator expects the table to cover, and the handout shown with it.
    to: tuple[str, ...] = ()
    expected: tuple[str, ...] = ()
    handout: str | None = None
    where: LocatedMap | None = _where()
    kind: CardKind = attrs.field(init=False, eq=False, repr=False)

    @kind.default
    def _kind(self) -> CardKind:
        return KINDS[self.type]

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


@attrs.frozen
class Ending:
    """How the game may end, checked in order at each round's end."""

    id: str
    title: str
    outcome: Outcome = "neutral"
    when: Expression | None = None
    text: str = ""
    where: LocatedMap | None = _where()


@attrs.frozen
class Recommendation:
    """Advice for real life that the debrief gives when its rule holds after the game."""

    id: str
    phase: str
    when: Expression
    title: str
    text: str = ""
    priority: Priority = "medium"
    actor: str = ""  # the partners who act with the lead (or, without a lead, who acts)
    deadline: str = ""
    lead: str = ""  # the one actor who carries the action (an improvement plan's pilote)
    category: Category | None = None
    indicator: str = ""  # how to tell it is done
    where: LocatedMap | None = _where()


@attrs.frozen
class Source:
    """Where a fact used by the deck comes from."""

    title: str
    url: str = ""
    date: str = ""
    note: str = ""
    where: LocatedMap | None = _where()


@attrs.frozen
class ObservationTag:
    """One entry of the deck's observation grid: what observers tag their notes with."""

    id: str
    title: str
    text: str = ""
    where: LocatedMap | None = _where()


@attrs.frozen
class Variable:
    """A name filled at setup ("organisation"), written `{{id}}` in any text of the deck."""

    id: str
    title: str
    default: str = ""
    where: LocatedMap | None = _where()


@attrs.frozen
class Handout:
    """A document shown full screen to the table (a press release, an SMS...)."""

    id: str
    kind: HandoutKind
    title: str
    text: str
    where: LocatedMap | None = _where()


@attrs.frozen
class ScheduleEntry:
    """A card that fires at the start of the event step of `round` of `phase`, before
    triggered and drawn ones, in the schedule's order."""

    phase: str
    round: int
    card: str
    where: LocatedMap | None = _where()


@attrs.frozen
class QuestionnaireItem:
    """A lessons-learned question each role answers at the end of the game."""

    id: str
    text: str
    scale: Scale = "text"
    where: LocatedMap | None = _where()


@attrs.frozen
class Lesson:
    """What the deck means to teach, as a claim that simulated games must bear out.

    One of `better` (with `than`), `winning`, `reachable` (with `min`) or
    `role_idle` (with `max`) is set, the others are None: its `kind`. A
    decision is named by its card's id, a dilemma's option as `card/option`
    (the loader resolves an option's id written alone). `policy` lists the
    policies it must hold for, empty for the kind's default (`policies`).
    The fields are named as the deck's keys, so the workbook has a column each.
    """

    better: str | None = None
    than: str | None = None
    winning: str | None = None
    reachable: str | None = None
    min: float = 0.05
    role_idle: int | None = None
    max: float = 0.1
    policy: tuple[str, ...] = ()
    where: LocatedMap | None = _where()

    @property
    def kind(self) -> LessonKind:
        for kind in LESSON_KINDS:
            if getattr(self, kind) is not None:
                return kind
        raise ValueError("a lesson says nothing")  # the loader never builds one

    @property
    def policies(self) -> tuple[str, ...]:
        """The policies it is checked with: greedy for an ending to reach (a table that
        tries), random otherwise (a table without a plan, the most games of every kind)."""
        if self.policy:
            return self.policy
        return ("greedy",) if self.kind == "reachable" else ("random",)


@attrs.frozen
class DeckFile:
    """One file of the deck's source, kept whole so a journal can replay it anywhere."""

    name: str
    text: str


@attrs.frozen
class Deck:
    """A whole deck, checked and compiled."""

    id: str
    title: str
    phases: tuple[Phase, ...]
    roles: tuple[Role, ...]
    indicators: tuple[Indicator, ...]
    cards: tuple[Card, ...]
    format: int = 1
    language: str = "fr"
    summary: str = ""
    license: str = ""
    authors: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    duration: int | None = None
    flags: tuple[Flag, ...] = ()
    endings: tuple[Ending, ...] = ()
    score: Expression | None = None
    recommendations: tuple[Recommendation, ...] = ()
    observation_tags: tuple[ObservationTag, ...] = ()
    facilitator: str = ""
    style: Style = "game"
    outcome_words: OutcomeWords = "victory"
    variables: tuple[Variable, ...] = ()
    handouts: tuple[Handout, ...] = ()
    schedule: tuple[ScheduleEntry, ...] = ()
    questionnaire: tuple[QuestionnaireItem, ...] = ()
    lessons: tuple[Lesson, ...] = ()
    files: tuple[DeckFile, ...] = attrs.field(default=(), eq=False, repr=False)
    sha256: str = ""
    # A digest of what the deck says, not of how its files write it (see `build.content_sha256`):
    # the deck's part of the state hash, so a deck exported to a workbook and imported back
    # plays games with the same hashes. Set once by the build and kept by `attrs.evolve`.
    content_sha256: str = attrs.field(default="", eq=False, repr=False)
    where: LocatedMap | None = _where()

    @functools.cached_property
    def card_index(self) -> Mapping[str, Card]:
        return {card.id: card for card in self.cards}

    @functools.cached_property
    def phase_index(self) -> Mapping[str, int]:
        return {phase.id: i for i, phase in enumerate(self.phases)}

    @functools.cached_property
    def role_index(self) -> Mapping[str, int]:
        return {role.id: i for i, role in enumerate(self.roles)}

    @functools.cached_property
    def indicator_index(self) -> Mapping[str, int]:
        return {indicator.id: i for i, indicator in enumerate(self.indicators)}

    @functools.cached_property
    def drawable(self) -> Mapping[str, tuple[Card, ...]]:
        """For each phase, the cards that may be drawn in it (drawn kind, some weight), in order."""
        return {
            phase.id: tuple(
                card
                for card in self.cards
                if card.kind.drawn and card.weight > 0 and phase.id in card.phases
            )
            for phase in self.phases
        }

    @functools.cached_property
    def phase_cards(self) -> Mapping[str, frozenset[str]]:
        """For each phase, the ids of the cards that may be in play in it."""
        return {
            phase.id: frozenset(card.id for card in self.cards if phase.id in card.phases)
            for phase in self.phases
        }

    @functools.cached_property
    def playable(
        self,
    ) -> Mapping[str, Mapping[str, tuple[Expression | None, tuple[tuple[int, int, int], ...]]]]:
        """For each phase, the decisions that may be played in it: their condition (None:
        none) and cost (`cost_index`), what the legal moves check for each card of a hand."""
        costs = self.cost_index
        return {
            phase.id: {
                card.id: (card.requires, costs[card.id])
                for card in self.cards
                if card.kind.held and phase.id in card.phases
            }
            for phase in self.phases
        }

    @functools.cached_property
    def resources(self) -> frozenset[str]:
        """The indicators decisions cost: what a table spends, not what it loses."""
        return frozenset(indicator for card in self.cards for indicator, _ in card.cost)

    @functools.cached_property
    def cost_index(self) -> Mapping[str, tuple[tuple[int, int, int], ...]]:
        """For each card, its cost as (indicator's index, amount, indicator's minimum):
        what the legal moves check for every card in a hand."""
        return {
            card.id: tuple(
                (
                    self.indicator_index[name],
                    amount,
                    self.indicators[self.indicator_index[name]].min,
                )
                for name, amount in card.cost
            )
            for card in self.cards
        }

    @functools.cached_property
    def indicator_ids(self) -> tuple[str, ...]:
        return tuple(indicator.id for indicator in self.indicators)

    @functools.cached_property
    def unset_flags(self) -> Mapping[str, bool]:
        """Every flag, unset: what expressions see before the game's flags are laid on it."""
        return {flag.id: False for flag in self.flags}

    @functools.cached_property
    def ending_index(self) -> Mapping[str, Ending]:
        return {ending.id: ending for ending in self.endings}

    @functools.cached_property
    def observation_tag_index(self) -> Mapping[str, ObservationTag]:
        return {tag.id: tag for tag in self.observation_tags}

    @functools.cached_property
    def handout_index(self) -> Mapping[str, Handout]:
        return {handout.id: handout for handout in self.handouts}

    @functools.cached_property
    def variable_defaults(self) -> Mapping[str, str]:
        return {variable.id: variable.default for variable in self.variables}

    @functools.cached_property
    def scheduled(self) -> Mapping[tuple[str, int], tuple[str, ...]]:
        """The card ids scheduled at each (phase, round), in the schedule's order."""
        by_round: dict[tuple[str, int], list[str]] = {}
        for entry in self.schedule:
            by_round.setdefault((entry.phase, entry.round), []).append(entry.card)
        return {key: tuple(cards) for key, cards in by_round.items()}

    @property
    def discussion(self) -> bool:
        """Questions answered in words: no outcome, no score, no "late" label."""
        return self.style == "discussion"

    @property
    def neutral_outcomes(self) -> bool:
        """Outcomes said « issue favorable / défavorable », never « victoire / défaite »."""
        return self.outcome_words == "neutral"

    def tag_titles(self, tags: Iterable[str]) -> tuple[str, ...]:
        """The titles of observation tags in the deck's grid (a tag it lacks, as written)."""
        grid = self.observation_tag_index
        return tuple(grid[tag].title if tag in grid else tag for tag in tags)

    def card(self, card_id: str) -> Card:
        return self.card_index[card_id]

    @property
    def total_rounds(self) -> int:
        return sum(phase.rounds for phase in self.phases)


def outcome_word(outcome: str, neutral: bool) -> str:
    """The catalog's name of `outcome` (the suffix of its `outcome.*` key): a victory is a
    « favourable » outcome and a defeat an « unfavourable » one when words are `neutral`."""
    return NEUTRAL_OUTCOMES.get(outcome, outcome) if neutral else outcome
