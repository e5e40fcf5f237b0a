"""Turn located YAML into a checked, compiled `Deck`, reporting every error at once.

First a tolerant pass collects the ids the deck defines (so references and
expressions can be checked wherever they appear, whatever the order), then
the format table checks and builds every part.
"""

from __future__ import annotations

import hashlib
import json
import keyword
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from scenarios.deck.diagnostics import DeckError, Diagnostic, Position, sort_diagnostics
from scenarios.deck.format import DECK_FIELDS, DEFAULT_PHASES, INCLUDED_FIELDS, MAX_CARDS
from scenarios.deck.kinds import CARD_USES, KINDS
from scenarios.deck.located import LocatedList, LocatedMap
from scenarios.deck.model import Card, Deck, DeckFile, Recommendation
from scenarios.deck.spec import INVALID, Context, Obj
from scenarios.rules import BUILTIN_NAMES, FUNCTION_NAMES, Compiler, Expression, Symbols

NAMESPACES = (
    "phase",
    "role",
    "indicator",
    "flag",
    "card",
    "ending",
    "recommendation",
    "observation_tag",
    "variable",
    "handout",
    "questionnaire_item",
)
_LISTS = {
    "phases": "phase",
    "roles": "role",
    "indicators": "indicator",
    "flags": "flag",
    "cards": "card",
    "endings": "ending",
    "recommendations": "recommendation",
    "observation_tags": "observation_tag",
    "variables": "variable",
    "handouts": "handout",
    "questionnaire": "questionnaire_item",
}
_PLURAL = {namespace: key for key, namespace in _LISTS.items()}


def _identity(values: dict[str, Any], where: LocatedMap, ctx: Context) -> dict[str, Any]:
    return values


DECK = Obj("deck", "Un deck de scénario de crise (format 1).", DECK_FIELDS, _identity)
INCLUDED = Obj("included", "Un fichier de cartes inclus par un deck.", INCLUDED_FIELDS, _identity)


class IdCollector:
    """Ids defined by a deck's files, noting those defined twice."""

    def __init__(self) -> None:
        self.ids: dict[str, dict[str, str]] = {namespace: {} for namespace in NAMESPACES}
        self.first: dict[tuple[str, str], Position] = {}
        self.keys: dict[tuple[str, str], str] = {}
        self.tags: set[str] = set()
        self.options: dict[str, frozenset[str]] = {}
        self.diagnostics: list[Diagnostic] = []

    def collect(self, document: LocatedMap, main: bool) -> None:
        if main and "phases" not in document:
            for phase in DEFAULT_PHASES:
                self.ids["phase"][phase.id] = ""
        for key, namespace in _LISTS.items():
            items = document.get(key)
            if not isinstance(items, LocatedList):
                continue
            for index, item in enumerate(items):
                self._collect_item(namespace, items, index, item)

    def _collect_item(self, namespace: str, items: LocatedList, index: int, item: Any) -> None:
        if isinstance(item, str) and namespace in ("flag", "observation_tag"):
            self._define(namespace, item, "", items.at_item(index), _PLURAL[namespace])
            return
        if not isinstance(item, LocatedMap) or not isinstance(item.get("id"), str):
            return
        item_id = item["id"]
        kind = ""
        if namespace == "card":
            card_type = item.get("type")
            # "?": a misspelt type, reported where it is written; references to the card
            # are not judged by its kind, nor are its options (written for a dilemma).
            kind = card_type if isinstance(card_type, str) and card_type in KINDS else "?"
            tags = item.get("tags")
            if isinstance(tags, list):
                self.tags.update(tag for tag in tags if isinstance(tag, str))
            options = item.get("options")
            with_options = kind == "?" or KINDS[kind].options
            if with_options and isinstance(options, list):
                self.options[item_id] = frozenset(
                    o["id"] for o in options if isinstance(o, dict) and isinstance(o.get("id"), str)
                )
        self._define(namespace, item_id, kind, item.at_value("id"), "id")

    def _define(self, namespace: str, item_id: str, kind: str, at: Position, key: str) -> None:
        """Record `item_id`, written at `at` under `key` (`id`, or `flags` for a bare name)."""
        if item_id in self.ids[namespace]:
            first = str(self.first[(namespace, item_id)])
            self.diagnostics.append(
                Diagnostic(
                    "id.duplicate",
                    at,
                    {"namespace": namespace, "value": item_id, "first": first},
                    key=key,
                )
            )
            return
        self.ids[namespace][item_id] = kind
        self.first[(namespace, item_id)] = at
        self.keys[(namespace, item_id)] = key

    def check_names(self) -> None:
        """Indicators and flags are bare names in expressions: they must not clash."""
        reserved = set(BUILTIN_NAMES) | set(FUNCTION_NAMES)
        for namespace in ("indicator", "flag"):
            for name in self.ids[namespace]:
                position = self.first[(namespace, name)]
                key = self.keys[(namespace, name)]
                if name in reserved or keyword.iskeyword(name):
                    self.diagnostics.append(
                        Diagnostic(
                            "name.reserved",
                            position,
                            {"value": name, "reserved": ", ".join(sorted(reserved))},
                            key=key,
                        )
                    )
                elif namespace == "flag" and name in self.ids["indicator"]:
                    self.diagnostics.append(
                        Diagnostic("name.collision", position, {"value": name}, key=key)
                    )

    def symbols(self) -> Symbols:
        return Symbols.build(
            indicators=tuple(self.ids["indicator"]),
            flags=tuple(self.ids["flag"]),
            cards=self.ids["card"],
            kinds=CARD_USES,
            options=self.options,
            roles=tuple(self.ids["role"]),
            phases=tuple(self.ids["phase"]),
            tags=tuple(sorted(self.tags)),
        )


def build_deck(
    main: LocatedMap,
    included: Sequence[LocatedMap],
    files: Sequence[DeckFile],
    diagnostics: Iterable[Diagnostic] = (),
) -> Deck:
    """The deck described by `main` and its `included` files, or `DeckError` with all errors."""
    _check_card_count((main, *included))
    collector = IdCollector()
    collector.collect(main, main=True)
    for document in included:
        collector.collect(document, main=False)
    collector.check_names()
    # Dilemmas' options as `card/option`, which lessons name (`format.Subject`).
    options = {
        f"{card}/{option}": card for card, ids in collector.options.items() for option in ids
    }
    ids = {**collector.ids, "option": options}
    ctx = Context(ids, Compiler(collector.symbols(), main.file))
    ctx.diagnostics.extend(diagnostics)
    ctx.diagnostics.extend(collector.diagnostics)
    values = DECK.check(main, ctx, main.at())
    extra_cards: list[Card] = []
    extra_recommendations: list[Recommendation] = []
    for document in included:
        part = INCLUDED.check(document, ctx, document.at())
        if part is not INVALID:
            extra_cards.extend(part["cards"])
            extra_recommendations.extend(part["recommendations"])
    errors = [d for d in ctx.diagnostics if d.severity == "error"]
    if errors or values is INVALID:
        raise DeckError(sort_diagnostics(ctx.diagnostics))
    values.pop("include")
    values["phases"] = values["phases"] or DEFAULT_PHASES
    values["cards"] = (*values["cards"], *extra_cards)
    values["recommendations"] = (*values["recommendations"], *extra_recommendations)
    deck = Deck(**values, files=tuple(files), sha256=deck_sha256(files), where=main)
    return attrs.evolve(deck, content_sha256=content_sha256(deck))


def _check_card_count(documents: Sequence[LocatedMap]) -> None:
    """`DeckError` if the files together hold more than MAX_CARDS cards, before checking any."""
    lists = [d["cards"] for d in documents if isinstance(d.get("cards"), LocatedList)]
    total = sum(len(cards) for cards in lists)
    if total <= MAX_CARDS:
        return
    running = 0
    for cards in lists:
        running += len(cards)
        if running > MAX_CARDS:
            at = cards.at_item(MAX_CARDS - (running - len(cards)))
            limit = {"count": total, "limit": MAX_CARDS}
            raise DeckError([Diagnostic("deck.too_many_cards", at, limit, key="cards")])


# Fields that say where a value was written or what it was compiled into, not what it says;
# and the lessons, which say what the games should show and change none of them: adding one
# changes no game's hash.
_NOT_CONTENT = frozenset(
    {"where", "at", "files", "sha256", "content_sha256", "kind", "fn", "lessons"}
)


def content_sha256(deck: Deck) -> str:
    """A digest of the checked deck's content: every field of every part that is not at its
    default, in order, with expressions as their source; positions, files, comments and
    layout left out.

    Two decks that load equal (`==`) have the same digest, whichever files they came from:
    a YAML written anew by `scenarios import` included.
    """
    return hashlib.sha256(_content_json(deck).encode("utf-8")).hexdigest()


def _content(value: Any) -> Any:
    if isinstance(value, Expression):
        return value.source
    if attrs.has(type(value)):
        return [
            type(value).__name__,
            {
                field.name: _content(getattr(value, field.name))
                for field in attrs.fields(type(value))
                if field.eq
                and field.name not in _NOT_CONTENT
                and not _is_default(field, getattr(value, field.name))
            },
        ]
    if isinstance(value, (tuple, list, frozenset)):
        items = [_content(item) for item in value]
        return sorted(items, key=repr) if isinstance(value, frozenset) else items
    if isinstance(value, float) and value.is_integer():
        return int(value)  # `weight: 1` and `weight: 1.0` say the same
    return value


def _is_default(field: attrs.Attribute[Any], value: Any) -> bool:
    """A field left at its default is left out, so a new optional key of the format
    changes no digest (and no journal's hash) of the decks that do not use it."""
    default = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return False
    return default is not attrs.NOTHING and bool(value == default)


def _content_json(deck: Deck) -> str:
    return json.dumps(_content(deck), ensure_ascii=False, separators=(",", ":"))


def deck_sha256(files: Iterable[DeckFile]) -> str:
    """A digest of the deck's files (names and texts, in order): the deck's identity in journals."""
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode("utf-8") + b"\0" + file.text.encode("utf-8") + b"\0")
    return digest.hexdigest()
