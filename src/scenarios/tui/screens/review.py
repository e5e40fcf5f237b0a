"""The trainer's review: the play screen, read-only, at any action of a journal.

It is the trainer's view: the deck's notes for the facilitator (the deck's, the
phase's, each card's), a question's answers and expected points with the ticks
given so far, and the questionnaire's replies once the game is over.

Step one action, one round, one phase, to the next decision or note, to the
start or the end; let it play at a chosen pace; annotate any moment (saved in
a sidecar file, never in the journal). A damaged journal shows its valid part
under a banner; the journal of a game still being played is followed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.timer import Timer
from textual.widgets import Static

from scenarios.deck import Deck
from scenarios.i18n import Lang, decimal, local_time
from scenarios.i18n.system import SystemReason
from scenarios.journal import Annotation, JournalBrowser, add_annotation, read_annotations
from scenarios.render.printable import printable
from scenarios.tui.bindings import BindingSpec
from scenarios.tui.log_lines import log_lines, reply_value
from scenarios.tui.screens.base import AppScreen
from scenarios.tui.texts import plain
from scenarios.tui.widgets.cards import NOTE_STYLE, CardsArea, CardView
from scenarios.tui.widgets.key_bar import KeyBar
from scenarios.tui.widgets.phase_bar import PhaseBar
from scenarios.tui.widgets.question import answerer, card_extra
from scenarios.tui.widgets.side_panel import GameLog, body_with_side_panel, show_gauges
from scenarios.tui.widgets.text_panel import TextPanel
from scenarios.tui.widgets.timeline import Moment, Timeline

if TYPE_CHECKING:
    from collections.abc import Callable

    from scenarios.engine import State

PACES = (4.0, 2.0, 1.0, 0.5, 0.25)
LOG_WINDOW = 12


class ReviewScreen(AppScreen):
    """A past session, at the action the trainer chooses."""

    BINDING_SPECS: list[BindingSpec] = [
        ("left", "step(-1)", "key.action", True, "←→", True),
        ("right", "step(1)", "key.action", False, "→", True),
        ("up", "round(-1)", "key.round", True, "↑↓", True),
        ("down", "round(1)", "key.round", False, "↓", True),
        ("pageup", "phase(-1)", "key.phase", True, "PgUp/PgDn", True),
        ("pagedown", "phase(1)", "key.phase", False, "PgDn", True),
        ("d", "decision(1)", "key.decision", True, "d/D", False),
        ("D", "decision(-1)", "key.decision", False, "D", False),
        ("m", "mark(1)", "key.mark", True, "m/M", False),
        ("M", "mark(-1)", "key.mark", False, "M", False),
        ("home", "jump(0)", "key.ends", True, "keyname.ends", True),
        ("end", "jump(-1)", "key.ends", False, "keyname.end", True),
        ("space", "autoplay", "key.autoplay", True, "keyname.space", False),
        ("plus", "pace(1)", "key.pace", True, "+/-", False),
        ("minus", "pace(-1)", "key.pace", False, "-", False),
        ("a", "annotate", "key.annotate", True, None, False),
        ("q", "app.quit", "key.quit", True, None, False),
    ]

    def __init__(self, journal: Path, lang: Lang) -> None:
        super().__init__(lang)
        self.journal = journal
        self.browser = JournalBrowser(journal)
        self.annotations: list[Annotation] = read_annotations(journal)
        self.index = 0
        self.pace = 2
        self.playing: Timer | None = None
        self._moments: list[Moment] | None = None

    @property
    def deck(self) -> Deck:
        return self.browser.deck

    def compose(self) -> ComposeResult:
        yield Static(self._session_line(), id="review-session")
        yield PhaseBar(id="phase-bar")
        yield Static(id="review-banner", markup=False)
        yield from body_with_side_panel(
            self.deck,
            self.lang,
            TextPanel(id="review-action"),
            CardsArea(id="events"),
            TextPanel(id="review-notes"),
        )
        yield Timeline([printable(p.title) for p in self.deck.phases], id="timeline")
        yield KeyBar()

    def _session_line(self) -> Text:
        """Which game this is: the deck's title (its variables filled in, as the journal's
        header gives them), when it was played, by which teams."""
        header = self.browser.header
        teams = ", ".join(team.name for team in header.teams)
        said = self.t(
            "review.session", deck=self.deck.title, date=local_time(header.started), teams=teams
        )
        return Text(said, no_wrap=True, overflow="ellipsis")

    def on_mount(self) -> None:
        banner = self.query_one("#review-banner", Static)
        damage = self.browser.damage
        if damage is not None:
            key = "review.truncated" if damage.code == "truncated" else "review.damaged"
            banner.update(self.t(key, problem=damage.message(self.lang), count=len(self.browser)))
        else:
            banner.display = False
        if not self.browser.last.over and self.browser.complete:
            self.set_interval(1.0, self.follow)
        self.call_after_refresh(self.show, 0)

    # What is shown

    def moments(self) -> list[Moment]:
        """What the timeline shows of each state (recomputed when actions or notes are added)."""
        if self._moments is not None:
            return self._moments
        marked = {a.seq for a in self.annotations}
        found = []
        for index, (turn, phase_index, _) in enumerate(self.browser.positions):
            action = self.browser.entries[index - 1].action if index else {}
            found.append(
                Moment(
                    phase_index,
                    turn,
                    decision=action.get("type") == "play",
                    marked=index in marked or action.get("type") == "note",
                )
            )
        self._moments = found
        return found

    def show(self, index: int) -> None:
        browser = self.browser
        self.index = max(0, min(index, len(browser)))
        window = list(browser.states(self.index - LOG_WINDOW + 1, self.index))
        state = window[-1]
        position = self.t("review.position", index=self.index, total=len(self.browser))
        self.query_one(PhaseBar).show_state(state, self.lang, position)
        show_gauges(self, state)
        self._action(state)
        self._events(state)
        self._notes()
        self._log(window[1:] if self.index >= LOG_WINDOW else window)
        self.query_one(Timeline).show(self.moments(), self.index)

    def _action(self, state: State) -> None:
        panel = self.query_one("#review-action", TextPanel)
        if self.index == 0:
            panel.show(Text(self.t("review.start"), style="bold"))
            return
        entry = self.browser.entries[self.index - 1]
        body = Text()
        body.append(
            self.t("review.action", seq=entry.seq, time=entry.time[11:19]) + "\n", style="bold"
        )
        for line in log_lines(
            state, self.lang, for_facilitator=True
        ):  # a decision's reasons among them
            body.append_text(line)
            body.append("\n")
        panel.show(body)

    def _events(self, state: State) -> None:
        events = self.query_one("#events", VerticalScroll)
        events.remove_children()
        label = self.t("play.for_facilitator")
        deck = state.deck
        notes = [deck.facilitator] if self.index == 0 else []
        if not state.over:
            notes.append(deck.phases[state.phase_index].facilitator)
        for note in notes:
            if note:
                said = plain(f"{label} {note}", style=NOTE_STYLE)
                events.mount(Static(said, classes="facilitator-note"))
        for card_id in dict.fromkeys([*state.pending, *state.revealed]):
            card = self.deck.card(card_id)
            extra = card_extra(deck, card, state.answers, self.lang, label, state.covered)
            events.mount(
                CardView(card, options=card_id in state.pending, for_facilitator=label, extra=extra)
            )
        if state.over and deck.questionnaire:
            events.mount(Static(self._replies(state), classes="review-replies"))

    def _replies(self, state: State) -> Text:
        """The questionnaire's replies given so far, item by item."""
        deck = state.deck
        body = Text(self.t("review.questionnaire"), style="bold")
        for item in deck.questionnaire:
            body.append("\n")
            body.append_text(plain(item.text, style="italic"))
            replies = [(role, value) for (q, role), value in state.replies.items() if q == item.id]
            if not replies:
                body.append("\n  " + self.t("review.no_reply"), style="dim")
            for role, value in sorted(replies, key=lambda r: str(r[0])):
                who = answerer(deck, role, self.lang)
                said = reply_value(value, item.scale, self.lang)
                body.append("\n  " + self.t("question.answer_by", who=who))
                body.append_text(plain(said, style="cyan"))
        return body

    def _notes(self) -> None:
        notes = [a.text for a in self.annotations if a.seq == self.index]
        panel = self.query_one("#review-notes", TextPanel)
        if notes:
            panel.show(
                Text("\n".join(self.t("review.annotation", text=n) for n in notes), style="magenta")
            )
        else:
            panel.show("")

    def _log(self, states: list[State]) -> None:
        """What the last few actions did, up to the one shown."""
        log = self.query_one("#log", GameLog)
        log.clear()
        for state in states:
            for line in log_lines(state, self.lang, for_facilitator=True):
                log.write(line, scroll_end=False)
        log.show_end()

    # Moving

    def action_step(self, delta: int) -> None:
        self.show(self.index + delta)

    def action_jump(self, index: int) -> None:
        self.show(len(self.browser) if index < 0 else index)

    def _find(self, direction: int, wanted: object) -> None:
        positions = self.browser.positions
        order = (
            range(self.index + 1, len(positions))
            if direction > 0
            else range(self.index - 1, -1, -1)
        )
        for index in order:
            if wanted(index):  # type: ignore[operator]
                self.show(index)
                return
        self.show(len(positions) - 1 if direction > 0 else 0)

    def _start_of(self, key: int, value: int) -> int:
        """The first state whose turn (key 0) or phase (key 1) is `value`."""
        return next((i for i, p in enumerate(self.browser.positions) if p[key] >= value), 0)

    def _move(self, key: int, direction: int) -> None:
        """To the start of the next, or this (then the previous), round or phase."""
        value = self.browser.positions[self.index][key]
        if direction > 0:
            self._find(1, lambda i: self.browser.positions[i][key] > value)
            return
        start = self._start_of(key, value)
        self.show(start if start < self.index else self._start_of(key, value - 1))

    def action_round(self, direction: int) -> None:
        self._move(0, direction)

    def action_phase(self, direction: int) -> None:
        self._move(1, direction)

    def action_decision(self, direction: int) -> None:
        entries = self.browser.entries
        self._find(direction, lambda i: i > 0 and entries[i - 1].action.get("type") == "play")

    def action_mark(self, direction: int) -> None:
        entries = self.browser.entries
        marked = {a.seq for a in self.annotations}
        self._find(
            direction,
            lambda i: i in marked or (i > 0 and entries[i - 1].action.get("type") == "note"),
        )

    def action_autoplay(self) -> None:
        if self.playing is not None:
            self.playing.stop()
            self.playing = None
            self.notify(self.t("review.paused"))
            return
        self.playing = self.set_interval(PACES[self.pace], self._advance)
        self.notify(self.t("review.playing", seconds=decimal(PACES[self.pace], self.lang)))

    def _advance(self) -> None:
        if self.index >= len(self.browser):
            self.action_autoplay()
            return
        self.show(self.index + 1)

    def action_pace(self, delta: int) -> None:
        self.pace = max(0, min(len(PACES) - 1, self.pace + delta))
        if self.playing is not None:
            self.playing.stop()
            self.playing = self.set_interval(PACES[self.pace], self._advance)
        self.notify(self.t("review.pace", seconds=decimal(PACES[self.pace], self.lang)))

    def action_annotate(self) -> None:
        from scenarios.tui.screens.dialogs import AskDialog

        self.app.push_screen(
            AskDialog(self.t("review.annotate", index=self.index)), self._keep_annotation()
        )

    def _keep_annotation(self, sidecar: Path | None = None) -> Callable[[str | None], None]:
        """Write the annotation typed; if the disk refuses, the text stays on screen with
        the reason, and Enter keeps it in the user's data folder instead."""
        from scenarios.journal.annotations import fallback_annotations_path
        from scenarios.tui.screens.dialogs import AskDialog

        index = self.index

        def keep(note: str | None) -> None:
            if not note:
                return
            try:
                if sidecar is not None:
                    sidecar.parent.mkdir(parents=True, exist_ok=True)
                written = add_annotation(self.journal, index, note, sidecar)
            except OSError as error:
                elsewhere = fallback_annotations_path(self.journal)
                prompt = self.t(
                    "review.annotate_failed", reason=SystemReason.of(error), path=str(elsewhere)
                )
                self.app.push_screen(AskDialog(prompt, note), self._keep_annotation(elsewhere))
                return
            self.annotations.append(written)
            self._moments = None
            self.show(self.index)

        return keep

    def follow(self) -> None:
        """A game still being played: show its new actions as they are journaled."""
        at_end = self.index == len(self.browser)
        if self.browser.follow():
            self._moments = None
            self.show(len(self.browser) if at_end else self.index)
