"""The JSON Schema of the debrief's JSON (`scenarios report --schema` prints it).

Built from three small helpers (objects, arrays, references to `$defs`) so
each shape is written once; the workshop report's schema
(`workshop/report_schema.py`) uses them too, and embeds `DEFS` for its tables'
debriefs.
"""

from __future__ import annotations

from typing import Any

from scenarios.deck.model import CATEGORIES

# 2: sessions carry their table's label; a comparison names them by it, and its
# recurring axes are counted across tables (they were per joined team names).
# Added since, optional keys (a reader of format 2 may ignore them): the style, the
# audience, the deck's facilitator notes, each phase's questions and the questionnaire;
# each recommendation's lead, category and indicator (how to tell it is done), and each
# phase's action plan beyond them: `improve` and `keep` (« à conserver »).
# 3: the debrief's facts (issue 16): a gap may be "unplayable" (no answer was ever
# playable: the scenario's, never the table's); evidence says "never_in_hand" or
# "never_affordable" where it said "never_playable"; findings about a move name their
# cause (`option`, and `by`: what scheduled a triggered card) and a hit the table could
# do nothing about is an "info" in `imposed`; each phase lists its `choices`, its
# `timeline` (events, choices, injects, undos, notes) and the trainer's `annotations`
# (no longer among `quotes`, nor are the facilitator's notes); roles count their
# `constrained` passes apart.
FORMAT = "scenarios-debrief/3"

Schema = dict[str, Any]


def ref(name: str) -> Schema:
    """A reference to the shape `name` of the schema's `$defs`."""
    return {"$ref": f"#/$defs/{name}"}


def array_of(items: Schema) -> Schema:
    return {"type": "array", "items": items}


def object_with(
    required: list[str], properties: Schema | None = None, *, closed: bool = False
) -> Schema:
    """An object with its required keys; `closed` refuses any other key."""
    schema: Schema = {"type": "object", "required": required}
    if properties is not None:
        schema["properties"] = properties
    if closed:
        schema["additionalProperties"] = False
    return schema


NULLABLE_STRING: Schema = {"type": ["string", "null"]}
NULLABLE_INT: Schema = {"type": ["integer", "null"]}
_EVIDENCE_WHAT = [
    "played",
    "playable",
    "drawn",
    "chosen",
    "final",
    "flag",
    "ending",
    "changed",
    "never_in_hand",
    "never_affordable",
]

_EVIDENCE = object_with(
    ["seq", "turn", "phase", "round", "what", "message"],
    {
        "seq": {"type": "integer", "description": "Sequence number of the action in the journal."},
        "turn": {"type": "integer"},
        "phase": {"type": "string"},
        "round": {"type": "integer"},
        "what": {"enum": _EVIDENCE_WHAT},
        "card": NULLABLE_STRING,
        "role": NULLABLE_STRING,
        "option": NULLABLE_STRING,
        "indicator": NULLABLE_STRING,
        "value": NULLABLE_INT,
        "message": {"type": "string"},
    },
    closed=True,
)
_FINDING = object_with(
    ["kind", "polarity", "phase", "message", "params", "evidence"],
    {
        "kind": {"type": "string"},
        "polarity": {"enum": ["strength", "improvement", "info"]},
        "phase": NULLABLE_STRING,
        "message": {"type": "string"},
        "params": {"type": "object"},
        "evidence": array_of(ref("evidence")),
    },
    closed=True,
)
_BY: Schema = {
    "oneOf": [
        {"type": "null"},
        object_with(["card", "option"], {"card": {"type": "string"}, "option": NULLABLE_STRING}),
    ],
    "description": "What scheduled a triggered card: a decision, or a dilemma and its option.",
}
_CONTRIBUTION = object_with(
    ["card", "delta", "seqs", "option", "by"],
    {
        "card": {"type": "string"},
        "delta": {"type": "integer"},
        "seqs": array_of({"type": "integer"}),
        "option": NULLABLE_STRING,
        "by": _BY,
    },
    closed=True,
)
_CHOICE = object_with(
    ["card", "title", "option", "option_title", "seq", "turn", "round", "rationale",
     "changes", "triggered", "message"],
    {
        "changes": array_of(
            object_with(
                ["indicator", "delta"],
                {"indicator": {"type": "string"}, "delta": {"type": "integer"}},
                closed=True,
            )
        ),
        "triggered": array_of({"type": "string"}),
    },
)  # fmt: skip
_MOMENT = object_with(
    ["seq", "turn", "phase", "round", "kind", "message"],
    {
        "kind": {"enum": ["event", "choice", "inject", "undo", "note"]},
        "via": NULLABLE_STRING,
        "by": _BY,
        "undone": {**NULLABLE_STRING, "description": "The type of action an undo took back."},
    },
)
_RECOMMENDATION = object_with(
    ["id", "phase", "priority", "title", "text", "actor", "deadline", "evidence"],
    {
        "priority": {"enum": ["high", "medium", "low"]},
        "actor": {
            "type": "string",
            "description": "The lead's partners; without a lead, who acts.",
        },
        "lead": {"type": "string", "description": "The one actor who carries it (pilote)."},
        "category": {"enum": [*CATEGORIES, None]},
        "category_title": {**NULLABLE_STRING, "description": "In the report's language."},
        "indicator": {"type": "string", "description": "How to tell it is done (fait quand)."},
        "evidence": array_of(ref("evidence")),
    },
)
_MOVE = object_with(
    ["indicator", "start", "end", "net"],
    {"drops": array_of(ref("contribution")), "rises": array_of(ref("contribution"))},
)
_QUOTE = object_with(
    ["seq", "kind", "text"], {"kind": {"enum": ["rationale", "note", "annotation"]}}
)
_FACILITATOR: Schema = {
    "type": "string",
    "description": "The deck's note for the facilitator: empty in the table's debrief.",
}
_QUESTION = object_with(
    ["card", "title", "text", "seq", "turn", "phase", "round", "facilitator", "answers",
     "points", "observations"],
    {
        "card": {"type": "string"},
        "title": {"type": "string"},
        "text": {"type": "string"},
        "seq": {"type": "integer", "description": "When it came up (first time)."},
        "turn": {"type": "integer"},
        "phase": {"type": "string"},
        "round": {"type": "integer"},
        "facilitator": _FACILITATOR,
        "answers": array_of(
            object_with(
                ["role", "text", "seq", "amended", "who"],
                {
                    "role": {**NULLABLE_STRING, "description": "null: the table as a whole."},
                    "text": {"type": "string", "description": "The last answer given."},
                    "seq": {"type": "integer"},
                    "amended": {"type": "boolean"},
                    "who": {"type": "string"},
                },
                closed=True,
            )
        ),
        "points": array_of(
            object_with(
                ["text", "covered"],
                {"text": {"type": "string"}, "covered": {"type": "boolean"}},
                closed=True,
            )
        ),
        "observations": array_of(_QUOTE),
    },
    closed=True,
)  # fmt: skip
_QUESTIONNAIRE = object_with(
    ["id", "text", "scale", "replies", "counts", "median"],
    {
        "id": {"type": "string"},
        "text": {"type": "string"},
        "scale": {"enum": ["score", "yesno", "text"]},
        "replies": array_of(
            object_with(
                ["role", "value", "who"],
                {"role": NULLABLE_STRING, "value": {"type": "string"}, "who": {"type": "string"}},
                closed=True,
            )
        ),
        "counts": array_of(
            object_with(
                ["value", "count"],
                {"value": {"type": "string"}, "count": {"type": "integer"}},
                closed=True,
            )
        ),
        "median": {"type": ["number", "null"]},
    },
    closed=True,
)
_PHASE = object_with(
    ["id", "title", "strengths", "improvements", "recommendations", "moves", "quotes"],
    {
        "strengths": array_of(ref("finding")),
        "improvements": array_of(ref("finding")),
        "recommendations": array_of(_RECOMMENDATION),
        "improve": {
            **array_of(ref("finding")),
            "description": "Recommendations the game calls for: late or missing responses "
            "no recommendation of the deck speaks of (params.role: the one role that holds "
            "the answers, when there is one).",
        },
        "keep": {
            **array_of(ref("finding")),
            "description": "Strengths to keep (à conserver): responses in time or prepared, "
            "decisions that moved an indicator the right way; in a discussion, the expected "
            "points covered.",
        },
        "moves": array_of(_MOVE),
        "quotes": array_of(_QUOTE),
        "imposed": {
            **array_of(ref("finding")),
            "description": "Hits the scenario imposed (no possible answer, or answered): "
            "never axes d'amélioration.",
        },
        "choices": array_of(_CHOICE),
        "timeline": array_of(_MOMENT),
        "annotations": array_of(_QUOTE),
        "facilitator": _FACILITATOR,
        "questions": array_of(_QUESTION),
    },
)
_GAP = object_with(
    ["event", "seq", "turn", "phase", "expected", "answer", "delay", "status"],
    {
        "status": {"enum": ["timely", "late", "missing", "anticipated", "unplayable"]},
        "delay": NULLABLE_INT,
    },
)
_SESSION = object_with(
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
        "style": {"enum": ["game", "discussion"]},
        "audience": {"enum": ["trainer", "table"]},
        "facilitator": _FACILITATOR,
        "deck": object_with(["id", "title", "sha256"]),
        "journal": {"type": "string"},
        "seed": {"type": "integer"},
        "started": {"type": "string"},
        "table": {
            **NULLABLE_STRING,
            "description": "The table's label from the journal's header (null without one); "
            "in a comparison, the distinct name the comparison gives the session.",
        },
        "teams": array_of(
            object_with(
                ["name", "roles"],
                {"name": {"type": "string"}, "roles": array_of({"type": "string"})},
            )
        ),
        "outcome": {"enum": ["victory", "defeat", "neutral", "completed", "unfinished"]},
        "ending": {"oneOf": [{"type": "null"}, object_with(["id", "title"])]},
        "score": NULLABLE_INT,
        "over": {"type": "boolean"},
        "rounds": {"type": "integer"},
        "damage": NULLABLE_STRING,
        "indicators": array_of(
            object_with(
                ["id", "title", "min", "max", "start", "end", "trajectory"],
                {"trajectory": array_of({"type": "integer"})},
            )
        ),
        "phases": array_of(_PHASE),
        "general": array_of(ref("finding")),
        "gaps": array_of(_GAP),
        "questionnaire": array_of(_QUESTIONNAIRE),
        "roles": array_of(object_with(["role", "title", "plays", "passes"])),
    },
)
_COMPARISON = object_with(
    ["format", "kind", "lang", "deck", "sessions", "recommendation_counts", "recurring"],
    {
        "format": {"const": FORMAT},
        "kind": {"const": "comparison"},
        "sessions": array_of(
            {"allOf": [ref("session"), object_with(["table"], {"table": {"type": "string"}})]}
        ),
        "recommendation_counts": array_of(object_with(["id", "title", "sessions"])),
        "recurring": array_of(
            object_with(
                ["tables", "count", "theme", "finding"],
                {
                    "tables": array_of({"type": "string"}),
                    "count": {"type": "integer", "minimum": 2},
                    "theme": {"type": "string"},
                    "finding": ref("finding"),
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
    "oneOf": [ref("session"), _COMPARISON],
    "$defs": DEFS,
}
