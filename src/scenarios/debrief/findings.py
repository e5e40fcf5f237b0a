"""From a session's trace to findings: pure functions, one per kind of observation."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping

from scenarios.debrief.facts import Facts, Move, goodness
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
from scenarios.engine.events import Chose, Revealed

LATE_AFTER_ROUNDS = 1
BIG_MOVE = 2
CONSTRAINED_NOTED = 2  # constrained passes from which the debrief says so


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


def recommendation_hits(trace: SessionTrace, facts: Facts) -> list[RecommendationHit]:
    """The deck's recommendations whose rule holds at the end, with what makes them hold."""
    final = trace.final
    values, functions = state_env(final)
    playable = _playable(facts)
    flags = {flag.id for flag in trace.deck.flags}
    last = trace.steps[-1] if trace.steps else None
    hits = []
    for rule in trace.deck.recommendations:
        if not rule.when(values, functions):
            continue
        found: list[Evidence] = []
        for function, args in rule.when.calls:
            found.extend(_call_evidence(trace, facts, playable, function, args))
        for name in sorted(rule.when.names):
            if last is None:
                continue
            if name in trace.deck.indicator_index:
                found.append(evidence(last, "final", indicator=name, value=final.indicator(name)))
            elif name in flags:
                found.append(evidence(last, "flag", indicator=name, value=int(name in final.flags)))
                for card in _setters(trace, name):
                    found.extend(
                        _call_evidence(trace, facts, playable, "played", (card, None, None))
                    )
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


def _playable(facts: Facts) -> dict[str, list[Step]]:
    """For each decision card, the decision moments where its role could have played it."""
    found: dict[str, list[Step]] = {}
    for moment in facts.moments:
        for card in moment.playable:
            found.setdefault(card, []).append(moment.step)
    return found


def _call_evidence(
    trace: SessionTrace,
    facts: Facts,
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
        # Never playable: was it never in a hand, or in a hand but never affordable?
        what = "never_affordable" if card in facts.in_hand else "never_in_hand"
        return [Evidence(0, 0, phase or "", 0, what, card=card, role=by)]
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


def gaps(trace: SessionTrace, facts: Facts) -> list[Gap]:
    """Each event the deck holds an answer to, and when (or whether) the table gave one.

    A decision played before the event, in any earlier phase, is anticipation, even if
    another answer came later; "late" counts rounds of the whole game. Never answered:
    "missing" if an answer was playable at some moment after the event, "unplayable"
    (no fault of the table's) if none ever was. A dilemma the table settled without an
    answer is no écart: its choice is named with the choices.
    """
    deck = trace.deck
    # For each event, the plays that answer it, in seq order.
    answering: dict[str, list[tuple[Step, Play]]] = defaultdict(list)
    for step, play in plays(trace):
        for event in deck.card(play.card).counters:
            answering[event].append((step, play))
    found = []
    for step, revealed in reveals(trace):
        expected = facts.answers.get(revealed.card)
        if not expected:
            continue
        turn = step.after.turn
        row = answering[revealed.card]  # no play shares the reveal's step
        first_after = bisect_right(row, step.seq, key=lambda item: item[0].seq)
        answer: tuple[Step, Play] | None = None
        delay: int | None = None
        status: GapStatus
        if first_after:
            answer = row[first_after - 1]
            status = "anticipated"
        elif first_after < len(row):
            answer = row[first_after]
            delay = answer[0].before.turn - turn
            status = "timely" if delay < LATE_AFTER_ROUNDS else "late"
        elif deck.card(revealed.card).kind.options:
            continue
        elif facts.playable_after(expected, step.seq):
            status = "missing"
        else:
            status = "unplayable"
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
            "strength"
            if gap.status in ("timely", "anticipated")
            else "info"
            if gap.status == "unplayable"
            else "improvement"
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
                weight=3 if gap.status == "missing" else 1 if gap.status == "unplayable" else 2,
            )
        )
    return findings


# Indicators --------------------------------------------------------------------


def indicator_moves(trace: SessionTrace, facts: Facts) -> dict[str, list[IndicatorMove]]:
    """For each phase and indicator: start, end, and the causes of the largest moves (a
    card, or a dilemma's option; a triggered card with what scheduled it)."""
    deck = trace.deck
    contributions: dict[tuple[str, str, Cause], list[Move]] = defaultdict(list)
    phase_values: dict[str, tuple[tuple[int, ...], tuple[int, ...]]] = {}
    for move in facts.moves:
        contributions[(move.phase, move.indicator, _cause(move))].append(move)
    states = [trace.initial] + [s.after for s in trace.done()]
    for state in states:
        start, _ = phase_values.get(state.phase, (state.indicators, state.indicators))
        phase_values[state.phase] = (start, state.indicators)
    by_phase: dict[tuple[str, str], list[Contribution]] = defaultdict(list)
    for (phase_id, indicator_id, (card, option, by)), items in contributions.items():
        by_phase[(phase_id, indicator_id)].append(
            Contribution(
                card, sum(m.delta for m in items), tuple(m.seq for m in items), option, by
            )
        )
    moves: dict[str, list[IndicatorMove]] = {}
    for phase in deck.phases:
        if phase.id not in phase_values:
            continue
        start, end = phase_values[phase.id]
        rows = []
        for index, indicator in enumerate(deck.indicators):
            by_cause = by_phase.get((phase.id, indicator.id), [])
            drops = sorted((c for c in by_cause if c.delta < 0), key=lambda c: c.delta)[:3]
            rises = sorted((c for c in by_cause if c.delta > 0), key=lambda c: -c.delta)[:3]
            rows.append(
                IndicatorMove(indicator.id, start[index], end[index], tuple(drops), tuple(rises))
            )
        moves[phase.id] = rows
    return moves


Cause = tuple[str, str | None, tuple[str, str | None] | None]


def _cause(move: Move) -> Cause:
    return move.cause.card, move.cause.option, move.cause.by


def by_table(trace: SessionTrace, card: str, option: str | None) -> bool:
    """Whether a card or option is the table's doing: a decision it played, or a dilemma's
    option it chose."""
    found = trace.deck.card_index.get(card)
    return option is not None or (found is not None and found.kind.held)


def _move_finding(
    kind: str,
    polarity: Polarity,
    phase: str,
    move: IndicatorMove,
    top: Contribution,
    steps: Mapping[int, Step],
) -> Finding:
    """A cause of a move of an indicator in a phase, with each of its steps."""
    params: dict[str, object] = {
        "indicator": move.indicator,
        "card": top.card,
        "option": top.option,
        "delta": top.delta,
        "net": move.net,
    }
    if top.by is not None:
        params["by"] = {"card": top.by[0], "option": top.by[1]}
    shown = tuple(
        evidence(steps[s], "changed", card=top.card, option=top.option, indicator=move.indicator)
        for s in top.seqs
    )
    return Finding(kind, polarity, phase, params, shown, weight=abs(top.delta))


def _blamed(
    trace: SessionTrace, found_gaps: Iterable[Gap], indicator: str, top: Contribution
) -> bool | None:
    """Whether a drop is the table's to improve (True), the scenario's (False), or the
    price of what the table chose to do (None: said by neither).

    The table's: an effect of its decision or chosen option, a card its decision or
    choice triggered, an event it could answer and answered late or not at all. The
    scenario's: a hit with no possible answer, or one the table had answered. A price:
    a resource (an indicator decisions cost) its decision or choice spent."""
    if by_table(trace, top.card, top.option):
        return None if indicator in trace.deck.resources else True
    if top.by is not None and by_table(trace, *top.by):
        return True
    return any(g.event == top.card and g.status in ("late", "missing") for g in found_gaps)


def credited(trace: SessionTrace, facts: Facts, top: Contribution) -> bool:
    """Whether a rise may be credited to the table: its decision or chosen option, not
    an event's, and not one whose triggers later hurt an indicator."""
    if not by_table(trace, top.card, top.option) or top.by is not None:
        return False
    return not facts.harmful(top.card, top.option)


def move_findings(
    trace: SessionTrace,
    facts: Facts,
    moves: dict[str, list[IndicatorMove]],
    found_gaps: Iterable[Gap],
) -> list[Finding]:
    """Large drops are axes d'amélioration when the table's doing, imposed by the scenario
    otherwise; large rises points positifs, credited to the table's decisions and choices
    only (good: low reverses)."""
    found_gaps = list(found_gaps)
    good = goodness(trace.deck)
    steps = {s.seq: s for s in trace.steps}
    findings = []
    for phase, rows in moves.items():
        for move in rows:
            sign = good[move.indicator]
            worst = move.drops if sign > 0 else move.rises
            best = move.rises if sign > 0 else move.drops
            verdicts = [(c, _blamed(trace, found_gaps, move.indicator, c)) for c in worst]
            blamed = [c for c, verdict in verdicts if verdict is True]
            imposed = [c for c, verdict in verdicts if verdict is False]
            said: tuple[tuple[str, Polarity, list[Contribution]], ...] = (
                ("indicator_worse", "improvement", blamed),
                ("indicator_imposed", "info", imposed),
            )
            for kind, polarity, causes in said:
                if causes and abs(causes[0].delta) >= BIG_MOVE:
                    findings.append(_move_finding(kind, polarity, phase, move, causes[0], steps))
            if move.net * sign > 0:
                top_best = next((c for c in best if credited(trace, facts, c)), None)
                if top_best is not None and abs(top_best.delta) >= BIG_MOVE:
                    findings.append(
                        _move_finding("indicator_better", "strength", phase, move, top_best, steps)
                    )
    return findings


# Roles, cards, resources, ending ----------------------------------------------


def role_activity(trace: SessionTrace, facts: Facts) -> list[RoleActivity]:
    """Each role's decisions, its passes while something was playable, and its passes with
    nothing playable in hand (constrained)."""
    counts = {role.id: [0, 0, 0] for role in trace.deck.roles}
    for moment in facts.moments:
        if isinstance(moment.step.action, Play):
            counts[moment.role][0] += 1
        elif moment.constrained:
            counts[moment.role][2] += 1
        else:
            counts[moment.role][1] += 1
    return [RoleActivity(role, *numbers) for role, numbers in counts.items()]


def general_findings(
    trace: SessionTrace, facts: Facts, roles: list[RoleActivity]
) -> list[Finding]:
    """The whole game's findings: roles that passed by choice, decisions never taken,
    resources left, the ending."""
    deck = trace.deck
    final = trace.final
    last = trace.steps[-1] if trace.steps else None
    findings: list[Finding] = []
    for activity in roles:
        params = {
            "role": activity.role,
            "plays": activity.plays,
            "passes": activity.passes,
            "constrained": activity.constrained,
        }
        if activity.plays == 0 and activity.passes > 0:
            findings.append(Finding("role_idle", "improvement", None, params, weight=2))
        elif activity.passes > activity.plays:
            findings.append(Finding("role_passive", "improvement", None, params, weight=1))
        if activity.constrained >= CONSTRAINED_NOTED:
            findings.append(Finding("role_constrained", "info", None, params, weight=1))
    played = {play.card for _, play in plays(trace)}
    playable = _playable(facts)
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
    for indicator_id in sorted(deck.resources):
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
    """Rationales given with decisions and choices (undone ones left out), and the
    facilitator's notes (the play screen's `n`)."""
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
