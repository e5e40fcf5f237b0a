"""A workshop's debrief written out: Markdown, HTML (A4, charts), JSON, and an XLSX workbook.

The same views in every format: tables side by side, each dilemma's option per
table, each expected response per table, the improvements that come back, the
consolidated kit, the facilitator's and observers' notes, then each table's
own debrief. A discussion exercise has, instead of outcomes and responses, how far
each table went and how much it said, each question's expected points table by
table, and the questionnaire's replies of all tables; a deck without dilemmas has no
dilemmas' view.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import attrs

from scenarios.debrief.json_report import session_data
from scenarios.debrief.layout import replies_blocks, session_blocks
from scenarios.debrief.texts import (
    LABELS,
    category,
    join_items,
    outcome_text,
    plan_fields,
    score_text,
    signed,
    speaker,
    theme,
)
from scenarios.i18n import Lang, Texts
from scenarios.render.blocks import (
    Block,
    Bullets,
    Chart,
    Heading,
    Item,
    Paragraph,
    Section,
    Strong,
    Table,
)
from scenarios.render.charts import Bar, Series, bar_chart, line_chart
from scenarios.render.html import page
from scenarios.render.json_text import json_document
from scenarios.render.markdown import markdown
from scenarios.workshop.report import (
    DilemmaRow,
    ItemRow,
    KitLine,
    QuestionRow,
    Response,
    TableSummary,
    WorkshopReport,
)
from scenarios.workshop.report_schema import WORKSHOP_FORMAT

TEXTS = Texts("workshop")
DEBRIEF = Texts("debrief")


def response_text(response: Response | None, lang: Lang) -> str:
    if response is None:
        return "—"
    if response.status == "late":
        return DEBRIEF(lang, "gap.late", count=response.delay or 0)
    return DEBRIEF(lang, f"gap.{response.status}")


def _tally(row: Sequence[Response | None], lang: Lang) -> str:
    count = {status: sum(1 for r in row if r and r.status == status) for status in
             ("anticipated", "timely", "late", "missing")}  # fmt: skip
    faced = sum(1 for r in row if r is not None)
    ahead, anticipated = count["anticipated"] + count["timely"], count["anticipated"]
    in_time = (
        TEXTS(lang, "report.in_time_anticipated", ahead=ahead, count=anticipated)
        if anticipated
        else TEXTS(lang, "report.in_time", ahead=ahead)
    )  # the tables' cells say « anticipé » and « à temps »: the sum says how many of each
    return TEXTS(
        lang,
        "report.tally",
        in_time=in_time,
        late=count["late"],
        never=count["missing"],
        faced=faced,
    )


def discussion(report: WorkshopReport) -> bool:
    """A discussion exercise: no outcome, score, expected responses nor axes to compare."""
    return bool(report.sessions) and report.sessions[0].discussion


def overview_rows(report: WorkshopReport, lang: Lang) -> list[tuple[str, ...]]:
    if discussion(report):
        return [
            (label, *summary_cells(summary, lang), *(str(value) for _, value in session.indicators))
            for label, summary, session in zip(
                report.labels, report.summaries, report.sessions, strict=True
            )
        ]
    return [
        (
            label,
            outcome_text(session, lang),
            score_text(session),
            *(str(value) for _, value in session.indicators),
        )
        for label, session in zip(report.labels, report.sessions, strict=True)
    ]


def summary_cells(summary: TableSummary, lang: Lang) -> tuple[str, ...]:
    """A discussion table's rounds, where it stands, questions, answers, points, notes."""
    status = "over" if summary.over else "playing" if summary.rounds else "waiting"
    return (
        str(summary.rounds),
        TEXTS(lang, f"report.status.{status}"),
        str(summary.asked),
        str(summary.answers),
        TEXTS(lang, "report.ratio", part=summary.covered, total=summary.expected),
        str(summary.notes),
    )


def summary_headers(lang: Lang) -> tuple[str, ...]:
    keys = ("rounds", "status", "asked", "answers", "covered", "notes_count")
    return tuple(TEXTS(lang, f"report.{key}") for key in keys)


def overview_headers(report: WorkshopReport, lang: Lang) -> tuple[str, ...]:
    first = report.sessions[0] if report.sessions else None
    indicators = tuple(first.name("indicator", i) for i, _ in first.indicators) if first else ()
    verdicts = (TEXTS(lang, "report.outcome"), TEXTS(lang, "report.score"))
    return (
        TEXTS(lang, "report.table"),
        *(summary_headers(lang) if discussion(report) else verdicts),
        *indicators,
    )


def charts(report: WorkshopReport, lang: Lang) -> tuple[Chart, ...]:
    """The scores side by side, then each indicator round by round, a line per table."""
    if not report.sessions:
        return ()
    scores = [
        Bar(label, float(session.score or 0))
        for label, session in zip(report.labels, report.sessions, strict=True)
    ]
    found = (
        [] if discussion(report) else [Chart(bar_chart(scores, TEXTS(lang, "report.scores"), lang))]
    )
    first = report.sessions[0]
    for index, (indicator, _) in enumerate(first.indicators):
        series = [
            Series(label, tuple(row[index] for row in session.trail), *session.bounds[index])
            for label, session in zip(report.labels, report.sessions, strict=True)
        ]
        title = first.name("indicator", indicator)
        found.append(Chart(line_chart(series, title, DEBRIEF(lang, "gap.when"))))
    return tuple(found)


def axis_text(report: WorkshopReport, index: int, lang: Lang) -> str:
    axis = report.axes[index]
    return theme(axis.finding, axis.report, lang)


def workshop_blocks(report: WorkshopReport, lang: Lang) -> list[Block]:
    count = len(report.labels)
    none = DEBRIEF(lang, "none")
    headers = overview_headers(report, lang)
    verdicts = not discussion(report)
    fixed = (False, False, True) if verdicts else (False, True, False, True, True, True, True)
    numeric = (*fixed, *(True for _ in headers[len(fixed) :]))
    blocks: list[Block] = [
        Heading(
            1,
            TEXTS(
                lang, "report.title", count=count, workshop=report.workshop, deck=report.deck_title
            ),
        ),
        Section(
            (
                Heading(2, TEXTS(lang, "report.tables")),
                Table(headers, tuple(overview_rows(report, lang)), numeric),
                *charts(report, lang),
            )
        ),
    ]
    if report.has_dilemmas:
        blocks.append(_dilemmas(report, lang))
    if verdicts:
        blocks += _responses_and_axes(report, lang)
    else:
        blocks.append(questions_section(report, lang))
        if report.questionnaire:
            blocks.append(questionnaire_section(report, lang))
    kit: list[Block] = [Heading(2, TEXTS(lang, "report.kit"))]
    phases = list(dict.fromkeys((line.phase, line.phase_title) for line in report.kit))
    for phase, title in phases:
        items = tuple(
            Item(
                TEXTS(
                    lang,
                    "report.kit_line",
                    title=line.title,
                    count=len(line.labels),
                    total=count,
                ),
                who=kit_who(line, lang),
            )
            for line in report.kit
            if line.phase == phase
        )
        kit += [Heading(3, title), Bullets(items, empty=none)]
    if not phases:
        kit.append(Paragraph(none))
    blocks.append(Section(tuple(kit), css="kit"))
    blocks.append(Section(tuple(notes_blocks(report, lang)), css="notes"))
    for label, session in zip(report.labels, report.sessions, strict=True):
        blocks.append(Heading(1, TEXTS(lang, "report.table_debrief", table=label)))
        blocks += session_blocks(session, lang)[1:]
    return blocks


def _dilemmas(report: WorkshopReport, lang: Lang) -> Section:
    dilemmas = tuple((row.title, *dilemma_cells(row)) for row in report.dilemmas)
    return Section(
        (
            Heading(2, TEXTS(lang, "report.dilemmas")),
            Paragraph(TEXTS(lang, "report.dilemmas.intro")),
            Table(
                (TEXTS(lang, "report.dilemma"), *report.labels),
                dilemmas,
                tuple(False for _ in range(len(report.labels) + 1)),
            )
            if dilemmas
            else Paragraph(DEBRIEF(lang, "none")),
        )
    )


COVERED, TO_EXPLORE = "✓", "—"


def question_rows(row: QuestionRow, lang: Lang) -> list[tuple[str, ...]]:
    """A question's matrix: its written answers per table, then each expected point per
    table (✓ covered, — to explore further, empty where the question did not come up),
    each with how many tables in all."""
    answers = tuple("" if cell is None else str(cell.answers) for cell in row.tables)
    rows = [
        (
            TEXTS(lang, "report.answers"),
            *answers,
            TEXTS(lang, "report.of", part=row.answered, total=row.asked),
        )
    ]
    for index, point in enumerate(row.points):
        cells = tuple(
            "" if cell is None else COVERED if cell.covered[index] else TO_EXPLORE
            for cell in row.tables
        )
        count = TEXTS(lang, "report.of", part=row.covered_by(index), total=row.asked)
        rows.append((point, *cells, count))
    return rows


def question_headers(report: WorkshopReport, lang: Lang) -> tuple[str, ...]:
    return (TEXTS(lang, "report.point"), *report.labels, TEXTS(lang, "report.in_all"))


def questions_section(report: WorkshopReport, lang: Lang) -> Section:
    """Each question that came up, in the order they come, its expected points table by
    table: what to bring back in the plenary, said without fault."""
    total = len(report.labels)
    blocks: list[Block] = [Heading(2, TEXTS(lang, "report.questions"))]
    if not report.questions:
        blocks.append(Paragraph(TEXTS(lang, "report.questions.none")))
        return Section(tuple(blocks), css="questions")
    blocks.append(Paragraph(TEXTS(lang, "report.questions.intro")))
    aligned = (False, *(True for _ in report.labels), True)
    for row in report.questions:
        asked = TEXTS(lang, "report.question.asked", count=row.asked, total=total)
        answered = TEXTS(lang, "report.question.answered", count=row.answered)
        blocks += [
            Heading(3, row.title),
            Paragraph(f"{asked} {answered}"),
            Table(question_headers(report, lang), tuple(question_rows(row, lang)), aligned),
        ]
    return Section(tuple(blocks), css="questions")


def reply_sources(report: WorkshopReport, row: ItemRow, lang: Lang) -> list[str]:
    """Who gave each reply: the table's label and the role (or the table as a whole)."""
    return [
        TEXTS(
            lang,
            "report.reply_by",
            table=report.labels[table],
            who=speaker(reply.role, report.sessions[table], lang),
        )
        for reply, table in zip(row.summary.replies, row.tables, strict=True)
    ]


def questionnaire_section(report: WorkshopReport, lang: Lang) -> Section:
    """The questionnaire's replies of every table: each score's distribution and median,
    yes and no counted, free texts quoted with their table and role."""
    blocks: list[Block] = [Heading(2, TEXTS(lang, "report.questionnaire"))]
    for row in report.questionnaire:
        who = reply_sources(report, row, lang)
        blocks += [Heading(3, row.summary.text), *replies_blocks(row.summary, who, lang)]
    return Section(tuple(blocks), css="questionnaire")


def questionnaire_rows(report: WorkshopReport, lang: Lang) -> list[tuple[object, ...]]:
    """The questionnaire as a sheet: a score's or yes/no's count per value (the median on
    the item's first line), a text's replies one a line with their table and role."""
    rows: list[tuple[object, ...]] = []
    for row in report.questionnaire:
        item = row.summary
        if item.scale == "text":
            for reply, table in zip(item.replies, row.tables, strict=True):
                who = speaker(reply.role, report.sessions[table], lang)
                rows.append((item.text, reply.value, 1, None, report.labels[table], who))
        for index, (value, times) in enumerate(item.counts):
            said = DEBRIEF(lang, f"flag.{value}") if item.scale == "yesno" else int(value)
            median = item.median if index == 0 else None
            rows.append((item.text, said, times, median, None, None))
        if not item.counts and not (item.scale == "text" and item.replies):
            rows.append((item.text, None, 0, None, None, None))
    return rows


def _responses_and_axes(report: WorkshopReport, lang: Lang) -> list[Block]:
    """Each expected response per table, and the axes d'amélioration that come back: a
    game's views, which a discussion exercise does not have."""
    count = len(report.labels)
    none = DEBRIEF(lang, "none")
    blocks: list[Block] = []
    responses = tuple(
        (row.title, *(response_text(r, lang) for r in row.tables), _tally(row.tables, lang))
        for row in report.responses
    )
    blocks.append(
        Section(
            (
                Heading(2, TEXTS(lang, "report.responses")),
                Table(
                    (TEXTS(lang, "report.event"), *report.labels, TEXTS(lang, "report.in_all")),
                    responses,
                    tuple(False for _ in range(count + 2)),
                )
                if responses
                else Paragraph(none),
            )
        )
    )
    axes = tuple(
        Item(
            TEXTS(
                lang,
                "report.axis",
                axis=axis_text(report, index, lang),
                count=len(axis.labels),
                total=count,
                tables=", ".join(axis.labels),
            )
        )
        for index, axis in enumerate(report.axes)
    )
    blocks.append(Section((Heading(2, TEXTS(lang, "report.axes")), Bullets(axes, empty=none))))
    return blocks


def notes_blocks(report: WorkshopReport, lang: Lang) -> list[Block]:
    """The facilitator's and observers' notes, by table, then by tag of the deck's grid."""
    blocks: list[Block] = [Heading(2, TEXTS(lang, "report.notes"))]
    grouped = report.notes_by_table_and_tag()
    if not grouped:
        blocks.append(Paragraph(DEBRIEF(lang, "none")))
    for label, groups in grouped:
        blocks.append(Heading(3, label))
        for tag, notes in groups:
            title = tag if tag is not None else TEXTS(lang, "report.untagged")
            if report.grid or tag is not None:
                blocks.append(Paragraph(Strong(title)))
            items = tuple(Item(note.text, who=by_text(note.by, lang)) for note in notes)
            blocks.append(Bullets(items))
    return blocks


def dilemma_cells(row: DilemmaRow) -> list[str]:
    """Each table's choice, and what followed at once: « Évacuer (Confiance +1, Sécurité −2) »."""
    cells = []
    for chosen, changes in zip(row.chosen, row.followed, strict=True):
        if chosen is None:
            cells.append("—")
            continue
        said = ", ".join(f"{title} {signed(change)}" for _, title, change in changes)
        cells.append(f"{chosen} ({said})" if said else chosen)
    return cells


def by_text(by: str | None, lang: Lang) -> str:
    """Who wrote a note: the table, the facilitator, or an observer by name."""
    if by is None:
        return TEXTS(lang, "report.by.table")
    kind, _, name = by.partition(":")
    if kind == "observer":
        return TEXTS(lang, "report.by.observer", name=name)
    return TEXTS(lang, "report.by.facilitator")


def workshop_markdown(report: WorkshopReport, lang: Lang = "fr") -> str:
    return markdown(workshop_blocks(report, lang), lang)


def workshop_html(report: WorkshopReport, lang: Lang = "fr") -> str:
    return page(workshop_blocks(report, lang), lang)


def workshop_data(report: WorkshopReport, lang: Lang = "fr") -> dict[str, Any]:
    """The report as JSON data: every view, and each table's debrief as `report --format json`;
    its shape is `report_schema.WORKSHOP_SCHEMA`. A discussion exercise adds each table's
    summary, the questions and the questionnaire."""
    talk = discussion(report)
    tables = [
        {"label": label, "debrief": session_data(session, lang)}
        for label, session in zip(report.labels, report.sessions, strict=True)
    ]
    if talk:
        for table, summary in zip(tables, report.summaries, strict=True):
            table["summary"] = attrs.asdict(summary)
    data: dict[str, Any] = {
        "format": WORKSHOP_FORMAT,
        "lang": lang,
        "workshop": report.workshop,
        "deck": report.deck_title,
        "tables": tables,
        "dilemmas": [
            {
                "card": row.card,
                "title": row.title,
                "chosen": dict(zip(report.labels, row.chosen, strict=True)),
                "followed": {
                    label: None if chosen is None else {i: change for i, _, change in changes}
                    for label, chosen, changes in zip(
                        report.labels, row.chosen, row.followed, strict=True
                    )
                },
            }
            for row in report.dilemmas
        ],
        "responses": [
            {
                "event": row.event,
                "title": row.title,
                "tables": {
                    label: None if r is None else {"status": r.status, "delay": r.delay}
                    for label, r in zip(report.labels, row.tables, strict=True)
                },
            }
            for row in report.responses
        ],
        "axes": [
            {
                "text": axis_text(report, i, lang),
                "kind": axis.finding.kind,
                "tables": list(axis.labels),
            }
            for i, axis in enumerate(report.axes)
        ],
        "kit": [
            {
                "phase": line.phase,
                "title": line.title,
                "actor": line.actor,
                "deadline": line.deadline,
                "lead": line.lead,
                "category": line.category,
                "indicator": line.indicator,
                "tables": list(line.labels),
            }
            for line in report.kit
        ],
        "notes": [
            {"table": n.label, "text": n.text, "by": n.by, "tags": list(n.tags)}
            for n in report.notes
        ],
    }
    if talk:
        data["questions"] = [_question_data(report, row) for row in report.questions]
        data["questionnaire"] = [_item_data(report, row, lang) for row in report.questionnaire]
    return data


def _question_data(report: WorkshopReport, row: QuestionRow) -> dict[str, Any]:
    by_label = list(zip(report.labels, row.tables, strict=True))
    return {
        "card": row.card,
        "title": row.title,
        "asked": row.asked,
        "answered": row.answered,
        "answers": {label: None if cell is None else cell.answers for label, cell in by_label},
        "points": [
            {
                "text": point,
                "covered": {
                    label: None if cell is None else cell.covered[index] for label, cell in by_label
                },
                "count": row.covered_by(index),
            }
            for index, point in enumerate(row.points)
        ],
    }


def _item_data(report: WorkshopReport, row: ItemRow, lang: Lang) -> dict[str, Any]:
    item = row.summary
    return {
        "id": item.id,
        "text": item.text,
        "scale": item.scale,
        "counts": [{"value": value, "count": count} for value, count in item.counts],
        "median": item.median,
        "replies": [
            {
                "table": report.labels[table],
                "role": reply.role,
                "who": speaker(reply.role, report.sessions[table], lang),
                "value": reply.value,
            }
            for reply, table in zip(item.replies, row.tables, strict=True)
        ],
    }


def workshop_json(report: WorkshopReport, lang: Lang = "fr") -> str:
    return json_document(workshop_data(report, lang))


def workshop_xlsx(report: WorkshopReport, lang: Lang = "fr") -> bytes:
    """A workbook with one sheet per view, for trainers who work in a spreadsheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheets: list[_Sheet] = [
        (
            TEXTS(lang, "report.sheet.tables"),
            overview_headers(report, lang),
            overview_rows(report, lang),
        ),
    ]
    if report.has_dilemmas:
        sheets.append(
            (
                TEXTS(lang, "report.sheet.dilemmas"),
                (TEXTS(lang, "report.dilemma"), *report.labels),
                [(row.title, *dilemma_cells(row)) for row in report.dilemmas],
            )
        )
    sheets += _discussion_sheets(report, lang) if discussion(report) else _game_sheets(report, lang)
    sheets += [
        (
            TEXTS(lang, "report.sheet.kit"),
            (
                TEXTS(lang, "report.phase"),
                TEXTS(lang, "report.recommendation"),
                LABELS(lang, "kit.lead"),
                TEXTS(lang, "report.actor"),
                LABELS(lang, "kit.category"),
                TEXTS(lang, "report.deadline"),
                LABELS(lang, "kit.done_when"),
                TEXTS(lang, "report.count"),
                TEXTS(lang, "report.tables"),
            ),
            [
                (
                    line.phase_title,
                    line.title,
                    line.lead or line.actor,
                    line.actor if line.lead else "",
                    category(line.category, lang) if line.category else "",
                    line.deadline,
                    line.indicator,
                    len(line.labels),
                    ", ".join(line.labels),
                )
                for line in report.kit
            ],
        ),
        (
            TEXTS(lang, "report.sheet.notes"),
            (
                TEXTS(lang, "report.table"),
                TEXTS(lang, "report.tags"),
                TEXTS(lang, "report.note"),
                TEXTS(lang, "report.by"),
            ),
            [(n.label, ", ".join(n.tags), n.text, by_text(n.by, lang)) for n in report.notes],
        ),
    ]
    default = book.active
    for title, headers, rows in sheets:
        sheet = book.create_sheet(title[:31])
        sheet.append(list(headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            # Text that starts like a formula stays text: no cell of a trainer's sheet computes.
            sheet.append([_plain_cell(value) for value in row])
        sheet.freeze_panes = "B2"
    if default is not None:
        book.remove(default)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


_Sheet = tuple[str, Sequence[str], Sequence[Sequence[object]]]


def _game_sheets(report: WorkshopReport, lang: Lang) -> list[_Sheet]:
    """Each expected response per table, and the axes d'amélioration that come back."""
    return [
        (
            TEXTS(lang, "report.sheet.responses"),
            (TEXTS(lang, "report.event"), *report.labels, TEXTS(lang, "report.in_all")),
            [
                (row.title, *(response_text(r, lang) for r in row.tables), _tally(row.tables, lang))
                for row in report.responses
            ],
        ),
        (
            TEXTS(lang, "report.sheet.axes"),
            (
                TEXTS(lang, "report.axis_head"),
                TEXTS(lang, "report.count"),
                TEXTS(lang, "report.tables"),
            ),
            [
                (axis_text(report, i, lang), len(axis.labels), ", ".join(axis.labels))
                for i, axis in enumerate(report.axes)
            ],
        ),
    ]


def _discussion_sheets(report: WorkshopReport, lang: Lang) -> list[_Sheet]:
    """Each question's matrix (a line per expected point, the question in the first
    column), and the questionnaire of all tables."""
    questions = [
        (row.title, *cells) for row in report.questions for cells in question_rows(row, lang)
    ]
    sheets: list[_Sheet] = [
        (
            TEXTS(lang, "report.sheet.questions"),
            (TEXTS(lang, "report.item"), *question_headers(report, lang)),
            questions,
        )
    ]
    if report.questionnaire:
        headers = ("item", "value", "times", "median", "table", "who")
        sheets.append(
            (
                TEXTS(lang, "report.sheet.questionnaire"),
                tuple(TEXTS(lang, f"report.{key}") for key in headers),
                questionnaire_rows(report, lang),
            )
        )
    return sheets


def kit_who(line: KitLine, lang: Lang) -> str:
    """A line of the consolidated kit as an improvement plan's: its lead (« pilote »), its
    partners (who acts, without a lead), category, deadline and how to tell it is done."""
    return join_items(plan_fields(line, lang), lang)


def _plain_cell(value: object) -> object:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value
