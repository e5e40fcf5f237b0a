"""Apps for the TUI benchmark: a minimal Textual app and ours.

    python benchmarks/tui_apps.py minimal|scenarios

Run this way, each prints the wall-clock time of its first frame, then quits.
"""

from __future__ import annotations

import sys
import time

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static


class MinimalApp(App[None]):
    """The baseline: one label, one key binding that changes it."""

    BINDINGS = [("d", "bump", "Bump")]

    def __init__(self, exit_after_first_frame: bool = False) -> None:
        super().__init__()
        self.count = 0
        self.exit_after_first_frame = exit_after_first_frame

    def compose(self) -> ComposeResult:
        yield Static("0", id="count")
        yield Footer()

    def on_mount(self) -> None:
        if self.exit_after_first_frame:
            self.call_after_refresh(first_frame, self)

    def action_bump(self) -> None:
        self.count += 1
        self.query_one("#count", Static).update(str(self.count))


def scenarios_app(exit_after_first_frame: bool = False) -> App[None]:
    from scenarios.tui.app import ScenariosApp
    from scenarios.tui.bindings import localised

    class FirstFrame(localised(ScenariosApp, "fr")):  # type: ignore[misc]
        def on_mount(self) -> None:
            # Textual runs the base class's on_mount too: only add the exit here.
            if exit_after_first_frame:
                self.call_after_refresh(first_frame, self)

    app: App[None] = FirstFrame(lang="fr")
    return app


def first_frame(app: App[None]) -> None:
    print(time.time(), flush=True)
    app.exit()


if __name__ == "__main__":
    which = sys.argv[1]
    app = MinimalApp(True) if which == "minimal" else scenarios_app(True)
    app.run(headless=True)
