"""The JSON Schema of the debrief's JSON (`scenarios report --schema` prints it).

Built from three small helpers (objects, arrays, references to `$defs`) so
each shape is written once.
"""

from __future__ import annotations

from typing import Any

# 2: sessions carry their table's label; a comparison names them by it, and its
# recurring axes are counted across tables (they were per joined team names).
FORMAT = "scenarios-debrief/2"

Schema = dict[str, Any]


def _ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def _array(items: Schema) -> Schema:
    return {"type": "array", "items": items}


def _object(
    required: list[str], properties: Schema | None = None, *, closed: bool = False
) -> Schema:
    """An object with its required keys; `closed` refuses any other key."""
    schema: Schema = {"type": "object", "required": required}
    if properties is not None:
        schema["properties"] = properties
    if closed:
        schema["additionalProperties"] = False
    return schema


_NULLABLE_STRING = {"type": ["string", "null"]}
_NULLABLE_INT = {"type": ["integer", "null"]}
_EVIDENCE_WHAT = [
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

_EVIDENCE = _object(
    ["seq", "turn", "phase", "round", "what", "message"],
    {
        "seq": {"type": "integer", "description": "Sequence number of the action in the journal."},
        "turn": {"type": "integer"},
        "phase": {"type": "string"},
        "round": {"type": "integer"},
        "what": {"enum": _EVIDENCE_WHAT},
        "card": _NULLABLE_STRING,
        "role": _NULLABLE_STRING,
        "option": _NULLABLE_STRING,
        "indicator": _NULLABLE_STRING,
        "value": _NULLABLE_INT,
        "message": {"type": "string"},
    },
    closed=True,
)
_FINDING = _object(
    ["kind", "polarity", "phase", "message", "params", "evidence"],
    {
        "kind": {"type": "string"},
        "polarity": {"enum": ["strength", "improvement", "info"]},
        "phase": _NULLABLE_STRING,
        "message": {"type": "string"},
        "params": {"type": "object"},
        "evidence": _array(_ref("evidence")),
    },
    closed=True,
)
_CONTRIBUTION = _object(
    ["card", "delta", "seqs"],
    {
        "card": {"type": "string"},
        "delta": {"type": "integer"},
        "seqs": _array({"type": "integer"}),
    },
    closed=True,
)
_RECOMMENDATION = _object(
    ["id", "phase", "priority", "title", "text", "actor", "deadline", "evidence"],
    {
        "priority": {"enum": ["high", "medium", "low"]},
        "evidence": _array(_ref("evidence")),
    },
)
_MOVE = _object(
    ["indicator", "start", "end", "net"],
    {"drops": _array(_ref("contribution")), "rises": _array(_ref("contribution"))},
)
_PHASE = _object(
    ["id", "title", "strengths", "improvements", "recommendations", "moves", "quotes"],
    {
        "strengths": _array(_ref("finding")),
        "improvements": _array(_ref("finding")),
        "recommendations": _array(_RECOMMENDATION),
        "moves": _array(_MOVE),
        "quotes": _array(
            _object(
                ["seq", "kind", "text"], {"kind": {"enum": ["rationale", "note", "annotation"]}}
            )
        ),
    },
)
_GAP = _object(
    ["event", "seq", "turn", "phase", "expected", "answer", "delay", "status"],
    {
        "status": {"enum": ["timely", "late", "missing", "anticipated"]},
        "delay": _NULLABLE_INT,
    },
)
_SESSION = _object(
    [
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
    {
        "format": {"const": FORMAT},
        "kind": {"const": "session"},
        "lang": {"enum": ["fr", "en"]},
        "deck": _object(["id", "title", "sha256"]),
        "journal": {"type": "string"},
        "seed": {"type": "integer"},
        "started": {"type": "string"},
        "table": {
            **_NULLABLE_STRING,
            "description": "The table's label from the journal's header (null without one); "
            "in a comparison, the distinct name the comparison gives the session.",
        },
        "teams": _array(
            _object(
                ["name", "roles"],
                {"name": {"type": "string"}, "roles": _array({"type": "string"})},
            )
        ),
        "outcome": {"enum": ["victory", "defeat", "neutral", "completed", "unfinished"]},
        "ending": {"oneOf": [{"type": "null"}, _object(["id", "title"])]},
        "score": _NULLABLE_INT,
        "over": {"type": "boolean"},
        "rounds": {"type": "integer"},
        "damage": _NULLABLE_STRING,
        "indicators": _array(
            _object(
                ["id", "title", "min", "max", "start", "end", "trajectory"],
                {"trajectory": _array({"type": "integer"})},
            )
        ),
        "phases": _array(_PHASE),
        "general": _array(_ref("finding")),
        "gaps": _array(_GAP),
        "roles": _array(_object(["role", "title", "plays", "passes"])),
    },
)
_COMPARISON = _object(
    ["format", "kind", "lang", "deck", "sessions", "recommendation_counts", "recurring"],
    {
        "format": {"const": FORMAT},
        "kind": {"const": "comparison"},
        "sessions": _array(
            {"allOf": [_ref("session"), _object(["table"], {"table": {"type": "string"}})]}
        ),
        "recommendation_counts": _array(_object(["id", "title", "sessions"])),
        "recurring": _array(
            _object(
                ["tables", "count", "theme", "finding"],
                {
                    "tables": _array({"type": "string"}),
                    "count": {"type": "integer", "minimum": 2},
                    "theme": {"type": "string"},
                    "finding": _ref("finding"),
                },
                closed=True,
            )
        ),
    },
)

# The shapes other schemas refer to as `#/$defs/<name>` (the workshop's embeds sessions).
DEFS: Schema = {
    "session": _SESSION,
    "finding": _FINDING,
    "evidence": _EVIDENCE,
    "contribution": _CONTRIBUTION,
}

REPORT_SCHEMA: Schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "scenarios debrief (scenarios report --format json)",
    "oneOf": [_ref("session"), _COMPARISON],
    "$defs": DEFS,
}
