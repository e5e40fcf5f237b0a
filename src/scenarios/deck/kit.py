"""A deck as the paper a room needs: laid out once as blocks, written by `render.html`.

`scenarios print` gives a trainer who plays without screens (or beside them)
what to print: a sheet per role, the cards to cut out, the indicator board,
the handouts (a page each) and the lessons-learned questionnaire, then the
facilitator's pages (chronogramme, notes, schedule, each question's expected
points to tick, draws, debrief questions). Pages for the players and pages
for the facilitator are two sections (`players`, `facilitator`): no
`facilitator:` note nor `expected` point of the deck is ever laid in the
first, so the player pages can be handed out as they are.

The kit is laid out from the deck it is given: `scenarios print` gives it the
deck with its `{{variables}}` filled (`--var`, else their defaults), since
paper is what the table reads. `scenarios export` does the opposite and keeps
the placeholders as written, so that a workbook imports back to the same deck.

Rounds last their phase's `minutes`, or the `minutes` given for a phase that
sets none; clock times count from the start of the game (« H+0:20 »). A
discussion exercise (`style: discussion`) gets no word of victory, defeat or
score, and no indicator board when it has no indicators.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from scenarios.deck.kinds import handout_label, kind_label
from scenarios.deck.model import (
    Card,
    Deck,
    Effects,
    Handout,
    Indicator,
    Phase,
    QuestionnaireItem,
    Role,
    outcome_word,
)
from scenarios.deck.times import (
    DEFAULT_MINUTES,
    Slot,
    clock,
    end_of,
    round_minutes,
    spans,
    start_of,
)
from scenarios.deck.wording import requirement
from scenarios.i18n import Lang, Texts, capitalised, decimal
from scenarios.render.blocks import (
    Block,
    Bullets,
    Heading,
    Item,
    Markdown,
    Paragraph,
    Section,
    Strong,
    Table,
)
from scenarios.rules import Expression

TEXTS = Texts("deck")

PLAYERS = "players"
FACILITATOR = "facilitator"
COLUMNS = 2  # cards per row: the backs mirror each row, for printing on both sides


def kit_blocks(deck: Deck, lang: Lang, minutes: int = DEFAULT_MINUTES) -> list[Block]:
    """The whole kit: a cover, the players' pages, then the facilitator's."""
    t = _texts(lang)
    rounds = deck.total_rounds
    cover: list[Block] = [Heading(1, t("kit.title", deck=deck.title))]
    if deck.summary:
        cover.append(Paragraph(deck.summary))
    lengths = set(round_minutes(spans(deck), minutes).values())
    counts: dict[str, object] = {
        "roles": t("kit.count.roles", count=len(deck.roles)),
        "cards": t("kit.count.cards", count=len(deck.cards)),
        "rounds": t("kit.count.rounds", count=rounds),
        "end": clock(end_of(spans(deck), minutes)),
    }
    if len(lengths) == 1:
        said = TEXTS.format(lang, "kit.cover", {**counts, "minutes": lengths.pop()})
    else:
        said = TEXTS.format(lang, "kit.cover.phases", counts)
    cover.append(Paragraph(said, kind="meta"))
    cover.append(Paragraph(t("kit.cover.how" + _style(deck)), kind="meta"))
    players: list[Block] = [
        *(role_sheet(deck, role, lang) for role in deck.roles),
        *card_pages(deck, lang),
    ]
    if deck.indicators:
        players.append(indicator_board(deck, lang))
    players += [handout_page(handout, lang) for handout in deck.handouts]
    if deck.questionnaire:
        players.append(questionnaire_page(deck, lang))
    facilitator = [
        chronogramme(deck, lang, minutes),
        facilitator_sheet(deck, lang, minutes),
        debrief_questions(deck, lang),
    ]
    return [
        Section(tuple(cover), css="cover"),
        Section(tuple(players), css=PLAYERS),
        Section(tuple(facilitator), css=FACILITATOR),
    ]


# Players' pages ------------------------------------------------------------------


def role_sheet(deck: Deck, role: Role, lang: Lang) -> Section:
    """A role's sheet: its mission (the role's text), its decision cards, what it watches."""
    t = _texts(lang)
    blocks: list[Block] = [Heading(2, t("kit.role", role=role.title))]
    held = any(card.kind.held for card in deck.cards)
    if held:
        blocks.append(
            Paragraph(
                t("kit.count.hand", count=role.hand_size)
                + " · "
                + t("kit.count.actions", count=role.actions_per_round),
                "meta",
            )
        )
    blocks += [Heading(3, t("kit.role.mission")), Paragraph(role.text or t("kit.role.no_mission"))]
    cards = role_cards(deck, role)
    if held or not deck.discussion:
        blocks.append(Heading(3, t("kit.role.cards")))
        blocks.append(
            Bullets(
                tuple(
                    Item(
                        (Strong(card.title),),
                        who=_phases(deck, card.phases, lang),
                        detail=card.text,
                        evidence=" · ".join(conditions(deck, card, lang)),
                    )
                    for card in cards
                ),
                css="decisions",
                empty=t("kit.role.no_cards"),
            )
        )
    if deck.indicators:
        blocks.append(Heading(3, t("kit.role.indicators")))
        blocks.append(_indicator_table(watched(deck, cards), lang))
    return Section(tuple(blocks), css="sheet role")


def role_cards(deck: Deck, role: Role) -> tuple[Card, ...]:
    """The decision cards this role may hold: those naming it, and those naming no role."""
    return tuple(
        card for card in deck.cards if card.kind.held and (not card.roles or role.id in card.roles)
    )


def watched(deck: Deck, cards: Iterable[Card]) -> tuple[Indicator, ...]:
    """The indicators a role's cards cost or move, in the deck's order; all if none."""
    names: set[str] = set()
    for card in cards:
        names.update(name for name, _ in card.cost)
        for effects in _effects(card):
            names.update(delta.indicator for delta in effects.deltas)
    chosen = tuple(i for i in deck.indicators if i.id in names)
    return chosen or deck.indicators


def conditions(deck: Deck, card: Card, lang: Lang) -> list[str]:
    """A decision's cost and condition in words (« Coût : 2 Budget », « Il faut d'abord : … »)."""
    t = _texts(lang)
    said = []
    if card.cost:
        titles = {i.id: i.title for i in deck.indicators}
        costs = ", ".join(
            t("kit.cost.item", amount=amount, indicator=titles[name]) for name, amount in card.cost
        )
        said.append(t("kit.cost", costs=costs))
    if card.requires is not None:
        said.append(_condition(card.requires, deck, lang))
    return said


def card_pages(deck: Deck, lang: Lang) -> Iterator[Section]:
    """The cards to cut out, page by page: the fronts, then their backs in mirror order."""
    t = _texts(lang)
    fronts = [(card, _front(deck, card, lang)) for card in deck.cards]
    pages = paged([(card, _height(item)) for card, item in fronts])
    items = dict(zip((card.id for card, _ in fronts), (item for _, item in fronts), strict=True))
    for number, cards in enumerate(pages, start=1):
        heading = Heading(2, t("kit.cards.front", page=number, pages=len(pages)))
        front = tuple(items[card.id] for card in cards)
        yield Section((heading, Bullets(front, css="cards")), css="sheet cards front")
        heading = Heading(2, t("kit.cards.back", page=number, pages=len(pages)))
        backs = tuple(_back(deck, card, lang) for card in mirrored(cards))
        yield Section((heading, Bullets(backs, css="cards")), css="sheet cards back")


# Sizes in millimetres, for the A4 page of `render.html.SHEETS` (15 mm margins, cards of
# 90 mm by at least 78 mm in 9 pt). Only an estimate: a card longer than guessed still
# grows rather than cut its text, it only pushes its page's last row to the next sheet.
PAGE_HEIGHT = 248
CARD_HEIGHT = 78
LINE_HEIGHT = 4.4
LINE_CHARACTERS = 46


def paged(cards: Iterable[tuple[Card, float]]) -> list[tuple[Card, ...]]:
    """The cards by page: rows of `COLUMNS` as tall as their tallest card, while they fit."""
    listed = list(cards)
    rows = [listed[i : i + COLUMNS] for i in range(0, len(listed), COLUMNS)]
    pages: list[tuple[Card, ...]] = []
    page: list[Card] = []
    used = 0.0
    for row in rows:
        height = max(CARD_HEIGHT, *(h for _, h in row))
        if page and used + height > PAGE_HEIGHT:
            pages.append(tuple(page))
            page, used = [], 0.0
        page += [card for card, _ in row]
        used += height
    if page:
        pages.append(tuple(page))
    return pages


def _height(item: Item) -> float:
    """A card's guessed height: its padding and its lines of text."""
    title = "".join(p if isinstance(p, str) else p.text for p in item.text)
    texts = [title, *item.detail.split("\n"), item.evidence]
    lines = sum(-(-len(text) // LINE_CHARACTERS) for text in texts if text)
    return 14 + lines * LINE_HEIGHT


def mirrored(cards: tuple[Card, ...]) -> list[Card | None]:
    """The cards of a page with each row reversed (a short row padded first), so that a
    sheet printed on both sides puts each back behind its front."""
    rows = [list(cards[i : i + COLUMNS]) for i in range(0, len(cards), COLUMNS)]
    out: list[Card | None] = []
    for row in rows:
        out.extend(reversed([*row, *[None] * (COLUMNS - len(row))]))
    return out


def _front(deck: Deck, card: Card, lang: Lang) -> Item:
    t = _texts(lang)
    lines = [card.text] if card.text else []
    for option in card.options:
        lines.append(t("kit.option", option=option.title, text=option.text).rstrip(" :—-"))
        if option.requires is not None:
            lines.append(_condition(option.requires, deck, lang))
    said = conditions(deck, card, lang)
    if card.kind.asks:
        said.append(asked(deck, card, lang))
        handout = deck.handout_index.get(card.handout or "")
        if handout is not None:
            said.append(t("kit.question.handout", handout=handout.title))
    return Item(
        (Strong(card.title),),
        detail="\n".join(lines),
        evidence=" · ".join(said),
        css="card",
    )


def asked(deck: Deck, card: Card, lang: Lang) -> str:
    """Who a question asks: the roles it names, or the whole table."""
    t = _texts(lang)
    if not card.to:
        return t("kit.question.table")
    roles = ", ".join(deck.roles[deck.role_index[r]].title for r in card.to)
    return t("kit.question.to", roles=roles)


def _back(deck: Deck, card: Card | None, lang: Lang) -> Item:
    if card is None:
        return Item("", css="card blank")
    roles = ", ".join(deck.roles[deck.role_index[r]].title for r in card.roles)
    return Item(
        (Strong(capitalised(kind_label(lang, card.type))),),
        who=_phases(deck, card.phases, lang),
        detail=roles,
        css="card",
    )


def indicator_board(deck: Deck, lang: Lang) -> Section:
    """The indicators with their start values and bounds, a column per round to fill in."""
    t = _texts(lang)
    rounds = deck.total_rounds
    headers = (
        t("kit.board.indicator"),
        t("kit.board.start"),
        t("kit.board.bounds"),
        *(t("kit.board.round", round=n) for n in range(1, rounds + 1)),
    )
    rows = tuple(
        (
            indicator.title,
            str(indicator.start),
            t("kit.board.range", min=indicator.min, max=indicator.max),
            *("" for _ in range(rounds)),
        )
        for indicator in deck.indicators
    )
    blocks: list[Block] = [
        Heading(2, t("kit.board")),
        Paragraph(t("kit.board.how"), "meta"),
        Table(headers, rows, (False, True, False, *(True,) * rounds)),
        Bullets(
            tuple(
                Item(
                    (Strong(indicator.title),),
                    detail=indicator.text,
                    evidence=t(f"kit.good.{indicator.good}"),
                )
                for indicator in deck.indicators
            )
        ),
    ]
    return Section(tuple(blocks), css="sheet board")


def _indicator_table(indicators: Iterable[Indicator], lang: Lang) -> Table:
    t = _texts(lang)
    return Table(
        (t("kit.board.indicator"), t("kit.board.start"), t("kit.board.bounds"), t("kit.good")),
        tuple(
            (
                i.title,
                str(i.start),
                t("kit.board.range", min=i.min, max=i.max),
                t(f"kit.good.{i.good}"),
            )
            for i in indicators
        ),
        (False, True, False, False),
    )


def handout_page(handout: Handout, lang: Lang) -> Section:
    """A handout on a page of its own, as the table would be handed it: its kind, its title,
    its text (Markdown)."""
    t = _texts(lang)
    kind = t("kit.handout", kind=handout_label(lang, handout.kind))
    return Section(
        (Paragraph(kind, "meta"), Heading(2, handout.title), Markdown(handout.text)),
        css="sheet handout",
    )


SCORES = tuple(range(0, 101, 10))  # a `score` item's values, one box each
WRITING_LINES = 4  # lines to write on, under a `text` item


def questionnaire_page(deck: Deck, lang: Lang) -> Section:
    """The lessons-learned questionnaire, for each role to fill in on paper: boxes from 0 to
    100 by tens, yes and no boxes, or lines to write on."""
    t = _texts(lang)
    blocks: list[Block] = [
        Heading(2, t("kit.questionnaire")),
        Paragraph(t("kit.questionnaire.how"), "meta"),
        Paragraph(t("kit.questionnaire.role"), "meta"),
    ]
    for number, item in enumerate(deck.questionnaire, start=1):
        blocks.append(
            Section(
                (
                    Paragraph(t("kit.questionnaire.item", number=number, text=item.text)),
                    _scale(item, lang),
                ),
                css="item",
            )
        )
    return Section(tuple(blocks), css="sheet questionnaire")


def _scale(item: QuestionnaireItem, lang: Lang) -> Block:
    t = _texts(lang)
    if item.scale == "score":
        headers = tuple(str(value) for value in SCORES)
        return Table(headers, (("",) * len(SCORES),), (False,) * len(SCORES), css="scale score")
    if item.scale == "yesno":
        headers = (t("kit.scale.yes"), t("kit.scale.no"))
        return Table(headers, (("", ""),), (False, False), css="scale yesno")
    return Bullets(tuple(Item("", css="line") for _ in range(WRITING_LINES)), css="lines")


# The facilitator's pages -----------------------------------------------------------


def chronogramme(deck: Deck, lang: Lang, minutes: int) -> Section:
    """Each round of each phase with its clock time (a round every `minutes`, or its phase's
    own minutes), and the cards scheduled at it."""
    t = _texts(lang)
    lengths = round_minutes(spans(deck), minutes)
    scheduled = bool(deck.schedule)
    drawn = any(phase.events_per_round for phase in deck.phases)  # else no draw column
    rows = []
    index, start = 0, 0
    for phase in deck.phases:
        for number in range(1, phase.rounds + 1):
            row: tuple[str, ...] = (
                clock(start),
                phase.title,
                t("kit.chrono.round", round=number, rounds=phase.rounds, turn=index + 1),
            )
            if drawn:
                row += (t("kit.count.events", count=phase.events_per_round),)
            if scheduled:
                cards = deck.scheduled.get((phase.id, number), ())
                row += (" · ".join(deck.card(card).title for card in cards),)
            rows.append(row)
            index += 1
            start += lengths[phase.id]
    headers = (
        t("kit.chrono.clock"),
        t("kit.chrono.phase"),
        t("kit.chrono.rounds"),
        *((t("kit.chrono.draws"),) if drawn else ()),
        *((t("kit.chrono.scheduled"),) if scheduled else ()),
    )
    rows.append((clock(start), t("kit.chrono.end"), *("" for _ in headers[2:])))
    if len(set(lengths.values())) == 1:
        how = t("kit.chrono.how", minutes=next(iter(lengths.values()), minutes))
    else:
        how = t("kit.chrono.how.phases")
    blocks: list[Block] = [
        Heading(2, t("kit.chrono")),
        Paragraph(t("kit.facilitator.only"), "warning"),
        Paragraph(how, "meta"),
        Table(headers, tuple(rows), (False,) * len(headers)),
        Bullets(
            tuple(
                Item(
                    (Strong(phase.title),),
                    who=t("kit.count.rounds_of", count=phase.rounds, minutes=lengths[phase.id]),
                    detail=phase.text,
                )
                for phase in deck.phases
            )
        ),
    ]
    return Section(tuple(blocks), css="sheet chronogramme")


def facilitator_sheet(deck: Deck, lang: Lang, minutes: int = DEFAULT_MINUTES) -> Section:
    """Notes, the schedule, each question's expected points, draws, triggers and endings:
    what the facilitator keeps to themselves."""
    t = _texts(lang)
    blocks: list[Block] = [
        Heading(2, t("kit.facilitator")),
        Paragraph(t("kit.facilitator.only"), "warning"),
    ]
    if deck.facilitator:
        blocks.append(Paragraph(deck.facilitator))
    if deck.schedule:
        blocks += schedule_table(deck, lang, minutes)
    for phase in deck.phases:
        blocks.extend(_phase_notes(deck, phase, lang))
    notes = [
        Item((Strong(role.title),), detail=role.facilitator)
        for role in deck.roles
        if role.facilitator
    ]
    if notes:
        blocks += [Heading(3, t("kit.facilitator.roles")), Bullets(tuple(notes))]
    questions = sorted(
        (card for card in deck.cards if card.kind.asks),
        key=lambda card: _first_time(deck, card, minutes),
    )
    if questions:
        blocks += [
            Heading(3, t("kit.facilitator.questions")),
            Paragraph(t("kit.facilitator.questions.how"), "meta"),
            *(question_notes(deck, card, lang, minutes) for card in questions),
        ]
    notes = []
    for card in deck.cards:
        if card.facilitator and not card.kind.asks:
            notes.append(Item((Strong(card.title),), detail=card.facilitator))
        for option in card.options:
            if option.facilitator:
                title = t("kit.facilitator.option", card=card.title, option=option.title)
                notes.append(Item((Strong(title),), detail=option.facilitator))
    if notes:
        blocks += [Heading(3, t("kit.facilitator.cards")), Bullets(tuple(notes))]
    blocks += [
        Heading(3, t("kit.facilitator.triggers")),
        Bullets(tuple(_triggers(deck, lang)), empty=t("kit.facilitator.no_triggers")),
    ]
    if deck.endings:
        blocks += [Heading(3, t("kit.facilitator.endings")), _endings(deck, lang)]
    return Section(tuple(blocks), css="sheet notes")


def _endings(deck: Deck, lang: Lang) -> Table:
    """The endings and their conditions; their outcome too, unless the deck is a discussion
    (no victory nor defeat there), in neutral words when the deck asks for them."""
    t = _texts(lang)
    outcome = not deck.discussion

    def said(value: str) -> str:
        return outcome_word(value, deck.neutral_outcomes)

    return Table(
        (
            t("kit.facilitator.ending"),
            *((t("kit.facilitator.outcome"),) if outcome else ()),
            t("kit.condition"),
        ),
        tuple(
            (
                ending.title,
                *((t(f"kit.outcome.{said(ending.outcome)}"),) if outcome else ()),
                _words(ending.when, deck, lang) if ending.when else t("kit.always"),
            )
            for ending in deck.endings
        ),
        (False,) * (3 if outcome else 2),
    )


def schedule_table(deck: Deck, lang: Lang, minutes: int) -> list[Block]:
    """The deck's schedule in its order: each scheduled card with its clock time."""
    t = _texts(lang)
    rows = []
    for entry in deck.schedule:
        phase = deck.phases[deck.phase_index[entry.phase]]
        start = start_of(Slot(entry.phase, entry.round), spans(deck), minutes)
        card = deck.card(entry.card)
        rows.append(
            (
                clock(start) if start is not None else "",
                phase.title,
                str(entry.round),
                card.title,
                kind_label(lang, card.type),
            )
        )
    return [
        Heading(3, t("kit.schedule")),
        Paragraph(t("kit.schedule.how"), "meta"),
        Table(
            (
                t("kit.chrono.clock"),
                t("kit.chrono.phase"),
                t("kit.chrono.rounds"),
                t("kit.schedule.card"),
                t("kit.draw.type"),
            ),
            tuple(rows),
            (False, False, True, False, False),
        ),
    ]


def _first_time(deck: Deck, card: Card, minutes: int) -> int:
    """When a card may first come: its first scheduled round, else its first phase's start."""
    slots = [Slot(entry.phase, entry.round) for entry in deck.schedule if entry.card == card.id]
    slots = slots or [Slot(phase, 1) for phase in card.phases]
    starts = [start_of(slot, spans(deck), minutes) for slot in slots]
    return min((start for start in starts if start is not None), default=0)


def question_notes(deck: Deck, card: Card, lang: Lang, minutes: int) -> Section:
    """A question for the facilitator: when it comes and whom it asks, its note, and its
    expected points as boxes to tick."""
    t = _texts(lang)
    times = [
        t(
            "kit.question.scheduled",
            clock=clock(start_of(Slot(entry.phase, entry.round), spans(deck), minutes) or 0),
            phase=deck.phases[deck.phase_index[entry.phase]].title,
            round=entry.round,
        )
        for entry in deck.schedule
        if entry.card == card.id
    ]
    when = " · ".join(times) if times else _phases(deck, card.phases, lang)
    blocks: list[Block] = [
        Paragraph((Strong(card.title),)),
        Paragraph(when + " · " + asked(deck, card, lang), "meta"),
    ]
    if card.facilitator:
        blocks.append(Paragraph(card.facilitator))
    blocks.append(
        Bullets(
            tuple(Item(point, css="point") for point in card.expected),
            css="expected",
            empty=t("kit.question.no_expected"),
        )
    )
    return Section(tuple(blocks), css="question")


def _phase_notes(deck: Deck, phase: Phase, lang: Lang) -> list[Block]:
    t = _texts(lang)
    blocks: list[Block] = [Heading(3, phase.title)]
    if phase.facilitator:
        blocks.append(Paragraph(phase.facilitator))
    drawn = deck.drawable[phase.id]
    blocks.append(Paragraph(t("kit.count.events_per_round", count=phase.events_per_round), "meta"))
    rows = tuple(
        (
            card.title,
            kind_label(lang, card.type),
            _number(card.weight, lang),
            _words(card.when, deck, lang) if card.when is not None else t("kit.always"),
        )
        for card in drawn
    )
    if rows:
        blocks.append(
            Table(
                (t("kit.draw.card"), t("kit.draw.type"), t("kit.draw.weight"), t("kit.condition")),
                rows,
                (False, False, True, False),
            )
        )
    else:
        blocks.append(Paragraph(t("kit.draw.none"), "meta"))
    return blocks


def _triggers(deck: Deck, lang: Lang) -> Iterator[Item]:
    t = _texts(lang)
    for card in deck.cards:
        sources = [(card.title, card.effects)]
        if card.lasting is not None:
            sources.append((card.title, card.lasting.effects))
        for option in card.options:
            title = t("kit.facilitator.option", card=card.title, option=option.title)
            sources.append((title, option.effects))
            if option.lasting is not None:
                sources.append((title, option.lasting.effects))
        for source, effects in sources:
            for trigger in effects.trigger:
                target = deck.card_index.get(trigger.card)
                yield Item(
                    t(
                        "kit.trigger",
                        source=source,
                        card=target.title if target else trigger.card,
                        delay=t("kit.count.delay", count=trigger.delay)
                        if trigger.delay
                        else t("kit.delay.now"),
                    )
                )


def debrief_questions(deck: Deck, lang: Lang) -> Section:
    """Neutral questions per phase, and one per event that decisions answer."""
    t = _texts(lang)
    blocks: list[Block] = [
        Heading(2, t("kit.debrief")),
        Paragraph(t("kit.facilitator.only"), "warning"),
        Paragraph(t("kit.debrief.how"), "meta"),
    ]
    answers: dict[str, list[str]] = {}
    for card in deck.cards:
        for event in card.counters:
            answers.setdefault(event, []).append(card.title)
    for phase in deck.phases:
        items = [
            Item(t(f"kit.debrief.{key}", phase=phase.title))
            for key in ("surprise", "decision", "real")
        ]
        for card in deck.cards:
            if phase.id in card.phases and card.id in answers:
                items.append(
                    Item(
                        t("kit.debrief.faced", event=card.title),
                        evidence=t("kit.debrief.answers", cards=", ".join(answers[card.id])),
                    )
                )
        blocks += [Heading(3, phase.title), Bullets(tuple(items), ordered=True)]
    return Section(tuple(blocks), css="sheet debrief")


# Words -----------------------------------------------------------------------------


def _style(deck: Deck) -> str:
    """The suffix of a text id that differs for a discussion exercise."""
    return ".discussion" if deck.discussion else ""


def _texts(lang: Lang) -> _Bound:
    return _Bound(lang)


class _Bound:
    """The deck's catalog in one language: `t(id, …)`."""

    __slots__ = ("lang",)

    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def __call__(self, msg_id: str, count: int | None = None, **params: object) -> str:
        return TEXTS(self.lang, msg_id, count, **params)


def _condition(expression: Expression, deck: Deck, lang: Lang) -> str:
    said = requirement(expression, deck, lang)
    key = "kit.requires_not" if said.negative else "kit.requires"
    return TEXTS(lang, key, condition=said.words)


def _words(expression: Expression, deck: Deck, lang: Lang) -> str:
    said = requirement(expression, deck, lang)
    return TEXTS(lang, "words.not", what=said.words) if said.negative else said.words


def _phases(deck: Deck, phases: tuple[str, ...], lang: Lang) -> str:
    titles = ", ".join(deck.phases[deck.phase_index[p]].title for p in phases)
    return TEXTS(lang, "kit.phases", len(phases), phases=titles)


def _effects(card: Card) -> Iterator[Effects]:
    yield card.effects
    if card.lasting is not None:
        yield card.lasting.effects
    for option in card.options:
        yield option.effects
        if option.lasting is not None:
            yield option.lasting.effects


def _number(value: float, lang: Lang) -> str:
    return str(int(value)) if value == int(value) else decimal(value, lang)
