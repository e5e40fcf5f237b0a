"""`scenarios report JOURNAL...`: the debrief of a session, or a comparison of several."""

from __future__ import annotations

import argparse
import sys

from scenarios.commands.files import write_document
from scenarios.commands.output import TEXTS, is_terminal, say, stdout
from scenarios.debrief import (
    ReportError,
    comparison_html,
    comparison_markdown,
    comparison_report,
    load_trace,
    session_html,
    session_markdown,
    session_report,
)
from scenarios.debrief.json_report import comparison_data, session_data
from scenarios.debrief.json_schema import REPORT_SCHEMA
from scenarios.i18n import Lang
from scenarios.journal import JournalError, read_annotations
from scenarios.journal.collect import fewer_collections
from scenarios.render.json_text import json_document


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    if args.schema:
        sys.stdout.write(json_document(REPORT_SCHEMA))
        return 0
    if not args.journals:
        say(TEXTS(lang, "report.no_journal"), error=True)
        return 2
    reports = []
    # A debrief keeps every state of its game: the cycle collector, walking them all again
    # and again, took a third of the time of a long game's report (see `fewer_collections`).
    with fewer_collections():
        for path in args.journals:
            try:
                timeline = load_trace(path)
            except JournalError as error:
                say(f"{path}: {error.message(lang)}", error=True, style="red")
                return 1
            reports.append(session_report(timeline, read_annotations(path)))
        try:
            text = render(reports, args.format, lang)
        except ReportError as error:
            say(error.message(lang), error=True, style="red")
            return 1
    if args.output:
        return write_document(args.output, text, lang, "report.written")
    if args.format == "md" and is_terminal():
        from rich.markdown import Markdown

        stdout().print(Markdown(text))
        return 0
    sys.stdout.write(text)
    return 0


def render(reports: list, fmt: str, lang: Lang) -> str:  # type: ignore[type-arg]
    """One session's debrief, or the comparison of several, in `fmt` (md, html, json)."""
    if len(reports) == 1:
        report = reports[0]
        if fmt == "html":
            return session_html(report, lang)
        if fmt == "json":
            return json_document(session_data(report, lang))
        return session_markdown(report, lang)
    comparison = comparison_report(reports)
    if fmt == "html":
        return comparison_html(comparison, lang)
    if fmt == "json":
        return json_document(comparison_data(comparison, lang))
    return comparison_markdown(comparison, lang)
