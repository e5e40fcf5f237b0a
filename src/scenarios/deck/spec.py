"""Declarative value kinds: one description gives both the checks and the JSON Schema.

Each kind checks a located YAML value, reports every problem it finds to the
build context (never stopping at the first), and returns the checked value or
`INVALID`. `json_schema()` renders the same rules for editors, so the schema
that `scenarios schema` prints can never drift from what the loader accepts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, Final

import attrs

from scenarios.deck.diagnostics import Diagnostic, Position
from scenarios.deck.kinds import KINDS, kind_labels
from scenarios.deck.located import LocatedList, LocatedMap, type_name
from scenarios.deck.variables import names as placeholders
from scenarios.i18n import Lang, suggest
from scenarios.rules import Compiler, ExprError, Type


@attrs.frozen
class ExpressionProblem:
    """An expression's error, said with the names the deck gives its card kinds."""

    error: ExprError

    def message(self, lang: Lang = "fr") -> str:
        return self.error.message(lang, kind_labels(lang))


class _Invalid:
    """Marks a value that failed its checks (its errors are already reported)."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Final = _Invalid()

SLUG_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"
NAME_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"
_SLUG = re.compile(SLUG_PATTERN)
_NAME = re.compile(NAME_PATTERN)


class Context:
    """What checks share: the diagnostics found so far, the deck's ids and the compiler.

    `path` is the chain of keys down to the value being checked, from the list
    item (card, role...) it is in: every diagnostic names its key with it. A
    plain list, pushed and popped around each key, since a deck has many.
    """

    def __init__(self, ids: Mapping[str, Mapping[str, str]], compiler: Compiler) -> None:
        self.ids = ids
        self.compiler = compiler
        self.diagnostics: list[Diagnostic] = []
        self.path: list[str] = []

    @property
    def key(self) -> str:
        """The dotted key of the value being checked ("" at the top of an item)."""
        return ".".join(self.path)

    def error(self, code: str, at: Position, **params: object) -> _Invalid:
        self.diagnostics.append(Diagnostic(code, at, params, key=self.key))
        return INVALID

    def error_under(self, key: str, code: str, at: Position, **params: object) -> _Invalid:
        """An error about the value of `key` (an item's check that sees all its keys)."""
        self.path.append(key)
        try:
            return self.error(code, at, **params)
        finally:
            self.path.pop()

    def warning(self, code: str, at: Position, **params: object) -> None:
        self.diagnostics.append(Diagnostic(code, at, params, severity="warning", key=self.key))

    def check(self, kind: Kind, key: str, value: Any, at: Position) -> Any:
        """`kind.check` of the value of `key`, with `key` on the path."""
        self.path.append(key)
        try:
            return kind.check(value, self, at)
        finally:
            self.path.pop()


class Kind:
    """A kind of value a deck field holds."""

    def check(self, value: Any, ctx: Context, at: Position) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def wrong_type(self, value: Any, ctx: Context, at: Position, expected: str) -> _Invalid:
        hint = "quote" if isinstance(value, bool) and expected == "text" else ""
        return ctx.error("type", at, expected=expected, got=type_name(value), hint=hint)


@attrs.frozen
class Text(Kind):
    """A text shown to players or authors.

    `filled`: its `{{id}}` are the deck's variables, filled when it is shown
    (`variables.with_variables`), so each must name a declared one. Not so for
    what is never filled (a variable's own title, a source, a file pattern).
    """

    max_length: int = 4000
    allow_empty: bool = False
    filled: bool = True

    def check(self, value: Any, ctx: Context, at: Position) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return self.wrong_type(value, ctx, at, "text")
        if not value.strip() and not self.allow_empty:
            return ctx.error("text.empty", at)
        if len(value) > self.max_length:
            return ctx.error("text.too_long", at, length=len(value), limit=self.max_length)
        if self.filled and "{{" in value and not _declared(value, ctx, at):
            return INVALID
        return value

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string", "maxLength": self.max_length}
        if not self.allow_empty:
            schema["minLength"] = 1
        return schema


def _declared(text: str, ctx: Context, at: Position) -> bool:
    """Whether every `{{id}}` of `text` is a declared variable (the others are reported)."""
    declared = ctx.ids.get("variable", {})
    ok = True
    reported: set[str] = set()
    for name, written in placeholders(text):
        if name not in declared and name not in reported:
            reported.add(name)
            close = suggest(name, list(declared))
            suggestion = "{{" + close + "}}" if close else ""
            ctx.error(
                "variable.unknown",
                at,
                value=name,
                placeholder=written,
                suggestion=suggestion,
                hint="" if suggestion else "declare_variable",
            )
            ok = False
    return ok


@attrs.frozen
class Identifier(Kind):
    """An id: lowercase letters, digits, '-' and '_'.

    With `name=True`, no '-': the id is a bare name in expressions.
    """

    name: bool = False

    def check(self, value: Any, ctx: Context, at: Position) -> Any:
        if not isinstance(value, str):
            return self.wrong_type(value, ctx, at, "id")
        pattern = _NAME if self.name else _SLUG
        if not pattern.match(value):
            code = "id.name" if self.name else "id.slug"
            return ctx.error(code, at, value=value, sample=slugify(value, name=self.name))
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": NAME_PATTERN if self.name else SLUG_PATTERN}


def slugify(text: str, name: bool = False) -> str:
    """A valid id close to `text` ("Préfecture COD" -> "prefecture-cod")."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    separator = "_" if name else "-"
    slug = re.sub(r"[^a-z0-9]+", separator, ascii_text.lower()).strip("-_")
    if name and slug and not slug[0].isalpha():
        slug = "x_" + slug
    return slug[:64] or ("x" if name else "x-1")


class _Bounded(Kind):
    """A number within [minimum, maximum]: the range check and schema of the numeric kinds.

    The bounds are finite, so no infinity (nor NaN) is ever within them.
    """

    json_type: ClassVar[str]
    minimum: float
    maximum: float

    def within(self, value: float, ctx: Context, at: Position) -> Any:
        """`value`, or the range error when it lies outside the bounds."""
        if not self.minimum <= value <= self.maximum:
            return ctx.error("range", at, value=value, minimum=self.minimum, maximum=self.maximum)
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": self.json_type, "minimum": self.minimum, "maximum": self.maximum}


@attrs.frozen
class Integer(_Bounded):
    """A whole number within bounds."""

    json_type: ClassVar[str] = "integer"
    minimum: int = -(10**6)
    maximum: int = 10**6

    def check(self, value: Any, ctx: Context, at: Position) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            else:
                return self.wrong_type(value, ctx, at, "integer")
        return self.within(value, ctx, at)


@attrs.frozen
class Number(_Bounded):
    """A finite number (whole or decimal) within bounds."""

    json_type: ClassVar[str] = "number"
    minimum: float = 0
    maximum: float = 10**6

    def check(self, value: Any, ctx: Context, at: Position) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return self.wrong_type(value, ctx, at, "number")
        return self.within(value, ctx, at)


@attrs.frozen
class Boolean(Kind):
    """true or false."""

    def check(self, value: Any, ctx: Context, at: Position) -> Any:
        if not isinstance(value, bool):
            return self.wrong_type(value, ctx, at, "bool")
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


@attrs.frozen
class Choice(Kind):
    """One of a fixed list of words."""

    values: tuple[str | int, ...]

    def check(self, value: Any, ctx: Context, at: Position) -> Any:
        if value not in self.values or isinstance(value, bool):
            return ctx.error(
                "choice",
                at,
                value=value,
                known=list(self.values),
                suggestion=suggest(str(value), [str(v) for v in self.values]),
            )
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"enum": list(self.values)}


@attrs.frozen
class Ref(Kind):
    """The id of something the deck defines (a card, role, phase, indicator, flag, ending)."""

    namespace: str
    card_types: tuple[str, ...] = ()

    def check(self, value: Any, ctx: Context, at: Position) -> Any:
        if not isinstance(value, str):
            return self.wrong_type(value, ctx, at, "id")
        known = ctx.ids.get(self.namespace, {})
        if value not in known:
            return ctx.error(
                "ref.unknown",
                at,
                namespace=self.namespace,
                value=value,
                suggestion=suggest(value, list(known)),
                known=sorted(known) if len(known) <= 12 else [],
            )
        # A card of no known kind (a misspelt type) is reported where it is defined.
        if self.card_types and known[value] in KINDS and known[value] not in self.card_types:
            return ctx.error(
                "ref.card_type",
                at,
                value=value,
                actual=known[value],
                expected=" / ".join(self.card_types),
            )
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string"}


@attrs.frozen
class Expr(Kind):
    """An expression of the rules language, checked against the deck and compiled."""

    type: Type
    allow_number: bool = False

    def check(self, value: Any, ctx: Context, at: Position) -> Any:
        if self.allow_number and isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, bool) and self.type is Type.BOOL:
            value = "True" if value else "False"
        if not isinstance(value, str):
            expected = "expression_number" if self.allow_number else "expression"
            return self.wrong_type(value, ctx, at, expected)
        try:
            return ctx.compiler.compile(value, self.type)
        except ExprError as error:
            where = Position(
                at.file,
                at.line + error.line - 1,
                (at.col + error.col - 1) if error.line == 1 else error.col,
            )
            ctx.diagnostics.append(
                Diagnostic(error.code, where, cause=ExpressionProblem(error), key=ctx.key)
            )
            return INVALID

    def json_schema(self) -> dict[str, Any]:
        if self.allow_number:
            return {"type": ["integer", "string"]}
        return {"type": ["string", "boolean"] if self.type is Type.BOOL else "string"}


@attrs.frozen
class ListOf(Kind):
    """A list of items of one kind."""

    item: Kind
    min_items: int = 0
    max_items: int = 10_000  # every list is bounded; the schema shows other bounds than this one
    unique: bool = False

    def check(self, value: Any, ctx: Context, at: Position) -> Any:
        if not isinstance(value, list):
            if value is None and self.min_items == 0:
                return ()
            hint = "list_scalar" if isinstance(value, (str, int)) else ""
            return ctx.error(
                "type",
                at,
                expected="list",
                got=type_name(value),
                hint=hint,
                value=value if isinstance(value, (str, int)) else "",
            )
        if len(value) < self.min_items:
            return ctx.error("list.too_short", at, count=len(value), minimum=self.min_items)
        if len(value) > self.max_items:
            return ctx.error("list.too_long", at, count=len(value), limit=self.max_items)
        items: list[Any] = []
        seen: dict[Any, Position] = {}
        ok = True
        for index, item in enumerate(value):
            item_at = value.at_item(index) if isinstance(value, LocatedList) else at
            checked = self.item.check(item, ctx, item_at)
            if checked is INVALID:
                ok = False
                continue
            if self.unique and isinstance(checked, str):
                if checked in seen:
                    ctx.error("list.duplicate", item_at, value=checked, first=str(seen[checked]))
                    ok = False
                    continue
                seen[checked] = item_at
            items.append(checked)
        return tuple(items) if ok else INVALID

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.max_items != 10_000:
            schema["maxItems"] = self.max_items
        if self.unique:
            schema["uniqueItems"] = True
        return schema


@attrs.frozen
class Field:
    """A key of an object: its kind, whether it is required, its default, its documentation."""

    kind: Kind
    doc: str
    required: bool = False
    default: Any = None
    only_for: tuple[str, ...] = ()
    default_for: Callable[[Mapping[str, Any]], Any] | None = None
    # Required unless the object's `key` is `value` (indicators, but in a discussion deck).
    required_unless: tuple[str, Any] | None = None

    def needed(self, value: Mapping[str, Any]) -> bool:
        """Whether the key must be written in `value`, the object it belongs to."""
        if self.required_unless is None:
            return self.required
        key, other = self.required_unless
        return bool(value.get(key) != other)


Factory = Callable[[dict[str, Any], LocatedMap, Context], Any]


@attrs.frozen
class Obj(Kind):
    """A mapping with known keys, built into a model object by `factory`.

    `variant` names the key (such as a card's `type`) that decides which
    fields apply; a field with `only_for` is refused for the other variants.
    """

    name: str
    doc: str
    fields: Mapping[str, Field]
    factory: Factory
    variant: str | None = None

    def check(self, value: Any, ctx: Context, at: Position) -> Any:
        if not isinstance(value, LocatedMap):
            return ctx.error(
                "type",
                at,
                expected="mapping",
                got=type_name(value),
                what=self.name,
                known=list(self.fields),
            )
        if "id" not in self.fields:
            return self._check_fields(value, ctx)
        # An item with an id (a card, a role...): its keys are named from it, its
        # position tells which one it is.
        outer, ctx.path = ctx.path, []
        try:
            return self._check_fields(value, ctx)
        finally:
            ctx.path = outer

    def _check_fields(self, value: LocatedMap, ctx: Context) -> Any:
        values: dict[str, Any] = {}
        ok = True
        variant = self._variant(value)
        for key in value:
            if key not in self.fields:
                ctx.error(
                    "key.unknown",
                    value.at_key(key),
                    key=key,
                    what=self.name,
                    suggestion=suggest(key, list(self.fields)),
                    known=list(self.fields),
                )
                ok = False
        for key, field in self.fields.items():
            if key not in value:
                if field.needed(value):
                    ctx.error("key.missing", value.at(), key=key, what=self.name)
                    ok = False
                elif field.default_for is not None:
                    values[key] = field.default_for(values)
                else:
                    values[key] = field.default
                continue
            if field.only_for and variant is not None and variant not in field.only_for:
                ctx.error(
                    "key.not_for",
                    value.at_key(key),
                    key=key,
                    variant=variant,
                    allowed=" / ".join(field.only_for),
                )
                ok = False
                continue
            checked = ctx.check(field.kind, key, value[key], value.at_value(key))
            if checked is INVALID:
                ok = False
            values[key] = checked
        if not ok:
            return INVALID
        return self.factory(values, value, ctx)

    def _variant(self, value: LocatedMap) -> str | None:
        """The variant (a card's type) that decides which keys apply, when it is a known one.

        A misspelt variant is reported once, by its own key; the other keys are
        then checked as they are written, none refused for not fitting it.
        """
        if self.variant is None:
            return None
        variant = value.get(self.variant)
        kind = self.fields[self.variant].kind
        if not isinstance(variant, str) or not isinstance(kind, Choice):
            return None
        return variant if variant in kind.values else None

    def json_schema(self) -> dict[str, Any]:
        properties = {}
        for key, field in self.fields.items():
            prop = dict(field.kind.json_schema())
            prop["description"] = field.doc
            if isinstance(field.default, (str, int, float, bool)):
                prop["default"] = field.default
            properties[key] = prop
        schema: dict[str, Any] = {
            "type": "object",
            "description": self.doc,
            "properties": properties,
            "additionalProperties": False,
        }
        required = [key for key, field in self.fields.items() if field.required]
        if required:
            schema["required"] = required
        for key, field in self.fields.items():
            if field.required_unless is not None:
                other, when = field.required_unless
                schema.setdefault("allOf", []).append(
                    {
                        "if": {"properties": {other: {"const": when}}, "required": [other]},
                        "else": {"required": [key]},
                    }
                )
        return schema


@attrs.frozen
class OneOf(Kind):
    """A value written either as a short scalar or as a full mapping."""

    short: Kind
    full: Obj
    convert: Callable[[Any, Position], Any]

    def check(self, value: Any, ctx: Context, at: Position) -> Any:
        if isinstance(value, dict):
            return self.full.check(value, ctx, at)
        checked = self.short.check(value, ctx, at)
        return INVALID if checked is INVALID else self.convert(checked, at)

    def json_schema(self) -> dict[str, Any]:
        return {"oneOf": [self.short.json_schema(), self.full.json_schema()]}


@attrs.frozen
class MapOf(Kind):
    """A mapping whose keys are ids of one kind (such as indicators) and values of another."""

    key: Kind
    value: Kind
    what: str

    def check(self, value: Any, ctx: Context, at: Position) -> Any:
        if not isinstance(value, LocatedMap):
            if value is None:
                return ()
            return ctx.error("type", at, expected="mapping", got=type_name(value), what=self.what)
        pairs: list[tuple[Any, Any]] = []
        ok = True
        for key, item in value.items():
            checked_key = self.key.check(key, ctx, value.at_key(key))
            checked_value = ctx.check(self.value, str(key), item, value.at_value(key))
            if checked_key is INVALID or checked_value is INVALID:
                ok = False
                continue
            pairs.append((checked_key, checked_value))
        return tuple(pairs) if ok else INVALID

    def json_schema(self) -> dict[str, Any]:
        return {"type": "object", "additionalProperties": self.value.json_schema()}
