"""The debrief never contradicts the game (issue 16's acceptance).

Simulated journals of every bundled game deck, under every built-in policy, are
debriefed through the public entry points (the JSON a tool reads, the Markdown a
trainer shares); each finding is then held against the facts of the game,
established again from the journal and the engine by `tests/debrief_facts.py`,
which shares no code with the debrief. A failure lists, by check, how many
findings the facts contradict, with examples naming the deck, the policy, the
game, the finding and the contradicting fact.
"""

from __future__ import annotations

import copy
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest

from scenarios.debrief import load_trace, session_markdown, session_report
from scenarios.debrief.json_report import session_data
from scenarios.deck import Deck, load_deck
from scenarios.engine import Choose, Draw, EndRound, Inject, Note, Pass, Play, Undo, legal_actions
from scenarios.journal import Session
from scenarios.sim import simulate
from tests.debrief_checks import Contradiction, contradictions
from tests.debrief_facts import RoleFact, facts

DECKS = Path(__file__).parents[2] / "decks"
GAME_DECKS = ("inondation", "incendie-industriel", "cyberattaque", "numerique-agi")
POLICIES = ("random", "greedy", "pass", "cautious")
GAMES = 500
RUN_SEED = 16
EXAMPLES = 3  # examples shown per check that fails


def test_the_game_decks_are_the_bundled_ones_that_are_games() -> None:
    games = {path.stem for path in DECKS.glob("*.yaml") if load_deck(path).style == "game"}
    assert games == set(GAME_DECKS)


def debrief(path: Path) -> tuple[dict[str, Any], str]:
    """The JSON debrief and the French Markdown one of the journal at `path`."""
    report = session_report(load_trace(path))
    return session_data(report, "fr"), session_markdown(report, "fr")


def contradictions_in(paths: Iterable[Path]) -> dict[str, list[tuple[str, Contradiction]]]:
    """By check, every contradiction found in the journals, with the journal's name."""
    found: dict[str, list[tuple[str, Contradiction]]] = defaultdict(list)
    for path in paths:
        data, markdown = debrief(path)
        for contradiction in contradictions(facts(path), data, markdown):
            found[contradiction.check].append((path.name, contradiction))
    return found


def summary(found: Mapping[str, Sequence[tuple[str, Contradiction]]], what: str) -> str:
    """Counts by check, and the first examples of each."""
    lines = [f"{sum(map(len, found.values()))} contradictions in {what}:"]
    for check, items in sorted(found.items(), key=lambda item: -len(item[1])):
        games = len({name for name, _ in items})
        lines.append(f"  {check}: {len(items)} in {games} games")
        for name, contradiction in items[:EXAMPLES]:
            lines.append(f"    {name} {contradiction}")
    return "\n".join(lines)


@pytest.mark.slow
@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("deck_id", GAME_DECKS)
def test_no_finding_contradicts_a_simulated_game(deck_id: str, policy: str, tmp_path: Path) -> None:
    deck = load_deck(DECKS / f"{deck_id}.yaml")
    simulate(deck, GAMES, RUN_SEED, policy, journals=tmp_path)
    paths = sorted(tmp_path.glob("*.jsonl"))
    assert len(paths) == GAMES
    found = contradictions_in(paths)
    assert not found, summary(found, f"{deck_id}, policy {policy}, {GAMES} games")


# Games with what a simulated table never does: undos, injects, notes ------------------


def facilitated_game(deck: Deck, seed: int, path: Path) -> Path:
    """A random table with a facilitator who now and then takes a move back, injects a
    card (an event, or a decision into a role's hand) or writes a note."""
    rng = random.Random(seed)
    events = [c.id for c in deck.cards if not c.kind.held]  # dilemmas too
    decisions = [(c.id, r.id) for c in deck.cards if c.kind.held for r in deck.roles
                 if not c.roles or r.id in c.roles]  # fmt: skip
    with Session.start(deck, seed, path, fsync=False) as session:
        for _ in range(2000):
            state = session.state
            if state.over:
                break
            roll = rng.random()
            if roll < 0.08 and state.undo is not None:
                session.apply(Undo())
            elif roll < 0.11:
                session.apply(Inject(rng.choice(events)))
            elif roll < 0.13:
                card, role = rng.choice(decisions)
                session.apply(Inject(card, role))
            elif roll < 0.15:
                session.apply(Note("Observation"))
            else:
                legal = legal_actions(state)
                session.apply(legal[rng.randrange(len(legal))])
    return path


@pytest.mark.parametrize("deck_id", GAME_DECKS)
def test_no_finding_contradicts_a_facilitated_game(deck_id: str, tmp_path: Path) -> None:
    deck = load_deck(DECKS / f"{deck_id}.yaml")
    paths = [facilitated_game(deck, seed, tmp_path / f"{seed}.jsonl") for seed in range(40)]
    found = contradictions_in(paths)
    assert not found, summary(found, f"{deck_id}, 40 facilitated games")


def test_a_discussion_exercise_has_no_finding(tmp_path: Path) -> None:
    deck = load_deck(DECKS / "panne-electrique.yaml")
    assert deck.style == "discussion"
    simulate(deck, 20, RUN_SEED, "random", journals=tmp_path)
    for path in sorted(tmp_path.glob("*.jsonl")):
        data, _ = debrief(path)
        assert data["gaps"] == [] and data["general"] == [], path.name
        for phase in data["phases"]:
            assert phase["strengths"] == phase["improvements"] == [], path.name
            assert all(f["kind"] == "keep_point" for f in phase.get("keep", ())), path.name


# The checker itself can fail -----------------------------------------------------------


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, dict[str, Any], str]]:
    """A few games of a deck with answers to give, debriefed."""
    folder = tmp_path_factory.mktemp("sample")
    simulate(load_deck(DECKS / "inondation.yaml"), 30, RUN_SEED, "random", journals=folder)
    return [(path, *debrief(path)) for path in sorted(folder.glob("*.jsonl"))]


def caught(
    sample: Sequence[tuple[Path, dict[str, Any], str]],
    pick: Any,
    spoil: Any,
    markdown: Any = None,
) -> set[str]:
    """The checks that fail more often once `spoil` changed the first item `pick` finds
    in a debrief (and `markdown`, if given, its Markdown)."""
    for path, data, text in sample:
        item = pick(data)
        if item is None:
            continue
        game = facts(path)
        before = Counter(c.check for c in contradictions(game, data, text))
        spoilt = copy.deepcopy(data)
        spoil(pick(spoilt))
        new_text = markdown(text, game) if markdown else text
        after = Counter(c.check for c in contradictions(game, spoilt, new_text))
        return set(after - before)
    pytest.fail("no game of the sample has what the test spoils")


def first(items: Iterable[Any], **wanted: Any) -> Any:
    return next((i for i in items if all(i.get(k) == v for k, v in wanted.items())), None)


def every_finding(data: Mapping[str, Any]) -> Iterable[dict[str, Any]]:
    for phase in data["phases"]:
        for key in ("strengths", "improvements", "keep", "improve"):
            yield from phase.get(key, ())
    yield from data["general"]


def test_the_checker_catches_a_late_answer_said_timely(sample: Any) -> None:
    def pick(data: Any) -> Any:
        return first(data["gaps"], status="late")

    def spoil(gap: Any) -> None:
        gap.update(status="timely", delay=0)

    assert "gap.status.timely" in caught(sample, pick, spoil)


def test_the_checker_catches_a_wrong_delay(sample: Any) -> None:
    def pick(data: Any) -> Any:
        return first(data["gaps"], status="late")

    def spoil(gap: Any) -> None:
        gap["delay"] += 1

    assert "gap.answer.late" in caught(sample, pick, spoil)


def test_the_checker_catches_a_move_credited_to_the_wrong_card(sample: Any) -> None:
    def pick(data: Any) -> Any:
        return next((f for f in every_finding(data) if "delta" in f["params"]), None)

    def spoil(finding: Any) -> None:
        finding["params"]["delta"] += 5

    assert "move.delta" in caught(sample, pick, spoil)


def test_the_checker_catches_a_strength_credited_to_an_event(sample: Any) -> None:
    def pick(data: Any) -> Any:
        return next((f for f in every_finding(data) if f["kind"] == "keep_decision"), None)

    def spoil(finding: Any) -> None:
        finding["params"]["card"] = "crue-nocturne"

    assert "strength.credited_to_event" in caught(sample, pick, spoil)


def test_the_checker_catches_an_idle_role_that_played(sample: Any) -> None:
    def pick(data: Any) -> Any:
        return data

    def spoil(data: Any) -> None:
        data["general"].append(
            {"kind": "role_idle", "polarity": "improvement", "phase": None,
             "params": {"role": "prefecture", "passes": 0, "constrained": 0}, "evidence": []}
        )  # fmt: skip

    assert "role_idle.claim" in caught(sample, pick, spoil)


def test_the_checker_catches_evidence_of_a_play_that_never_was(sample: Any) -> None:
    def pick(data: Any) -> Any:
        return next((f for f in every_finding(data) if any(
            e["what"] == "played" for e in f["evidence"])), None)  # fmt: skip

    def spoil(finding: Any) -> None:
        played = next(e for e in finding["evidence"] if e["what"] == "played")
        played["seq"] -= 1

    assert "evidence.played" in caught(sample, pick, spoil)


def test_the_checker_catches_a_missing_gap_and_a_chosen_option_left_unsaid(sample: Any) -> None:
    def pick(data: Any) -> Any:
        return data if data["gaps"] else None

    def spoil(data: Any) -> None:
        data["gaps"].pop()

    def unsay(text: str, game: Any) -> str:
        for choice in game.choices:
            title = game.deck.card(choice.card).option(choice.option).title
            text = text.replace(title, "…")
        return text

    checks = caught(sample, pick, spoil, unsay)
    assert "gap.absent" in checks
    assert "markdown.option" in checks


# The facts themselves, on a game whose facts are known in advance --------------------

FACTS_DECK = """\
format: 1
id: faits
title: Faits
phases:
  - {id: avant, title: Avant, rounds: 1, events_per_round: 0}
  - {id: pendant, title: Pendant, rounds: 2, events_per_round: 0}
roles:
  - {id: maire, title: Maire, hand_size: 3}
indicators:
  - {id: confiance, title: Confiance, start: 5}
  - {id: moyens, title: Moyens, start: 1}
cards:
  - {id: alerte, type: event, phases: [pendant], weight: 0, title: Alerte, effects: {confiance: -1}}
  - {id: crue, type: event, phases: [pendant], weight: 0, title: Crue, effects: {confiance: -2}}
  - {id: pluie, type: event, phases: [pendant], weight: 0, title: Pluie, effects: {confiance: -1}}
  - id: choix
    type: dilemma
    phases: [pendant]
    weight: 0
    title: Choix
    options:
      - {id: attendre, title: "Attendre *l'audit*", effects: {confiance: 1, trigger: [{card: crue, in: 1}]}}
      - {id: agir, title: Agir, effects: {moyens: -1}}
  - {id: prevenir, type: decision, phases: [avant], roles: [maire], title: Prévenir,
     cost: {moyens: 1}, counters: [alerte]}
  - {id: secourir, type: decision, phases: [pendant], roles: [maire], title: Secourir,
     cost: {moyens: 1}, counters: [crue]}
"""


@pytest.fixture
def known_game(tmp_path: Path) -> Path:
    """Avant: the mayor prepares (all the means spent), plays a card then takes it back.
    Pendant: the alert comes (prepared for), the table waits for an audit, which brings
    the flood a round later, and the rain comes, which nothing answers; with no means
    left the mayor can only pass."""
    (tmp_path / "faits.yaml").write_text(FACTS_DECK, encoding="utf-8")
    deck = load_deck(tmp_path / "faits.yaml")
    actions = [
        Draw(), Play("maire", "prevenir"), Undo(), Play("maire", "prevenir"), EndRound(),  # 1-5
        Inject("alerte"), Inject("choix"), Choose("choix", "attendre"), Note("Audit"),     # 6-9
        Draw(), Pass("maire"), EndRound(),                                                  # 10-12
        Draw(), Inject("pluie"), Pass("maire"), EndRound(),                                 # 13-16
    ]  # fmt: skip
    path = tmp_path / "faits.jsonl"
    with Session.start(deck, 1, path, fsync=False) as session:
        for action in actions:
            session.apply(action)
    assert session.state.over
    return path


def test_the_facts_of_a_known_game(known_game: Path) -> None:
    game = facts(known_game)
    assert [s.seq for s in game.game.steps if s.undone] == [2]
    assert [(p.seq, p.card) for p in game.plays] == [(4, "prevenir")]
    assert game.roles["maire"] == RoleFact(plays=1, free_passes=0, constrained=2)
    assert [(g.event, g.seq, sorted(g.statuses)) for g in game.gaps] == [
        ("alerte", 6, ["anticipated"]),
        ("crue", 13, ["unplayable"]),
    ]
    [choice] = game.choices
    assert (choice.card, choice.option, choice.turn, choice.round) == ("choix", "attendre", 2, 1)
    assert (dict(choice.changes), choice.triggered) == ({"confiance": 1}, ("crue",))
    [schedule] = game.schedules
    assert (schedule.card, schedule.source, schedule.option, schedule.by_table) == (
        "crue", "choix", "attendre", True,
    )  # fmt: skip
    assert [
        (c.seq, c.card, c.via, c.delta) for c in game.changes if c.indicator == "confiance"
    ] == [
        (6, "alerte", "inject", -1),
        (8, "choix", "choose", 1),
        (13, "crue", "trigger", -2),
        (14, "pluie", "inject", -1),
    ]
    assert game.ever_in_hand == {"prevenir", "secourir"}
    assert game.ever_playable == {"prevenir"}


def known_debrief() -> dict[str, Any]:
    """What a debrief following the contract says of the known game."""
    drawn = {"what": "drawn", "seq": 6, "card": "alerte"}
    played = {"what": "played", "seq": 4, "card": "prevenir", "role": "maire"}
    return {
        "gaps": [
            {"event": "alerte", "seq": 6, "turn": 2, "phase": "pendant", "expected": ["prevenir"],
             "answer": "prevenir", "answer_seq": 4, "delay": None, "status": "anticipated"},
            {"event": "crue", "seq": 13, "turn": 3, "phase": "pendant", "expected": ["secourir"],
             "answer": None, "answer_seq": None, "delay": None, "status": "unplayable"},
        ],
        "phases": [
            {"id": "avant", "strengths": [], "improvements": [], "improve": [], "choices": [],
             "keep": [{"kind": "keep_prepared", "polarity": "strength", "phase": "avant",
                       "params": {"event": "alerte", "answer": "prevenir"},
                       "evidence": [drawn, played]}]},
            {"id": "pendant", "strengths": [], "keep": [], "improve": [],
             "improvements": [
                 {"kind": "indicator_worse", "polarity": "improvement", "phase": "pendant",
                  "params": {"indicator": "confiance", "card": "crue", "option": None,
                             "delta": -2, "by": {"card": "choix", "option": "attendre"}},
                  "evidence": [{"what": "changed", "seq": 13, "card": "crue",
                                "indicator": "confiance"}]},
             ],
             "choices": [{"card": "choix", "option": "attendre", "seq": 8, "turn": 2,
                          "round": 1, "changes": [{"indicator": "confiance", "delta": 1}],
                          "triggered": ["crue"]}]},
        ],
        "general": [
            {"kind": "response_unplayable", "polarity": "info", "phase": "pendant",
             "params": {"event": "crue", "answer": None, "delay": None}, "evidence": []},
            {"kind": "indicator_imposed", "polarity": "info", "phase": "pendant",
             "params": {"indicator": "confiance", "card": "pluie", "option": None, "delta": -1},
             "evidence": [{"what": "drawn", "seq": 14, "card": "pluie"}]},
            {"kind": "cards_unused", "polarity": "info", "phase": None,
             "params": {"cards": []}, "evidence": [
                 {"what": "never_affordable", "seq": 0, "card": "secourir"}]},
        ],
    }  # fmt: skip


KNOWN_MARKDOWN = "- La table a choisi « Attendre \\*l'audit\\* » (Choix).\n"


def test_a_debrief_that_says_what_happened_has_no_contradiction(known_game: Path) -> None:
    assert contradictions(facts(known_game), known_debrief(), KNOWN_MARKDOWN) == []


@pytest.mark.parametrize(
    ("spoil", "check"),
    [
        (lambda d: d["gaps"][1].update(status="missing"), "gap.status.missing"),
        (lambda d: d["gaps"][0].update(status="late", answer_seq=None, delay=1),
         "gap.status.late"),
        (lambda d: d["phases"][1]["improvements"][0]["params"].update(by=None, option="x"),
         "move.delta"),
        (lambda d: d["general"][1].update(kind="indicator_worse", polarity="improvement"),
         "move.imposed_as_improvement"),
        (lambda d: d["phases"][1]["improvements"][0].update(kind="indicator_imposed"),
         "imposed.claim"),
        (lambda d: d["phases"][1]["improvements"][0]["params"].update(by={"card": "alerte"}),
         "move.by"),
        (lambda d: d["phases"][1]["choices"][0].update(triggered=[]), "choices.triggered"),
        (lambda d: d["phases"][1]["choices"].clear(), "choices.absent"),
        (lambda d: d["general"].append(
            {"kind": "role_idle", "polarity": "improvement", "phase": None,
             "params": {"role": "maire", "passes": 2, "constrained": 0, "plays": 0}}),
         "role_idle.claim"),
        (lambda d: d["general"][2]["evidence"].append(
            {"what": "never_in_hand", "seq": 0, "card": "secourir"}), "evidence.never_in_hand"),
        (lambda d: d["general"][2]["params"]["cards"].append("secourir"),
         "cards_unused.never_playable"),
        (lambda d: d["phases"][0]["keep"][0]["evidence"][1].update(seq=2),
         "evidence.played"),
    ],
)  # fmt: skip
def test_each_check_catches_what_it_is_for(known_game: Path, spoil: Any, check: str) -> None:
    data = known_debrief()
    spoil(data)
    found = {c.check for c in contradictions(facts(known_game), data, KNOWN_MARKDOWN)}
    assert check in found


def test_an_unnamed_choice_is_caught_in_the_markdown(known_game: Path) -> None:
    found = contradictions(facts(known_game), known_debrief(), "- La table a choisi.\n")
    assert [c.check for c in found] == ["markdown.option"]
