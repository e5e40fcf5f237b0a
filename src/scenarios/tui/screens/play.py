"""The play screen: phase and timer, gauges, the round's events, a dilemma or a hand, the log.

The round's events show in the order they came (scheduled, triggered, drawn):
a dilemma waiting for the table stands out where it is. In a discussion
exercise, a question shows who is asked and the answers so far; `a` answers
it, `h` opens its handout, `H` lists the handouts shown so far.

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
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from scenarios.deck import Card, Deck
from scenarios.deck import Option as DilemmaOption
from scenarios.deck.model import Handout
from scenarios.deck.times import round_seconds as planned_seconds
from scenarios.deck.wording import requirement
from scenarios.engine import (
    Action,
    Answer,
    Choose,
    Draw,
    EndRound,
    Note,
    Pass,
    Play,
    Refusal,
    State,
    available_options,
    check,
    playability,
)
from scenarios.i18n import Lang
from scenarios.journal import Session
from scenarios.journal.format import FACILITATOR, OBSERVER
from scenarios.render.printable import printable
from scenarios.rules import Expression
from scenarios.store import StoreError
from scenarios.tui.bindings import BindingSpec
from scenarios.tui.log_lines import log_lines
from scenarios.tui.messages import GameOver, PhaseEnded, QuitRequested
from scenarios.tui.palette import FacilitatorCommands
from scenarios.tui.screens.journaling import JournalingScreen
from scenarios.tui.texts import plain, said
from scenarios.tui.widgets.cards import NOTE_STYLE, CardsArea, CardView, ChoiceList
from scenarios.tui.widgets.key_bar import KeyBar
from scenarios.tui.widgets.phase_bar import PhaseBar
from scenarios.tui.widgets.question import asked, card_extra
from scenarios.tui.widgets.side_panel import GameLog, body_with_side_panel, show_gauges
from scenarios.tui.widgets.text_panel import TextPanel
from scenarios.workshop.table import Played, TableChanged, TableSession

FOLLOW_SECONDS = 0.5  # how often a workshop screen looks for what other screens played


def team_of(session: Session | TableSession, role: str) -> str:
    """The name of the team holding `role`, or the role's id if none does."""
    for team in session.header.teams:
        if role in team.roles:
            return team.name
    return role


class PlayScreen(JournalingScreen):
    """Where the table plays, round after round."""

    COMMANDS = {FacilitatorCommands}
    # The widgets that gain or lose the focus draw themselves again. Textual would draw
    # the whole screen too, in a frame of its own after the key's when the key also
    # changed the layout (the hand hidden at the end of a round).
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    # Back from a window, the keys go to the hand (never to a question only picked by Tab).
    AUTO_FOCUS = "#choices"
    # In the footer's order: when the line is too short, the last ones are left out first.
    SEAT_KEYS = frozenset({"observe"})  # an observer's only
    BINDING_SPECS: list[BindingSpec] = [
        ("d", "draw", "key.draw", True, None, False),
        ("f", "end_round", "key.end_round", True, None, False),
        ("a", "answer", "key.answer", True, None, False),
        ("a", "answer_closed", "key.answer", False, None, False),
        ("h", "handout", "key.handout", True, None, False),
        ("enter", "select_option", "key.choose", True, "keyname.enter", True),
        ("enter", "select_card", "key.play", True, "keyname.enter", True),
        ("up", "cursor(-1)", "key.other_card", True, "keyname.updown", True),
        ("down", "cursor(1)", "key.other_card", False, None, True),
        ("up", "cursor_option(-1)", "key.other_option", True, "keyname.updown", True),
        ("down", "cursor_option(1)", "key.other_option", False, None, True),
        ("escape", "focus_hand", "key.cards", True, "keyname.escape", False),
        ("escape", "focus_options", "key.options", True, "keyname.escape", False),
        ("r", "rationale", "key.rationale", True, None, False),
        ("p", "pass_turn", "key.pass", True, None, False),
        ("e", "read_events", "key.events", True, None, False),
        ("H", "handouts", "key.handouts", True, None, False),
        ("v", "read_card", "key.read", True, None, False),
        ("o", "observe", "key.observe", True, None, False),
        ("q", "request_quit", "key.quit", True, None, False),
        *[(str(n), f"pick({n})", "key.choose", False, None, False) for n in range(1, 10)],
    ]

    def __init__(
        self,
        session: Session | TableSession,
        lang: Lang,
        clock: Callable[[], float],
        minutes: int | None = 0,
        notice: str = "",
        history: Iterable[State] = (),
        elapsed: float = 0.0,
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
        # The facilitator's mirror shows the deck's notes for the facilitator; no other screen.
        self.for_facilitator = self.t("play.for_facilitator") if watching and not observer else ""
        self.store_lost = False
        self.deck: Deck = session.state.deck
        self.clock = clock
        # The length chosen for every round (0: no timer); None: each phase's in the deck.
        self.minutes = minutes
        self.notice = notice
        self.past = list(history)  # the states before the current one, logged at mount
        self.elapsed = elapsed  # seconds already played in this round (a resumed game)
        self.last_tick: float | None = None
        self.warned = False
        self.shown_turn = session.state.turn  # a new round starts its timer at 0
        self.shown_phase: int | None = None
        self.shown_events: tuple[object, ...] = ()
        self.shown_choices: tuple[object, ...] = ()
        self.shown_bindings: tuple[object, ...] = ()
        self.shown_target: tuple[object, ...] = ()

    @property
    def state(self) -> State:
        return self.session.state

    @property
    def unused_keys(self) -> frozenset[str]:
        """The keys of a discussion exercise, when the deck has no question nor handout."""
        deck = self.deck
        if deck.handouts or any(card.kind.asks for card in deck.cards):
            return frozenset()
        return frozenset({"answer", "answer_closed", "handout", "handouts"})

    @property
    def round_seconds(self) -> int:
        """This round's planned length: the current phase's in the deck, unless one was chosen."""
        return planned_seconds(self.deck, self.state.phase_index, self.minutes)

    # Layout

    def compose(self) -> ComposeResult:
        yield PhaseBar(id="phase-bar")
        yield Static(id="broadcast", markup=False)
        yield from body_with_side_panel(
            self.deck,
            self.lang,
            TextPanel(id="stage"),
            CardsArea(id="events"),
            ChoiceList(id="choices"),
            TextPanel(id="detail"),
            TextPanel(id="rationale-for"),
            Input(
                placeholder=self.t("play.rationale"), id="rationale", max_length=2000, compact=True
            ),
        )
        yield KeyBar()

    def on_mount(self) -> None:
        # Tab goes between the cards and the rationale only: the log and the events
        # are read with the mouse or in full with `e`.
        self.query_one("#log", GameLog).can_focus = False
        self.query_one("#events", VerticalScroll).can_focus = False
        self.last_tick = self.clock()
        if self.minutes != 0:
            self.set_interval(1, self.tick)
        if isinstance(self.session, TableSession):
            self.set_interval(FOLLOW_SECONDS, self.follow_table)
        self.render_state()
        self.call_after_refresh(self._fill_log)

    def _fill_log(self) -> None:
        """The log of what happened so far (written once the log knows its width)."""
        log = self.query_one("#log", GameLog)
        for state in self.past:
            for line in log_lines(state, self.lang, bool(self.for_facilitator)):
                log.write(line)
        self.past = []
        for line in log_lines(self.state, self.lang, bool(self.for_facilitator)):
            log.write(line)
        if self.notice:
            log.write(plain(self.notice, style="bold yellow"))
            self.notify(printable(self.notice), timeout=8, markup=False)

    # Rendering

    def render_state(self) -> None:
        state = self.state
        if self.shown_phase is not None and state.phase_index > self.shown_phase:
            ended = self.deck.phases[self.shown_phase].id  # every screen of a table shows it
            self.app.post_message(PhaseEnded(self.session, ended))
        self.shown_phase = state.phase_index
        self._render_header()
        show_gauges(self, state)
        if state.turn != self.shown_turn:
            self.shown_turn = state.turn
            self.elapsed = 0.0
            self.warned = False
        if isinstance(self.session, TableSession):
            self.elapsed = self.session.round_clock.elapsed(self.session.now())
        self._render_message()
        self._render_events()
        self._render_choices()
        self._refresh_footer()

    def _refresh_footer(self) -> None:
        """Tell the footer only when the available keys change: it rebuilds itself each time."""
        actions = (
            "draw",
            "end_round",
            "pass_turn",
            "select_option",
            "select_card",
            "read_events",
            "read_card",
            "rationale",
            "answer",
            "answer_closed",
            "handout",
            "handouts",
        )
        shown = tuple(self.check_action(action, ()) for action in actions)
        if shown != self.shown_bindings:
            self.shown_bindings = shown
            self.refresh_bindings()

    def _render_message(self) -> None:
        """The facilitator's message to the table, above everything, for the rest of its round."""
        message = self.session.current_message if isinstance(self.session, TableSession) else None
        banner = self.query_one("#broadcast", Static)
        banner.display = message is not None
        if message is not None:
            banner.update(Text(self.t("play.broadcast", text=printable(message))))

    def seconds_left(self) -> float:
        """Seconds left in the round: its planned length, plus what the facilitator added."""
        extra = self.session.round_clock.extra if isinstance(self.session, TableSession) else 0
        return self.round_seconds + extra - self.elapsed

    def _render_header(self) -> None:
        state = self.state
        timer = ""
        if self.round_seconds:
            remaining = max(0, int(self.seconds_left()))
            clock = f"{remaining // 60:02d}:{remaining % 60:02d}"
            timer = self.t("play.paused" if state.paused else "play.timer", time=clock)
        self.query_one(PhaseBar).show_state(state, self.lang, timer)

    def _render_events(self) -> None:
        """The round's cards in the order they came; a dilemma waiting for the table is marked
        where it is (above it, the inject that introduces it stays above)."""
        state = self.state
        events = self.query_one("#events", VerticalScroll)
        ids = [*state.revealed, *(i for i in state.pending if i not in state.revealed)]
        cards = [self.deck.card(card_id) for card_id in ids]
        pending = state.pending[0] if state.pending else None
        hidden = state.stage == "events" and not state.pending
        small = self.size.height < 32
        compact = small and state.stage != "events" and len(cards) > 1
        answers = {k: v for k, v in state.answers.items() if k[0] in ids}
        ticks = tuple(sorted(state.covered)) if self.for_facilitator else ()
        said = tuple(sorted(answers.items(), key=str))
        shown = (hidden, compact, tuple(ids), pending, said, ticks)
        if shown == self.shown_events:
            return
        self.shown_events = shown
        if hidden:
            events.display = False
            return
        events.display = True
        notes: list[Static] = []
        if not cards:
            notes.append(Static(self.t("play.no_events"), classes="muted"))
        phase = self.deck.phases[state.phase_index]
        if cards and self.for_facilitator and phase.facilitator:
            note = plain(f"{self.for_facilitator} {phase.facilitator}", style=NOTE_STYLE)
            notes.append(Static(note, classes="facilitator-note"))
        self._show_cards(events, notes, cards, compact, pending)

    def _show_cards(
        self,
        events: VerticalScroll,
        notes: list[Static],
        cards: list[Card],
        compact: bool,
        pending: str | None = None,
    ) -> None:
        """The notes, then a view of each card: the card views already there show the new
        cards in place (a round shows other cards, as many or about), so that a key's
        frame is not kept waiting for new widgets to mount."""
        old = [child for child in events.children if not isinstance(child, CardView)]
        views = [child for child in events.children if isinstance(child, CardView)]
        if old:  # a note is made again, and cards keep their place after it
            for child in old:
                child.remove()
        for note in notes:
            if views:
                events.mount(note, before=views[0])
            else:
                events.mount(note)
        answers, covered = self.state.answers, self.state.covered
        waiting: CardView | None = None
        for index, card in enumerate(cards):
            extra = card_extra(self.deck, card, answers, self.lang, self.for_facilitator, covered)
            if index < len(views):
                view = views[index]
                view.show(card, for_facilitator=self.for_facilitator, extra=extra)
            else:
                view = CardView(card, for_facilitator=self.for_facilitator, extra=extra)
                events.mount(view)
            # A question or a handout is picked with Tab, for `a` and `h`.
            view.can_focus = card.kind.asks or card.handout is not None
            view.set_class(compact and not card.kind.options and not card.kind.asks, "compact")
            view.set_class(card.id == pending, "pending")
            if card.id == pending:
                waiting = view
        for view in views[len(cards) :]:
            view.remove()
        self._mark_cards()
        if waiting is not None:
            events.call_after_refresh(events.scroll_to_widget, waiting, animate=False)

    def _render_choices(self) -> None:
        state = self.state
        stage = self.query_one("#stage", TextPanel)
        choices = self.query_one("#choices", OptionList)
        rationale = self.query_one("#rationale", Input)
        role = state.current_role
        if state.pending:
            card = self.deck.card(state.pending[0])
            stage.show(self.t("play.stage.dilemma"))
            legal = {o.id for o in available_options(state, card)}
            options = [
                self._dilemma_option(n, o, o.id in legal) for n, o in enumerate(card.options, 1)
            ]
            choices.border_title = plain(card.title)
            self._show_choosing(options)
        elif role is not None and not self.mine(role):
            role_title = self.deck.roles[self.deck.role_index[role]].title
            team = team_of(self.session, role)
            if team == role_title:
                stage.show(self.t("play.stage.other_screen_role", role=role_title))
            else:
                stage.show(self.t("play.stage.other_screen", team=team, role=role_title))
            self._show_choosing(None)
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
            choices.border_title = plain(self.t("play.hand", role=role_title))
            self._show_choosing(options)
        else:
            key = "play.stage.events" if state.stage == "events" else "play.stage.end"
            if self.watching:  # the keys it names are the table's, not this screen's
                key = "play.stage.watching"
            stage.show(self.t(key))
            self._show_choosing(None)
            rationale.value = ""
            self.set_focus(None)
        self._show_rationale_target()

    def _show_choosing(self, options: list[Option] | None) -> None:
        """The hand or the dilemma's options with their detail and rationale, or none of them.

        The highlight moves to the first possible choice only when the choices
        change, so that what another screen plays never moves it under a typing table.
        """
        shown = options is not None
        for name in ("#choices", "#detail", "#rationale-for", "#rationale"):
            self.query_one(name).display = shown
        if options is None:
            return
        choices = self.query_one("#choices", OptionList)
        if self._set_choices(options) and options:
            choices.highlighted = next((i for i, o in enumerate(options) if not o.disabled), 0)
        self._show_detail(choices.highlighted)
        picked = isinstance(self.focused, CardView)  # a question or handout picked with Tab
        typing = self.query_one("#rationale", Input).has_focus
        if not typing and not choices.has_focus and not picked:
            choices.focus()

    def _set_choices(self, options: list[Option]) -> bool:
        """Replace the options only when they changed (rebuilding the list costs a frame)."""
        shown = tuple((o.id, str(o.prompt), o.disabled) for o in options)
        if shown == self.shown_choices:
            return False
        self.shown_choices = shown
        self.query_one("#choices", OptionList).set_options(options)
        return True

    def _why_not(self, refusal: Refusal | None, requires: Expression | None) -> str:
        """Why a card or an option cannot be chosen now, in words (never the deck's code)."""
        by_condition = refusal is None or refusal.code in ("requires", "option_requires")
        if requires is not None and by_condition:
            said = requirement(requires, self.deck, self.lang)
            key = "play.why_not.while" if said.negative else "play.why_not"
            return self.t(key, condition=said.words)
        return printable(refusal.message(self.lang)) if refusal is not None else ""

    def _dilemma_option(self, number: int, option: DilemmaOption, legal: bool) -> Option:
        prompt = plain(f"{number}. {option.title}", style="" if legal else "dim")
        if not legal:
            prompt.append(f"  ({self._why_not(None, option.requires)})", style="dim italic")
        return Option(prompt, id=option.id, disabled=not legal)

    def _hand_option(self, number: int, role: str, card: Card) -> Option:
        refusal = playability(self.state, role, card.id)
        prompt = plain(f"{number}. {card.title}", style="bold" if refusal is None else "dim")
        if refusal is not None:
            prompt.append(f"  ({self._why_not(refusal, card.requires)})", style="dim italic")
        elif card.cost:
            costs = ", ".join(
                f"{self.deck.indicators[self.deck.indicator_index[i]].title} {n}"
                for i, n in card.cost
            )
            prompt.append(f"  ({self.t('play.cost', costs=costs)})", style="italic")
        return Option(prompt, id=card.id, disabled=refusal is not None)

    def _highlighted(self) -> Card | DilemmaOption | None:
        """The decision card or the dilemma's option under the highlight."""
        state = self.state
        index = self.query_one("#choices", OptionList).highlighted
        if index is None or index < 0:
            return None
        if state.pending:
            options = self.deck.card(state.pending[0]).options
            return options[index] if index < len(options) else None
        role = state.current_role
        if role is None:
            return None
        hand = state.hand(role)
        return self.deck.card(hand[index]) if index < len(hand) else None

    def _refusal(self, index: int) -> str:
        """Why the choice at `index` cannot be made now."""
        state = self.state
        if state.pending:
            option = self.deck.card(state.pending[0]).options[index]
            return self._why_not(None, option.requires)
        role = state.current_role
        assert role is not None
        card = self.deck.card(state.hand(role)[index])
        return self._why_not(playability(state, role, card.id), card.requires)

    def _show_detail(self, index: int | None) -> None:
        """The highlighted card's or option's text, cut to the panel with a pointer to `v`."""
        detail = self.query_one("#detail", TextPanel)
        state = self.state
        chosen = self._highlighted() if index is not None else None
        if chosen is None:
            role = state.current_role
            empty = not state.pending and role is not None and not state.hand(role)
            detail.show(self.t("play.empty_hand") if empty else "")
            return
        body = Text()
        if isinstance(chosen, Card):
            body.append(printable(chosen.title), style="bold")
            if chosen.text:
                body.append("\n" + printable(chosen.text))
        else:
            body.append(printable(chosen.text or chosen.title))
        if self.for_facilitator and chosen.facilitator:
            body.append(f"\n{self.for_facilitator} {printable(chosen.facilitator)}", NOTE_STYLE)
        # Hidden so far, the panel has no width yet: it will have the width of the column
        # (wrapped now to the width it will have, the text is not wrapped again once shown).
        column = self.query_one("#main").size.width - detail.styles.padding.width
        width = max(10, (detail.size.width or column) - 2)
        lines = body.wrap(self.app.console, width)
        height = 4
        if len(lines) > height:
            kept = Text("\n").join(lines[: height - 1])
            kept.append("\n" + self.t("play.read_more"), style="italic")
            body = kept
        detail.show(body)

    def _show_rationale_target(self) -> None:
        """Say which card or option the rationale goes with; the footer says what Enter does."""
        rationale = self.query_one("#rationale", Input)
        chosen = self._highlighted()
        if not rationale.display:
            label = ""
        elif isinstance(chosen, DilemmaOption):
            label = self.t("play.why.option", option=chosen.title)
        elif isinstance(chosen, Card) and not self._disabled():
            label = self.t("play.why.card", card=chosen.title)
        else:
            label = self.t("play.why.pass")
        self.query_one("#rationale-for", TextPanel).show(label)
        shown = (label, rationale.has_focus, bool(rationale.value.strip()))
        if shown != self.shown_target:
            self.shown_target = shown
            self.refresh_bindings()

    def _disabled(self) -> bool:
        """Whether nothing can be chosen under the highlight."""
        choices = self.query_one("#choices", OptionList)
        index = choices.highlighted
        return (
            index is None
            or not 0 <= index < choices.option_count
            or bool(choices.get_option_at_index(index).disabled)
        )

    def key_description(self, action: str, description: str) -> str:
        """The footer's words for `action`: Enter names the card it plays once reasons are
        typed; an observer's palette holds no facilitator's command, so it is not named so."""
        if action == "command_palette" and self.observer is not None:
            return self.t("key.palette_observer")
        if action not in ("select_card", "select_option"):
            return description
        chosen = self._highlighted()
        if action == "select_card" and (chosen is None or self._disabled()):
            return self.t("key.pass")
        if chosen is None or not self._typing():
            return description
        title = chosen.title if len(chosen.title) <= 16 else chosen.title[:15].rstrip() + "…"
        key = "key.play_card" if action == "select_card" else "key.choose_option"
        return self.t(key, card=title)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail(event.option_index)
        self._show_rationale_target()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._act_on_option(event.option_index)

    def on_input_changed(self, _: Input.Changed) -> None:
        self._show_rationale_target()

    def on_descendant_focus(self) -> None:
        self._show_rationale_target()
        self._mark_cards()

    def on_descendant_blur(self) -> None:
        self._mark_cards()

    def _mark_cards(self) -> None:
        """Under each card, what waits on it: the dilemma to decide, the question `a` answers."""
        state = self.state
        pending = state.pending[0] if state.pending else None
        question = self._question() if not self.watching else None
        for view in self.query_one("#events", VerticalScroll).query(CardView):
            if view.card.id == pending:
                view.mark(self.t("play.to_decide"))
            elif question is not None and view.card.id == question.id:
                view.mark(self.t("play.answer_here"))
            else:
                view.mark("")

    # Actions

    def mine(self, role: str | None) -> bool:
        """Whether `role` plays from this screen (every role does, unless told otherwise)."""
        if self.watching:
            return False
        return role is not None and (not self.roles or role in self.roles)

    def table_changed(self, changed: TableChanged) -> None:
        self.show_played(changed.played)

    def perform(self, action: Action, by: str | None = None) -> bool:
        """Journal `action` through the session, then show its effect."""
        state = self.journaled(self.session, action, by)
        if state is None:
            return False
        log = self.query_one("#log", GameLog)
        for line in log_lines(state, self.lang, bool(self.for_facilitator)):
            log.write(line, scroll_end=False)
        log.show_end()
        if state.over:
            self.app.post_message(GameOver(self.session))
            return True
        self.render_state()
        return True

    def _act_on_option(self, index: int | None) -> None:
        state = self.state
        if index is None or self.watching:
            return
        rationale = self.query_one("#rationale", Input)
        reasons = rationale.value.strip()
        if state.pending:
            card = self.deck.card(state.pending[0])
            if 0 <= index < len(card.options):
                done = self.perform(Choose(card.id, card.options[index].id, reasons))
                if done:
                    rationale.value = ""
                    self.action_focus_hand()
            return
        role = state.current_role
        if role is None or not self.mine(role):
            return
        hand = state.hand(role)
        if 0 <= index < len(hand) and self.perform(Play(role, hand[index], reasons)):
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
        if action == "pass_turn":
            return not state.pending and self.mine(state.current_role)
        if action == "rationale":
            choosing = bool(state.pending) or self.mine(state.current_role)
            return choosing and not self._typing()
        if action in ("cursor", "focus_hand"):  # a hand's cards; a dilemma's options below
            return self._typing() and not state.pending
        if action in ("cursor_option", "focus_options"):
            return self._typing() and bool(state.pending)
        if action == "select_option":
            return bool(state.pending)
        if action == "select_card":
            return not state.pending and self.mine(state.current_role)
        if action == "read_events":
            return bool(state.revealed) or bool(state.pending)
        if action == "read_card":
            return self._highlighted() is not None and not self._typing()
        if action == "answer":
            return not self.watching and self._question() is not None
        if action == "answer_closed":
            closed = self._question() is None and self._last_question() is not None
            return not self.watching and closed
        if action == "handout":
            return self._handout_card() is not None
        if action == "handouts":
            return bool(self._shown_handouts())
        return True

    def _typing(self) -> bool:
        """Whether the rationale field has the keys."""
        rationale = self.query_one("#rationale", Input)
        return rationale.display and rationale.has_focus

    def action_draw(self) -> None:
        self.perform(Draw())

    def action_end_round(self) -> None:
        self.perform(EndRound())

    def action_select_option(self) -> None:
        self._act_on_option(self.query_one("#choices", OptionList).highlighted)

    def action_select_card(self) -> None:
        """Enter plays the highlighted card; with none playable, it passes (the footer says so)."""
        choices = self.query_one("#choices", OptionList)
        if not self._disabled():
            self._act_on_option(choices.highlighted)
        elif any(not o.disabled for o in choices.options):
            self._refuse(choices.highlighted)
        else:
            self.action_pass_turn()

    def action_cursor(self, step: int) -> None:
        """↑↓ in the rationale field: the reasons go with another card."""
        choices = self.query_one("#choices", OptionList)
        if step < 0:
            choices.action_cursor_up()
        else:
            choices.action_cursor_down()

    def _refuse(self, index: int | None) -> None:
        """Say why the choice at `index` cannot be made, instead of doing nothing."""
        if index is None:
            return
        choices = self.query_one("#choices", OptionList)
        title = str(choices.get_option_at_index(index).prompt).split("  (")[0]
        told = self.t("play.refused", choice=title, reason=self._refusal(index))
        self.notify(printable(told), severity="warning", timeout=6, markup=False)

    def action_read_events(self) -> None:
        from scenarios.tui.screens.dialogs import CardsDialog

        state = self.state
        cards = [self.deck.card(i) for i in dict.fromkeys([*state.revealed, *state.pending])]
        self.app.push_screen(
            CardsDialog(
                self.t("play.events"),
                cards,
                self.t("play.close_cards", key="e"),
                close="e",
                with_options=set(state.pending),
                for_facilitator=self.for_facilitator,
                extras=self._extras(cards),
            )
        )

    def _extras(self, cards: Iterable[Card]) -> dict[str, Text]:
        """What the views of `cards` show under their texts (a question's answers so far)."""
        extras = {}
        for card in cards:
            state = self.state
            extra = card_extra(
                self.deck, card, state.answers, self.lang, self.for_facilitator, state.covered
            )
            if extra is not None:
                extras[card.id] = extra
        return extras

    def action_read_card(self) -> None:
        """The highlighted decision, or the dilemma with all its options, in full."""
        from scenarios.tui.screens.dialogs import CardsDialog

        chosen = self._highlighted()
        if chosen is None:
            return
        state = self.state
        card = self.deck.card(state.pending[0]) if state.pending else chosen
        assert isinstance(card, Card)
        self.app.push_screen(
            CardsDialog(
                self.t("play.card"),
                [card],
                self.t("play.close_cards", key="v"),
                close="v",
                with_options={card.id} if state.pending else set(),
                for_facilitator=self.for_facilitator,
                extras=self._extras([card]),
            )
        )

    # A discussion exercise: questions answered in words, handouts

    def _picked(self) -> Card | None:
        """The card of the round picked with Tab in the events, if any."""
        focused = self.focused
        if isinstance(focused, CardView) and focused.card.id in self.state.revealed:
            return focused.card
        return None

    def _question(self) -> Card | None:
        """The question `a` answers: the one picked, else the round's first one still without
        every answer this screen can give, else its first one (None: none this round)."""
        picked = self._picked()
        if picked is not None and picked.kind.asks:
            return picked
        state = self.state
        questions = [self.deck.card(i) for i in state.revealed if self.deck.card(i).kind.asks]
        waiting = [
            q for q in questions if any((q.id, r) not in state.answers for r in self._answering(q))
        ]
        return next(iter(waiting or questions), None)

    def _last_question(self) -> Card | None:
        """The question that came up last this game (to say why it can no longer be answered)."""
        last_turn = self.state.history.last_turn
        asked_before = [c for c in self.deck.cards if c.kind.asks and c.id in last_turn]
        return max(asked_before, key=lambda c: last_turn[c.id], default=None)

    def _answering(self, card: Card) -> list[str | None]:
        """Who answers `card` from this screen: the roles it asks that this screen plays (every
        one, unless told otherwise), or the table."""
        return [r for r in asked(card) if r is None or not self.roles or r in self.roles]

    def action_answer(self) -> None:
        """The question's answers in a window, one per role asked (or the table's); those that
        changed are journaled, one `Answer` each."""
        from scenarios.tui.screens.discussion import AnswerScreen, Typed

        card = self._question()
        if card is None or self.watching:
            return
        roles = self._answering(card)
        if not roles:  # a seat that plays none of the roles asked: the engine says who is
            self._refuse_answer(card, next(iter(sorted(self.roles)), None))
            return

        def typed(changed: Typed | None) -> None:
            for role, value in changed or ():
                if not self.perform(Answer(card.id, value, role)):
                    return
            if changed:
                self.notify(self.t("answer.saved", count=len(changed)), timeout=3)
                self._show_card(card.id)

        state = self.state
        self.app.push_screen(AnswerScreen(self.deck, card, roles, state.answers, self.lang), typed)

    def action_answer_closed(self) -> None:
        """`a` once the round of the last question is over: the engine's reason."""
        card = self._last_question()
        if card is not None:
            roles = self._answering(card) or [None]
            self._refuse_answer(card, roles[0])

    def _refuse_answer(self, card: Card, role: str | None) -> None:
        refusal = check(self.state, Answer(card.id, "", role))
        if refusal is not None:
            self.notify(said(refusal, self.lang), severity="warning", timeout=6, markup=False)

    def _show_card(self, card_id: str) -> None:
        """Bring the view of `card_id` into the events area (its answers are below its text)."""
        events = self.query_one("#events", VerticalScroll)
        for view in events.query(CardView):
            if view.card.id == card_id:
                events.call_after_refresh(events.scroll_to_widget, view, animate=False)

    def _handout_card(self) -> Card | None:
        """The card whose handout `h` opens: the one picked, else the round's first with one."""
        picked = self._picked()
        if picked is not None and picked.handout in self.deck.handout_index:
            return picked
        for card_id in self.state.revealed:
            card = self.deck.card(card_id)
            if card.handout in self.deck.handout_index:
                return card
        return None

    def _shown_handouts(self) -> list[Handout]:
        """The handouts of the cards that came up so far this game, in the order they came."""
        last_turn = self.state.history.last_turn
        came = sorted(
            (c for c in self.deck.cards if c.handout and c.id in last_turn),
            key=lambda c: last_turn[c.id],
        )
        index = self.deck.handout_index
        ids = dict.fromkeys(c.handout for c in came if c.handout in index)
        return [index[i] for i in ids if i is not None]

    def action_handout(self) -> None:
        from scenarios.tui.screens.discussion import HandoutScreen

        card = self._handout_card()
        if card is not None and card.handout is not None:
            self.app.push_screen(HandoutScreen(self.deck.handout_index[card.handout], self.lang))

    def action_handouts(self) -> None:
        from scenarios.tui.screens.discussion import HandoutsDialog

        self.app.push_screen(HandoutsDialog(self._shown_handouts(), self.lang))

    def action_pick(self, number: int) -> None:
        """A digit chooses; a card or option that cannot be chosen says why.

        With reasons already typed for another card, the digit only moves them
        to this card: Enter then plays it, as the footer says."""
        choices = self.query_one("#choices", OptionList)
        if not choices.display or not 0 < number <= choices.option_count:
            return
        index = number - 1
        if choices.get_option_at_index(index).disabled:
            self._refuse(index)
            return
        reasons = self.query_one("#rationale", Input).value.strip()
        if reasons and choices.highlighted != index:
            choices.highlighted = index
            return
        self._act_on_option(index)

    def action_pass_turn(self) -> None:
        role = self.state.current_role
        if role is None or not self.mine(role):
            return
        rationale = self.query_one("#rationale", Input)
        if self.perform(Pass(role, rationale.value.strip())):
            rationale.value = ""
            self.action_focus_hand()

    def action_rationale(self) -> None:
        rationale = self.query_one("#rationale", Input)
        if rationale.display:
            rationale.focus()

    def action_focus_hand(self) -> None:
        choices = self.query_one("#choices", OptionList)
        if choices.display and not choices.has_focus:
            choices.focus()

    def action_cursor_option(self, step: int) -> None:
        """↑↓ in the rationale field at a dilemma: the reasons go with another option."""
        self.action_cursor(step)

    def action_focus_options(self) -> None:
        self.action_focus_hand()

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
        log = self.query_one("#log", GameLog)
        for step in played:
            for line in log_lines(step.state, self.lang, bool(self.for_facilitator)):
                log.write(line, scroll_end=False)
            if step.entry.action.get("type") == "broadcast":
                self.app.bell()  # the facilitator speaks to the table: heads up
        log.show_end()
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
        left = self.seconds_left()
        if self.warned and left > 0:
            self.warned = False  # the facilitator gave the round more time: warn again at its end
        if self.round_seconds and left <= 0 and not self.warned:
            self.warned = True
            self.app.bell()
            self.notify(self.t("play.time_up"), severity="warning", timeout=10)
        self._render_header()

    def action_observe(self) -> None:
        """An observer's note: journaled as theirs, never a game action."""
        from scenarios.tui.screens.dialogs import Observation, observation_dialog

        if self.observer is None:
            return
        name = self.observer

        def typed(note: Observation | None) -> None:
            if note and self.perform(Note(note.text, note.tags), f"{OBSERVER}:{name}"):
                self.notify(self.t("observe.kept"), timeout=3)

        dialog = observation_dialog(self.lang, self.t("observe.title"), self.deck)
        self.app.push_screen(dialog, typed)

    def facilitator(self, action: Action) -> None:
        """Run a facilitator's action chosen in the command palette (journaled as theirs)."""
        self.perform(action, FACILITATOR)
