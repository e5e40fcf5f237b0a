"""Opening a local deck: a path to type, or a file picked in the folders below.

Only in a terminal: the served app opens no path on the server, so it has no
`o` and never shows this dialog.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DirectoryTree, Input, Static

from scenarios.i18n import Lang
from scenarios.tui.texts import plain, text

DECK_SUFFIXES = (".yaml", ".yml")


class DeckTree(DirectoryTree):
    """Folders and YAML files only; hidden ones left out."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [
            path
            for path in paths
            if not path.name.startswith(".")
            and (path.suffix.lower() in DECK_SUFFIXES or _is_dir(path))
        ]


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


class OpenDeckDialog(ModalScreen[str | None]):
    """A deck's path: typed (Enter), or chosen in the tree (Tab, ↑↓, Enter); Escape gives up."""

    BINDINGS = [("escape", "cancel", "")]

    def __init__(self, lang: Lang, folder: Path) -> None:
        super().__init__()
        self.lang = lang
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="open-deck"):
            yield Static(plain(text(self.lang, "home.open_title")), classes="dialog-title")
            yield Input(placeholder=text(self.lang, "home.open_prompt"), id="answer")
            yield DeckTree(self.folder, id="open-tree")
            yield Static(plain(text(self.lang, "home.open_hint")), classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        self.dismiss(str(event.path))

    def on_tree_node_highlighted(self, event: DirectoryTree.NodeHighlighted[object]) -> None:
        """The highlighted file's path goes into the field, to open or to correct."""
        path = getattr(event.node.data, "path", None)
        if isinstance(path, Path) and path.suffix.lower() in DECK_SUFFIXES:
            self.query_one(Input).value = str(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
