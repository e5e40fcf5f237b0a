"""What an action did, as lines for the play screen's log, in the player's language."""

from __future__ import annotations

from collections.abc import Iterator

from rich.text import Text

from scenarios.deck import Deck
from scenarios.deck.format import EFFECT_KEYS
from scenarios.engine import State
from scenarios.engine.events import (
    Answered,
    Broadcasted,
    Changed,
    Chose,
    Covered,
    Extended,
    FlagChanged,
    GameEnded,
    Given,
    Injected,
    Noted,
    Passed,
    Paused,
    Played,
    Replied,
    Resumed,
    Revealed,
    RoundBegan,
    Scheduled,
    Undone,
)
from scenarios.i18n import Lang, capitalised
from scenarios.tui.texts import text
from scenarios.tui.widgets.gauge import signed


def log_lines(state: State, lang: Lang, for_facilitator: bool = False) -> Iterator[Text]:
    """Lines describing `state.last`, the records of the action that led to `state`.

    `for_facilitator`: the facilitator's or the trainer's view, which alone says which
    expected point of a question was ticked (the table's log never shows those points)."""
    deck = state.deck

    def card(card_id: str) -> str:
        return card_title(deck, card_id)

    def role(role_id: str | None) -> str:
        return role_title(deck, role_id)

    for event in state.last:
        if isinstance(event, RoundBegan):
            phase = deck.phases[deck.phase_index[event.phase]].title
            yield Text(
                text(lang, "log.round", turn=event.turn, phase=phase, round=event.round),
                style="bold",
            )
        elif isinstance(event, Revealed):
            key = {
                "trigger": "log.revealed.trigger",
                "inject": "log.revealed.inject",
                "schedule": "log.revealed.schedule",
            }.get(event.via, "log.revealed")
            asks = deck.card_index[event.card].kind.asks
            if asks and key in ("log.revealed", "log.revealed.schedule"):
                key += ".question"
            yield Text(text(lang, key, card=card(event.card)), style="yellow")
        elif isinstance(event, Changed):
            indicator = deck.indicators[deck.indicator_index[event.indicator]]
            delta = event.after - event.before
            good = (delta > 0) == (indicator.good == "high")
            yield Text(
                text(
                    lang,
                    EFFECT_KEYS["deltas"].log,
                    indicator=indicator.title,
                    delta=signed(delta),
                    card=card(event.card),
                ),
                style="green" if good else "red",
            )
        elif isinstance(event, FlagChanged):
            title = next((f.title for f in deck.flags if f.id == event.flag), event.flag)
            yield Text(
                text(lang, EFFECT_KEYS["set" if event.value else "unset"].log, flag=title),
                style="dim",
            )
        elif isinstance(event, Chose):
            title = option_title(deck, event)
            yield Text(text(lang, "log.chose", option=title, card=card(event.card)), style="cyan")
            if event.rationale:
                yield Text(text(lang, "log.rationale", text=event.rationale), style="italic")
        elif isinstance(event, Played):
            yield Text(
                text(lang, "log.played", role=role(event.role), card=card(event.card)),
                style="bold cyan",
            )
            if event.rationale:
                yield Text(text(lang, "log.rationale", text=event.rationale), style="italic")
        elif isinstance(event, Passed):
            yield Text(text(lang, "log.passed", role=role(event.role)), style="dim")
            if event.rationale:
                yield Text(text(lang, "log.rationale", text=event.rationale), style="italic")
        elif isinstance(event, Given):
            yield Text(
                text(lang, EFFECT_KEYS["give"].log, role=role(event.role), card=card(event.card))
            )
        elif isinstance(event, Scheduled):
            yield Text(
                text(lang, EFFECT_KEYS["trigger"].log, card=card(event.card), due=event.due),
                style="dim",
            )
        elif isinstance(event, Injected) and event.role is not None:
            yield Text(
                text(lang, "log.injected_decision", card=card(event.card), role=role(event.role))
            )
        elif isinstance(event, Noted):
            yield Text(text(lang, "log.noted", text=event.text), style="magenta")
            if event.tags:
                titles = ", ".join(deck.tag_titles(event.tags))
                yield Text(text(lang, "log.tags", tags=titles), style="dim magenta")
        elif isinstance(event, Broadcasted):
            yield Text(text(lang, "log.broadcast", text=event.text), style="bold yellow")
        elif isinstance(event, Extended):
            minutes, seconds = divmod(event.seconds, 60)
            yield Text(
                text(lang, "log.extended", count=minutes)
                if not seconds
                else text(lang, "log.extended_seconds", count=event.seconds),
                style="dim",
            )
        elif isinstance(event, Paused):
            yield Text(text(lang, "log.paused"), style="dim")
        elif isinstance(event, Resumed):
            yield Text(text(lang, "log.resumed"), style="dim")
        elif isinstance(event, Undone):
            yield Text(undone_line(event, deck, lang), style="bold magenta")
        elif isinstance(event, Answered):
            key = "log.answered.amended" if event.amended else "log.answered"
            who = role_title(deck, event.role) if event.role else text(lang, "question.table")
            said = text(lang, key, who=who, card=card(event.card), text=event.text)
            yield Text(capitalised(said), style="cyan")
        elif isinstance(event, Covered) and for_facilitator:
            yield Text(covered_line(event, deck, lang), style="magenta")
        elif isinstance(event, Replied):
            yield Text(replied_line(event, deck, lang), style="cyan")
        elif isinstance(event, GameEnded) and deck.discussion:  # no outcome, no score
            yield Text(text(lang, "log.ended.discussion"), style="bold")
        elif isinstance(event, GameEnded):
            ending = (
                deck.ending_index[event.ending].title
                if event.ending
                else text(lang, "end.completed")
            )
            yield Text(
                text(lang, EFFECT_KEYS["end"].log, ending=ending, score=event.score), style="bold"
            )


def covered_line(event: Covered, deck: Deck, lang: Lang) -> str:
    """An expected point ticked or unticked, by its words (for the facilitator only)."""
    card = deck.card_index.get(event.card)
    expected = card.expected if card is not None else ()
    point = expected[event.point] if event.point < len(expected) else str(event.point + 1)
    key = "log.covered" if event.covered else "log.uncovered"
    return text(lang, key, point=point, card=card_title(deck, event.card))


def reply_value(value: str, scale: str, lang: Lang) -> str:
    """A questionnaire reply as said to a reader: « 70/100 », « oui », or the text."""
    if scale == "score":
        return text(lang, "reply.score", value=value)
    if scale == "yesno":
        return text(lang, f"reply.{value}") if value in ("yes", "no") else value
    return value


def replied_line(event: Replied, deck: Deck, lang: Lang) -> str:
    """A role's reply to an item of the questionnaire."""
    item = next((q for q in deck.questionnaire if q.id == event.question), None)
    question = item.text if item is not None else event.question
    who = role_title(deck, event.role) if event.role else text(lang, "question.table")
    value = reply_value(event.value, item.scale if item is not None else "text", lang)
    return text(lang, "log.replied", role=who, question=question, value=value)


def card_title(deck: Deck, card_id: str) -> str:
    found = deck.card_index.get(card_id)
    return found.title if found else card_id


def role_title(deck: Deck, role_id: str | None) -> str:
    if role_id is None or role_id not in deck.role_index:
        return str(role_id)
    return deck.roles[deck.role_index[role_id]].title


def option_title(deck: Deck, chose: Chose) -> str:
    option = deck.card(chose.card).option(chose.option)
    return option.title if option else chose.option


def undone_line(event: Undone, deck: Deck, lang: Lang) -> str:
    """Which action an undo took back, named by what it did."""
    kind = event.action
    for done in event.undone:
        if kind == "play" and isinstance(done, Played):
            card, role = card_title(deck, done.card), role_title(deck, done.role)
            return text(lang, "log.undone.play", card=card, role=role)
        if kind == "choose" and isinstance(done, Chose):
            option, card = option_title(deck, done), card_title(deck, done.card)
            return text(lang, "log.undone.choose", option=option, card=card)
        if kind == "pass" and isinstance(done, Passed):
            return text(lang, "log.undone.pass", role=role_title(deck, done.role))
        if kind == "inject" and isinstance(done, (Injected, Revealed)):
            return text(lang, "log.undone.inject", card=card_title(deck, done.card))
    drawn = [card_title(deck, done.card) for done in event.undone if isinstance(done, Revealed)]
    if kind == "draw" and drawn:
        return text(lang, "log.undone.draw", cards=", ".join(drawn))
    if kind == "end_round":
        return text(lang, "log.undone.end_round")
    return text(lang, "log.undone")
