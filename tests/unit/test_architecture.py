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


def _python(code: str) -> str:
    """What `code` prints, run in a new interpreter (with nothing imported yet)."""
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout


def test_the_core_never_imports_textual() -> None:
    code = (
        "import sys\n"
        + "".join(f"import {module}\n" for module in CORE)
        + "from scenarios.deck import load_deck, resolve_deck\n"
        + "from scenarios.sim import simulate\n"
        + "simulate(load_deck(resolve_deck(None)), 3, 0, 'greedy')\n"
        + "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    assert _python(code).strip() == "[]"


def test_the_deck_package_imports_a_name_with_its_own_module_only() -> None:
    code = (
        "import sys\n"
        "from scenarios.deck import bundled_decks\n"
        "print(sorted(m for m in ('scenarios.deck.loader', 'scenarios.rules.compiler', 'yaml')"
        " if m in sys.modules))\n"
        "import scenarios.deck as deck\n"
        "print(all(getattr(deck, name) is not None for name in deck.__all__))\n"
    )
    assert _python(code).split() == ["[]", "True"]


def test_the_recent_decks_are_listed_without_the_journal_reader_nor_the_engine() -> None:
    """The home screen lists them before its first frame."""
    code = (
        "import sys\n"
        "from scenarios.journal.locations import recent\n"
        "recent('decks')\n"
        "print(sorted(m for m in ('scenarios.journal.reader', 'scenarios.journal.session',"
        " 'scenarios.engine') if m in sys.modules))\n"
        "import scenarios.journal as journal\n"
        "print(all(getattr(journal, name) is not None for name in journal.__all__))\n"
        "print(journal.Session is journal.session.Session)\n"
    )
    assert _python(code).split() == ["[]", "True", "True"]


def test_no_submodule_hides_a_name_its_package_exports() -> None:
    """Importing a submodule sets it on its package: one named like an exported name
    (`journal/replay.py` and `replay`) would hide that name once anything imports it."""
    code = (
        "import importlib, pkgutil, types\n"
        "for name in ('scenarios.deck', 'scenarios.journal'):\n"
        "    package = importlib.import_module(name)\n"
        "    for sub in pkgutil.iter_modules(package.__path__):\n"
        "        importlib.import_module(f'{name}.{sub.name}')\n"
        "    hidden = [n for n in package.__all__"
        " if isinstance(getattr(package, n), types.ModuleType)]\n"
        "    print(name, hidden)\n"
    )
    assert _python(code).splitlines() == ["scenarios.deck []", "scenarios.journal []"]
