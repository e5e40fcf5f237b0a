"""Assemble findings into a debrief for one session, and compare several sessions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from scenarios.debrief.discussion import questionnaire, questions
from scenarios.debrief.facts import facts_of
from scenarios.debrief.findings import (
    gap_findings,
    gaps,
    general_findings,
    indicator_moves,
    move_findings,
    quotes,
    recommendation_hits,
    role_activity,
)
from scenarios.debrief.model import (
    Audience,
    ComparisonReport,
    Finding,
    PhaseReport,
    Quote,
    Recurring,
    SessionReport,
)
from scenarios.debrief.plan import improve, keep, keep_points
from scenarios.debrief.timeline import timeline
from scenarios.debrief.trace import SessionTrace
from scenarios.i18n import Lang, Texts
from scenarios.journal import Annotation

MESSAGES = Texts("report")


class ReportError(Exception):
    """Journals that cannot be reported on together."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: Lang = "fr") -> str:
        return MESSAGES.format(lang, self.code, self.params)


def _by_weight(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda f: (-f.weight, f.kind)))


def session_report(
    trace: SessionTrace,
    annotations: Sequence[Annotation] = (),
    audience: Audience = "trainer",
) -> SessionReport:
    """The whole debrief of one session, trainers' annotations quoted where they belong.

    The trainer's (`scenarios report`, the workshop's) shows the deck's `facilitator:`
    notes of the deck, its phases and questions; the table's (its end screen and export)
    never holds one. A discussion exercise (`style: discussion`) has no outcome, score,
    findings nor écarts: its debrief is the table's words, said without fault.
    """
    deck = trace.deck
    final = trace.final
    discussion = deck.discussion
    trainer = audience == "trainer"
    facts = facts_of(trace)
    found_gaps = [] if discussion else gaps(trace, facts)
    moves = indicator_moves(trace, facts)
    phased = (
        []
        if discussion
        else gap_findings(trace, found_gaps) + move_findings(trace, facts, moves, found_gaps)
    )
    hits = recommendation_hits(trace, facts)
    annotated = [_annotation_quote(trace, note) for note in annotations]
    all_quotes = sorted(quotes(trace), key=lambda q: q.seq)
    asked = questions(trace, all_quotes, audience)
    observed = {q.seq for question in asked for q in question.observations}
    said = [q for q in all_quotes if q.kind == "rationale"]
    notes = [q for q in all_quotes if q.kind == "note" and q.seq not in observed]
    story = timeline(trace, facts, notes)
    to_keep = keep_points(asked) if discussion else keep(trace, facts, found_gaps, moves)
    to_improve = improve(trace, found_gaps, hits)
    phases = []
    for phase in deck.phases:
        in_phase = [f for f in phased if f.phase == phase.id]
        phases.append(
            PhaseReport(
                id=phase.id,
                title=phase.title,
                strengths=_by_weight(f for f in in_phase if f.polarity == "strength"),
                improvements=_by_weight(f for f in in_phase if f.polarity == "improvement"),
                recommendations=tuple(h for h in hits if h.phase == phase.id),
                moves=tuple(moves.get(phase.id, ())),
                quotes=tuple(q for q in said if q.phase == phase.id),
                questions=tuple(q for q in asked if q.phase == phase.id),
                facilitator=phase.facilitator if trainer else "",
                keep=tuple(to_keep.get(phase.id, ())),
                improve=tuple(to_improve.get(phase.id, ())),
                imposed=_by_weight(f for f in in_phase if f.polarity == "info"),
                choices=tuple(c for c in facts.choices if c.phase == phase.id),
                timeline=tuple(entry for entry in story if entry.phase == phase.id),
                annotations=tuple(q for q in annotated if q.phase == phase.id),
            )
        )
    roles = role_activity(trace, facts)
    header = trace.header
    return SessionReport(
        deck_id=deck.id,
        deck_title=deck.title,
        deck_sha256=deck.sha256,
        journal=trace.path,
        seed=header.seed,
        teams=tuple((team.name, team.roles) for team in header.teams),
        started=header.started,
        outcome=_completed(final.over) if discussion else final.outcome or "unfinished",
        ending=final.ending,
        score=None if discussion else final.final_score,
        over=final.over,
        rounds=final.turn,
        indicators=tuple((i.id, final.indicator(i.id)) for i in deck.indicators),
        bounds=tuple((i.min, i.max) for i in deck.indicators),
        trail=tuple(final.trail),
        phases=tuple(phases),
        general=() if discussion else _by_weight(general_findings(trace, facts, roles)),
        gaps=tuple(found_gaps),
        roles=tuple(roles),
        names=_names(trace),
        damage=trace.damage,
        table=header.label,
        style=deck.style,
        questionnaire=tuple(questionnaire(trace)),
        audience=audience,
        facilitator=deck.facilitator if trainer else "",
        neutral_outcomes=deck.neutral_outcomes,
    )


def _completed(over: bool) -> str:
    """A discussion exercise is completed or not: none of its endings is a verdict."""
    return "completed" if over else "unfinished"


def _annotation_quote(trace: SessionTrace, note: Annotation) -> Quote:
    """A trainer's annotation, placed at the moment after action `note.seq`."""
    state = trace.initial
    for step in trace.steps:
        if step.seq <= note.seq:
            state = step.after
    return Quote(note.seq, state.turn, state.phase, state.round, "annotation", note.text)


def _names(trace: SessionTrace) -> dict[str, str]:
    deck = trace.deck
    names = {f"card:{c.id}": c.title for c in deck.cards}
    names.update({f"role:{r.id}": r.title for r in deck.roles})
    names.update({f"indicator:{i.id}": i.title for i in deck.indicators})
    names.update({f"phase:{p.id}": p.title for p in deck.phases})
    names.update({f"ending:{e.id}": e.title for e in deck.endings})
    names.update({f"flag:{f.id}": f.title for f in deck.flags})
    for card in deck.cards:
        names.update({f"option:{card.id}:{o.id}": o.title for o in card.options})
    return names


def comparison_report(reports: Sequence[SessionReport]) -> ComparisonReport:
    """Sessions of one deck side by side, each named by its table's label (never by its
    teams: six tables with the default team names are six tables); `ReportError` if
    they come from different decks."""
    decks = sorted({r.deck_id for r in reports})
    if len(decks) > 1:
        raise ReportError("different_decks", decks=", ".join(decks))
    fired: Counter[str] = Counter()
    for report in reports:
        fired.update({hit.id for hit in report.recommendations})
    tables = table_names([report.table for report in reports])
    first = reports[0]
    return ComparisonReport(
        deck_id=first.deck_id,
        deck_title=first.deck_title,
        sessions=tuple(reports),
        tables=tables,
        recommendation_counts=tuple(sorted(fired.items(), key=lambda item: (-item[1], item[0]))),
        recurring=recurring_axes(tables, reports),
    )


def table_names(labels: Sequence[str | None]) -> tuple[str, ...]:
    """One distinct name per session: its table's label, "Table N" (its place in the list)
    when the journal has none. A repeated name is kept by its first session and
    numbered for the others ("Table 1 (2)"), never taking a name another session has."""
    wanted = [label or f"Table {number}" for number, label in enumerate(labels, start=1)]
    taken = set(wanted)
    given: set[str] = set()
    names = []
    for name in wanted:
        if name in given:
            copy = 2
            while f"{name} ({copy})" in taken:
                copy += 1
            name = f"{name} ({copy})"
            taken.add(name)
        given.add(name)
        names.append(name)
    return tuple(names)


def improvements(report: SessionReport) -> list[Finding]:
    """Every axe d'amélioration of a session: each phase's, then the whole game's."""
    found = [f for phase in report.phases for f in phase.improvements]
    return found + [f for f in report.general if f.polarity == "improvement"]


def recurring_axes(
    tables: Sequence[str], reports: Sequence[SessionReport]
) -> tuple[Recurring, ...]:
    """The axes d'amélioration found at more than one table, the most shared first."""
    found: dict[str, list[str]] = {}
    example: dict[str, tuple[Finding, SessionReport]] = {}
    for table, report in zip(tables, reports, strict=True):
        for finding in improvements(report):
            theme = finding_theme(finding)
            example.setdefault(theme, (finding, report))
            if table not in found.setdefault(theme, []):
                found[theme].append(table)
    ranked = sorted(found.items(), key=lambda item: (-len(item[1]), item[0]))
    return tuple(Recurring(*example[theme], tuple(at)) for theme, at in ranked if len(at) > 1)


def finding_theme(finding: Finding) -> str:
    """What makes two findings 'the same axe d'amélioration' across sessions."""
    keys = ("event", "indicator", "card", "role", "ending")
    return ":".join([finding.kind, *(str(finding.params.get(key, "")) for key in keys)])
