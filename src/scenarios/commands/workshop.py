"""`scenarios workshop create|play|observe|join|dashboard|serve|report|list|status|export|bots`: many tables on one shared store.

Every action prints data as data (`--format json` for scripts) and turns
the store's and the workshop layer's refusals into one clear line, exit 1.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from scenarios.commands.files import check_writable, write_atomically, write_document
from scenarios.commands.output import TEXTS, report_deck_error, report_os_error, say
from scenarios.commands.variables import BadVariable, variable_values
from scenarios.debrief.texts import outcome_label
from scenarios.deck import DeckError, load_deck, resolve_deck
from scenarios.i18n import Lang, duration
from scenarios.journal import JournalError
from scenarios.render.json_text import json_document
from scenarios.store import Store, StoreError, open_store
from scenarios.workshop import (
    WorkshopError,
    create_workshop,
    export_workshop,
    table_status,
)
from scenarios.workshop.status import SEAT_SECONDS, TableStatus


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    action: Callable[[argparse.Namespace, Store, Lang], int] = ACTIONS[args.action]
    if args.action == "report" and (args.schema or args.workshop is None):
        return report_schema(args, lang)  # no store needed
    if args.action == "create":
        try:
            args.loaded_deck = load_deck(resolve_deck(args.deck))
        except DeckError as error:
            return report_deck_error(error, lang)
        try:  # checked before the store is opened: nothing is created for a bad one
            args.variables = variable_values(args.loaded_deck, args.var)
        except BadVariable as error:
            say(TEXTS.format(lang, error.code, error.params), error=True, style="red")
            return 2
    try:
        store = open_store(args.store)
    except StoreError as error:
        say(error.message(lang), error=True, style="red")
        return 1
    try:
        return action(args, store, lang)
    except (StoreError, WorkshopError, JournalError) as error:
        say(error.message(lang), error=True, style="red")
        return 1
    finally:
        store.close()


def create(args: argparse.Namespace, store: Store, lang: Lang) -> int:
    created = create_workshop(
        store,
        args.loaded_deck,
        tables=args.tables,
        name=args.name,
        label=args.label,
        seed=args.seed,
        seeds=args.seeds,
        lang=lang,
        variables=args.variables,
    )
    workshop = created.workshop
    if args.format == "json":
        data = {
            "workshop": workshop.id,
            "title": workshop.title,
            "deck": workshop.deck_id,
            "store": store.url,
            "tables": [{"label": t.label, "code": t.code, "seed": t.seed} for t in created.tables],
        }
        sys.stdout.write(json_document(data))
        return 0
    say(
        TEXTS(
            lang,
            "workshop.created",
            count=len(created.tables),
            workshop=workshop.id,
            title=workshop.title,
        )
    )
    width = max(len(t.label) for t in created.tables)
    for table in created.tables:
        say(
            TEXTS(
                lang,
                "workshop.table_code",
                label=table.label.ljust(width),
                code=table.code,
                seed=table.seed,
            )
        )
    say(TEXTS(lang, "workshop.store", url=store.url))
    say(TEXTS(lang, "workshop.how_to_join"))
    return 0


def list_workshops(args: argparse.Namespace, store: Store, lang: Lang) -> int:
    workshops = store.workshops()
    if args.format == "json":
        data = [
            {
                "workshop": w.id,
                "title": w.title,
                "deck": w.deck_id,
                "created": w.created.isoformat(timespec="seconds"),
                "tables": len(store.tables(w.id)),
            }
            for w in workshops
        ]
        sys.stdout.write(json_document(data))
        return 0
    if not workshops:
        say(TEXTS(lang, "workshop.none", url=store.url))
        return 0
    for w in workshops:
        count = len(store.tables(w.id))
        created = w.created.astimezone().strftime("%Y-%m-%d %H:%M")
        say(
            TEXTS(
                lang, "workshop.listed", workshop=w.id, title=w.title, created=created, count=count
            )
        )
    return 0


def status(args: argparse.Namespace, store: Store, lang: Lang) -> int:
    store.workshop(args.workshop)
    tables = store.tables(args.workshop)
    seats = store.seats([t.id for t in tables], SEAT_SECONDS)
    now = store.now()
    found = [table_status(store, t, tuple(seats.get(t.id, ()))) for t in tables]
    if args.format == "json":
        sys.stdout.write(json_document([_status_json(s) for s in found]))
        return 0
    for table in found:
        say(_status_line(table, now, lang))
    return 0


def _status_json(table: TableStatus) -> dict[str, object]:
    return {
        "label": table.label,
        "code": table.code,
        "phase": table.phase,
        "round": table.round,
        "actions": table.actions,
        "last_action": table.last_action,
        "last_time": table.last_time.isoformat() if table.last_time else None,
        "over": table.over,
        "outcome": table.outcome,
        "seats": list(table.seats),
        "damage": table.damage,
    }


def _status_line(table: TableStatus, now: datetime, lang: Lang) -> str:
    if table.damage and not table.actions and not table.phase:
        where = TEXTS(lang, "workshop.status.damaged")
    elif table.over:
        where = TEXTS(lang, "workshop.status.over", outcome=outcome_label(lang, table.outcome, table.neutral))
    else:
        where = TEXTS(lang, "workshop.status.where", phase=table.phase_title, round=table.round)
    if table.last_time is None:
        last = TEXTS(lang, "workshop.status.not_started")
    else:
        seconds = max(0, int((now - table.last_time).total_seconds()))
        action = TEXTS(lang, f"workshop.action.{table.last_action}")
        last = TEXTS(lang, "workshop.status.last", action=action, ago=duration(seconds, lang))
    seats = TEXTS(lang, "workshop.status.seats", count=len(table.seats))
    return TEXTS(
        lang,
        "workshop.status.line",
        label=table.label,
        code=table.code,
        where=where,
        actions=TEXTS(lang, "workshop.status.actions", count=table.actions),
        last=last,
        seats=seats,
    )


def export(args: argparse.Namespace, store: Store, lang: Lang) -> int:
    folder = Path(args.folder)
    try:
        written = export_workshop(store, args.workshop, folder, write_atomically)
    except OSError as error:
        return report_os_error("workshop.export_failed", error, lang)
    for path in written:
        say(str(path))
    return 0


def play(args: argparse.Namespace, store: Store, lang: Lang) -> int:
    """Join a table from this terminal: every role, or only those given with --role."""
    from scenarios.tui.app import ScenariosApp
    from scenarios.tui.bindings import localised
    from scenarios.workshop.table import TableSession

    session = TableSession.join_code(store, args.code)
    known = [role.id for role in session.deck.roles]
    unknown = [role for role in args.role if role not in known]
    if unknown:
        raise WorkshopError("role_unknown", role=unknown[0], roles=", ".join(known))
    app = localised(ScenariosApp, lang)(
        lang=lang, table=session, roles=frozenset(args.role), minutes=args.minutes
    )
    app.run()
    return 0


def observe(args: argparse.Namespace, store: Store, lang: Lang) -> int:
    """Follow a table live as an observer: read everything, add observations, act on nothing."""
    import getpass

    from scenarios.tui.app import ScenariosApp
    from scenarios.tui.bindings import localised
    from scenarios.workshop.table import TableSession

    name = (args.name or getpass.getuser() or "observateur").strip()[:60]
    session = TableSession.join_code(store, args.code)
    app = localised(ScenariosApp, lang)(
        lang=lang, table=session, observer=name, minutes=args.minutes
    )
    app.run()
    return 0


def join(args: argparse.Namespace, store: Store, lang: Lang) -> int:
    """This workshop's join screen in the terminal: type a table's code, tick roles."""
    from scenarios.tui.app import ScenariosApp
    from scenarios.tui.bindings import localised

    store.workshop(args.workshop)
    app = localised(ScenariosApp, lang)(
        lang=lang, workshop=(store, args.workshop), minutes=args.minutes
    )
    app.run()
    return 0


def dashboard(args: argparse.Namespace, store: Store, lang: Lang) -> int:
    """The facilitator's room view of every table, live; rounds last each phase's `minutes`
    in the deck unless `--minutes` sets every round's."""
    from scenarios.tui.bindings import localised
    from scenarios.tui.dashboard import DashboardApp

    store.workshop(args.workshop)
    app = localised(DashboardApp, lang)(store, args.workshop, lang=lang, minutes=args.minutes)
    app.run()
    return 0


def serve(args: argparse.Namespace, store: Store, lang: Lang) -> int:
    """Serve the workshop's join screen to browsers: each browser is a seat at a table;
    with --dashboard, the facilitator's room view instead (same token and caps: it acts
    on every table).

    The store's address reaches each session's process through SCENARIOS_STORE,
    never its command line (where `ps` would show a password)."""
    from scenarios.commands.serve import refused_without_token
    from scenarios.commands.serve import serve as serve_command
    from scenarios.store.locate import DEFAULT_STORE_ENV, chosen_store_url

    if refused := refused_without_token(args, lang):
        return refused
    store.workshop(args.workshop)
    os.environ[DEFAULT_STORE_ENV] = chosen_store_url(args.store)
    shown = ["dashboard" if args.dashboard else "join", args.workshop]
    if args.minutes is not None:  # the trainer's length for every round, on every screen
        shown += ["--minutes", str(args.minutes)]
    command = shlex.join([sys.executable, "-m", "scenarios", "workshop", *shown, "--lang", lang])
    return serve_command(command, args, lang)


def report_schema(args: argparse.Namespace, lang: Lang) -> int:
    """`workshop report --schema`: the JSON Schema of `--format json`; without a workshop
    (and without --schema), a usage error."""
    if not args.schema:
        say(TEXTS(lang, "workshop.report.no_workshop"), error=True)
        return 2
    from scenarios.workshop.report_schema import WORKSHOP_SCHEMA

    sys.stdout.write(json_document(WORKSHOP_SCHEMA))
    return 0


def report(args: argparse.Namespace, store: Store, lang: Lang) -> int:
    """The workshop's debrief: every table side by side, then each table's own."""
    from scenarios.workshop.report import WorkshopReport, workshop_report
    from scenarios.workshop.report_output import (
        workshop_html,
        workshop_json,
        workshop_markdown,
        workshop_xlsx,
    )

    if args.format == "xlsx" and not args.output:
        say(TEXTS(lang, "workshop.report.xlsx_needs_output"), error=True, style="red")
        return 2
    if args.output:
        try:
            check_writable(args.output)
        except OSError as error:
            return report_os_error("file.cannot_write", error, lang, path=args.output)
    found = workshop_report(store, args.workshop)
    writers: dict[str, Callable[[WorkshopReport, Lang], str | bytes]] = {
        "md": workshop_markdown,
        "html": workshop_html,
        "json": workshop_json,
        "xlsx": workshop_xlsx,
    }
    document = writers[args.format](found, lang)
    if not args.output:
        assert isinstance(document, str)
        sys.stdout.write(document)
        return 0
    return write_document(args.output, document, lang, "report.written")


def bots(args: argparse.Namespace, store: Store, lang: Lang) -> int:
    from scenarios.sim import PolicyError, load_policy
    from scenarios.workshop.bots import BotResult, chosen_tables, run_tables

    try:
        load_policy(args.policy)
    except PolicyError as error:
        say(TEXTS(lang, "simulate.unknown_policy", error=error), error=True)
        return 2
    if args.pace < 0:
        say(TEXTS(lang, "workshop.bots.pace", pace=args.pace), error=True, style="red")
        return 2
    tables = chosen_tables(store, args.workshop, args.tables)

    def ended(result: BotResult) -> None:
        say(
            TEXTS(
                lang,
                "workshop.bots.ended",
                label=result.label,
                outcome=outcome_label(lang, result.outcome, result.neutral),
                count=result.actions,
            )
        )

    say(TEXTS(lang, "workshop.bots.started", count=len(tables), policy=args.policy))
    run_tables(store, tables, args.policy, args.pace, on_end=ended)
    return 0


ACTIONS: dict[str, Callable[[argparse.Namespace, Store, Lang], int]] = {
    "create": create,
    "play": play,
    "join": join,
    "observe": observe,
    "dashboard": dashboard,
    "serve": serve,
    "report": report,
    "list": list_workshops,
    "status": status,
    "export": export,
    "bots": bots,
}
