"""Messages about decks, in French and English, and the words they use."""

from __future__ import annotations

from collections.abc import Mapping

from scenarios.deck.kinds import kind_labels
from scenarios.i18n import NBSP, Lang, Texts

MESSAGES = Texts("deck")

WORDS: Mapping[Lang, Mapping[str, str]] = {
    "fr": {
        "text": "un texte",
        "id": "un identifiant",
        "integer": "un nombre entier",
        "number": "un nombre",
        "bool": "vrai/faux (true/false)",
        "list": "une liste",
        "mapping": "un dictionnaire (clé: valeur)",
        "null": "une valeur vide",
        "expression": "une expression entre guillemets",
        "expression_number": "un nombre ou une expression entre guillemets",
        "card": "carte",
        "role": "rôle",
        "phase": "phase",
        "indicator": "indicateur",
        "flag": "drapeau",
        "ending": "fin",
        "recommendation": "recommandation",
        "deck": "le deck",
        "included": "le fichier inclus",
        "option": "l'option",
        "trigger": "le déclenchement",
        "lasting": "les effets durables",
        "source": "la source",
        "effects": "les effets",
        "give": "give",
        "cost": "le coût",
    },
    "en": {
        "text": "a text",
        "id": "an id",
        "integer": "a whole number",
        "number": "a number",
        "bool": "true/false",
        "list": "a list",
        "mapping": "a mapping (key: value)",
        "null": "an empty value",
        "expression": "a quoted expression",
        "expression_number": "a number or a quoted expression",
        "card": "card",
        "role": "role",
        "phase": "phase",
        "indicator": "indicator",
        "flag": "flag",
        "ending": "ending",
        "recommendation": "recommendation",
        "deck": "the deck",
        "included": "the included file",
        "option": "the option",
        "trigger": "the trigger",
        "lasting": "the lasting effects",
        "source": "the source",
        "effects": "the effects",
        "give": "give",
        "cost": "the cost",
    },
}

OBJECT_NAMES: Mapping[Lang, Mapping[str, str]] = {
    "fr": {
        "card": "la carte",
        "role": "le rôle",
        "phase": "la phase",
        "indicator": "l'indicateur",
        "flag": "le drapeau",
        "ending": "la fin",
        "recommendation": "la recommandation",
    },
    "en": {
        "card": "the card",
        "role": "the role",
        "phase": "the phase",
        "indicator": "the indicator",
        "flag": "the flag",
        "ending": "the ending",
        "recommendation": "the recommendation",
    },
}

HINTS: Mapping[Lang, Mapping[str, str]] = {
    "fr": {
        "quote": " (YAML lit yes/no/on/off/true/false comme vrai/faux : mettez le texte entre guillemets)",
        "list_scalar": " ; écrivez une liste : [{value}]",
    },
    "en": {
        "quote": " (YAML reads yes/no/on/off/true/false as booleans: put the text in quotes)",
        "list_scalar": "; write a list: [{value}]",
    },
}


def localise_params(code: str, params: Mapping[str, object], lang: Lang) -> dict[str, object]:
    """Turn the words carried by a diagnostic (types, kinds, hints) into `lang`."""
    words = {**WORDS[lang], **kind_labels(lang)}
    out: dict[str, object] = {}
    for key, value in params.items():
        if key in ("expected", "got", "namespace", "actual") and isinstance(value, str):
            out[key] = " / ".join(words.get(part, part) for part in value.split(" / "))
        elif key == "what" and isinstance(value, str):
            name = OBJECT_NAMES[lang].get(value) or words.get(value, value)
            out[key] = (name + (NBSP + ": " if lang == "fr" else ": ")) if code == "type" else name
        elif key == "hint" and isinstance(value, str):
            out[key] = HINTS[lang].get(value, "").format(value=params.get("value", ""))
        else:
            out[key] = value
    if code == "type":
        out.setdefault("what", "")
        out.setdefault("hint", "")
    return out
