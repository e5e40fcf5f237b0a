"""Invariants of play, checked by hypothesis over random sessions with their journals.

A state machine plays random legal actions, undoes, injects, notes, pauses,
tries illegal actions and resumes from the journal at any point. After every
step: indicators are within bounds, and replaying the journal from the deck it
carries gives exactly the live state.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from scenarios.deck import Deck, load_deck, resolve_deck
from scenarios.engine import (
    Choose,
    Draw,
    EndRound,
    IllegalAction,
    Inject,
    Note,
    Pass,
    Pause,
    Play,
    Resume,
    Undo,
    check,
    legal_actions,
)
from scenarios.journal import Session, read_journal, replay
from tests.conftest import CRUE


class PlaySession(RuleBasedStateMachine):
    deck: Deck

    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        self.path = Path(self.folder.name) / "partie.jsonl"
        self.session = Session.start(self.deck, 1234, self.path, fsync=False)

    def teardown(self) -> None:
        self.session.close()
        self.folder.cleanup()

    @property
    def state(self):  # type: ignore[no-untyped-def]
        return self.session.state

    @precondition(lambda self: not self.state.over)
    @rule(pick=st.integers(min_value=0))
    def play_a_legal_action(self, pick: int) -> None:
        actions = legal_actions(self.state)
        self.session.apply(actions[pick % len(actions)])

    @precondition(lambda self: self.state.undo is not None)
    @rule()
    def undo(self) -> None:
        self.session.apply(Undo())

    @precondition(lambda self: not self.state.over)
    @rule(pick=st.integers(min_value=0), role=st.integers(min_value=0))
    def inject(self, pick: int, role: int) -> None:
        card = self.deck.cards[pick % len(self.deck.cards)]
        roles = card.roles or tuple(r.id for r in self.deck.roles)
        target = roles[role % len(roles)] if card.type == "decision" else None
        self.session.apply(Inject(card.id, target))

    @rule(text=st.text(min_size=1, max_size=40))
    def note(self, text: str) -> None:
        self.session.apply(Note(text))

    @rule()
    def pause_or_resume(self) -> None:
        self.session.apply(Resume() if self.state.paused else Pause())

    @rule(pick=st.integers(min_value=0), kind=st.integers(0, 4))
    def illegal_actions_change_nothing(self, pick: int, kind: int) -> None:
        card = self.deck.cards[pick % len(self.deck.cards)]
        role = self.deck.roles[pick % len(self.deck.roles)].id
        action = [Draw(), EndRound(), Play(role, card.id), Pass(role), Choose(card.id, "x")][kind]
        if check(self.state, action) is None:
            return
        before = self.state.hash()
        seq = self.session.seq
        try:
            self.session.apply(action)
        except IllegalAction:
            pass
        else:
            raise AssertionError(f"{action} should have been refused")
        assert self.state.hash() == before
        assert self.session.seq == seq

    @rule()
    def resume_from_the_journal(self) -> None:
        live = self.state.hash()
        self.session.close()
        self.session, report = Session.resume(self.path, fsync=False)
        assert report.damage is None
        assert self.state.hash() == live

    @invariant()
    def indicators_stay_within_bounds(self) -> None:
        for indicator, value in zip(self.deck.indicators, self.state.indicators, strict=True):
            assert indicator.min <= value <= indicator.max

    @invariant()
    def the_legal_moves_are_the_plays_the_rules_accept(self) -> None:
        """`legal_actions` offers exactly the cards `check` lets the current role play."""
        role = self.state.current_role
        if role is None:
            return
        offered = {a.card for a in legal_actions(self.state) if isinstance(a, Play)}
        accepted = {
            card.id for card in self.deck.cards if check(self.state, Play(role, card.id)) is None
        }
        assert offered == accepted

    @invariant()
    def replaying_the_journal_gives_the_live_state(self) -> None:
        content = read_journal(self.path)
        assert content.damage is None
        replayed = replay(content)
        assert replayed.divergence is None
        assert replayed.final.hash() == self.state.hash()


SETTINGS = settings(
    max_examples=25,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@SETTINGS
class CrueSession(PlaySession):
    deck = load_deck(CRUE)


@SETTINGS
class DefaultDeckSession(PlaySession):
    deck = load_deck(resolve_deck(None))


TestPlayOnTheTestDeck = CrueSession.TestCase
TestPlayOnTheDefaultDeck = pytest.mark.slow(DefaultDeckSession.TestCase)
