"""A deck's lessons checked on simulated games: does its scoring teach what it means to?

Each lesson (`deck.model.Lesson`) is a claim about games: an option or
decision does better than another, or wins beyond noise (measured as the
balance report measures a card's effect, `stats.effect_size`), an ending can
be reached, no role sits idle. For each of its policies it is held, failed,
or unmeasured when too few games bear on it (fewer than `MIN_SAMPLE` on a
side: a claim no game can show is no lesson either). `validate --strict`
reports the failed and unmeasured ones as errors at the lesson's line; the
balance report lists them all.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Literal

import attrs

from scenarios.deck import Deck, Diagnostic, Position
from scenarios.deck.model import Lesson
from scenarios.i18n import Lang, Texts, decimal
from scenarios.sim.runner import GameResult
from scenarios.sim.stats import MIN_SAMPLE, effect_size

GAMES = 400  # per policy, for `validate --strict`: enough for a mean within a few tenths
TEXTS = Texts("balance")

Status = Literal["held", "failed", "unmeasured", "not_played"]
Figure = int | float | str


@attrs.frozen
class LessonCheck:
    """One lesson (its place in `deck.lessons`) under one policy, and what the games showed.

    `figures` are named numbers (and the idlest role's id), those the sentence
    gives: `a_mean`, `a_games`, `b_mean`, `b_games` for better; `difference`,
    `size`, `noise`, `with_games`, `without_games` for winning; `reached`,
    `share` for reachable; `idle`, `share`, `role` for role_idle.
    """

    index: int
    kind: str
    policy: str
    status: Status
    games: int
    figures: tuple[tuple[str, Figure], ...] = ()

    @property
    def held(self) -> bool:
        return self.status == "held"

    def figure(self, name: str) -> Figure:
        return dict(self.figures)[name]


def policies_needed(deck: Deck) -> tuple[str, ...]:
    """Every policy some lesson is checked with, in the order they first appear."""
    if deck.discussion:
        return ()
    return tuple(dict.fromkeys(p for lesson in deck.lessons for p in lesson.policies))


def check_lessons(deck: Deck, runs: Mapping[str, Sequence[GameResult]]) -> tuple[LessonCheck, ...]:
    """Every lesson under each of its policies, on the games of `runs` (none in a discussion
    exercise, which has no score nor outcome to measure)."""
    if deck.discussion:
        return ()
    checks = []
    for index, lesson in enumerate(deck.lessons):
        for policy in lesson.policies:
            results = runs.get(policy)
            if results is None:
                checks.append(LessonCheck(index, lesson.kind, policy, "not_played", 0))
            else:
                checks.append(_check(deck, index, lesson, policy, results))
    return tuple(checks)


def _check(
    deck: Deck, index: int, lesson: Lesson, policy: str, results: Sequence[GameResult]
) -> LessonCheck:
    games = len(results)

    def made(status: Status, **figures: Figure) -> LessonCheck:
        return LessonCheck(index, lesson.kind, policy, status, games, tuple(figures.items()))

    if lesson.better is not None and lesson.than is not None:
        a = [r.score for r in results if _happened(lesson.better)(r)]
        b = [r.score for r in results if _happened(lesson.than)(r)]
        if min(len(a), len(b)) < MIN_SAMPLE:
            return made("unmeasured", a_games=len(a), b_games=len(b))
        a_mean, b_mean = statistics.fmean(a), statistics.fmean(b)
        return made(
            "held" if a_mean > b_mean else "failed",
            a_mean=round(a_mean, 3),
            a_games=len(a),
            b_mean=round(b_mean, 3),
            b_games=len(b),
        )
    if lesson.winning is not None:
        happened = _happened(lesson.winning)
        could = _could(lesson.winning)
        yes = [r.score for r in results if happened(r)]
        no = [r.score for r in results if could(r) and not happened(r)]
        if min(len(yes), len(no)) < MIN_SAMPLE:
            return made("unmeasured", with_games=len(yes), without_games=len(no))
        difference, size, noise = effect_size(yes, no)
        return made(
            "held" if size > noise else "failed",
            difference=round(difference, 3),
            size=round(size, 3),
            noise=round(noise, 3),
            with_games=len(yes),
            without_games=len(no),
        )
    if games < MIN_SAMPLE:
        return made("unmeasured")
    if lesson.reachable is not None:
        reached = sum(1 for r in results if r.ending == lesson.reachable)
        share = reached / games
        return made("held" if share >= lesson.min else "failed", reached=reached, share=share)
    rounds = lesson.role_idle or 0
    idle = [r for r in results if any(streak >= rounds for streak in r.idle)]
    share = len(idle) / games
    by_role = Counter(
        deck.roles[i].id for r in idle for i, streak in enumerate(r.idle) if streak >= rounds
    )
    role = by_role.most_common(1)[0][0] if by_role else ""
    return made("held" if share <= lesson.max else "failed", idle=len(idle), share=share, role=role)


def _happened(subject: str) -> Callable[[GameResult], bool]:
    """Whether a game played the decision, or chose the option (`card/option`)."""
    card, _, option = subject.partition("/")
    if option:
        return lambda result: (card, option) in result.choices
    return lambda result: card in result.played


def _could(subject: str) -> Callable[[GameResult], bool]:
    """The games a subject is weighed against: for a decision every game (as the balance
    report does), for an option the games its dilemma came up in."""
    card, _, option = subject.partition("/")
    if option:
        return lambda result: card in result.fired
    return lambda result: True


# Words ---------------------------------------------------------------------------


def _percent(share: float, lang: Lang) -> str:
    return f"{decimal(round(100 * share, 1), lang)} %"


def _mean(value: Figure, lang: Lang) -> str:
    """A mean score with one decimal, kept when zero (« 16,0 contre 16,4 »)."""
    text = f"{float(value):.1f}"
    return text.replace(".", ",") if lang == "fr" else text


def claim(lesson: Lesson, policy: str, lang: Lang) -> str:
    """What the lesson says, for one policy."""
    if lesson.better is not None:
        return TEXTS(lang, "lesson.claim.better", a=lesson.better, b=lesson.than, policy=policy)
    if lesson.winning is not None:
        return TEXTS(lang, "lesson.claim.winning", a=lesson.winning, policy=policy)
    if lesson.reachable is not None:
        return TEXTS(
            lang,
            "lesson.claim.reachable",
            ending=lesson.reachable,
            min=_percent(lesson.min, lang),
            policy=policy,
        )
    return TEXTS(
        lang,
        "lesson.claim.role_idle",
        count=lesson.role_idle or 0,
        max=_percent(lesson.max, lang),
        policy=policy,
    )


def measured(lesson: Lesson, check: LessonCheck, lang: Lang, titles: Mapping[str, str]) -> str:
    """What the games showed, in words."""
    f = dict(check.figures)
    if check.status == "not_played":
        return TEXTS(lang, "lesson.policy_absent", policy=check.policy)
    needed = MIN_SAMPLE
    if check.kind == "better":
        params: dict[str, object] = {"a": lesson.better, "b": lesson.than, "needed": needed}
        params.update(f)
        if check.status == "unmeasured":
            return TEXTS.format(lang, "lesson.unmeasured.better", params, check.games)
        params.update(a_mean=_mean(f["a_mean"], lang), b_mean=_mean(f["b_mean"], lang))
        return TEXTS.format(lang, "lesson.measured.better", params, check.games)
    if check.kind == "winning":
        if check.status == "unmeasured":
            return TEXTS.format(
                lang, "lesson.unmeasured.winning", {"needed": needed, **f}, check.games
            )
        return TEXTS(
            lang,
            "lesson.measured.winning",
            count=check.games,
            difference=_signed(float(f["difference"]), lang),
            size=_signed(float(f["size"]), lang),
            noise=decimal(float(f["noise"]), lang),
            with_games=f["with_games"],
        )
    if check.status == "unmeasured":
        return TEXTS(lang, "lesson.unmeasured.games", count=check.games, needed=needed)
    share = _percent(float(f["share"]), lang)
    if check.kind == "reachable":
        return TEXTS(
            lang, "lesson.measured.reachable", count=check.games, share=share, reached=f["reached"]
        )
    if not f["idle"]:
        return TEXTS(lang, "lesson.measured.role_idle_none", count=check.games)
    role = titles.get(str(f["role"]), str(f["role"]))
    return TEXTS(
        lang, "lesson.measured.role_idle", count=check.games, share=share, idle=f["idle"], role=role
    )


def _signed(value: float, lang: Lang) -> str:
    text = decimal(abs(round(value, 2)), lang)
    return f"+{text}" if value > 0 else f"−{text}" if value < 0 else "0"


def sentence(deck: Deck, check: LessonCheck, lang: Lang) -> str:
    """« leçon non tenue : <what it says> ; mesuré : <figures> » (or tenue, non vérifiée)."""
    lesson = deck.lessons[check.index]
    titles = {role.id: role.title for role in deck.roles}
    return TEXTS(
        lang,
        f"lesson.{check.status}",
        claim=claim(lesson, check.policy, lang),
        measured=measured(lesson, check, lang, titles),
    )


@attrs.frozen
class LessonProblem:
    """A lesson the games do not bear out, said in any language (a diagnostic's cause)."""

    deck: Deck = attrs.field(eq=False)
    check: LessonCheck

    def message(self, lang: Lang = "fr") -> str:
        return sentence(self.deck, self.check, lang)


def lesson_diagnostics(deck: Deck, checks: Sequence[LessonCheck]) -> list[Diagnostic]:
    """An error at the lesson's line for each check that did not hold."""
    found = []
    for check in checks:
        if check.held:
            continue
        where = deck.lessons[check.index].where
        at = where.at() if where is not None else Position("?")
        found.append(Diagnostic(f"lesson.{check.status}", at, cause=LessonProblem(deck, check)))
    return found
