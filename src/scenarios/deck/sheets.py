"""Decks as sheets (a trainer's workbook) and sheets back to a deck's YAML.

The sheets and their columns come from the format table (`format.py`): a sheet
for each list of the deck whose items are objects (phases, roles, cards...),
one column per key of those objects, one row per item; the deck's own keys
(title, summary...) are the rows of a `deck` sheet of two columns. A card's
`options` are a sheet of their own, one row per option with its card's id. A
key added to the format shows up as a column without a change here; `ORDER`
only says where the keys named in it go first.

A cell holds a scalar as it is; a list of ids is written `a, b`, a list of
texts one a line, and the rest (effects, lasting, cost) as YAML flow without
its outer braces: `confiance: -1, set: [crue], trigger: [{card: x, in: 2}]`.
An empty cell is a key left out (its default).

Back from sheets, `build_yaml` writes the deck's YAML in the sheets' order and
keeps, for every line, the cell it came from; `locate` turns the place of a
deck loader's diagnostic into that cell (`cartes!F12`), so that every check of
the loader speaks of the workbook.

Two sheets have one column that is no key of the format: `time`, a relative
time (`J+1 H+2 M+30`, `H+0:20`, `+20 min`, see `times.py`), rounds following
one another in the phases' order, each lasting its phase's `minutes` (or the
`minutes` given, for a phase that sets none).

In the `schedule` sheet (one row per `schedule:` entry: phase, round, card),
export writes the start of the entry's round; on import a row may give a
time instead of its phase and round, which then are the round running at that
time. A time that disagrees with the row's phase or round is a problem, not a
choice: a trainer who moves an inject's time clears its phase and round, or
sets them to match.

In the cards sheet a time is older than `schedule:` and stays what it was: the
card's `phases` become the one phase the time falls in and, for a drawn card
(event, dilemma), its `when` becomes `round == N` (`round == N and (when)`
when it had one). That is honest but not a schedule: the card can be drawn at
that round and no other, the draw still decides whether it comes (a certain
inject belongs in the schedule sheet). A time that disagrees with the row's
`phases` is a problem. Export writes a time back only for a drawn card of one
phase whose `when` is exactly such a condition (so `round == 1` in a deck
becomes « H+0:00 » and an empty condition); other cards leave it empty. A held
card (decision) given a time only gets its phase.

The keys of discussion exercises (issue 15) come from the format like the
others: `style` is a row of the deck sheet, `variables`, `handouts`,
`schedule` and `questionnaire` are sheets, a card's `to`, `expected` and
`handout` are columns after `time`. Texts are written as the deck writes them,
`{{variable}}` placeholders kept, so that a workbook imports back to the same
deck (`print` is what fills them in).
A deck's `include` is not a row: the sheets hold the included cards themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs
import yaml

from scenarios.deck.diagnostics import Diagnostic, Position
from scenarios.deck.format import (
    CARD,
    DECK_FIELDS,
    DEFAULT_PHASES,
    DRAWN,
    PHASE,
    TRIGGER,
    EffectsKind,
)
from scenarios.deck.kinds import KINDS
from scenarios.deck.model import Deck, Effects
from scenarios.deck.spec import (
    Boolean,
    Choice,
    Expr,
    Identifier,
    Integer,
    Kind,
    ListOf,
    MapOf,
    Number,
    Obj,
    OneOf,
    Ref,
    Text,
)
from scenarios.deck.times import (
    FORMS,
    Slot,
    Span,
    clock,
    end_of,
    parse_time,
    pin,
    slot_at,
    spans,
    start_of,
    unpin,
)
from scenarios.rules import Expression

DECK_SHEET = "deck"
OPTIONS_SHEET = "options"
PARENT = "card"  # the options sheet's column with the card's id
KEY, VALUE = "key", "value"  # the deck sheet's two columns
NOT_A_ROW = ("include",)  # deck keys that are no row of the deck sheet
TIME = "time"  # a relative time: no key of the format (see above)
SCHEDULE = "schedule"
EXTRA: Mapping[str, tuple[str, ...]] = {"cards": (TIME,), SCHEDULE: (TIME,)}
MINUTES = 6  # a round's minutes, unless told

# Where keys go first (the rest follow in the format's order).
ORDER: Mapping[str, tuple[str, ...]] = {
    "sheets": (
        DECK_SHEET,
        "phases",
        "roles",
        "indicators",
        "flags",
        "cards",
        OPTIONS_SHEET,
        "endings",
        "recommendations",
        "sources",
        "observation_tags",
    ),
    "cards": (
        "id",
        "type",
        "phases",
        "roles",
        "title",
        "text",
        "facilitator",
        "weight",
        "when",
        "once",
        "effects",
        "lasting",
        "cost",
        "requires",
        "counters",
        "tags",
        TIME,  # before the keys added since, so that a workbook keeps its columns' places
    ),
    OPTIONS_SHEET: (PARENT,),
    SCHEDULE: (TIME, "phase", "round", "card"),  # a chronogramme reads by time
}

# Keys whose model attribute has another name.
ATTRIBUTES = {"in": "delay"}


def _ordered(keys: Iterable[str], first: Sequence[str]) -> tuple[str, ...]:
    keys = list(keys)
    return tuple([k for k in first if k in keys] + [k for k in keys if k not in first])


def _item_obj(kind: Kind) -> Obj | None:
    """The object a list of the deck holds, if it holds objects."""
    if not isinstance(kind, ListOf):
        return None
    item = kind.item
    if isinstance(item, OneOf):
        return item.full
    return item if isinstance(item, Obj) else None


@attrs.frozen
class Sheet:
    """One sheet: its key (a deck key, `deck` or `options`), the object its rows are, its
    columns (keys)."""

    key: str
    obj: Obj | None
    columns: tuple[str, ...]


def _sheets() -> tuple[Sheet, ...]:
    sheets = [Sheet(DECK_SHEET, None, (KEY, VALUE))]
    for key, field in DECK_FIELDS.items():
        obj = _item_obj(field.kind)
        if obj is None:
            continue
        nested = [name for name, f in obj.fields.items() if _item_obj(f.kind) is not None]
        columns = [name for name in obj.fields if name not in nested]
        columns += EXTRA.get(key, ())
        sheets.append(Sheet(key, obj, _ordered(columns, ORDER.get(key, ()))))
        for name in nested:
            inner = _item_obj(obj.fields[name].kind)
            assert inner is not None and name == OPTIONS_SHEET and obj is CARD
            sheets.append(
                Sheet(name, inner, _ordered([PARENT, *inner.fields], ORDER[OPTIONS_SHEET]))
            )
    by_key = {sheet.key: sheet for sheet in sheets}
    return tuple(by_key[key] for key in _ordered(by_key, ORDER["sheets"]))


SHEETS: tuple[Sheet, ...] = _sheets()
SHEET_INDEX: Mapping[str, Sheet] = {sheet.key: sheet for sheet in SHEETS}
DECK_ROWS: tuple[str, ...] = tuple(
    key
    for key, field in DECK_FIELDS.items()
    if key not in SHEET_INDEX and key not in NOT_A_ROW and _item_obj(field.kind) is None
)


def column_kind(sheet: Sheet, column: str) -> Kind:
    """The kind of the values of `column` (the card's id is an identifier)."""
    if sheet.obj is None or (column == PARENT and sheet.key == OPTIONS_SHEET):
        return Identifier()
    if column in EXTRA.get(sheet.key, ()):
        return Text()
    return sheet.obj.fields[column].kind


# Deck -> plain values -> cells ----------------------------------------------


def _plain(kind: Kind, value: Any) -> Any:
    """A model value as plain YAML data, the way a deck writes it."""
    if value is None:
        return None
    if isinstance(kind, EffectsKind):
        return _plain_effects(value)
    if isinstance(kind, Expr):
        return value.source if isinstance(value, Expression) else value
    if isinstance(kind, ListOf):
        return [_plain(kind.item, item) for item in value]
    if isinstance(kind, MapOf):
        return {key: _plain(kind.value, item) for key, item in value}
    if kind is TRIGGER:
        if value.delay == 0:
            return value.card
        return {"card": value.card, "in": value.delay}
    if isinstance(kind, OneOf):
        return _plain(kind.full, value)
    if isinstance(kind, Obj):
        return _plain_obj(kind, value, lambda key, item: False)
    return value


def _plain_effects(effects: Effects) -> dict[str, Any]:
    from scenarios.deck.format import EFFECT_KEYS

    plain: dict[str, Any] = {}
    for name, entry in EFFECT_KEYS.items():
        value = getattr(effects, name)
        if entry.by_indicator:
            for delta in value:
                plain[delta.indicator] = _plain(entry.kind, delta.amount)
        elif value not in (None, ()):
            plain[name] = _plain(entry.kind, value)
    return plain


def _plain_obj(obj: Obj, value: Any, implied: Callable[[str, Any], bool]) -> dict[str, Any]:
    """The keys of `value` not at their default (nor `implied` by the others)."""
    plain: dict[str, Any] = {}
    for key, field in obj.fields.items():
        item = getattr(value, ATTRIBUTES.get(key, key))
        if item is None or (not field.required and item == field.default) or implied(key, item):
            continue
        plain[key] = _plain(field.kind, item)
    return plain


def _implied(deck: Deck, sheet: str, value: Any) -> Callable[[str, Any], bool]:
    """Keys whose value is what leaving them out gives: all phases, the kind's `once`,
    a title that is the id."""

    def implied(key: str, item: Any) -> bool:
        if sheet == "cards" and key == "phases":
            return bool(item == tuple(phase.id for phase in deck.phases))
        if sheet == "cards" and key == "once":
            return bool(item == KINDS[value.type].once)
        if sheet in ("flags", "observation_tags") and key == "title":
            return bool(item == value.id)
        return sheet == "cards" and key == OPTIONS_SHEET

    return implied


def _is_id_list(kind: Kind) -> bool:
    return isinstance(kind, ListOf) and isinstance(kind.item, (Ref, Identifier))


def _is_text_list(kind: Kind) -> bool:
    return isinstance(kind, ListOf) and isinstance(kind.item, Text)


def _flow(value: Any) -> str:
    text: str = yaml.safe_dump(
        value, default_flow_style=True, allow_unicode=True, width=10**9, sort_keys=False
    )
    return text.strip().removesuffix("...").strip()


def to_cell(kind: Kind, value: Any) -> Any:
    """A plain value as a cell: a scalar, ids `a, b`, texts one a line, or YAML flow."""
    if value is None:
        return None
    if _is_id_list(kind):
        return ", ".join(str(item) for item in value)
    if _is_text_list(kind):
        return "\n".join(value)
    if isinstance(value, (dict, list)):
        return _flow(value)[1:-1].strip()
    return value


@attrs.frozen
class Rows:
    """The rows of one sheet, as cells (None for empty)."""

    sheet: Sheet
    rows: tuple[tuple[Any, ...], ...]


def deck_rows(deck: Deck, minutes: int = MINUTES) -> tuple[Rows, ...]:
    """Every sheet of `deck`, in the sheets' order; rounds last `minutes` for the times."""
    tables: list[Rows] = []
    for sheet in SHEETS:
        rows: list[tuple[Any, ...]] = []
        if sheet.obj is None:
            for key in DECK_ROWS:
                kind = DECK_FIELDS[key].kind
                value = _plain(kind, getattr(deck, key))
                default = DECK_FIELDS[key].default
                if value is None or value == default or value == []:
                    continue
                rows.append((key, to_cell(kind, value)))
        elif sheet.key == OPTIONS_SHEET:
            for card in deck.cards:
                for option in card.options:
                    plain = _plain_obj(sheet.obj, option, lambda key, item: False)
                    plain[PARENT] = card.id
                    rows.append(_row(sheet, plain))
        else:
            for item in getattr(deck, sheet.key):
                plain = _plain_obj(sheet.obj, item, _implied(deck, sheet.key, item))
                if sheet.key == "cards":
                    _add_time(deck, item, plain, minutes)
                if sheet.key == SCHEDULE:
                    start = start_of(Slot(item.phase, item.round), spans(deck), minutes)
                    if start is not None:
                        plain[TIME] = clock(start)
                rows.append(_row(sheet, plain))
        tables.append(Rows(sheet, tuple(rows)))
    return tuple(tables)


def _add_time(deck: Deck, card: Any, plain: dict[str, Any], minutes: int) -> None:
    """The time of a card pinned to a round of its one phase (see the module's docstring),
    taken out of its condition."""
    when = plain.get("when")
    if card.type not in DRAWN or len(card.phases) != 1 or not isinstance(when, str):
        return
    pinned = unpin(when)
    if pinned is None:
        return
    start = start_of(Slot(card.phases[0], pinned[0]), spans(deck), minutes)
    if start is None:
        return
    plain[TIME] = clock(start)
    if pinned[1] is None:
        del plain["when"]
    else:
        plain["when"] = pinned[1]


def _row(sheet: Sheet, plain: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(to_cell(column_kind(sheet, key), plain.get(key)) for key in sheet.columns)


# Cells -> YAML -------------------------------------------------------------


@attrs.frozen
class Place:
    """A cell of a sheet as read: the sheet's name in the file, its 1-based row and column
    (0: the whole row, or the whole sheet when the row is 0 too)."""

    sheet: str
    row: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.row <= 0:
            return f"{self.sheet}!A1"
        return f"{self.sheet}!{column_letter(max(self.column, 1))}{self.row}"


def column_letter(column: int) -> str:
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@attrs.frozen
class Table:
    """A sheet as read: its sheet, its name in the file, the column of each key (1-based),
    and its rows (row number, cells by key)."""

    sheet: Sheet
    name: str
    columns: Mapping[str, int]
    rows: tuple[tuple[int, Mapping[str, Any]], ...]


@attrs.frozen
class Problem:
    """Something wrong in a cell, with a message id of the `cli` catalog and its values, or a
    deck loader's diagnostic."""

    place: Place
    code: str = ""
    params: Mapping[str, object] = attrs.field(factory=dict)
    diagnostic: Diagnostic | None = None


class CellError(Exception):
    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


TRUE = {"true", "vrai", "oui", "yes", "1", "x"}
FALSE = {"false", "faux", "non", "no", "0"}
_SPLIT_IDS = re.compile(r"[,;\s]+")


def from_cell(kind: Kind, cell: Any) -> Any:
    """The plain value a cell holds for `kind` (None when empty).

    What cannot be read is passed on as it is, for the deck's own checks to
    judge it; only YAML that cannot be read raises `CellError`.
    """
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if isinstance(cell, str) and not isinstance(kind, Text):
        cell = cell.strip()  # a text keeps its spaces as written
    if isinstance(kind, (Integer, Number)) or (
        isinstance(kind, Choice) and all(isinstance(v, int) for v in kind.values)
    ):
        return _number(cell, whole=not isinstance(kind, Number))
    if isinstance(kind, Boolean):
        if isinstance(cell, str) and cell.lower() in TRUE | FALSE:
            return cell.lower() in TRUE
        return cell
    if _is_id_list(kind):
        return [item for item in _SPLIT_IDS.split(str(cell)) if item]
    if _is_text_list(kind):
        return [line.strip() for line in str(cell).splitlines() if line.strip()]
    if isinstance(kind, (Text, Identifier, Ref, Choice)):
        return _text(cell)
    if isinstance(kind, Expr):
        return cell if isinstance(cell, bool) else _text(cell)
    return _flow_value(kind, str(cell))


def _text(cell: Any) -> Any:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return cell if isinstance(cell, bool) else str(cell)


def _number(cell: Any, whole: bool) -> Any:
    if isinstance(cell, bool) or not isinstance(cell, (str, int, float)):
        return cell
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    if not isinstance(cell, str):
        return cell
    try:
        return int(cell)
    except ValueError:
        pass
    try:
        number = float(cell.replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    except ValueError:
        return cell
    return int(number) if number.is_integer() else (cell if whole else number)


def _flow_value(kind: Kind, text: str) -> Any:
    opening = "[" if isinstance(kind, ListOf) else "{"
    closing = "]" if opening == "[" else "}"
    if not text.startswith(opening):
        text = opening + text + closing
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or str(error)
        raise CellError("kit.cell_yaml", problem=problem) from None


class _Block(yaml.SafeDumper):
    """Writes texts of several lines as literal blocks, the way an author would."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Block.add_representer(str, _represent_str)


def _pair(key: str, value: Any) -> list[str]:
    """`key: value` as YAML lines: a scalar as itself, a list or a mapping in flow style."""
    if isinstance(value, (dict, list)):
        return [f"{key}: {_flow(value)}"]
    text: str = yaml.dump(
        {key: value}, Dumper=_Block, allow_unicode=True, width=10**9, sort_keys=False
    )
    return text.rstrip("\n").splitlines()


@attrs.frozen
class Built:
    """A deck's YAML made from sheets, with the cell each of its lines came from, and what
    was found wrong on the way (then the YAML is not to be used)."""

    text: str
    places: Mapping[int, Place]
    items: Mapping[int, tuple[Table, int]]  # a line -> the table and row of its item
    problems: tuple[Problem, ...]


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.places: dict[int, Place] = {}
        self.items: dict[int, tuple[Table, int]] = {}

    def write(self, lines: Sequence[str], place: Place | None = None) -> None:
        for line in lines:
            self.lines.append(line)
            if place is not None:
                self.places[len(self.lines)] = place

    def item(self, table: Table, row: int, values: Sequence[tuple[str, Any]], indent: int) -> None:
        """A list item at `indent`: its keys, each line placed at its cell."""
        pad = " " * indent
        for index, (key, value) in enumerate(values):
            lines = _pair(key, value)
            first = pad + ("- " if index == 0 else "  ")
            rest = pad + "  "
            place = Place(table.name, row, table.columns.get(key, 0))
            self.items[len(self.lines) + 1] = (table, row)
            self.write([first + lines[0], *(rest + line for line in lines[1:])], place)
            for extra in range(len(lines) - 1):
                self.items[len(self.lines) - extra] = (table, row)


def build_yaml(
    tables: Sequence[Table],
    comments: Mapping[str, str],
    header: Sequence[str],
    minutes: int = MINUTES,
) -> Built:
    """The deck's YAML from `tables` (at most one per sheet), in the sheets' order.

    `comments` gives the comment line above each sheet's part (by sheet key),
    `header` the comment lines that open the file; rounds last `minutes` for
    the times, in phases that set no `minutes`.
    """
    writer = _Writer()
    problems: list[Problem] = []
    writer.write([f"# {line}" if line else "#" for line in header])
    by_sheet = {table.sheet.key: table for table in tables}
    options = _options(by_sheet.get(OPTIONS_SHEET), by_sheet.get("cards"), problems)
    timing = (_spans(by_sheet.get("phases")), minutes)
    for sheet in SHEETS:
        table = by_sheet.get(sheet.key)
        if table is None or sheet.key == OPTIONS_SHEET:
            continue
        writer.write(["", f"# {comments[sheet.key]}"])
        if sheet.obj is None:
            _deck_part(writer, table, problems)
            continue
        rows = [(row, _values(table, row, cells, problems)) for row, cells in table.rows]
        if sheet.key in ("cards", SCHEDULE):
            timed = _timed if sheet.key == "cards" else _scheduled
            rows = [
                (row, timed(table, row, cells, values, timing, problems))
                for (row, values), (_, cells) in zip(rows, table.rows, strict=True)
            ]
        if not rows and DECK_FIELDS[sheet.key].required_unless is not None:
            continue  # left out: whether it may be is the loader's to say (indicators)
        if not rows:
            writer.write([f"{sheet.key}: []"], Place(table.name))
            continue
        writer.write([f"{sheet.key}:"], Place(table.name))
        for row, values in rows:
            if not values:
                continue
            writer.item(table, row, values, 2)
            if sheet.key == "cards":
                card_id = _cell_id(values)
                chosen = options.get(card_id or "", [])
                if chosen:
                    writer.write(["    options:"], Place(table.name, row))
                    for option_table, option_row, option_values in chosen:
                        writer.item(option_table, option_row, option_values, 6)
    return Built("\n".join(writer.lines) + "\n", writer.places, writer.items, tuple(problems))


def _cell_id(values: Sequence[tuple[str, Any]]) -> str | None:
    found = dict(values).get("id")
    return found if isinstance(found, str) else None


def _values(
    table: Table, row: int, cells: Mapping[str, Any], problems: list[Problem]
) -> list[tuple[str, Any]]:
    """The keys of one row with their values, in the sheet's column order."""
    values: list[tuple[str, Any]] = []
    for key in table.sheet.columns:
        parent = key == PARENT and table.sheet.key == OPTIONS_SHEET
        if key not in cells or parent or key in EXTRA.get(table.sheet.key, ()):
            continue
        try:
            value = from_cell(column_kind(table.sheet, key), cells[key])
        except CellError as error:
            place = Place(table.name, row, table.columns[key])
            problems.append(Problem(place, error.code, error.params))
            continue
        if value is not None:
            values.append((key, value))
    return values


Timing = tuple[tuple[Span, ...], int]  # the phases as times see them, and the default minutes


def _spans(phases: Table | None) -> tuple[Span, ...]:
    """The phases' ids, rounds and minutes as the sheet gives them (the deck's default
    phases without a sheet); a phase the loader will refuse is left out."""
    if phases is None:
        return tuple((phase.id, phase.rounds, phase.minutes) for phase in DEFAULT_PHASES)
    found: list[Span] = []
    default = PHASE.fields["rounds"].default
    for _, cells in phases.rows:
        phase = from_cell(Identifier(), cells.get("id"))
        rounds = from_cell(Integer(), cells.get("rounds"))
        minutes = from_cell(Integer(), cells.get("minutes"))
        if isinstance(phase, str):
            found.append(
                (
                    phase,
                    rounds if isinstance(rounds, int) and rounds > 0 else default,
                    minutes if isinstance(minutes, int) and minutes > 0 else None,
                )
            )
    return tuple(found)


def _slot(
    table: Table, row: int, cells: Mapping[str, Any], timing: Timing, problems: list[Problem]
) -> tuple[Slot, str] | None:
    """The round a row's time falls in, and the time as written; None when the row gives
    no time, or a time that is a problem (then told)."""
    cell = cells.get(TIME)
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    phases, minutes = timing
    place = Place(table.name, row, table.columns[TIME])
    shown = str(cell).strip()
    offset = parse_time(cell)
    if offset is None:
        problems.append(Problem(place, "kit.time_bad", {"time": shown, "forms": FORMS}))
        return None
    slot = slot_at(offset, phases, minutes)
    if slot is None:
        end = clock(end_of(phases, minutes))
        problems.append(Problem(place, "kit.time_late", {"time": shown, "end": end}))
        return None
    return slot, shown


def _scheduled(
    table: Table,
    row: int,
    cells: Mapping[str, Any],
    values: list[tuple[str, Any]],
    timing: Timing,
    problems: list[Problem],
) -> list[tuple[str, Any]]:
    """A schedule row with its time written as its phase and round (see the module's
    docstring)."""
    timed = _slot(table, row, cells, timing, problems)
    if timed is None:
        return values
    slot, shown = timed
    found = dict(values)
    given = (found.get("phase", slot.phase), found.get("round", slot.round))
    if given != (slot.phase, slot.round):
        place = Place(table.name, row, table.columns[TIME])
        params = {
            "time": shown,
            "phase": slot.phase,
            "round": slot.round,
            "given": ", ".join(str(found[key]) for key in ("phase", "round") if key in found),
        }
        problems.append(Problem(place, "kit.time_schedule", params))
        return values
    found["phase"], found["round"] = slot.phase, slot.round
    return [(key, found[key]) for key in table.sheet.columns if key in found]


def _timed(
    table: Table,
    row: int,
    cells: Mapping[str, Any],
    values: list[tuple[str, Any]],
    timing: Timing,
    problems: list[Problem],
) -> list[tuple[str, Any]]:
    """A card's row with its time written as its phase and, for a drawn card, its round
    (see the module's docstring)."""
    timed = _slot(table, row, cells, timing, problems)
    if timed is None:
        return values
    slot, shown = timed
    place = Place(table.name, row, table.columns[TIME])
    found = dict(values)
    phases = found.get("phases")
    if phases is not None and phases != [slot.phase]:
        listed = ", ".join(str(phase) for phase in phases)
        params = {"time": shown, "phase": slot.phase, "phases": listed}
        problems.append(Problem(place, "kit.time_phase", params))
        return values
    found["phases"] = [slot.phase]
    if found.get("type") in DRAWN:
        found["when"] = pin(slot.round, found.get("when"))
    return [(key, found[key]) for key in table.sheet.columns if key in found]


def _options(
    options: Table | None, cards: Table | None, problems: list[Problem]
) -> dict[str, list[tuple[Table, int, list[tuple[str, Any]]]]]:
    """The options by card id, in their rows' order; an option of no known card is a problem."""
    if options is None:
        return {}
    card_ids = set()
    if cards is not None:
        for _, cells in cards.rows:
            card_id = from_cell(Identifier(), cells.get("id"))
            if isinstance(card_id, str):
                card_ids.add(card_id)
    found: dict[str, list[tuple[Table, int, list[tuple[str, Any]]]]] = {}
    for row, cells in options.rows:
        card_id = from_cell(Identifier(), cells.get(PARENT))
        place = Place(options.name, row, options.columns.get(PARENT, 0))
        if card_id is None:
            problems.append(Problem(place, "kit.option_no_card"))
            continue
        if card_id not in card_ids:
            problems.append(Problem(place, "kit.option_card_unknown", {"card": card_id}))
            continue
        found.setdefault(card_id, []).append((options, row, _values(options, row, cells, problems)))
    return found


def _deck_part(writer: _Writer, table: Table, problems: list[Problem]) -> None:
    for row, cells in table.rows:
        key = cells.get(KEY)
        place = Place(table.name, row, table.columns.get(VALUE, 0))
        if key is None:
            continue
        if key not in DECK_FIELDS or key in SHEET_INDEX or key in NOT_A_ROW:
            problems.append(Problem(Place(table.name, row, 1), "kit.deck_key", {"key": key}))
            continue
        try:
            value = from_cell(DECK_FIELDS[key].kind, cells.get(VALUE))
        except CellError as error:
            problems.append(Problem(place, error.code, error.params))
            continue
        if value is not None:
            writer.write(_pair(key, value), place)


# Diagnostics -> cells ------------------------------------------------------


def locate(
    diagnostic: Diagnostic,
    built: Built,
    file: str,
    tables: Sequence[Table],
    names: Mapping[str, str],
) -> Problem:
    """The cell a deck loader's diagnostic on the built YAML speaks of, its positions in the
    message turned into cells too; `names` are the sheets' names by key, for those not read."""
    params = dict(diagnostic.params)
    for name, value in params.items():
        if isinstance(value, str) and value.startswith(f"{file}:"):
            params[name] = str(_place_of(_position(value, file), built, tables))
    moved = attrs.evolve(diagnostic, params=params)
    place = _place_of(diagnostic.position, built, tables)
    missing = params.get("key")
    if diagnostic.code == "key.missing" and isinstance(missing, str):
        place = _missing(diagnostic.position, missing, built, tables, names)
    return Problem(place, diagnostic=moved)


def _position(text: str, file: str) -> Position:
    parts = text[len(file) + 1 :].split(":")
    try:
        return Position(file, int(parts[0]), int(parts[1]) if len(parts) > 1 else 0)
    except ValueError:
        return Position(file)


def _place_of(position: Position, built: Built, tables: Sequence[Table]) -> Place:
    if position.line in built.places:
        return built.places[position.line]
    deck = next((t for t in tables if t.sheet.key == DECK_SHEET), None)
    return Place(deck.name if deck is not None else DECK_SHEET)


def _missing(
    position: Position, key: str, built: Built, tables: Sequence[Table], names: Mapping[str, str]
) -> Place:
    """Where a missing key would be: its column in the item's row, or its sheet, or the deck
    sheet."""
    item = built.items.get(position.line)
    if item is not None:
        table, row = item
        return Place(table.name, row, table.columns.get(key, 0))
    named = next((t for t in tables if t.sheet.key == key), None)
    if named is not None:
        return Place(named.name)
    if key in SHEET_INDEX:
        return Place(names.get(key, key))
    deck = next((t for t in tables if t.sheet.key == DECK_SHEET), None)
    return Place(deck.name if deck is not None else names.get(DECK_SHEET, DECK_SHEET))
