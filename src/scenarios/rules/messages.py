"""Error messages of the expression language, in French and English."""

from __future__ import annotations

from scenarios.i18n import Catalog

MESSAGES: Catalog = {
    "expr.empty": {
        "fr": "expression vide ; écrivez une condition comme « budget > 2 and not inondation »",
        "en": "empty expression; write a condition such as 'budget > 2 and not inondation'",
    },
    "expr.not_text": {
        "fr": "une expression s’écrit comme un texte ; reçu {got}",
        "en": "an expression is written as text; got {got}",
    },
    "expr.too_long": {
        "fr": "expression trop longue ({length} caractères) ; au plus {limit}, découpez-la",
        "en": "expression too long ({length} characters); at most {limit}, split it",
    },
    "expr.too_complex": {
        "fr": "expression trop complexe ({nodes} éléments) ; au plus {limit}",
        "en": "expression too complex ({nodes} parts); at most {limit}",
    },
    "expr.too_deep": {
        "fr": "expression trop imbriquée ; au plus {limit} niveaux de parenthèses",
        "en": "expression nested too deeply; at most {limit} levels",
    },
    "expr.syntax": {
        "fr": "syntaxe invalide ({detail}) ; vérifiez les parenthèses, les guillemets et les opérateurs (and, or, not, ==, <=)",
        "en": "invalid syntax ({detail}); check parentheses, quotes and operators (and, or, not, ==, <=)",
    },
    "expr.attribute": {
        "fr": "l’accès à un attribut (« {text} ») n’est pas permis ; utilisez un nom d’indicateur ou de drapeau seul",
        "en": "attribute access ('{text}') is not allowed; use a bare indicator or flag name",
    },
    "expr.subscript": {
        "fr": "les crochets (« {text} ») ne sont pas permis ; utilisez les fonctions played(), drawn(), count()",
        "en": "subscripts ('{text}') are not allowed; use the functions played(), drawn(), count()",
    },
    "expr.power": {
        "fr": "la puissance « ** » n’est pas permise ; multipliez avec « * »",
        "en": "the power operator '**' is not allowed; multiply with '*'",
    },
    "expr.division": {
        "fr": "la division « / » n’est pas permise ; les nombres sont entiers, utilisez « // »",
        "en": "division '/' is not allowed; numbers are whole, use '//'",
    },
    "expr.operator": {
        "fr": "l’opérateur « {op} » n’est pas permis ; opérateurs permis : + - * // % and or not == != < <= > >= in",
        "en": "the operator '{op}' is not allowed; allowed: + - * // % and or not == != < <= > >= in",
    },
    "expr.construct": {
        "fr": "construction non permise dans une expression : {what} ; seuls sont permis les nombres entiers, les textes entre guillemets, les noms du deck, les opérateurs et les fonctions {functions}",
        "en": "construct not allowed in an expression: {what}; only whole numbers, quoted texts, the deck's names, operators and the functions {functions} are",
    },
    "expr.float": {
        "fr": "nombre à virgule « {text} » ; les nombres sont entiers, écrivez par exemple {sample}",
        "en": "decimal number '{text}'; numbers are whole, write for example {sample}",
    },
    "expr.big_number": {
        "fr": "nombre trop grand « {text} » ; au plus {limit} en valeur absolue",
        "en": "number too large '{text}'; at most {limit} in absolute value",
    },
    "expr.long_string": {
        "fr": "texte trop long ({length} caractères) ; au plus {limit}",
        "en": "text too long ({length} characters); at most {limit}",
    },
    "expr.none": {
        "fr": "« None » n’existe pas ici ; utilisez True, False ou un nombre",
        "en": "'None' does not exist here; use True, False or a number",
    },
    "expr.private_name": {
        "fr": "le nom « {name} » n’est pas permis (les noms commençant par « _ » sont réservés)",
        "en": "the name '{name}' is not allowed (names starting with '_' are reserved)",
    },
    "expr.unknown_name": {
        "fr": "nom inconnu « {name} » : ni indicateur, ni drapeau, ni turn/round/phase",
        "en": "unknown name '{name}': not an indicator, a flag, nor turn/round/phase",
    },
    "expr.unknown_function": {
        "fr": "fonction inconnue « {name} » ; fonctions permises : {functions}",
        "en": "unknown function '{name}'; allowed functions: {functions}",
    },
    "expr.call_form": {
        "fr": "appel de fonction invalide ; écrivez par exemple {sample}",
        "en": "invalid function call; write for example {sample}",
    },
    "expr.arity": {
        "fr": "« {function} » attend {expected} ; reçu {got} ; par exemple {sample}",
        "en": "'{function}' expects {expected}; got {got}; for example {sample}",
    },
    "expr.bad_keyword": {
        "fr": "« {function} » n’a pas de paramètre « {keyword} »",
        "en": "'{function}' has no parameter '{keyword}'",
    },
    "expr.literal_arg": {
        "fr": "l’argument « {param} » de « {function} » doit être un identifiant entre guillemets ; par exemple {sample}",
        "en": "the argument '{param}' of '{function}' must be a quoted id; for example {sample}",
    },
    "expr.unknown_card": {
        "fr": "carte inconnue « {card} » dans {function}()",
        "en": "unknown card '{card}' in {function}()",
    },
    "expr.card_kind": {
        "fr": "{function}() porte sur une carte {expected} ; « {card} » est une carte {actual}",
        "en": "{function}() applies to a {expected} card; '{card}' is a {actual} card",
    },
    "expr.unknown_role": {
        "fr": "rôle inconnu « {role} »",
        "en": "unknown role '{role}'",
    },
    "expr.unknown_phase": {
        "fr": "phase inconnue « {phase} »",
        "en": "unknown phase '{phase}'",
    },
    "expr.unknown_option": {
        "fr": "option inconnue « {option} » du dilemme « {card} »",
        "en": "unknown option '{option}' of dilemma '{card}'",
    },
    "expr.unknown_tag": {
        "fr": "étiquette (tag) inconnue « {tag} » : aucune carte ne la porte",
        "en": "unknown tag '{tag}': no card carries it",
    },
    "expr.operand_type": {
        "fr": "« {op} » attend {expected} ; « {text} » est {got}{example}",
        "en": "'{op}' expects {expected}; '{text}' is {got}{example}",
    },
    "expr.compare_types": {
        "fr": "comparaison entre {left} et {right} (« {text} ») ; comparez des valeurs de même type",
        "en": "comparison between {left} and {right} ('{text}'); compare values of the same type",
    },
    "expr.order_type": {
        "fr": "« {op} » compare des nombres ; « {text} » est {got}",
        "en": "'{op}' compares numbers; '{text}' is {got}",
    },
    "expr.branch_types": {
        "fr": "les deux branches de « … if … else … » doivent être du même type ; ici {left} et {right}",
        "en": "both branches of '… if … else …' must have the same type; here {left} and {right}",
    },
    "expr.in_operand": {
        "fr": "« in » attend à droite une liste de valeurs entre parenthèses, par exemple phase in ('avant', 'pendant')",
        "en": "'in' expects a parenthesised list of values on its right, e.g. phase in ('avant', 'pendant')",
    },
    "expr.result_type": {
        "fr": "cette expression donne {got} ; ici il faut {expected}{example}",
        "en": "this expression gives {got}; {expected} is needed here{example}",
    },
    "expr.div_zero": {
        "fr": "division par zéro ; divisez par un nombre non nul",
        "en": "division by zero; divide by a non-zero number",
    },
}

EXAMPLE_SUFFIX = {
    "fr": " ; écrivez par exemple « {example} »",
    "en": "; write for example '{example}'",
}

TYPE_NAMES = {
    "fr": {"number": "un nombre", "bool": "une valeur vrai/faux", "string": "un texte"},
    "en": {"number": "a number", "bool": "a true/false value", "string": "a text"},
}

CARD_KIND_NAMES = {
    "fr": {"event": "événement", "decision": "décision", "dilemma": "dilemme", "any": "quelconque"},
    "en": {"event": "event", "decision": "decision", "dilemma": "dilemma", "any": "any"},
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
