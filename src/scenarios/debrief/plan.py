"""Each phase's action plan beyond the deck's recommendations: what to keep, what to improve.

A RETEX always produces a plan, strengths to keep included (« à conserver »): a table
that played well must not get an almost empty kit, and a phase with a late or missing
response must not read « rien de notable ». Both come from facts the debrief already
established (the écarts and the indicators' moves, or in a discussion exercise the
expected points the facilitator ticked), as findings the catalog words:

- `keep_response`: an event answered in the round it came up (its phase);
- `keep_prepared`: a decision that answered an event before it came (the phase it was
  played in: preparation is credited where it was made);
- `keep_decision`: a decision (or a dilemma's option) that moved an indicator the right
  way, at least one point over the phase, not already named above, and whose triggers
  hurt no indicator later;
- `keep_point`: an expected point the table covered (discussion exercises);
- `improve_late`, `improve_missing`: a late or missing response that no recommendation
  of the deck given for this session speaks of (its rule names neither the event nor
  an answer), with the one role that holds the answers as its lead when there is one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from scenarios.debrief.facts import Facts, goodness
from scenarios.debrief.findings import credited, evidence
from scenarios.debrief.model import (
    Finding,
    Gap,
    IndicatorMove,
    QuestionReport,
    RecommendationHit,
)
from scenarios.debrief.trace import SessionTrace, Step
from scenarios.engine import Play

KEEP_DECISIONS = 3  # at most this many decisions to keep per phase, the largest moves first


def keep(
    trace: SessionTrace,
    facts: Facts,
    gaps: Sequence[Gap],
    moves: Mapping[str, Sequence[IndicatorMove]],
) -> dict[str, list[Finding]]:
    """What the table did well, by phase, said as practices to keep."""
    steps = {s.seq: s for s in trace.steps}
    found: dict[str, list[Finding]] = {phase.id: [] for phase in trace.deck.phases}
    named: dict[str, set[str]] = {phase.id: set() for phase in trace.deck.phases}
    for gap in gaps:
        if gap.answer is None or gap.answer_seq is None:
            continue
        answer = steps[gap.answer_seq]
        shown = (
            evidence(steps[gap.seq], "drawn", card=gap.event),
            evidence(answer, "played", card=gap.answer, role=_role(answer)),
        )
        params = {"event": gap.event, "answer": gap.answer}
        if gap.status == "timely":
            found[gap.phase].append(Finding("keep_response", "strength", gap.phase, params, shown))
            named[gap.phase].add(gap.answer)
        elif gap.status == "anticipated":
            phase = answer.before.phase
            found[phase].append(Finding("keep_prepared", "strength", phase, params, shown))
            named[phase].add(gap.answer)
    good = goodness(trace.deck)
    for phase, rows in moves.items():
        candidates = []
        for move in rows:
            sign = good[move.indicator]
            for contribution in (*move.rises, *move.drops):
                if contribution.delta * sign <= 0 or contribution.card in named[phase]:
                    continue
                if credited(trace, facts, contribution):
                    candidates.append((move.indicator, contribution))
        candidates.sort(key=lambda item: (-abs(item[1].delta), item[1].seqs[0]))
        for indicator_id, contribution in candidates:
            if len([f for f in found[phase] if f.kind == "keep_decision"]) >= KEEP_DECISIONS:
                break
            if contribution.card in named[phase]:
                continue
            named[phase].add(contribution.card)
            found[phase].append(
                Finding(
                    "keep_decision",
                    "strength",
                    phase,
                    {"card": contribution.card, "option": contribution.option,
                     "indicator": indicator_id, "delta": contribution.delta},
                    tuple(
                        evidence(steps[s], "changed", card=contribution.card,
                                 option=contribution.option, indicator=indicator_id)
                        for s in contribution.seqs
                    ),
                    weight=abs(contribution.delta),
                )
            )  # fmt: skip
    return found


def keep_points(asked: Iterable[QuestionReport]) -> dict[str, list[Finding]]:
    """A discussion's strengths: the expected points the table covered, by phase."""
    found: dict[str, list[Finding]] = {}
    for question in asked:
        for point in question.covered:
            found.setdefault(question.phase, []).append(
                Finding(
                    "keep_point", "strength", question.phase,
                    {"point": point.text, "card": question.card},
                )
            )  # fmt: skip
    return found


def improve(
    trace: SessionTrace, gaps: Sequence[Gap], hits: Sequence[RecommendationHit]
) -> dict[str, list[Finding]]:
    """Late or missing responses that no recommendation given speaks of, by phase."""
    deck = trace.deck
    rules = {rule.id: rule for rule in deck.recommendations}
    spoken: set[str] = set()
    for hit in hits:
        rule = rules.get(hit.id)
        if rule is not None:
            spoken |= {args[0] for _, args in rule.when.calls if args and args[0]}
    steps = {s.seq: s for s in trace.steps}
    found: dict[str, list[Finding]] = {}
    seen: set[str] = set()
    for gap in gaps:
        if gap.status not in ("late", "missing") or gap.event in seen:
            continue
        if gap.event in spoken or spoken & set(gap.expected):
            continue
        seen.add(gap.event)
        shown = [evidence(steps[gap.seq], "drawn", card=gap.event)]
        if gap.answer_seq is not None:
            answer = steps[gap.answer_seq]
            shown.append(evidence(answer, "played", card=gap.answer, role=_role(answer)))
        params: dict[str, object] = {
            "event": gap.event,
            "answer": gap.answer,
            "delay": gap.delay,
            "expected": list(gap.expected),
        }
        lead = _one_role(trace, gap.expected)
        if lead is not None:
            params["role"] = lead
        kind = "improve_late" if gap.status == "late" else "improve_missing"
        found.setdefault(gap.phase, []).append(
            Finding(kind, "improvement", gap.phase, params, tuple(shown), weight=2)
        )
    return found


def _role(step: Step) -> str | None:
    return step.action.role if isinstance(step.action, Play) else None


def _one_role(trace: SessionTrace, cards: Iterable[str]) -> str | None:
    """The one role that may play every one of `cards`, if there is one."""
    deck = trace.deck
    everyone = frozenset(role.id for role in deck.roles)
    roles = [frozenset(deck.card(c).roles) or everyone for c in cards if c in deck.card_index]
    common = frozenset.intersection(*roles) if roles else frozenset()
    return next(iter(common)) if len(common) == 1 else None
