"""What an expression may refer to: the names and ids a deck defines.

The deck layer builds one `Symbols` per deck; the checker resolves every name,
card, role, phase, option and tag against it, so a typo is a load error and
never a surprise at the table.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from scenarios.rules.functions import CardUse
from scenarios.rules.types import Type

# Names every deck has, whatever it defines.
BUILTIN_NAMES: Mapping[str, Type] = {
    "turn": Type.NUMBER,
    "round": Type.NUMBER,
    "phase": Type.STRING,
}


@attrs.frozen
class Symbols:
    """Identifiers a deck defines, grouped by kind.

    `names` maps bare names (indicators, flags and the built-ins) to their
    types; `cards` maps card ids to their kind (event, decision, dilemma);
    `kinds` maps each kind to what the functions may ask of its cards;
    `options` maps each card with options to their ids.
    """

    names: Mapping[str, Type]
    cards: Mapping[str, str] = attrs.field(factory=dict)
    kinds: Mapping[str, frozenset[CardUse]] = attrs.field(factory=dict)
    options: Mapping[str, frozenset[str]] = attrs.field(factory=dict)
    roles: frozenset[str] = frozenset()
    phases: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()

    @classmethod
    def build(
        cls,
        *,
        indicators: tuple[str, ...] = (),
        flags: tuple[str, ...] = (),
        cards: Mapping[str, str] | None = None,
        kinds: Mapping[str, frozenset[CardUse]] | None = None,
        options: Mapping[str, frozenset[str]] | None = None,
        roles: tuple[str, ...] = (),
        phases: tuple[str, ...] = (),
        tags: tuple[str, ...] = (),
    ) -> Symbols:
        """Symbols with the built-in names, indicators (numbers) and flags (true/false)."""
        names: dict[str, Type] = dict(BUILTIN_NAMES)
        names.update({name: Type.NUMBER for name in indicators})
        names.update({name: Type.BOOL for name in flags})
        return cls(
            names=names,
            cards=dict(cards or {}),
            kinds=dict(kinds or {}),
            options=dict(options or {}),
            roles=frozenset(roles),
            phases=frozenset(phases),
            tags=frozenset(tags),
        )
