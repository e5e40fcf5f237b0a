"""Why an action cannot be taken, as data the screen can show in either language."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from scenarios.i18n import Catalog, Lang, render

MESSAGES: Catalog = {
    "game_over": {"fr": "la partie est terminée", "en": "the game is over"},
    "stage.draw": {
        "fr": "il faut d’abord révéler les événements du tour",
        "en": "the round's events must be revealed first",
    },
    "stage.choose": {
        "fr": "il faut d’abord trancher le dilemme « {card} »",
        "en": "the dilemma '{card}' must be settled first",
    },
    "stage.decide": {
        "fr": "c’est le moment des décisions : {role} joue ou passe",
        "en": "it is time for decisions: {role} plays or passes",
    },
    "stage.end": {
        "fr": "tous les rôles ont joué : il reste à terminer le tour",
        "en": "every role has played: the round must be ended",
    },
    "not_pending": {
        "fr": "le dilemme « {card} » n’attend pas de choix",
        "en": "the dilemma '{card}' is not waiting for a choice",
    },
    "unknown_option": {
        "fr": "option inconnue « {option} » du dilemme « {card} »",
        "en": "unknown option '{option}' of dilemma '{card}'",
    },
    "option_requires": {
        "fr": "option impossible, condition : {condition}",
        "en": "option not possible, condition: {condition}",
    },
    "not_your_turn": {
        "fr": "c’est au tour de {current}, pas de {role}",
        "en": "it is {current}'s turn, not {role}'s",
    },
    "not_in_hand": {
        "fr": "« {card} » n’est pas dans la main de {role}",
        "en": "'{card}' is not in {role}'s hand",
    },
    "phase": {
        "fr": "phase : se joue en {phases}",
        "en": "phase: played in {phases}",
    },
    "requires": {
        "fr": "condition : {condition}",
        "en": "condition: {condition}",
    },
    "cost": {
        "fr": "coût : {indicator} {cost}, il reste {available}",
        "en": "cost: {indicator} {cost}, {available} left",
    },
    "no_actions": {
        "fr": "{role} a déjà joué ce tour",
        "en": "{role} has already played this round",
    },
    "unknown_card": {"fr": "carte inconnue « {card} »", "en": "unknown card '{card}'"},
    "unknown_role": {"fr": "rôle inconnu « {role} »", "en": "unknown role '{role}'"},
    "not_decision": {
        "fr": "« {card} » n’est pas une carte décision",
        "en": "'{card}' is not a decision card",
    },
    "inject_role": {
        "fr": "une décision injectée va dans la main d’un rôle : choisissez lequel",
        "en": "an injected decision goes into a role's hand: choose which",
    },
    "role_not_allowed": {
        "fr": "« {card} » ne se joue pas par {role}",
        "en": "'{card}' is not played by {role}",
    },
    "nothing_to_undo": {"fr": "rien à annuler", "en": "nothing to undo"},
    "already_paused": {
        "fr": "le chronomètre est déjà en pause",
        "en": "the timer is already paused",
    },
    "not_paused": {"fr": "le chronomètre n’est pas en pause", "en": "the timer is not paused"},
}


@attrs.frozen
class Refusal:
    """A reason why something cannot be done now: a code and its parameters."""

    code: str
    params: Mapping[str, object] = attrs.field(factory=dict)

    def message(self, lang: Lang = "fr") -> str:
        return render(MESSAGES, self.code, lang, self.params)


class IllegalAction(Exception):
    """An action the rules refuse; the state it was applied to is unchanged."""

    def __init__(self, refusal: Refusal) -> None:
        super().__init__(refusal.message("en"))
        self.refusal = refusal

    def message(self, lang: Lang = "fr") -> str:
        return self.refusal.message(lang)


def refuse(code: str, **params: object) -> IllegalAction:
    """An `IllegalAction` for `code` (to be raised)."""
    return IllegalAction(Refusal(code, params))
