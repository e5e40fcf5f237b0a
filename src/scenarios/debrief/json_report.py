"""The debrief as JSON for other tools, and the JSON Schema that documents its shape.

`scenarios report --schema` prints the schema. Every sentence is given both
as structured data (`kind`, `params`) and as a `message` in the report's
language; ids come with their titles.
"""

from __future__ import annotations

import json
from typing import Any

from scenarios.debrief.model import (
    ComparisonReport,
    Evidence,
    Finding,
    RecommendationHit,
    SessionReport,
)
from scenarios.debrief.texts import describe, describe_evidence, theme
from scenarios.i18n import Lang

FORMAT = "scenarios-debrief/1"


def _evidence(item: Evidence, report: SessionReport, lang: Lang) -> dict[str, Any]:
    return {
        "seq": item.seq,
        "turn": item.turn,
        "phase": item.phase,
        "round": item.round,
        "what": item.what,
        "card": item.card,
        "role": item.role,
        "option": item.option,
        "indicator": item.indicator,
        "value": item.value,
        "message": describe_evidence([item], report, lang)[0],
    }


def _finding(finding: Finding, report: SessionReport, lang: Lang) -> dict[str, Any]:
    return {
        "kind": finding.kind,
        "polarity": finding.polarity,
        "phase": finding.phase,
        "message": describe(finding, report, lang),
        "params": {key: value for key, value in finding.params.items()},
        "evidence": [_evidence(e, report, lang) for e in finding.evidence],
    }


def _recommendation(hit: RecommendationHit, report: SessionReport, lang: Lang) -> dict[str, Any]:
    return {
        "id": hit.id,
        "phase": hit.phase,
        "priority": hit.priority,
        "title": hit.title,
        "text": hit.text,
        "actor": hit.actor,
        "deadline": hit.deadline,
        "evidence": [_evidence(e, report, lang) for e in hit.evidence],
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
        "deck": {"id": report.deck_id, "title": report.deck_title, "sha256": report.deck_sha256},
        "journal": report.journal,
        "seed": report.seed,
        "started": report.started,
        "teams": [{"name": name, "roles": list(roles)} for name, roles in report.teams],
        "outcome": report.outcome,
        "ending": {"id": report.ending, "title": report.name("ending", report.ending)}
        if report.ending
        else None,
        "score": report.score,
        "over": report.over,
        "rounds": report.rounds,
        "damage": report.damage,
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
                "moves": [
                    {
                        "indicator": move.indicator,
                        "start": move.start,
                        "end": move.end,
                        "net": move.net,
                        "drops": [
                            {"card": c.card, "delta": c.delta, "seqs": list(c.seqs)}
                            for c in move.drops
                        ],
                        "rises": [
                            {"card": c.card, "delta": c.delta, "seqs": list(c.seqs)}
                            for c in move.rises
                        ],
                    }
                    for move in phase.moves
                ],
                "quotes": [
                    {
                        "seq": q.seq,
                        "turn": q.turn,
                        "phase": q.phase,
                        "round": q.round,
                        "kind": q.kind,
                        "text": q.text,
                        "role": q.role,
                        "card": q.card,
                        "passed": q.passed,
                    }
                    for q in phase.quotes
                ],
            }
            for phase in report.phases
        ],
        "general": [_finding(f, report, lang) for f in report.general],
        "gaps": [
            {
                "event": g.event,
                "seq": g.seq,
                "turn": g.turn,
                "phase": g.phase,
                "expected": list(g.expected),
                "answer": g.answer,
                "answer_seq": g.answer_seq,
                "delay": g.delay,
                "status": g.status,
            }
            for g in report.gaps
        ],
        "roles": [
            {
                "role": a.role,
                "title": report.name("role", a.role),
                "plays": a.plays,
                "passes": a.passes,
            }
            for a in report.roles
        ],
    }


def comparison_data(report: ComparisonReport, lang: Lang = "fr") -> dict[str, Any]:
    first = report.sessions[0]
    titles = {hit.id: hit.title for s in report.sessions for hit in s.recommendations}
    return {
        "format": FORMAT,
        "kind": "comparison",
        "lang": lang,
        "deck": {"id": report.deck_id, "title": report.deck_title},
        "sessions": [session_data(s, lang) for s in report.sessions],
        "recommendation_counts": [
            {"id": rule, "title": titles.get(rule, rule), "sessions": count}
            for rule, count in report.recommendation_counts
        ],
        "recurring": [
            {
                "team": item.team,
                "count": item.count,
                "theme": theme(item.finding, first, lang),
                "finding": _finding(item.finding, first, lang),
            }
            for item in report.recurring
        ],
    }


def to_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_NULLABLE_STRING = {"type": ["string", "null"]}
_NULLABLE_INT = {"type": ["integer", "null"]}
_EVIDENCE = {
    "type": "object",
    "required": ["seq", "turn", "phase", "round", "what", "message"],
    "properties": {
        "seq": {"type": "integer", "description": "Sequence number of the action in the journal."},
        "turn": {"type": "integer"},
        "phase": {"type": "string"},
        "round": {"type": "integer"},
        "what": {
            "enum": [
                "played",
                "playable",
                "drawn",
                "chosen",
                "final",
                "flag",
                "ending",
                "changed",
                "never_playable",
            ]
        },
        "card": _NULLABLE_STRING,
        "role": _NULLABLE_STRING,
        "option": _NULLABLE_STRING,
        "indicator": _NULLABLE_STRING,
        "value": _NULLABLE_INT,
        "message": {"type": "string"},
    },
    "additionalProperties": False,
}
_FINDING = {
    "type": "object",
    "required": ["kind", "polarity", "phase", "message", "params", "evidence"],
    "properties": {
        "kind": {"type": "string"},
        "polarity": {"enum": ["strength", "improvement", "info"]},
        "phase": _NULLABLE_STRING,
        "message": {"type": "string"},
        "params": {"type": "object"},
        "evidence": {"type": "array", "items": {"$ref": "#/$defs/evidence"}},
    },
    "additionalProperties": False,
}
_CONTRIBUTION = {
    "type": "object",
    "required": ["card", "delta", "seqs"],
    "properties": {
        "card": {"type": "string"},
        "delta": {"type": "integer"},
        "seqs": {"type": "array", "items": {"type": "integer"}},
    },
    "additionalProperties": False,
}
_SESSION = {
    "type": "object",
    "required": [
        "format",
        "kind",
        "lang",
        "deck",
        "journal",
        "seed",
        "teams",
        "outcome",
        "score",
        "over",
        "rounds",
        "indicators",
        "phases",
        "general",
        "gaps",
        "roles",
    ],
    "properties": {
        "format": {"const": FORMAT},
        "kind": {"const": "session"},
        "lang": {"enum": ["fr", "en"]},
        "deck": {"type": "object", "required": ["id", "title", "sha256"]},
        "journal": {"type": "string"},
        "seed": {"type": "integer"},
        "started": {"type": "string"},
        "teams": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "roles"],
                "properties": {
                    "name": {"type": "string"},
                    "roles": {"type": "array", "items": {"type": "string"}},
                },
            },
        },
        "outcome": {"enum": ["victory", "defeat", "neutral", "completed", "unfinished"]},
        "ending": {"oneOf": [{"type": "null"}, {"type": "object", "required": ["id", "title"]}]},
        "score": _NULLABLE_INT,
        "over": {"type": "boolean"},
        "rounds": {"type": "integer"},
        "damage": _NULLABLE_STRING,
        "indicators": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "title", "min", "max", "start", "end", "trajectory"],
                "properties": {"trajectory": {"type": "array", "items": {"type": "integer"}}},
            },
        },
        "phases": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "id",
                    "title",
                    "strengths",
                    "improvements",
                    "recommendations",
                    "moves",
                    "quotes",
                ],
                "properties": {
                    "strengths": {"type": "array", "items": {"$ref": "#/$defs/finding"}},
                    "improvements": {"type": "array", "items": {"$ref": "#/$defs/finding"}},
                    "recommendations": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": [
                                "id",
                                "phase",
                                "priority",
                                "title",
                                "text",
                                "actor",
                                "deadline",
                                "evidence",
                            ],
                            "properties": {
                                "priority": {"enum": ["high", "medium", "low"]},
                                "evidence": {
                                    "type": "array",
                                    "items": {"$ref": "#/$defs/evidence"},
                                },
                            },
                        },
                    },
                    "moves": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["indicator", "start", "end", "net"],
                            "properties": {
                                "drops": {
                                    "type": "array",
                                    "items": {"$ref": "#/$defs/contribution"},
                                },
                                "rises": {
                                    "type": "array",
                                    "items": {"$ref": "#/$defs/contribution"},
                                },
                            },
                        },
                    },
                    "quotes": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["seq", "kind", "text"],
                            "properties": {"kind": {"enum": ["rationale", "note", "annotation"]}},
                        },
                    },
                },
            },
        },
        "general": {"type": "array", "items": {"$ref": "#/$defs/finding"}},
        "gaps": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "event",
                    "seq",
                    "turn",
                    "phase",
                    "expected",
                    "answer",
                    "delay",
                    "status",
                ],
                "properties": {
                    "status": {"enum": ["timely", "late", "missing", "anticipated"]},
                    "delay": _NULLABLE_INT,
                },
            },
        },
        "roles": {
            "type": "array",
            "items": {"type": "object", "required": ["role", "title", "plays", "passes"]},
        },
    },
}

REPORT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "scenarios debrief (scenarios report --format json)",
    "oneOf": [
        {"$ref": "#/$defs/session"},
        {
            "type": "object",
            "required": [
                "format",
                "kind",
                "lang",
                "deck",
                "sessions",
                "recommendation_counts",
                "recurring",
            ],
            "properties": {
                "format": {"const": FORMAT},
                "kind": {"const": "comparison"},
                "sessions": {"type": "array", "items": {"$ref": "#/$defs/session"}},
                "recommendation_counts": {
                    "type": "array",
                    "items": {"type": "object", "required": ["id", "title", "sessions"]},
                },
                "recurring": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["team", "count", "finding"],
                        "properties": {"finding": {"$ref": "#/$defs/finding"}},
                    },
                },
            },
        },
    ],
    "$defs": {
        "session": _SESSION,
        "finding": _FINDING,
        "evidence": _EVIDENCE,
        "contribution": _CONTRIBUTION,
    },
}
