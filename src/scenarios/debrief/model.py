"""The debrief as data: findings with their evidence, organised by the times of the crisis.

Findings are kept as structured records (a kind and its parameters) so the
same debrief renders in French or English, as Markdown, HTML or JSON.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import attrs

from scenarios.i18n import Localized

Polarity = Literal["strength", "improvement", "info"]
# Who reads a debrief: the trainer's shows the deck's `facilitator:` texts, the table's never.
Audience = Literal["trainer", "table"]
# "unplayable": no answer was ever playable after the event (never the table's fault).
GapStatus = Literal["timely", "late", "missing", "anticipated", "unplayable"]
PRIORITY_ORDER = {"high": 0, "medium": 1, "low": 2}


@attrs.frozen
class Evidence:
    """Where something happened: the journal's sequence number, the turn, phase and round."""

    seq: int
    turn: int
    phase: str
    round: int
    what: str
    card: str | None = None
    role: str | None = None
    option: str | None = None
    indicator: str | None = None
    value: int | None = None


@attrs.frozen
class Finding:
    """An observation about the session, with the evidence behind it."""

    kind: str
    polarity: Polarity
    phase: str | None
    params: Mapping[str, object]
    evidence: tuple[Evidence, ...] = ()
    weight: int = 0


@attrs.frozen
class RecommendationHit:
    """A recommendation of the deck whose rule holds for this session."""

    id: str
    phase: str
    priority: str
    title: str
    text: str
    actor: str  # the lead's partners (who acts, without a lead)
    deadline: str
    evidence: tuple[Evidence, ...] = ()
    lead: str = ""  # the one actor who carries it (« pilote »)
    category: str | None = None  # planification, organisation, equipement, formation, exercice
    indicator: str = ""  # how to tell it is done (« fait quand »)


@attrs.frozen
class Quote:
    """The table's own words: a rationale given with a decision, or a facilitator's note."""

    seq: int
    turn: int
    phase: str
    round: int
    kind: Literal["rationale", "note", "annotation"]
    text: str
    role: str | None = None
    card: str | None = None
    passed: bool = False
    option: str | None = None  # the dilemma's option the table chose, with this rationale


@attrs.frozen
class Contribution:
    """How much a card (or a dilemma's option) moved an indicator within a phase, and
    when; `by` is what scheduled it when a trigger brought the card (a decision, or a
    dilemma and its option)."""

    card: str
    delta: int
    seqs: tuple[int, ...]
    option: str | None = None
    by: tuple[str, str | None] | None = None


@attrs.frozen
class Choice:
    """A dilemma's option the table chose, and what it did at once: the indicators it
    changed and the cards it scheduled (their effects come later, named after it)."""

    card: str
    option: str
    seq: int
    turn: int
    phase: str
    round: int
    changes: tuple[tuple[str, int], ...]
    triggered: tuple[str, ...]
    rationale: str = ""


TimelineKind = Literal["event", "choice", "inject", "undo", "note"]


@attrs.frozen
class TimelineEntry:
    """A line of a phase's timeline: an event that came up (and how: drawn, scheduled,
    triggered by `by`, injected), a dilemma settled, a facilitator's inject, an undo, a
    facilitator's note."""

    seq: int
    turn: int
    phase: str
    round: int
    kind: TimelineKind
    card: str | None = None
    option: str | None = None
    via: str | None = None
    by: tuple[str, str | None] | None = None
    role: str | None = None
    text: str = ""
    undone: str | None = None  # the type of action an undo took back


@attrs.frozen
class IndicatorMove:
    """One indicator over one phase: where it started and ended, and who moved it."""

    indicator: str
    start: int
    end: int
    drops: tuple[Contribution, ...]
    rises: tuple[Contribution, ...]

    @property
    def net(self) -> int:
        return self.end - self.start


@attrs.frozen
class Gap:
    """An écart: an event the deck expects an answer to, and what the table did."""

    event: str
    seq: int
    turn: int
    phase: str
    expected: tuple[str, ...]
    answer: str | None
    answer_seq: int | None
    delay: int | None
    status: GapStatus


@attrs.frozen
class AnswerGiven:
    """A role's (None: the table's) last answer to a question; `amended` if it replaced one."""

    role: str | None
    text: str
    seq: int
    amended: bool = False


@attrs.frozen
class Point:
    """One of a question's expected points, and whether the facilitator ticked it covered."""

    text: str
    covered: bool


@attrs.frozen
class QuestionReport:
    """A question that came up: when, the table's answers, the points covered or to explore
    further, and the facilitator's notes of the rounds it was asked in (observations).
    `facilitator` is the deck's note for the facilitator: empty in the table's debrief."""

    card: str
    title: str
    text: str
    seq: int
    turn: int
    phase: str
    round: int
    answers: tuple[AnswerGiven, ...]
    points: tuple[Point, ...]
    observations: tuple[Quote, ...]
    facilitator: str = ""

    @property
    def covered(self) -> tuple[Point, ...]:
        return tuple(p for p in self.points if p.covered)

    @property
    def to_explore(self) -> tuple[Point, ...]:
        return tuple(p for p in self.points if not p.covered)


@attrs.frozen
class ReplyGiven:
    """A role's (None: the table's) reply to an item of the questionnaire."""

    role: str | None
    value: str


@attrs.frozen
class QuestionnaireSummary:
    """One item of the lessons-learned questionnaire and what the roles replied: the count
    of each value (a score's, from low to high, or yes then no), its median for a score,
    and every reply (the quoted words of a text item)."""

    id: str
    text: str
    scale: str
    replies: tuple[ReplyGiven, ...]
    counts: tuple[tuple[str, int], ...] = ()
    median: float | None = None


@attrs.frozen
class PhaseReport:
    """One time of the crisis: points positifs, axes d'amélioration, recommendations.

    Its action plan is the deck's recommendations given, then `improve` (late or missing
    responses no recommendation speaks of) and `keep` (strengths to keep, « à conserver »),
    both worked out by `plan.py`."""

    id: str
    title: str
    strengths: tuple[Finding, ...]
    improvements: tuple[Finding, ...]
    recommendations: tuple[RecommendationHit, ...]
    moves: tuple[IndicatorMove, ...]
    quotes: tuple[Quote, ...]
    questions: tuple[QuestionReport, ...] = ()  # in the order they came up
    facilitator: str = ""  # the deck's note on the phase: empty in the table's debrief
    keep: tuple[Finding, ...] = ()
    improve: tuple[Finding, ...] = ()
    imposed: tuple[Finding, ...] = ()  # hits the scenario imposed: never the table's fault
    choices: tuple[Choice, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    annotations: tuple[Quote, ...] = ()  # the trainer's, from the replay screen

    @property
    def planned(self) -> bool:
        """Whether the phase's action plan says anything."""
        return bool(self.recommendations or self.improve or self.keep)


@attrs.frozen
class RoleActivity:
    """A role's decisions, its passes while it could have played (`passes`), and its
    passes with nothing playable in hand (`constrained`: not a choice)."""

    role: str
    plays: int
    passes: int
    constrained: int = 0


@attrs.frozen
class SessionReport:
    """Everything the debrief says about one session."""

    deck_id: str
    deck_title: str
    deck_sha256: str
    journal: str
    seed: int
    teams: tuple[tuple[str, tuple[str, ...]], ...]
    started: str
    outcome: str
    ending: str | None
    score: int | None
    over: bool
    rounds: int
    indicators: tuple[tuple[str, int], ...]
    bounds: tuple[tuple[int, int], ...]
    trail: tuple[tuple[int, ...], ...]
    phases: tuple[PhaseReport, ...]
    general: tuple[Finding, ...]
    gaps: tuple[Gap, ...]
    roles: tuple[RoleActivity, ...]
    names: Mapping[str, str] = attrs.field(factory=dict)
    damage: Localized | None = None  # where the journal stops being valid, said in any language
    table: str | None = None  # the table's label from the journal's header, if it has one
    style: str = "game"  # "discussion": no outcome, score, findings nor écarts; no-fault words
    questionnaire: tuple[QuestionnaireSummary, ...] = ()
    audience: Audience = "trainer"
    facilitator: str = ""  # the deck's note for the facilitator: empty in the table's debrief
    neutral_outcomes: bool = False  # the deck's `outcome_words: neutral`: no « victoire »

    @property
    def discussion(self) -> bool:
        return self.style == "discussion"

    def name(self, kind: str, id_: str | None) -> str:
        """The title of a card, role, indicator, phase or ending (its id if unknown)."""
        if id_ is None:
            return ""
        return self.names.get(f"{kind}:{id_}", id_)

    @property
    def recommendations(self) -> tuple[RecommendationHit, ...]:
        return tuple(hit for phase in self.phases for hit in phase.recommendations)


@attrs.frozen
class ComparisonReport:
    """Several sessions of the same deck side by side, each named by its table."""

    deck_id: str
    deck_title: str
    sessions: tuple[SessionReport, ...]
    tables: tuple[str, ...]  # one distinct name per session, in the same order
    recommendation_counts: tuple[tuple[str, int], ...]
    recurring: tuple[Recurring, ...]


@attrs.frozen
class Recurring:
    """An axe d'amélioration found at several tables: which ones, and one of their reports
    (to name the finding with the deck's titles)."""

    finding: Finding
    report: SessionReport
    tables: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.tables)
