"""A screen that plays actions through a session: the journal first, the screen after.

The play screen and the questionnaire both hand actions to a session (a journal
on disk, or a workshop table in the store) and must tell the player the same
things when one does not count: refused by the rules, not written (the disk,
the store), or overtaken by another screen of the table. One place says them.
"""

from __future__ import annotations

from scenarios.engine import Action, IllegalAction, State
from scenarios.journal import JournalError, Session
from scenarios.render.printable import printable
from scenarios.store import StoreError
from scenarios.tui.messages import JournalFailed
from scenarios.tui.screens.base import AppScreen
from scenarios.tui.texts import said
from scenarios.workshop.table import TableChanged, TableSession


class JournalingScreen(AppScreen):
    """A screen whose actions reach the journal (or the store) before they count."""

    unwritten = False  # the last action was refused by the journal: say when one is written

    def journaled(
        self, session: Session | TableSession, action: Action, by: str | None = None
    ) -> State | None:
        """The state after `action`, written through `session`; None, once the player was
        told why, when it does not count."""
        try:
            state = session.apply(action, by)
        except IllegalAction as error:
            self.notify(said(error, self.lang), severity="warning", markup=False)
            return None
        except JournalError as error:  # not on disk, so not played: the screen stays as it was
            problem = error.message(self.lang)
            where = session.path if isinstance(session, Session) else session.where
            advice = self.t("journal.action_failed", problem=problem, path=where)
            self.app.post_message(JournalFailed(problem, advice))
            self.unwritten = True
            return None
        except TableChanged as changed:
            self.table_changed(changed)
            if changed.refusal is not None:
                reason = changed.refusal.message(self.lang)
                told = self.t("play.table_changed.refused", reason=reason)
            else:
                told = self.t("play.table_changed")
            self.notify(printable(told), severity="warning", timeout=8, markup=False)
            return None
        except StoreError as error:
            self.notify(said(error, self.lang), severity="error", markup=False)
            return None
        if self.unwritten:
            self.unwritten = False
            self.app.post_message(JournalFailed(None))
        return state

    def table_changed(self, changed: TableChanged) -> None:
        """Another screen of the table played first: what this screen shows of it."""
