"""Variables of a deck: `{{id}}` in its texts, filled with the values chosen at setup.

A deck declares its variables (`variables:` in the format); every screen and
export shows its texts filled, because the session opens the deck through
`with_variables`. Values are data, not templates: a value that holds `{{x}}`
is shown as it is, never expanded again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

import attrs

from scenarios.deck.model import Card, Deck

# `{{id}}`, spaces allowed inside the braces (`{{ id }}`); anything between them that is
# not a brace nor a space is read as a variable's name, so that a misspelt one is reported.
PLACEHOLDER = re.compile(r"\{\{\s*([^{}\s]+)\s*\}\}")

# The text fields filled in each part of a deck (tuples of texts too: `expected`).
FILLED: Mapping[str, tuple[str, ...]] = {
    "Deck": ("title", "summary", "facilitator"),
    "Phase": ("title", "text", "facilitator"),
    "Role": ("title", "text", "facilitator"),
    "Indicator": ("title", "text"),
    "Flag": ("title",),
    "Card": ("title", "text", "facilitator", "expected"),
    "Option": ("title", "text", "facilitator"),
    "Ending": ("title", "text"),
    "Recommendation": ("title", "text", "actor", "deadline", "lead", "indicator"),
    "ObservationTag": ("title", "text"),
    "Handout": ("title", "text"),
    "QuestionnaireItem": ("text",),
}

T = TypeVar("T")


def names(text: str) -> Iterator[tuple[str, str]]:
    """The variables `text` names, as (id, the placeholder as written), in order."""
    if "{{" not in text:
        return
    for match in PLACEHOLDER.finditer(text):
        yield match.group(1), match.group(0)


def fill(text: str, values: Mapping[str, str]) -> str:
    """`text` with each `{{id}}` of `values` replaced by its value; other braces kept as written."""
    if "{{" not in text:
        return text
    return PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)


def with_variables(deck: Deck, values: Mapping[str, str] | None = None) -> Deck:
    """`deck` with every text filled: `values` first, each variable's default otherwise.

    Ids in `values` that the deck does not declare are ignored. A part whose
    texts hold no placeholder is kept as it is (shared, not copied).
    """
    if not deck.variables:
        return deck
    given = values or {}
    filled = {variable.id: given.get(variable.id, variable.default) for variable in deck.variables}

    def text(value: str) -> str:
        return fill(value, filled)

    def part(item: T) -> T:
        return _filled(item, text)

    cards = tuple(_card(card, text) for card in deck.cards)
    return _filled(
        deck,
        text,
        phases=tuple(map(part, deck.phases)),
        roles=tuple(map(part, deck.roles)),
        indicators=tuple(map(part, deck.indicators)),
        flags=tuple(map(part, deck.flags)),
        cards=cards,
        endings=tuple(map(part, deck.endings)),
        recommendations=tuple(map(part, deck.recommendations)),
        observation_tags=tuple(map(part, deck.observation_tags)),
        handouts=tuple(map(part, deck.handouts)),
        questionnaire=tuple(map(part, deck.questionnaire)),
    )


def _card(card: Card, text: Callable[[str], str]) -> Card:
    if not card.options:
        return _filled(card, text)
    return _filled(card, text, options=tuple(_filled(option, text) for option in card.options))


def _filled(item: T, text: Callable[[str], str], **parts: Any) -> T:
    """`item` with its `FILLED` fields filled and `parts` put in; itself when nothing changed."""
    changes: dict[str, Any] = {}
    for field in FILLED[type(item).__name__]:
        value = getattr(item, field)
        new = tuple(map(text, value)) if isinstance(value, tuple) else text(value)
        if new != value:
            changes[field] = new
    for field, value in parts.items():
        if any(a is not b for a, b in zip(value, getattr(item, field), strict=True)):
            changes[field] = value
    return attrs.evolve(item, **changes) if changes else item  # type: ignore[misc]
