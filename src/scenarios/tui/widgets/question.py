"""What a question card shows under its text: who is asked, its handout, the answers so far.

The answers are the table's words: quoted as data, never read as markup. The
points the facilitator expects are shown only with `for_facilitator` (the
facilitator's screens), like the deck's notes for them.
"""

from __future__ import annotations

from collections.abc import Mapping, Set

from rich.text import Text
from textual.widgets import TextArea

from scenarios.deck import Card, Deck
from scenarios.deck.kinds import handout_label
from scenarios.i18n import Lang
from scenarios.render.printable import printable
from scenarios.tui.texts import text
from scenarios.tui.widgets.cards import NOTE_STYLE

Answers = Mapping[tuple[str, str | None], str]  # (card, role; None: the table) -> text


def go_on_writing(area: TextArea, words: str) -> None:
    """Put what a role already wrote (an answer, a reply) back in `area`, the cursor after
    it: someone who comes back to their words means to add to them, not to type before them."""
    area.text = printable(words)
    area.move_cursor(area.document.end)


def asked(card: Card) -> tuple[str | None, ...]:
    """Who answers `card`: the roles it names, else the table as one (None)."""
    return card.to if card.to else (None,)


def answerer(deck: Deck, role: str | None, lang: Lang) -> str:
    """A role's title, or « la table »."""
    if role is None or role not in deck.role_index:
        return text(lang, "question.table")
    return deck.roles[deck.role_index[role]].title


def tick(covered: bool) -> str:
    """An expected point's box: ticked once the facilitator says the table covered it."""
    return "☑" if covered else "☐"


def card_extra(
    deck: Deck,
    card: Card,
    answers: Answers,
    lang: Lang,
    for_facilitator: str = "",
    covered: Set[tuple[str, int]] = frozenset(),
) -> Text | None:
    """The lines a card view adds under `card`'s text: for a question, who is asked and the
    answers given so far (and for the facilitator, its expected points, ticked when in
    `covered`); for any card, the handout that comes with it."""
    lines: list[Text] = []
    if card.kind.asks:
        names = ", ".join(answerer(deck, role, lang) for role in asked(card))
        lines.append(Text(text(lang, "question.asked", roles=names), style="bold"))
    handout = deck.handout_index.get(card.handout) if card.handout else None
    if handout is not None:
        kind = handout_label(lang, handout.kind)
        said = text(lang, "question.handout", kind=kind, title=handout.title)
        lines.append(Text(said, style="italic"))
    if card.kind.asks:
        for role in asked(card):
            answer = answers.get((card.id, role))
            if answer is None:
                continue
            line = Text(text(lang, "question.answer_by", who=answerer(deck, role, lang)))
            line.append(text(lang, "question.quoted", text=printable(answer)), style="cyan")
            lines.append(line)
        if for_facilitator and card.expected:
            points = " · ".join(
                f"{tick((card.id, index) in covered)} {printable(point)}"
                for index, point in enumerate(card.expected)
            )
            note = f"{for_facilitator} {text(lang, 'question.expected', points=points)}"
            lines.append(Text(note, style=NOTE_STYLE))
    return Text("\n").join(lines) if lines else None
