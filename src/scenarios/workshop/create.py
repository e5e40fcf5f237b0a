"""Creating a workshop: one deck, N tables, each with a label, a join code and a seed."""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Literal

import attrs

from scenarios.deck import Deck
from scenarios.journal.format import Chain, encode_line
from scenarios.journal.session import new_header
from scenarios.store import NewTable, NewWorkshop, Store, StoreError, Workshop
from scenarios.workshop.codes import new_code
from scenarios.workshop.errors import WorkshopError

Seeds = Literal["same", "different"]
LABEL_FIELD = "{n}"
MAX_NAME = 80


@attrs.frozen
class CreatedTable:
    label: str
    code: str
    seed: int


@attrs.frozen
class CreatedWorkshop:
    workshop: Workshop
    tables: tuple[CreatedTable, ...]


def table_labels(template: str, count: int) -> list[str]:
    """`Table {n}` → Table 1 … Table N. The label is the trainer's text: only `{n}` is
    replaced, so other braces stay as typed."""
    if count > 1 and LABEL_FIELD not in template:
        raise WorkshopError("label_template", template=template)
    labels = [template.replace(LABEL_FIELD, str(n)).strip() for n in range(1, count + 1)]
    if any(not label for label in labels):
        raise WorkshopError("label_empty")
    return labels


def table_seeds(seed: int | None, count: int, seeds: Seeds) -> list[int]:
    """The same seed for every table (same draws: tables compare like with like), or
    S, S+1, … when asked for different ones; a random S when none is given."""
    base = seed if seed is not None else secrets.randbelow(2**31)
    return [base if seeds == "same" else base + n for n in range(count)]


def workshop_name(name: str | None, deck: Deck) -> str:
    """The name given (checked), or `<deck>-<random>`."""
    if name is None:
        return f"{deck.id}-{new_code().lower()}"
    name = name.strip()
    if not name or len(name) > MAX_NAME or not name.isprintable():
        raise WorkshopError("bad_name", name=name[:MAX_NAME], limit=MAX_NAME)
    return name


def create_workshop(
    store: Store,
    deck: Deck,
    *,
    tables: int,
    name: str | None = None,
    label: str = "Table {n}",
    seed: int | None = None,
    seeds: Seeds = "same",
    lang: str = "fr",
    clock: Callable[[], datetime] | None = None,
    variables: Mapping[str, str] | None = None,
) -> CreatedWorkshop:
    """Create the workshop and its tables in `store`, each with its journal's header
    (started at `clock()`, the store's clock unless told otherwise; with the values of
    the deck's `variables`)."""
    workshop_id = workshop_name(name, deck)
    labels = table_labels(label, tables)
    table_seeds_ = table_seeds(seed, tables, seeds)
    started = (clock or store.now)()
    created = [
        CreatedTable(label_, new_code(), seed_)
        for label_, seed_ in zip(labels, table_seeds_, strict=True)
    ]
    new_tables = [
        NewTable(
            table.label,
            table.code,
            header_line(deck, table.seed, started, lang, table.label, variables),
        )
        for table in created
    ]
    source = json.dumps([{"name": f.name, "text": f.text} for f in deck.files], ensure_ascii=False)
    new = NewWorkshop(workshop_id, deck.title, deck.id, deck.sha256, source)
    for _attempt in range(3):
        try:
            stored = store.create_workshop(new, new_tables)
            return CreatedWorkshop(stored, tuple(created))
        except StoreError as error:
            if error.code != "code_taken":
                raise
            created = [attrs.evolve(table, code=new_code()) for table in created]
            new_tables = [
                attrs.evolve(table, code=fresh.code)
                for table, fresh in zip(new_tables, created, strict=True)
            ]
    raise StoreError("code_taken")


def header_line(
    deck: Deck,
    seed: int,
    started: datetime,
    lang: str,
    label: str | None = None,
    variables: Mapping[str, str] | None = None,
) -> str:
    """The journal header of the table `label`, as the line a JSONL journal starts with
    (the label is in it, so an exported journal still names its table)."""
    header = new_header(deck, seed, None, started, lang, label, variables)
    data = header.to_json()
    return encode_line(data, Chain(header.format).check(data)).decode("utf-8").rstrip("\n")
