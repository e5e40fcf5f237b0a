"""The debrief's sentences in French and English: findings, evidence, headings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Protocol

from scenarios.debrief.model import (
    Choice,
    Evidence,
    Finding,
    Quote,
    SessionReport,
    TimelineEntry,
)
from scenarios.deck.model import outcome_word
from scenarios.i18n import Lang, Texts

FINDINGS = Texts("findings")

THEMES = Texts("themes")

LABELS = Texts("debrief")

EVIDENCE = Texts("evidence")

# Findings whose sentence takes a plural, and the parameter that counts.
COUNTED = {"response_late": "delay", "improve_late": "delay"}

# Findings that name a victory or a defeat, and their twins in neutral words
# (`outcome_words: neutral`): the finding's kind stays what it is in the JSON.
NEUTRAL_KINDS = {
    "ending_defeat": "ending_unfavourable",
    "ending_victory": "ending_favourable",
    "defeats_avoided": "unfavourable_avoided",
}

# Numbers said with their noun (a plural entry each), for sentences that hold two.
NOUNS = {"passes": "passes", "plays": "decisions", "constrained": "times"}


def describe(finding: Finding, report: SessionReport, lang: Lang) -> str:
    """A finding as a sentence, with titles instead of ids."""
    counted = finding.params.get(COUNTED.get(finding.kind, ""))
    count = counted if isinstance(counted, int) else None
    return FINDINGS.format(lang, _worded(finding, report), _named(finding, report, lang), count)


def theme(finding: Finding, report: SessionReport, lang: Lang) -> str:
    """What a finding is about, without the details of one session (for comparisons)."""
    if THEMES.has(finding.kind):
        return THEMES.format(lang, _worded(finding, report), _named(finding, report, lang))
    return describe(finding, report, lang)


def cause(
    report: SessionReport,
    lang: Lang,
    card: str,
    option: str | None,
    by: tuple[str, str | None] | None = None,
) -> str:
    """What moved an indicator, as a phrase: a card, or the choice of a dilemma's option;
    for a triggered card, followed by the decision or choice that brought it."""
    if option is not None:
        text = LABELS(
            lang,
            "cause.option",
            option=report.name("option", f"{card}:{option}"),
            card=report.name("card", card),
        )
    else:
        text = LABELS(lang, "cause.card", card=report.name("card", card))
    if by is not None:
        text = LABELS(lang, "cause.by", cause=text, by=cause(report, lang, *by))
    return text


def _by(params: Mapping[str, object]) -> tuple[str, str | None] | None:
    by = params.get("by")
    if isinstance(by, Mapping) and isinstance(by.get("card"), str):
        option = by.get("option")
        return str(by["card"]), option if isinstance(option, str) else None
    return None


def _worded(finding: Finding, report: SessionReport) -> str:
    """The catalog id of a finding's sentence: in neutral words when the deck asks for them."""
    if report.neutral_outcomes:
        return NEUTRAL_KINDS.get(finding.kind, finding.kind)
    return finding.kind


def _named(finding: Finding, report: SessionReport, lang: Lang) -> dict[str, object]:
    params = dict(finding.params)
    card = params.get("card")
    if isinstance(card, str):
        option = params.get("option")
        params["cause"] = cause(
            report, lang, card, option if isinstance(option, str) else None, _by(params)
        )
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
            quoted = (LABELS(lang, "quoted", name=report.name(kind, v)) for v in value)
            params[key] = ", ".join(quoted) or "—"
    for key in ("delta", "net"):
        value = params.get(key)
        if isinstance(value, int):
            params[key] = signed(value)
    for key, noun in NOUNS.items():
        value = params.get(key)
        if isinstance(value, int):
            params[key] = LABELS(lang, noun, count=value)
    return params


def category(value: str, lang: Lang) -> str:
    """A recommendation's category in the reader's language (ids are French words)."""
    return LABELS(lang, f"category.{value}")


class PlanLine(Protocol):
    """What a line of an improvement plan says besides its title (a recommendation that
    held in one game, or a line of a workshop's consolidated kit): frozen, read only."""

    @property
    def lead(self) -> str: ...
    @property
    def actor(self) -> str: ...
    @property
    def category(self) -> str | None: ...
    @property
    def deadline(self) -> str: ...
    @property
    def indicator(self) -> str: ...


def plan_fields(line: PlanLine, lang: Lang) -> list[str]:
    """A plan line's lead (« pilote »), partners (who acts, without a lead), category,
    deadline and how to tell it is done, each worded, those it has."""
    fields = []
    if line.lead:
        fields.append(LABELS(lang, "lead", lead=line.lead))
    if line.actor:
        fields.append(LABELS(lang, "partners" if line.lead else "actor", actor=line.actor))
    if line.category:
        fields.append(LABELS(lang, "category", category=category(line.category, lang)))
    if line.deadline:
        fields.append(LABELS(lang, "deadline", deadline=line.deadline))
    if line.indicator:
        fields.append(LABELS(lang, "done_when", indicator=line.indicator))
    return fields


def signed(value: int) -> str:
    """A change with its sign: +2, −1 (a true minus sign), 0."""
    return f"+{value}" if value > 0 else f"−{-value}" if value < 0 else "0"


def where(item: Evidence | Quote | TimelineEntry, report: SessionReport, lang: Lang) -> str:
    """The moment something happened: its number in the journal, the round of the whole
    game (as the écarts' « Tour » column counts) and the phase."""
    return LABELS(
        lang, "where", seq=item.seq, turn=item.turn, phase=report.name("phase", item.phase),
        round=item.round,
    )  # fmt: skip


def describe_evidence(items: Iterable[Evidence], report: SessionReport, lang: Lang) -> list[str]:
    """Evidence as short phrases; moments a card was playable are grouped by phase."""
    phrases: list[str] = []
    playable: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for item in items:
        if item.what == "playable":
            playable[(item.card or "", item.phase)].append(item)
            continue
        yes_no = LABELS(lang, "flag.yes" if item.value else "flag.no")
        phrases.append(
            EVIDENCE.format(lang, item.what, {
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
        rounds = sorted({m.turn for m in moments})
        text_rounds = (
            f"{rounds[0]}–{rounds[-1]}"
            if len(rounds) > 1 and rounds == list(range(rounds[0], rounds[-1] + 1))
            else ", ".join(map(str, rounds))
        )
        phrases.append(
            EVIDENCE.format(lang, "playable", {
                    "card": report.name("card", card),
                    "rounds": text_rounds,
                    "phase": report.name("phase", phase),
                    "seqs": ", ".join(str(m.seq) for m in moments[:6])
                    + ("…" if len(moments) > 6 else ""),
                },
                count=len(rounds),
            )
        )
    return phrases


def outcome_label(lang: Lang, outcome: str | None, neutral: bool = False) -> str:
    """« victoire », « défaite »… in a sentence, as the debrief names them; « favorable »,
    « défavorable » when the deck asks for `neutral` words."""
    return LABELS(lang, f"outcome.{outcome_word(outcome or 'unfinished', neutral)}").lower()


def outcome_text(report: SessionReport, lang: Lang) -> str:
    """How the session ended, and on which ending if it reached one."""
    outcome = LABELS(lang, f"outcome.{outcome_word(report.outcome, report.neutral_outcomes)}")
    return f"{outcome} — {report.name('ending', report.ending)}" if report.ending else outcome


def score_text(report: SessionReport) -> str:
    return "—" if report.score is None else str(report.score)


def outcome_line(report: SessionReport, lang: Lang) -> str:
    if report.discussion:  # no outcome nor score: how long the exercise went
        key = "result.discussion" if report.over else "result.discussion.unfinished"
        return LABELS(lang, key, count=report.rounds)
    return LABELS(
        lang,
        "result",
        count=report.rounds,
        outcome=outcome_text(report, lang),
        score=score_text(report),
    )


def teams_text(report: SessionReport) -> str:
    """Teams and their roles; a team named after its only role is named once."""
    parts = []
    for name, roles in report.teams:
        titles = [report.name("role", r) for r in roles]
        parts.append(name if titles == [name] else f"{name} ({', '.join(titles)})")
    return ", ".join(parts)


def speaker(role: str | None, report: SessionReport, lang: Lang) -> str:
    """Who answered or replied: a role by its title, or the table as a whole."""
    return LABELS(lang, "the_table") if role is None else report.name("role", role)


def number(value: float) -> str:
    """A median as people write it: 55, not 55.0 (scores go by tens, so a median of
    them is a whole number)."""
    return f"{value:g}"


def join_items(items: Iterable[str], lang: Lang) -> str:
    """Items separated by a semicolon, spaced as the language wants."""
    return LABELS(lang, "list_separator").join(items)


def quote_source(quote: Quote, report: SessionReport, lang: Lang) -> str:
    """Who said it, while doing what, and where in the session."""
    if quote.kind == "rationale" and quote.option is not None:
        option = report.name("option", f"{quote.card}:{quote.option}")
        who = LABELS(lang, "quote.choice", option=option, card=report.name("card", quote.card))
    elif quote.kind == "rationale":
        key = "quote.pass" if quote.passed else "quote.rationale"
        who = LABELS(
            lang, key, role=report.name("role", quote.role), card=report.name("card", quote.card)
        )
    else:
        who = LABELS(lang, f"quote.{quote.kind}")
    return f"{who} ({where(quote, report, lang)})"


def timeline_text(entry: TimelineEntry, report: SessionReport, lang: Lang) -> str:
    """A line of a phase's timeline, with its round of the whole game."""
    card = report.name("card", entry.card)
    if entry.kind == "event":
        via = entry.via or "draw"
        if via == "trigger" and entry.by is not None:
            text = LABELS(lang, "timeline.trigger.by", card=card, by=cause(report, lang, *entry.by))
        else:
            key = f"timeline.{via}" if LABELS.has(f"timeline.{via}") else "timeline.draw"
            text = LABELS(lang, key, card=card)
    elif entry.kind == "choice":
        text = timeline_choice(entry, report, lang)
    elif entry.kind == "inject":
        key = "timeline.inject.role" if entry.role else "timeline.inject"
        text = LABELS(lang, key, card=card, role=report.name("role", entry.role))
    elif entry.kind == "undo":
        text = LABELS(lang, "timeline.undo", what=undone_text(entry, report, lang))
    else:
        text = LABELS(lang, "timeline.note", text=entry.text)
    return f"{LABELS(lang, 'timeline.at', turn=entry.turn)} — {text}"


def undone_text(entry: TimelineEntry, report: SessionReport, lang: Lang) -> str:
    """What an undo took back, as a phrase."""
    kind = entry.undone or "other"
    key = f"undo.{kind}" if LABELS.has(f"undo.{kind}") else "undo.other"
    return LABELS(
        lang,
        key,
        card=report.name("card", entry.card),
        role=report.name("role", entry.role),
        option=report.name("option", f"{entry.card}:{entry.option}"),
    )


def choice_consequences(choice: Choice, report: SessionReport, lang: Lang) -> list[str]:
    """What a chosen option did: its indicator changes, then the cards it brought."""
    parts = []
    if choice.changes:
        changes = ", ".join(
            f"{report.name('indicator', indicator)} {signed(delta)}"
            for indicator, delta in choice.changes
        )
        parts.append(LABELS(lang, "timeline.choice.changes", changes=changes))
    if choice.triggered:
        cards = ", ".join(
            LABELS(lang, "quoted", name=report.name("card", c)) for c in choice.triggered
        )
        parts.append(LABELS(lang, "timeline.choice.triggered", cards=cards))
    return parts


def timeline_choice(choice: Choice | TimelineEntry, report: SessionReport, lang: Lang) -> str:
    """« La table choisit « option » face à « dilemme » »."""
    return LABELS(
        lang,
        "timeline.choice",
        option=report.name("option", f"{choice.card}:{choice.option}"),
        card=report.name("card", choice.card),
    )
