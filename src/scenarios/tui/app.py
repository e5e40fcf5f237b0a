"""The Textual app: moves between home, setup, play and end, and owns the live session."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.markup import escape
from textual.screen import Screen

from scenarios.i18n import Lang
from scenarios.render.printable import printable
from scenarios.tui.bindings import BindingSpec, localised
from scenarios.tui.messages import (
    DeckChosen,
    DeckFileChosen,
    GameOver,
    HomeRequested,
    JoinRequested,
    JournalFailed,
    PhaseEnded,
    QuestionnaireDone,
    QuitRequested,
    ResumeRequested,
    StartRequested,
)
from scenarios.tui.texts import said, text

if TYPE_CHECKING:
    from scenarios.deck import Deck
    from scenarios.engine import State
    from scenarios.journal import JournalError, Session
    from scenarios.journal.locations import RecentKind
    from scenarios.store import Store
    from scenarios.workshop.table import TableSession

# Screens, the engine and the journal are imported when first needed, so that
# the home screen shows as soon as possible.


def random_seed() -> int:
    """A fresh seed, short enough to note down."""
    return secrets.randbelow(1_000_000)


STYLES = Path(__file__).parent / "styles.tcss"
# The keys every app of ours has, whatever its screen (the dashboard's too).
APP_KEYS: list[BindingSpec] = [
    ("ctrl+p", "command_palette", "key.palette", False, "^p", True),
    ("ctrl+q", "quit", "key.quit", False, "^q", True),
]


class ScenariosApp(App[None]):
    """The game for a table and its facilitator."""

    CSS_PATH = STYLES
    TITLE = "scenarios"
    BINDING_SPECS = [*APP_KEYS, ("f1", "show_keys", "key.keys", False, "F1", True)]

    def __init__(
        self,
        *,
        lang: Lang = "fr",
        deck: Deck | None = None,
        resume: Path | None = None,
        review: Path | None = None,
        seed: int | None = None,
        teams: dict[str, str] | None = None,
        table_label: str | None = None,
        journal: Path | None = None,
        journal_folder: Path | None = None,
        deck_path: Path | None = None,
        served: bool = False,
        table: TableSession | None = None,
        roles: frozenset[str] = frozenset(),
        workshop: tuple[Store, str] | None = None,
        observer: str | None = None,
        minutes: int | None = None,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__()
        self.lang = lang
        self.initial_deck = deck
        self.initial_resume = resume
        self.initial_review = review
        self.seed = seed
        self.teams = dict(teams or {})
        self.table_label = table_label  # the table's name the setup offers (None: its default)
        self.journal = journal
        self.journal_folder = journal_folder
        # The round length chosen for every round (`--minutes`); None: each phase's `minutes`
        # in the deck, `deck/times.py` DEFAULT_MINUTES for a phase without.
        self.minutes = minutes
        self.clock = clock
        self.now = now
        self.session: Session | TableSession | None = None
        self.initial_table = table
        self.roles = roles
        self.workshop = workshop
        self.observer = observer
        self.last_journal: Path | None = None
        self.deck_path = deck_path
        self.initial_deck_path = deck_path  # the command line's deck file, listed first at home
        self.served = served
        self.reloaded_deck: Deck | None = None
        self.failure: str | None = None  # why the journal was last refused, until it writes again

    def on_mount(self) -> None:
        if self.deck_path is not None:
            self.remember("decks", self.deck_path)
            self.watch_deck(self.deck_path)
        if self.initial_table is not None:
            self._play(self.initial_table, self.minutes)
        elif self.workshop is not None:
            self.join()
        elif self.initial_review is not None:
            self.review(self.initial_review)
        elif self.initial_resume is not None:
            self.resume(self.initial_resume, at_launch=True)
        elif self.initial_deck is not None:
            self.setup(self.initial_deck)
        else:
            self.home()

    def _show(self, screen: Screen[None]) -> None:
        if len(self.screen_stack) > 1:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    # Navigation

    def home(self) -> None:
        from scenarios.tui.screens.home import HomeScreen

        self._close_session()
        if self.workshop is not None:  # a workshop's screen only ever joins its tables
            self.join()
            return
        self._show(
            localised(HomeScreen, self.lang)(
                self.lang,
                self.journal_folder,
                self.served,
                given=self.initial_deck,
                given_path=self.initial_deck_path,
            )
        )

    def setup(self, deck: Deck) -> None:
        from scenarios.deck.times import DEFAULT_MINUTES
        from scenarios.tui.screens.setup import SetupScreen

        seed = self.seed if self.seed is not None else random_seed()
        minutes = self.minutes
        if minutes is None and not any(phase.minutes for phase in deck.phases):
            minutes = DEFAULT_MINUTES  # nothing in the deck: the usual length, shown to change
        self._show(
            localised(SetupScreen, self.lang)(
                deck, self.lang, seed, minutes, self.teams, self.table_label
            )
        )

    def join(self) -> None:
        """A workshop's join screen: a table's code and the roles played here."""
        from scenarios.journal import journal_deck, parse_journal
        from scenarios.tui.screens.join import JoinScreen

        assert self.workshop is not None
        store, workshop_id = self.workshop
        workshop = store.workshop(workshop_id)
        tables = store.tables(workshop_id)
        header = parse_journal((tables[0].header + "\n").encode("utf-8")).header
        deck = journal_deck(header)
        self._show(localised(JoinScreen, self.lang)(self.lang, workshop.id, workshop.title, deck))

    def on_join_requested(self, message: JoinRequested) -> None:
        """Sit at the table of this workshop whose code was typed; say why not otherwise."""
        from scenarios.journal import JournalError
        from scenarios.store import StoreError
        from scenarios.workshop import WorkshopError
        from scenarios.workshop.table import TableSession

        assert self.workshop is not None
        store, workshop_id = self.workshop
        try:
            session = TableSession.join_code(store, message.code, workshop_id)
        except (StoreError, WorkshopError, JournalError) as error:
            self.notify(said(error, self.lang), severity="error", markup=False)
            return
        self.roles = message.roles
        self._play(session, self.minutes)

    def on_home_requested(self, _: HomeRequested) -> None:
        self.home()

    def on_deck_chosen(self, message: DeckChosen) -> None:
        self.setup(message.deck)

    def on_deck_file_chosen(self, message: DeckFileChosen) -> None:
        """Load a deck the user named; follow its edits unless it is a bundled one.

        Served to a browser, only a bundled deck: the app opens no other path."""
        from scenarios.deck import DeckError, load_deck
        from scenarios.deck.bundled import bundled_decks
        from scenarios.tui.screens.dialogs import MessageDialog

        if self.served and Path(message.path) not in {b.path for b in bundled_decks()}:
            return
        try:
            deck = load_deck(message.path)
        except DeckError as error:
            self.push_screen(
                MessageDialog(text(self.lang, "home.invalid"), error.format(self.lang))
            )
            return
        if message.watch:  # a local deck: offered again on the home screen
            self.remember("decks", Path(message.path))
        self.setup(deck)
        if message.watch:
            self.watch_deck(Path(message.path))

    def remember(self, kind: RecentKind, path: Path) -> None:
        """Keep `path` among the recent decks or journals of the data folder (not when served:
        that app opens no path of its own). A folder that cannot be written is no matter."""
        from scenarios.journal.locations import remember

        if not self.served:
            remember(kind, path)

    # A designer editing the deck while it is open

    def watch_deck(self, path: Path) -> None:
        """Reload and re-validate `path` whenever a YAML file of its folder is saved."""
        self.deck_path = path
        self.reloaded_deck = None
        self.run_worker(self._watch(path), group="deck-watch", exclusive=True, exit_on_error=False)

    async def _watch(self, path: Path) -> None:
        from watchfiles import awatch

        def yaml_only(_: object, name: str) -> bool:
            return name.endswith((".yaml", ".yml"))

        folder = path.resolve().parent
        async for _ in awatch(folder, watch_filter=yaml_only, debounce=200, step=50):
            self.deck_changed(path)

    def deck_changed(self, path: Path) -> None:
        """A new version of the deck on disk: its errors, or the deck itself where it is safe.

        The setup screen takes the new version at once, keeping what was typed.
        A game in progress keeps the version it started with, since its journal
        replays that one; the palette then offers to start again with the new one.
        """
        from scenarios.deck import DeckError, load_deck
        from scenarios.deck.lint import lint
        from scenarios.tui.screens.end import EndScreen
        from scenarios.tui.screens.play import PlayScreen
        from scenarios.tui.screens.questionnaire import QuestionnaireScreen
        from scenarios.tui.screens.setup import SetupScreen

        lang = self.lang
        self.clear_notifications()  # only the latest version's news matters
        try:
            deck = load_deck(path)
        except DeckError as error:
            shown = error.diagnostics[:3]
            lines = [d.format(lang).replace(f"{path}:", "", 1) for d in shown]
            if len(error.diagnostics) > len(shown):
                lines.append(text(lang, "watch.more", count=len(error.diagnostics) - len(shown)))
            title = text(lang, "watch.invalid", count=len(error.diagnostics), file=path.name)
            self.notify(
                printable("\n".join(lines)), title=title, severity="error", timeout=20, markup=False
            )
            return
        warnings = len(lint(deck))
        title = text(lang, "watch.valid", count=warnings, file=path.name)
        screen = self.screen
        if isinstance(screen, SetupScreen):
            teams, seed, minutes = screen.values()
            self.teams.update(teams)
            self.table_label = screen.typed_label()
            self._show(
                localised(SetupScreen, lang)(
                    deck,
                    lang,
                    seed if seed is not None else screen.seed,
                    minutes if minutes is not None else screen.minutes,
                    self.teams,
                    self.table_label,
                    screen.typed_variables(),
                )
            )
            self.notify(text(lang, "watch.setup"), title=title, timeout=6, markup=False)
        elif isinstance(screen, (PlayScreen, QuestionnaireScreen, EndScreen)):
            self.reloaded_deck = deck
            self.notify(
                text(lang, "watch.in_game"),
                title=title,
                severity="warning",
                timeout=12,
                markup=False,
            )
        else:
            self.reloaded_deck = deck
            self.notify(text(lang, "watch.home"), title=title, timeout=6, markup=False)

    def restart_with_reloaded_deck(self) -> None:
        """After a confirmation: the new version of the deck, same seed and teams, a new journal."""
        from scenarios.journal import Session
        from scenarios.tui.screens.dialogs import ConfirmDialog

        deck = self.reloaded_deck
        if deck is None:
            return
        session = self.session

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            if session is not None:
                self.seed = session.header.seed
                for team in session.header.teams:
                    self.teams.update({role: team.name for role in team.roles})
                self.table_label = session.header.label
            self.reloaded_deck = None
            self._close_session()
            self.setup(deck)

        journal = str(session.path) if isinstance(session, Session) else ""
        self.push_screen(
            ConfirmDialog(
                text(self.lang, "watch.restart.question"),
                text(self.lang, "watch.restart.explain", path=journal),
                text(self.lang, "watch.restart.yes"),
                text(self.lang, "watch.restart.no"),
            ),
            answered,
        )

    def on_start_requested(self, message: StartRequested) -> None:
        from scenarios.journal import JournalError, Session, new_journal_path

        deck, seed = message.deck, message.seed
        path = self.journal or new_journal_path(deck.id, seed, self.now(), self.journal_folder)
        try:
            session = Session.start(
                deck,
                seed,
                path,
                message.teams,
                lang=self.lang,
                label=message.label,
                variables=message.variables,
                clock=self.now,
            )
        except JournalError as error:  # a full disk, read-only media: stay on the setup screen
            problem = error.message(self.lang)
            if str(path) not in problem:
                problem = f"{path}: {problem}"
            self.on_journal_failed(
                JournalFailed(problem, text(self.lang, "journal.start_failed", problem=problem))
            )
            return
        self.journal = None
        self.table_label = message.label
        self.remember("journals", path)  # wherever it is, the home screen offers to resume it
        self._play(session, message.minutes)

    def on_journal_failed(self, message: JournalFailed) -> None:
        """Say on screen why the journal refused a line; remember it for the exit code."""
        from scenarios.tui.screens.dialogs import MessageDialog

        self.failure = message.problem
        if message.problem is not None:
            self.push_screen(MessageDialog(text(self.lang, "journal.failed"), message.advice))

    def on_resume_requested(self, message: ResumeRequested) -> None:
        self.resume(message.path)

    def resume(self, path: Path, *, at_launch: bool = False) -> None:
        from scenarios.journal import JournalError, Session, read_journal, replay
        from scenarios.tui.screens.dialogs import MessageDialog
        from scenarios.workshop.timer import played_at_resume

        try:
            content = read_journal(path)
            session, report = Session.resume(path, clock=self.now)
        except JournalError as error:
            if error.code == "locked":
                self.review_locked(path, error)
            elif at_launch:
                problem = error.message(self.lang)  # `play --resume`: nothing to show, say why
                self.failure = problem if str(path) in problem else f"{path}: {problem}"
                self.exit(return_code=1)
            else:
                self.push_screen(MessageDialog(str(path), said(error, self.lang)))
            return
        notice = text(self.lang, "play.resumed", count=report.kept)
        if report.damage is not None:
            notice = text(
                self.lang,
                "play.damaged",
                count=report.kept,
                problem=report.damage.message(self.lang),
                backup=report.backup,
            )
        self.remember("journals", path)
        replayed = replay(content, keep_states=True)
        states = replayed.states[: report.kept]
        elapsed = played_at_resume(replayed.initial, content.entries[: report.kept], states)
        if session.state.over:
            self._close_session()
            self.session = session
            self.last_journal = session.path
            self.after_game(session)  # the questionnaire where it was left, else the end
            return
        # The screen logs the current state itself: the history is the states before it.
        self._play(session, self.minutes, notice, states[:-1], elapsed)

    def _play(
        self,
        session: Session | TableSession,
        minutes: int | None,
        notice: str = "",
        history: Iterable[State] = (),
        elapsed: float = 0.0,
    ) -> None:
        from scenarios.journal import Session
        from scenarios.tui.screens.play import PlayScreen

        self._close_session()
        self.session = session
        if isinstance(session, Session):
            self.last_journal = session.path
        self.failure = None
        screen = localised(PlayScreen, self.lang)(
            session,
            self.lang,
            self.clock,
            # None: each phase's `minutes` in the deck, at a lone table and in a workshop alike
            # (the room's views count the same lengths: `deck/times.py` `round_seconds`).
            minutes=minutes,
            notice=notice,
            history=history,
            elapsed=elapsed,
            roles=self.roles,
            observer=self.observer,
        )
        self._show(screen)

    def review_locked(self, path: Path, error: JournalError) -> None:
        """Another process is playing this journal: follow it read-only instead."""
        self.review(path)
        self.notify(said(error, self.lang), severity="warning", timeout=12, markup=False)

    def review(self, path: Path) -> None:
        from scenarios.tui.screens.review import ReviewScreen

        self._show(localised(ReviewScreen, self.lang)(path, self.lang))

    def on_phase_ended(self, message: PhaseEnded) -> None:
        """Between two phases: what the phase that ended left behind, read from the journal."""
        from scenarios.debrief import trace_of
        from scenarios.debrief.phase_end import phase_summary
        from scenarios.journal import JournalError, Session, read_journal
        from scenarios.store import StoreError
        from scenarios.tui.screens.phase_end import PhaseEndScreen
        from scenarios.workshop.export import table_content

        session = message.session
        try:
            if isinstance(session, Session):
                content = read_journal(session.path)
            else:
                content = table_content(session.table, session.store.lines(session.table.id))
        except (JournalError, StoreError) as error:  # the game goes on without the pause
            self.notify(said(error, self.lang), severity="warning", markup=False)
            return
        summary = phase_summary(trace_of(content), message.phase)
        screen = localised(PhaseEndScreen, self.lang)(summary, session.state.deck, self.lang)
        self.push_screen(screen)

    def on_game_over(self, message: GameOver) -> None:
        self.after_game(message.session)

    def after_game(self, session: Session | TableSession) -> None:
        """The deck's questionnaire for the roles still to answer it, else the end screen."""
        from scenarios.tui.screens.questionnaire import QuestionnaireScreen

        roles, first = self.questionnaire_roles(session.state)
        if first >= len(roles):
            self.show_end(session)
            return
        screen = localised(QuestionnaireScreen, self.lang)(session, roles, self.lang, first)
        self._show(screen)

    def questionnaire_roles(self, state: State) -> tuple[list[str], int]:
        """The roles this screen plays (all, unless told otherwise) that answer the deck's
        questionnaire, and the index of the first one without any reply yet (past the last:
        nothing left to ask). An observer answers none.

        A resumed game thus comes back to the role it was at; one whose questionnaire was
        skipped, with no reply at all, offers it again (Escape skips it again)."""
        deck = state.deck
        if not deck.questionnaire or self.observer is not None:
            return [], 0
        roles = [role.id for role in deck.roles if not self.roles or role.id in self.roles]
        replied = {role for _, role in state.replies}
        first = next((n for n, role in enumerate(roles) if role not in replied), len(roles))
        return roles, first

    def on_questionnaire_done(self, message: QuestionnaireDone) -> None:
        self.show_end(message.session)

    def show_end(self, session: Session | TableSession) -> None:
        from scenarios.journal import Session
        from scenarios.tui.screens.end import EndScreen

        path = session.path if isinstance(session, Session) else self._table_copy(session)
        self._show(localised(EndScreen, self.lang)(session.state, path, self.lang))

    def _table_copy(self, session: TableSession) -> Path:
        """A workshop table's journal, copied into this screen's journal folder so that the
        end screen can debrief and export it like any other."""
        from scenarios.journal import journal_folder
        from scenarios.render.files import write_atomically
        from scenarios.workshop import journal_text
        from scenarios.workshop.export import file_name

        folder = self.journal_folder or journal_folder()
        folder.mkdir(parents=True, exist_ok=True)
        table = session.table
        name = file_name(f"{table.workshop_id}-{table.label}", set())
        path = folder / name
        write_atomically(path, journal_text(table, session.store.lines(table.id)))
        return path

    # Leaving

    def on_quit_requested(self, message: QuitRequested) -> None:
        self.confirm_quit(message.session)

    def confirm_quit(self, session: Session | TableSession) -> None:
        from scenarios.journal import Session
        from scenarios.tui.screens.dialogs import QuitDialog

        def answered(leave: bool | None) -> None:
            if leave:
                self.exit()

        if isinstance(session, Session):
            dialog = QuitDialog(self.lang, str(session.path))
        else:
            dialog = QuitDialog(self.lang, session.where, session.table.code)
        self.push_screen(dialog, answered)

    async def action_quit(self) -> None:
        from scenarios.tui.screens.play import PlayScreen

        session = self.session
        if session is not None and not session.state.over and isinstance(self.screen, PlayScreen):
            self.confirm_quit(session)
            return
        self.exit()

    def _close_session(self) -> None:
        if self.session is not None:
            self.session.close()
            self.session = None

    def on_unmount(self) -> None:
        if self.session is not None:
            self.session.close()

    def action_command_palette(self) -> None:
        """The command palette, speaking the player's language."""
        from textual.command import CommandPalette

        from scenarios.tui.palette import Palette

        is_open = any(isinstance(screen, CommandPalette) for screen in self.screen_stack)
        if self.use_command_palette and not is_open:
            self.push_screen(Palette(self.lang))

    def action_show_keys(self) -> None:
        """The keys of the screen in the player's language, in a window closed with Escape,
        F1 or choosing it again (Textual's own keys panel squeezes the screen and speaks
        English)."""
        from scenarios.tui.screens.dialogs import KeysDialog

        screen = self.screen
        if isinstance(screen, KeysDialog):
            screen.dismiss(None)
            return
        # Keys of one kind of seat only (an observer's `o`) are listed where they work, and
        # keys the game never uses (a discussion's answers for a deck without questions) not.
        seat_keys: frozenset[str] = getattr(screen, "SEAT_KEYS", frozenset())
        unused: frozenset[str] = getattr(screen, "unused_keys", frozenset())
        specs = [
            spec
            for spec in (*getattr(screen, "BINDING_SPECS", []), *self.BINDING_SPECS)
            if spec[1] not in unused
            and (spec[1] not in seat_keys or screen.check_action(spec[1], ()) is not False)
        ]
        self.push_screen(KeysDialog(self.lang, specs))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        lang = self.lang
        yield SystemCommand(
            text(lang, "sys.theme"), text(lang, "sys.theme.help"), self.action_change_theme
        )
        yield SystemCommand(
            text(lang, "sys.keys"), text(lang, "sys.keys.help"), self.action_show_keys
        )
        if self.reloaded_deck is not None:
            yield SystemCommand(
                text(lang, "sys.restart"),
                escape(text(lang, "sys.restart.help", title=self.reloaded_deck.title)),
                self.restart_with_reloaded_deck,
            )
        yield SystemCommand(text(lang, "sys.quit"), text(lang, "sys.quit.help"), self.action_quit)
