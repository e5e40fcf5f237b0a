"""`scenarios new NAME`: a small, valid, commented deck to start from."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from scenarios.commands.discussion_starter import starter
from scenarios.commands.files import write_document
from scenarios.commands.output import TEXTS, say
from scenarios.deck.schema import SCHEMA_FILE, deck_schema, schema_text
from scenarios.deck.spec import slugify
from scenarios.i18n import Lang

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


def run(args: argparse.Namespace) -> int:
    """Write the starter deck NAME.yaml, and the schema it points editors to, in this folder.

    `--style discussion` writes a discussion exercise instead of a game
    (`discussion_starter.py`), in the reader's language.

    The name is a deck's name, not a path: a name with a folder in it (`/`, `\\`,
    `..`) is refused, with the name that would do, so that nothing is ever
    written outside the current folder; an empty name too. The file is named by
    the name's slug (« Crue de la Loire » → crue-de-la-loire.yaml: no space, no
    accent, never hidden), the deck's title keeps the words as written.
    """
    lang = args.lang
    name = args.name.strip()
    stem, suffix = _split(name)
    if any(sep in name for sep in ("/", "\\")) or stem in (".", ".."):
        say(TEXTS(lang, "new.path", name=args.name, sample=_slug(_last_part(name))), error=True)
        return 2
    if not _slug(stem):
        say(TEXTS(lang, "new.empty"), error=True)
        return 2
    path = Path(_slug(stem) + suffix)
    if path.exists():
        say(TEXTS(lang, "new.exists", path=path), error=True)
        return 1
    words = stem.replace("-", " ").replace("_", " ").strip()
    title = words[:1].upper() + words[1:]
    if args.style == "discussion":
        text = starter(lang, path.stem, title, str(path), SCHEMA_FILE)
    else:
        text = STARTER.format(
            schema=SCHEMA_FILE, file=path, id=path.stem, title=json.dumps(title, ensure_ascii=False)
        )
    code = write_document(path, text, lang, "new.created")
    return code or _write_schema(Path(SCHEMA_FILE), lang)


def _split(name: str) -> tuple[str, str]:
    """The name without its `.yaml`/`.yml`, and the suffix the file takes."""
    for suffix in (".yaml", ".yml"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)], suffix
    return name, ".yaml"


def _slug(text: str) -> str:
    """The file name (without suffix) for `text`; "" when it has no letter nor digit."""
    return slugify(text) if any(c.isalnum() for c in text) else ""


def _last_part(path: str) -> str:
    """The last part of a path a user gave as a name, or a sample name when it has none."""
    parts = [part for part in path.replace("\\", "/").split("/") if _slug(_split(part)[0])]
    return _split(parts[-1])[0] if parts else "mon-deck"


def _write_schema(path: Path, lang: Lang) -> int:
    """Write the deck schema at `path` for editors, unless a file that is not ours is there.

    The starter's first line names it relatively, so the deck and its schema
    can be moved or shared together; an older schema of ours is brought up to date.
    """
    text = schema_text()
    if path.exists():
        current = _read(path)
        if current == text:
            return 0
        if not _is_deck_schema(current):
            say(TEXTS(lang, "new.schema_kept", path=path), error=True)
            return 0
    return write_document(path, text, lang, "new.schema")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _is_deck_schema(text: str) -> bool:
    """Whether `text` is a deck schema written by scenarios (any version)."""
    try:
        document = json.loads(text)
    except ValueError:
        return False
    return isinstance(document, dict) and document.get("title") == deck_schema()["title"]
