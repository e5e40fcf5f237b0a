"""`scenarios new NAME`: a small, valid, commented deck to start from."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from scenarios.commands.files import write_document
from scenarios.commands.output import TEXTS, say
from scenarios.deck.bundled import bundled_folder
from scenarios.deck.schema import SCHEMA_FILE
from scenarios.deck.spec import slugify

STARTER = """\
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
    actor: "Maire"
    deadline: "Dans l’année"
  - id: alerte-tardive
    phase: pendant
    when: "drawn('rumeur') and not played('alerter')"
    title: "Alerter tôt, avec des consignes claires"
    actor: "Préfecture"
  - id: faire-retex
    phase: apres
    when: "not played('retex')"
    title: "Faire un retour d’expérience dans le mois"
    actor: "Mairie et préfecture"
"""


def run(args: argparse.Namespace) -> int:
    lang = args.lang
    name = args.name
    path = Path(name if name.endswith((".yaml", ".yml")) else name + ".yaml")
    if path.exists():
        say(TEXTS(lang, "new.exists", path=path), error=True)
        return 1
    schema = (bundled_folder() / SCHEMA_FILE).resolve().as_uri()
    title = path.stem.replace("-", " ").replace("_", " ").strip().capitalize() or "Nouveau deck"
    text = STARTER.format(
        schema=schema, file=path, id=slugify(path.stem), title=json.dumps(title, ensure_ascii=False)
    )
    return write_document(path, text, lang, "new.created")
