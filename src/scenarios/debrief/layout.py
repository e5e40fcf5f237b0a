"""The debrief laid out once as blocks, which `scenarios.render` writes as Markdown or HTML.

Organised as French RETEX reports are: per time of the crisis, points
positifs, axes d'amélioration and recommendations with who acts and by when,
each with its evidence; then the écarts, and a kit to hand out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from scenarios.debrief.model import (
    AnswerGiven,
    ComparisonReport,
    Evidence,
    Finding,
    IndicatorMove,
    PhaseReport,
    QuestionnaireSummary,
    QuestionReport,
    RecommendationHit,
    SessionReport,
)
from scenarios.debrief.texts import (
    LABELS,
    category,
    cause,
    choice_consequences,
    describe,
    describe_evidence,
    join_items,
    number,
    outcome_line,
    outcome_text,
    plan_fields,
    quote_source,
    score_text,
    signed,
    speaker,
    teams_text,
    theme,
    timeline_text,
)
from scenarios.i18n import Lang, local_time
from scenarios.render.blocks import (
    Aside,
    Block,
    Bullets,
    Chart,
    Code,
    Heading,
    Item,
    Paragraph,
    Quote,
    Section,
    Strong,
    Table,
)
from scenarios.render.charts import Series, line_chart
from scenarios.render.html import page
from scenarios.render.markdown import markdown
from scenarios.render.sparkline import sparkline


def session_markdown(report: SessionReport, lang: Lang = "fr") -> str:
    return markdown(session_blocks(report, lang), lang)


def session_html(report: SessionReport, lang: Lang = "fr") -> str:
    return page(session_blocks(report, lang), lang)


def comparison_markdown(report: ComparisonReport, lang: Lang = "fr") -> str:
    return markdown(comparison_blocks(report, lang), lang)


def comparison_html(report: ComparisonReport, lang: Lang = "fr") -> str:
    return page(comparison_blocks(report, lang), lang)


def session_blocks(report: SessionReport, lang: Lang) -> list[Block]:
    """One session: how it went, each time of the crisis, the whole game, the écarts, the kit.

    A discussion exercise: each time of the crisis with its questions and the table's
    words, then the questionnaire; no outcome, score, findings nor écarts."""
    session = "session.discussion" if report.discussion else "session"
    blocks: list[Block] = [
        Heading(1, LABELS(lang, "title", deck=report.deck_title)),
        Paragraph(
            LABELS(
                lang,
                f"{session}.table" if report.table else session,
                table=report.table or "",
                started=local_time(report.started),
                seed=report.seed,
                teams=teams_text(report),
            ),
            "meta",
        ),
        Paragraph(outcome_line(report, lang), "outcome"),
    ]
    if report.damage:
        blocks.append(Paragraph(LABELS(lang, "damaged", problem=report.damage), "warning"))
    if report.facilitator:
        blocks.append(_for_facilitator(report.facilitator, lang))
    if report.indicators:
        blocks.append(_indicators(report, lang))
    blocks += [_phase(phase, report, lang) for phase in report.phases]
    if not report.discussion:
        blocks.append(_general(report, lang))
    if report.gaps:
        blocks.append(_gaps(report, lang))
    if report.questionnaire:
        blocks.append(_questionnaire(report, lang))
    if not report.discussion or any(phase.planned for phase in report.phases):
        blocks.append(_kit(report, lang))
    blocks.append(Paragraph(LABELS(lang, "journal", path=report.journal), "footer"))
    return blocks


def _indicators(report: SessionReport, lang: Lang) -> Section:
    rows = []
    for index, (indicator, value) in enumerate(report.indicators):
        values = [row[index] for row in report.trail] or [value]
        trend = Code(sparkline(values, *report.bounds[index]))
        rows.append((report.name("indicator", indicator), str(values[0]), str(value), trend))
    headers = tuple(LABELS(lang, key) for key in ("indicator", "start", "end", "trend"))
    return Section(
        (
            Heading(2, LABELS(lang, "indicators")),
            _indicator_chart(report, lang),
            Table(headers, tuple(rows), (False, True, True, False)),
        )
    )


def _indicator_chart(report: SessionReport, lang: Lang) -> Chart:
    """Every indicator of the session, round by round."""
    series = [
        Series(report.name("indicator", i), _trajectory(report, index), *report.bounds[index])
        for index, (i, _) in enumerate(report.indicators)
    ]
    return Chart(line_chart(series, LABELS(lang, "trend"), LABELS(lang, "gap.when")))


def _trajectories(report: ComparisonReport, lang: Lang) -> tuple[Chart, ...]:
    """One chart per indicator, a line per session named by its table."""
    first = report.sessions[0]
    return tuple(
        Chart(
            line_chart(
                [
                    Series(table, _trajectory(s, index), *s.bounds[index])
                    for table, s in zip(report.tables, report.sessions, strict=True)
                ],
                first.name("indicator", indicator),
                LABELS(lang, "gap.when"),
            )
        )
        for index, (indicator, _) in enumerate(first.indicators)
    )


def _trajectory(report: SessionReport, index: int) -> tuple[int, ...]:
    return tuple(row[index] for row in report.trail)


def _evidence(items: Iterable[Evidence], report: SessionReport, lang: Lang) -> str:
    proofs = describe_evidence(items, report, lang)
    return LABELS(lang, "evidence", items=join_items(proofs, lang)) if proofs else ""


def _findings(
    findings: tuple[Finding, ...], css: str, report: SessionReport, lang: Lang
) -> Bullets:
    items = tuple(
        Item(describe(f, report, lang), evidence=_evidence(f.evidence, report, lang))
        for f in findings
    )
    return Bullets(items, css=css, empty=LABELS(lang, "none"))


def _recommendation(hit: RecommendationHit, report: SessionReport, lang: Lang) -> Item:
    """A recommendation as a line of an improvement plan: priority, lead (« pilote »), partners
    (who acts, without a lead), category, deadline and how to tell it is done."""
    who = [LABELS(lang, f"priority.{hit.priority}"), *plan_fields(hit, lang)]
    return Item(
        Strong(hit.title),
        who=join_items(who, lang),
        detail=hit.text,
        evidence=_evidence(hit.evidence, report, lang),
        css=f"priority-{hit.priority}",
    )


def _derived(finding: Finding, report: SessionReport, lang: Lang) -> Item:
    """A recommendation the game itself calls for (a late or missing response), its lead
    the one role that holds the answers when there is one."""
    role = finding.params.get("role")
    who = LABELS(lang, "lead", lead=report.name("role", role)) if isinstance(role, str) else ""
    return Item(
        describe(finding, report, lang),
        who=who,
        evidence=_evidence(finding.evidence, report, lang),
        css="derived",
    )


def _plan(phase: PhaseReport, report: SessionReport, lang: Lang) -> list[Block]:
    """A phase's recommendations: the deck's, those the game calls for, then what to keep
    (« à conserver »); « rien de notable » only when none of them has anything."""
    items = (
        *(_recommendation(hit, report, lang) for hit in phase.recommendations),
        *(_derived(finding, report, lang) for finding in phase.improve),
    )
    blocks: list[Block] = [Heading(3, LABELS(lang, "recommendations"))]
    if items or not _not_said(phase):
        empty = LABELS(lang, "none")
        blocks.append(Bullets(items, ordered=True, css="recommendations", empty=empty))
    keep = _not_said(phase)
    if keep:
        blocks += [
            Paragraph(Strong(LABELS(lang, "keep"))),
            _findings(keep, "findings keep", report, lang),
        ]
    return blocks


# A strength to keep and the point positif that already says it, in the same phase.
_SAID_AS = {
    "keep_response": ("response_timely", "event"),
    "keep_prepared": ("response_anticipated", "event"),
    "keep_decision": ("indicator_better", "card"),
}


def _not_said(phase: PhaseReport) -> tuple[Finding, ...]:
    """The phase's strengths to keep that its points positifs do not already say (the
    kit lists them all)."""
    said = {(f.kind, f.params.get(key)) for f in phase.strengths for key in ("event", "card")}
    return tuple(
        f
        for f in phase.keep
        if f.kind not in _SAID_AS
        or (_SAID_AS[f.kind][0], f.params.get(_SAID_AS[f.kind][1])) not in said
    )


def _move(move: IndicatorMove, report: SessionReport, lang: Lang) -> Item:
    causes = ", ".join(
        f"{cause(report, lang, c.card, c.option, c.by)} ({signed(c.delta)})"
        for c in (*move.drops, *move.rises)
    )
    return Item(
        LABELS(
            lang,
            "move",
            indicator=report.name("indicator", move.indicator),
            start=move.start,
            end=move.end,
            net=signed(move.net),
            causes=causes,
        )
    )


def _phase(phase: PhaseReport, report: SessionReport, lang: Lang) -> Section:
    """A time of the crisis: a game's findings and recommendations, its questions; a
    discussion's questions, then its recommendations when the deck gives some."""
    blocks: list[Block] = [Heading(2, phase.title)]
    if phase.facilitator:
        blocks.append(_for_facilitator(phase.facilitator, lang))
    if report.discussion:
        if not phase.questions:
            blocks.append(Paragraph(LABELS(lang, "questions.none")))
        for question in phase.questions:
            blocks += _question(question, report, lang)
        if phase.planned:
            blocks += _plan(phase, report, lang)
    else:
        blocks += [
            Heading(3, LABELS(lang, "strengths")),
            _findings(phase.strengths, "findings strengths", report, lang),
            Heading(3, LABELS(lang, "improvements")),
            _findings(phase.improvements, "findings improvements", report, lang),
        ]
        if phase.imposed:
            blocks += [
                Heading(3, LABELS(lang, "imposed")),
                _findings(phase.imposed, "findings imposed", report, lang),
            ]
        blocks += _plan(phase, report, lang)
        for question in phase.questions:
            blocks += _question(question, report, lang)
    if phase.timeline:
        blocks += [Heading(3, LABELS(lang, "timeline")), _timeline(phase, report, lang)]
    if phase.quotes:
        blocks.append(Heading(3, LABELS(lang, "quotes")))
        blocks += [Quote(q.text, quote_source(q, report, lang)) for q in phase.quotes]
    if phase.annotations:
        blocks.append(Heading(3, LABELS(lang, "annotations")))
        blocks += [Quote(q.text, quote_source(q, report, lang)) for q in phase.annotations]
    moved = tuple(_move(m, report, lang) for m in phase.moves if m.net)
    if moved:
        blocks += [Heading(3, LABELS(lang, "moves")), Bullets(moved)]
    return Section(tuple(blocks))


def _timeline(phase: PhaseReport, report: SessionReport, lang: Lang) -> Bullets:
    """The phase's story in journal order; a dilemma's line names the option chosen and
    what it did (its indicator changes, the cards it brought)."""
    choices = {choice.seq: choice for choice in phase.choices}
    items = []
    for entry in phase.timeline:
        choice = choices.get(entry.seq) if entry.kind == "choice" else None
        detail = join_items(choice_consequences(choice, report, lang), lang) if choice else ""
        items.append(Item(timeline_text(entry, report, lang), detail=detail, css=entry.kind))
    return Bullets(tuple(items), css="timeline")


def _for_facilitator(text: str, lang: Lang) -> Paragraph:
    """The deck's note for the facilitator: only in the trainer's debrief."""
    return Paragraph((Strong(LABELS(lang, "facilitator")), " ", text))


def _answer(answer: AnswerGiven, report: SessionReport, lang: Lang) -> Quote:
    who = speaker(answer.role, report, lang)
    if answer.amended:
        who = LABELS(lang, "answer.amended", who=who)
    return Quote(answer.text, who)


def _question(question: QuestionReport, report: SessionReport, lang: Lang) -> list[Block]:
    """A question as it came up: the table's answers quoted, the expected points covered
    and those to explore further, the facilitator's observations of that round."""
    asked = LABELS(
        lang, "where", seq=question.seq, turn=question.turn,
        phase=report.name("phase", question.phase), round=question.round,
    )  # fmt: skip
    blocks: list[Block] = [
        Heading(3, LABELS(lang, "question", title=question.title)),
        Paragraph(Aside(LABELS(lang, "question.asked", where=asked)), "meta"),
    ]
    if question.text:
        blocks.append(Paragraph(question.text))
    if question.facilitator:
        blocks.append(_for_facilitator(question.facilitator, lang))
    blocks.append(Paragraph(Strong(LABELS(lang, "answers"))))
    if question.answers:
        blocks += [_answer(answer, report, lang) for answer in question.answers]
    else:
        blocks.append(Paragraph(LABELS(lang, "answers.none")))
    for key, points in (("points.covered", question.covered),
                        ("points.to_explore", question.to_explore)):  # fmt: skip
        if points:
            blocks += [
                Paragraph(Strong(LABELS(lang, key))),
                Bullets(tuple(Item(point.text) for point in points), css=key.replace(".", "-")),
            ]
    if question.observations:
        blocks.append(Paragraph(Strong(LABELS(lang, "observations"))))
        blocks += [Quote(q.text, quote_source(q, report, lang)) for q in question.observations]
    return blocks


def _questionnaire(report: SessionReport, lang: Lang) -> Section:
    """The lessons-learned questionnaire: each item and what the roles replied."""
    blocks: list[Block] = [Heading(2, LABELS(lang, "questionnaire"))]
    for item in report.questionnaire:
        who = [speaker(reply.role, report, lang) for reply in item.replies]
        blocks += [Heading(3, item.text), *replies_blocks(item, who, lang)]
    return Section(tuple(blocks), css="questionnaire")


def replies_blocks(item: QuestionnaireSummary, who: Sequence[str], lang: Lang) -> list[Block]:
    """An item's replies summed up: a score's distribution and median, yes and no counted,
    a text's replies quoted, each by `who` said it (the workshop's debrief names the
    table too)."""
    if not item.replies:
        return [Paragraph(LABELS(lang, "replies.none"))]
    count = LABELS(lang, "replies", count=len(item.replies))
    if item.scale == "score":
        rows = tuple((value, str(times)) for value, times in item.counts)
        headers = (LABELS(lang, "replies.score"), LABELS(lang, "replies.count"))
        median = number(item.median) if item.median is not None else "—"
        return [
            Table(headers, rows, (True, True)),
            Paragraph(LABELS(lang, "replies.median", median=median, replies=count)),
        ]
    if item.scale == "yesno":
        counts = dict(item.counts)
        yes, no = counts.get("yes", 0), counts.get("no", 0)
        return [Paragraph(LABELS(lang, "replies.yesno", yes=yes, no=no, replies=count))]
    return [Quote(reply.value, by) for reply, by in zip(item.replies, who, strict=True)]


def _general(report: SessionReport, lang: Lang) -> Section:
    roles = tuple(
        Item(
            LABELS(
                lang,
                "role_line.constrained" if a.constrained else "role_line",
                role=report.name("role", a.role),
                plays=LABELS(lang, "decisions", count=a.plays),
                passes=LABELS(lang, "passes", count=a.passes),
                constrained=LABELS(lang, "times", count=a.constrained),
            )
        )
        for a in report.roles
    )
    return Section(
        (
            Heading(2, LABELS(lang, "general")),
            _findings(report.general, "findings", report, lang),
            Heading(3, LABELS(lang, "roles")),
            Bullets(roles),
        )
    )


def _gaps(report: SessionReport, lang: Lang) -> Section:
    rows = []
    for gap in report.gaps:
        expected = ", ".join(report.name("card", c) for c in gap.expected)
        if gap.status == "late":
            status = LABELS(lang, "gap.late", count=gap.delay or 0)
        else:
            status = LABELS(lang, f"gap.{gap.status}")
        done = f"{report.name('card', gap.answer)} ({status})" if gap.answer else status
        rows.append((report.name("card", gap.event), str(gap.turn), expected, done))
    headers = tuple(LABELS(lang, f"gap.{key}") for key in ("event", "when", "expected", "done"))
    return Section(
        (Heading(2, LABELS(lang, "gaps")), Table(headers, tuple(rows), (False, True, False, False)))
    )


KIT_COLUMNS = ("action", "lead", "partners", "category", "deadline", "done_when")


def _kit(report: SessionReport, lang: Lang) -> Section:
    """What to hand out, each time of the crisis as an improvement plan: one row per action
    (its lead, partners, category, deadline and how to tell it is done), then what to keep."""
    blocks: list[Block] = [Heading(2, LABELS(lang, "kit")), Paragraph(LABELS(lang, "kit.intro"))]
    headers = tuple(LABELS(lang, f"kit.{column}") for column in KIT_COLUMNS)
    for phase in report.phases:
        blocks.append(Heading(3, phase.title))
        rows = [kit_row(hit, lang) for hit in phase.recommendations]
        for finding in phase.improve:
            role = finding.params.get("role")
            lead = report.name("role", role) if isinstance(role, str) else "—"
            rows.append((describe(finding, report, lang), lead, "—", "—", "—", "—"))
        if rows:
            blocks.append(Table(headers, tuple(rows), tuple(False for _ in headers)))
        if phase.keep:
            keep = tuple(Item(describe(f, report, lang)) for f in phase.keep)
            blocks += [Paragraph(Strong(LABELS(lang, "keep"))), Bullets(keep, css="keep")]
        if not rows and not phase.keep:
            blocks.append(Paragraph(LABELS(lang, "none")))
    return Section(tuple(blocks), css="kit")


def kit_row(hit: RecommendationHit, lang: Lang) -> tuple[str, ...]:
    """A recommendation as a row of an improvement plan; « — » for what the deck leaves out
    (without a lead, `actor` is who acts: the lead's column)."""
    lead, partners = (hit.lead, hit.actor) if hit.lead else (hit.actor, "")
    kind = category(hit.category, lang) if hit.category else ""
    cells = (hit.title, lead, partners, kind, hit.deadline, hit.indicator)
    return tuple(cell or "—" for cell in cells)


def comparison_blocks(report: ComparisonReport, lang: Lang) -> list[Block]:
    """Several sessions of one deck: side by side, their trajectories, what comes back.
    Each session is named by its table (`report.tables`), never by its teams."""
    first = report.sessions[0]
    count = len(report.sessions)
    none = LABELS(lang, "none")
    indicators = tuple(first.name("indicator", i) for i, _ in first.indicators)
    headers = tuple(LABELS(lang, key) for key in ("table", "seed", "outcome", "score"))
    rows = tuple(
        (
            table,
            str(session.seed),
            outcome_text(session, lang),
            score_text(session),
            *(str(v) for _, v in session.indicators),
        )
        for table, session in zip(report.tables, report.sessions, strict=True)
    )
    numeric = (False, True, False, True, *(True for _ in indicators))
    titles = {hit.id: hit.title for s in report.sessions for hit in s.recommendations}
    fired = tuple(
        Item(f"{titles.get(rule, rule)} — {times}/{count}")
        for rule, times in report.recommendation_counts
    )
    recurring = tuple(
        Item(
            LABELS(
                lang,
                "recurring.item",
                theme=theme(item.finding, item.report, lang),
                count=item.count,
                total=count,
                tables=", ".join(item.tables),
            )
        )
        for item in report.recurring
    )
    return [
        Heading(1, LABELS(lang, "comparison", count=count, deck=report.deck_title)),
        Section(
            (Heading(2, LABELS(lang, "sessions")), Table((*headers, *indicators), rows, numeric))
        ),
        Section((Heading(2, LABELS(lang, "trajectories")), *_trajectories(report, lang))),
        Section((Heading(2, LABELS(lang, "fired")), Bullets(fired, empty=none))),
        Section((Heading(2, LABELS(lang, "recurring")), Bullets(recurring, empty=none))),
    ]
