"""Messages about decks, in French and English, and the words they use."""

from __future__ import annotations

from collections.abc import Mapping

from scenarios.i18n import NBSP, Catalog, Lang

MESSAGES: Catalog = {
    # Reading the file
    "file.unreadable": {
        "fr": "impossible de lire le fichier ({detail})",
        "en": "cannot read the file ({detail})",
    },
    "file.not_found": {
        "fr": "fichier introuvable ; donnez le chemin d’un deck YAML ou l’identifiant d’un deck fourni ({decks})",
        "en": "file not found; give the path of a YAML deck or the id of a bundled deck ({decks})",
    },
    "yaml.too_big": {
        "fr": "fichier trop gros ({size} octets) ; un deck fait au plus {limit} octets",
        "en": "file too large ({size} bytes); a deck is at most {limit} bytes",
    },
    "yaml.binary": {
        "fr": "ce fichier semble binaire (octet nul) ; un deck est un fichier texte YAML en UTF-8",
        "en": "this file looks binary (a NUL byte); a deck is a UTF-8 YAML text file",
    },
    "yaml.encoding": {
        "fr": "octet invalide en UTF-8 ; enregistrez le fichier en UTF-8 (pas en Latin-1 ni en Windows-1252)",
        "en": "invalid UTF-8 byte; save the file as UTF-8 (not Latin-1 or Windows-1252)",
    },
    "yaml.empty": {
        "fr": "le deck est vide ; un deck commence par « format: 1 » puis id, title, roles, indicators et cards (voir « scenarios new »)",
        "en": "the deck is empty; a deck starts with 'format: 1' then id, title, roles, indicators and cards (see 'scenarios new')",
    },
    "yaml.syntax": {
        "fr": "YAML invalide : {detail} ; vérifiez l’indentation (des espaces, pas de tabulations), les deux-points et les guillemets",
        "en": "invalid YAML: {detail}; check the indentation (spaces, no tabs), colons and quotes",
    },
    "yaml.not_mapping": {
        "fr": "le haut du fichier doit être un dictionnaire (clé: valeur), ici {got}",
        "en": "the top of the file must be a mapping (key: value), here {got}",
    },
    "yaml.too_deep": {
        "fr": "imbrication trop profonde ; au plus {limit} niveaux",
        "en": "nesting too deep; at most {limit} levels",
    },
    "yaml.unknown_alias": {
        "fr": "alias inconnu « *{anchor} » ; définissez d’abord l’ancre « &{anchor} »",
        "en": "unknown alias '*{anchor}'; define the anchor '&{anchor}' first",
    },
    "yaml.several_documents": {
        "fr": "plusieurs documents YAML (« --- ») dans un fichier ; un deck tient en un document, utilisez include: pour répartir les cartes",
        "en": "several YAML documents ('---') in one file; a deck is one document, use include: to split cards",
    },
    "yaml.too_many_nodes": {
        "fr": "trop d’éléments une fois les alias développés (plus de {limit}) ; évitez les alias imbriqués",
        "en": "too many elements once aliases are expanded (over {limit}); avoid nested aliases",
    },
    "yaml.key_not_text": {
        "fr": "une clé doit être un texte, ici {got} ; mettez la clé entre guillemets",
        "en": "a key must be a text, here {got}; put the key in quotes",
    },
    "yaml.duplicate_key": {
        "fr": "clé « {key} » en double (déjà à {first}) ; gardez-en une seule",
        "en": "duplicate key '{key}' (already at {first}); keep only one",
    },
    "yaml.tag": {
        "fr": "étiquette YAML « {tag} » refusée ; un deck n’utilise que des textes, nombres, listes et dictionnaires",
        "en": "YAML tag '{tag}' refused; a deck uses only texts, numbers, lists and mappings",
    },
    "yaml.bad_scalar": {
        "fr": "valeur illisible « {value} » ; mettez-la entre guillemets si c’est un texte",
        "en": "unreadable value '{value}'; quote it if it is a text",
    },
    # Structure
    "type": {
        "fr": "{what}attendu : {expected} ; trouvé : {got}{hint}",
        "en": "{what}expected {expected}; found {got}{hint}",
    },
    "text.empty": {
        "fr": "texte vide ; écrivez quelque chose",
        "en": "empty text; write something",
    },
    "text.too_long": {
        "fr": "texte trop long ({length} caractères) ; au plus {limit}",
        "en": "text too long ({length} characters); at most {limit}",
    },
    "id.slug": {
        "fr": "identifiant invalide « {value} » ; utilisez des minuscules sans accents, des chiffres, - et _, par exemple « {sample} »",
        "en": "invalid id '{value}'; use lowercase letters without accents, digits, - and _, for example '{sample}'",
    },
    "id.name": {
        "fr": "nom invalide « {value} » ; il sert dans les expressions : minuscules sans accents, chiffres et _ (pas de tiret, qui se lirait comme un moins), par exemple « {sample} »",
        "en": "invalid name '{value}'; it is used in expressions: lowercase letters, digits and _ (no hyphen, which reads as minus), for example '{sample}'",
    },
    "id.duplicate": {
        "fr": "l’identifiant « {value} » ({namespace}) est défini deux fois (d’abord à {first}) ; chaque identifiant doit être unique",
        "en": "{namespace} '{value}' defined twice (first at {first}); each id must be unique",
    },
    "name.collision": {
        "fr": "« {value} » est à la fois un indicateur et un drapeau ; renommez l’un des deux",
        "en": "'{value}' is both an indicator and a flag; rename one of them",
    },
    "name.reserved": {
        "fr": "« {value} » est un nom réservé des expressions ({reserved}) ; choisissez-en un autre",
        "en": "'{value}' is a reserved name in expressions ({reserved}); choose another one",
    },
    "range": {
        "fr": "valeur {value} hors limites ; attendu entre {minimum} et {maximum}",
        "en": "value {value} out of range; expected between {minimum} and {maximum}",
    },
    "choice": {
        "fr": "valeur « {value} » inconnue",
        "en": "unknown value '{value}'",
    },
    "ref.unknown": {
        "fr": "{namespace} « {value} » introuvable",
        "en": "unknown {namespace} '{value}'",
    },
    "ref.card_type": {
        "fr": "la carte « {value} » est de type {actual} ; ici il faut une carte {expected}",
        "en": "card '{value}' is of type {actual}; a {expected} card is needed here",
    },
    "list.too_short": {
        "fr": "liste trop courte ({count} éléments) ; au moins {minimum}",
        "en": "list too short ({count} items); at least {minimum}",
    },
    "list.too_long": {
        "fr": "liste trop longue ({count} éléments) ; au plus {limit}",
        "en": "list too long ({count} items); at most {limit}",
    },
    "list.duplicate": {
        "fr": "« {value} » en double (déjà à {first})",
        "en": "'{value}' repeated (already at {first})",
    },
    "key.unknown": {
        "fr": "clé inconnue « {key} » dans {what}",
        "en": "unknown key '{key}' in {what}",
    },
    "key.missing": {
        "fr": "clé obligatoire « {key} » manquante dans {what}",
        "en": "required key '{key}' missing from {what}",
    },
    "key.not_for": {
        "fr": "la clé « {key} » ne s’applique pas aux cartes {variant} ; seulement aux cartes {allowed}",
        "en": "the key '{key}' does not apply to {variant} cards; only to {allowed} cards",
    },
    "effects.flag_key": {
        "fr": "« {key} » est un drapeau, pas un indicateur ; écrivez « set: [{key}] » ou « unset: [{key}] »",
        "en": "'{key}' is a flag, not an indicator; write 'set: [{key}]' or 'unset: [{key}]'",
    },
    "effects.unknown_key": {
        "fr": "effet inconnu « {key} » : ni un indicateur, ni set, unset, trigger, give, end",
        "en": "unknown effect '{key}': neither an indicator nor set, unset, trigger, give, end",
    },
    "card.dilemma_options": {
        "fr": "un dilemme a besoin d’au moins deux options (ici {count}) ; ajoutez « options: [{{id: ..., title: ...}}, ...] »",
        "en": "a dilemma needs at least two options (here {count}); add 'options: [{{id: ..., title: ...}}, ...]'",
    },
    "indicator.bounds": {
        "fr": "min ({minimum}) est plus grand que max ({maximum}) ; inversez-les",
        "en": "min ({minimum}) is greater than max ({maximum}); swap them",
    },
    "indicator.start": {
        "fr": "start ({start}) hors de [{minimum}, {maximum}] ; choisissez une valeur de départ entre min et max",
        "en": "start ({start}) outside [{minimum}, {maximum}]; choose a start value between min and max",
    },
    # Lint (warnings)
    "lint.event_never": {
        "fr": "l’événement « {card} » ne peut jamais sortir : sa condition ne peut pas être vraie dans ses phases avec les effets du deck",
        "en": "the event '{card}' can never come up: its condition cannot hold in its phases with the deck's effects",
    },
    "lint.event_injected_only": {
        "fr": "« {card} » a un poids de 0 et rien ne le déclenche : seul l’animateur peut le faire entrer en jeu ; ajoutez un trigger ou un poids",
        "en": "'{card}' has weight 0 and nothing triggers it: only the facilitator can bring it; add a trigger or a weight",
    },
    "lint.decision_never": {
        "fr": "la décision « {card} » ne pourra jamais être jouée : sa condition ne peut pas être vraie dans ses phases",
        "en": "the decision '{card}' can never be played: its condition cannot hold in its phases",
    },
    "lint.decision_cost": {
        "fr": "la décision « {card} » coûte {amount} en {indicator}, mais l’indicateur ne peut jamais dépasser son minimum de plus de {most}",
        "en": "the decision '{card}' costs {amount} {indicator}, but that indicator never rises more than {most} above its minimum",
    },
    "lint.decision_no_role": {
        "fr": "la décision « {card} » n’est jouable par aucun rôle (ses rôles ont actions_per_round: 0)",
        "en": "no role can play the decision '{card}' (its roles have actions_per_round: 0)",
    },
    "lint.recommendation_never": {
        "fr": "la recommandation « {rule} » ne sera jamais donnée : sa condition ne peut pas être vraie",
        "en": "the recommendation '{rule}' will never be given: its condition cannot hold",
    },
    "lint.recommendation_always": {
        "fr": "la recommandation « {rule} » sera donnée à chaque partie, quoi que fasse la table",
        "en": "the recommendation '{rule}' will be given in every game, whatever the table does",
    },
    "lint.flag_unread": {
        "fr": "le drapeau « {flag} » est posé mais aucune condition ne le lit",
        "en": "the flag '{flag}' is set but no condition reads it",
    },
    "lint.flag_unset": {
        "fr": "le drapeau « {flag} » est lu mais aucun effet ne le pose (set) : il reste faux",
        "en": "the flag '{flag}' is read but no effect sets it: it stays false",
    },
    "lint.indicator_unmoved": {
        "fr": "l’indicateur « {indicator} » ne bouge jamais : aucune carte ne le modifie",
        "en": "the indicator '{indicator}' never moves: no card changes it",
    },
    "lint.ending_never": {
        "fr": "la fin « {ending} » ne peut jamais arriver : sa condition ne peut pas être vraie",
        "en": "the ending '{ending}' can never happen: its condition cannot hold",
    },
    "lint.ending_always": {
        "fr": "la fin « {ending} » est toujours vraie : la partie s’arrêtera dès la fin du premier tour",
        "en": "the ending '{ending}' always holds: the game will stop at the end of the first round",
    },
    "lint.ending_shadowed": {
        "fr": "la fin « {ending} » ne sera jamais atteinte : « {by} », vérifiée avant elle, la masque",
        "en": "the ending '{ending}' will never be reached: '{by}', checked before it, hides it",
    },
    "lint.text_long": {
        "fr": "texte long pour une table ({length} caractères, « {what} ») ; au-delà de {limit}, il se lit mal à l’écran",
        "en": "long text for a table ({length} characters, '{what}'); beyond {limit} it reads badly on screen",
    },
    "lint.typography": {
        "fr": "typographie française : « {sample} » dans « {text}… » ; espace insécable avant : ; ? ! et dans « », apostrophe typographique ’",
        "en": "French typography: '{sample}' in '{text}…'; no-break space before : ; ? ! and inside « », typographic apostrophe ’",
    },
    "lint.sim_event_never": {
        "fr": "l’événement « {card} » n’est sorti dans aucune des {games} parties simulées",
        "en": "the event '{card}' came up in none of {games} simulated games",
    },
    "lint.sim_decision_never": {
        "fr": "la décision « {card} » n’a été jouable dans aucune des {games} parties simulées",
        "en": "the decision '{card}' was playable in none of {games} simulated games",
    },
    "lint.sim_recommendation_never": {
        "fr": "la recommandation « {rule} » n’a été donnée dans aucune des {games} parties simulées",
        "en": "the recommendation '{rule}' was given in none of {games} simulated games",
    },
    "lint.sim_recommendation_always": {
        "fr": "la recommandation « {rule} » a été donnée dans chacune des {games} parties simulées",
        "en": "the recommendation '{rule}' was given in every one of {games} simulated games",
    },
    "lint.sim_ending_never": {
        "fr": "la fin « {ending} » n’est arrivée dans aucune des {games} parties simulées",
        "en": "the ending '{ending}' happened in none of {games} simulated games",
    },
    # Includes
    "include.pattern": {
        "fr": "motif d’inclusion « {pattern} » refusé ; les fichiers inclus restent dans le dossier du deck (pas de « .. » ni de chemin absolu)",
        "en": "include pattern '{pattern}' refused; included files stay in the deck's folder (no '..' nor absolute path)",
    },
    "include.outside": {
        "fr": "« {name} » mène hors du dossier du deck ; les fichiers inclus doivent y rester",
        "en": "'{name}' leads outside the deck's folder; included files must stay in it",
    },
    "include.none": {
        "fr": "le motif d’inclusion « {pattern} » ne correspond à aucun fichier",
        "en": "the include pattern '{pattern}' matches no file",
    },
}

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
        "event": "événement",
        "decision": "décision",
        "dilemma": "dilemme",
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
        "event": "event",
        "decision": "decision",
        "dilemma": "dilemma",
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
    words = WORDS[lang]
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
