"""The play screen: phase and timer, gauges, the round's events, a dilemma or a hand, the log.

Every key press becomes an engine action sent through the journaled session:
the journal line is on disk before the screen shows the effect. The screen
asks the engine what is legal and why a card cannot be played; it computes no
rule itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, OptionList, RichLog, Static
from textual.widgets.option_list import Option

from scenarios.deck import Card, Deck
from scenarios.deck import Option as DilemmaOption
from scenarios.engine import (
    Action,
    Choose,
    Draw,
    EndRound,
    IllegalAction,
    Note,
    Pass,
    Play,
    State,
    available_options,
    playability,
)
from scenarios.i18n import Lang
from scenarios.journal import JournalError, Session
from scenarios.journal.format import FACILITATOR, OBSERVER
from scenarios.render.printable import printable
from scenarios.store import StoreError
from scenarios.tui.bindings import BindingSpec
from scenarios.tui.log_lines import log_lines
from scenarios.tui.messages import GameOver, JournalFailed, QuitRequested
from scenarios.tui.palette import FacilitatorCommands
from scenarios.tui.screens.base import AppScreen
from scenarios.tui.texts import plain
from scenarios.tui.widgets.cards import CardView
from scenarios.tui.widgets.key_bar import KeyBar
from scenarios.tui.widgets.phase_bar import PhaseBar
from scenarios.tui.widgets.side_panel import body_with_side_panel, show_gauges
from scenarios.tui.widgets.text_panel import TextPanel
from scenarios.workshop.table import Played, TableChanged, TableSession

FOLLOW_SECONDS = 0.5  # how often a workshop screen looks for what other screens played


def team_of(session: Session | TableSession, role: str) -> str:
    """The name of the team holding `role`, or the role's id if none does."""
    for team in session.header.teams:
        if role in team.roles:
            return team.name
    return role


class PlayScreen(AppScreen):
    """Where the table plays, round after round."""

    COMMANDS = {FacilitatorCommands}
    BINDING_SPECS: list[BindingSpec] = [
        ("d", "draw", "key.draw", True, None, False),
        ("enter", "select_option", "key.choose", True, "keyname.enter", True),
        ("enter", "select_card", "key.play", True, "keyname.enter", True),
        ("e", "read_events", "key.events", True, None, False),
        ("p", "pass_turn", "key.pass", True, None, False),
        ("r", "rationale", "key.rationale", True, None, False),
        ("f", "end_round", "key.end_round", True, None, False),
        ("escape", "focus_hand", "key.hand", False, None, False),
        ("o", "observe", "key.observe", True, None, False),
        ("q", "request_quit", "key.quit", True, None, False),
        *[(str(n), f"pick({n})", "key.choose", False, None, False) for n in range(1, 10)],
    ]

    def __init__(
        self,
        session: Session | TableSession,
        lang: Lang,
        clock: Callable[[], float],
        round_seconds: int = 0,
        notice: str = "",
        history: Iterable[State] = (),
        roles: frozenset[str] = frozenset(),
        watching: bool = False,
        observer: str | None = None,
    ) -> None:
        super().__init__(lang)
        self.session = session
        self.roles = roles
        # The facilitator's mirror, or an observer's seat: no game action from here.
        self.watching = watching or observer is not None
        self.observer = observer  # an observer's name: only observations, no palette
        self.store_lost = False
        self.deck: Deck = session.state.deck
        self.clock = clock
        self.round_seconds = round_seconds
        self.notice = notice
        self.past = list(history)
        self.elapsed = 0.0
        self.last_tick: float | None = None
        self.warned = False
        self.shown_turn = -1
        self.shown_events: tuple[object, ...] = ()
        self.shown_choices: tuple[object, ...] = ()
        self.shown_bindings: tuple[object, ...] = ()
        self.unwritten = False  # the last action was refused by the journal

    @property
    def state(self) -> State:
        return self.session.state

    # Layout

    def compose(self) -> ComposeResult:
        yield PhaseBar(id="phase-bar")
        yield from body_with_side_panel(
            self.deck,
            self.lang,
            TextPanel(id="stage"),
            VerticalScroll(id="events"),
            OptionList(id="choices"),
            TextPanel(id="detail"),
            Input(
                placeholder=self.t("play.rationale"), id="rationale", max_length=2000, compact=True
            ),
        )
        yield KeyBar()

    def on_mount(self) -> None:
        self.last_tick = self.clock()
        if self.round_seconds:
            self.set_interval(1, self.tick)
        if isinstance(self.session, TableSession):
            self.set_interval(FOLLOW_SECONDS, self.follow_table)
        self.render_state()
        self.call_after_refresh(self._fill_log)

    def _fill_log(self) -> None:
        """The log of what happened so far (written once the log knows its width)."""
        log = self.query_one("#log", RichLog)
        for state in self.past:
            for line in log_lines(state, self.lang):
                log.write(line)
        self.past = []
        for line in log_lines(self.state, self.lang):
            log.write(line)
        if self.notice:
            log.write(plain(self.notice, style="bold yellow"))
            self.notify(printable(self.notice), timeout=8, markup=False)

    # Rendering

    def render_state(self) -> None:
        state = self.state
        self._render_header()
        show_gauges(self, state)
        if state.turn != self.shown_turn:
            self.shown_turn = state.turn
            self.elapsed = 0.0
            self.warned = False
        if isinstance(self.session, TableSession):
            self.elapsed = self.session.round_clock.elapsed(self.session.now())
        self._render_events()
        self._render_choices()
        self._refresh_footer()

    def _refresh_footer(self) -> None:
        """Tell the footer only when the available keys change: it rebuilds itself each time."""
        actions = ("draw", "end_round", "pass_turn", "select_option", "select_card", "read_events")
        shown = tuple(self.check_action(action, ()) for action in actions)
        if shown != self.shown_bindings:
            self.shown_bindings = shown
            self.refresh_bindings()

    def _render_header(self) -> None:
        state = self.state
        timer = ""
        if self.round_seconds:
            remaining = max(0, int(self.round_seconds - self.elapsed))
            clock = f"{remaining // 60:02d}:{remaining % 60:02d}"
            timer = self.t("play.paused" if state.paused else "play.timer", time=clock)
        self.query_one(PhaseBar).show_state(state, self.lang, timer)

    def _render_events(self) -> None:
        state = self.state
        events = self.query_one("#events", VerticalScroll)
        cards = [self.deck.card(card_id) for card_id in state.revealed]
        if state.pending:
            dilemma = self.deck.card(state.pending[0])
            cards = [dilemma] + [c for c in cards if c.id != dilemma.id]
        hidden = state.stage == "events" and not state.pending
        small = self.size.height < 32
        compact = small and state.stage != "events" and not state.pending and len(cards) > 1
        shown = (hidden, compact, tuple(card.id for card in cards))
        if shown == self.shown_events:
            return
        self.shown_events = shown
        events.remove_children()
        if hidden:
            events.display = False
            return
        events.display = True
        if not cards:
            events.mount(Static(self.t("play.no_events"), classes="muted"))
            return
        for card in cards:
            view = CardView(card)
            if compact and not card.kind.options:
                view.add_class("compact")
            events.mount(view)

    def _render_choices(self) -> None:
        state = self.state
        stage = self.query_one("#stage", TextPanel)
        choices = self.query_one("#choices", OptionList)
        detail = self.query_one("#detail", TextPanel)
        rationale = self.query_one("#rationale", Input)
        role = state.current_role
        if state.pending:
            card = self.deck.card(state.pending[0])
            stage.show(self.t("play.stage.dilemma"))
            legal = {o.id for o in available_options(state, card)}
            self._set_choices(
                [self._dilemma_option(n, o, o.id in legal) for n, o in enumerate(card.options, 1)]
            )
            choices.display = True
            rationale.display = False
            detail.display = True
            choices.border_title = plain(card.title)
            choices.highlighted = next(i for i, o in enumerate(card.options) if o.id in legal)
            self._show_option_detail(card, choices.highlighted)
            if not choices.has_focus:
                choices.focus()
        elif role is not None and not self.mine(role):
            role_title = self.deck.roles[self.deck.role_index[role]].title
            team = team_of(self.session, role)
            if team == role_title:
                stage.show(self.t("play.stage.other_screen_role", role=role_title))
            else:
                stage.show(self.t("play.stage.other_screen", team=team, role=role_title))
            choices.display = False
            rationale.display = False
            detail.display = False
            self.set_focus(None)
        elif role is not None:
            team = team_of(self.session, role)
            role_title = self.deck.roles[self.deck.role_index[role]].title
            if team == role_title:
                stage.show(self.t("play.stage.role", role=role_title))
            else:
                stage.show(self.t("play.stage.decisions", team=team, role=role_title))
            hand = state.hand(role)
            options = [
                self._hand_option(n, role, self.deck.card(card_id))
                for n, card_id in enumerate(hand, 1)
            ]
            self._set_choices(options)
            choices.border_title = plain(self.t("play.hand", role=role_title))
            choices.display = True
            rationale.display = True
            detail.display = True
            if not hand:
                detail.show(self.t("play.empty_hand"))
            else:
                first_playable = next((i for i, o in enumerate(options) if not o.disabled), 0)
                choices.highlighted = first_playable
                self._show_card_detail(role, choices.highlighted)
            if not rationale.has_focus and not choices.has_focus:
                choices.focus()
        else:
            key = "play.stage.events" if state.stage == "events" else "play.stage.end"
            stage.show(self.t(key))
            choices.display = False
            rationale.display = False
            detail.display = False
            rationale.value = ""
            self.set_focus(None)

    def _set_choices(self, options: list[Option]) -> None:
        """Replace the options only when they changed: rebuilding the list costs a frame."""
        shown = tuple((o.id, str(o.prompt), o.disabled) for o in options)
        if shown != self.shown_choices:
            self.shown_choices = shown
            self.query_one("#choices", OptionList).set_options(options)

    def _dilemma_option(self, number: int, option: DilemmaOption, legal: bool) -> Option:
        prompt = plain(f"{number}. {option.title}", style="" if legal else "dim")
        if not legal and option.requires is not None:
            condition = self.t("play.requires", condition=option.requires.source)
            prompt.append(f"  ({condition})", style="dim italic")
        return Option(prompt, id=option.id, disabled=not legal)

    def _hand_option(self, number: int, role: str, card: Card) -> Option:
        refusal = playability(self.state, role, card.id)
        prompt = plain(f"{number}. {card.title}", style="bold" if refusal is None else "dim")
        if refusal is not None:
            prompt.append(f"  ({printable(refusal.message(self.lang))})", style="dim italic")
        elif card.cost:
            costs = ", ".join(
                f"{self.deck.indicators[self.deck.indicator_index[i]].title} {n}"
                for i, n in card.cost
            )
            prompt.append(f"  ({self.t('play.cost', costs=costs)})", style="italic")
        return Option(prompt, id=card.id, disabled=refusal is not None)

    def _show_card_detail(self, role: str, index: int | None) -> None:
        detail = self.query_one("#detail", TextPanel)
        hand = self.state.hand(role)
        if index is None or not 0 <= index < len(hand):
            detail.show("")
            return
        card = self.deck.card(hand[index])
        body = Text()
        body.append(printable(card.title), style="bold")
        if card.text:
            body.append("\n" + printable(card.text))
        if card.requires is not None:
            body.append(
                "\n" + self.t("play.requires", condition=card.requires.source), style="italic"
            )
        detail.show(body)

    def _show_option_detail(self, card: Card, index: int | None) -> None:
        detail = self.query_one("#detail", TextPanel)
        if index is None or not 0 <= index < len(card.options):
            detail.show("")
            return
        option = card.options[index]
        detail.show(plain(option.text or option.title))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        state = self.state
        if state.pending:
            self._show_option_detail(self.deck.card(state.pending[0]), event.option_index)
        elif state.current_role is not None:
            self._show_card_detail(state.current_role, event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._act_on_option(event.option_index)

    # Actions

    def mine(self, role: str | None) -> bool:
        """Whether `role` plays from this screen (every role does, unless told otherwise)."""
        if self.watching:
            return False
        return role is not None and (not self.roles or role in self.roles)

    def perform(self, action: Action, by: str | None = None) -> bool:
        """Journal `action` through the session, then show its effect."""
        try:
            state = self.session.apply(action, by)
        except IllegalAction as error:
            self.notify(printable(error.message(self.lang)), severity="warning", markup=False)
            return False
        except JournalError as error:  # not on disk, so not played: the screen stays as it was
            problem = error.message(self.lang)
            session = self.session
            where = session.path if isinstance(session, Session) else session.where
            advice = self.t("journal.action_failed", problem=problem, path=where)
            self.app.post_message(JournalFailed(problem, advice))
            self.unwritten = True
            return False
        except TableChanged as changed:
            self.show_played(changed.played)
            if changed.refusal is not None:
                reason = changed.refusal.message(self.lang)
                told = self.t("play.table_changed.refused", reason=reason)
            else:
                told = self.t("play.table_changed")
            self.notify(printable(told), severity="warning", timeout=8, markup=False)
            return False
        except StoreError as error:
            self.notify(printable(error.message(self.lang)), severity="error", markup=False)
            return False
        if self.unwritten:
            self.unwritten = False
            self.app.post_message(JournalFailed(None))
        log = self.query_one("#log", RichLog)
        for line in log_lines(state, self.lang):
            log.write(line, scroll_end=False)
        log.scroll_end(animate=False, immediate=True)
        if state.over:
            self.app.post_message(GameOver(self.session))
            return True
        self.render_state()
        return True

    def _act_on_option(self, index: int | None) -> None:
        state = self.state
        if index is None or self.watching:
            return
        if state.pending:
            card = self.deck.card(state.pending[0])
            if 0 <= index < len(card.options):
                self.perform(Choose(card.id, card.options[index].id))
            return
        role = state.current_role
        if role is None or not self.mine(role):
            return
        hand = state.hand(role)
        if 0 <= index < len(hand):
            rationale = self.query_one("#rationale", Input)
            if self.perform(Play(role, hand[index], rationale.value.strip())):
                rationale.value = ""
                self.action_focus_hand()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        state = self.state
        if self.watching and action in ("draw", "end_round", "select_option"):
            return False
        if action == "observe":
            return self.observer is not None
        if action == "draw":
            return not state.over and state.stage == "events" and not state.pending
        if action == "end_round":
            return not state.over and state.stage == "end" and not state.pending
        if action in ("pass_turn", "rationale"):
            return self.mine(state.current_role)
        if action == "select_option":
            return bool(state.pending)
        if action == "select_card":
            return not state.pending and self.mine(state.current_role)
        if action == "read_events":
            return bool(state.revealed) or bool(state.pending)
        return True

    def action_draw(self) -> None:
        self.perform(Draw())

    def action_end_round(self) -> None:
        self.perform(EndRound())

    def action_select_option(self) -> None:
        self._act_on_option(self.query_one("#choices", OptionList).highlighted)

    def action_select_card(self) -> None:
        self._act_on_option(self.query_one("#choices", OptionList).highlighted)

    def action_read_events(self) -> None:
        from scenarios.tui.screens.dialogs import CardsDialog

        state = self.state
        ids = list(dict.fromkeys([*state.pending, *state.revealed]))
        self.app.push_screen(CardsDialog(self.t("play.events"), [self.deck.card(i) for i in ids]))

    def action_pick(self, number: int) -> None:
        choices = self.query_one("#choices", OptionList)
        if choices.display and 0 < number <= choices.option_count:
            option = choices.get_option_at_index(number - 1)
            if not option.disabled:
                self._act_on_option(number - 1)

    def action_pass_turn(self) -> None:
        role = self.state.current_role
        if role is None or not self.mine(role):
            return
        rationale = self.query_one("#rationale", Input)
        if self.perform(Pass(role, rationale.value.strip())):
            rationale.value = ""
            self.action_focus_hand()

    def action_rationale(self) -> None:
        self.query_one("#rationale", Input).focus()

    def action_focus_hand(self) -> None:
        choices = self.query_one("#choices", OptionList)
        if choices.display and not choices.has_focus:
            choices.focus()

    def action_request_quit(self) -> None:
        self.app.post_message(QuitRequested(self.session))

    # A workshop table: what the other screens play

    def follow_table(self) -> None:
        """Show what other screens of this table played since the last look."""
        session = self.session
        if not isinstance(session, TableSession) or self.state.over:
            return
        try:
            session.beat(sorted(self.roles) or [role.id for role in self.deck.roles])
            played = session.refresh()
        except StoreError as error:
            if not self.store_lost:
                self.store_lost = True
                told = self.t("play.store_lost", reason=error.message(self.lang))
                self.notify(printable(told), severity="error", timeout=8, markup=False)
            return
        if self.store_lost:
            self.store_lost = False
            self.notify(self.t("play.store_back"), timeout=4)
        self.show_played(played)

    def show_played(self, played: Iterable[Played]) -> None:
        """Log what was played elsewhere, then show the table as it is now."""
        played = list(played)
        if not played:
            return
        log = self.query_one("#log", RichLog)
        for step in played:
            for line in log_lines(step.state, self.lang):
                log.write(line, scroll_end=False)
        log.scroll_end(animate=False, immediate=True)
        if self.state.over:
            self.app.post_message(GameOver(self.session))
            return
        self.render_state()

    # Timer

    def tick(self) -> None:
        now = self.clock()
        if isinstance(self.session, TableSession):
            self.elapsed = self.session.round_clock.elapsed(self.session.now())
        elif self.last_tick is not None and not self.state.paused:
            self.elapsed += now - self.last_tick
        self.last_tick = now
        if self.round_seconds and self.elapsed >= self.round_seconds and not self.warned:
            self.warned = True
            self.app.bell()
            self.notify(self.t("play.time_up"), severity="warning", timeout=10)
        self._render_header()

    def action_observe(self) -> None:
        """An observer's note: journaled as theirs, never a game action."""
        from scenarios.tui.screens.room import TextDialog

        if self.observer is None:
            return
        name = self.observer

        def typed(note: str | None) -> None:
            if note and self.perform(Note(note), f"{OBSERVER}:{name}"):
                self.notify(self.t("observe.kept"), timeout=3)

        self.app.push_screen(TextDialog(self.t("observe.title")), typed)

    def facilitator(self, action: Action) -> None:
        """Run a facilitator's action chosen in the command palette (journaled as theirs)."""
        self.perform(action, FACILITATOR)
