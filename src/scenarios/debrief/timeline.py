"""Each phase's timeline: what came up and what the facilitator did, in journal order.

A trainer reading the debrief aloud needs the story, not only the verdicts: the events
(drawn, scheduled, triggered by the table's decision or choice, injected), each dilemma
settled, the facilitator's injects, undos and notes.
"""

from __future__ import annotations

from collections.abc import Iterable

from scenarios.debrief.facts import Facts
from scenarios.debrief.model import Quote, TimelineEntry
from scenarios.debrief.trace import SessionTrace, Step
from scenarios.engine import Choose, Inject, Undo
from scenarios.engine.events import Chose, Injected, Passed, Played, Revealed, Undone


def timeline(trace: SessionTrace, facts: Facts, notes: Iterable[Quote]) -> list[TimelineEntry]:
    """The session's timeline, every phase's in one list (`phase` tells them apart);
    `notes` are the facilitator's notes to place in it."""
    by_step = {(seq, card): by for seq, card, by in facts.fired}
    found: list[TimelineEntry] = []
    for step in trace.steps:
        action = step.action
        turn, phase, round_ = step.where
        if isinstance(action, Undo):
            found.append(_undo(step))
            continue
        if step.undone:
            continue
        if isinstance(action, Inject):
            found.append(
                TimelineEntry(
                    step.seq, turn, phase, round_, "inject", card=action.card, role=action.role
                )
            )
        for event in step.events:
            if isinstance(event, Revealed) and event.via != "inject":
                by = by_step.get((step.seq, event.card))
                found.append(
                    TimelineEntry(
                        step.seq, step.after.turn, step.after.phase, step.after.round, "event",
                        card=event.card, via=event.via, by=by,
                    )
                )  # fmt: skip
        if isinstance(action, Choose):
            found.append(
                TimelineEntry(
                    step.seq, turn, phase, round_, "choice", card=action.card, option=action.option
                )
            )
    found += [TimelineEntry(n.seq, n.turn, n.phase, n.round, "note", text=n.text) for n in notes]
    return sorted(found, key=lambda entry: entry.seq)


def _undo(step: Step) -> TimelineEntry:
    """An undo, with what it took back: a decision (its card and role), a pass, a choice
    (its option), a draw, the end of a round, an inject."""
    turn, phase, round_ = step.where
    card = option = role = None
    kind = None
    for event in step.events:
        if isinstance(event, Undone):
            kind = event.action
            for record in event.undone:
                if isinstance(record, Played):
                    card, role = record.card, record.role
                elif isinstance(record, Passed):
                    role = record.role
                elif isinstance(record, Chose):
                    card, option = record.card, record.option
                elif isinstance(record, Injected):
                    card, role = record.card, record.role
    return TimelineEntry(
        step.seq, turn, phase, round_, "undo", card=card, option=option, role=role, undone=kind
    )
