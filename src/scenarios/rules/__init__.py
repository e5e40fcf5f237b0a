"""The expression language of decks: parse, check against the deck, compile.

Depends on nothing of ours but the leaf `scenarios.i18n`.
"""

from scenarios.rules.compiler import (
    MAX_DEPTH,
    MAX_INT,
    MAX_LENGTH,
    MAX_NODES,
    MAX_STRING,
    Compiler,
    Expression,
    compile_expression,
)
from scenarios.rules.errors import ExprError
from scenarios.rules.functions import FUNCTION_NAMES, FUNCTIONS, CardUse, Functions
from scenarios.rules.symbols import BUILTIN_NAMES, Symbols
from scenarios.rules.types import Type

__all__ = [
    "BUILTIN_NAMES",
    "FUNCTIONS",
    "FUNCTION_NAMES",
    "MAX_DEPTH",
    "MAX_INT",
    "MAX_LENGTH",
    "MAX_NODES",
    "MAX_STRING",
    "CardUse",
    "Compiler",
    "ExprError",
    "Expression",
    "Functions",
    "Symbols",
    "Type",
    "compile_expression",
]
