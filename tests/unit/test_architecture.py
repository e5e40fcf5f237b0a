"""The layering of docs/architecture.md holds: the core runs without the TUI."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "scenarios.rules",
    "scenarios.deck",
    "scenarios.engine",
    "scenarios.journal",
    "scenarios.store",
    "scenarios.sim",
    "scenarios.cli",
]


def test_the_core_never_imports_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {module}\n" for module in CORE)
        + "from scenarios.deck import load_deck, resolve_deck\n"
        + "from scenarios.sim import simulate\n"
        + "simulate(load_deck(resolve_deck(None)), 3, 0, 'greedy')\n"
        + "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_deck_package_imports_a_name_with_its_own_module_only() -> None:
    code = (
        "import sys\n"
        "from scenarios.deck import bundled_decks\n"
        "print(sorted(m for m in ('scenarios.deck.loader', 'scenarios.rules.compiler', 'yaml')"
        " if m in sys.modules))\n"
        "import scenarios.deck as deck\n"
        "print(all(getattr(deck, name) is not None for name in deck.__all__))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["[]", "True"]
