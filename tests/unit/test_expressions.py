"""The expression language: what it accepts, what it refuses, and that it computes right."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scenarios.deck.kinds import CARD_USES
from scenarios.rules import ExprError, Symbols, Type, compile_expression

SYMBOLS = Symbols.build(
    indicators=("confiance", "budget", "victimes"),
    flags=("inondation", "fr_alert"),
    cards={"alerter": "decision", "crue": "event", "panne": "dilemma"},
    kinds=CARD_USES,
    options={"panne": frozenset({"papier", "attendre"})},
    roles=("prefecture", "commune"),
    phases=("avant", "pendant", "apres"),
    tags=("alerte",),
)


class Functions:
    """A stand-in for the engine's game functions, with fixed answers."""

    def __init__(self, played: bool = True, count: int = 2) -> None:
        self._played = played
        self._count = count

    def played(self, card: str, by: str | None = None, phase: str | None = None) -> bool:
        return self._played and card == "alerter"

    def drawn(self, card: str, phase: str | None = None) -> bool:
        return card == "crue"

    def chosen(self, card: str, option: str) -> bool:
        return option == "papier"

    def rounds_since(self, card: str) -> int:
        return 3 if card == "crue" else -1

    def count(self, tag: str, phase: str | None = None) -> int:
        return self._count


VALUES: dict[str, Any] = {
    "confiance": 3,
    "budget": 5,
    "victimes": 0,
    "inondation": True,
    "fr_alert": False,
    "turn": 4,
    "round": 1,
    "phase": "pendant",
}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("confiance < 4 and turn >= 2", True),
        ("not inondation or fr_alert", False),
        ("-1 if fr_alert else -2", -2),
        ("budget // 2 + budget % 2", 3),
        ("budget // (confiance - 3)", 0),
        ("phase in ('avant', 'pendant')", True),
        ("phase not in ('apres',)", True),
        ("1 < confiance <= 3", True),
        ("max(confiance, budget, 1) - min(1, 2) + abs(-3)", 7),
        ("played('alerter', by='prefecture', phase='pendant')", True),
        ("drawn('crue') and not drawn('panne')", True),
        ("chosen('panne', 'papier')", True),
        ("rounds_since('crue') >= 2", True),
        ("count(tag='alerte') * 2", 4),
        ("count('alerte', phase='avant') == 2", True),
        ("True", True),
        ("'texte' == 'texte'", True),
    ],
)
def test_valid_expressions_compute_what_they_say(source: str, expected: object) -> None:
    expression = compile_expression(source, SYMBOLS)
    assert expression(VALUES, Functions()) == expected


@pytest.mark.parametrize(
    ("source", "code"),
    [
        ("budget.real", "expr.attribute"),
        ("().__class__.__bases__", "expr.attribute"),
        ("budget[0]", "expr.subscript"),
        ("2 ** 10", "expr.power"),
        ("budget / 2", "expr.division"),
        ("budget << 2", "expr.operator"),
        ("budget is 2", "expr.operator"),
        ("lambda: 1", "expr.construct"),
        ("[x for x in (1, 2)]", "expr.construct"),
        ("f'{budget}'", "expr.construct"),
        ("(y := 2)", "expr.construct"),
        ("{1: 2}", "expr.construct"),
        ("__import__('os')", "expr.unknown_function"),
        ("_secret", "expr.private_name"),
        ("eval('1')", "expr.unknown_function"),
        ("budget.__class__.__subclasses__()", "expr.attribute"),
        ("1.5 > budget", "expr.float"),
        ("10000000000 > budget", "expr.big_number"),
        ("'" + "a" * 300 + "' == 'a'", "expr.long_string"),
        ("'a' * 1000000", "expr.operand_type"),
        ("None", "expr.none"),
        ("moral > 1", "expr.unknown_name"),
        ("played('crue')", "expr.card_kind"),
        ("played('nulle')", "expr.unknown_card"),
        ("played('alerter', by='maire')", "expr.unknown_role"),
        ("drawn('crue', phase='durant')", "expr.unknown_phase"),
        ("chosen('panne', 'fuir')", "expr.unknown_option"),
        ("count(tag='alert')", "expr.unknown_tag"),
        ("played(phase)", "expr.literal_arg"),
        ("played()", "expr.arity"),
        ("played('alerter', qui='x')", "expr.bad_keyword"),
        ("min(1)", "expr.arity"),
        ("budget and fr_alert", "expr.operand_type"),
        ("budget == fr_alert", "expr.compare_types"),
        ("phase > 2", "expr.order_type"),
        ("1 if fr_alert else True", "expr.branch_types"),
        ("phase == 'pendent'", "expr.unknown_phase"),
        ("phase in phase", "expr.in_operand"),
        ("budget // 0", "expr.div_zero"),
        ("", "expr.empty"),
        ("budget >", "expr.syntax"),
        ("(" * 250 + "1" + ")" * 250, "expr.syntax"),
        ("not " * 60 + "True", "expr.too_deep"),
        ("1 + " * 300 + "1", "expr.too_long"),
    ],
)
def test_forbidden_or_wrong_expressions_are_refused_with_a_reason(source: str, code: str) -> None:
    with pytest.raises(ExprError) as caught:
        compile_expression(source, SYMBOLS, Type.BOOL)
    assert caught.value.code == code
    assert caught.value.message("fr")
    assert caught.value.message("en")


def test_a_condition_must_give_true_or_false() -> None:
    with pytest.raises(ExprError) as caught:
        compile_expression("budget + 1", SYMBOLS, Type.BOOL)
    assert "budget + 1 > 0" in caught.value.message("fr")


def test_a_long_flat_sum_is_one_level_deep_not_one_per_term() -> None:
    # 41 terms used to be refused as "more than 40 levels of parentheses".
    expression = compile_expression(" + ".join(["1"] * 41), SYMBOLS, Type.NUMBER)
    assert expression({}, Functions()) == 41
    with pytest.raises(ExprError) as caught:
        compile_expression("1 - (" * 41 + "1" + ")" * 41, SYMBOLS, Type.NUMBER)
    assert caught.value.code == "expr.too_deep"


def test_error_positions_point_inside_the_expression() -> None:
    with pytest.raises(ExprError) as caught:
        compile_expression("inondation and moral > 2", SYMBOLS)
    assert (caught.value.line, caught.value.col) == (1, 16)


def test_compiled_function_reaches_no_builtins() -> None:
    expression = compile_expression("max(budget, 1)", SYMBOLS)
    assert expression.fn.__globals__["__builtins__"] == {}


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=120))
def test_arbitrary_text_only_ever_raises_our_error(source: str) -> None:
    with contextlib.suppress(ExprError):
        compile_expression(source, SYMBOLS)


TOKENS = [
    "confiance",
    "budget",
    "inondation",
    "fr_alert",
    "turn",
    "phase",
    "moral",
    "__class__",
    "(",
    ")",
    "[",
    "]",
    ",",
    ".",
    "+",
    "-",
    "*",
    "//",
    "/",
    "%",
    "**",
    "and",
    "or",
    "not",
    "==",
    "<",
    ">=",
    "in",
    "if",
    "else",
    "1",
    "0",
    "99999999999",
    "'pendant'",
    "'x'",
    "True",
    "None",
    "played",
    "drawn",
    "count",
    "min",
    "lambda",
    ":",
    "=",
    "tag",
    "'alerte'",
    "'alerter'",
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=25))
def test_token_soup_only_ever_raises_our_error(tokens: list[str]) -> None:
    try:
        expression = compile_expression(" ".join(tokens), SYMBOLS)
    except ExprError:
        return
    expression(VALUES, Functions())


# Well-typed random expressions, checked against Python's own evaluation (tests only).

NUMBER_NAMES = ("confiance", "budget", "victimes", "turn", "round")
BOOL_NAMES = ("inondation", "fr_alert")


def numbers(depth: int) -> st.SearchStrategy[str]:
    leaf = st.one_of(
        st.integers(-1000, 1000).map(str),
        st.sampled_from(NUMBER_NAMES),
        st.sampled_from(["count(tag='alerte')", "rounds_since('crue')"]),
    )
    if depth <= 0:
        return leaf
    sub = numbers(depth - 1)
    return st.one_of(
        leaf,
        st.tuples(sub, st.sampled_from(["+", "-", "*"]), sub).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"
        ),
        st.tuples(sub, st.sampled_from(["//", "%"]), sub).map(
            lambda t: f"({t[0]} {t[1]} (abs({t[2]}) + 1))"
        ),
        sub.map(lambda s: f"-{s}"),
        st.tuples(sub, sub).map(lambda t: f"max({t[0]}, {t[1]})"),
        st.tuples(booleans(depth - 1), sub, sub).map(lambda t: f"({t[1]} if {t[0]} else {t[2]})"),
    )


def booleans(depth: int) -> st.SearchStrategy[str]:
    leaf = st.one_of(
        st.sampled_from(BOOL_NAMES),
        st.sampled_from(
            [
                "True",
                "False",
                "played('alerter')",
                "drawn('crue', phase='avant')",
                "chosen('panne', 'attendre')",
                "phase == 'avant'",
                "phase in ('avant', 'apres')",
            ]
        ),
    )
    if depth <= 0:
        return leaf
    sub = booleans(depth - 1)
    nums = numbers(depth - 1)
    return st.one_of(
        leaf,
        st.tuples(sub, st.sampled_from(["and", "or"]), sub).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"
        ),
        sub.map(lambda s: f"not {s}"),
        st.tuples(nums, st.sampled_from(["<", "<=", ">", ">=", "==", "!="]), nums).map(
            lambda t: f"({t[0]} {t[1]} {t[2]})"
        ),
    )


contexts = st.fixed_dictionaries(
    {
        "confiance": st.integers(-20, 20),
        "budget": st.integers(-20, 20),
        "victimes": st.integers(0, 100),
        "inondation": st.booleans(),
        "fr_alert": st.booleans(),
        "turn": st.integers(1, 30),
        "round": st.integers(1, 5),
        "phase": st.sampled_from(["avant", "pendant", "apres"]),
    }
)


@settings(max_examples=500, deadline=None)
@given(booleans(3), contexts, st.booleans(), st.integers(0, 5))
def test_compiled_conditions_agree_with_python(
    source: str, values: dict[str, Any], played: bool, count: int
) -> None:
    functions = Functions(played, count)
    expected = _reference(source, values, functions)
    assert compile_expression(source, SYMBOLS, Type.BOOL)(values, functions) == expected


@settings(max_examples=500, deadline=None)
@given(numbers(3), contexts, st.integers(0, 5))
def test_compiled_numbers_agree_with_python(
    source: str, values: dict[str, Any], count: int
) -> None:
    functions = Functions(True, count)
    expected = _reference(source, values, functions)
    assert compile_expression(source, SYMBOLS, Type.NUMBER)(values, functions) == expected


def _reference(source: str, values: dict[str, Any], functions: Functions) -> object:
    """Python's own evaluation of the same text: the oracle, used in tests only."""
    namespace = dict(values)
    namespace.update(
        played=functions.played,
        drawn=functions.drawn,
        chosen=functions.chosen,
        rounds_since=functions.rounds_since,
        count=functions.count,
        min=min,
        max=max,
        abs=abs,
    )
    return eval(source, {"__builtins__": {}}, namespace)
