"""The fixed list of functions expressions may call, and what they accept."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, Protocol

import attrs

from scenarios.rules.types import Type

ArgKind = Literal["card", "role", "phase", "option", "tag", "number"]
# What a function asks of its card: played by a role, come into play (drawn,
# triggered, injected), or settled by choosing one of its options. The deck
# says which of its card kinds allow which (`Symbols.kinds`).
CardUse = Literal["played", "drawn", "chosen"]


class Functions(Protocol):
    """What the engine provides at run time for the game-history functions."""

    def played(self, card: str, by: str | None, phase: str | None) -> bool: ...

    def drawn(self, card: str, phase: str | None) -> bool: ...

    def chosen(self, card: str, option: str) -> bool: ...

    def rounds_since(self, card: str) -> int: ...

    def count(self, tag: str, phase: str | None) -> int: ...


@attrs.frozen
class Param:
    """One parameter: its name, what kind of value it takes, and whether it may be left out."""

    name: str
    kind: ArgKind
    optional: bool = False


@attrs.frozen
class FunctionSpec:
    """A callable name: its parameters, result type, and what its card parameter must allow."""

    name: str
    params: tuple[Param, ...]
    returns: Type
    sample: str
    card_use: CardUse | None = None
    variadic: bool = False


def _of_numbers(name: str, sample: str) -> FunctionSpec:
    """A function of two numbers or more (min, max)."""
    params = (Param("a", "number"), Param("b", "number"))
    return FunctionSpec(name, params, Type.NUMBER, sample, variadic=True)


FUNCTIONS: Mapping[str, FunctionSpec] = {
    spec.name: spec
    for spec in (
        # The game's history, which the engine answers (`Functions`).
        FunctionSpec(
            "played",
            (Param("card", "card"), Param("by", "role", True), Param("phase", "phase", True)),
            Type.BOOL,
            "played('activer-fr-alert', by='prefecture', phase='pendant')",
            "played",
        ),
        FunctionSpec(
            "drawn",
            (Param("card", "card"), Param("phase", "phase", True)),
            Type.BOOL,
            "drawn('crue-eclair')",
            "drawn",
        ),
        FunctionSpec(
            "chosen",
            (Param("card", "card"), Param("option", "option")),
            Type.BOOL,
            "chosen('panne-reseau-mobile', 'papier')",
            "chosen",
        ),
        FunctionSpec(
            "rounds_since",
            (Param("card", "card"),),
            Type.NUMBER,
            "rounds_since('crue-eclair') >= 2",
        ),
        FunctionSpec(
            "count",
            (Param("tag", "tag"), Param("phase", "phase", True)),
            Type.NUMBER,
            "count(tag='alerte') >= 2",
        ),
        # Numbers.
        _of_numbers("min", "min(budget, 3)"),
        _of_numbers("max", "max(confiance - 2, 0)"),
        FunctionSpec("abs", (Param("x", "number"),), Type.NUMBER, "abs(confiance - 5)"),
    )
}
FUNCTION_NAMES: tuple[str, ...] = tuple(FUNCTIONS)
