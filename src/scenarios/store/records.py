"""What a store holds: workshops, their tables, and each table's journal lines."""

from __future__ import annotations

from datetime import datetime

import attrs


@attrs.frozen
class NewWorkshop:
    """A workshop to create: its id, title and the deck every table plays (files as JSON)."""

    id: str
    title: str
    deck_id: str
    deck_sha256: str
    deck_source: str


@attrs.frozen
class Workshop(NewWorkshop):
    """A stored workshop, with the store's time of creation."""

    created: datetime = attrs.field(kw_only=True)


@attrs.frozen
class NewTable:
    """A table to create: its label in the room, its join code, and its journal's header line."""

    label: str
    code: str
    header: str


@attrs.frozen
class Table(NewTable):
    """A stored table: its id, its workshop, and the store's time of creation."""

    id: str = attrs.field(kw_only=True)
    workshop_id: str = attrs.field(kw_only=True)
    created: datetime = attrs.field(kw_only=True)


@attrs.frozen
class StoredLine:
    """One journal line after the header: its table, its seq, the text and when it was stored."""

    table_id: str
    seq: int
    body: str
    recorded_at: datetime
