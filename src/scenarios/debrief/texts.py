"""The debrief's sentences in French and English: findings, evidence, headings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from scenarios.debrief.model import Evidence, Finding, Quote, SessionReport
from scenarios.i18n import NBSP, Catalog, Lang, render

FINDINGS: Catalog = {
    "response_timely": {
        "fr": "« {answer} » a répondu à « {event} » dans le tour même.",
        "en": "'{answer}' answered '{event}' within the same round.",
    },
    "response_anticipated": {
        "fr": "« {answer} » avait anticipé « {event} ».",
        "en": "'{answer}' had anticipated '{event}'.",
    },
    "response_late": {
        "fr": "« {event} » n’a reçu de réponse (« {answer} ») que {delay} tour(s) plus tard.",
        "en": "'{event}' was only answered ('{answer}') {delay} round(s) later.",
    },
    "response_missing": {
        "fr": "« {event} » est resté sans réponse : {expected} n’a pas été joué.",
        "en": "'{event}' was never answered: {expected} was not played.",
    },
    "indicator_worse": {
        "fr": "{indicator} : {delta} à cause de « {card} » (bilan de la phase : {net}).",
        "en": "{indicator}: {delta} because of '{card}' (over the phase: {net}).",
    },
    "indicator_better": {
        "fr": "{indicator} : {delta} grâce à « {card} » (bilan de la phase : {net}).",
        "en": "{indicator}: {delta} thanks to '{card}' (over the phase: {net}).",
    },
    "role_idle": {
        "fr": "{role} n’a pris aucune décision ({passes} passes).",
        "en": "{role} took no decision ({passes} passes).",
    },
    "role_passive": {
        "fr": "{role} a passé plus souvent qu’il n’a décidé ({passes} passes, {plays} décisions).",
        "en": "{role} passed more often than it decided ({passes} passes, {plays} decisions).",
    },
    "cards_unused": {
        "fr": "Décisions possibles jamais prises : {cards}.",
        "en": "Decisions available but never taken: {cards}.",
    },
    "resource_unused": {
        "fr": "{indicator} : il restait {value} sur {max} à la fin de la partie.",
        "en": "{indicator}: {value} out of {max} were left at the end.",
    },
    "ending_defeat": {
        "fr": "La partie s’est terminée sur une défaite : {ending}.",
        "en": "The game ended in defeat: {ending}.",
    },
    "ending_victory": {
        "fr": "La partie s’est terminée sur une victoire : {ending}.",
        "en": "The game ended in victory: {ending}.",
    },
    "defeats_avoided": {
        "fr": "Aucune fin de défaite n’a été atteinte ({avoided}).",
        "en": "No defeat was reached ({avoided}).",
    },
}

THEMES: Catalog = {
    "response_late": {"fr": "réponse tardive à « {event} »", "en": "late answer to '{event}'"},
    "response_missing": {"fr": "pas de réponse à « {event} »", "en": "no answer to '{event}'"},
    "indicator_worse": {
        "fr": "{indicator} dégradé par « {card} »",
        "en": "{indicator} worsened by '{card}'",
    },
    "role_idle": {"fr": "{role} sans décision", "en": "{role} took no decision"},
    "role_passive": {
        "fr": "{role} passe plus qu’il ne décide",
        "en": "{role} passes more than it decides",
    },
    "ending_defeat": {"fr": "défaite : {ending}", "en": "defeat: {ending}"},
}

LABELS: Catalog = {
    "title": {"fr": "Débriefing — {deck}", "en": "Debrief — {deck}"},
    "comparison": {
        "fr": "Comparaison de {count} parties — {deck}",
        "en": "{count} sessions compared — {deck}",
    },
    "session": {
        "fr": "Partie commencée le {started}, graine {seed} ; équipes : {teams}.",
        "en": "Session started {started}, seed {seed}; teams: {teams}.",
    },
    "journal": {"fr": "Journal : {path}", "en": "Journal: {path}"},
    "outcome.victory": {"fr": "Victoire", "en": "Victory"},
    "outcome.defeat": {"fr": "Défaite", "en": "Defeat"},
    "outcome.neutral": {"fr": "Fin", "en": "Ending"},
    "outcome.completed": {"fr": "Partie menée à son terme", "en": "Played to the end"},
    "outcome.unfinished": {"fr": "Partie inachevée", "en": "Unfinished session"},
    "result": {
        "fr": "Issue : {outcome}{ending} ; score {score} ; {rounds} tours joués.",
        "en": "Outcome: {outcome}{ending}; score {score}; {rounds} rounds played.",
    },
    "damaged": {
        "fr": "Attention : journal endommagé ({problem}) ; seul son début valide est analysé.",
        "en": "Warning: damaged journal ({problem}); only its valid beginning is analysed.",
    },
    "indicators": {"fr": "Les indicateurs", "en": "The indicators"},
    "indicator": {"fr": "Indicateur", "en": "Indicator"},
    "start": {"fr": "Départ", "en": "Start"},
    "end": {"fr": "Fin", "en": "End"},
    "trend": {"fr": "Tour par tour", "en": "Round by round"},
    "strengths": {"fr": "Points positifs", "en": "Strengths"},
    "improvements": {"fr": "Axes d’amélioration", "en": "Areas for improvement"},
    "recommendations": {"fr": "Recommandations", "en": "Recommendations"},
    "moves": {"fr": "Mouvements des indicateurs", "en": "Indicator moves"},
    "quotes": {"fr": "Les mots de la table", "en": "In the table's words"},
    "none": {"fr": "Rien de notable.", "en": "Nothing notable."},
    "general": {"fr": "Ensemble de la partie", "en": "The whole session"},
    "roles": {"fr": "Les rôles", "en": "The roles"},
    "role_line": {
        "fr": "{role} : {plays} décisions, {passes} passes",
        "en": "{role}: {plays} decisions, {passes} passes",
    },
    "gaps": {
        "fr": "Écarts entre l’attendu et le réalisé",
        "en": "Gaps between what was expected and what was done",
    },
    "gap.event": {"fr": "Événement", "en": "Event"},
    "gap.when": {"fr": "Tour", "en": "Round"},
    "gap.expected": {"fr": "Réponse attendue", "en": "Expected answer"},
    "gap.done": {"fr": "Réalisé", "en": "Done"},
    "gap.timely": {"fr": "à temps", "en": "in time"},
    "gap.anticipated": {"fr": "anticipé", "en": "anticipated"},
    "gap.late": {"fr": "{delay} tour(s) de retard", "en": "{delay} round(s) late"},
    "gap.missing": {"fr": "aucune réponse", "en": "no answer"},
    "kit": {"fr": "Le kit à distribuer", "en": "The kit to hand out"},
    "kit.intro": {
        "fr": "Ce que la table retient pour la vraie vie, temps par temps.",
        "en": "What the table takes back to real life, time by time.",
    },
    "priority.high": {"fr": "priorité haute", "en": "high priority"},
    "priority.medium": {"fr": "priorité moyenne", "en": "medium priority"},
    "priority.low": {"fr": "priorité basse", "en": "low priority"},
    "actor": {"fr": "acteur : {actor}", "en": "who: {actor}"},
    "deadline": {"fr": "échéance : {deadline}", "en": "by: {deadline}"},
    "evidence": {"fr": "Preuves : {items}", "en": "Evidence: {items}"},
    "quote.rationale": {"fr": "{role}, en jouant « {card} »", "en": "{role}, playing '{card}'"},
    "quote.pass": {"fr": "{role}, en passant", "en": "{role}, passing"},
    "quote.note": {"fr": "note de l’animateur", "en": "facilitator's note"},
    "quote.annotation": {"fr": "annotation du formateur", "en": "trainer's annotation"},
    "where": {"fr": "n° {seq}, {phase}, tour {round}", "en": "#{seq}, {phase}, round {round}"},
    "sessions": {"fr": "Les parties", "en": "The sessions"},
    "teams": {"fr": "Équipes", "en": "Teams"},
    "seed": {"fr": "Graine", "en": "Seed"},
    "outcome": {"fr": "Issue", "en": "Outcome"},
    "score": {"fr": "Score", "en": "Score"},
    "fired": {
        "fr": "Recommandations données, en nombre de parties",
        "en": "Recommendations given, by number of sessions",
    },
    "recurring": {
        "fr": "Axes d’amélioration qui reviennent, par équipe",
        "en": "Recurring areas for improvement, by team",
    },
    "trajectories": {"fr": "Trajectoires des indicateurs", "en": "Indicator trajectories"},
    "times": {"fr": "{count} fois", "en": "{count} times"},
}

EVIDENCE: Catalog = {
    "played": {
        "fr": "« {card} » jouée par {role} ({where})",
        "en": "'{card}' played by {role} ({where})",
    },
    "drawn": {"fr": "« {card} » survenue ({where})", "en": "'{card}' came up ({where})"},
    "chosen": {
        "fr": "option « {option} » choisie pour « {card} » ({where})",
        "en": "option '{option}' chosen for '{card}' ({where})",
    },
    "final": {
        "fr": "{indicator} = {value} en fin de partie",
        "en": "{indicator} = {value} at the end",
    },
    "flag": {"fr": "« {flag} » : {value} en fin de partie", "en": "'{flag}': {value} at the end"},
    "ending": {"fr": "fin de partie ({where})", "en": "end of the game ({where})"},
    "changed": {"fr": "{where}", "en": "{where}"},
    "never_playable": {
        "fr": "« {card} » jamais jouée (jamais en main)",
        "en": "'{card}' never played (never in hand)",
    },
    "playable": {
        "fr": "« {card} » jamais jouée, alors que jouable en « {phase} », tour(s) {rounds} (n° {seqs})",
        "en": "'{card}' never played, although playable in '{phase}', round(s) {rounds} (#{seqs})",
    },
}


def label(lang: Lang, key: str, **params: object) -> str:
    return render(LABELS, key, lang, params)


def describe(finding: Finding, report: SessionReport, lang: Lang) -> str:
    """A finding as a sentence, with titles instead of ids."""
    return render(FINDINGS, finding.kind, lang, _named(finding, report, lang))


def theme(finding: Finding, report: SessionReport, lang: Lang) -> str:
    """What a finding is about, without the details of one session (for comparisons)."""
    if finding.kind in THEMES:
        return render(THEMES, finding.kind, lang, _named(finding, report, lang))
    return describe(finding, report, lang)


def _named(finding: Finding, report: SessionReport, lang: Lang) -> dict[str, object]:
    params = dict(finding.params)
    for key, kind in (
        ("event", "card"),
        ("answer", "card"),
        ("card", "card"),
        ("indicator", "indicator"),
        ("role", "role"),
        ("ending", "ending"),
    ):
        value = params.get(key)
        if isinstance(value, str):
            params[key] = report.name(kind, value)
    for key in ("expected", "cards", "avoided"):
        value = params.get(key)
        if isinstance(value, list):
            kind = "ending" if key == "avoided" else "card"
            params[key] = (
                ", ".join(
                    f"« {report.name(kind, v)} »" if lang == "fr" else f"'{report.name(kind, v)}'"
                    for v in value
                )
                or "—"
            )
    for key in ("delta", "net"):
        value = params.get(key)
        if isinstance(value, int):
            params[key] = f"+{value}" if value > 0 else f"−{-value}" if value < 0 else "0"
    return params


def where(item: Evidence, report: SessionReport, lang: Lang) -> str:
    return label(
        lang, "where", seq=item.seq, phase=report.name("phase", item.phase), round=item.round
    )


def describe_evidence(items: Iterable[Evidence], report: SessionReport, lang: Lang) -> list[str]:
    """Evidence as short phrases; moments a card was playable are grouped by phase."""
    phrases: list[str] = []
    playable: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for item in items:
        if item.what == "playable":
            playable[(item.card or "", item.phase)].append(item)
            continue
        yes_no = (
            ("oui" if item.value else "non") if lang == "fr" else ("yes" if item.value else "no")
        )
        phrases.append(
            render(
                EVIDENCE,
                item.what,
                lang,
                {
                    "card": report.name("card", item.card),
                    "flag": report.name("flag", item.indicator),
                    "role": report.name("role", item.role),
                    "option": report.name(f"option:{item.card}", item.option),
                    "indicator": report.name("indicator", item.indicator),
                    "value": yes_no if item.what == "flag" else item.value,
                    "where": where(item, report, lang),
                },
            )
        )
    for (card, phase), moments in playable.items():
        rounds = sorted({m.round for m in moments})
        text_rounds = (
            f"{rounds[0]}–{rounds[-1]}"
            if len(rounds) > 1 and rounds == list(range(rounds[0], rounds[-1] + 1))
            else ", ".join(map(str, rounds))
        )
        phrases.append(
            render(
                EVIDENCE,
                "playable",
                lang,
                {
                    "card": report.name("card", card),
                    "rounds": text_rounds,
                    "phase": report.name("phase", phase),
                    "seqs": ", ".join(str(m.seq) for m in moments[:6])
                    + ("…" if len(moments) > 6 else ""),
                },
            )
        )
    return phrases


def outcome_line(report: SessionReport, lang: Lang) -> str:
    ending = f" — {report.name('ending', report.ending)}" if report.ending else ""
    score = report.score if report.score is not None else "—"
    return label(
        lang,
        "result",
        outcome=label(lang, f"outcome.{report.outcome}"),
        ending=ending,
        score=score,
        rounds=report.rounds,
    )


def local_time(iso: str) -> str:
    """An ISO time as day/month/year hour:minute in local time."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%d/%m/%Y %H:%M")
    except ValueError:
        return iso


def teams_text(report: SessionReport) -> str:
    """Teams and their roles; a team named after its only role is named once."""
    parts = []
    for name, roles in report.teams:
        titles = [report.name("role", r) for r in roles]
        parts.append(name if titles == [name] else f"{name} ({', '.join(titles)})")
    return ", ".join(parts)


def join_items(items: Iterable[str], lang: Lang) -> str:
    """Items separated the French way (« ; » with a no-break space) or the English way."""
    return (NBSP + "; " if lang == "fr" else "; ").join(items)


def quote_source(quote: Quote, report: SessionReport, lang: Lang) -> str:
    """Who said it, while doing what, and where in the session."""
    if quote.kind == "rationale":
        key = "quote.pass" if quote.passed else "quote.rationale"
        who = label(
            lang, key, role=report.name("role", quote.role), card=report.name("card", quote.card)
        )
    else:
        who = label(lang, f"quote.{quote.kind}")
    place = label(
        lang, "where", seq=quote.seq, phase=report.name("phase", quote.phase), round=quote.round
    )
    return f"{who} ({place})"
