"""Benchmarks, each reported as a ratio to a baseline measured in the same run.

    python benchmarks/run.py            # all
    python benchmarks/run.py expressions loading simulate balance replay flat tui report browse scale
    python benchmarks/run.py workshop   # needs PostgreSQL (see benchmarks/workshops.py)
    python benchmarks/run.py dashboard  # the room view of 6, 50, 200 live tables

Times are the best of several repeats (the least disturbed by other work on
the machine); ratios, not seconds, are what to compare across machines.
"""

from __future__ import annotations

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from decks import large_deck, long_deck, write
from scenarios.deck import Deck, load_deck, resolve_deck
from scenarios.rules import Symbols, Type, compile_expression


def best(function: Callable[[], object], repeat: int = 5, number: int = 1) -> float:
    """Best time of `repeat` runs of `number` calls, per call, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            function()
        times.append((time.perf_counter() - start) / number)
    return min(times)


def row(name: str, value: str, target: str = "") -> None:
    print(f"  {name:<58} {value:>14}  {target}")


def expressions() -> None:
    print("Expressions: one condition, evaluated")
    text = "confiance < 3 and turn >= 2 and not inondation and (budget > 10 or victimes >= 5)"
    symbols = Symbols.build(indicators=("confiance", "budget", "victimes"), flags=("inondation",))
    compiled = compile_expression(text, symbols, Type.BOOL)
    values = {
        "confiance": 2,
        "turn": 4,
        "round": 1,
        "phase": "pendant",
        "inondation": False,
        "budget": 3,
        "victimes": 6,
    }

    def native(v: dict[str, object], f: object) -> bool:
        return (
            v["confiance"] < 3
            and v["turn"] >= 2
            and not v["inondation"]
            and (  # type: ignore[operator]
                v["budget"] > 10 or v["victimes"] >= 5
            )
        )  # type: ignore[operator]

    assert compiled(values, None) is native(values, None) is True  # type: ignore[arg-type]
    n = 200_000
    t_compiled = best(lambda: [compiled.fn(values, None) for _ in range(n)]) / n  # type: ignore[arg-type]
    t_native = best(lambda: [native(values, None) for _ in range(n)]) / n
    row("compiled condition", f"{t_compiled * 1e9:.0f} ns")
    row("native Python function", f"{t_native * 1e9:.0f} ns")
    row("ratio compiled / native", f"{t_compiled / t_native:.2f}x", "(target <= 1.5x)")
    try:
        import simpleeval
    except ImportError:
        row("simpleeval", "not installed")
        return
    evaluator = simpleeval.SimpleEval(names=values)
    parsed = evaluator.parse(text)
    m = 5_000
    t_simple_text = best(lambda: [evaluator.eval(text) for _ in range(m)]) / m
    t_simple_parsed = (
        best(lambda: [evaluator.eval(text, previously_parsed=parsed) for _ in range(m)]) / m
    )
    row("simpleeval on the text", f"{t_simple_text * 1e9:.0f} ns")
    row("simpleeval, parsed once", f"{t_simple_parsed * 1e9:.0f} ns")
    row(
        "speed-up vs simpleeval on the text",
        f"{t_simple_text / t_compiled:.0f}x",
        "(target >= 50x)",
    )
    row("speed-up vs simpleeval parsed once", f"{t_simple_parsed / t_compiled:.0f}x")


def loading() -> None:
    print("Loading a generated 1,000-card deck")
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / "grand.yaml", large_deck(1000))
        data = path.read_bytes()
        t_yaml = best(lambda: yaml.load(data, Loader=yaml.CSafeLoader), repeat=7)
        t_deck = best(lambda: load_deck(path), repeat=7)
    row("bare yaml.load(CSafeLoader)", f"{t_yaml * 1e3:.1f} ms")
    row("load, validate and compile (scenarios)", f"{t_deck * 1e3:.1f} ms")
    row("ratio scenarios / bare YAML", f"{t_deck / t_yaml:.2f}x", "(target <= 2x)")


# The engine as it was before issue 18 (constant cost per action), kept as the baseline
# of the simulation benchmark: its sources are taken from git into a temporary folder.
BASELINE_COMMIT = "90da43a"

# Plays `games` games of the deck at the path given with --jobs 1 in this process and prints
# the games per second of the best of `repeat` runs, in processor time.
_SIMULATE = """
import sys, time
from scenarios.deck import load_deck
from scenarios.sim import simulate
games, repeat = int(sys.argv[1]), int(sys.argv[2])
deck = load_deck(sys.argv[3])
simulate(deck, 20, 0, "random", jobs=1)
times = []
for _ in range(repeat):
    start = time.process_time()
    simulate(deck, games, 0, "random", jobs=1)
    times.append(time.process_time() - start)
print(games / min(times))
"""


def _games_per_second(source: Path | None, deck: Path, games: int, repeat: int) -> float:
    """Games per second of the engine in `source` (None: the one installed, compiled or not)."""
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if source is not None:
        env["PYTHONPATH"] = str(source)
    out = subprocess.run(
        [sys.executable, "-c", _SIMULATE, str(games), str(repeat), str(deck)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout)


def simulate(games: int = 2000) -> None:
    from scenarios.engine import compiled
    from scenarios.sim import simulate as run

    print(f"Simulating {games} games of the default deck (policy random)")
    print(f"  the engine installed runs {'compiled (mypyc)' if compiled() else 'as Python'}")
    deck = load_deck(resolve_deck(None))
    t_one = best(lambda: run(deck, games, 0, "random", jobs=1), repeat=3)
    t_two = best(lambda: run(deck, games, 0, "random", jobs=2), repeat=3)
    row("--jobs 1", f"{games / t_one:.0f} games/s")
    row("--jobs 2", f"{games / t_two:.0f} games/s")
    row("ratio jobs 2 / jobs 1", f"{t_one / t_two:.2f}x", "(target >= 1.8x)")
    here = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as folder:
        try:
            archive = subprocess.run(
                ["git", "-C", str(here), "archive", BASELINE_COMMIT, "src", "decks"],
                capture_output=True,
                check=True,
            ).stdout
        except (OSError, subprocess.CalledProcessError):
            row(f"engine of {BASELINE_COMMIT}", "not in this checkout's git history")
            return
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        # Both engines play the default deck as it was then: the baseline refuses
        # what decks gained since (observation tags), which changes no rule.
        deck_then = Path(folder) / "decks" / resolve_deck(None).name
        baseline, python, installed = [], [], []
        for _ in range(3):  # alternated, so that all see the same load
            baseline.append(_games_per_second(Path(folder) / "src", deck_then, 400, 3))
            python.append(_games_per_second(here / "src", deck_then, 400, 3))
            installed.append(_games_per_second(None, deck_then, 400, 3))
    row(f"--jobs 1, engine of {BASELINE_COMMIT} (processor time)", f"{max(baseline):.0f} games/s")
    row("--jobs 1, this engine as Python (src/)", f"{max(python):.0f} games/s")
    row("--jobs 1, this engine as installed", f"{max(installed):.0f} games/s")
    row("ratio this engine as Python / baseline", f"{max(python) / max(baseline):.2f}x")
    row(
        "ratio this engine as installed / baseline",
        f"{max(installed) / max(baseline):.2f}x",
        "(target >= 3x)",
    )


def balance(games: int = 10_000) -> None:
    """`simulate --games 10000 --report` of the default deck: processes, then the analysis."""
    from scenarios.sim import simulate as run
    from scenarios.sim.balance import balance_report
    from scenarios.sim.balance_output import balance_html, balance_json, balance_markdown

    print(f"Balance: {games} games of the default deck (policy random), then the report")
    deck = load_deck(resolve_deck(None))
    results: list[object] = []

    def two() -> None:
        results[:] = run(deck, games, 0, "random", jobs=2)

    t_one = best(lambda: run(deck, games, 0, "random", jobs=1), repeat=2)
    t_two = best(two, repeat=2)

    def analyse() -> None:
        report = balance_report(deck, {"random": results}, 0)  # type: ignore[dict-item]
        balance_markdown(report, deck), balance_html(report, deck), balance_json(report)

    t_analysis = best(analyse, repeat=3)
    row("--jobs 1", f"{games / t_one:.0f} games/s")
    row("--jobs 2", f"{games / t_two:.0f} games/s")
    row("ratio jobs 2 / jobs 1", f"{t_one / t_two:.2f}x", "(target >= 1.8x)")
    row("balance analysis and its md, html, json", f"{t_analysis * 1e3:.0f} ms")
    row("ratio analysis / simulation (--jobs 2)", f"{t_analysis / t_two:.3f}x", "(target <= 0.30x)")


def replay() -> None:
    from reference import reference_loop

    from scenarios.engine import compiled, new_game
    from scenarios.journal import read_journal, stream_journal
    from scenarios.journal import replay as replay_journal
    from scenarios.sim import load_policy, play_game

    print("Replaying a 10,000-action journal")
    print(f"  the engine installed runs {'compiled (mypyc)' if compiled() else 'as Python'}")
    with tempfile.TemporaryDirectory() as folder:
        deck = load_deck(write(Path(folder) / "long.yaml", long_deck()))
        path = Path(folder) / "long.jsonl"
        result = play_game(deck, 0, 0, load_policy("random"), journal=path)
        lines = path.read_bytes().splitlines()
        header = read_journal(path).header
        initial = new_game(deck, header.seed)
        entries = [json.loads(line) for line in lines[1:]]

        def parse_only() -> None:
            for line in lines:
                json.loads(line)

        def streamed() -> None:
            with stream_journal(path) as stream:
                replay_journal(stream)

        t_parse = best(parse_only, repeat=5)
        t_reference = best(lambda: reference_loop(deck, initial, entries), repeat=5)
        t_read = best(lambda: read_journal(path), repeat=3)
        t_replay = best(streamed, repeat=3)
    row("actions in the journal", f"{result.actions}")
    row("parse its JSON lines only", f"{t_parse * 1e3:.0f} ms")
    row("reference loop: the same actions on dicts, no checks", f"{t_reference * 1e3:.0f} ms")
    row("read it (lines and checks)", f"{t_read * 1e3:.0f} ms")
    row("full replay, streamed, every hash checked", f"{t_replay * 1e3:.0f} ms")
    row("ratio full replay / JSON parsing", f"{t_replay / t_parse:.1f}x", "(target <= 10x)")
    row("ratio full replay / reference loop", f"{t_replay / t_reference:.1f}x", "(target <= 20x)")


def flat() -> None:
    """Replaying costs the same per action at action 1,000 and at action 100,000."""
    from scenarios.journal import replay as replay_journal
    from scenarios.journal import stream_journal

    print("Replay per action: journals of 1k, 10k, 100k actions (half notes)")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        deck = load_deck(write(folder / "long.yaml", long_deck(actions=10)))
        per_action: dict[int, float] = {}
        for size in SIZES:
            path = noted_journal(deck, size, folder / f"{size}.jsonl")

            def streamed(path: Path = path) -> None:
                with stream_journal(path) as stream:
                    replay_journal(stream, deck=deck)

            per_action[size] = best(streamed, repeat=5 if size < 100_000 else 2) / size
            row(f"replay of {size:,} actions, per action", f"{per_action[size] * 1e6:.1f} us")
        peak = command("replay", "--verify", str(path)).peak
    ratio = per_action[100_000] / per_action[1_000]
    row("ratio per action, 100,000 / 1,000", f"{ratio:.2f}x", "(target <= 1.3x)")
    row("replay --verify of 100,000 actions: peak memory", f"{peak:.0f} MB", "(target <= 100 MB)")


def tui() -> None:
    import asyncio
    import statistics
    import subprocess

    print("The Textual app against a minimal Textual app")
    here = Path(__file__).resolve().parent

    def start(which: str) -> float:
        """From launching the process to its first frame, in seconds."""
        launched = time.time()
        result = subprocess.run(
            [sys.executable, str(here / "tui_apps.py"), which],
            check=True,
            capture_output=True,
            text=True,
        )
        return float(result.stdout.strip().splitlines()[-1]) - launched

    t_minimal = min(start("minimal") for _ in range(7))
    t_ours = min(start("scenarios") for _ in range(7))
    row("start to first frame, minimal app (whole process)", f"{t_minimal * 1e3:.0f} ms")
    row("start to first frame, scenarios (home screen)", f"{t_ours * 1e3:.0f} ms")
    row("ratio scenarios / minimal", f"{t_ours / t_minimal:.2f}x", "(target <= 1.5x)")

    minimal_keys, our_keys = asyncio.run(_key_round_trips())
    for what, unit, target in (
        ("idle", "key until idle (20 ms steps)", "(target <= 1.2x)"),
        ("frame", "key to its last frame", "(target <= 1.2x)"),
        ("cpu", "processor time per key", ""),
        ("drawing", "Textual's layout and drawing in a key", ""),
    ):
        m = statistics.median(getattr(key, what) for key in minimal_keys)
        o = statistics.median(getattr(key, what) for key in our_keys)
        row(f"{unit}, minimal app (median)", f"{m * 1e3:.1f} ms")
        row(f"{unit}, a game of {len(our_keys)} keys", f"{o * 1e3:.1f} ms")
        row("ratio scenarios / minimal", f"{o / m:.2f}x", target)
    # The floor under the key-to-frame ratio: what Textual alone spends laying out and
    # drawing our screen's changes, against the minimal app's whole key.
    drawing = statistics.median(key.drawing for key in our_keys)
    whole = statistics.median(key.frame for key in minimal_keys)
    row("Textual's drawing of our keys / minimal's key to frame", f"{drawing / whole:.2f}x")


@attrs.frozen
class KeyPress:
    """What one key press cost an app: until it was idle again, as Textual's tests wait
    for it (`wait_for_idle`, in 20 ms steps: whether the press took more than 1 ms of
    processor time decides between 20 and 40 ms), until the last frame it drew, in
    processor time, and the part of it Textual spent laying out and drawing frames
    (`Screen._on_timer_update`: the layout, the compositor, the widgets' render methods)."""

    idle: float
    frame: float
    cpu: float
    drawing: float


async def _key_round_trips() -> tuple[list[KeyPress], list[KeyPress]]:
    from textual import events
    from textual._wait import wait_for_idle
    from textual.screen import Screen
    from tui_apps import MinimalApp

    from scenarios.tui.screens.end import EndScreen
    from scenarios.tui.screens.phase_end import PhaseEndScreen
    from scenarios.tui.screens.play import PlayScreen

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the checkout's tests
    from tests.tui.tui_driver import make_app, passing_key

    drawing = [0.0]  # seconds spent in Textual's frame making since the key was sent
    make_frames = Screen._on_timer_update

    def timed_frames(screen: Screen[Any]) -> None:
        started = time.perf_counter()
        try:
            make_frames(screen)
        finally:
            drawing[0] += time.perf_counter() - started

    Screen._on_timer_update = timed_frames  # type: ignore[method-assign]

    async def press(app: Any, key: str) -> KeyPress:
        frames: list[float] = []
        drawing[0] = 0.0
        display = app._display

        def drawn(screen: object, renderable: object) -> None:  # each frame the app draws
            if renderable is not None:
                frames.append(time.perf_counter())
            display(screen, renderable)

        app._display = drawn
        start, cpu = time.perf_counter(), time.process_time()
        app._driver.send_message(events.Key(key, key if len(key) == 1 else None))
        await wait_for_idle(0)
        await app.screen.wait_for_refresh()
        idle = time.perf_counter() - start
        await wait_for_idle(0)  # a frame left for later is drawn by now
        del app._display
        cpu = time.process_time() - cpu
        return KeyPress(idle, (frames[-1] if frames else start) - start, cpu, drawing[0])

    minimal = MinimalApp()
    async with minimal.run_test(size=(80, 24)):
        minimal_times = [await press(minimal, "d") for _ in range(200)]

    with tempfile.TemporaryDirectory() as folder:
        # The game the TUI tests play (`tests/tui/test_tui_frames.py`), with their driver.
        app = make_app(Path(folder) / "j.jsonl", with_deck=True, seed=1)
        our_times: list[KeyPress] = []
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("ctrl+s")
            await pilot.pause()
            # The whole game: each phase's summary is closed with Enter, as a table does.
            while isinstance(app.screen, PlayScreen | PhaseEndScreen):
                if isinstance(app.screen, PhaseEndScreen):
                    our_times.append(await press(app, "enter"))
                    continue
                our_times.append(await press(app, passing_key(app.screen.state)))
            assert isinstance(app.screen, EndScreen), app.screen
    Screen._on_timer_update = make_frames  # type: ignore[method-assign]
    return minimal_times, our_times


def report() -> None:
    from scenarios.debrief import comparison_report, load_trace, session_markdown, session_report
    from scenarios.debrief.json_report import comparison_data, to_json
    from scenarios.journal import read_journal
    from scenarios.journal import replay as replay_journal
    from scenarios.sim import simulate as run

    print("Debrief reports against replaying the same journals")
    deck = load_deck(resolve_deck(None))
    with tempfile.TemporaryDirectory() as folder:
        run(deck, 200, 7, "random", journals=Path(folder))
        journals = sorted(Path(folder).glob("*.jsonl"))
        for count in (1, 200):
            chosen = journals[:count]
            t_replay = best(
                lambda chosen=chosen: [replay_journal(read_journal(p)) for p in chosen], repeat=3
            )

            def reports(chosen: list[Path] = chosen) -> None:
                sessions = [session_report(load_trace(p)) for p in chosen]
                if len(sessions) == 1:
                    session_markdown(sessions[0])
                else:
                    to_json(comparison_data(comparison_report(sessions)))

            t_report = best(reports, repeat=3)
            row(f"{count} journal(s): replay only", f"{t_replay * 1e3:.0f} ms")
            row(f"{count} journal(s): full report", f"{t_report * 1e3:.0f} ms")
            row("ratio report / replay", f"{t_report / t_replay:.2f}x", "(target <= 1.5x)")


def browse() -> None:
    from scenarios.journal import JournalBrowser, read_journal
    from scenarios.journal import replay as replay_journal
    from scenarios.sim import load_policy, play_game

    print("Trainer replay of a 10,000-action journal")
    with tempfile.TemporaryDirectory() as folder:
        deck = load_deck(write(Path(folder) / "long.yaml", long_deck()))
        path = Path(folder) / "long.jsonl"
        result = play_game(deck, 0, 0, load_policy("random"), journal=path)
        t_replay = best(lambda: replay_journal(read_journal(path)), repeat=3)
        t_load = best(lambda: JournalBrowser(path), repeat=3)
        browser = JournalBrowser(path)
        last = len(browser)
        t_jump = best(lambda: browser.state(last - 1), repeat=5, number=5)
        t_anywhere = (
            best(lambda: [browser.state(i) for i in range(0, last, last // 50)], repeat=3) / 50
        )
    row("actions in the journal", f"{result.actions}")
    row("plain replay (read, replay, check every hash)", f"{t_replay * 1e3:.0f} ms")
    row("load for the replay screen (with checkpoints)", f"{t_load * 1e3:.0f} ms")
    row("ratio load / plain replay", f"{t_load / t_replay:.2f}x", "(target <= 1.5x)")
    row("jump to the last action after load", f"{t_jump * 1e3:.2f} ms")
    row("ratio jump / full replay", f"{t_jump / t_replay:.4f}x", "(target <= 0.2x)")
    row("jump anywhere (mean of 50 positions)", f"{t_anywhere * 1e3:.2f} ms")


SIZES = (1_000, 10_000, 100_000)  # actions in a journal, cards in a deck


def noted_journal(deck: Deck, actions: int, path: Path) -> Path:
    """A journal of `actions` actions, every other one a note (all notes once the game is over).

    The other actions are drawn at random, plays preferred to passes to make the game last.
    """
    from scenarios.engine import Note, Pass, legal_actions
    from scenarios.journal import Session

    rng = random.Random(0)
    session = Session.start(deck, 3, path, fsync=False)
    try:
        for index in range(actions):
            if index % 2 or session.state.over:
                session.apply(Note(f"Note {index} : la table hésite."))
            else:
                legal = legal_actions(session.state)
                session.apply(rng.choice([a for a in legal if not isinstance(a, Pass)] or legal))
    finally:
        session.close()
    return path


# Runs `scenarios` and writes its peak resident memory (kB) to the file named first. Read
# from /proc: a child's getrusage peak would include its parent's at the fork.
_MEASURED = """
import atexit, runpy, sys
def peak(path=sys.argv[1]):
    with open("/proc/self/status") as status, open(path, "w") as out:
        out.write(next(line for line in status if line.startswith("VmHWM")).split()[1])
atexit.register(peak)
sys.argv = ["scenarios", *sys.argv[2:]]
runpy.run_module("scenarios", run_name="__main__")
"""


@attrs.frozen
class Measure:
    """One command's best wall time and processor time (s) over some runs, and its peak memory (MB)."""

    wall: float
    cpu: float
    peak: float


def command(*args: str, repeat: int = 1) -> Measure:
    """`scenarios *args` in its own process, `repeat` times: the best times, the largest peak.

    Processor time (user and system, from the child's resource usage) moves
    less than wall time when other work shares the machine.
    """
    walls, cpus, peaks = [], [], []
    for _ in range(repeat):
        with tempfile.NamedTemporaryFile("r") as peak:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-c", _MEASURED, peak.name, *args],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                check=True,
            )
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            peaks.append(int(peak.read()) / 1024)
    return Measure(min(walls), min(cpus), max(peaks))


def scale() -> None:
    """Tenfold more actions or cards should cost about tenfold, not a hundredfold."""
    from decks import split_deck

    print("Scale: journals of 1k, 10k, 100k actions (half notes), decks of 1k, 10k, 100k cards")
    measures: dict[str, dict[int, Measure]] = {}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        deck = load_deck(write(folder / "long.yaml", long_deck(actions=10)))
        for size in SIZES:
            repeat = 3 if size < 100_000 else 1
            journal = str(noted_journal(deck, size, folder / f"{size}.jsonl"))
            measures.setdefault("report", {})[size] = command("report", journal, repeat=repeat)
            measures.setdefault("replay --verify", {})[size] = command(
                "replay", "--verify", journal, repeat=repeat
            )
        for size in SIZES:
            repeat = 3 if size < 100_000 else 1
            one = write(folder / f"cards-{size}.yaml", large_deck(size))
            measures.setdefault("validate, one file", {})[size] = command(
                "validate", str(one), repeat=repeat
            )
            one.unlink()
            split = split_deck(folder / f"split-{size}", size, files=20)
            measures.setdefault("validate, 20 included files", {})[size] = command(
                "validate", str(split), repeat=repeat
            )
    for what, by_size in measures.items():
        for size, measure in by_size.items():
            row(
                f"{what}, {size:,}",
                f"{measure.wall:.2f} s ({measure.cpu:.2f} s cpu) {measure.peak:.0f} MB",
            )
        small, large = by_size[10_000], by_size[100_000]
        row(
            f"{what}: ratio 100,000 / 10,000, time",
            f"{large.wall / small.wall:.1f}x",
            "(target <= 12x)",
        )
        row(
            f"{what}: ratio 100,000 / 10,000, processor time",
            f"{large.cpu / small.cpu:.1f}x",
            "(target <= 12x)",
        )
        row(
            f"{what}: ratio 100,000 / 10,000, peak memory",
            f"{large.peak / small.peak:.1f}x",
            "(target <= 12x)",
        )
    report, replay = measures["report"][100_000], measures["replay --verify"][100_000]
    row("report of 100,000 actions: peak memory", f"{report.peak:.0f} MB", "(target < 1 GB)")
    row(
        "report / replay --verify, 100,000 actions",
        f"{report.wall / replay.wall:.2f}x",
        "(target <= 3x)",
    )


def workshop() -> None:
    """Tables played by bots against each store, with a live reader (benchmarks/workshops.py)."""
    from workshops import workshop_benchmark

    workshop_benchmark(row)


def dashboard() -> None:
    """The room view of 6, 50 and 200 live tables, each size in its own process
    (benchmarks/dashboard.py)."""
    from dashboard import dashboard_benchmark

    dashboard_benchmark(row)


BENCHMARKS: dict[str, Callable[[], None]] = {
    "expressions": expressions,
    "loading": loading,
    "simulate": simulate,
    "balance": balance,
    "replay": replay,
    "flat": flat,
    "tui": tui,
    "report": report,
    "browse": browse,
    "scale": scale,
    "workshop": workshop,
    "dashboard": dashboard,
}

if __name__ == "__main__":
    for name in sys.argv[1:] or list(BENCHMARKS):
        BENCHMARKS[name]()
        print()
