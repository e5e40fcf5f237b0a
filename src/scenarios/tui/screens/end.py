"""The end of a game: the ending or the final score, the indicators over time, the debrief.

The debrief is computed from the journal (as `scenarios report` does) in a
worker, and can be exported next to the journal as Markdown and HTML. It is the
table's debrief: the deck's `facilitator:` notes are never in it. A discussion
exercise ends without an outcome nor a score: the questions asked and answered.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown, Static

from scenarios.deck import Ending
from scenarios.deck.model import outcome_word
from scenarios.engine import State
from scenarios.i18n import Lang
from scenarios.i18n.system import SystemReason
from scenarios.render.files import write_atomically
from scenarios.render.printable import printable
from scenarios.render.sparkline import sparkline
from scenarios.tui.bindings import BindingSpec
from scenarios.tui.messages import HomeRequested
from scenarios.tui.screens.base import AppScreen
from scenarios.tui.texts import plain
from scenarios.tui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from scenarios.debrief import SessionReport


class EndScreen(AppScreen):
    """What the table reached, how the indicators moved, and where the journal is."""

    BINDING_SPECS: list[BindingSpec] = [
        ("x", "export", "key.export", True, None, False),
        ("n", "new", "key.new", True, None, False),
        ("q", "app.quit", "key.quit", True, None, False),
    ]

    def __init__(self, final: State, journal: Path, lang: Lang) -> None:
        super().__init__(lang)
        self.final = final
        self.journal = journal
        self.report: SessionReport | None = None

    def compose(self) -> ComposeResult:
        final = self.final
        deck = final.deck
        ending = deck.ending_index.get(final.ending) if final.ending else None
        outcome = final.outcome or "completed"
        if deck.discussion:  # no verdict, no score: the exercise went to its end
            outcome = "completed"
            title = Text(self.t("end.title.discussion"), style="bold")
            title.append("\n" + self.t("end.discussion.completed"), style="bold")
        else:
            title = self._verdict(ending, outcome)
        with VerticalScroll(id="end-body"):
            yield Static(title, id="end-outcome", classes=f"outcome-{outcome}")
            if deck.indicators:
                yield Static(self._trajectories(), id="end-trajectories")
            summary = self._discussion_summary() if deck.discussion else self._summary()
            yield Static(summary, id="end-summary")
            yield Markdown(self.t("end.debrief_wait"), id="end-debrief")
            yield Static(
                plain(
                    self.t("end.journal", path=self.journal)
                    + "\n"
                    + self.t("end.replay", path=self.journal)
                ),
                id="end-journal",
            )
        yield KeyBar()

    def _verdict(self, ending: Ending | None, outcome: str) -> Text:
        """A game's ending, or that it went to its last round, and its final score."""
        final = self.final
        title = Text(self.t("end.title"), style="bold")
        if ending is not None:
            verdict = self.t("end.outcome." + outcome_word(outcome, final.deck.neutral_outcomes))
            reached = self.t("end.ending", outcome=verdict, ending=ending.title)
            title.append("\n" + reached, style="bold")
        else:
            title.append("\n" + self.t("end.completed"), style="bold")
        if ending and ending.text:
            title.append_text(plain("\n" + ending.text))
        title.append("\n\n" + self.t("end.score", score=final.final_score), style="bold")
        return title

    def _trajectories(self) -> Table:
        deck = self.final.deck
        table = Table(
            title=self.t("end.trajectories"),
            title_justify="left",
            box=None,
            show_header=False,
            padding=(0, 1),
        )
        table.add_column(no_wrap=True, max_width=32)
        table.add_column(justify="right", no_wrap=True)
        table.add_column(no_wrap=True)
        for index, indicator in enumerate(deck.indicators):
            values = [values[index] for values in self.final.trail]
            start, end = values[0], values[-1]
            table.add_row(
                plain(indicator.title),
                f"{start} → {end}",
                sparkline(values, indicator.min, indicator.max),
            )
        return table

    def _summary(self) -> Text:
        final = self.final
        deck = final.deck
        plays: Counter[str] = Counter()
        passes: Counter[str] = Counter()
        for (_, role_id, _), count in final.history.plays.items():
            plays[role_id] += count
        for (role_id, _), count in final.history.passes.items():
            passes[role_id] += count
        choices = sum(final.history.choices.values())
        body = Text()
        body.append(self.t("end.summary") + "\n", style="bold")
        body.append(
            self.t(
                "end.counts",
                rounds=self.t("end.rounds", count=final.turn),
                plays=self.t("end.plays", count=sum(plays.values())),
                passes=self.t("end.passes", count=sum(passes.values())),
                choices=self.t("end.choices", count=choices),
                notes=self.t("end.notes", count=len(final.notes)),
            )
        )
        for role in deck.roles:
            by_role = self.t(
                "end.by_role",
                role=role.title,
                plays=self.t("end.plays", count=plays[role.id]),
                passes=self.t("end.passes", count=passes[role.id]),
            )
            body.append("\n  " + by_role)
        return body

    def _discussion_summary(self) -> Text:
        """The exercise in numbers: rounds, questions asked, answers, notes; by role."""
        final = self.final
        deck = final.deck
        asked = {card for card, _ in final.history.fired if deck.card(card).kind.asks}
        by_role: Counter[str | None] = Counter(role for _, role in final.answers)
        body = Text()
        body.append(self.t("end.summary.discussion") + "\n", style="bold")
        body.append(
            self.t(
                "end.counts.discussion",
                rounds=self.t("end.rounds", count=final.turn),
                questions=self.t("end.questions", count=len(asked)),
                answers=self.t("end.answers", count=len(final.answers)),
                notes=self.t("end.notes", count=len(final.notes)),
            )
        )
        for role in deck.roles:
            answers = self.t("end.answers", count=by_role[role.id])
            body.append("\n  ")
            line = self.t("end.by_role.discussion", role=role.title, answers=answers)
            body.append_text(plain(line))
        if by_role[None]:
            table = self.t("end.answers", count=by_role[None])
            body.append("\n  " + self.t("end.by_table", answers=table))
        return body

    def on_mount(self) -> None:
        self.query_one("#end-body").focus()
        self.prepare_debrief()

    @work(thread=True, exclusive=True)
    def prepare_debrief(self) -> None:
        from scenarios.debrief import load_trace, session_markdown, session_report
        from scenarios.journal import read_annotations

        trace = load_trace(self.journal)
        # The table's debrief: never a `facilitator:` note of the deck.
        report = session_report(trace, read_annotations(self.journal), audience="table")
        self.report = report
        markdown = session_markdown(report, self.lang)
        shown = printable(markdown)  # the exported files keep the text as written
        self.app.call_from_thread(self.query_one("#end-debrief", Markdown).update, shown)

    def action_export(self) -> None:
        from scenarios.debrief import session_html, session_markdown

        if self.report is None:
            return
        base = self.journal.with_suffix("")
        markdown = base.with_name(base.name + ".debriefing.md")
        html = base.with_name(base.name + ".debriefing.html")
        for path, content in (
            (markdown, session_markdown(self.report, self.lang)),
            (html, session_html(self.report, self.lang)),
        ):
            try:
                write_atomically(path, content)
            except OSError as error:
                refused = self.t("end.export_failed", path=path, reason=SystemReason.of(error))
                self.notify(refused, severity="error", timeout=15, markup=False)
                return
        self.notify(self.t("end.exported", markdown=markdown, html=html), timeout=10, markup=False)

    def action_new(self) -> None:
        self.app.post_message(HomeRequested())
