"""A deck's sheets (`deck/sheets.py`) as an XLSX workbook or a folder of CSV files, and back.

Sheet names and column headers are words of the catalog (`kit.sheet.*`,
`kit.column.*`), in French or English; both languages (and the format's own
keys) are read back whatever the language asked. CSV files are `;` separated,
UTF-8 with a BOM (what Excel opens in France), one per sheet, named after it.

A sheet whose headers differ is read with a mapping (`--map
"Heure=time,Destinataire=roles"`): a header as written, then the column's key
(or its header in either language). A mapped header names that column in any
sheet that has the column; elsewhere it is an unknown column as before.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from scenarios.commands.output import TEXTS
from scenarios.deck.sheets import (
    SHEET_INDEX,
    SHEETS,
    Place,
    Problem,
    Rows,
    Sheet,
    Table,
)
from scenarios.i18n import LANGS, Lang, suggest

SUFFIX = ".csv"
DELIMITER = ";"


def sheet_name(lang: Lang, key: str) -> str:
    return TEXTS(lang, f"kit.sheet.{key}")


def column_name(lang: Lang, key: str) -> str:
    return TEXTS(lang, f"kit.column.{key}")


def _sheet_keys() -> dict[str, str]:
    """Every name a sheet may have (either language, or its key), folded, to its key."""
    names = {}
    for sheet in SHEETS:
        names[_fold(sheet.key)] = sheet.key
        for lang in LANGS:
            names[_fold(sheet_name(lang, sheet.key))] = sheet.key
    return names


def _column_keys(sheet: Sheet) -> dict[str, str]:
    names = {}
    for key in sheet.columns:
        names[_fold(key)] = key
        for lang in LANGS:
            names[_fold(column_name(lang, key))] = key
    return names


def _fold(name: str) -> str:
    return " ".join(name.replace("_", " ").split()).casefold()


# Writing -------------------------------------------------------------------


def _header(rows: Rows, lang: Lang) -> list[str]:
    return [column_name(lang, key) for key in rows.sheet.columns]


def _cells(rows: Rows, lang: Lang) -> list[list[Any]]:
    """The deck sheet's first column is the deck key's name in `lang`."""
    if rows.sheet.obj is None:
        return [[column_name(lang, row[0]), *row[1:]] for row in rows.rows]
    return [list(row) for row in rows.rows]


def workbook_bytes(tables: Sequence[Rows], lang: Lang) -> bytes:
    """An XLSX workbook: a sheet per table, a bold frozen header, texts kept as texts."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    first = book.active
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for rows in tables:
        sheet = book.create_sheet(sheet_name(lang, rows.sheet.key))
        sheet.append(_header(rows, lang))
        for cell in sheet[1]:
            cell.font = bold
        for values in _cells(rows, lang):
            sheet.append([None] * len(values))
            for column, value in enumerate(values, start=1):
                if value is None:
                    continue
                cell = sheet.cell(row=sheet.max_row, column=column)
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"  # a text that starts with "=" is no formula
                    if "\n" in value:
                        cell.alignment = wrap
        sheet.freeze_panes = "A2"
        for column, key in enumerate(rows.sheet.columns, start=1):
            width = 12 if key in ("id", "type", "weight", "once", "min", "max") else 28
            letter = sheet.cell(row=1, column=column).column_letter
            sheet.column_dimensions[letter].width = width
    if first is not None:
        book.remove(first)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_files(tables: Sequence[Rows], lang: Lang) -> dict[str, bytes]:
    """One CSV file per table, by file name: `;` separated, UTF-8 with a BOM."""
    files = {}
    for rows in tables:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
        writer.writerow(_header(rows, lang))
        for values in _cells(rows, lang):
            writer.writerow(["" if v is None else _csv_text(v) for v in values])
        files[sheet_name(lang, rows.sheet.key) + SUFFIX] = buffer.getvalue().encode("utf-8-sig")
    return files


def _csv_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# Reading -------------------------------------------------------------------


class BadMap(Exception):
    """A `--map` that cannot be used: a catalog message id and its values (a usage error)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def known_keys() -> list[str]:
    """Every key a column of a sheet may have (the deck sheet's two aside)."""
    keys: list[str] = []
    for sheet in SHEETS:
        if sheet.obj is not None:
            keys += [key for key in sheet.columns if key not in keys]
    return keys


def parse_map(text: str) -> dict[str, str]:
    """`Heure=time,Destinataire=roles` as folded headers to keys; raises `BadMap`."""
    names: dict[str, str] = {}
    for sheet in SHEETS:
        if sheet.obj is not None:
            names.update(_column_keys(sheet))
    mapping: dict[str, str] = {}
    for pair in text.split(","):
        if not pair.strip():
            continue
        header, equal, target = pair.partition("=")
        if not equal or not header.strip() or not target.strip():
            raise BadMap("kit.map_pair", pair=pair.strip())
        key = names.get(_fold(target))
        if key is None:
            known = known_keys()
            hint = suggest(target.strip(), [*known, *(n for n in names if n not in known)])
            raise BadMap("kit.map_key", key=target.strip(), suggestion=hint, known=known)
        mapping[_fold(header)] = key
    return mapping


def unused_headers(sheets: Iterable[tuple[str, list[list[Any]]]], text: str) -> list[str]:
    """The headers of the map `text` that no sheet's header row has (a typo in `--map`),
    as written."""
    seen: set[str] = set()
    for _, rows in sheets:
        header = next((row for row in rows if _filled(row)), [])
        seen.update(_fold(str(title)) for title in header if title is not None)
    headers = [pair.partition("=")[0].strip() for pair in text.split(",") if pair.strip()]
    return [header for header in headers if _fold(header) not in seen]


class Unreadable(Exception):
    """The file or folder is no workbook: the reason, a catalog message id and its values."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def read_sheets(path: Path) -> list[tuple[str, list[list[Any]]]]:
    """The sheets of a workbook, or of a folder of CSV files: (name, rows of cells)."""
    if path.is_dir():
        found = sorted(path.glob(f"*{SUFFIX}"))
        if not found:
            raise Unreadable("kit.no_csv", path=str(path))
        return [(file.stem, _read_csv(file)) for file in found]
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (OSError, ValueError, KeyError) as error:
        raise Unreadable("kit.unreadable", path=str(path), reason=str(error)) from None
    except Exception as error:  # zipfile.BadZipFile and the like: not a workbook
        raise Unreadable("kit.unreadable", path=str(path), reason=str(error)) from None
    try:
        return [
            (sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)])
            for sheet in book.worksheets
        ]
    finally:
        book.close()


def _read_csv(file: Path) -> list[list[Any]]:
    try:
        text = file.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unreadable("kit.csv_encoding", path=str(file)) from None
    except OSError as error:
        raise Unreadable("kit.unreadable", path=str(file), reason=str(error)) from None
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=DELIMITER)]


def tables_of(
    sheets: Iterable[tuple[str, list[list[Any]]]],
    mapping: Mapping[str, str] | None = None,
) -> tuple[list[Table], list[Problem]]:
    """The sheets as tables of keys, and what is wrong with their names and headers;
    `mapping` (`parse_map`) names the headers that differ."""
    names = _sheet_keys()
    tables: list[Table] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for name, rows in sheets:
        key = names.get(_fold(name))
        if key is None:
            known = [sheet_name("fr", s.key) for s in SHEETS]
            hint = suggest(name, known)
            params = {"sheet": name, "suggestion": hint, "known": known}
            problems.append(Problem(Place(name), "kit.sheet_unknown", params))
            continue
        if key in seen:
            problems.append(Problem(Place(name), "kit.sheet_twice", {"first": seen[key]}))
            continue
        seen[key] = name
        table = _table(SHEET_INDEX[key], name, rows, problems, mapping or {})
        if table is not None:
            tables.append(table)
    return tables, problems


def _table(
    sheet: Sheet,
    name: str,
    rows: list[list[Any]],
    problems: list[Problem],
    mapping: Mapping[str, str],
) -> Table | None:
    header_at = next((i for i, row in enumerate(rows) if _filled(row)), None)
    if header_at is None:
        problems.append(Problem(Place(name, 1, 1), "kit.sheet_empty"))
        return None
    header = rows[header_at]
    header_row = header_at + 1
    keys = _column_keys(sheet)
    columns: dict[str, int] = {}
    for index, title in enumerate(header, start=1):
        if title is None or not str(title).strip():
            continue
        mapped = mapping.get(_fold(str(title)))
        key = mapped if mapped in sheet.columns else keys.get(_fold(str(title)))
        place = Place(name, header_row, index)
        if key is None:
            known = [column_name("fr", k) for k in sheet.columns]
            hint = suggest(str(title), known)
            params = {"column": str(title), "suggestion": hint, "known": known}
            problems.append(Problem(place, "kit.column_unknown", params))
        elif key in columns:
            problems.append(Problem(place, "kit.column_twice", {"column": str(title)}))
        else:
            columns[key] = index
    # A column in doubt is left out, the rest read: the import fails, telling only what is wrong.
    body: list[tuple[int, Mapping[str, Any]]] = []
    for number, row in enumerate(rows[header_at + 1 :], start=header_row + 1):
        if not _filled(row):
            continue
        cells = {key: row[index - 1] for key, index in columns.items() if index - 1 < len(row)}
        if sheet.obj is None:
            cells = _deck_row(cells)
        body.append((number, cells))
    return Table(sheet, name, columns, tuple(body))


def _deck_row(cells: dict[str, Any]) -> dict[str, Any]:
    """The deck sheet's first column names a deck key in either language: the key."""
    label = cells.get("key")
    if isinstance(label, str):
        from scenarios.deck.sheets import DECK_ROWS

        for key in DECK_ROWS:
            if _fold(label) in {_fold(key), *(_fold(column_name(lang, key)) for lang in LANGS)}:
                return {**cells, "key": key}
        return {**cells, "key": label.strip()}
    return cells


def _filled(row: Sequence[Any]) -> bool:
    return any(cell is not None and str(cell).strip() for cell in row)
