"""Screens and widgets never import the app: they post messages to it (tui/messages.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TUI = Path(__file__).parents[2] / "src" / "scenarios" / "tui"
APP = "scenarios.tui.app"


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, at the top, in a function or under TYPE_CHECKING."""
    package = ["scenarios", *path.parent.relative_to(TUI.parent).parts]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


@pytest.mark.parametrize(
    "path",
    sorted([*TUI.glob("screens/*.py"), *TUI.glob("widgets/*.py")]),
    ids=lambda path: f"{path.parent.name}/{path.name}",
)
def test_screens_and_widgets_do_not_import_the_app(path: Path) -> None:
    assert APP not in imported_modules(path)


def test_the_walk_finds_the_app_where_it_is_imported() -> None:
    assert APP in imported_modules(TUI.parent / "commands" / "play.py")
