"""`scenarios report JOURNAL...`: the debrief of a session, or a comparison of several."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from scenarios.commands.output import is_terminal, pick, stderr, stdout
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
from scenarios.debrief.json_report import comparison_data, session_data, to_json
from scenarios.debrief.json_schema import REPORT_SCHEMA
from scenarios.i18n import Lang
from scenarios.journal import JournalError, read_annotations


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    if args.schema:
        sys.stdout.write(json.dumps(REPORT_SCHEMA, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not args.journals:
        stderr().print(
            pick(lang, "donnez au moins un journal", "give at least one journal"), markup=False
        )
        return 2
    reports = []
    for path in args.journals:
        try:
            timeline = load_trace(path)
        except JournalError as error:
            stderr().print(f"{path}: {error.message(lang)}", style="red", markup=False)
            return 1
        reports.append(session_report(timeline, read_annotations(path)))
    try:
        text = render(reports, args.format, lang)
    except ReportError as error:
        stderr().print(error.message(lang), style="red", markup=False)
        return 1
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        stdout().print(
            pick(lang, f"Débriefing écrit dans {args.output}", f"Debrief written to {args.output}"),
            markup=False,
        )
    elif args.format == "md" and is_terminal():
        from rich.markdown import Markdown

        stdout().print(Markdown(text))
    else:
        sys.stdout.write(text)
    return 0


def render(reports: list, fmt: str, lang: Lang) -> str:  # type: ignore[type-arg]
    """One session's debrief, or the comparison of several, in `fmt` (md, html, json)."""
    if len(reports) == 1:
        report = reports[0]
        if fmt == "html":
            return session_html(report, lang)
        if fmt == "json":
            return to_json(session_data(report, lang))
        return session_markdown(report, lang)
    comparison = comparison_report(reports)
    if fmt == "html":
        return comparison_html(comparison, lang)
    if fmt == "json":
        return to_json(comparison_data(comparison, lang))
    return comparison_markdown(comparison, lang)
