"""The starter of `scenarios new NAME` (the default `--style game`): a small, valid,
commented game, in French, or in English with `--lang en` (the deck's own language then).

The templates are `str.format` strings: `{schema}`, `{file}`, `{id}` and `{title}` are
filled by `starter`, the deck's own braces are doubled.
"""

from __future__ import annotations

import json

from scenarios.i18n import Lang

FRENCH = """\
# yaml-language-server: $schema={schema}
# Un deck de départ : modifiez-le, puis vérifiez-le avec « scenarios validate {file} »
# et jouez-le avec « scenarios play {file} ».
format: 1
id: {id}
title: {title}
language: fr
summary: "Décrivez la crise en deux ou trois phrases : où, quand, qui est concerné."
license: CC-BY-SA-4.0
duration: 60                  # minutes, à titre indicatif

# Les trois temps de la crise, dans l'ordre. Sans « phases », ce sont ceux-ci.
phases:
  - {{id: avant,   title: "Avant — se préparer",  rounds: 1, events_per_round: 1}}
  - {{id: pendant, title: "Pendant — faire face", rounds: 2, events_per_round: 1}}
  - {{id: apres,   title: "Après — se relever",   rounds: 1, events_per_round: 1}}

# Les rôles tenus par les équipes, dans l'ordre où elles jouent.
roles:
  - {{id: mairie, title: "Mairie", hand_size: 3, actions_per_round: 1}}
  - {{id: prefecture, title: "Préfecture", hand_size: 3, actions_per_round: 1}}

# Les jauges : un nom sans tiret (il sert dans les conditions), des bornes, un départ.
indicators:
  - {{id: confiance, title: "Confiance de la population", min: 0, max: 10, start: 5}}
  - {{id: moyens,    title: "Moyens disponibles",         min: 0, max: 10, start: 6}}

# Les faits vrais ou faux de la partie.
flags: [alerte_donnee, crise]

cards:
  # Un événement : tiré au sort (selon son poids) quand sa condition « when » est vraie.
  - id: fortes-pluies
    type: event
    phases: [avant, pendant]
    title: "Fortes pluies annoncées"
    text: "Météo-France annonce un épisode pluvieux intense."
    when: "not crise"
    once: true
    effects: {{set: [crise]}}

  - id: rumeur
    type: event
    phases: [pendant]
    title: "Une rumeur circule"
    text: "Un message alarmiste et faux se partage sur les réseaux sociaux."
    weight: 2
    effects: {{confiance: -1}}
    lasting: {{rounds: 1, effects: {{confiance: -1}}}}   # encore -1 au début du tour suivant

  # Une décision : jouée par un rôle depuis sa main ; « requires » et « cost » la limitent.
  - id: alerter
    type: decision
    roles: [prefecture]
    title: "Alerter la population"
    text: "Message d’alerte avec les consignes de sécurité."
    requires: "crise and not alerte_donnee"
    cost: {{moyens: 1}}
    effects: {{confiance: 2, set: [alerte_donnee]}}
    counters: [rumeur]          # pour le débriefing : répond à cet événement
    tags: [alerte]

  - id: exercice
    type: decision
    phases: [avant]
    roles: [mairie]
    title: "Organiser un exercice du PCS"
    effects: {{moyens: 1}}

  - id: informer
    type: decision
    phases: [pendant, apres]
    title: "Informer sur les réseaux sociaux"
    effects: {{confiance: 1}}
    once: false                 # peut être rejouée

  # Un dilemme : tiré comme un événement, puis la table choisit une option.
  - id: coupure
    type: dilemma
    phases: [pendant]
    title: "Le réseau mobile tombe"
    options:
      - {{id: papier, title: "Passer au papier", effects: {{moyens: -1}}}}
      - {{id: attendre, title: "Attendre l’opérateur", effects: {{confiance: -2}}}}

  - id: retex
    type: decision
    phases: [apres]
    roles: [mairie, prefecture]
    title: "Lancer le retour d’expérience"
    effects: {{confiance: 1, moyens: 1}}

# Les fins, vérifiées dans l'ordre à la fin de chaque tour.
endings:
  # « scenarios validate --strict » simule des parties et signale une fin jamais atteinte ;
  # un commentaire comme le suivant tait un avertissement, en disant pourquoi.
  # lint: ignore lint.sim_ending_never — défaite rare, gardée pour l’exemple
  - {{id: defiance, when: "confiance <= 0", outcome: defeat, title: "La population ne vous croit plus"}}

score: "confiance + moyens"

# Les recommandations du débriefing : données quand leur condition est vraie en fin de partie.
recommendations:
  - id: exercer-pcs
    phase: avant
    when: "not played('exercice')"
    priority: high
    title: "Exercer le plan communal de sauvegarde"
    text: "Organiser un exercice par an, avec les services et les opérateurs."
    lead: "Maire"                     # le pilote : un seul acteur répond de l'action
    actor: "Services municipaux, opérateurs"   # ses partenaires
    deadline: "Dans l’année"
  - id: alerte-tardive
    phase: pendant
    when: "drawn('rumeur') and not played('alerter')"
    title: "Alerter tôt, avec des consignes claires"
    lead: "Préfecture"
  - id: faire-retex
    phase: apres
    when: "not played('retex')"
    title: "Faire un retour d’expérience dans le mois"
    lead: "Mairie"
    actor: "Préfecture"
"""


ENGLISH = """\
# yaml-language-server: $schema={schema}
# A starter deck: edit it, then check it with 'scenarios validate {file}'
# and play it with 'scenarios play {file}'.
format: 1
id: {id}
title: {title}
language: en
summary: "Describe the crisis in two or three sentences: where, when, who is affected."
license: CC-BY-SA-4.0
duration: 60                  # minutes, as a guide

# The three times of the crisis, in order.
phases:
  - {{id: before, title: "Before — getting ready", rounds: 1, events_per_round: 1}}
  - {{id: during, title: "During — facing it",     rounds: 2, events_per_round: 1}}
  - {{id: after,  title: "After — recovering",     rounds: 1, events_per_round: 1}}

# The roles the teams hold, in the order they play.
roles:
  - {{id: council, title: "Town council", hand_size: 3, actions_per_round: 1}}
  - {{id: prefecture, title: "Prefecture", hand_size: 3, actions_per_round: 1}}

# The gauges: a name without a dash (conditions use it), bounds, a start.
indicators:
  - {{id: trust,     title: "Public trust",        min: 0, max: 10, start: 5}}
  - {{id: resources, title: "Available resources", min: 0, max: 10, start: 6}}

# The facts of the game, true or false.
flags: [warning_given, crisis]

cards:
  # An event: drawn at random (by its weight) when its "when" condition holds.
  - id: heavy-rain
    type: event
    phases: [before, during]
    title: "Heavy rain forecast"
    text: "The weather service forecasts an intense rainfall episode."
    when: "not crisis"
    once: true
    effects: {{set: [crisis]}}

  - id: rumour
    type: event
    phases: [during]
    title: "A rumour spreads"
    text: "An alarming and false message is shared on social media."
    weight: 2
    effects: {{trust: -1}}
    lasting: {{rounds: 1, effects: {{trust: -1}}}}   # another -1 at the start of the next round

  # A decision: played by a role from its hand; "requires" and "cost" limit it.
  - id: warn
    type: decision
    roles: [prefecture]
    title: "Warn the population"
    text: "A warning message with the safety instructions."
    requires: "crisis and not warning_given"
    cost: {{resources: 1}}
    effects: {{trust: 2, set: [warning_given]}}
    counters: [rumour]          # for the debrief: it answers this event
    tags: [warning]

  - id: exercise
    type: decision
    phases: [before]
    roles: [council]
    title: "Hold an emergency plan exercise"
    effects: {{resources: 1}}

  - id: inform
    type: decision
    phases: [during, after]
    title: "Inform on social media"
    effects: {{trust: 1}}
    once: false                 # may be played again

  # A dilemma: drawn like an event, then the table chooses an option.
  - id: outage
    type: dilemma
    phases: [during]
    title: "The mobile network goes down"
    options:
      - {{id: paper, title: "Switch to paper", effects: {{resources: -1}}}}
      - {{id: wait, title: "Wait for the operator", effects: {{trust: -2}}}}

  - id: debrief
    type: decision
    phases: [after]
    roles: [council, prefecture]
    title: "Start the after-action review"
    effects: {{trust: 1, resources: 1}}

# The endings, checked in order at the end of each round.
endings:
  # 'scenarios validate --strict' simulates games and reports an ending never reached;
  # a comment like the next one silences a warning, saying why.
  # lint: ignore lint.sim_ending_never — a rare defeat, kept as an example
  - {{id: distrust, when: "trust <= 0", outcome: defeat, title: "The population no longer believes you"}}

score: "trust + resources"

# The debrief's recommendations: given when their condition holds at the end of the game.
recommendations:
  - id: exercise-plan
    phase: before
    when: "not played('exercise')"
    priority: high
    title: "Exercise the emergency plan"
    text: "Hold an exercise every year, with the services and the operators."
    lead: "Mayor"                     # the lead: one actor answers for the action
    actor: "Council services, operators"   # its partners
    deadline: "Within the year"
  - id: late-warning
    phase: during
    when: "drawn('rumour') and not played('warn')"
    title: "Warn early, with clear instructions"
    lead: "Prefecture"
  - id: hold-review
    phase: after
    when: "not played('debrief')"
    title: "Hold an after-action review within the month"
    lead: "Town council"
    actor: "Prefecture"
"""


def starter(lang: Lang, deck_id: str, title: str, file: str, schema: str) -> str:
    """The game starter in `lang`, for the deck `deck_id` titled `title` in `file`."""
    template = FRENCH if lang == "fr" else ENGLISH
    return template.format(
        schema=schema, file=file, id=deck_id, title=json.dumps(title, ensure_ascii=False)
    )
