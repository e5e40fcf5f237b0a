"""Headless games: a policy plays a deck, many times, on one or several processes.

Game `i` of a run with seed `S` always uses the same game seed and policy
seed, so results do not depend on how games are spread over processes: they
are collected in game order and summarised the same way for any `--jobs`.
"""

from __future__ import annotations

import multiprocessing
import random
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from scenarios.deck import Deck, DeckFile, load_deck_files
from scenarios.engine import Action, Play, State, apply, legal_actions, new_game, state_env
from scenarios.engine.rng import next_u64, seed_state
from scenarios.i18n import Lang
from scenarios.journal import JournalError, Session
from scenarios.journal.collect import fewer_collections
from scenarios.sim.policies import Policy, answers_due, load_policy, replies_due

MAX_STEPS = 100_000


@attrs.frozen
class GameResult:
    """What one headless game came to, with what the balance report needs."""

    index: int
    seed: int
    outcome: str
    ending: str | None
    turns: int
    last_phase: str
    indicators: tuple[int, ...]
    score: int
    actions: int
    played: tuple[str, ...]
    fired: tuple[str, ...]
    playable: tuple[str, ...]
    choices: tuple[tuple[str, str], ...]
    recommendations: tuple[str, ...]
    # For each role (the deck's order), its longest run of rounds in a row with no card
    # it could play whenever its turn came: what a `role_idle` lesson measures.
    idle: tuple[int, ...] = ()


def game_seed(run_seed: int, index: int) -> int:
    """The seed of game `index` in a run: well spread, readable (below 10^9)."""
    _, value = next_u64(seed_state(run_seed * 1_000_003 + index))
    return value % 1_000_000_000


def fired_recommendations(state: State) -> tuple[str, ...]:
    """Ids of the deck's recommendations whose rule holds on a finished game."""
    values, functions = state_env(state)
    return tuple(r.id for r in state.deck.recommendations if r.when(values, functions))


def play_game(
    deck: Deck,
    index: int,
    run_seed: int,
    policy: Policy,
    journal: Path | None = None,
    lang: Lang = "fr",
) -> GameResult:
    """Play game `index` of a run to its end with `policy`; journal it if asked. The
    table answers questions and the questionnaire with placeholders in `lang`."""
    seed = game_seed(run_seed, index)
    rng = random.Random(seed)
    session = Session.start(deck, seed, journal, fsync=False) if journal else None
    state = session.state if session else new_game(deck, seed)
    playable: set[str] = set()
    turns: list[set[int]] = [set() for _ in deck.roles]  # rounds each role had a turn in
    could: list[set[int]] = [set() for _ in deck.roles]  # ... and something it could play
    actions = 0
    # A discussion exercise: its questions are answered as they come up.
    asks = any(card.kind.asks for card in deck.cards)
    try:
        while not state.over and actions < MAX_STEPS:
            words: list[Action] = [*answers_due(state, lang)] if asks else []
            legal = legal_actions(state)
            plays = [a.card for a in legal if isinstance(a, Play)]
            if state.stage == "decisions" and not state.pending:
                turns[state.role_index].add(state.turn)
                if plays:
                    playable.update(plays)
                    could[state.role_index].add(state.turn)
            for action in (*words, policy.choose(state, legal, rng)):
                state = session.apply(action) if session else apply(state, action)
                actions += 1
        for reply in replies_due(state, rng, lang):
            state = session.apply(reply) if session else apply(state, reply)
            actions += 1
    except JournalError:
        if session and journal:  # half a game, replayable from its seed, is no game's journal
            session.close()
            journal.unlink(missing_ok=True)
        raise
    finally:
        if session:
            session.close()
    history = state.history
    return GameResult(
        index=index,
        seed=seed,
        outcome=state.outcome or "unfinished",
        ending=state.ending,
        turns=state.turn,
        last_phase=state.phase,
        indicators=state.indicators,
        score=state.final_score if state.final_score is not None else 0,
        actions=actions,
        played=tuple(sorted({key[0] for key in history.plays})),
        fired=tuple(sorted({key[0] for key in history.fired})),
        playable=tuple(sorted(playable)),
        choices=tuple(sorted(history.choices)),
        recommendations=fired_recommendations(state),
        idle=tuple(longest_run(t - c) for t, c in zip(turns, could, strict=True)),
    )


def longest_run(rounds: set[int]) -> int:
    """The most rounds in a row (consecutive numbers) in `rounds`."""
    longest = 0
    for start in rounds:
        if start - 1 in rounds:
            continue
        end = start
        while end + 1 in rounds:
            end += 1
        longest = max(longest, end - start + 1)
    return longest


# Several processes ---------------------------------------------------------

_worker: dict[str, object] = {}


def _init_worker(
    files: Sequence[DeckFile] | None, policy_name: str, failed: Any = None, lang: Lang = "fr"
) -> None:
    """Set up a worker process: a spawned one loads the deck from its files (`files`); a
    forked one (None) has the parent's, already loaded and compiled (see `_batches`)."""
    if files is not None:
        _worker["deck"] = load_deck_files(files)
    _worker["policy"] = load_policy(policy_name)
    _worker["failed"] = failed
    _worker["lang"] = lang


def _run_chunk(job: tuple[int, int, int, str | None]) -> list[GameResult]:
    start, stop, run_seed, journals = job
    deck = _worker["deck"]
    policy = _worker["policy"]
    failed: Any = _worker.get("failed")
    assert isinstance(deck, Deck)
    results = []
    with fewer_collections():
        for i in range(start, stop):
            if failed is not None and failed.is_set():  # another game failed: the run is over
                break
            path = _journal_path(journals, deck, i)
            lang: Any = _worker.get("lang", "fr")
            results.append(play_game(deck, i, run_seed, policy, path, lang))  # type: ignore[arg-type]
    return results


def _journal_path(folder: str | None, deck: Deck, index: int) -> Path | None:
    if folder is None:
        return None
    return Path(folder) / f"{deck.id}-{index + 1:06d}.jsonl"


def simulate(
    deck: Deck,
    games: int,
    run_seed: int,
    policy_name: str,
    jobs: int = 1,
    journals: Path | None = None,
    progress: Callable[[int], None] | None = None,
    lang: Lang = "fr",
) -> list[GameResult]:
    """Play `games` games; results in game order, identical for any number of `jobs`
    (placeholder answers of a discussion exercise in `lang`)."""
    if journals is not None:
        journals.mkdir(parents=True, exist_ok=True)
    folder = str(journals) if journals is not None else None
    chunk = max(1, min(200, games // (jobs * 8) or 1))
    jobs_list = [
        (start, min(games, start + chunk), run_seed, folder) for start in range(0, games, chunk)
    ]
    results: list[GameResult] = []
    for batch in _batches(deck, policy_name, jobs, jobs_list, lang):
        results.extend(batch)
        if progress is not None:
            progress(len(batch))
    results.sort(key=lambda result: result.index)
    return results


def _batches(
    deck: Deck,
    policy_name: str,
    jobs: int,
    jobs_list: list[tuple[int, int, int, str | None]],
    lang: Lang,
) -> Iterator[list[GameResult]]:
    if jobs <= 1:
        # In this process the deck is the one given, its tables already made: no
        # second load from its files (a worker process has to).
        _worker.update(deck=deck, policy=load_policy(policy_name), failed=None, lang=lang)
        for job in jobs_list:
            yield _run_chunk(job)
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    failed = context.Event()
    files: Sequence[DeckFile] | None = deck.files
    if method == "fork":
        # Forked workers find the deck here, as this process has it: loading it again from
        # its files in each one cost a tenth of a 2,000-game run on two processes.
        _worker["deck"] = deck
        files = None
    initargs = (files, policy_name, failed, lang)
    with context.Pool(jobs, initializer=_init_worker, initargs=initargs) as pool:
        try:
            yield from pool.imap_unordered(_run_chunk, jobs_list)
        except BaseException:
            # Let the games in progress end (each removes its journal if it fails) rather
            # than kill them half-written; the chunks not started yet do nothing.
            failed.set()
            pool.close()
            pool.join()
            raise
