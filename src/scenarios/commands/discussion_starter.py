"""The starter of `scenarios new NAME --style discussion`: a commented discussion exercise.

In French, or in English with `--lang en` (the deck's own language then). The
French one is written with plain spaces before « : ; ? ! » and gets French
typography as a whole, so that it passes `validate --strict` and stays
readable here. `@ID@`, `@TITLE@`, `@FILE@` and `@SCHEMA@` are filled by `starter`
(not `str.format`, which would clash with the deck's own `{{variables}}`).
"""

from __future__ import annotations

import json

from scenarios.i18n import Lang, french_typography

FRENCH = """\
# yaml-language-server: $schema=@SCHEMA@
# Un exercice de discussion de départ : pas de score ni de victoire, des questions
# auxquelles la table répond par écrit, des documents à lui montrer, un programme.
# Modifiez-le, vérifiez-le avec « scenarios validate --strict @FILE@ »
# et jouez-le avec « scenarios play @FILE@ ».
format: 1
id: @ID@
title: @TITLE@
language: fr
style: discussion             # un exercice de discussion ; « game » (par défaut) : un jeu avec indicateurs et score
summary: "Décrivez la crise en deux ou trois phrases : où, quand, qui est concerné."
license: CC-BY-SA-4.0
duration: 60                  # minutes, à titre indicatif
facilitator: "Rappeler en ouverture : pas de bonne ni de mauvaise réponse, on cherche ce qui manque au plan."

# Les variables : remplies à la préparation de la partie, écrites {{id}} dans n'importe quel texte.
variables:
  - {id: organisation, title: "Nom de l'organisation", default: "la communauté de communes"}
  - {id: commune, title: "Commune principale", default: "Quimper"}

# Les temps de l'exercice. « minutes » fixe la durée d'un tour de la phase ;
# « events_per_round: 0 » : rien n'est tiré au sort, tout vient du programme (schedule).
phases:
  - {id: avant, title: "Avant — l’alerte", rounds: 1, events_per_round: 0, minutes: 15}
  - id: pendant
    title: "Pendant — la crise"
    rounds: 2
    events_per_round: 0
    minutes: 20
    facilitator: "Objectif : tester la chaîne d’alerte quand les réseaux tombent."
  - {id: apres, title: "Après — le retour à la normale", rounds: 1, events_per_round: 0, minutes: 15}

# Les rôles : dans un exercice de discussion, ils répondent aux questions (pas de cartes en main).
roles:
  - {id: mairie, title: "Mairie de {{commune}}", hand_size: 0, actions_per_round: 0}
  - {id: prefecture, title: "Préfecture", hand_size: 0, actions_per_round: 0}

# Pas d'indicateurs : ils sont facultatifs dans un exercice de discussion.

# Les documents montrés en plein écran à la table : press, email, sms, social, memo ou map.
handouts:
  - id: communique
    kind: press
    title: "Communiqué de {{organisation}}"
    text: |
      **Coupure d’électricité à {{commune}}**

      Une panne touche une grande partie du territoire depuis 6 h ce matin.
      Les équipes sont mobilisées ; un point sera fait à midi.

# Le programme : ces cartes viennent à coup sûr, dans cet ordre, avant les cartes tirées du tour.
schedule:
  - {phase: avant, round: 1, card: q-alerte}
  - {phase: pendant, round: 1, card: coupure}
  - {phase: pendant, round: 2, card: q-priorites}
  - {phase: apres, round: 1, card: q-retour}

cards:
  # Un événement : ici programmé (weight: 0, il n'est pas tiré au sort), avec un document.
  - id: coupure
    type: event
    phases: [pendant]
    weight: 0
    title: "L’électricité est coupée"
    text: "Plus de courant à {{commune}} ni dans les communes voisines. Le réseau mobile faiblit."
    handout: communique           # montré avec la carte
    facilitator: "Lire lentement. Ne pas dire combien de temps durera la coupure."

  # Une question : la table (ou les rôles de « to ») y répond par écrit.
  # « expected » : les points attendus, que l'animateur coche ; la table ne les voit pas.
  - id: q-alerte
    type: question
    phases: [avant]
    weight: 0
    to: [prefecture]            # à qui elle est posée (tous les rôles si absent)
    title: "Comment l’alerte vous parvient-elle ?"
    text: "Météo-France annonce une tempête pour la nuit. Qui, chez {{organisation}}, reçoit l’alerte, et que fait-il ?"
    facilitator: "Laisser la table chercher ; relancer sur l’astreinte de nuit."
    expected: ["astreinte joignable la nuit", "liste de diffusion à jour", "consignes à la population"]

  - id: q-priorites
    type: question
    phases: [pendant]
    weight: 0
    to: [mairie, prefecture]
    title: "Qui prévenir en premier ?"
    text: "Vous ne joignez plus {{organisation}}. Qui prévenez-vous, par quel canal ?"
    facilitator: "Relancer si personne ne cite les personnes vulnérables."
    expected: ["annuaire de crise papier", "radio ou téléphone satellite", "personnes vulnérables"]

  - id: q-retour
    type: question
    phases: [apres]
    weight: 0
    title: "Que faut-il changer ?"
    text: "Le courant est revenu. Qu’est-ce qui a manqué, et qui s’en charge ?"
    facilitator: "Noter chaque idée avec un responsable et une échéance."
    expected: ["un responsable par action", "une échéance", "une mise à jour du plan"]

# Le retour d'expérience, posé à chaque rôle à la fin : score (0 à 100), yesno ou text.
questionnaire:
  - {id: chaine-alerte, text: "La chaîne d’alerte a-t-elle fonctionné ?", scale: score}
  - {id: plan-connu, text: "Le plan était-il connu de tous ?", scale: yesno}
  - {id: garder, text: "Qu’est-ce qui a bien marché et qu’il faut garder ?", scale: text}
"""

ENGLISH = """\
# yaml-language-server: $schema=@SCHEMA@
# A starter discussion exercise: no score nor victory, questions the table answers
# in writing, documents shown to it, a schedule.
# Edit it, check it with 'scenarios validate --strict @FILE@'
# and play it with 'scenarios play @FILE@'.
format: 1
id: @ID@
title: @TITLE@
language: en
style: discussion             # a discussion exercise; "game" (the default): a game with indicators and a score
summary: "Describe the crisis in two or three sentences: where, when, who is affected."
license: CC-BY-SA-4.0
duration: 60                  # minutes, as a guide
facilitator: "Say at the start: there are no right or wrong answers, we look for what the plan lacks."

# Variables: filled when the game is set up, written {{id}} in any text.
variables:
  - {id: organisation, title: "Name of the organisation", default: "the county council"}
  - {id: town, title: "Main town", default: "Exeter"}

# The times of the exercise. "minutes" sets the length of a round of the phase;
# "events_per_round: 0": nothing is drawn at random, everything comes from the schedule.
phases:
  - {id: before, title: "Before — the warning", rounds: 1, events_per_round: 0, minutes: 15}
  - id: during
    title: "During — the crisis"
    rounds: 2
    events_per_round: 0
    minutes: 20
    facilitator: "Goal: test the warning chain when the networks are down."
  - {id: after, title: "After — back to normal", rounds: 1, events_per_round: 0, minutes: 15}

# The roles: in a discussion exercise they answer questions (no cards in hand).
roles:
  - {id: council, title: "{{town}} council", hand_size: 0, actions_per_round: 0}
  - {id: police, title: "Police", hand_size: 0, actions_per_round: 0}

# No indicators: they are optional in a discussion exercise.

# Documents shown full screen to the table: press, email, sms, social, memo or map.
handouts:
  - id: statement
    kind: press
    title: "Statement from {{organisation}}"
    text: |
      **Power cut in {{town}}**

      An outage has hit most of the area since 6 am.
      Teams are at work; an update will follow at noon.

# The schedule: these cards come for sure, in this order, before the round's drawn cards.
schedule:
  - {phase: before, round: 1, card: q-warning}
  - {phase: during, round: 1, card: outage}
  - {phase: during, round: 2, card: q-priorities}
  - {phase: after, round: 1, card: q-lessons}

cards:
  # An event: scheduled here (weight: 0, it is never drawn at random), with a document.
  - id: outage
    type: event
    phases: [during]
    weight: 0
    title: "The power is out"
    text: "No power in {{town}} nor in the nearby villages. The mobile network is failing."
    handout: statement            # shown with the card
    facilitator: "Read slowly. Do not say how long the outage will last."

  # A question: the table (or the roles in "to") answers it in writing.
  # "expected": the points the facilitator ticks off; the table never sees them.
  - id: q-warning
    type: question
    phases: [before]
    weight: 0
    to: [police]                # whom it is asked (every role if absent)
    title: "How does the warning reach you?"
    text: "The Met Office forecasts a storm tonight. Who at {{organisation}} gets the warning, and what do they do?"
    facilitator: "Let the table think; prompt about the night on-call."
    expected: ["on-call reachable at night", "an up-to-date contact list", "advice to the public"]

  - id: q-priorities
    type: question
    phases: [during]
    weight: 0
    to: [council, police]
    title: "Whom do you warn first?"
    text: "You cannot reach {{organisation}} any more. Whom do you warn, and how?"
    facilitator: "Prompt if nobody mentions vulnerable people."
    expected: ["a paper contact list", "radio or satellite phone", "vulnerable people"]

  - id: q-lessons
    type: question
    phases: [after]
    weight: 0
    title: "What should change?"
    text: "The power is back. What was missing, and who takes it on?"
    facilitator: "Write each idea down with an owner and a deadline."
    expected: ["an owner per action", "a deadline", "an update of the plan"]

# Lessons learned, asked of each role at the end: score (0 to 100), yesno or text.
questionnaire:
  - {id: warning-chain, text: "Did the warning chain work?", scale: score}
  - {id: plan-known, text: "Did everyone know the plan?", scale: yesno}
  - {id: keep, text: "What worked well and should be kept?", scale: text}
"""


def starter(lang: Lang, deck_id: str, title: str, file: str, schema: str) -> str:
    """The discussion starter in `lang`, for the deck `deck_id` titled `title` in `file`."""
    template = french_typography(FRENCH) if lang == "fr" else ENGLISH
    for mark, value in (
        ("@SCHEMA@", schema),
        ("@FILE@", file),
        ("@ID@", deck_id),
        ("@TITLE@", json.dumps(title, ensure_ascii=False)),
    ):
        template = template.replace(mark, value)
    return template
