"""The JSON Schema (2020-12) of the deck format, for editors and tools.

Generated from the same table (`format.py`) that the loader checks with. It
cannot know the deck's own ids, so references are plain strings there; the
loader checks them.
"""

from __future__ import annotations

from typing import Any

from scenarios.deck.build import DECK, INCLUDED
from scenarios.render.json_text import json_document

SCHEMA_FILE = "deck.schema.json"


def deck_schema() -> dict[str, Any]:
    """The schema of a main deck file; `$defs/included` describes an included card file."""
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Deck de scénario de crise (scenarios, format 1)",
    }
    schema.update(DECK.json_schema())
    schema["$defs"] = {"included": INCLUDED.json_schema()}
    return schema


def schema_text() -> str:
    """The schema as the JSON text `scenarios schema` prints and the bundled decks point to."""
    return json_document(deck_schema())
