"""The deck format, version 1: every key, its kind, its default and its documentation.

This table is the single description of the format: `build` checks decks with
it and `schema` turns it into the JSON Schema for editors. Descriptions are in
French, the language of the decks' authors. Card types and the fields that
depend on them come from the kinds (`kinds.py`); every kind of effect is one
row of `EFFECT_KEYS` (in the order they are documented; the engine has its
own order of application).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from scenarios.deck.diagnostics import Position
from scenarios.deck.kinds import KINDS, kind_ids
from scenarios.deck.located import LocatedMap, type_name
from scenarios.deck.model import (
    CATEGORIES,
    HANDOUT_KINDS,
    NO_EFFECTS,
    OUTCOME_WORDS,
    OUTCOMES,
    PRIORITIES,
    SCALES,
    STYLES,
    Card,
    Delta,
    Effects,
    Ending,
    Flag,
    Handout,
    Indicator,
    Lasting,
    Lesson,
    ObservationTag,
    Option,
    Phase,
    QuestionnaireItem,
    Recommendation,
    Role,
    ScheduleEntry,
    Source,
    Trigger,
    Variable,
)
from scenarios.deck.spec import (
    INVALID,
    Boolean,
    Choice,
    Context,
    Expr,
    Field,
    Identifier,
    Integer,
    Kind,
    ListOf,
    MapOf,
    Number,
    Obj,
    OneOf,
    Ref,
    Text,
)
from scenarios.i18n import suggest
from scenarios.rules import Type

FORMAT_VERSION = 1
MAX_CARDS = 100_000
TITLE = Text(max_length=160)
LONG_TEXT = Text(max_length=4000, allow_empty=True)


def _facilitator(what: str) -> Field:
    """The `facilitator:` key of `what`: a text for the facilitator only."""
    return Field(
        LONG_TEXT,
        f"Note pour l'animateur sur {what} : montrée à l'animateur (palette, salle), "
        "jamais à la table.",
        default="",
    )


# Card kinds by what they allow, for the references and the fields that depend on it.
DRAWN = kind_ids(lambda kind: kind.drawn)
TRIGGERED = kind_ids(lambda kind: kind.triggered)
HELD = kind_ids(lambda kind: kind.held)
FIRES = kind_ids(lambda kind: kind.fires)
WITH_OPTIONS = kind_ids(lambda kind: kind.options)
ASKS = kind_ids(lambda kind: kind.asks)

DEFAULT_PHASES: tuple[Phase, ...] = (
    Phase("avant", "Avant — se préparer", rounds=2, events_per_round=1),
    Phase("pendant", "Pendant — faire face", rounds=3, events_per_round=2),
    Phase("apres", "Après — se relever", rounds=2, events_per_round=1),
)


def _build(cls: type) -> Any:
    def factory(values: dict[str, Any], where: LocatedMap, ctx: Context) -> Any:
        return cls(**values, where=where)

    return factory


# Effects -------------------------------------------------------------------


def _trigger_factory(values: dict[str, Any], where: LocatedMap, ctx: Context) -> Trigger:
    return Trigger(card=values["card"], delay=values["in"])


TRIGGER = OneOf(
    short=Ref("card", TRIGGERED),
    full=Obj(
        "trigger",
        "Une carte événement ou dilemme qui se déclenche plus tard.",
        {
            "card": Field(Ref("card", TRIGGERED), "La carte à déclencher.", required=True),
            "in": Field(
                Integer(0, 100),
                "Dans combien de tours (0 : à la prochaine étape des événements).",
                default=0,
            ),
        },
        _trigger_factory,
    ),
    convert=lambda card, at: Trigger(card=card),
)


@attrs.frozen
class EffectKey:
    """One kind of effect, the single place that declares it.

    `name` is its key in a deck's `effects` and the `Effects` field that holds
    it (but `deltas`, written as `indicator: amount`, with `by_indicator`);
    `kind` checks its value and `doc` documents it; `event` names the engine's
    log event (`scenarios.engine.events`) that applying it records, and `log`
    the play screen's text for that event (catalog context "tui"). The engine
    applies each by the same name (`engine.effects.APPLY`, which a test holds
    to exactly these names).
    """

    name: str
    kind: Kind
    doc: str
    event: str
    log: str
    by_indicator: bool = False


EFFECT_KEYS: Mapping[str, EffectKey] = {
    entry.name: entry
    for entry in (
        EffectKey(
            "deltas",
            Expr(Type.NUMBER, allow_number=True),
            "Variation d'un indicateur : un nombre entier ou une expression.",
            event="Changed",
            log="log.changed",
            by_indicator=True,
        ),
        EffectKey(
            "set",
            ListOf(Ref("flag"), unique=True),
            "Drapeaux qui deviennent vrais.",
            event="FlagChanged",
            log="log.flag.on",
        ),
        EffectKey(
            "unset",
            ListOf(Ref("flag"), unique=True),
            "Drapeaux qui deviennent faux.",
            event="FlagChanged",
            log="log.flag.off",
        ),
        EffectKey(
            "trigger",
            ListOf(TRIGGER),
            "Événements ou dilemmes déclenchés à la prochaine étape des événements, "
            "ou `{card: id, in: N}` N tours plus tard.",
            event="Scheduled",
            log="log.scheduled",
        ),
        EffectKey(
            "give",
            MapOf(Ref("role"), ListOf(Ref("card", HELD), unique=True), "give"),
            "Cartes décision ajoutées à la main d'un rôle : `{role: [cartes]}`.",
            event="Given",
            log="log.given",
        ),
        EffectKey(
            "end",
            Ref("ending"),
            "Met fin à la partie avec cette fin.",
            event="GameEnded",
            log="log.ended",
        ),
    )
}
DELTAS = next(entry for entry in EFFECT_KEYS.values() if entry.by_indicator)
RESERVED_EFFECT_KEYS: Mapping[str, EffectKey] = {
    name: entry for name, entry in EFFECT_KEYS.items() if not entry.by_indicator
}


class EffectsKind(Kind):
    """Indicator deltas by indicator id, plus the reserved keys of `EFFECT_KEYS`."""

    def check(self, value: Any, ctx: Context, at: Position) -> Any:
        if value is None:
            return NO_EFFECTS
        if not isinstance(value, LocatedMap):
            return ctx.error("type", at, expected="mapping", got=type_name(value), what="effects")
        indicators = ctx.ids.get("indicator", {})
        deltas: list[Delta] = []
        values: dict[str, Any] = {}
        ok = True
        for key, item in value.items():
            item_at = value.at_value(key)
            if key in RESERVED_EFFECT_KEYS:
                checked = ctx.check(RESERVED_EFFECT_KEYS[key].kind, key, item, item_at)
                values[key] = checked
            elif key in indicators:
                checked = ctx.check(DELTAS.kind, key, item, item_at)
                deltas.append(Delta(key, checked))
            else:
                if key in ctx.ids.get("flag", {}):
                    ctx.error("effects.flag_key", value.at_key(key), key=key)
                else:
                    known = [*indicators, *RESERVED_EFFECT_KEYS]
                    ctx.error(
                        "effects.unknown_key",
                        value.at_key(key),
                        key=key,
                        reserved=", ".join(RESERVED_EFFECT_KEYS),
                        suggestion=suggest(key, known),
                        known=known,
                    )
                ok = False
                continue
            if checked is INVALID:
                ok = False
        if not ok:
            return INVALID
        values[DELTAS.name] = tuple(deltas)
        return Effects(**values, where=value)

    def json_schema(self) -> dict[str, Any]:
        properties = {
            key: {**entry.kind.json_schema(), "description": entry.doc}
            for key, entry in RESERVED_EFFECT_KEYS.items()
        }
        return {
            "type": "object",
            "description": "Effets : `indicateur: variation` (un nombre ou une expression), "
            f"et {', '.join(RESERVED_EFFECT_KEYS)}.",
            "properties": properties,
            "additionalProperties": {**DELTAS.kind.json_schema(), "description": DELTAS.doc},
        }


EFFECTS = EffectsKind()


def _lasting_factory(values: dict[str, Any], where: LocatedMap, ctx: Context) -> Lasting:
    return Lasting(rounds=values["rounds"], effects=values["effects"])


LASTING = Obj(
    "lasting",
    "Effets durables, appliqués de nouveau au début de chacun des tours suivants.",
    {
        "rounds": Field(Integer(1, 100), "Pendant combien de tours.", required=True),
        "effects": Field(EFFECTS, "Les effets appliqués à chaque début de tour.", required=True),
    },
    _lasting_factory,
)

# Cards ---------------------------------------------------------------------

OPTION = Obj(
    "option",
    "Une réponse possible à un dilemme.",
    {
        "id": Field(Identifier(), "Identifiant de l'option, unique dans la carte.", required=True),
        "title": Field(TITLE, "Ce que la table choisit, en quelques mots.", required=True),
        "text": Field(LONG_TEXT, "Précisions sur ce choix.", default=""),
        "effects": Field(EFFECTS, "Effets de ce choix.", default=NO_EFFECTS),
        "lasting": Field(LASTING, "Effets durables de ce choix."),
        "requires": Field(Expr(Type.BOOL), "Condition pour que ce choix soit possible."),
        "facilitator": _facilitator("ce choix"),
    },
    _build(Option),
)


def _card_factory(values: dict[str, Any], where: LocatedMap, ctx: Context) -> Any:
    kind = KINDS[values["type"]]
    if values["phases"] is None:
        values["phases"] = tuple(ctx.ids.get("phase", {}))
    if values["once"] is None:
        values["once"] = kind.once
    options = values["options"] or ()
    if kind.options and len(options) < 2:
        return ctx.error_under(
            "options",
            "card.dilemma_options",
            where.at_key("options") if "options" in where else where.at(),
            count=len(options),
        )
    seen: dict[str, Position] = {}
    for option in options:
        at = option.where.at() if option.where is not None else where.at()
        if option.id in seen:
            first = str(seen[option.id])
            return ctx.error_under("options", "list.duplicate", at, value=option.id, first=first)
        seen[option.id] = at
    values["options"] = options
    return Card(**values, where=where)


def _card_docs() -> tuple[str, str]:
    """The card's description and its `type` field's, from the kinds (in French)."""
    kinds = list(KINDS.values())
    docs = [kind.doc for kind in kinds]
    names = [f"{kind.id} ({kind.doc_name})" for kind in kinds]
    card = "Une carte : " + ", ".join(docs[:-1]) + ", ou " + docs[-1] + "."
    card_type = ", ".join(names[:-1]) + " ou " + names[-1] + "."
    return card, card_type


CARD_DOC, CARD_TYPE_DOC = _card_docs()

CARD = Obj(
    "card",
    CARD_DOC,
    {
        "id": Field(
            Identifier(),
            "Identifiant unique de la carte (minuscules, chiffres, - et _).",
            required=True,
        ),
        "type": Field(
            Choice(tuple(KINDS)),
            CARD_TYPE_DOC,
            required=True,
        ),
        "title": Field(TITLE, "Titre affiché sur la carte.", required=True),
        "text": Field(LONG_TEXT, "Texte de la carte.", default=""),
        "phases": Field(
            ListOf(Ref("phase"), min_items=1, unique=True),
            "Phases où la carte peut venir (toutes si absent).",
        ),
        "tags": Field(
            ListOf(Identifier(), unique=True),
            "Étiquettes, utilisables avec count(tag=...).",
            default=(),
        ),
        "weight": Field(
            Number(0, 1000),
            "Poids relatif au tirage parmi les événements possibles.",
            default=1,
            only_for=DRAWN,
        ),
        "when": Field(
            Expr(Type.BOOL),
            "Condition pour que la carte puisse être tirée.",
            only_for=DRAWN,
        ),
        "once": Field(
            Boolean(),
            "Au plus une fois par partie (vrai par défaut pour les décisions, faux sinon).",
        ),
        "effects": Field(EFFECTS, "Effets immédiats de la carte.", default=NO_EFFECTS),
        "lasting": Field(LASTING, "Effets durables de la carte."),
        "roles": Field(
            ListOf(Ref("role"), min_items=1, unique=True),
            "Rôles qui peuvent jouer cette décision (tous si absent).",
            default=(),
            only_for=HELD,
        ),
        "cost": Field(
            MapOf(Ref("indicator"), Integer(0, 10**6), "cost"),
            "Coût de la décision : `{indicateur: montant}` retiré en la jouant.",
            default=(),
            only_for=HELD,
        ),
        "requires": Field(Expr(Type.BOOL), "Condition pour jouer la décision.", only_for=HELD),
        "counters": Field(
            ListOf(Ref("card", FIRES), unique=True),
            "Événements auxquels cette décision répond (pour le débriefing).",
            default=(),
            only_for=HELD,
        ),
        "options": Field(
            ListOf(OPTION, min_items=2, max_items=8),
            "Les choix du dilemme (au moins deux).",
            only_for=WITH_OPTIONS,
        ),
        "to": Field(
            ListOf(Ref("role"), min_items=1, unique=True),
            "Rôles à qui la question est posée (si absent : tous, ou la table d'une seule voix).",
            default=(),
            only_for=ASKS,
        ),
        "expected": Field(
            ListOf(Text(max_length=500), max_items=30),
            "Points attendus dans la réponse : l'animateur coche ceux que la table a abordés "
            "(jamais montrés à la table).",
            default=(),
            only_for=ASKS,
        ),
        "handout": Field(
            Ref("handout"),
            "Le document (de `handouts`) montré avec la carte.",
            only_for=FIRES,
        ),
        "facilitator": _facilitator("la carte"),
    },
    _card_factory,
    variant="type",
)

# Deck parts ----------------------------------------------------------------

PHASE = Obj(
    "phase",
    "Un temps de la crise.",
    {
        "id": Field(Identifier(), "Identifiant de la phase.", required=True),
        "title": Field(TITLE, "Titre affiché.", required=True),
        "rounds": Field(Integer(1, 50), "Nombre de tours.", default=1),
        "events_per_round": Field(Integer(0, 10), "Événements tirés à chaque tour.", default=1),
        "text": Field(LONG_TEXT, "Description de la phase.", default=""),
        "minutes": Field(
            Integer(1, 120),
            "Durée d'un tour de cette phase, en minutes (la préparation peut l'imposer à tous).",
        ),
        "facilitator": _facilitator("la phase"),
    },
    _build(Phase),
)

ROLE = Obj(
    "role",
    "Un rôle tenu par une équipe.",
    {
        "id": Field(Identifier(), "Identifiant du rôle.", required=True),
        "title": Field(TITLE, "Titre affiché.", required=True),
        "hand_size": Field(Integer(0, 20), "Nombre de cartes en main.", default=4),
        "actions_per_round": Field(Integer(0, 10), "Décisions jouables par tour.", default=1),
        "text": Field(LONG_TEXT, "Description du rôle.", default=""),
        "facilitator": _facilitator("le rôle"),
    },
    _build(Role),
)


def _indicator_factory(values: dict[str, Any], where: LocatedMap, ctx: Context) -> Any:
    if values["min"] > values["max"]:
        return ctx.error_under(
            "min",
            "indicator.bounds",
            where.at_value("min"),
            minimum=values["min"],
            maximum=values["max"],
        )
    if not values["min"] <= values["start"] <= values["max"]:
        return ctx.error_under(
            "start",
            "indicator.start",
            where.at_value("start"),
            start=values["start"],
            minimum=values["min"],
            maximum=values["max"],
        )
    return Indicator(**values, where=where)


INDICATOR = Obj(
    "indicator",
    "Une jauge que la table surveille, bornée par min et max.",
    {
        "id": Field(
            Identifier(name=True),
            "Nom de l'indicateur, utilisable dans les expressions (minuscules, chiffres, _).",
            required=True,
        ),
        "title": Field(TITLE, "Titre affiché.", required=True),
        "start": Field(Integer(), "Valeur de départ, entre min et max.", required=True),
        "min": Field(Integer(), "Valeur minimale.", default=0),
        "max": Field(Integer(), "Valeur maximale.", default=10),
        "good": Field(
            Choice(("high", "low")),
            "Sens favorable : high (plus c'est haut, mieux c'est) ou low.",
            default="high",
        ),
        "text": Field(LONG_TEXT, "Ce que mesure l'indicateur.", default=""),
    },
    _indicator_factory,
)

FLAG = OneOf(
    short=Identifier(name=True),
    full=Obj(
        "flag",
        "Un fait vrai ou faux de la partie.",
        {
            "id": Field(Identifier(name=True), "Nom du drapeau.", required=True),
            "title": Field(TITLE, "Ce qu'il signifie, affiché aux joueurs."),
        },
        lambda values, where, ctx: Flag(values["id"], values["title"] or values["id"], where),
    ),
    convert=lambda name, at: Flag(name, name, at=at),
)

ENDING = Obj(
    "ending",
    "Une fin possible, vérifiée dans l'ordre à la fin de chaque tour.",
    {
        "id": Field(Identifier(), "Identifiant de la fin.", required=True),
        "title": Field(TITLE, "Titre affiché.", required=True),
        "outcome": Field(Choice(OUTCOMES), "victory, defeat ou neutral.", default="neutral"),
        "when": Field(Expr(Type.BOOL), "Condition (absente : seulement par un effet `end`)."),
        "text": Field(LONG_TEXT, "Texte affiché à la fin.", default=""),
    },
    _build(Ending),
)

RECOMMENDATION = Obj(
    "recommendation",
    "Une recommandation du débriefing, donnée quand sa condition est vraie en fin de partie.",
    {
        "id": Field(Identifier(), "Identifiant de la recommandation.", required=True),
        "phase": Field(Ref("phase"), "Le temps de la crise qu'elle concerne.", required=True),
        "when": Field(Expr(Type.BOOL), "Condition évaluée sur la partie terminée.", required=True),
        "title": Field(TITLE, "La recommandation, en une phrase.", required=True),
        "text": Field(LONG_TEXT, "Ce qu'il faut faire, concrètement.", default=""),
        "priority": Field(Choice(PRIORITIES), "high, medium ou low.", default="medium"),
        "actor": Field(
            Text(max_length=200),
            "Qui agit : avec `lead`, les partenaires du pilote ; sans, l'acteur.",
            default="",
        ),
        "deadline": Field(Text(max_length=200), "Pour quand (échéance).", default=""),
        "lead": Field(
            Text(max_length=200),
            "Le pilote de l'action : un seul acteur, qui en répond (les autres vont dans `actor`).",
            default="",
        ),
        "category": Field(
            Choice(CATEGORIES),
            "Ce que l'action améliore : planification, organisation, equipement (équipement), "
            "formation ou exercice.",
        ),
        "indicator": Field(
            Text(max_length=300),
            "Comment savoir que c'est fait (indicateur de réalisation).",
            default="",
        ),
    },
    _build(Recommendation),
)

SOURCE = OneOf(
    short=Text(max_length=500, filled=False),
    full=Obj(
        "source",
        "Une source des faits utilisés par le deck.",
        {
            "title": Field(
                Text(max_length=500, filled=False),
                "Titre ou description de la source.",
                required=True,
            ),
            "url": Field(Text(max_length=1000, filled=False), "Adresse web.", default=""),
            "date": Field(
                Text(max_length=40, filled=False),
                "Date de publication ou de consultation.",
                default="",
            ),
            "note": Field(
                Text(max_length=1000, allow_empty=True, filled=False),
                "Ce que la source appuie.",
                default="",
            ),
        },
        _build(Source),
    ),
    convert=lambda title, at: Source(title=title),
)

OBSERVATION_TAG = OneOf(
    short=Identifier(),
    full=Obj(
        "observation_tag",
        "Une étiquette de la grille d'observation : les observateurs en marquent leurs notes.",
        {
            "id": Field(Identifier(), "Identifiant de l'étiquette.", required=True),
            "title": Field(TITLE, "Ce qu'elle désigne, affiché aux observateurs."),
            "text": Field(LONG_TEXT, "Ce qu'il faut observer sous cette étiquette.", default=""),
        },
        lambda values, where, ctx: ObservationTag(
            values["id"], values["title"] or values["id"], values["text"], where
        ),
    ),
    convert=lambda name, at: ObservationTag(name, name),
)

VARIABLE = Obj(
    "variable",
    "Une variable remplie à la préparation, écrite `{{id}}` dans les textes du deck.",
    {
        "id": Field(Identifier(), "Identifiant, écrit `{{id}}` dans les textes.", required=True),
        "title": Field(
            Text(max_length=160, filled=False),
            "Ce qu'elle désigne, demandé à la préparation.",
            required=True,
        ),
        "default": Field(
            Text(max_length=500, allow_empty=True, filled=False),
            "Sa valeur si la préparation n'en donne pas.",
            default="",
        ),
    },
    _build(Variable),
)

HANDOUT = Obj(
    "handout",
    "Un document montré en plein écran à la table (communiqué, courriel, SMS...).",
    {
        "id": Field(Identifier(), "Identifiant du document.", required=True),
        "kind": Field(
            Choice(HANDOUT_KINDS),
            "press (presse), email, sms, social (réseau social), memo (note) ou map (carte).",
            required=True,
        ),
        "title": Field(TITLE, "Titre affiché.", required=True),
        "text": Field(Text(max_length=8000), "Le document, en Markdown.", required=True),
    },
    _build(Handout),
)

SCHEDULE_ENTRY = Obj(
    "schedule_entry",
    "Une carte qui vient à coup sûr à un tour donné, avant les cartes déclenchées et tirées.",
    {
        "phase": Field(Ref("phase"), "La phase.", required=True),
        "round": Field(Integer(1, 50), "Le tour de la phase (1 pour le premier).", required=True),
        "card": Field(
            Ref("card", TRIGGERED), "L'événement, le dilemme ou la question.", required=True
        ),
    },
    _build(ScheduleEntry),
)

QUESTIONNAIRE_ITEM = Obj(
    "questionnaire_item",
    "Une question du retour d'expérience, posée à chaque rôle à la fin de la partie.",
    {
        "id": Field(Identifier(), "Identifiant de la question.", required=True),
        "text": Field(Text(max_length=500), "La question.", required=True),
        "scale": Field(
            Choice(SCALES),
            "score (de 0 à 100 par pas de 10), yesno (oui ou non) ou text (texte libre).",
            default="text",
        ),
    },
    _build(QuestionnaireItem),
)

# Lessons --------------------------------------------------------------------

# The simulation's built-in policies (`sim.BUILTIN_POLICIES`, which a test holds to these):
# a deck names no policy of its own, which would be code to run.
POLICIES = ("random", "greedy", "pass", "cautious")
# Each kind of lesson, the key it is said with and the keys that go with it only.
LESSON_KEYS: Mapping[str, tuple[str, ...]] = {
    "better": ("than",),
    "winning": (),
    "reachable": ("min",),
    "role_idle": ("max",),
}


class PolicyList(ListOf):
    """One policy's name, or a list of them."""

    def check(self, value: Any, ctx: Context, at: Position) -> Any:
        if isinstance(value, str):
            checked = self.item.check(value, ctx, at)
            return INVALID if checked is INVALID else (checked,)
        return super().check(value, ctx, at)

    def json_schema(self) -> dict[str, Any]:
        return {"oneOf": [self.item.json_schema(), super().json_schema()]}


@attrs.frozen
class Subject(Ref):
    """What a lesson compares: a decision card's id, or a dilemma's option.

    An option is `card/option` (as the balance report names it), or its id
    alone when no other dilemma has an option of that id; it is kept in the
    first form. A card's id comes first, so a dilemma's own id asks for one of
    its options.
    """

    namespace: str = "lesson_subject"

    def check(self, value: Any, ctx: Context, at: Position) -> Any:
        if not isinstance(value, str):
            return self.wrong_type(value, ctx, at, "id")
        cards = ctx.ids.get("card", {})
        options = ctx.ids.get("option", {})
        if value in options:
            return value
        if value in cards:
            kind = KINDS.get(cards[value])
            if kind is None or kind.held:  # a misspelt type is reported where it is written
                return value
            own = sorted(option for option in options if option.startswith(value + "/"))
            return ctx.error(
                "lesson.not_a_choice",
                at,
                value=value,
                actual=cards[value],
                known=own,
            )
        named = sorted(option for option in options if option.split("/", 1)[1] == value)
        if len(named) == 1:
            return named[0]
        if named:
            return ctx.error("lesson.ambiguous", at, value=value, known=named)
        subjects = [card for card, kind in cards.items() if kind in HELD] + list(options)
        return ctx.error(
            "ref.unknown",
            at,
            namespace=self.namespace,
            value=value,
            suggestion=suggest(value, subjects),
            known=sorted(subjects) if len(subjects) <= 12 else [],
        )


def _lesson_factory(values: dict[str, Any], where: LocatedMap, ctx: Context) -> Any:
    said = [kind for kind in LESSON_KEYS if kind in where]
    if len(said) != 1:
        return ctx.error(
            "lesson.kind", where.at(), said=", ".join(said), kinds=", ".join(LESSON_KEYS)
        )
    kind = said[0]
    for other, keys in LESSON_KEYS.items():
        for key in keys:
            if other != kind and key in where:
                return ctx.error(
                    "lesson.key_not_for", where.at_key(key), key=key, kind=kind, allowed=other
                )
    if kind == "better":
        if "than" not in where:
            return ctx.error("key.missing", where.at(), key="than", what="lesson")
        if values["better"] == values["than"]:
            return ctx.error_under(
                "than", "lesson.same", where.at_value("than"), value=values["than"]
            )
    return Lesson(**values, where=where)


class LessonObj(Obj):
    """The lesson's object, whose schema asks for exactly one kind of claim."""

    def json_schema(self) -> dict[str, Any]:
        schema = super().json_schema()
        schema["oneOf"] = [
            {"required": [kind, *keys[:1]] if kind == "better" else [kind]}
            for kind, keys in LESSON_KEYS.items()
        ]
        return schema


SUBJECT = Subject()
LESSON = LessonObj(
    "lesson",
    "Une leçon que le deck veut enseigner, vérifiée en simulant des parties "
    "(`validate --strict`, `simulate --report`) : une seule des clés better, winning, "
    "reachable ou role_idle.",
    {
        "better": Field(
            SUBJECT,
            "Une décision (son id) ou une option de dilemme (`dilemme/option`, ou l'id de "
            "l'option s'il est unique) : les parties où elle est jouée ou choisie doivent "
            "finir avec un meilleur score moyen que celles de `than`.",
        ),
        "than": Field(
            SUBJECT, "Avec `better` : la décision ou l'option qui doit faire moins bien."
        ),
        "winning": Field(
            SUBJECT,
            "Une décision ou une option dont l'effet sur le score final doit être positif, "
            "au-delà du bruit statistique (comme le mesure le rapport d'équilibre).",
        ),
        "reachable": Field(
            Ref("ending"), "Une fin qui doit être atteinte dans au moins `min` des parties."
        ),
        "min": Field(
            Number(0, 1),
            "Avec `reachable` : la part minimale des parties (0,05 : 5 %).",
            default=0.05,
        ),
        "role_idle": Field(
            Integer(1, 50),
            "Un nombre de tours : aucun rôle ne doit rester autant de tours de suite sans "
            "aucune carte jouable dans plus de `max` des parties.",
        ),
        "max": Field(
            Number(0, 1),
            "Avec `role_idle` : la part maximale des parties (0,1 : 10 %).",
            default=0.1,
        ),
        "policy": Field(
            PolicyList(Choice(POLICIES), min_items=1, unique=True),
            "La politique simulée, ou la liste de celles pour qui la leçon doit tenir "
            "(random, greedy, pass, cautious ; greedy par défaut pour reachable, random sinon).",
            default=(),
        ),
    },
    _lesson_factory,
)

# The whole deck (the factory lives in build.py, which sees all parts).

DECK_FIELDS: Mapping[str, Field] = {
    "format": Field(Choice((FORMAT_VERSION,)), "Version du format de deck : 1.", required=True),
    "id": Field(Identifier(), "Identifiant du deck.", required=True),
    "title": Field(TITLE, "Titre du deck.", required=True),
    "language": Field(Choice(("fr", "en")), "Langue des textes du deck.", default="fr"),
    "style": Field(
        Choice(STYLES),
        "game (un jeu : indicateurs, score, fins) ou discussion (un exercice de discussion : "
        "questions, pas de victoire ni de défaite, indicateurs facultatifs).",
        default="game",
    ),
    "outcome_words": Field(
        Choice(OUTCOME_WORDS),
        "victory (victoire, défaite) ou neutral (issue favorable, issue défavorable, partout "
        "où une issue est nommée) : pour un événement que des joueurs ont pu vivre.",
        default="victory",
    ),
    "summary": Field(LONG_TEXT, "Résumé affiché à l'accueil.", default=""),
    "license": Field(
        Text(max_length=100, filled=False),
        "Licence des textes (par exemple CC-BY-SA-4.0).",
        default="",
    ),
    "authors": Field(ListOf(Text(max_length=200, filled=False)), "Auteurs.", default=()),
    "sources": Field(ListOf(SOURCE), "Sources des faits utilisés.", default=()),
    "duration": Field(Integer(5, 600), "Durée indicative d'une partie, en minutes."),
    "include": Field(
        ListOf(Text(max_length=300, filled=False)),
        "Motifs (glob) de fichiers de cartes à côté du deck.",
        default=(),
    ),
    "phases": Field(
        ListOf(PHASE, min_items=1, max_items=20),
        "Les temps de la crise, dans l'ordre (avant, pendant, apres si absent).",
    ),
    "roles": Field(
        ListOf(ROLE, min_items=1, max_items=12),
        "Les rôles des équipes, dans l'ordre de jeu.",
        required=True,
    ),
    "indicators": Field(
        ListOf(INDICATOR, min_items=1, max_items=12),
        "Les indicateurs (facultatifs dans un exercice de discussion).",
        default=(),
        required_unless=("style", "discussion"),
    ),
    "flags": Field(ListOf(FLAG, max_items=500), "Les drapeaux (faits vrais ou faux).", default=()),
    "cards": Field(ListOf(CARD, max_items=MAX_CARDS), "Les cartes.", default=()),
    "endings": Field(ListOf(ENDING, max_items=50), "Les fins, vérifiées dans l'ordre.", default=()),
    "score": Field(
        Expr(Type.NUMBER),
        "Le score final (par défaut la somme des indicateurs, les « low » comptés en négatif).",
    ),
    "recommendations": Field(
        ListOf(RECOMMENDATION, max_items=500), "Les recommandations du débriefing.", default=()
    ),
    "facilitator": _facilitator("le scénario"),
    "observation_tags": Field(
        ListOf(OBSERVATION_TAG, max_items=30),
        "La grille d'observation : les étiquettes que les observateurs donnent à leurs notes.",
        default=(),
    ),
    "variables": Field(
        ListOf(VARIABLE, max_items=50),
        "Les variables, remplies à la préparation : `{{id}}` dans n'importe quel texte.",
        default=(),
    ),
    "handouts": Field(
        ListOf(HANDOUT, max_items=200),
        "Les documents montrés à la table (avec une carte, ou depuis la liste des documents).",
        default=(),
    ),
    "schedule": Field(
        ListOf(SCHEDULE_ENTRY, max_items=1000),
        "Le programme : les cartes qui viennent à coup sûr, dans cet ordre, "
        "avant les cartes déclenchées et tirées du même tour.",
        default=(),
    ),
    "questionnaire": Field(
        ListOf(QUESTIONNAIRE_ITEM, max_items=50),
        "Le questionnaire du retour d'expérience, posé à chaque rôle à la fin de la partie.",
        default=(),
    ),
    "lessons": Field(
        ListOf(LESSON, max_items=100),
        "Les leçons que le deck veut enseigner, vérifiées par simulation : "
        "`{better: a, than: b}`, `{winning: a}`, `{reachable: fin, min: 0.05}`, "
        "`{role_idle: 2, max: 0.1}`.",
        default=(),
    ),
}

INCLUDED_FIELDS: Mapping[str, Field] = {
    "cards": DECK_FIELDS["cards"],
    "recommendations": DECK_FIELDS["recommendations"],
}
