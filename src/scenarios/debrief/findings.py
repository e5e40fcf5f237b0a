"""From a session's trace to findings: pure functions, one per kind of observation."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from scenarios.debrief.model import (
    PRIORITY_ORDER,
    Contribution,
    Evidence,
    Finding,
    Gap,
    GapStatus,
    IndicatorMove,
    Polarity,
    Quote,
    RecommendationHit,
    RoleActivity,
)
from scenarios.debrief.trace import SessionTrace, Step
from scenarios.engine import Choose, Note, Pass, Play, state_env
from scenarios.engine.events import Changed, Chose, Revealed

LATE_AFTER_ROUNDS = 1
BIG_MOVE = 2


def evidence(step: Step, what: str, **extra: object) -> Evidence:
    turn, phase, round_ = step.where
    return Evidence(step.seq, turn, phase, round_, what, **extra)  # type: ignore[arg-type]


def plays(trace: SessionTrace) -> list[tuple[Step, Play]]:
    """Decisions the table played (and did not take back), with their steps."""
    return [(s, s.action) for s in trace.done() if isinstance(s.action, Play)]


def reveals(trace: SessionTrace) -> list[tuple[Step, Revealed]]:
    return [(s, e) for s in trace.done() for e in s.events if isinstance(e, Revealed)]


def _role_of(step: Step) -> str | None:
    return step.action.role if isinstance(step.action, (Play, Pass)) else None


# Recommendations --------------------------------------------------------------


def recommendation_hits(trace: SessionTrace) -> list[RecommendationHit]:
    """The deck's recommendations whose rule holds at the end, with what makes them hold."""
    final = trace.final
    values, functions = state_env(final)
    playable = trace.playable()
    flags = {flag.id for flag in trace.deck.flags}
    last = trace.steps[-1] if trace.steps else None
    hits = []
    for rule in trace.deck.recommendations:
        if not rule.when(values, functions):
            continue
        found: list[Evidence] = []
        for function, args in rule.when.calls:
            found.extend(_call_evidence(trace, playable, function, args))
        for name in sorted(rule.when.names):
            if last is None:
                continue
            if name in trace.deck.indicator_index:
                found.append(evidence(last, "final", indicator=name, value=final.indicator(name)))
            elif name in flags:
                found.append(evidence(last, "flag", indicator=name, value=int(name in final.flags)))
                for card in _setters(trace, name):
                    found.extend(_call_evidence(trace, playable, "played", (card, None, None)))
        hits.append(
            RecommendationHit(
                rule.id,
                rule.phase,
                rule.priority,
                rule.title,
                rule.text,
                rule.actor,
                rule.deadline,
                tuple(found),
                lead=rule.lead,
                category=rule.category,
                indicator=rule.indicator,
            )
        )
    return sorted(hits, key=lambda h: PRIORITY_ORDER.get(h.priority, 1))


def _setters(trace: SessionTrace, flag: str) -> list[str]:
    """Decision cards whose play sets `flag`: what the table could have done about it."""
    return [
        card.id
        for card in trace.deck.cards
        if card.kind.held and flag in card.effects.set
    ]


def _call_evidence(
    trace: SessionTrace,
    playable: dict[str, list[Step]],
    function: str,
    args: tuple[str | None, ...],
) -> list[Evidence]:
    card = args[0] or ""
    if function == "played":
        by, phase = args[1], args[2]
        done = [
            (s, play)
            for s, play in plays(trace)
            if play.card == card
            and (by is None or play.role == by)
            and (phase is None or s.before.phase == phase)
        ]
        if done:
            return [evidence(s, "played", card=card, role=play.role) for s, play in done]
        could = [
            s
            for s in playable.get(card, [])
            if (phase is None or s.before.phase == phase) and (by is None or _role_of(s) == by)
        ]
        if could:
            return [evidence(s, "playable", card=card, role=_role_of(s)) for s in could]
        return [Evidence(0, 0, phase or "", 0, "never_playable", card=card, role=by)]
    if function == "drawn":
        phase = args[1]
        return [
            evidence(s, "drawn", card=card)
            for s, e in reveals(trace)
            if e.card == card and (phase is None or s.after.phase == phase)
        ]
    if function == "chosen":
        option = args[1]
        return [
            evidence(s, "chosen", card=card, option=option)
            for s in trace.done()
            for e in s.events
            if isinstance(e, Chose) and e.card == card and e.option == option
        ]
    return []


# Answers to events (counters) -------------------------------------------------


def gaps(trace: SessionTrace) -> list[Gap]:
    """Each event the deck expects an answer to, and when (or whether) the table gave one."""
    answers: dict[str, list[str]] = defaultdict(list)
    for card in trace.deck.cards:
        for event_id in card.counters:
            answers[event_id].append(card.id)
    played = plays(trace)
    found = []
    for step, revealed in reveals(trace):
        expected = answers.get(revealed.card)
        if not expected:
            continue
        turn = step.after.turn
        after = [(s, p) for s, p in played if s.seq > step.seq and p.card in expected]
        before = [(s, p) for s, p in played if s.seq < step.seq and p.card in expected]
        answer: tuple[Step, Play] | None = None
        delay: int | None = None
        status: GapStatus = "missing"
        if after:
            answer = after[0]
            delay = answer[0].before.turn - turn
            status = "timely" if delay < LATE_AFTER_ROUNDS else "late"
        elif before:
            answer = before[-1]
            status = "anticipated"
        found.append(
            Gap(
                event=revealed.card,
                seq=step.seq,
                turn=turn,
                phase=step.after.phase,
                expected=tuple(expected),
                answer=answer[1].card if answer else None,
                answer_seq=answer[0].seq if answer else None,
                delay=delay,
                status=status,
            )
        )
    return found


def gap_findings(trace: SessionTrace, found: Iterable[Gap]) -> list[Finding]:
    steps = {s.seq: s for s in trace.steps}
    findings = []
    for gap in found:
        shown = [evidence(steps[gap.seq], "drawn", card=gap.event)]
        if gap.answer_seq is not None:
            answer = steps[gap.answer_seq]
            shown.append(evidence(answer, "played", card=gap.answer, role=_role_of(answer)))
        polarity: Polarity = (
            "strength" if gap.status in ("timely", "anticipated") else "improvement"
        )
        findings.append(
            Finding(
                f"response_{gap.status}",
                polarity,
                gap.phase,
                {
                    "event": gap.event,
                    "answer": gap.answer,
                    "delay": gap.delay,
                    "expected": list(gap.expected),
                },
                tuple(shown),
                weight=3 if gap.status == "missing" else 2,
            )
        )
    return findings


# Indicators --------------------------------------------------------------------


def indicator_moves(trace: SessionTrace) -> dict[str, list[IndicatorMove]]:
    """For each phase and indicator: start, end, and the cards behind the largest moves."""
    deck = trace.deck
    contributions: dict[tuple[str, str, str], list[tuple[int, int]]] = defaultdict(list)
    phase_values: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {}
    first_state = trace.initial
    for step in trace.done():
        for event in step.events:
            if isinstance(event, Changed):
                contributions[(step.after.phase, event.indicator, event.card)].append(
                    (event.after - event.before, step.seq)
                )
    states = [first_state] + [s.after for s in trace.done()]
    for state in states:
        start, _ = phase_values.get(state.phase, (state.indicators, state.indicators))
        phase_values[state.phase] = (start, state.indicators)
    moves: dict[str, list[IndicatorMove]] = {}
    for phase in deck.phases:
        if phase.id not in phase_values:
            continue
        start, end = phase_values[phase.id]
        rows = []
        for index, indicator in enumerate(deck.indicators):
            by_card = [
                Contribution(card, sum(d for d, _ in items), tuple(seq for _, seq in items))
                for (p, i, card), items in contributions.items()
                if p == phase.id and i == indicator.id
            ]
            drops = sorted((c for c in by_card if c.delta < 0), key=lambda c: c.delta)[:3]
            rises = sorted((c for c in by_card if c.delta > 0), key=lambda c: -c.delta)[:3]
            rows.append(
                IndicatorMove(indicator.id, start[index], end[index], tuple(drops), tuple(rises))
            )
        moves[phase.id] = rows
    return moves


def _move_finding(
    kind: str,
    polarity: Polarity,
    phase: str,
    move: IndicatorMove,
    top: Contribution,
    steps: Mapping[int, Step],
) -> Finding:
    """The card behind the largest move of an indicator in a phase, with each of its steps."""
    return Finding(
        kind,
        polarity,
        phase,
        {"indicator": move.indicator, "card": top.card, "delta": top.delta, "net": move.net},
        tuple(
            evidence(steps[s], "changed", card=top.card, indicator=move.indicator) for s in top.seqs
        ),
        weight=abs(top.delta),
    )


def move_findings(trace: SessionTrace, moves: dict[str, list[IndicatorMove]]) -> list[Finding]:
    """Large drops are axes d'amélioration, large rises points positifs (good: low reverses)."""
    deck = trace.deck
    steps = {s.seq: s for s in trace.steps}
    findings = []
    for phase, rows in moves.items():
        for move in rows:
            indicator = deck.indicators[deck.indicator_index[move.indicator]]
            sign = 1 if indicator.good == "high" else -1
            worst = move.drops if sign > 0 else move.rises
            best = move.rises if sign > 0 else move.drops
            if worst and abs(worst[0].delta) >= BIG_MOVE:
                findings.append(
                    _move_finding("indicator_worse", "improvement", phase, move, worst[0], steps)
                )
            if best and abs(best[0].delta) >= BIG_MOVE and move.net * sign > 0:
                findings.append(
                    _move_finding("indicator_better", "strength", phase, move, best[0], steps)
                )
    return findings


# Roles, cards, resources, ending ----------------------------------------------


def role_activity(trace: SessionTrace) -> list[RoleActivity]:
    counts = {role.id: [0, 0] for role in trace.deck.roles}
    for step in trace.done():
        if isinstance(step.action, Play):
            counts[step.action.role][0] += 1
        elif isinstance(step.action, Pass):
            counts[step.action.role][1] += 1
    return [RoleActivity(role, plays_, passes) for role, (plays_, passes) in counts.items()]


def general_findings(trace: SessionTrace, roles: list[RoleActivity]) -> list[Finding]:
    deck = trace.deck
    final = trace.final
    last = trace.steps[-1] if trace.steps else None
    findings: list[Finding] = []
    for activity in roles:
        if activity.plays == 0 and activity.passes > 0:
            findings.append(
                Finding(
                    "role_idle",
                    "improvement",
                    None,
                    {"role": activity.role, "passes": activity.passes},
                    weight=2,
                )
            )
        elif activity.passes > activity.plays:
            findings.append(
                Finding(
                    "role_passive",
                    "improvement",
                    None,
                    {"role": activity.role, "plays": activity.plays, "passes": activity.passes},
                    weight=1,
                )
            )
    played = {play.card for _, play in plays(trace)}
    playable = trace.playable()
    unused = sorted(card for card in playable if card not in played)
    if unused:
        findings.append(
            Finding(
                "cards_unused",
                "info",
                None,
                {"cards": unused},
                tuple(evidence(playable[card][0], "playable", card=card) for card in unused),
            )
        )
    costed = sorted({indicator for card in deck.cards for indicator, _ in card.cost})
    for indicator_id in costed:
        indicator = deck.indicators[deck.indicator_index[indicator_id]]
        value = final.indicator(indicator_id)
        if final.over and value - indicator.min >= (indicator.max - indicator.min) / 2:
            findings.append(
                Finding(
                    "resource_unused",
                    "info",
                    None,
                    {"indicator": indicator_id, "value": value, "max": indicator.max},
                )
            )
    if final.over and last is not None:
        ending = final.ending
        if final.outcome == "defeat":
            findings.append(
                Finding(
                    "ending_defeat",
                    "improvement",
                    None,
                    {"ending": ending},
                    (evidence(last, "ending"),),
                    weight=4,
                )
            )
        else:
            avoided = [e.id for e in deck.endings if e.outcome == "defeat" and e.id != ending]
            kind = "ending_victory" if final.outcome == "victory" else "defeats_avoided"
            findings.append(
                Finding(
                    kind,
                    "strength",
                    None,
                    {"ending": ending, "avoided": avoided},
                    (evidence(last, "ending"),),
                    weight=3,
                )
            )
    return findings


def quotes(trace: SessionTrace) -> list[Quote]:
    """Rationales given with decisions and choices (undone ones left out), and the notes."""
    found = []
    for step in trace.steps:
        turn, phase, round_ = step.where
        action = step.action
        if isinstance(action, (Play, Pass)) and action.rationale and not step.undone:
            card = action.card if isinstance(action, Play) else None
            found.append(
                Quote(
                    step.seq,
                    turn,
                    phase,
                    round_,
                    "rationale",
                    action.rationale,
                    action.role,
                    card,
                    isinstance(action, Pass),
                )
            )
        elif isinstance(action, Choose) and action.rationale and not step.undone:
            found.append(
                Quote(
                    step.seq,
                    turn,
                    phase,
                    round_,
                    "rationale",
                    action.rationale,
                    card=action.card,
                    option=action.option,
                )
            )
        elif isinstance(action, Note):
            found.append(Quote(step.seq, turn, phase, round_, "note", action.text))
    return found
