"""Error messages of the expression language, in French and English."""

from __future__ import annotations

from scenarios.i18n import Texts

MESSAGES = Texts("rules")

EXAMPLE_SUFFIX = {
    "fr": " ; écrivez par exemple « {example} »",
    "en": "; write for example '{example}'",
}

TYPE_NAMES = {
    "fr": {"number": "un nombre", "bool": "une valeur vrai/faux", "string": "un texte"},
    "en": {"number": "a number", "bool": "a true/false value", "string": "a text"},
}

CONSTRUCT_NAMES = {
    "fr": {
        "lambda": "une fonction anonyme (lambda)",
        "comprehension": "une compréhension de liste",
        "fstring": "une f-string",
        "walrus": "l'affectation « := »",
        "starred": "l'étoile « * » de dépliage",
        "dict": "un dictionnaire",
        "set": "un ensemble",
        "list": "une liste hors de « in »",
        "other": "cette construction",
        "await": "await",
        "yield": "yield",
        "slice": "une tranche",
    },
    "en": {
        "lambda": "an anonymous function (lambda)",
        "comprehension": "a comprehension",
        "fstring": "an f-string",
        "walrus": "the assignment ':='",
        "starred": "the unpacking star '*'",
        "dict": "a dictionary",
        "set": "a set",
        "list": "a list outside of 'in'",
        "other": "this construct",
        "await": "await",
        "yield": "yield",
        "slice": "a slice",
    },
}
