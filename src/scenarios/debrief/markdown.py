"""The debrief as Markdown: for the terminal (rendered by rich) and for sharing as a file.

Organised as French RETEX reports are: per time of the crisis, points
positifs, axes d'amélioration and recommendations with who acts and by when,
each with its evidence; then the écarts, and a kit to hand out.
"""

from __future__ import annotations

from scenarios.debrief.model import (
    ComparisonReport,
    Finding,
    PhaseReport,
    Quote,
    RecommendationHit,
    SessionReport,
)
from scenarios.debrief.texts import (
    describe,
    describe_evidence,
    join_items,
    label,
    local_time,
    outcome_line,
    quote_source,
    teams_text,
    theme,
    where,
)
from scenarios.i18n import Lang
from scenarios.sparkline import sparkline


def session_markdown(report: SessionReport, lang: Lang = "fr") -> str:
    lines: list[str] = [f"# {label(lang, 'title', deck=report.deck_title)}", ""]
    lines += [
        label(
            lang,
            "session",
            started=local_time(report.started),
            seed=report.seed,
            teams=teams_text(report),
        ),
        "",
    ]
    lines += [f"**{outcome_line(report, lang)}**", ""]
    if report.damage:
        lines += [f"> {label(lang, 'damaged', problem=report.damage)}", ""]
    lines += _indicators(report, lang)
    for phase in report.phases:
        lines += _phase(phase, report, lang)
    lines += _general(report, lang)
    lines += _gaps(report, lang)
    lines += _kit(report, lang)
    lines += ["", f"*{label(lang, 'journal', path=report.journal)}*", ""]
    return "\n".join(lines)


def _indicators(report: SessionReport, lang: Lang) -> list[str]:
    lines = [f"## {label(lang, 'indicators')}", ""]
    lines.append(
        f"| {label(lang, 'indicator')} | {label(lang, 'start')} | {label(lang, 'end')} "
        f"| {label(lang, 'trend')} |"
    )
    lines.append("|---|---:|---:|---|")
    for index, (indicator, value) in enumerate(report.indicators):
        values = [row[index] for row in report.trail] or [value]
        low, high = report.bounds[index]
        lines.append(
            f"| {report.name('indicator', indicator)} | {values[0]} | {value} "
            f"| `{sparkline(values, low, high)}` |"
        )
    return [*lines, ""]


def _finding_lines(findings: tuple[Finding, ...], report: SessionReport, lang: Lang) -> list[str]:
    if not findings:
        return [f"- {label(lang, 'none')}"]
    lines = []
    for finding in findings:
        lines.append(f"- {describe(finding, report, lang)}")
        proofs = describe_evidence(finding.evidence, report, lang)
        if proofs:
            lines.append(f"  *{label(lang, 'evidence', items=join_items(proofs, lang))}*")
    return lines


def _recommendation_lines(
    hit: RecommendationHit, report: SessionReport, lang: Lang, number: int
) -> list[str]:
    meta = [label(lang, f"priority.{hit.priority}")]
    if hit.actor:
        meta.append(label(lang, "actor", actor=hit.actor))
    if hit.deadline:
        meta.append(label(lang, "deadline", deadline=hit.deadline))
    lines = [f"{number}. **{hit.title}** — {join_items(meta, lang)}"]
    if hit.text:
        lines.append(f"   {hit.text}")
    proofs = describe_evidence(hit.evidence, report, lang)
    if proofs:
        lines.append(f"   *{label(lang, 'evidence', items=join_items(proofs, lang))}*")
    return lines


def _quote_line(quote: Quote, report: SessionReport, lang: Lang) -> str:
    opening, closing = ("« ", " »") if lang == "fr" else ("“", "”")
    return f"> {opening}{quote.text}{closing} — {quote_source(quote, report, lang)}"


def _phase(phase: PhaseReport, report: SessionReport, lang: Lang) -> list[str]:
    lines = [f"## {phase.title}", "", f"### {label(lang, 'strengths')}", ""]
    lines += _finding_lines(phase.strengths, report, lang)
    lines += ["", f"### {label(lang, 'improvements')}", ""]
    lines += _finding_lines(phase.improvements, report, lang)
    lines += ["", f"### {label(lang, 'recommendations')}", ""]
    if phase.recommendations:
        for number, hit in enumerate(phase.recommendations, start=1):
            lines += _recommendation_lines(hit, report, lang, number)
    else:
        lines.append(f"- {label(lang, 'none')}")
    if phase.quotes:
        lines += ["", f"### {label(lang, 'quotes')}", ""]
        for quote in phase.quotes:
            lines += [_quote_line(quote, report, lang), ""]
    moved = [m for m in phase.moves if m.net]
    if moved:
        lines += ["", f"### {label(lang, 'moves')}", ""]
        for move in moved:
            sign = f"+{move.net}" if move.net > 0 else f"−{-move.net}"
            causes = [
                f"{report.name('card', c.card)} ({'+' if c.delta > 0 else '−'}{abs(c.delta)})"
                for c in (*move.drops, *move.rises)
            ]
            lines.append(
                f"- {report.name('indicator', move.indicator)} : {move.start} → "
                f"{move.end} ({sign}) — {', '.join(causes)}"
                if lang == "fr"
                else f"- {report.name('indicator', move.indicator)}: {move.start} → "
                f"{move.end} ({sign}) — {', '.join(causes)}"
            )
    return [*lines, ""]


def _general(report: SessionReport, lang: Lang) -> list[str]:
    lines = [f"## {label(lang, 'general')}", ""]
    lines += _finding_lines(report.general, report, lang)
    lines += ["", f"### {label(lang, 'roles')}", ""]
    for activity in report.roles:
        lines.append(
            "- "
            + label(
                lang,
                "role_line",
                role=report.name("role", activity.role),
                plays=activity.plays,
                passes=activity.passes,
            )
        )
    return [*lines, ""]


def _gaps(report: SessionReport, lang: Lang) -> list[str]:
    if not report.gaps:
        return []
    lines = [f"## {label(lang, 'gaps')}", ""]
    lines.append(
        f"| {label(lang, 'gap.event')} | {label(lang, 'gap.when')} "
        f"| {label(lang, 'gap.expected')} | {label(lang, 'gap.done')} |"
    )
    lines.append("|---|---:|---|---|")
    for gap in report.gaps:
        expected = ", ".join(report.name("card", c) for c in gap.expected)
        status = label(lang, f"gap.{gap.status}", delay=gap.delay)
        done = f"{report.name('card', gap.answer)} ({status})" if gap.answer else status
        lines.append(f"| {report.name('card', gap.event)} | {gap.turn} | {expected} | {done} |")
    return [*lines, ""]


def _kit(report: SessionReport, lang: Lang) -> list[str]:
    lines = [f"## {label(lang, 'kit')}", "", label(lang, "kit.intro"), ""]
    for phase in report.phases:
        lines.append(f"**{phase.title}**")
        lines.append("")
        if not phase.recommendations:
            lines.append(f"- {label(lang, 'none')}")
        for hit in phase.recommendations:
            who = " · ".join(x for x in (hit.actor, hit.deadline) if x)
            lines.append(f"- {hit.title}" + (f" ({who})" if who else ""))
        lines.append("")
    return lines


def comparison_markdown(report: ComparisonReport, lang: Lang = "fr") -> str:
    first = report.sessions[0]
    lines = [
        f"# {label(lang, 'comparison', count=len(report.sessions), deck=report.deck_title)}",
        "",
        f"## {label(lang, 'sessions')}",
        "",
    ]
    indicators = [first.name("indicator", i) for i, _ in first.indicators]
    lines.append(
        f"| # | {label(lang, 'teams')} | {label(lang, 'seed')} | {label(lang, 'outcome')} "
        f"| {label(lang, 'score')} | " + " | ".join(indicators) + " |"
    )
    lines.append("|---:|---|---:|---|---:|" + "---:|" * len(indicators))
    for number, session in enumerate(report.sessions, start=1):
        teams = " + ".join(name for name, _ in session.teams)
        outcome = label(lang, f"outcome.{session.outcome}")
        if session.ending:
            outcome += f" — {session.name('ending', session.ending)}"
        values = " | ".join(str(v) for _, v in session.indicators)
        score = session.score if session.score is not None else "—"
        lines.append(f"| {number} | {teams} | {session.seed} | {outcome} | {score} | {values} |")
    lines += ["", f"## {label(lang, 'fired')}", ""]
    titles = {hit.id: hit.title for s in report.sessions for hit in s.recommendations}
    if not report.recommendation_counts:
        lines.append(f"- {label(lang, 'none')}")
    for rule, count in report.recommendation_counts:
        lines.append(f"- {titles.get(rule, rule)} — {count}/{len(report.sessions)}")
    lines += ["", f"## {label(lang, 'recurring')}", ""]
    if not report.recurring:
        lines.append(f"- {label(lang, 'none')}")
    for item in report.recurring:
        about = theme(item.finding, first, lang)
        times = label(lang, "times", count=item.count)
        lines.append(f"- **{item.team}** — {about} ({times})")
    return "\n".join([*lines, ""])


__all__ = ["comparison_markdown", "session_markdown", "where"]
