"""What an expression can possibly give, over ranges of values rather than values.

Used by the deck linter to prove that a condition can never hold: numbers are
intervals, true/false values are "surely true", "surely false" or "either",
texts are sets of possible values. The answer is sound for "never": if the
evaluation says a condition is surely false, no game can make it true.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping

import attrs

INFINITY = 10**12


@attrs.frozen
class Interval:
    low: int
    high: int

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    def __mul__(self, other: Interval) -> Interval:
        products = [a * b for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(max(-INFINITY, min(products)), min(INFINITY, max(products)))

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low)


ANY_NUMBER = Interval(-INFINITY, INFINITY)
Truth = bool | None  # True: surely true; False: surely false; None: either
Value = Interval | Truth | frozenset[str]


@attrs.frozen
class Domain:
    """What each name may be, and whether each game function call may hold."""

    names: Mapping[str, Value]
    calls: Callable[[str, tuple[str | None, ...]], Value]


def possible(source: str, domain: Domain) -> Truth:
    """Whether the condition `source` is surely true, surely false, or either, over `domain`."""
    tree = ast.parse(source.strip(), mode="eval")
    value = _eval(tree.body, domain)
    return value if isinstance(value, bool) or value is None else None


def _truth_and(values: list[Truth]) -> Truth:
    if any(v is False for v in values):
        return False
    return True if all(v is True for v in values) else None


def _truth_or(values: list[Truth]) -> Truth:
    if any(v is True for v in values):
        return True
    return False if all(v is False for v in values) else None


def _eval(node: ast.expr, domain: Domain) -> Value:
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool):
            return node.value
        if isinstance(node.value, int):
            return Interval(node.value, node.value)
        return frozenset({str(node.value)})
    if isinstance(node, ast.Name):
        return domain.names.get(node.id, None)
    if isinstance(node, ast.BoolOp):
        values = [_as_truth(_eval(v, domain)) for v in node.values]
        return _truth_and(values) if isinstance(node.op, ast.And) else _truth_or(values)
    if isinstance(node, ast.UnaryOp):
        operand = _eval(node.operand, domain)
        if isinstance(node.op, ast.Not):
            truth = _as_truth(operand)
            return None if truth is None else not truth
        number = _as_interval(operand)
        return -number if isinstance(node.op, ast.USub) else number
    if isinstance(node, ast.BinOp):
        left = _as_interval(_eval(node.left, domain))
        right = _as_interval(_eval(node.right, domain))
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        return ANY_NUMBER
    if isinstance(node, ast.Compare):
        return _compare(node, domain)
    if isinstance(node, ast.IfExp):
        test = _as_truth(_eval(node.test, domain))
        body, orelse = _eval(node.body, domain), _eval(node.orelse, domain)
        if test is True:
            return body
        if test is False:
            return orelse
        return _union(body, orelse)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return _call(node, domain)
    return None


def _as_truth(value: Value) -> Truth:
    return value if isinstance(value, bool) else None


def _as_interval(value: Value) -> Interval:
    return value if isinstance(value, Interval) else ANY_NUMBER


def _union(a: Value, b: Value) -> Value:
    if isinstance(a, Interval) and isinstance(b, Interval):
        return Interval(min(a.low, b.low), max(a.high, b.high))
    if isinstance(a, frozenset) and isinstance(b, frozenset):
        return a | b
    if isinstance(a, bool) and isinstance(b, bool) and a == b:
        return a
    return None


def _compare(node: ast.Compare, domain: Domain) -> Truth:
    results: list[Truth] = []
    left = _eval(node.left, domain)
    for op, right_node in zip(node.ops, node.comparators, strict=True):
        right = _eval(right_node, domain)
        results.append(_compare_pair(op, left, right))
        left = right
    return _truth_and(results)


def _compare_pair(op: ast.cmpop, left: Value, right: Value) -> Truth:
    if isinstance(op, (ast.In, ast.NotIn)):
        if isinstance(left, frozenset) and isinstance(right, frozenset):
            inside = _sets_equal_or_disjoint(left, right)
            if inside is None:
                return None
            return inside if isinstance(op, ast.In) else not inside
        return None
    if isinstance(left, Interval) and isinstance(right, Interval):
        if isinstance(op, ast.Lt):
            return True if left.high < right.low else False if left.low >= right.high else None
        if isinstance(op, ast.LtE):
            return True if left.high <= right.low else False if left.low > right.high else None
        if isinstance(op, ast.Gt):
            return True if left.low > right.high else False if left.high <= right.low else None
        if isinstance(op, ast.GtE):
            return True if left.low >= right.high else False if left.high < right.low else None
        single = left.low == left.high == right.low == right.high
        apart = left.high < right.low or right.high < left.low
        if isinstance(op, ast.Eq):
            return True if single else False if apart else None
        if isinstance(op, ast.NotEq):
            return False if single else True if apart else None
    if isinstance(left, frozenset) and isinstance(right, frozenset):
        same = left == right and len(left) == 1
        apart = not (left & right)
        if isinstance(op, ast.Eq):
            return True if same else False if apart else None
        if isinstance(op, ast.NotEq):
            return False if same else True if apart else None
    if isinstance(left, bool) and isinstance(right, bool):
        if isinstance(op, ast.Eq):
            return left == right
        if isinstance(op, ast.NotEq):
            return left != right
    return None


def _sets_equal_or_disjoint(values: frozenset[str], allowed: frozenset[str]) -> Truth:
    if values <= allowed:
        return True
    if not values & allowed:
        return False
    return None


def _call(node: ast.Call, domain: Domain) -> Value:
    name = node.func.id  # type: ignore[attr-defined]
    args: list[str | None] = []
    for arg in node.args:
        literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
        args.append(arg.value if literal else None)  # type: ignore[attr-defined]
    keywords = {
        k.arg: k.value.value
        for k in node.keywords
        if isinstance(k.value, ast.Constant) and isinstance(k.value.value, str)
    }
    if name in ("min", "max", "abs"):
        values = [_as_interval(_eval(arg, domain)) for arg in node.args]
        if name == "abs":
            v = values[0]
            low = 0 if v.low <= 0 <= v.high else min(abs(v.low), abs(v.high))
            return Interval(low, max(abs(v.low), abs(v.high)))
        pick = min if name == "min" else max
        return Interval(pick(v.low for v in values), pick(v.high for v in values))
    ordered = {
        "played": ("card", "by", "phase"),
        "drawn": ("card", "phase"),
        "chosen": ("card", "option"),
        "rounds_since": ("card",),
        "count": ("tag", "phase"),
    }
    params = ordered.get(name, ())
    full = [args[i] if i < len(args) else keywords.get(p) for i, p in enumerate(params)]
    return domain.calls(name, tuple(full))
