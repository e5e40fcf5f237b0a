"""The debrief as JSON for other tools, in the shape `json_schema.REPORT_SCHEMA` documents.

Every sentence is given both as structured data (`kind`, `params`) and as a
`message` in the report's language; ids come with their titles.
"""

from __future__ import annotations

from typing import Any

import attrs

from scenarios.debrief.json_schema import FORMAT
from scenarios.debrief.model import (
    Choice,
    ComparisonReport,
    Contribution,
    Evidence,
    Finding,
    QuestionnaireSummary,
    QuestionReport,
    RecommendationHit,
    SessionReport,
    TimelineEntry,
)
from scenarios.debrief.texts import (
    category,
    choice_consequences,
    describe,
    describe_evidence,
    join_items,
    speaker,
    theme,
    timeline_choice,
    timeline_text,
)
from scenarios.i18n import Lang


def _record(instance: Any) -> dict[str, Any]:
    """A flat attrs record as JSON data: its fields in order, tuples as lists."""
    return attrs.asdict(instance, value_serializer=_listed)


def _listed(_instance: Any, _field: Any, value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _evidence(item: Evidence, report: SessionReport, lang: Lang) -> dict[str, Any]:
    return {**_record(item), "message": describe_evidence([item], report, lang)[0]}


def _finding(finding: Finding, report: SessionReport, lang: Lang) -> dict[str, Any]:
    return {
        "kind": finding.kind,
        "polarity": finding.polarity,
        "phase": finding.phase,
        "message": describe(finding, report, lang),
        "params": dict(finding.params),
        "evidence": [_evidence(e, report, lang) for e in finding.evidence],
    }


def _by(by: tuple[str, str | None] | None) -> dict[str, Any] | None:
    return {"card": by[0], "option": by[1]} if by is not None else None


def _contribution(item: Contribution) -> dict[str, Any]:
    """A cause of a move; `by`: what scheduled a triggered card (a decision or a choice)."""
    return {**_record(item), "by": _by(item.by)}


def _choice(choice: Choice, report: SessionReport, lang: Lang) -> dict[str, Any]:
    """A dilemma settled: the option chosen (with its title), what it did at once."""
    return {
        "card": choice.card,
        "title": report.name("card", choice.card),
        "option": choice.option,
        "option_title": report.name("option", f"{choice.card}:{choice.option}"),
        "seq": choice.seq,
        "turn": choice.turn,
        "round": choice.round,
        "rationale": choice.rationale,
        "changes": [{"indicator": i, "delta": d} for i, d in choice.changes],
        "triggered": list(choice.triggered),
        "message": join_items(
            [timeline_choice(choice, report, lang), *choice_consequences(choice, report, lang)],
            lang,
        ),
    }


def _moment(entry: TimelineEntry, report: SessionReport, lang: Lang) -> dict[str, Any]:
    return {**_record(entry), "by": _by(entry.by), "message": timeline_text(entry, report, lang)}


def _recommendation(hit: RecommendationHit, report: SessionReport, lang: Lang) -> dict[str, Any]:
    return {
        **attrs.asdict(hit, recurse=False),
        "category_title": category(hit.category, lang) if hit.category else None,
        "evidence": [_evidence(e, report, lang) for e in hit.evidence],
    }


def _question(question: QuestionReport, report: SessionReport, lang: Lang) -> dict[str, Any]:
    """A question that came up, the table's answers, the points ticked, the observations."""
    return {
        "card": question.card,
        "title": question.title,
        "text": question.text,
        "seq": question.seq,
        "turn": question.turn,
        "phase": question.phase,
        "round": question.round,
        "facilitator": question.facilitator,
        "answers": [{**_record(a), "who": speaker(a.role, report, lang)} for a in question.answers],
        "points": [_record(point) for point in question.points],
        "observations": [_record(q) for q in question.observations],
    }


def _questionnaire(item: QuestionnaireSummary, report: SessionReport, lang: Lang) -> dict[str, Any]:
    return {
        "id": item.id,
        "text": item.text,
        "scale": item.scale,
        "replies": [{**_record(r), "who": speaker(r.role, report, lang)} for r in item.replies],
        "counts": [{"value": value, "count": count} for value, count in item.counts],
        "median": item.median,
    }


def session_data(report: SessionReport, lang: Lang = "fr") -> dict[str, Any]:
    indicators = []
    for index, (indicator, value) in enumerate(report.indicators):
        trajectory = [row[index] for row in report.trail]
        low, high = report.bounds[index]
        indicators.append(
            {
                "id": indicator,
                "title": report.name("indicator", indicator),
                "min": low,
                "max": high,
                "start": trajectory[0] if trajectory else value,
                "end": value,
                "trajectory": trajectory,
            }
        )
    return {
        "format": FORMAT,
        "kind": "session",
        "lang": lang,
        "style": report.style,
        "audience": report.audience,
        "facilitator": report.facilitator,
        "deck": {"id": report.deck_id, "title": report.deck_title, "sha256": report.deck_sha256},
        "journal": report.journal,
        "seed": report.seed,
        "started": report.started,
        "table": report.table,
        "teams": [{"name": name, "roles": list(roles)} for name, roles in report.teams],
        "outcome": report.outcome,
        "ending": {"id": report.ending, "title": report.name("ending", report.ending)}
        if report.ending
        else None,
        "score": report.score,
        "over": report.over,
        "rounds": report.rounds,
        "damage": report.damage.message(lang) if report.damage else None,
        "indicators": indicators,
        "phases": [
            {
                "id": phase.id,
                "title": phase.title,
                "strengths": [_finding(f, report, lang) for f in phase.strengths],
                "improvements": [_finding(f, report, lang) for f in phase.improvements],
                "recommendations": [
                    _recommendation(h, report, lang) for h in phase.recommendations
                ],
                "improve": [_finding(f, report, lang) for f in phase.improve],
                "keep": [_finding(f, report, lang) for f in phase.keep],
                "moves": [
                    {
                        "indicator": move.indicator,
                        "start": move.start,
                        "end": move.end,
                        "net": move.net,
                        "drops": [_contribution(c) for c in move.drops],
                        "rises": [_contribution(c) for c in move.rises],
                    }
                    for move in phase.moves
                ],
                "quotes": [_record(q) for q in phase.quotes],
                "imposed": [_finding(f, report, lang) for f in phase.imposed],
                "choices": [_choice(c, report, lang) for c in phase.choices],
                "timeline": [_moment(m, report, lang) for m in phase.timeline],
                "annotations": [_record(q) for q in phase.annotations],
                "facilitator": phase.facilitator,
                "questions": [_question(q, report, lang) for q in phase.questions],
            }
            for phase in report.phases
        ],
        "general": [_finding(f, report, lang) for f in report.general],
        "gaps": [_record(g) for g in report.gaps],
        "questionnaire": [_questionnaire(item, report, lang) for item in report.questionnaire],
        "roles": [
            {
                "role": a.role,
                "title": report.name("role", a.role),
                "plays": a.plays,
                "passes": a.passes,
                "constrained": a.constrained,
            }
            for a in report.roles
        ],
    }


def comparison_data(report: ComparisonReport, lang: Lang = "fr") -> dict[str, Any]:
    """The sessions side by side; each session's `table` is the name the comparison
    gives it (its label, "Table N" without one, numbered when repeated)."""
    titles = {hit.id: hit.title for s in report.sessions for hit in s.recommendations}
    return {
        "format": FORMAT,
        "kind": "comparison",
        "lang": lang,
        "deck": {"id": report.deck_id, "title": report.deck_title},
        "sessions": [
            {**session_data(session, lang), "table": table}
            for table, session in zip(report.tables, report.sessions, strict=True)
        ],
        "recommendation_counts": [
            {"id": rule, "title": titles.get(rule, rule), "sessions": count}
            for rule, count in report.recommendation_counts
        ],
        "recurring": [
            {
                "tables": list(item.tables),
                "count": item.count,
                "theme": theme(item.finding, item.report, lang),
                "finding": _finding(item.finding, item.report, lang),
            }
            for item in report.recurring
        ],
    }
