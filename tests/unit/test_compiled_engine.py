"""The engine's hot path is compiled with mypyc where the package is built (setup.py).

A build that cannot compile it installs it as Python, which plays the same
games: nothing else in the suite depends on which. CI builds on a machine
with a C compiler and sets `SCENARIOS_REQUIRE_COMPILED`, so that a change
mypyc can no longer compile shows here instead of quietly slowing every game.
"""

from __future__ import annotations

import ast
import importlib
import os
from pathlib import Path

import pytest

from scenarios.engine import compiled

SETUP = Path(__file__).resolve().parents[2] / "setup.py"


def compiled_paths() -> list[str]:
    """The source paths setup.py's `COMPILED` lists."""
    for node in ast.parse(SETUP.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "COMPILED":
            return [str(item.value) for item in node.value.elts]  # type: ignore[attr-defined]
    raise AssertionError("setup.py lists no COMPILED modules")


def module_name(path: str) -> str:
    return path.removeprefix("src/").removesuffix(".py").replace("/", ".")


def test_setup_compiles_modules_that_exist() -> None:
    paths = compiled_paths()
    assert "src/scenarios/engine/reducer.py" in paths
    for path in paths:
        assert (SETUP.parent / path).is_file(), path


@pytest.mark.skipif(
    not os.environ.get("SCENARIOS_REQUIRE_COMPILED"), reason="set by .ci/run, which builds with gcc"
)
def test_the_installed_engine_is_compiled() -> None:
    assert compiled()
    for path in compiled_paths():
        module = importlib.import_module(module_name(path))
        assert module.__file__ is not None
        assert not module.__file__.endswith(".py"), f"{module.__name__} runs as Python"
