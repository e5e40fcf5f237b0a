"""The table's words in the debrief: the questions that came up with their answers, the
expected points covered or still to explore, the facilitator's observations, and the
lessons-learned questionnaire summed up.

Pure functions of the trace. The answers and replies are the final state's (the last
word for each role), the journal's steps say which were amended; the deck's
`facilitator:` notes are kept only for the trainer's audience.
"""

from __future__ import annotations

import statistics
from collections import Counter

from scenarios.debrief.model import (
    AnswerGiven,
    Audience,
    Point,
    QuestionnaireSummary,
    QuestionReport,
    Quote,
    ReplyGiven,
)
from scenarios.debrief.trace import SessionTrace
from scenarios.deck import Deck
from scenarios.engine import Answer
from scenarios.engine.events import Revealed

YES_NO = ("yes", "no")


def _role_order(deck: Deck) -> dict[str | None, int]:
    """Roles in the deck's order, the table (None) after them."""
    order: dict[str | None, int] = {role.id: index for index, role in enumerate(deck.roles)}
    order[None] = len(order)
    return order


def questions(
    trace: SessionTrace, notes: tuple[Quote, ...] | list[Quote], audience: Audience = "trainer"
) -> list[QuestionReport]:
    """Each question that came up (once, where it first came up, in the order of the game),
    with the final answers and ticks and the `notes` taken in a round it was asked in."""
    deck = trace.deck
    final = trace.final
    order = _role_order(deck)
    seen: dict[str, tuple[int, int, str, int]] = {}  # card: seq, turn, phase, round
    turns: dict[str, set[int]] = {}
    for step in trace.done():
        for event in step.events:
            if not isinstance(event, Revealed) or event.card not in deck.card_index:
                continue
            if not deck.card(event.card).kind.asks:
                continue
            after = step.after
            seen.setdefault(event.card, (step.seq, after.turn, after.phase, after.round))
            turns.setdefault(event.card, set()).add(after.turn)
    given: Counter[tuple[str, str | None]] = Counter()
    last_seq: dict[tuple[str, str | None], int] = {}
    for step in trace.steps:
        if isinstance(step.action, Answer):
            key = (step.action.card, step.action.role)
            given[key] += 1
            last_seq[key] = step.seq
    found = []
    for card_id, (seq, turn, phase, round_) in seen.items():
        card = deck.card(card_id)
        answers = sorted(
            (
                AnswerGiven(key[1], text, last_seq.get(key, seq), given[key] > 1)
                for key, text in final.answers.items()
                if key[0] == card_id
            ),
            key=lambda a: order.get(a.role, len(order)),
        )
        points = tuple(
            Point(text, (card_id, index) in final.covered)
            for index, text in enumerate(card.expected)
        )
        observations = tuple(q for q in notes if q.kind == "note" and q.turn in turns[card_id])
        found.append(
            QuestionReport(
                card_id,
                card.title,
                card.text,
                seq,
                turn,
                phase,
                round_,
                tuple(answers),
                points,
                observations,
                card.facilitator if audience == "trainer" else "",
            )
        )
    return found


def questionnaire(trace: SessionTrace) -> list[QuestionnaireSummary]:
    """Each item of the deck's questionnaire with the replies given: a score's distribution
    and median, yes and no counted, free texts quoted with their role."""
    deck = trace.deck
    final = trace.final
    order = _role_order(deck)
    found = []
    for item in deck.questionnaire:
        given = [ReplyGiven(role, value) for (id_, role), value in final.replies.items()
                 if id_ == item.id]  # fmt: skip
        replies = tuple(sorted(given, key=lambda r: order.get(r.role, len(order))))
        found.append(summary(item.id, item.text, item.scale, replies))
    return found


def summary(
    id_: str, text: str, scale: str, replies: tuple[ReplyGiven, ...]
) -> QuestionnaireSummary:
    """An item and its replies summed up: a score's distribution and median, yes and no
    counted (a text's replies are quoted as they are). The workshop's debrief sums up
    every table's replies with it."""
    counted = Counter(reply.value for reply in replies)
    counts: tuple[tuple[str, int], ...] = ()
    median: float | None = None
    if scale == "score":
        scores = sorted(int(v) for v in counted if v.isdigit())
        counts = tuple((str(score), counted[str(score)]) for score in scores)
        values = [int(r.value) for r in replies if r.value.isdigit()]
        median = float(statistics.median(values)) if values else None
    elif scale == "yesno":
        counts = tuple((value, counted[value]) for value in YES_NO)
    return QuestionnaireSummary(id_, text, scale, replies, counts, median)
