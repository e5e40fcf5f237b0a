"""Every finding of a JSON debrief held against the facts of the replayed game.

The debrief is only read here, as the JSON `session_data` gives it and the Markdown
a trainer shares; the facts come from `tests/debrief_facts.py` (the journal and the
engine, none of the debrief's code). Each contradiction names the check it fails,
the finding (its kind, phase and parameters) and the fact that contradicts it.

The contract checked (issue 16):

1. `gaps`: one per revealed event that some decision card answers (`counters`),
   none for the others; `status` anticipated (an answer played before, in any
   phase, wins over a later one), timely (first answer after, same turn), late
   (first answer after, `delay` = its turn - the event's, in whole-game rounds),
   missing (never answered, an answer was playable after), unplayable (never
   answered, no answer ever playable after).
2. Findings: an indicator's move credited to (card, option) is the sum of that
   card's (and option's) moves in the phase, a trigger's cause (`by`) scheduled
   it; an imposed event (no answer in the deck, not brought on by the table) is
   no axe d'amélioration; a strength is credited to a decision or a chosen
   option, never a plain event, never an option whose trigger later cost the
   table; response findings agree with their gap; a role is idle or passive on
   its free passes only; unused cards were playable and never played; evidence
   points to steps that show what it says (a card said never playable, or never
   affordable, is contradicted only by a role that could play it on its own turn).
3. `phases[].choices`: one per choice kept, with its `choose` moves and the cards
   it scheduled; and each chosen option's title is in the Markdown.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs

from tests.debrief_facts import Facts, GapFact, good_sign

GAP_KINDS = {
    "response_timely": "timely",
    "response_late": "late",
    "response_missing": "missing",
    "response_anticipated": "anticipated",
    "response_unplayable": "unplayable",
    "keep_response": "timely",
    "keep_prepared": "anticipated",
    "improve_late": "late",
    "improve_missing": "missing",
}
STRENGTH_MOVES = ("indicator_better", "keep_decision")


@attrs.frozen
class Contradiction:
    """A finding (or an entry of the debrief) the facts contradict."""

    check: str
    finding: str
    fact: str

    def __str__(self) -> str:
        return f"[{self.check}] {self.finding}\n      fact: {self.fact}"


def show(item: Mapping[str, Any]) -> str:
    """A finding or an entry, short: its kind, phase and parameters (no message)."""
    shown = {k: v for k, v in item.items() if k not in ("message", "evidence")}
    return json.dumps(shown, ensure_ascii=False, sort_keys=True)


def findings(data: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every finding of the debrief, with where it is listed."""
    for phase in data["phases"]:
        for key in ("strengths", "improvements", "keep", "improve"):
            for finding in phase.get(key, ()):
                yield f"phases[{phase['id']}].{key}", finding
    for finding in data["general"]:
        yield "general", finding


def contradictions(facts: Facts, data: Mapping[str, Any], markdown: str) -> list[Contradiction]:
    """What the debrief (`data`, `markdown`) says that the facts contradict."""
    found: list[Contradiction] = []
    found += check_gaps(facts, data)
    for where, finding in findings(data):
        params = finding.get("params", {})
        if {"indicator", "card", "delta"} <= params.keys():
            found += check_move(facts, finding)
        kind = finding["kind"]
        if kind in GAP_KINDS:
            found += check_response(facts, finding)
        elif kind in ("role_idle", "role_passive"):
            found += check_role(facts, finding)
        elif kind == "cards_unused":
            found += check_unused(facts, finding)
        found += check_evidence(facts, finding, finding.get("evidence", ()), where)
    for phase in data["phases"]:
        for hit in phase.get("recommendations", ()):
            found += check_evidence(facts, hit, hit.get("evidence", ()), "recommendation")
    found += check_choices(facts, data)
    found += check_markdown(facts, markdown)
    return found


# 1. Gaps ---------------------------------------------------------------------------


def _answer_agrees(gap: GapFact, status: str, answer: Any, answer_seq: Any, delay: Any) -> str:
    """Why a gap's (or a response finding's) answer and delay disagree with the fact, or ''."""
    if status in ("timely", "late"):
        first = gap.first
        assert first is not None
        if answer != first.card or (answer_seq is not None and answer_seq != first.seq):
            return f"the first answer after the event is {first.card} at seq {first.seq}"
        if delay != gap.delay:
            return f"delay is {gap.delay} (answer in turn {first.turn}, event in turn {gap.turn})"
    elif status == "anticipated":
        earlier = {(p.card, p.seq) for p in gap.earlier}
        cards = {p.card for p in gap.earlier}
        if answer not in cards or (answer_seq is not None and (answer, answer_seq) not in earlier):
            return f"the answers played before the event are {sorted(earlier)}"
    elif answer is not None or answer_seq is not None:
        return f"no answer in {sorted(gap.expected)} was played (and kept)"
    return ""


def _status_fact(gap: GapFact) -> str:
    if gap.earlier:
        return f"answered before the event by {[(p.card, p.seq) for p in gap.earlier]}"
    if gap.first is not None:
        return (
            f"first answered by {gap.first.card} at seq {gap.first.seq}, turn {gap.first.turn} "
            f"(event in turn {gap.turn})"
        )
    if "missing" in gap.statuses and "unplayable" not in gap.statuses:
        return f"never answered, and some card of {sorted(gap.expected)} was playable after it"
    if "unplayable" in gap.statuses and "missing" not in gap.statuses:
        return f"never answered, and no card of {sorted(gap.expected)} was ever playable after it"
    return "never answered"


def check_gaps(facts: Facts, data: Mapping[str, Any]) -> list[Contradiction]:
    found = []
    mine = {(g.event, g.seq): g for g in facts.gaps}
    listed: Counter[tuple[str, int]] = Counter()
    for item in data["gaps"]:
        key = (item["event"], item["seq"])
        listed[key] += 1
        gap = mine.get(key)
        if gap is None:
            if item["event"] not in facts.counters:
                fact = f"no decision card of the deck counters {item['event']}"
            else:
                fact = f"{item['event']} was not revealed (and kept) at seq {item['seq']}"
            found.append(Contradiction("gap.no_such_event", show(item), fact))
            continue
        if set(item["expected"]) != gap.expected:
            fact = f"the decision cards that counter it are {sorted(gap.expected)}"
            found.append(Contradiction("gap.expected", show(item), fact))
        if item["turn"] != gap.turn or item["phase"] != gap.phase:
            fact = f"revealed in turn {gap.turn}, phase {gap.phase}"
            found.append(Contradiction("gap.when", show(item), fact))
        status = item["status"]
        if status not in gap.statuses:
            found.append(Contradiction(f"gap.status.{status}", show(item), _status_fact(gap)))
            continue
        why = _answer_agrees(gap, status, item["answer"], item["answer_seq"], item["delay"])
        if why:
            found.append(Contradiction(f"gap.answer.{status}", show(item), why))
    # An event may come up twice at one step (two triggers due the same round).
    revealed = Counter((g.event, g.seq) for g in facts.gaps)
    for key, gap in mine.items():
        if listed[key] == 0 and "settled" in gap.statuses:
            continue
        if listed[key] != revealed[key]:
            fact = (
                f"{gap.event} revealed {revealed[key]} time(s) at seq {gap.seq}, countered by "
                f"{sorted(gap.expected)}"
            )
            check = "gap.absent" if listed[key] < revealed[key] else "gap.repeated"
            found.append(Contradiction(check, f"gaps listing {listed[key]} entries", fact))
    return found


def check_response(facts: Facts, finding: Mapping[str, Any]) -> list[Contradiction]:
    """A response finding (or a practice to keep / improve) agrees with its event's gap."""
    kind = finding["kind"]
    status = GAP_KINDS[kind]
    params = finding["params"]
    event = params.get("event")
    drawn = {e["seq"] for e in finding.get("evidence", ()) if e.get("what") == "drawn"}
    candidates = [g for g in facts.gaps if g.event == event and (not drawn or g.seq in drawn)]
    if not candidates:
        fact = f"{event} was never revealed (and kept), or no decision card counters it"
        return [Contradiction(f"{kind}.no_gap", show(finding), fact)]
    if status == "unplayable" and finding.get("polarity") == "improvement":
        fact = "an event nobody could answer is not the team's fault"
        return [Contradiction(f"{kind}.polarity", show(finding), fact)]
    agreeing = [g for g in candidates if status in g.statuses]
    if not agreeing:
        fact = "; ".join(f"seq {g.seq}: {_status_fact(g)}" for g in candidates)
        return [Contradiction(f"{kind}.status", show(finding), fact)]
    reasons = []
    for gap in agreeing:
        why = _answer_agrees(
            gap, status, params.get("answer"), None, params.get("delay", gap.delay)
        )
        if not why:
            return []
        reasons.append(f"seq {gap.seq}: {why}")
    return [Contradiction(f"{kind}.answer", show(finding), "; ".join(reasons))]


# 2. Findings ------------------------------------------------------------------------


def _card_kind(facts: Facts, card: str) -> str:
    deck_card = facts.deck.card_index.get(card)
    if deck_card is None:
        return "unknown"
    if deck_card.kind.held:
        return "decision"
    if deck_card.options:
        return "dilemma"
    return "event"


def _sums(deltas: list[int]) -> set[int]:
    """Every sum of a subset of `deltas` (few: a card's triggered moves in one phase)."""
    sums = {0}
    for delta in deltas[:16]:
        sums |= {s + delta for s in sums}
    return sums


def check_move(facts: Facts, finding: Mapping[str, Any]) -> list[Contradiction]:
    """An indicator's move credited to (card, option): that cause produced it."""
    found = []
    params = finding["params"]
    kind, phase, polarity = finding["kind"], finding.get("phase"), finding.get("polarity")
    indicator, card, delta = params["indicator"], params["card"], params["delta"]
    if "option" not in params:
        fact = "a move is credited to a card and an option (null for none)"
        found.append(Contradiction("move.option_missing", show(finding), fact))
    option = params.get("option")
    changes = [
        c
        for c in facts.changes
        if c.indicator == indicator
        and c.card == card
        and ("option" not in params or c.option == option)
        and (phase is None or c.phase == phase)
    ]
    total = sum(c.delta for c in changes)
    # A card that came up both by itself and triggered by something is two causes: the
    # debrief may credit the triggered part (`by`) and the rest apart. Either way the
    # delta is what some of the card's moves in the phase add up to.
    triggered = [c for c in changes if c.via in ("trigger", "lasting")]
    parts = _sums([c.delta for c in triggered]) if triggered else {0}
    plain = total - sum(c.delta for c in triggered)
    possible = {total} | {plain + part for part in parts} | parts
    if delta not in possible:
        by_option: Counter[str | None] = Counter()
        for c in facts.changes:
            if c.indicator == indicator and c.card == card and (phase is None or c.phase == phase):
                by_option[c.option] += c.delta
        fact = f"{card}'s moves of {indicator} in {phase}: {total} (by option: {dict(by_option)})"
        found.append(Contradiction("move.delta", show(finding), fact))
    if delta and kind in ("indicator_worse", "indicator_better", "keep_decision"):
        better = delta * good_sign(facts.deck, indicator) > 0
        if better != (kind != "indicator_worse"):
            fact = f"{indicator} moved by {delta}, {'better' if better else 'worse'} for the table"
            found.append(Contradiction("move.direction", show(finding), fact))
    by = params.get("by")
    if by is not None:
        last = max((c.index for c in changes), default=None)
        scheduled = [
            s
            for s in facts.schedules
            if s.card == card
            and s.source == by.get("card")
            and (by.get("option") is None or s.option == by.get("option"))
            and (last is None or s.index < last)
        ]
        if not scheduled:
            fact = f"no step before the move scheduled {card} from {by}"
            found.append(Contradiction("move.by", show(finding), fact))
    # Without an `option` (reported above), the move may be a chosen option's: the
    # checks below that need it hold only when the card moved nothing through an option.
    through_option = "option" not in params and any(c.option is not None for c in changes)
    if (
        polarity == "improvement"
        and option is None
        and not through_option
        and _card_kind(facts, card) != "decision"
    ):
        countered = card in facts.counters
        brought = [s for s in facts.schedules if s.card == card and s.by_table]
        if not countered and not brought:
            fact = (
                f"{card} is an event no card of the deck answers, and no decision or "
                "choice of the table brought it on: imposed by the scenario"
            )
            found.append(Contradiction("move.imposed_as_improvement", show(finding), fact))
    if kind == "indicator_imposed":
        if option is not None or _card_kind(facts, card) == "decision":
            fact = f"{card}/{option} is a decision or an option the table chose"
            found.append(Contradiction("imposed.claim", show(finding), fact))
        elif card in facts.counters:
            fact = f"{card} has answers in the deck: {sorted(facts.counters[card])}"
            found.append(Contradiction("imposed.claim", show(finding), fact))
        elif any(s.card == card and s.by_table for s in facts.schedules):
            fact = f"{card} was scheduled by a decision or choice of the table"
            found.append(Contradiction("imposed.claim", show(finding), fact))
    if kind in STRENGTH_MOVES and not through_option:
        found += _check_credit(facts, finding)
    return found


def _check_credit(facts: Facts, finding: Mapping[str, Any]) -> list[Contradiction]:
    """A strength is a decision's or a chosen option's, and not one that backfired."""
    params = finding["params"]
    by = params.get("by")
    card = by.get("card") if by else params["card"]
    option = by.get("option") if by else params.get("option")
    kind = _card_kind(facts, card)
    if kind != "decision" and option is None:
        fact = f"{card} is a {kind} card, not a decision of the table nor a chosen option"
        return [Contradiction("strength.credited_to_event", show(finding), fact)]
    found = []
    for schedule in facts.schedules:
        if schedule.source != card or (option is not None and schedule.option != option):
            continue
        if option is None and schedule.option is not None:
            continue
        fired = [
            r
            for r in facts.reveals
            if r.card == schedule.card and r.via == "trigger" and r.index > schedule.index
        ]
        if not fired:
            continue
        since = fired[0].index
        for change in facts.changes:
            if change.card != schedule.card or change.option is not None:
                continue
            if change.index < since or change.via not in ("trigger", "lasting"):
                continue
            if change.delta * good_sign(facts.deck, change.indicator) < 0:
                fact = (
                    f"{card}/{option} scheduled {schedule.card} at seq {schedule.seq}, which "
                    f"moved {change.indicator} by {change.delta} at seq {change.seq}"
                )
                found.append(Contradiction("strength.backfired", show(finding), fact))
                return found
    return found


def check_role(facts: Facts, finding: Mapping[str, Any]) -> list[Contradiction]:
    params = finding["params"]
    role = params.get("role")
    fact_of = facts.roles.get(role)
    if fact_of is None:
        return [Contradiction("role.unknown", show(finding), f"no role {role}")]
    found = []
    fact = (
        f"{role}: {fact_of.plays} plays, {fact_of.free_passes} passes with a playable card, "
        f"{fact_of.constrained} with nothing playable"
    )
    if params.get("passes") != fact_of.free_passes:
        found.append(Contradiction("role.passes", show(finding), fact))
    if params.get("constrained") != fact_of.constrained:
        found.append(Contradiction("role.constrained", show(finding), fact))
    if params.get("plays", 0) != fact_of.plays:
        found.append(Contradiction("role.plays", show(finding), fact))
    kind = finding["kind"]
    if kind == "role_idle" and not (fact_of.plays == 0 and fact_of.free_passes > 0):
        found.append(Contradiction("role_idle.claim", show(finding), fact))
    if kind == "role_passive" and not fact_of.free_passes > fact_of.plays:
        found.append(Contradiction("role_passive.claim", show(finding), fact))
    return found


def check_unused(facts: Facts, finding: Mapping[str, Any]) -> list[Contradiction]:
    found = []
    played = {p.card for p in facts.plays}
    for card in finding["params"].get("cards", ()):
        if card in played:
            fact = f"{card} was played (and kept)"
            found.append(Contradiction("cards_unused.played", show(finding), fact))
        elif card not in facts.ever_playable:
            fact = f"{card} was never playable at a decision moment"
            found.append(Contradiction("cards_unused.never_playable", show(finding), fact))
    return found


def _action_is(action: Any, kind: str, card: Any, field: str, wanted: Any) -> bool:
    """Whether `action` is a `kind` action on `card` whose `field` is `wanted` (None: any)."""
    return (
        action.type == kind
        and action.card == card
        and (wanted is None or getattr(action, field) == wanted)
    )


def check_evidence(
    facts: Facts, finding: Mapping[str, Any], evidence: Sequence[Mapping[str, Any]], where: str
) -> list[Contradiction]:
    """Each piece of evidence points to a step that shows what it says."""
    found = []
    steps = facts.game.by_seq
    moments = facts.moment_at
    for item in evidence:
        what, card, seq = item.get("what"), item.get("card"), item.get("seq")
        step = steps.get(seq) if isinstance(seq, int) else None
        why = ""
        if what in ("played", "drawn", "playable", "chosen", "changed"):
            if step is None or not step.counts:
                why = f"seq {seq} is no step of the game as played (undone, an undo, or absent)"
            elif what == "played":
                if not _action_is(step.action, "play", card, "role", item.get("role")):
                    why = f"seq {seq} is {step.action!r}"
            elif what == "drawn":
                if not any(r.seq == seq and r.card == card for r in facts.reveals):
                    why = f"seq {seq} revealed {[r.card for r in facts.reveals if r.seq == seq]}"
            elif what == "playable":
                moment = moments.get(seq)
                if moment is None or card not in moment.any:
                    playable = dict(moment.playable) if moment else "no decision moment"
                    why = f"at seq {seq} the playable cards were {playable}"
            elif what == "chosen":
                if not _action_is(step.action, "choose", card, "option", item.get("option")):
                    why = f"seq {seq} is {step.action!r}"
            elif what == "changed":
                indicator, option = item.get("indicator"), item.get("option")
                if not any(
                    c.seq == seq
                    and c.card == card
                    and (indicator is None or c.indicator == indicator)
                    and (option is None or c.option == option)
                    for c in facts.changes
                ):
                    moved = [(c.indicator, c.card, c.option) for c in facts.changes if c.seq == seq]
                    why = f"the moves at seq {seq} were {moved}"
        elif what == "never_in_hand":
            if card in facts.ever_in_hand:
                why = f"{card} was in a hand during the game"
        elif what == "never_playable":
            role, phase = item.get("role"), item.get("phase")
            if any(
                card in m.own
                and (role is None or m.role == role)
                and (not phase or m.phase == phase)
                for m in facts.moments
            ):
                why = f"{card} was playable by the role whose turn it was"
        elif what == "never_affordable":
            if card not in facts.ever_in_hand:
                why = f"{card} was never in a hand at all"
            elif card in facts.ever_own_playable:
                why = f"{card} was playable by the role whose turn it was"
        if why:
            shown = f"{where}: {show(finding)} evidence {show(item)}"
            found.append(Contradiction(f"evidence.{what}", shown, why))
    return found


# 3. Choices ---------------------------------------------------------------------------


def check_choices(facts: Facts, data: Mapping[str, Any]) -> list[Contradiction]:
    found = []
    listed: dict[tuple[str, int], list[Mapping[str, Any]]] = {}
    for phase in data["phases"]:
        for item in phase.get("choices", ()):
            listed.setdefault((phase["id"], item.get("seq")), []).append(item)
    for choice in facts.choices:
        items = listed.pop((choice.phase, choice.seq), [])
        fact = (
            f"seq {choice.seq}: {choice.card} -> {choice.option} (phase {choice.phase}, "
            f"turn {choice.turn}, round {choice.round}), moves {dict(choice.changes)}, "
            f"scheduled {list(choice.triggered)}"
        )
        if len(items) != 1:
            check = "choices.absent" if not items else "choices.repeated"
            found.append(Contradiction(check, f"phases[{choice.phase}].choices", fact))
            continue
        [item] = items
        if (item.get("card"), item.get("option")) != (choice.card, choice.option):
            found.append(Contradiction("choices.option", show(item), fact))
        if (item.get("turn"), item.get("round")) != (choice.turn, choice.round):
            found.append(Contradiction("choices.when", show(item), fact))
        changes = {c["indicator"]: c["delta"] for c in item.get("changes", ())}
        if {k: v for k, v in changes.items() if v} != {
            k: v for k, v in choice.changes.items() if v
        }:
            found.append(Contradiction("choices.changes", show(item), fact))
        if sorted(item.get("triggered", ())) != sorted(choice.triggered):
            found.append(Contradiction("choices.triggered", show(item), fact))
    for (phase, seq), items in listed.items():
        for item in items:
            fact = f"no choice was made (and kept) at seq {seq} in phase {phase}"
            found.append(Contradiction("choices.no_such_choice", show(item), fact))
    return found


# The Markdown renderer's escapes (a backslash before a character Markdown would read).
_ESCAPED = re.compile(r"\\(.)")
_SPACES = re.compile(r"\s+")


# Quotes inside a quoted title are said with the other kind (« … “…” … », no spaces
# inside “ ”): either reads.
_QUOTES = str.maketrans({"“": "«", "”": "»"})
_QUOTE_SPACES = re.compile(r"(?<=«) | (?=»)")


def plain(text: str) -> str:
    """Markdown text as words: escapes undone, any run of spaces (no-break ones too) one,
    inner quotes as outer ones, without their spaces."""
    words = _SPACES.sub(" ", _ESCAPED.sub(r"\1", text)).strip().translate(_QUOTES)
    return _QUOTE_SPACES.sub("", words)


def check_markdown(facts: Facts, markdown: str) -> list[Contradiction]:
    """The title of every option the table chose (and kept) is in the Markdown debrief."""
    found = []
    words = plain(markdown)
    for choice in facts.choices:
        option = facts.deck.card(choice.card).option(choice.option)
        assert option is not None
        if plain(option.title) not in words:
            dilemma = facts.deck.card(choice.card).title
            fact = f"seq {choice.seq}: the table chose « {option.title} » in « {dilemma} »"
            found.append(Contradiction("markdown.option", "the Markdown debrief", fact))
    return found
