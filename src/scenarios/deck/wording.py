"""A deck's condition said in words, with the titles of what it names.

Players read why a card cannot be played now: « Automate d'appel communal »,
not `alerte_tel`. The expression was checked at load, so every name it holds
is the deck's; a part these words do not cover (arithmetic, say) is left as
the author wrote it.
"""

from __future__ import annotations

import ast

import attrs

from scenarios.deck.model import Deck
from scenarios.i18n import Lang, Texts
from scenarios.rules import Expression
from scenarios.rules.functions import FUNCTIONS

TEXTS = Texts("deck")

_COMPARISONS = {
    ast.GtE: "words.ge",
    ast.Gt: "words.gt",
    ast.LtE: "words.le",
    ast.Lt: "words.lt",
    ast.Eq: "words.eq",
    ast.NotEq: "words.ne",
}


@attrs.frozen
class Requirement:
    """What a condition asks: its words, and whether it asks that something be false."""

    words: str
    negative: bool = False


def requirement(expression: Expression, deck: Deck, lang: Lang) -> Requirement:
    """The condition in words; « not X » at the top gives X and `negative`."""
    try:
        tree = ast.parse(expression.source.strip(), mode="eval").body
    except SyntaxError:  # checked at load: only a deck built by hand gets here
        return Requirement(expression.source)
    wording = _Wording(expression.source.strip(), deck, lang)
    if isinstance(tree, ast.UnaryOp) and isinstance(tree.op, ast.Not):
        return Requirement(wording.words(tree.operand, nested=False), negative=True)
    return Requirement(wording.words(tree, nested=False))


@attrs.frozen
class _Wording:
    source: str
    deck: Deck
    lang: Lang

    def t(self, msg_id: str, **params: str) -> str:
        return TEXTS(self.lang, msg_id, None, **params)

    def code(self, node: ast.AST) -> str:
        return ast.get_source_segment(self.source, node) or self.source

    def words(self, node: ast.expr, nested: bool) -> str:
        if isinstance(node, ast.BoolOp):
            joint = self.t("words.and" if isinstance(node.op, ast.And) else "words.or")
            said = f" {joint} ".join(self.words(value, nested=True) for value in node.values)
            return f"({said})" if nested else said
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return self.t("words.not", what=self.words(node.operand, nested=True))
        if isinstance(node, ast.Name):
            return self.name(node.id)
        if isinstance(node, ast.Compare) and len(node.ops) == 1:
            return self.comparison(node.left, node.ops[0], node.comparators[0])
        if isinstance(node, ast.Call):
            return self.call(node)
        return self.code(node)

    def name(self, name: str) -> str:
        deck = self.deck
        for flag in deck.flags:
            if flag.id == name:
                return flag.title
        if name in deck.indicator_index:
            return deck.indicators[deck.indicator_index[name]].title
        if name in ("turn", "round", "phase"):
            return self.t(f"words.{name}")
        return name

    def value(self, node: ast.expr) -> str:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            index = self.deck.phase_index.get(node.value)
            return self.deck.phases[index].title if index is not None else node.value
        if isinstance(node, ast.Constant) and isinstance(node.value, int):
            return str(node.value)
        if isinstance(node, ast.Name):
            return self.name(node.id)
        if isinstance(node, ast.Call):
            return self.call(node)
        return self.code(node)

    def comparison(self, left: ast.expr, op: ast.cmpop, right: ast.expr) -> str:
        key = _COMPARISONS.get(type(op))
        if key is None:
            return self.code(left) + " … " + self.code(right)
        return self.t(key, left=self.value(left), right=self.value(right))

    def call(self, node: ast.Call) -> str:
        name = node.func.id if isinstance(node.func, ast.Name) else ""
        spec = FUNCTIONS.get(name)
        values = [*node.args, *(k.value for k in node.keywords)]
        if spec is None or not node.args or not all(isinstance(v, ast.Constant) for v in values):
            return self.code(node)
        args: dict[str, str] = {}
        for param, arg in zip(spec.params, node.args, strict=False):
            args[param.name] = str(arg.value)  # type: ignore[attr-defined]
        for keyword in node.keywords:
            args[str(keyword.arg)] = str(keyword.value.value)  # type: ignore[attr-defined]
        card = self.deck.card_index.get(args.get("card", ""))
        title = card.title if card is not None else args.get("card", "")
        said: str | None = None
        if name == "played" and "by" in args:
            said = self.t("words.played_by", card=title, role=self.role(args["by"]))
        elif name == "played":
            said = self.t("words.played", card=title)
        elif name == "drawn":
            said = self.t("words.drawn", card=title)
        elif name == "chosen" and card is not None:
            option = card.option(args.get("option", ""))
            said = self.t(
                "words.chosen", option=option.title if option else args["option"], card=title
            )
        elif name == "rounds_since":
            said = self.t("words.rounds_since", card=title)
        elif name == "count":
            said = self.t("words.count", tag=args.get("tag", ""))
        if said is None:
            return self.code(node)
        if "phase" in args:
            index = self.deck.phase_index.get(args["phase"])
            phase = self.deck.phases[index].title if index is not None else args["phase"]
            said = self.t("words.in_phase", what=said, phase=phase)
        return said

    def role(self, role_id: str) -> str:
        index = self.deck.role_index.get(role_id)
        return self.deck.roles[index].title if index is not None else role_id
