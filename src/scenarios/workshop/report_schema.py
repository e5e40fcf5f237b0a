"""The JSON Schema of a workshop's debrief (`scenarios workshop report --schema` prints it).

The shape `report_output.workshop_data` writes, described once here: the
views across tables are closed objects (a key added there without its place
here fails the test that validates a real workshop's JSON), and each table's
own debrief is the session debrief of `scenarios report`, referred to through
the `$defs` of `debrief/json_schema.py`. A discussion exercise's report adds each
table's `summary`, the `questions` and the `questionnaire` of all tables (a game's has
none of these keys).
"""

from __future__ import annotations

from typing import get_args

from scenarios.debrief.json_schema import (
    DEFS,
    NULLABLE_INT,
    NULLABLE_STRING,
    Schema,
    array_of,
    object_with,
    ref,
)
from scenarios.debrief.model import GapStatus
from scenarios.deck.model import CATEGORIES

WORKSHOP_FORMAT = "scenarios-workshop-report/1"

_STRING: Schema = {"type": "string"}
# The tables a view concerns, by their labels, in the workshop's order.
_LABELS: Schema = {**array_of(_STRING), "description": "Table labels."}


def _by_label(cell: Schema) -> Schema:
    """An object with one key per table label (the tables that met the card or event)."""
    return {"type": "object", "additionalProperties": cell}


_RESPONSE = object_with(
    ["status", "delay"],
    {
        "status": {"enum": list(get_args(GapStatus))},
        "delay": {**NULLABLE_INT, "description": "Rounds late, when late."},
    },
    closed=True,
)

_NULLABLE_BOOL: Schema = {"type": ["boolean", "null"]}
_COUNT: Schema = {"type": "integer", "minimum": 0}

_SUMMARY = object_with(
    ["rounds", "over", "asked", "answers", "covered", "expected", "notes"],
    {
        "rounds": {**_COUNT, "description": "Rounds played."},
        "over": {"type": "boolean"},
        "asked": {**_COUNT, "description": "Questions that came up."},
        "answers": {**_COUNT, "description": "The last answer of each role to each question."},
        "covered": {**_COUNT, "description": "Expected points covered."},
        "expected": {**_COUNT, "description": "Expected points of the questions that came up."},
        "notes": {**_COUNT, "description": "The facilitator's and observers' notes."},
    },
    closed=True,
)

_QUESTION = object_with(
    ["card", "title", "asked", "answered", "answers", "points"],
    {
        "card": _STRING,
        "title": _STRING,
        "asked": {**_COUNT, "description": "Tables where it came up."},
        "answered": {**_COUNT, "description": "Tables that answered it in writing."},
        "answers": {
            **_by_label(NULLABLE_INT),
            "description": "The answers each table wrote; null: it did not come up there.",
        },
        "points": array_of(
            object_with(
                ["text", "covered", "count"],
                {
                    "text": _STRING,
                    "covered": {
                        **_by_label(_NULLABLE_BOOL),
                        "description": "Whether each table covered the point; "
                        "null: the question did not come up there.",
                    },
                    "count": {**_COUNT, "description": "Tables that covered it."},
                },
                closed=True,
            )
        ),
    },
    closed=True,
)

_ITEM = object_with(
    ["id", "text", "scale", "counts", "median", "replies"],
    {
        "id": _STRING,
        "text": _STRING,
        "scale": {"enum": ["score", "yesno", "text"]},
        "counts": array_of(
            object_with(
                ["value", "count"],
                {"value": _STRING, "count": {"type": "integer"}},
                closed=True,
            )
        ),
        "median": {"type": ["number", "null"]},
        "replies": array_of(
            object_with(
                ["table", "role", "who", "value"],
                {
                    "table": _STRING,
                    "role": {**NULLABLE_STRING, "description": "null: the table as a whole."},
                    "who": _STRING,
                    "value": _STRING,
                },
                closed=True,
            )
        ),
    },
    closed=True,
)

# Every view, in the order `workshop_data` writes them.
_KEYS = [
    "format",
    "lang",
    "workshop",
    "deck",
    "tables",
    "dilemmas",
    "responses",
    "axes",
    "kit",
    "notes",
]

WORKSHOP_SCHEMA: Schema = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "scenarios workshop debrief (scenarios workshop report --format json)",
    **object_with(
        _KEYS,
        {
            "format": {"const": WORKSHOP_FORMAT},
            "lang": {"enum": ["fr", "en"]},
            "workshop": {**_STRING, "description": "The workshop's name."},
            "deck": {**_STRING, "description": "The deck's title."},
            "tables": array_of(
                object_with(
                    ["label", "debrief"],
                    {
                        "label": _STRING,
                        "debrief": ref("session"),
                        "summary": {
                            **_SUMMARY,
                            "description": "A discussion exercise's table at a glance.",
                        },
                    },
                    closed=True,
                )
            ),
            "dilemmas": array_of(
                object_with(
                    ["card", "title", "chosen", "followed"],
                    {
                        "card": _STRING,
                        "title": _STRING,
                        "chosen": {
                            **_by_label(NULLABLE_STRING),
                            "description": "The option's title each table chose; "
                            "null: the table did not decide this dilemma.",
                        },
                        "followed": {
                            **_by_label(
                                {
                                    "oneOf": [
                                        {"type": "null"},
                                        {
                                            "type": "object",
                                            "additionalProperties": {"type": "integer"},
                                        },
                                    ]
                                }
                            ),
                            "description": "What each table's choice changed at once: "
                            "indicator id to change; null: the table did not decide it.",
                        },
                    },
                    closed=True,
                )
            ),
            "responses": array_of(
                object_with(
                    ["event", "title", "tables"],
                    {
                        "event": _STRING,
                        "title": _STRING,
                        "tables": {
                            **_by_label({"oneOf": [{"type": "null"}, _RESPONSE]}),
                            "description": "How each table answered the event; "
                            "null: the event did not come up at that table.",
                        },
                    },
                    closed=True,
                )
            ),
            "axes": array_of(
                object_with(
                    ["text", "kind", "tables"],
                    {
                        "text": _STRING,
                        "kind": _STRING,
                        "tables": {**_LABELS, "minItems": 2},
                    },
                    closed=True,
                )
            ),
            "kit": array_of(
                object_with(
                    ["phase", "title", "actor", "deadline", "tables"],
                    {
                        "phase": _STRING,
                        "title": _STRING,
                        "actor": {**_STRING, "description": "The lead's partners."},
                        "deadline": _STRING,
                        "lead": {**_STRING, "description": "The one actor who carries it."},
                        "category": {"enum": [*CATEGORIES, None]},
                        "indicator": {**_STRING, "description": "How to tell it is done."},
                        "tables": {**_LABELS, "minItems": 1},
                    },
                    closed=True,
                )
            ),
            "notes": array_of(
                object_with(
                    ["table", "text", "by", "tags"],
                    {
                        "table": _STRING,
                        "text": _STRING,
                        "tags": {
                            "type": "array",
                            "items": _STRING,
                            "description": "The titles of the observation grid's tags it has.",
                        },
                        "by": {
                            **NULLABLE_STRING,
                            "description": 'Null: the table; "facilitator"; "observer:<name>".',
                        },
                    },
                    closed=True,
                )
            ),
            "questions": {
                **array_of(_QUESTION),
                "description": "A discussion exercise's questions that came up, in the "
                "order they come, each expected point table by table.",
            },
            "questionnaire": {
                **array_of(_ITEM),
                "description": "A discussion exercise's questionnaire: every table's "
                "replies summed up.",
            },
        },
        closed=True,
    ),
    "$defs": DEFS,
}
