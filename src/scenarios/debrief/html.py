"""The debrief as one standalone HTML file: inline styles and SVG charts, printable on A4."""

from __future__ import annotations

from html import escape

from scenarios.charts import Series, line_chart
from scenarios.debrief.model import ComparisonReport, Finding, PhaseReport, SessionReport
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
)
from scenarios.htmlpage import page
from scenarios.i18n import Lang


def indicator_chart(report: SessionReport, lang: Lang) -> str:
    series = [
        Series(
            report.name("indicator", indicator),
            tuple(row[index] for row in report.trail),
            *report.bounds[index],
        )
        for index, (indicator, _) in enumerate(report.indicators)
    ]
    return line_chart(series, label(lang, "trend"), label(lang, "gap.when"))


def _findings(findings: tuple[Finding, ...], css: str, report: SessionReport, lang: Lang) -> str:
    if not findings:
        return f"<p>{escape(label(lang, 'none'))}</p>"
    items = []
    for finding in findings:
        proofs = describe_evidence(finding.evidence, report, lang)
        proof = (
            f'<span class="evidence">{escape(label(lang, "evidence", items=join_items(proofs, lang)))}</span>'
            if proofs
            else ""
        )
        items.append(f"<li>{escape(describe(finding, report, lang))}{proof}</li>")
    return f'<ul class="findings {css}">' + "".join(items) + "</ul>"


def _phase(phase: PhaseReport, report: SessionReport, lang: Lang) -> list[str]:
    parts = [
        f"<section><h2>{escape(phase.title)}</h2>",
        f"<h3>{escape(label(lang, 'strengths'))}</h3>",
        _findings(phase.strengths, "strengths", report, lang),
        f"<h3>{escape(label(lang, 'improvements'))}</h3>",
        _findings(phase.improvements, "improvements", report, lang),
        f"<h3>{escape(label(lang, 'recommendations'))}</h3>",
    ]
    if phase.recommendations:
        parts.append('<ol class="recommendations">')
        for hit in phase.recommendations:
            who = [label(lang, f"priority.{hit.priority}")]
            if hit.actor:
                who.append(label(lang, "actor", actor=hit.actor))
            if hit.deadline:
                who.append(label(lang, "deadline", deadline=hit.deadline))
            proofs = describe_evidence(hit.evidence, report, lang)
            parts.append(
                f'<li class="priority-{hit.priority}"><strong>{escape(hit.title)}</strong>'
                f'<div class="who">{escape(join_items(who, lang))}</div>'
                + (f"<div>{escape(hit.text)}</div>" if hit.text else "")
                + (
                    f'<span class="evidence">{escape(label(lang, "evidence", items=join_items(proofs, lang)))}</span>'
                    if proofs
                    else ""
                )
                + "</li>"
            )
        parts.append("</ol>")
    else:
        parts.append(f"<p>{escape(label(lang, 'none'))}</p>")
    if phase.quotes:
        parts.append(f"<h3>{escape(label(lang, 'quotes'))}</h3>")
        for quote in phase.quotes:
            source = quote_source(quote, report, lang)
            parts.append(
                f"<blockquote>{escape(quote.text)}<cite>— {escape(source)}</cite></blockquote>"
            )
    parts.append("</section>")
    return parts


def session_html(report: SessionReport, lang: Lang = "fr") -> str:
    title = label(lang, "title", deck=report.deck_title)
    body = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{escape(label(lang, "session", started=local_time(report.started), seed=report.seed, teams=teams_text(report)))}</p>',
        f'<p class="outcome">{escape(outcome_line(report, lang))}</p>',
    ]
    if report.damage:
        body.append(
            f'<p class="warning">{escape(label(lang, "damaged", problem=report.damage))}</p>'
        )
    body += [
        f"<section><h2>{escape(label(lang, 'indicators'))}</h2>",
        indicator_chart(report, lang),
        "<table><tr>"
        f"<th>{escape(label(lang, 'indicator'))}</th><th>{escape(label(lang, 'start'))}</th>"
        f"<th>{escape(label(lang, 'end'))}</th></tr>",
    ]
    for index, (indicator, value) in enumerate(report.indicators):
        start = report.trail[0][index] if report.trail else value
        body.append(
            f"<tr><td>{escape(report.name('indicator', indicator))}</td>"
            f'<td class="num">{start}</td><td class="num">{value}</td></tr>'
        )
    body.append("</table></section>")
    for phase in report.phases:
        body += _phase(phase, report, lang)
    body += [
        f"<section><h2>{escape(label(lang, 'general'))}</h2>",
        _findings(report.general, "", report, lang),
        f"<h3>{escape(label(lang, 'roles'))}</h3><ul>",
    ]
    body += [
        f"<li>{escape(label(lang, 'role_line', role=report.name('role', a.role), plays=a.plays, passes=a.passes))}</li>"
        for a in report.roles
    ]
    body.append("</ul></section>")
    if report.gaps:
        body += [
            f"<section><h2>{escape(label(lang, 'gaps'))}</h2><table><tr>",
            *(
                f"<th>{escape(label(lang, key))}</th>"
                for key in ("gap.event", "gap.when", "gap.expected", "gap.done")
            ),
            "</tr>",
        ]
        for gap in report.gaps:
            status = label(lang, f"gap.{gap.status}", delay=gap.delay)
            done = f"{report.name('card', gap.answer)} ({status})" if gap.answer else status
            expected = ", ".join(report.name("card", c) for c in gap.expected)
            body.append(
                f"<tr><td>{escape(report.name('card', gap.event))}</td>"
                f'<td class="num">{gap.turn}</td><td>{escape(expected)}</td>'
                f"<td>{escape(done)}</td></tr>"
            )
        body.append("</table></section>")
    body += [
        f'<section class="kit"><h2>{escape(label(lang, "kit"))}</h2>',
        f"<p>{escape(label(lang, 'kit.intro'))}</p>",
    ]
    for phase in report.phases:
        body.append(f"<h3>{escape(phase.title)}</h3><ul>")
        if not phase.recommendations:
            body.append(f"<li>{escape(label(lang, 'none'))}</li>")
        for hit in phase.recommendations:
            who = " · ".join(x for x in (hit.actor, hit.deadline) if x)
            body.append(
                f"<li><strong>{escape(hit.title)}</strong>"
                + (f" <span class='who'>({escape(who)})</span>" if who else "")
                + "</li>"
            )
        body.append("</ul>")
    body.append("</section>")
    body.append(f"<footer>{escape(label(lang, 'journal', path=report.journal))}</footer>")
    return page(title, body, lang)


def comparison_html(report: ComparisonReport, lang: Lang = "fr") -> str:
    title = label(lang, "comparison", count=len(report.sessions), deck=report.deck_title)
    first = report.sessions[0]
    body = [
        f"<h1>{escape(title)}</h1>",
        f"<section><h2>{escape(label(lang, 'sessions'))}</h2><table><tr>",
        "<th>#</th>",
        *(f"<th>{escape(label(lang, key))}</th>" for key in ("teams", "seed", "outcome", "score")),
        *(f"<th>{escape(first.name('indicator', i))}</th>" for i, _ in first.indicators),
        "</tr>",
    ]
    for number, session in enumerate(report.sessions, start=1):
        outcome = label(lang, f"outcome.{session.outcome}")
        if session.ending:
            outcome += f" — {session.name('ending', session.ending)}"
        body.append(
            f'<tr><td class="num">{number}</td>'
            f"<td>{escape(' + '.join(n for n, _ in session.teams))}</td>"
            f'<td class="num">{session.seed}</td><td>{escape(outcome)}</td>'
            f'<td class="num">{session.score if session.score is not None else "—"}</td>'
            + "".join(f'<td class="num">{v}</td>' for _, v in session.indicators)
            + "</tr>"
        )
    body.append("</table></section>")
    body.append(f"<section><h2>{escape(label(lang, 'trajectories'))}</h2>")
    for index, (indicator, _) in enumerate(first.indicators):
        series = [
            Series(f"#{n}", tuple(row[index] for row in s.trail), *s.bounds[index])
            for n, s in enumerate(report.sessions, start=1)
        ]
        body.append(line_chart(series, first.name("indicator", indicator), label(lang, "gap.when")))
    body.append("</section>")
    titles = {hit.id: hit.title for s in report.sessions for hit in s.recommendations}
    body.append(f"<section><h2>{escape(label(lang, 'fired'))}</h2><ul>")
    for rule, count in report.recommendation_counts:
        body.append(f"<li>{escape(titles.get(rule, rule))} — {count}/{len(report.sessions)}</li>")
    body.append("</ul></section>")
    body.append(f"<section><h2>{escape(label(lang, 'recurring'))}</h2><ul>")
    if not report.recurring:
        body.append(f"<li>{escape(label(lang, 'none'))}</li>")
    for item in report.recurring:
        body.append(
            f"<li><strong>{escape(item.team)}</strong> — "
            f"{escape(theme(item.finding, first, lang))} "
            f"({escape(label(lang, 'times', count=item.count))})</li>"
        )
    body.append("</ul></section>")
    return page(title, body, lang)
