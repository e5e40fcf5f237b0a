"""Check an expression against a deck's symbols and compile it to a fast function.

The text is parsed with Python's own `ast` parser, then walked once: every node
must be of a whitelisted kind, every name, card, role, phase, option and tag
must exist in the deck, and operand types must agree. The same walk rewrites
the tree into `lambda v, f: ...` where bare names read `v[...]` and game
functions call `f....`; compiling that tree gives a code object that runs at
the speed of hand-written Python (see benchmarks/), with no `eval` of the
author's text and nothing reachable but what the rewrite put there.

Bounds: at most MAX_LENGTH characters, MAX_NODES parts, MAX_DEPTH levels;
whole numbers within ±MAX_INT; texts of at most MAX_STRING characters; no
`**`, no `/`, no string repetition. `//` and `%` by a zero that only shows up
at play time give 0 instead of stopping the game.
"""

from __future__ import annotations

import ast
import types
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from scenarios.i18n import suggest
from scenarios.rules.errors import ExprError
from scenarios.rules.functions import FUNCTION_NAMES, FUNCTIONS, Functions, FunctionSpec
from scenarios.rules.symbols import Symbols
from scenarios.rules.types import Type

MAX_LENGTH = 1000
MAX_NODES = 400
MAX_DEPTH = 40
MAX_INT = 10**9
MAX_STRING = 200
MAX_IN_ITEMS = 64

Values = Mapping[str, Any]
Evaluator = Callable[[Values, Functions], Any]


@attrs.frozen
class Expression:
    """A checked and compiled expression, called with the game's values and functions."""

    source: str
    type: Type
    fn: Evaluator = attrs.field(eq=False, repr=False)
    names: frozenset[str] = frozenset()
    calls: tuple[tuple[str, tuple[str | None, ...]], ...] = ()

    def __call__(self, values: Values, functions: Functions) -> Any:
        return self.fn(values, functions)


def _div(a: int, b: int) -> int:
    return 0 if b == 0 else a // b


def _mod(a: int, b: int) -> int:
    return 0 if b == 0 else a % b


_GLOBALS: Mapping[str, object] = {
    "__builtins__": {},
    "_div": _div,
    "_mod": _mod,
    "_min": min,
    "_max": max,
    "_abs": abs,
}

# Every node the rewrite builds gets a dummy location, which `compile` needs
# (cheaper than ast.fix_missing_locations on every expression of a large deck).
_LOC: dict[str, Any] = {"lineno": 1, "col_offset": 0, "end_lineno": 1, "end_col_offset": 0}

_ALLOWED_BINOPS: Mapping[type[ast.operator], str] = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.FloorDiv: "//",
    ast.Mod: "%",
}

_FORBIDDEN_BINOPS: Mapping[type[ast.operator], str] = {
    ast.Pow: "**",
    ast.Div: "/",
    ast.MatMult: "@",
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitOr: "|",
    ast.BitAnd: "&",
    ast.BitXor: "^",
}

_COMPARE_SYMBOLS: Mapping[type[ast.cmpop], str] = {
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.Is: "is",
    ast.IsNot: "is not",
}

_CONSTRUCTS: Mapping[type[ast.AST], str] = {
    ast.Lambda: "lambda",
    ast.ListComp: "comprehension",
    ast.SetComp: "comprehension",
    ast.DictComp: "comprehension",
    ast.GeneratorExp: "comprehension",
    ast.JoinedStr: "fstring",
    ast.FormattedValue: "fstring",
    ast.NamedExpr: "walrus",
    ast.Starred: "starred",
    ast.Dict: "dict",
    ast.Set: "set",
    ast.List: "list",
    ast.Tuple: "list",
    ast.Await: "await",
    ast.Yield: "yield",
    ast.YieldFrom: "yield",
    ast.Slice: "slice",
}


class Compiler:
    """Compiles expressions for one deck, reusing the work for repeated texts."""

    def __init__(self, symbols: Symbols, filename: str = "<deck>") -> None:
        self.symbols = symbols
        self.filename = filename
        self._cache: dict[tuple[str, Type | None], Expression] = {}

    def compile(self, source: object, expected: Type | None = None) -> Expression:
        """Check `source` and compile it; `expected` is the type the site needs.

        Raises `ExprError` with a position inside `source` when the text is
        refused.
        """
        if not isinstance(source, str):
            raise ExprError("expr.not_text", got=repr(source))
        key = (source, expected)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        expression = _compile(source, self.symbols, expected, self.filename)
        self._cache[key] = expression
        return expression


def compile_expression(
    source: str, symbols: Symbols, expected: Type | None = None, filename: str = "<deck>"
) -> Expression:
    """Check and compile one expression (see `Compiler` to compile many)."""
    return Compiler(symbols, filename).compile(source, expected)


def _compile(source: str, symbols: Symbols, expected: Type | None, filename: str) -> Expression:
    text = source.strip()
    if not text:
        raise ExprError("expr.empty")
    if len(source) > MAX_LENGTH:
        raise ExprError("expr.too_long", length=len(source), limit=MAX_LENGTH)
    tree = _parse(source)
    checker = _Checker(source, symbols)
    got, body = checker.visit(tree.body)
    if expected is not None and got is not expected:
        raise ExprError(
            "expr.result_type",
            *_position(source, tree.body),
            got=got,
            expected=expected,
            example=_result_example(source.strip(), got, expected),
        )
    lambda_node = ast.Lambda(
        args=ast.arguments(
            posonlyargs=[],
            args=[ast.arg(arg="v", **_LOC), ast.arg(arg="f", **_LOC)],
            kwonlyargs=[],
            kw_defaults=[],
            defaults=[],
        ),
        body=body,
        **_LOC,
    )
    module = ast.Expression(body=lambda_node)
    code = compile(module, filename, "eval")
    function_code = next(c for c in code.co_consts if isinstance(c, types.CodeType))
    fn = types.FunctionType(function_code, dict(_GLOBALS))
    return Expression(
        source=source,
        type=got,
        fn=fn,
        names=frozenset(checker.names),
        calls=tuple(checker.calls),
    )


def _parse(source: str) -> ast.Expression:
    try:
        return ast.parse(source.strip(), mode="eval")
    except SyntaxError as error:
        offset = source.find(source.strip()[:1]) if source.strip() else 0
        line = error.lineno or 1
        col = (error.offset or 1) + (offset if line == 1 else 0)
        raise ExprError("expr.syntax", line, col, detail=error.msg) from None
    except (ValueError, RecursionError, MemoryError) as error:
        raise ExprError("expr.syntax", detail=type(error).__name__) from None


def _position(source: str, node: ast.AST) -> tuple[int, int]:
    """1-based line and character column of `node` inside the original `source`."""
    stripped_offset = len(source) - len(source.lstrip())
    lines = source.strip().splitlines() or [""]
    lineno = getattr(node, "lineno", 1)
    byte_col = getattr(node, "col_offset", 0)
    line_text = lines[min(lineno, len(lines)) - 1]
    col = len(line_text.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore")) + 1
    leading = source[:stripped_offset]
    lineno += leading.count("\n")
    if lineno == 1 + leading.count("\n"):
        col += len(leading.rsplit("\n", 1)[-1])
    return lineno, col


def _result_example(text: str, got: Type, expected: Type) -> str:
    if got is Type.NUMBER and expected is Type.BOOL:
        return f"{text} > 0"
    if got is Type.BOOL and expected is Type.NUMBER:
        return f"1 if {text} else 0"
    return ""


class _Checker:
    """One walk that checks types and references and rewrites for compilation."""

    def __init__(self, source: str, symbols: Symbols) -> None:
        self.source = source
        self.symbols = symbols
        self.names: set[str] = set()
        self.calls: list[tuple[str, tuple[str | None, ...]]] = []
        self.nodes = 0
        self.depth = 0

    def error(self, code: str, node: ast.AST, **params: object) -> ExprError:
        line, col = _position(self.source, node)
        return ExprError(code, line, col, **params)

    def segment(self, node: ast.AST) -> str:
        return ast.get_source_segment(self.source.strip(), node) or type(node).__name__

    def visit(self, node: ast.AST) -> tuple[Type, ast.expr]:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise ExprError("expr.too_complex", nodes=f">{MAX_NODES}", limit=MAX_NODES)
        if self.depth >= MAX_DEPTH:
            raise ExprError("expr.too_deep", limit=MAX_DEPTH)
        method = getattr(self, "visit_" + type(node).__name__, None)
        if method is None:
            raise self._refusal(node)
        self.depth += 1
        try:
            result: tuple[Type, ast.expr] = method(node)
        finally:
            self.depth -= 1
        return result

    def _refusal(self, node: ast.AST) -> ExprError:
        if isinstance(node, ast.Attribute):
            return self.error("expr.attribute", node, text=self.segment(node))
        if isinstance(node, ast.Subscript):
            return self.error("expr.subscript", node, text=self.segment(node))
        what = _CONSTRUCTS.get(type(node), "other")
        return self.error("expr.construct", node, what=what, functions=", ".join(FUNCTION_NAMES))

    def expect(self, node: ast.AST, expected: Type, op: str) -> ast.expr:
        got, compiled = self.visit(node)
        if got is not expected:
            example = _result_example(self.segment(node), got, expected)
            raise self.error(
                "expr.operand_type",
                node,
                op=op,
                expected=expected,
                text=self.segment(node),
                got=got,
                example=example,
            )
        return compiled

    # Leaves

    def visit_Constant(self, node: ast.Constant) -> tuple[Type, ast.expr]:
        value = node.value
        if isinstance(value, bool):
            return Type.BOOL, ast.Constant(value, **_LOC)
        if isinstance(value, int):
            if abs(value) > MAX_INT:
                raise self.error("expr.big_number", node, text=self.segment(node), limit=MAX_INT)
            return Type.NUMBER, ast.Constant(value, **_LOC)
        if isinstance(value, float):
            raise self.error("expr.float", node, text=self.segment(node), sample=str(round(value)))
        if isinstance(value, str):
            if len(value) > MAX_STRING:
                raise self.error("expr.long_string", node, length=len(value), limit=MAX_STRING)
            return Type.STRING, ast.Constant(value, **_LOC)
        if value is None:
            raise self.error("expr.none", node)
        raise self._refusal(node)

    def visit_Name(self, node: ast.Name) -> tuple[Type, ast.expr]:
        name = node.id
        if name.startswith("_"):
            raise self.error("expr.private_name", node, name=name)
        found = self.symbols.names.get(name)
        if found is None:
            if name in FUNCTIONS:
                raise self.error("expr.call_form", node, sample=FUNCTIONS[name].sample)
            raise self.error(
                "expr.unknown_name",
                node,
                name=name,
                suggestion=suggest(name, list(self.symbols.names)),
                known=sorted(self.symbols.names),
            )
        self.names.add(name)
        return found, ast.Subscript(
            value=ast.Name("v", ast.Load(), **_LOC),
            slice=ast.Constant(name, **_LOC),
            ctx=ast.Load(),
            **_LOC,
        )

    # Operators

    def visit_BoolOp(self, node: ast.BoolOp) -> tuple[Type, ast.expr]:
        op = "and" if isinstance(node.op, ast.And) else "or"
        values = [self.expect(value, Type.BOOL, op) for value in node.values]
        return Type.BOOL, ast.BoolOp(op=node.op, values=values, **_LOC)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> tuple[Type, ast.expr]:
        if isinstance(node.op, ast.Not):
            return Type.BOOL, ast.UnaryOp(
                ast.Not(), self.expect(node.operand, Type.BOOL, "not"), **_LOC
            )
        if isinstance(node.op, (ast.USub, ast.UAdd)):
            symbol = "-" if isinstance(node.op, ast.USub) else "+"
            operand = self.expect(node.operand, Type.NUMBER, symbol)
            return Type.NUMBER, ast.UnaryOp(node.op, operand, **_LOC)
        raise self.error("expr.operator", node, op="~")

    def visit_BinOp(self, node: ast.BinOp) -> tuple[Type, ast.expr]:
        op_type = type(node.op)
        if op_type is ast.Pow:
            raise self.error("expr.power", node)
        if op_type is ast.Div:
            raise self.error("expr.division", node)
        if op_type not in _ALLOWED_BINOPS:
            raise self.error("expr.operator", node, op=_FORBIDDEN_BINOPS.get(op_type, "?"))
        symbol = _ALLOWED_BINOPS[op_type]
        # `a + b + c` nests to the left in the tree, but it is one level for
        # whoever reads it: a chain costs nodes (MAX_NODES), not depth.
        self.depth -= 1
        try:
            left = self.expect(node.left, Type.NUMBER, symbol)
        finally:
            self.depth += 1
        right = self.expect(node.right, Type.NUMBER, symbol)
        if op_type in (ast.FloorDiv, ast.Mod):
            if isinstance(right, ast.Constant) and right.value == 0:
                raise self.error("expr.div_zero", node.right)
            if not isinstance(right, ast.Constant):
                helper = "_div" if op_type is ast.FloorDiv else "_mod"
                return Type.NUMBER, ast.Call(
                    ast.Name(helper, ast.Load(), **_LOC), [left, right], [], **_LOC
                )
        return Type.NUMBER, ast.BinOp(left, node.op, right, **_LOC)

    def visit_Compare(self, node: ast.Compare) -> tuple[Type, ast.expr]:
        left_node = node.left
        left_type, left = self.visit(left_node)
        compiled_left = left
        comparators: list[ast.expr] = []
        for op, right_node in zip(node.ops, node.comparators, strict=True):
            symbol = _COMPARE_SYMBOLS.get(type(op), "?")
            if isinstance(op, (ast.Is, ast.IsNot)):
                raise self.error("expr.operator", node, op=symbol)
            if isinstance(op, (ast.In, ast.NotIn)):
                right_type, right = self._membership(right_node, left_type)
            else:
                right_type, right = self.visit(right_node)
                if isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)):
                    for side, side_type in ((left_node, left_type), (right_node, right_type)):
                        if side_type is not Type.NUMBER:
                            raise self.error(
                                "expr.order_type",
                                side,
                                op=symbol,
                                text=self.segment(side),
                                got=side_type,
                            )
                elif left_type is not right_type:
                    raise self.error(
                        "expr.compare_types",
                        node,
                        left=left_type,
                        right=right_type,
                        text=self.segment(node),
                    )
                self._check_phase_literal(left_node, right_node)
            comparators.append(right)
            left_node, left_type = right_node, right_type
        return Type.BOOL, ast.Compare(compiled_left, list(node.ops), comparators, **_LOC)

    def _membership(self, node: ast.AST, item_type: Type) -> tuple[Type, ast.expr]:
        if not isinstance(node, (ast.Tuple, ast.List)) or len(node.elts) > MAX_IN_ITEMS:
            raise self.error("expr.in_operand", node)
        values: list[object] = []
        for element in node.elts:
            if not isinstance(element, ast.Constant):
                raise self.error("expr.in_operand", element)
            element_type, _ = self.visit(element)
            if element_type is not item_type:
                raise self.error(
                    "expr.compare_types",
                    element,
                    left=item_type,
                    right=element_type,
                    text=self.segment(element),
                )
            values.append(element.value)
        return item_type, ast.Constant(tuple(values), **_LOC)  # type: ignore[arg-type]

    def _check_phase_literal(self, left: ast.AST, right: ast.AST) -> None:
        """`phase == 'pendent'` is a typo the deck can catch at load time."""
        for name, literal in ((left, right), (right, left)):
            if (
                isinstance(name, ast.Name)
                and name.id == "phase"
                and isinstance(literal, ast.Constant)
                and isinstance(literal.value, str)
                and self.symbols.phases
                and literal.value not in self.symbols.phases
            ):
                raise self.error(
                    "expr.unknown_phase",
                    literal,
                    phase=literal.value,
                    suggestion=suggest(literal.value, list(self.symbols.phases)),
                    known=sorted(self.symbols.phases),
                )

    def visit_IfExp(self, node: ast.IfExp) -> tuple[Type, ast.expr]:
        test = self.expect(node.test, Type.BOOL, "if")
        body_type, body = self.visit(node.body)
        else_type, orelse = self.visit(node.orelse)
        if body_type is not else_type:
            raise self.error("expr.branch_types", node, left=body_type, right=else_type)
        return body_type, ast.IfExp(test, body, orelse, **_LOC)

    # Calls

    def visit_Call(self, node: ast.Call) -> tuple[Type, ast.expr]:
        if not isinstance(node.func, ast.Name):
            raise self._refusal(node.func)
        name = node.func.id
        spec = FUNCTIONS.get(name)
        if spec is None:
            raise self.error(
                "expr.unknown_function",
                node.func,
                name=name,
                functions=", ".join(FUNCTION_NAMES),
                suggestion=suggest(name, FUNCTION_NAMES),
            )
        if any(isinstance(arg, ast.Starred) for arg in node.args) or any(
            keyword.arg is None for keyword in node.keywords
        ):
            raise self.error(
                "expr.construct", node, what="starred", functions=", ".join(FUNCTION_NAMES)
            )
        if spec.variadic or spec.params[0].kind == "number":
            return self._number_call(node, spec)
        return self._history_call(node, spec)

    def _number_call(self, node: ast.Call, spec: FunctionSpec) -> tuple[Type, ast.expr]:
        if node.keywords:
            keyword = node.keywords[0]
            raise self.error("expr.bad_keyword", keyword, function=spec.name, keyword=keyword.arg)
        count = len(node.args)
        if (spec.variadic and count < 2) or (not spec.variadic and count != len(spec.params)):
            raise self._arity_error(node, spec, "2+" if spec.variadic else len(spec.params))
        args = [self.expect(arg, Type.NUMBER, spec.name) for arg in node.args]
        return Type.NUMBER, ast.Call(
            ast.Name("_" + spec.name, ast.Load(), **_LOC), args, [], **_LOC
        )

    def _arity_error(self, node: ast.Call, spec: FunctionSpec, expected: int | str) -> ExprError:
        """The call gives `spec` a wrong number of arguments (`expected`: how many it takes)."""
        return self.error(
            "expr.arity",
            node,
            function=spec.name,
            expected=expected,
            got=len(node.args),
            sample=spec.sample,
        )

    def _history_call(self, node: ast.Call, spec: FunctionSpec) -> tuple[Type, ast.expr]:
        bound: dict[str, tuple[str, ast.AST]] = {}
        required = [param for param in spec.params if not param.optional]
        if len(node.args) > len(required):
            raise self._arity_error(node, spec, len(required))
        params_by_name = {param.name: param for param in spec.params}
        pairs: list[tuple[str, ast.AST]] = [
            (param.name, arg) for param, arg in zip(spec.params, node.args, strict=False)
        ]
        for keyword in node.keywords:
            assert keyword.arg is not None
            if keyword.arg not in params_by_name or keyword.arg in dict(pairs):
                raise self.error(
                    "expr.bad_keyword",
                    keyword,
                    function=spec.name,
                    keyword=keyword.arg,
                    known=list(params_by_name),
                )
            pairs.append((keyword.arg, keyword.value))
        for param_name, value in pairs:
            if not (isinstance(value, ast.Constant) and isinstance(value.value, str)):
                raise self.error(
                    "expr.literal_arg",
                    value,
                    function=spec.name,
                    param=param_name,
                    sample=spec.sample,
                )
            bound[param_name] = (value.value, value)
        if any(param.name not in bound for param in required):
            raise self._arity_error(node, spec, len(required))
        self._check_references(spec, bound)
        values = tuple(bound[p.name][0] if p.name in bound else None for p in spec.params)
        self.calls.append((spec.name, values))
        call = ast.Call(
            func=ast.Attribute(ast.Name("f", ast.Load(), **_LOC), spec.name, ast.Load(), **_LOC),
            args=[ast.Constant(value, **_LOC) for value in values],
            keywords=[],
            **_LOC,
        )
        return spec.returns, call

    def _check_references(
        self, spec: FunctionSpec, bound: Mapping[str, tuple[str, ast.AST]]
    ) -> None:
        symbols = self.symbols
        for param in spec.params:
            if param.name not in bound:
                continue
            value, node = bound[param.name]
            if param.kind == "card":
                kind = symbols.cards.get(value)
                if kind is None:
                    raise self.error(
                        "expr.unknown_card",
                        node,
                        card=value,
                        function=spec.name,
                        suggestion=suggest(value, list(symbols.cards)),
                    )
                use = spec.card_use
                # A card of no known kind (a misspelt type) is reported where it is defined.
                if use is not None and kind in symbols.kinds and use not in symbols.kinds[kind]:
                    raise self.error(
                        "expr.card_kind",
                        node,
                        function=spec.name,
                        card=value,
                        expected=next((k for k, u in symbols.kinds.items() if use in u), use),
                        actual=kind,
                    )
            elif param.kind in ("role", "phase", "tag"):
                known = {"role": symbols.roles, "phase": symbols.phases, "tag": symbols.tags}
                ids = known[param.kind]
                if value not in ids:
                    raise self.error(
                        f"expr.unknown_{param.kind}",
                        node,
                        **{param.kind: value},
                        suggestion=suggest(value, list(ids)),
                        known=sorted(ids),
                    )
            elif param.kind == "option":
                card = bound["card"][0]
                options = symbols.options.get(card, frozenset())
                if value not in options:
                    raise self.error(
                        "expr.unknown_option",
                        node,
                        option=value,
                        card=card,
                        suggestion=suggest(value, list(options)),
                        known=sorted(options),
                    )
