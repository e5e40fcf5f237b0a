"""Read one deck file safely into located values.

The file is decoded as strict UTF-8 by us (so a bad byte has a line and
column), normalised to NFC, then parsed into events by libyaml's safe parser
(PyYAML's pure one when libyaml is absent) and built here, which lets us
record positions as we go and refuse what a deck never needs: tags other than
YAML's plain types, several documents, a top level that is not a mapping,
duplicate keys, nesting deeper than MAX_DEPTH, files over MAX_BYTES, and
aliases that expand past MAX_ALIASED nodes (the "billion laughs").

Only what aliases repeat counts against MAX_ALIASED: the nodes written out in
the file are already bounded by its size, so a large deck is never taken for
an alias bomb.
"""

from __future__ import annotations

import unicodedata
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.resolver import Resolver

from scenarios.deck.diagnostics import DeckError, Diagnostic, Position
from scenarios.deck.located import LocatedList, LocatedMap, Pos, type_name

MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 64
MAX_ALIASED = 2_000_000

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
# First characters with which a plain scalar may be something other than a string.
_MAYBE_TYPED = set("0123456789+-.~yYnNtTfFoO<=")

_resolver = Resolver()
_constructor = SafeConstructor()


def decode(data: bytes, file: str) -> str:
    """Strict UTF-8 (an optional BOM allowed), NFC-normalised; refuses binary files."""
    if len(data) > MAX_BYTES:
        raise _fatal("yaml.too_big", Position(file), size=len(data), limit=MAX_BYTES)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise _fatal("yaml.binary", _byte_position(data, nul, file))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _fatal("yaml.encoding", _byte_position(data, error.start, file)) from None
    return unicodedata.normalize("NFC", text)


def parse_text(text: str, file: str) -> tuple[LocatedMap, list[Diagnostic]]:
    """The single mapping document in `text`, with non-fatal problems found while building.

    Raises `DeckError` for what prevents reading the file at all.
    """
    if not text.strip() or _only_comments(text):
        raise _fatal("yaml.empty", Position(file, 1, 1))
    builder = _Builder(file)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = Position(file, mark.line + 1, mark.column + 1) if mark else Position(file)
        problem = error.problem or error.context or "?"
        raise _fatal("yaml.syntax", where, detail=problem) from None
    except yaml.YAMLError as error:
        where = _char_position(text, getattr(error, "position", None), file)
        reason = getattr(error, "reason", None) or str(error).splitlines()[0]
        raise _fatal("yaml.syntax", where, detail=reason) from None
    if builder.root is None:
        raise _fatal("yaml.empty", Position(file, 1, 1))
    if not isinstance(builder.root, LocatedMap):
        raise _fatal("yaml.not_mapping", Position(file, 1, 1), got=type_name(builder.root))
    return builder.root, builder.diagnostics


def load_bytes(data: bytes, file: str) -> tuple[LocatedMap, list[Diagnostic]]:
    """`decode` then `parse_text`."""
    return parse_text(decode(data, file), file)


class _Frame:
    __slots__ = ("anchor", "container", "key", "size")

    def __init__(self, container: LocatedMap | LocatedList, anchor: str | None) -> None:
        self.container = container
        self.anchor = anchor
        self.key: tuple[Any, Pos] | None = None
        self.size = 1


class _Builder:
    """Builds located values from parser events, one event at a time."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.root: Any = None
        self.documents = 0
        self.aliased = 0
        self.diagnostics: list[Diagnostic] = []

    def position(self, mark: Any) -> Pos:
        return (mark.line + 1, mark.column + 1)

    def feed(self, event: yaml.Event) -> None:
        kind = type(event)
        if kind is yaml.ScalarEvent:
            assert isinstance(event, yaml.ScalarEvent)
            pos = self.position(event.start_mark)
            if event.style in ('"', "'"):
                pos = (pos[0], pos[1] + 1)  # point at the text, inside its quotes
            self.add(self.scalar(event), pos, 1, event.anchor)
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            assert isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent))
            self.check_collection_tag(
                event, _MAP_TAG if kind is yaml.MappingStartEvent else _SEQ_TAG
            )
            pos = self.position(event.start_mark)
            if len(self.stack) >= MAX_DEPTH:
                raise _fatal("yaml.too_deep", Position(self.file, *pos), limit=MAX_DEPTH)
            container: LocatedMap | LocatedList = (
                LocatedMap(self.file, pos)
                if kind is yaml.MappingStartEvent
                else LocatedList(self.file, pos)
            )
            self.stack.append(_Frame(container, event.anchor))
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            frame = self.stack.pop()
            self.add(frame.container, frame.container.pos, frame.size, frame.anchor)
        elif kind is yaml.AliasEvent:
            assert isinstance(event, yaml.AliasEvent)
            pos = self.position(event.start_mark)
            anchor = event.anchor or ""
            if anchor not in self.anchors:
                raise _fatal("yaml.unknown_alias", Position(self.file, *pos), anchor=anchor)
            value, size = self.anchors[anchor]
            self.aliased += size
            if self.aliased > MAX_ALIASED:
                raise _fatal("yaml.too_many_nodes", Position(self.file, *pos), limit=MAX_ALIASED)
            self.add(value, pos, size, None)
        elif kind is yaml.DocumentStartEvent:
            self.documents += 1
            if self.documents > 1:
                raise _fatal(
                    "yaml.several_documents", Position(self.file, *self.position(event.start_mark))
                )

    def add(self, value: Any, pos: Pos, size: int, anchor: str | None) -> None:
        if anchor:
            self.anchors[anchor] = (value, size)
        if not self.stack:
            self.root = value
            return
        frame = self.stack[-1]
        frame.size += size
        container = frame.container
        if isinstance(container, LocatedList):
            container.append(value)
            container.item_pos.append(pos)
            return
        if frame.key is None:
            if isinstance(value, (LocatedMap, LocatedList)) or not isinstance(value, str):
                raise _fatal("yaml.key_not_text", Position(self.file, *pos), got=type_name(value))
            frame.key = (value, pos)
            return
        key, key_pos = frame.key
        frame.key = None
        if key in container:
            self.diagnostics.append(
                Diagnostic(
                    "yaml.duplicate_key",
                    Position(self.file, *key_pos),
                    {"key": key, "first": str(container.at_key(key))},
                )
            )
            return
        container[key] = value
        container.key_pos[key] = key_pos
        container.value_pos[key] = pos

    def check_collection_tag(self, event: Any, natural: str) -> None:
        tag = event.tag
        if tag is not None and tag not in ("!", natural):
            pos = Position(self.file, *self.position(event.start_mark))
            raise _fatal("yaml.tag", pos, key=self.pending_key(), tag=tag)

    def pending_key(self) -> str:
        """The dotted key of the value being read, from the list item it is in ("" for none)."""
        keys: list[str] = []
        for frame in reversed(self.stack):
            if isinstance(frame.container, LocatedList):
                break
            if frame.key is not None:
                keys.append(str(frame.key[0]))
        return ".".join(reversed(keys))

    def scalar(self, event: yaml.ScalarEvent) -> Any:
        value = event.value
        tag = event.tag
        if tag is None or tag == "!":
            if event.style not in (None, "") or tag == "!":
                return value
            if value and value[0] not in _MAYBE_TYPED:
                return value
            tag = _resolver.resolve(yaml.ScalarNode, value, event.implicit)  # type: ignore[no-untyped-call]
        if tag == _STR:
            return value
        if tag == _TIMESTAMP:
            return value
        pos = Position(self.file, *self.position(event.start_mark))
        if tag not in _SCALAR_TAGS:
            raise _fatal("yaml.tag", pos, key=self.pending_key(), tag=tag)
        node = yaml.ScalarNode(tag, value, style=event.style)
        try:
            return SafeConstructor.yaml_constructors[tag](_constructor, node)
        except (ConstructorError, ValueError):
            raise _fatal("yaml.bad_scalar", pos, key=self.pending_key(), value=value[:40]) from None


def _only_comments(text: str) -> bool:
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def _byte_position(data: bytes, offset: int, file: str) -> Position:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    col = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return Position(file, line, col)


def _char_position(text: str, offset: int | None, file: str) -> Position:
    if offset is None:
        return Position(file)
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Position(file, line, col)


def _fatal(code: str, position: Position, key: str = "", **params: object) -> DeckError:
    return DeckError([Diagnostic(code, position, params, key=key)])
