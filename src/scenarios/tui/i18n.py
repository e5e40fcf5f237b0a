"""The words of the screens, in French and English, and localised key bindings.

Textual reads a screen's bindings from its class, so `localised` makes (once
per language) a subclass whose footer speaks the player's language.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, TypeVar

from textual.binding import Binding
from textual.dom import DOMNode

from scenarios.i18n import Lang, french_typography

TEXTS: dict[str, dict[Lang, str]] = {
    # Home
    "home.title": {"fr": "Choisir un deck", "en": "Choose a deck"},
    "home.decks": {"fr": "Decks fournis", "en": "Bundled decks"},
    "home.sessions": {"fr": "Parties à reprendre", "en": "Sessions to resume"},
    "home.no_sessions": {"fr": "Aucune partie interrompue.", "en": "No interrupted session."},
    "home.session": {
        "fr": "{title} — commencée le {date} — {actions} actions",
        "en": "{title} — started {date} — {actions} actions",
    },
    "home.hint": {
        "fr": "Entrée : choisir · Tab : passer aux parties à reprendre · o : ouvrir un fichier",
        "en": "Enter: choose · Tab: go to sessions to resume · o: open a file",
    },
    "home.open": {"fr": "Ouvrir un fichier", "en": "Open a file"},
    "home.open_prompt": {"fr": "Chemin d’un deck YAML :", "en": "Path of a YAML deck:"},
    "home.invalid": {"fr": "Ce deck a des erreurs :", "en": "This deck has errors:"},
    "home.summary": {"fr": "Résumé", "en": "Summary"},
    "home.phases": {"fr": "Phases", "en": "Phases"},
    "home.roles": {"fr": "Rôles", "en": "Roles"},
    "home.duration": {
        "fr": "Durée : environ {minutes} minutes",
        "en": "Duration: about {minutes} minutes",
    },
    "home.rounds": {"fr": "{rounds} tours", "en": "{rounds} rounds"},
    "home.cards": {"fr": "{cards} cartes", "en": "{cards} cards"},
    # Setup
    "setup.title": {"fr": "Préparer la partie", "en": "Set up the session"},
    "setup.teams": {
        "fr": "Équipes : le nom de l’équipe qui tient chaque rôle (une équipe peut en tenir plusieurs)",
        "en": "Teams: the name of the team holding each role (a team may hold several)",
    },
    "setup.seed": {
        "fr": "Graine du tirage (notez-la pour rejouer la partie)",
        "en": "Seed of the draws (note it to replay the session)",
    },
    "setup.timer": {
        "fr": "Durée d’un tour, en minutes (0 : sans chronomètre)",
        "en": "Round length in minutes (0: no timer)",
    },
    "setup.start": {"fr": "Commencer la partie", "en": "Start the session"},
    "setup.bad_number": {
        "fr": "« {value} » n’est pas un nombre entier",
        "en": "'{value}' is not a whole number",
    },
    # Play
    "phase.label": {"fr": "Phase {number}/{count}", "en": "Phase {number}/{count}"},
    "play.round": {
        "fr": "Tour {round}/{rounds} · {turn}/{turns} en tout",
        "en": "Round {round}/{rounds} · {turn}/{turns} overall",
    },
    "play.timer": {"fr": "Chrono {time}", "en": "Timer {time}"},
    "play.paused": {"fr": "Chrono en pause {time}", "en": "Timer paused {time}"},
    "play.time_up": {"fr": "Temps écoulé pour ce tour", "en": "Time is up for this round"},
    "play.stage.events": {
        "fr": "Nouveau tour : appuyez sur d pour révéler les événements.",
        "en": "New round: press d to reveal the events.",
    },
    "play.stage.dilemma": {
        "fr": "Dilemme : la table choisit ensemble (↑↓ puis Entrée, ou 1, 2, 3…)",
        "en": "Dilemma: the table chooses together (↑↓ then Enter, or 1, 2, 3…)",
    },
    "play.stage.decisions": {
        "fr": "Au tour de l’équipe « {team} » — {role}",
        "en": "Team '{team}' to play — {role}",
    },
    "play.stage.role": {"fr": "Au tour de : {role}", "en": "To play: {role}"},
    "play.stage.end": {
        "fr": "Tous les rôles ont joué : appuyez sur f pour finir le tour.",
        "en": "Every role has played: press f to end the round.",
    },
    "play.events": {"fr": "Événements du tour", "en": "This round's events"},
    "play.no_events": {"fr": "Aucun événement ce tour-ci.", "en": "No event this round."},
    "play.hand": {"fr": "Main de {role}", "en": "{role}'s hand"},
    "play.empty_hand": {
        "fr": "Aucune carte en main : passez (p).",
        "en": "No card in hand: pass (p).",
    },
    "play.rationale": {
        "fr": "Pourquoi ce choix ? (facultatif, r pour écrire)",
        "en": "Why this choice? (optional, r to write)",
    },
    "play.cost": {"fr": "coût : {costs}", "en": "cost: {costs}"},
    "play.requires": {"fr": "condition : {condition}", "en": "condition: {condition}"},
    "play.playable": {"fr": "jouable", "en": "playable"},
    "play.gauges": {"fr": "Indicateurs", "en": "Indicators"},
    "play.log": {"fr": "Journal de la partie", "en": "Session log"},
    "play.resumed": {
        "fr": "Partie reprise : {actions} actions rejouées.",
        "en": "Session resumed: {actions} actions replayed.",
    },
    "play.damaged": {
        "fr": "Journal endommagé — {problem}. {kept} actions gardées ; l’original est copié dans {backup}.",
        "en": "Damaged journal — {problem}. {kept} actions kept; the original is copied to {backup}.",
    },
    # Log lines
    "log.round": {
        "fr": "— Tour {turn} · {phase}, tour {round} —",
        "en": "— Round {turn} · {phase}, round {round} —",
    },
    "log.revealed": {"fr": "Événement : {card}", "en": "Event: {card}"},
    "log.revealed.trigger": {"fr": "Événement déclenché : {card}", "en": "Triggered event: {card}"},
    "log.revealed.inject": {
        "fr": "Injecté par l’animateur : {card}",
        "en": "Injected by the facilitator: {card}",
    },
    "log.changed": {"fr": "  {indicator} {delta} ({card})", "en": "  {indicator} {delta} ({card})"},
    "log.flag.on": {"fr": "  {flag} : oui", "en": "  {flag}: yes"},
    "log.flag.off": {"fr": "  {flag} : non", "en": "  {flag}: no"},
    "log.chose": {
        "fr": "Choix de la table : {option} ({card})",
        "en": "The table chose: {option} ({card})",
    },
    "log.played": {"fr": "{role} joue « {card} »", "en": "{role} plays '{card}'"},
    "log.passed": {"fr": "{role} passe", "en": "{role} passes"},
    "log.rationale": {"fr": "  « {text} »", "en": '  "{text}"'},
    "log.given": {"fr": "  {role} reçoit « {card} »", "en": "  {role} receives '{card}'"},
    "log.scheduled": {
        "fr": "  « {card} » arrivera au tour {due}",
        "en": "  '{card}' will come in round {due}",
    },
    "log.noted": {"fr": "Note de l’animateur : {text}", "en": "Facilitator's note: {text}"},
    "log.paused": {"fr": "Chronomètre en pause", "en": "Timer paused"},
    "log.resumed": {"fr": "Chronomètre relancé", "en": "Timer resumed"},
    "log.undone": {"fr": "Annulé : la dernière action", "en": "Undone: the last action"},
    "log.injected_decision": {
        "fr": "Injecté par l’animateur : « {card} » pour {role}",
        "en": "Injected by the facilitator: '{card}' for {role}",
    },
    "log.ended": {
        "fr": "Fin de la partie : {ending} (score {score})",
        "en": "End of the game: {ending} (score {score})",
    },
    # Facilitator
    "cmd.inject": {"fr": "Injecter : {card}", "en": "Inject: {card}"},
    "cmd.inject_to": {"fr": "Injecter : {card} → {role}", "en": "Inject: {card} → {role}"},
    "cmd.inject.help": {
        "fr": "L’animateur fait entrer cette carte en jeu maintenant",
        "en": "The facilitator brings this card into play now",
    },
    "cmd.note": {"fr": "Ajouter une note", "en": "Add a note"},
    "cmd.note.help": {
        "fr": "Une remarque de l’animateur, gardée au journal",
        "en": "A facilitator's remark, kept in the journal",
    },
    "cmd.pause": {"fr": "Mettre le chronomètre en pause", "en": "Pause the timer"},
    "cmd.resume": {"fr": "Relancer le chronomètre", "en": "Resume the timer"},
    "cmd.timer.help": {
        "fr": "Le tour ne se termine pas pour autant",
        "en": "The round does not end because of it",
    },
    "cmd.undo": {"fr": "Annuler la dernière action", "en": "Undo the last action"},
    "cmd.undo.help": {
        "fr": "L’annulation est notée au journal ; rien n’est effacé",
        "en": "The undo is journaled; nothing is erased",
    },
    "note.prompt": {
        "fr": "Note de l’animateur (Entrée pour garder, Échap pour renoncer)",
        "en": "Facilitator's note (Enter to keep, Escape to cancel)",
    },
    "quit.question": {"fr": "Quitter la partie ?", "en": "Quit the session?"},
    "quit.explain": {
        "fr": "Elle est enregistrée et reprendra où elle s’est arrêtée :\nscenarios play --resume {path}",
        "en": "It is saved and will resume where it stopped:\nscenarios play --resume {path}",
    },
    "quit.yes": {"fr": "Quitter (o)", "en": "Quit (y)"},
    "quit.no": {"fr": "Continuer (n)", "en": "Continue (n)"},
    # End
    "end.title": {"fr": "Fin de la partie", "en": "End of the session"},
    "end.completed": {"fr": "Partie menée à son terme", "en": "Played to the end"},
    "end.score": {"fr": "Score final : {score}", "en": "Final score: {score}"},
    "end.outcome.victory": {"fr": "Victoire", "en": "Victory"},
    "end.outcome.defeat": {"fr": "Défaite", "en": "Defeat"},
    "end.outcome.neutral": {"fr": "Fin", "en": "Ending"},
    "end.outcome.completed": {"fr": "Dernier tour joué", "en": "Last round played"},
    "end.trajectories": {
        "fr": "Les indicateurs au fil des tours",
        "en": "Indicators round by round",
    },
    "end.summary": {"fr": "La partie en bref", "en": "The session in brief"},
    "end.counts": {
        "fr": "{rounds} tours joués · {plays} décisions · {passes} passes · {choices} dilemmes tranchés · {notes} notes",
        "en": "{rounds} rounds played · {plays} decisions · {passes} passes · {choices} dilemmas settled · {notes} notes",
    },
    "end.by_role": {
        "fr": "{role} : {plays} décisions, {passes} passes",
        "en": "{role}: {plays} decisions, {passes} passes",
    },
    "end.debrief_wait": {"fr": "Débriefing en préparation…", "en": "Preparing the debrief…"},
    "end.exported": {
        "fr": "Débriefing exporté : {markdown} et {html}",
        "en": "Debrief exported: {markdown} and {html}",
    },
    "end.journal": {"fr": "Journal de la partie : {path}", "en": "Session journal: {path}"},
    "end.replay": {
        "fr": "Rejouer : scenarios replay --verify {path}",
        "en": "Replay: scenarios replay --verify {path}",
    },
    # Replay
    "replay.start": {
        "fr": "Début de la partie : avancez avec →.",
        "en": "Start of the session: move on with →.",
    },
    "replay.action": {"fr": "Action n° {seq} ({time})", "en": "Action #{seq} ({time})"},
    "replay.position": {"fr": "Action {index}/{count}", "en": "Action {index}/{count}"},
    "replay.annotation": {"fr": "Annotation : {text}", "en": "Annotation: {text}"},
    "replay.annotate": {
        "fr": "Annotation du formateur, après l’action {index} (Entrée pour garder)",
        "en": "Trainer's annotation, after action {index} (Enter to keep)",
    },
    "replay.damaged": {
        "fr": "Journal endommagé — {problem} : seules les {count} premières actions sont montrées.",
        "en": "Damaged journal — {problem}: only the first {count} actions are shown.",
    },
    "replay.truncated": {
        "fr": "Fin du journal coupée — {problem} : les {count} actions complètes sont montrées.",
        "en": "Journal cut short — {problem}: its {count} complete actions are shown.",
    },
    "replay.playing": {
        "fr": "Lecture : une action toutes les {seconds} s",
        "en": "Playing: one action every {seconds} s",
    },
    "replay.paused": {"fr": "Lecture en pause", "en": "Playback paused"},
    "replay.pace": {
        "fr": "Une action toutes les {seconds} s",
        "en": "One action every {seconds} s",
    },
    # Keys (footer)
    "keyname.enter": {"fr": "Entrée", "en": "Enter"},
    "keyname.escape": {"fr": "Échap", "en": "Esc"},
    "keyname.space": {"fr": "Espace", "en": "Space"},
    "keyname.ends": {"fr": "Début/Fin", "en": "Home/End"},
    "key.quit": {"fr": "Quitter", "en": "Quit"},
    "key.choose": {"fr": "Choisir", "en": "Choose"},
    "key.open": {"fr": "Ouvrir un fichier", "en": "Open a file"},
    "key.resume": {"fr": "Reprendre", "en": "Resume"},
    "key.start": {"fr": "Commencer", "en": "Start"},
    "key.back": {"fr": "Retour", "en": "Back"},
    "key.draw": {"fr": "Révéler", "en": "Reveal"},
    "key.play": {"fr": "Jouer", "en": "Play"},
    "key.pass": {"fr": "Passer", "en": "Pass"},
    "key.end_round": {"fr": "Fin du tour", "en": "End round"},
    "key.rationale": {"fr": "Justifier", "en": "Explain"},
    "key.events": {"fr": "Événements", "en": "Events"},
    "key.close": {"fr": "Fermer", "en": "Close"},
    "key.hand": {"fr": "Main", "en": "Hand"},
    "key.palette": {"fr": "Animateur", "en": "Facilitator"},
    "key.new": {"fr": "Nouvelle partie", "en": "New session"},
    "key.action": {"fr": "Action", "en": "Action"},
    "key.round": {"fr": "Tour", "en": "Round"},
    "key.phase": {"fr": "Phase", "en": "Phase"},
    "key.decision": {"fr": "Décision", "en": "Decision"},
    "key.mark": {"fr": "Note", "en": "Note"},
    "key.ends": {"fr": "Aller", "en": "Go"},
    "key.autoplay": {"fr": "Lecture", "en": "Play"},
    "key.pace": {"fr": "Vitesse", "en": "Speed"},
    "key.annotate": {"fr": "Annoter", "en": "Annotate"},
    "key.export": {"fr": "Exporter le débriefing", "en": "Export the debrief"},
    "key.yes": {"fr": "Oui", "en": "Yes"},
    "key.no": {"fr": "Non", "en": "No"},
    # System commands
    "sys.theme": {"fr": "Thème", "en": "Theme"},
    "sys.theme.help": {
        "fr": "Changer les couleurs (un thème contrasté aide à deux mètres)",
        "en": "Change the colours",
    },
    "sys.keys": {"fr": "Touches", "en": "Keys"},
    "sys.keys.help": {"fr": "Afficher l’aide des touches", "en": "Show the keys"},
    "sys.quit": {"fr": "Quitter", "en": "Quit"},
    "sys.quit.help": {"fr": "Quitter l’application", "en": "Quit the application"},
    "sys.restart": {
        "fr": "Recommencer avec le deck modifié",
        "en": "Start again with the changed deck",
    },
    "sys.restart.help": {
        "fr": "Nouvelle partie avec la version enregistrée de « {title} », même graine et mêmes équipes",
        "en": "A new session with the saved version of '{title}', same seed and teams",
    },
    # A deck that changes on disk
    "watch.invalid.one": {
        "fr": "{file} : {count} erreur, la version précédente reste en place",
        "en": "{file}: {count} error, the previous version stays in place",
    },
    "watch.invalid.many": {
        "fr": "{file} : {count} erreurs, la version précédente reste en place",
        "en": "{file}: {count} errors, the previous version stays in place",
    },
    "watch.more.one": {"fr": "… et {count} autre", "en": "… and {count} more"},
    "watch.more.many": {"fr": "… et {count} autres", "en": "… and {count} more"},
    "watch.valid.one": {
        "fr": "{file} rechargé : valide, {count} avertissement",
        "en": "{file} reloaded: valid, {count} warning",
    },
    "watch.valid.many": {
        "fr": "{file} rechargé : valide, {count} avertissements",
        "en": "{file} reloaded: valid, {count} warnings",
    },
    "watch.setup": {
        "fr": "La préparation montre la nouvelle version ; ce qui était saisi est gardé.",
        "en": "Setup shows the new version; what was typed is kept.",
    },
    "watch.in_game": {
        "fr": "La partie en cours garde sa version. Pour jouer la nouvelle : ^p, « Recommencer avec le deck modifié ».",
        "en": "The session in progress keeps its version. To play the new one: ^p, 'Start again with the changed deck'.",
    },
    "watch.home": {
        "fr": "Ouvrez-le de nouveau pour jouer cette version.",
        "en": "Open it again to play this version.",
    },
    "watch.restart.question": {
        "fr": "Recommencer avec le deck modifié ?",
        "en": "Start again with the changed deck?",
    },
    "watch.restart.explain": {
        "fr": "La partie en cours reste enregistrée et pourra reprendre :\n{path}",
        "en": "The current session stays saved and can be resumed:\n{path}",
    },
    "watch.restart.yes": {"fr": "Recommencer (o)", "en": "Start again (y)"},
    "watch.restart.no": {"fr": "Continuer (n)", "en": "Continue (n)"},
}


def text(lang: Lang, key: str, **params: object) -> str:
    """The text `key` in `lang` with its parameters, with French spacing in French."""
    template = TEXTS[key].get(lang) or TEXTS[key]["fr"]
    if lang == "fr":
        template = french_typography(template)
    return template.format(**params) if params else template


def counted(lang: Lang, key: str, count: int, **params: object) -> str:
    """`key.one` or `key.many` as `count` asks: French counts 0 and 1 as singular."""
    one = count <= 1 if lang == "fr" else count == 1
    return text(lang, f"{key}.{'one' if one else 'many'}", count=count, **params)


# (key, action, text key, show in the footer, key shown, priority over the focused widget)
BindingSpec = tuple[str, str, str, bool, str | None, bool]

N = TypeVar("N", bound=DOMNode)


@functools.cache
def _localised(cls: type[Any], lang: Lang) -> type[Any]:
    specs: Sequence[BindingSpec] = cls.BINDING_SPECS
    bindings = [
        Binding(
            key,
            action,
            text(lang, label),
            show=show,
            key_display=text(lang, display) if display in TEXTS else display,
            id=action,
            priority=priority,
        )
        for key, action, label, show, display, priority in specs
    ]
    namespace = {
        "BINDINGS": bindings,
        "__module__": cls.__module__,
        "__qualname__": cls.__qualname__,
    }
    return type(cls.__name__, (cls,), namespace)


def localised(cls: type[N], lang: Lang) -> type[N]:
    """`cls` with its footer bindings (`BINDING_SPECS`) described in `lang`."""
    result: type[N] = _localised(cls, lang)
    return result
