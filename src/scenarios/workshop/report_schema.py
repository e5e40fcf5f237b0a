"""The JSON Schema of a workshop's debrief (`scenarios workshop report --schema` prints it).

The shape `report_output.workshop_data` writes, described once here: the
views across tables are closed objects (a key added there without its place
here fails the test that validates a real workshop's JSON), and each table's
own debrief is the session debrief of `scenarios report`, referred to through
the `$defs` of `debrief/json_schema.py`.
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
                    {"label": _STRING, "debrief": ref("session")},
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
        },
        closed=True,
    ),
    "$defs": DEFS,
}
