"""Bots: tables played automatically with the simulation policies, at a pace.

For demos, rehearsals and load tests. Each table is a seat like any other:
its actions go through `TableSession`, conflicts included, so a human may
play a role beside them. The tables are shared among a few threads; each
thread gives every table of its share one action in turn, then waits for
the rest of `pace`. A store that stops answering (a server restarting, a
dropped connection) pauses the bots rather than ending them: each seat is
where it was, and they go on when it answers again, unless that takes
longer than `OUTAGE_SECONDS`.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import TypeVar

import attrs

from scenarios.engine import Action, legal_actions
from scenarios.i18n import Lang
from scenarios.sim import Policy, load_policy
from scenarios.sim.policies import answers_due, questionnaire_left, replies_due
from scenarios.store import Store, StoreError, Table
from scenarios.workshop.errors import WorkshopError
from scenarios.workshop.table import HEARTBEAT_SECONDS, TableChanged, TableSession

T = TypeVar("T")
BOT_SEAT = "bots"
OUTAGE_SECONDS = 120.0
OUTAGE_PAUSE = 0.5


@attrs.frozen
class BotResult:
    """How a table ended under the bots."""

    label: str
    actions: int
    conflicts: int
    outcome: str | None
    neutral: bool = False  # the deck says outcomes in neutral words (`outcome_words`)


def chosen_tables(store: Store, workshop_id: str, labels: Sequence[str] | None) -> list[Table]:
    """The workshop's tables, or only those named (`WorkshopError` for a name it lacks)."""
    store.workshop(workshop_id)
    tables = store.tables(workshop_id)
    if not labels:
        return tables
    by_label = {table.label: table for table in tables}
    missing = [label for label in labels if label not in by_label]
    if missing:
        raise WorkshopError(
            "table_label_unknown", label=missing[0], tables=", ".join(by_label) or "—"
        )
    return [by_label[label] for label in dict.fromkeys(labels)]


@attrs.define
class _Bot:
    """One table under a bot: its seat, its own random generator, its counts."""

    table: Table
    session: TableSession
    rng: random.Random
    actions: int = 0
    conflicts: int = 0

    @property
    def done(self) -> bool:
        """The game is over and, if the deck has a questionnaire, every role replied."""
        state = self.session.state
        return state.over and not questionnaire_left(state)

    def step(self, policy: Policy) -> None:
        """Catch up with the table, then play one action the policy picks; once the game is
        over, reply to the questionnaire, one reply a step, as a table's roles would."""
        session = self.session
        session.refresh()
        if self.done:
            return
        lang: Lang = "en" if session.header.lang == "en" else "fr"
        if session.state.over:
            action: Action = replies_due(session.state, self.rng, lang)[0]
        else:
            # A question that came up is answered first, one answer a step, as the runner does.
            due = answers_due(session.state, lang) if session.state.revealed else []
            action = (
                due[0]
                if due
                else policy.choose(session.state, legal_actions(session.state), self.rng)
            )
        try:
            session.apply(action)
            self.actions += 1
        except TableChanged:
            self.conflicts += 1

    def result(self) -> BotResult:
        state = self.session.state
        return BotResult(
            self.table.label,
            self.actions,
            self.conflicts,
            state.outcome,
            state.deck.neutral_outcomes,
        )


def _outlasting(call: Callable[[], T], stop: threading.Event) -> T:
    """`call()`, called again while the store is unreachable (see the module's docstring)."""
    given_up = time.monotonic() + OUTAGE_SECONDS
    while True:
        try:
            return call()
        except StoreError as error:
            if error.code != "unreachable" or time.monotonic() >= given_up or stop.is_set():
                raise
        stop.wait(OUTAGE_PAUSE)


def run_tables(
    store: Store,
    tables: Sequence[Table],
    policy_name: str,
    pace: float,
    *,
    threads: int = 8,
    stop: threading.Event | None = None,
    on_end: Callable[[BotResult], None] = lambda _: None,
) -> list[BotResult]:
    """Play every table of `tables` to its end (or until `stop`), spread over a few threads."""
    stop = stop or threading.Event()
    load_policy(policy_name)  # a bad name fails here, before any thread starts
    results: list[BotResult] = []
    failures: list[BaseException] = []
    guard = threading.Lock()

    def worker(share: Sequence[Table]) -> None:
        try:
            policy = load_policy(policy_name)
            bots = []
            for table in share:
                session = _outlasting(partial(TableSession.join, store, table), stop)
                # Seeded by the game's seed, not by the table's id (new in every store):
                # a workshop created with --seed is played the same way every time.
                bots.append(_Bot(table, session, random.Random(session.state.seed)))
            beat = 0.0
            while bots and not stop.is_set():
                started = time.monotonic()
                if started - beat >= HEARTBEAT_SECONDS:
                    for bot in bots:
                        seen = partial(store.seat_seen, bot.table.id, BOT_SEAT, ["*"])
                        _outlasting(seen, stop)
                    beat = started
                for bot in bots:
                    _outlasting(partial(bot.step, policy), stop)
                    if bot.done:
                        with guard:
                            results.append(bot.result())
                        on_end(bot.result())
                bots = [bot for bot in bots if not bot.done]
                if pace:
                    stop.wait(max(0.0, pace - (time.monotonic() - started)))
        except BaseException as error:  # reported by the calling thread
            failures.append(error)
            stop.set()

    count = max(1, min(threads, len(tables)))
    shares = [list(tables[i::count]) for i in range(count)]
    workers = [threading.Thread(target=worker, args=(share,), daemon=True) for share in shares]
    for thread in workers:
        thread.start()
    try:
        for thread in workers:
            while thread.is_alive():
                thread.join(0.2)
    except KeyboardInterrupt:
        stop.set()
        for thread in workers:
            thread.join()
        raise
    if failures:
        raise failures[0]
    return results
