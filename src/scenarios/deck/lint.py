"""Deck lint: what is valid but probably wrong, as warnings with positions.

Static checks only (the simulation-based ones live in `scenarios.sim.simulated_checks`):
conditions that can never hold given the phases and the effects that exist
(an interval analysis, see `scenarios.rules.bounds`), flags set but never read
or read but never set, indicators nothing moves, endings that hide later ones,
triggers that always fall after the last round, texts too long to read at a
table, recommendations with several leads, and French typography.

A warning is silenced by a comment that says why, on its line or the line
above: `# lint: ignore lint.typography — citation d'un texte officiel`; a
whole file with `# lint: ignore-file CODE — why`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from scenarios.deck.diagnostics import Diagnostic, Position
from scenarios.deck.located import LocatedMap
from scenarios.deck.model import Card, Deck, Effects, Flag, Indicator, Phase, Role
from scenarios.render.printable import CONTROLS
from scenarios.rules import Expression
from scenarios.rules.bounds import INFINITY, Domain, Interval, Value, possible

MAX_TITLE = 60
MAX_TEXT = 280
MAX_OPTION_TITLE = 50
MAX_RECOMMENDATION_TEXT = 500


def lint(deck: Deck) -> list[Diagnostic]:
    """Every static warning about `deck`, minus those its comments silence."""
    found = [
        *_conditions(deck),
        *_flags(deck),
        *_indicators(deck),
        *_endings(deck),
        *_triggers(deck),
        *_schedule(deck),
        *_discussion(deck),
        *_leads(deck),
        *_lengths(deck),
        *_typography(deck),
        *_control_characters(deck),
    ]
    return unsilenced(deck, found)


def _warn(
    code: str,
    where: LocatedMap | Position | None,
    key: str | None,
    named: str = "",
    **params: object,
) -> Diagnostic:
    """A warning at `key` of `where`; `named`, the dotted key its message starts with."""
    if isinstance(where, Position):
        position = where
    elif where is None:
        position = Position("?")
    elif key is not None and key in where:
        position = where.at_value(key) if key in ("when", "requires") else where.at_key(key)
    else:
        position = where.at()
    return Diagnostic(code, position, params, severity="warning", key=named)


# Effects everywhere ------------------------------------------------------------


def all_effects(deck: Deck) -> Iterator[tuple[Card, Effects]]:
    for card in deck.cards:
        yield card, card.effects
        if card.lasting:
            yield card, card.lasting.effects
        for option in card.options:
            yield card, option.effects
            if option.lasting:
                yield card, option.lasting.effects


def all_expressions(deck: Deck) -> Iterator[Expression]:
    for card in deck.cards:
        for expression in (card.when, card.requires):
            if expression is not None:
                yield expression
        for option in card.options:
            if option.requires is not None:
                yield option.requires
    for _, effects in all_effects(deck):
        yield from (d.amount for d in effects.deltas if isinstance(d.amount, Expression))
    yield from (e.when for e in deck.endings if e.when is not None)
    yield from (r.when for r in deck.recommendations)
    if deck.score is not None:
        yield deck.score


# The domain of values a game can reach --------------------------------------------


def reachable_ranges(deck: Deck) -> dict[str, Interval]:
    """For each indicator, the values some sequence of effects could give it."""
    rises: set[str] = set()
    falls: set[str] = set()
    for _, effects in all_effects(deck):
        for delta in effects.deltas:
            amount = delta.amount
            if isinstance(amount, int):
                (rises if amount > 0 else falls if amount < 0 else set()).add(delta.indicator)
            else:
                rises.add(delta.indicator)
                falls.add(delta.indicator)
    for card in deck.cards:
        falls.update(indicator for indicator, amount in card.cost if amount > 0)
    ranges = {}
    for indicator in deck.indicators:
        low = indicator.min if indicator.id in falls else indicator.start
        high = indicator.max if indicator.id in rises else indicator.start
        ranges[indicator.id] = Interval(low, high)
    return ranges


def settable_flags(deck: Deck) -> set[str]:
    return {flag for _, effects in all_effects(deck) for flag in effects.set}


def domains(deck: Deck) -> Callable[[Iterable[str]], Domain]:
    """What expressions may see while the game is in one of some phases, for each set of phases.

    The deck-wide facts (reachable ranges, settable flags) are worked out once
    and each set of phases once: worked out per card, linting was quadratic
    in the number of cards.
    """
    fixed: dict[str, Value] = dict(reachable_ranges(deck))
    settable = settable_flags(deck)
    fixed.update({flag.id: (None if flag.id in settable else False) for flag in deck.flags})
    made: dict[tuple[str, ...], Domain] = {}

    def calls(function: str, args: tuple[str | None, ...]) -> Value:
        if function == "rounds_since":
            return Interval(-1, deck.total_rounds)
        if function == "count":
            return Interval(0, INFINITY)
        return None

    def domain(phases: Iterable[str]) -> Domain:
        key = tuple(p for p in phases if p in deck.phase_index)
        if key not in made:
            made[key] = Domain({**_moment(deck, key), **fixed}, calls)
        return made[key]

    return domain


def _moment(deck: Deck, phases: tuple[str, ...]) -> dict[str, Value]:
    """The turn, round and phase a game may be at in one of `phases`."""
    turns: list[int] = []
    start = 1
    for phase in deck.phases:
        if phase.id in phases:
            turns += [start, start + phase.rounds - 1]
        start += phase.rounds
    rounds = [deck.phases[deck.phase_index[p]].rounds for p in phases] or [1]
    return {
        "turn": Interval(min(turns or [1]), max(turns or [deck.total_rounds])),
        "round": Interval(1, max(rounds)),
        "phase": frozenset(phases),
    }


# Checks ------------------------------------------------------------------------


def _conditions(deck: Deck) -> Iterator[Diagnostic]:
    ranges = reachable_ranges(deck)
    domain = domains(deck)
    triggered = {t.card for _, effects in all_effects(deck) for t in effects.trigger}
    triggered |= {entry.card for entry in deck.schedule}  # scheduled: sure to come
    for card in deck.cards:
        space = domain(card.phases)
        if card.kind.drawn:
            if card.when is not None and possible(card.when.source, space) is False:
                yield _warn("lint.event_never", card.where, "when", card=card.id)
            elif card.weight == 0 and card.id not in triggered:
                yield _warn("lint.event_injected_only", card.where, "weight", card=card.id)
        elif card.requires is not None and possible(card.requires.source, space) is False:
            yield _warn("lint.decision_never", card.where, "requires", card=card.id)
        for indicator_id, amount in card.cost:
            indicator = deck.indicators[deck.indicator_index[indicator_id]]
            if ranges[indicator_id].high - amount < indicator.min:
                yield _warn(
                    "lint.decision_cost",
                    card.where,
                    "cost",
                    card=card.id,
                    indicator=indicator_id,
                    amount=amount,
                    most=ranges[indicator_id].high - indicator.min,
                )
        if card.kind.held:
            roles = card.roles or tuple(r.id for r in deck.roles)
            if all(deck.roles[deck.role_index[r]].actions_per_round == 0 for r in roles):
                yield _warn("lint.decision_no_role", card.where, "roles", card=card.id)
    end_space = domain(p.id for p in deck.phases)
    for rule in deck.recommendations:
        verdict = possible(rule.when.source, end_space)
        if verdict is False:
            yield _warn("lint.recommendation_never", rule.where, "when", rule=rule.id)
        elif verdict is True:
            yield _warn("lint.recommendation_always", rule.where, "when", rule=rule.id)


def _flags(deck: Deck) -> Iterator[Diagnostic]:
    read = {name for expression in all_expressions(deck) for name in expression.names}
    settable = settable_flags(deck)
    cleared = {flag for _, effects in all_effects(deck) for flag in effects.unset}
    for flag in deck.flags:
        place = flag.where or flag.at
        if flag.id in settable and flag.id not in read:
            yield _warn("lint.flag_unread", place, "id", flag=flag.id)
        elif flag.id in read and flag.id not in settable:
            yield _warn("lint.flag_unset", place, "id", flag=flag.id, cleared=flag.id in cleared)


def _indicators(deck: Deck) -> Iterator[Diagnostic]:
    moved = {d.indicator for _, effects in all_effects(deck) for d in effects.deltas}
    moved |= deck.resources
    for indicator in deck.indicators:
        if indicator.id not in moved:
            yield _warn("lint.indicator_unmoved", indicator.where, "id", indicator=indicator.id)


def _endings(deck: Deck) -> Iterator[Diagnostic]:
    whole = domains(deck)(p.id for p in deck.phases)
    seen: dict[str, str] = {}
    for index, ending in enumerate(deck.endings):
        if ending.when is None:
            continue
        source = " ".join(ending.when.source.split())
        verdict = possible(ending.when.source, whole)
        if source in seen:
            yield _warn(
                "lint.ending_shadowed", ending.where, "when", ending=ending.id, by=seen[source]
            )
        elif verdict is False:
            yield _warn("lint.ending_never", ending.where, "when", ending=ending.id)
        elif verdict is True:
            yield _warn("lint.ending_always", ending.where, "when", ending=ending.id)
            for later in deck.endings[index + 1 :]:
                yield _warn(
                    "lint.ending_shadowed", later.where, "id", ending=later.id, by=ending.id
                )
            return
        seen.setdefault(source, ending.id)


def _triggers(deck: Deck) -> Iterator[Diagnostic]:
    """Triggers that land after the last round even from their card's earliest round.

    The engine drops them silently; a card that can only come late (its phases)
    with a long `in:` is the usual cause.
    """
    first_turn: dict[str, int] = {}
    turn = 1
    for phase in deck.phases:
        first_turn[phase.id] = turn
        turn += phase.rounds
    last = turn - 1
    for card, effects in all_effects(deck):
        if not effects.trigger or not card.phases:
            continue
        earliest = min(first_turn[phase] for phase in card.phases)
        for trigger in effects.trigger:
            # As in the engine: `in: 0` from a decision comes at the next round's events.
            due = earliest + trigger.delay + (1 if trigger.delay == 0 and card.kind.held else 0)
            if due > last:
                yield _warn(
                    "lint.trigger_too_late",
                    effects.where,
                    "trigger",
                    card=card.id,
                    target=trigger.card,
                    earliest=earliest,
                    due=due,
                    last=last,
                )


def _schedule(deck: Deck) -> Iterator[Diagnostic]:
    """Schedule entries past their phase's last round: the engine would never reach them."""
    for entry in deck.schedule:
        phase = deck.phases[deck.phase_index[entry.phase]]
        if entry.round > phase.rounds:
            yield _warn(
                "lint.schedule_too_late",
                entry.where,
                "round",
                named="schedule.round",
                card=entry.card,
                phase=entry.phase,
                round=entry.round,
                rounds=phase.rounds,
            )


def _discussion(deck: Deck) -> Iterator[Diagnostic]:
    """What a discussion exercise never shows: a victory or defeat, a score; lessons."""
    if not deck.discussion:
        return
    for ending in deck.endings:
        if ending.outcome != "neutral":
            yield _warn(
                "lint.discussion_outcome",
                ending.where,
                "outcome",
                named="outcome",
                ending=ending.id,
                outcome=ending.outcome,
            )
    if deck.score is not None:
        yield _warn("lint.discussion_score", deck.where, "score", named="score")
    if deck.lessons:  # no score nor ending to measure them on: simulation skips them
        yield _warn("lint.discussion_lessons", deck.where, "lessons", named="lessons")


# Words that join two actors (« ou » too: a choice of leads is no lead), by language;
# commas, semicolons and slashes in any language. Inside parentheses they qualify one
# actor (« Préfecture (SIDPC et communication) ») and are not counted.
_JOINING = {"fr": ("et", "avec", "ou"), "en": ("and", "with", "or")}


def actors(text: str, language: str) -> list[str]:
    """The actors a lead or actor text names, split where no parenthesis is open."""
    words = "|".join(_JOINING.get(language, ("and",)))
    joining = re.compile(rf"\s*[,;/]\s*(?:(?:{words})\s+)?|\s+(?:{words})\s+")
    parts: list[str] = []
    depth = start = index = 0
    while index < len(text):
        char = text[index]
        depth += (char == "(") - (char == ")") if char in "()" else 0
        match = joining.match(text, index) if depth == 0 else None
        if match and match.end() > index:
            parts.append(text[start:index])
            start = index = match.end()
            continue
        index += 1
    parts.append(text[start:])
    return [part.strip() for part in parts if part.strip()]


def _leads(deck: Deck) -> Iterator[Diagnostic]:
    """One pilote per action, as an improvement plan wants: a `lead` that names several
    actors, or none while `actor` names several."""
    for rule in deck.recommendations:
        key = "lead" if rule.lead else "actor"
        named = actors(rule.lead or rule.actor, deck.language)
        if len(named) > 1:
            yield _warn(
                "lint.recommendation_leads",
                rule.where,
                key,
                named=key,
                rule=rule.id,
                names=" · ".join(named),
                first=named[0],
            )


def _lengths(deck: Deck) -> Iterator[Diagnostic]:
    # (text, limit, where, field, what), in file order
    texts: list[tuple[str, int, LocatedMap | None, str, str]] = []
    for card in deck.cards:
        texts.append((card.title, MAX_TITLE, card.where, "title", card.id))
        texts.append((card.text, MAX_TEXT, card.where, "text", card.id))
        texts += [
            (option.title, MAX_OPTION_TITLE, option.where, "title", f"{card.id}/{option.id}")
            for option in card.options
        ]
    texts += [
        (rule.text, MAX_RECOMMENDATION_TEXT, rule.where, "text", rule.id)
        for rule in deck.recommendations
    ]
    for text, limit, where, field, what in texts:
        if len(text) > limit:
            yield _warn("lint.text_long", where, field, what=what, length=len(text), limit=limit)


_SPACE_BEFORE = re.compile(r"(\S)( ?)([;:!?])(?=\s|$)")
_STRAIGHT_APOSTROPHE = re.compile(r"\w'\w")
_GUILLEMETS = re.compile(r"«(?!\u00a0|\u202f)|(?<![\u00a0\u202f])»")


def _typography(deck: Deck) -> Iterator[Diagnostic]:
    if deck.language != "fr":
        return
    for where, key, text in _texts(deck):
        problems = []
        for match in _SPACE_BEFORE.finditer(text):
            before = text[max(0, match.start() - 6) : match.start()]
            if match.group(1) in "\u00a0\u202f" or "http" in before:
                continue
            problems.append(match.group(0).strip())
        if _STRAIGHT_APOSTROPHE.search(text):
            problems.append("'")
        if _GUILLEMETS.search(text):
            problems.append("« »")
        if problems:
            yield _warn("lint.typography", where, key, sample=problems[0], text=text[:40])


def _control_characters(deck: Deck) -> Iterator[Diagnostic]:
    named = [(deck.where, "title", deck.title), (deck.where, "summary", deck.summary)]
    items: list[Phase | Role | Indicator | Flag] = [
        *deck.phases,
        *deck.roles,
        *deck.indicators,
        *deck.flags,
    ]
    named += [(item.where, "title", item.title) for item in items]
    for where, key, text in (*named, *_texts(deck)):
        # Escapes YAML accepts in quoted strings ("\\e", "\\x1b"): the screens drop
        # them (render.printable), the author should too.
        found = next((ord(c) for c in text if ord(c) in CONTROLS), None)
        if found is not None:
            yield _warn("lint.control_character", where, key, char=f"U+{found:04X}", text=text[:40])


def _texts(deck: Deck) -> Iterator[tuple[LocatedMap | None, str, str]]:
    for card in deck.cards:
        yield card.where, "title", card.title
        yield card.where, "text", card.text
        for point in card.expected:
            yield card.where, "expected", point
        for option in card.options:
            yield option.where, "title", option.title
            yield option.where, "text", option.text
    for ending in deck.endings:
        yield ending.where, "title", ending.title
        yield ending.where, "text", ending.text
    for rule in deck.recommendations:
        for key in ("title", "text", "actor", "deadline", "lead", "indicator"):
            yield rule.where, key, getattr(rule, key)
    for handout in deck.handouts:
        yield handout.where, "title", handout.title
        yield handout.where, "text", handout.text
    for item in deck.questionnaire:
        yield item.where, "text", item.text


# Silencing ------------------------------------------------------------------------

_IGNORE = re.compile(r"#\s*lint:\s*ignore(-file)?\s+([\w.,\s-]+?)\s+(?:—|--|–|-)\s+\S")


def silences(deck: Deck) -> tuple[dict[tuple[str, int], set[str]], dict[str, set[str]]]:
    """Codes silenced per (file, line) and per file, by `# lint: ignore` comments with a reason."""
    by_line: dict[tuple[str, int], set[str]] = {}
    by_file: dict[str, set[str]] = {}
    names = {f.name for f in deck.files}
    for file in deck.files:
        shown = _shown_name(deck, file.name, names)
        lines = file.text.splitlines()
        for number, line in enumerate(lines, start=1):
            match = _IGNORE.search(line)
            if not match:
                continue
            codes = {code.strip() for code in match.group(2).split(",") if code.strip()}
            if match.group(1):
                by_file.setdefault(shown, set()).update(codes)
                continue
            by_line.setdefault((shown, number), set()).update(codes)
            following = number + 1
            while following <= len(lines) and lines[following - 1].lstrip().startswith("#"):
                following += 1
            by_line.setdefault((shown, following), set()).update(codes)
    return by_line, by_file


def _shown_name(deck: Deck, name: str, names: set[str]) -> str:
    """The file name as diagnostics show it (the path given by the user)."""
    main = deck.where.file if deck.where is not None else name
    if name == deck.files[0].name:
        return main
    folder = main[: -len(deck.files[0].name)] if main.endswith(deck.files[0].name) else ""
    return folder + name


def unsilenced(deck: Deck, found: Iterable[Diagnostic]) -> list[Diagnostic]:
    by_line, by_file = silences(deck)

    def silenced(diagnostic: Diagnostic) -> bool:
        codes = by_line.get((diagnostic.position.file, diagnostic.position.line), set())
        codes = codes | by_file.get(diagnostic.position.file, set())
        return diagnostic.code in codes or "lint" in codes

    return [d for d in found if not silenced(d)]
