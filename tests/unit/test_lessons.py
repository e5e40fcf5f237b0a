"""A deck's `lessons:` as an author writes them: checked at load, then by simulated games.

`validate --strict` fails on a lesson the games contradict, at the lesson's line and
with the measured figures; `simulate --report` lists every lesson, held or not.
"""

from __future__ import annotations

import json
import re
import statistics
from collections.abc import Callable
from pathlib import Path

import pytest

from scenarios.deck import DeckError, bundled_decks, load_deck, load_deck_text
from scenarios.deck.format import POLICIES
from scenarios.deck.lint import lint
from scenarios.sim import BUILTIN_POLICIES, simulate
from scenarios.sim.runner import longest_run
from tests.conftest import CliResult

# Closing the schools and evacuating raise safety; waiting and reopening lower it. The
# ARS's report costs the only « moyens » it has: once played, the ARS can do nothing more.
DECK = """\
format: 1
id: lecons
title: "Leçons"
phases:
  - {id: crise, title: "Crise", rounds: 4, events_per_round: 1}
roles:
  - {id: mairie, title: "Mairie", hand_size: 3}
  - {id: ars, title: "ARS", hand_size: 2}
indicators:
  - {id: securite, title: "Sécurité", start: 5, max: 30}
  - {id: moyens, title: "Moyens", start: 1, max: 5}
cards:
  - id: ecoles
    type: dilemma
    title: "Les écoles"
    weight: 3
    options:
      - {id: fermer, title: "Fermer", effects: {securite: 3}}
      - {id: rouvrir, title: "Rouvrir", effects: {securite: -3}}
  - {id: pluie, type: event, title: "Pluie", effects: {securite: -1}}
  - {id: evacuer, type: decision, title: "Évacuer", roles: [mairie], effects: {securite: 4}}
  - {id: attendre, type: decision, title: "Attendre", roles: [mairie], effects: {securite: -2}}
  - {id: rapport, type: decision, title: "Rapport", roles: [ars], COST, effects: {securite: 1}}
endings:
  - {id: victoire, title: "Victoire", outcome: victory, when: "securite >= 14"}
lessons:
"""
SCARCE = DECK.replace("COST", "cost: {moyens: 1}")
# The ARS's report pays for itself: it can always report.
FREE = DECK.replace("COST", "once: false, cost: {moyens: 1}").replace(
    "effects: {securite: 1}}", "effects: {securite: 1, moyens: 1}}"
)
LESSON_LINE = DECK.splitlines().index("lessons:") + 2  # the first lesson's line


def plain(text: str) -> str:
    """Messages with French typography's no-break spaces as plain spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def with_lessons(*lessons: str, deck: str = SCARCE) -> str:
    return deck + "".join(f"  - {lesson}\n" for lesson in lessons)


def mean_score(results: list, happened: Callable[[object], bool]) -> str:
    """A mean score as the message writes it (one decimal, a French comma)."""
    return f"{statistics.fmean(r.score for r in results if happened(r)):.1f}".replace(".", ",")


# Loading ---------------------------------------------------------------------------


def test_lessons_load_with_options_named_alone_or_with_their_dilemma() -> None:
    deck = load_deck_text(
        with_lessons(
            "{better: fermer, than: ecoles/rouvrir, policy: [random, greedy]}",
            "{winning: evacuer}",
            "{reachable: victoire}",
            "{role_idle: 2, max: 0.2, policy: cautious}",
        )
    )
    better, winning, reachable, idle = deck.lessons
    assert (better.kind, better.better, better.than) == (
        "better",
        "ecoles/fermer",
        "ecoles/rouvrir",
    )
    assert better.policies == ("random", "greedy")
    assert (winning.kind, winning.winning, winning.policies) == ("winning", "evacuer", ("random",))
    assert (reachable.reachable, reachable.min, reachable.policies) == (
        "victoire",
        0.05,
        ("greedy",),
    )
    assert (idle.role_idle, idle.max, idle.policies) == (2, 0.2, ("cautious",))


def test_lessons_change_no_game_hash() -> None:
    """A lesson says what games should show: adding one changes none of them."""
    plain = load_deck_text(SCARCE.replace("lessons:\n", ""))
    taught = load_deck_text(with_lessons("{winning: evacuer}"))
    assert taught.lessons and not plain.lessons
    assert plain.content_sha256 == taught.content_sha256


@pytest.mark.parametrize(
    ("lesson", "column", "words"),
    [
        ("{winning: evacuez}", 15, "« evacuez » introuvable"),
        ("{winning: ecoles}", 15, "la carte « ecoles » est de type dilemme"),
        ("{better: fermer, than: fermer}", 28, "comparé à lui-même"),
        ("{better: evacuer}", 5, "« than » manquante dans la leçon"),
        ("{better: evacuer, than: attendre, min: 0.5}", 39, "« min » ne va pas avec « better »"),
        ("{winning: evacuer, reachable: victoire}", 5, "une seule des clés"),
        ("{reachable: victory}", 17, "« victory » introuvable"),
        ("{winning: evacuer, policy: smart}", 32, "smart"),
        ("{role_idle: 0}", 17, "0"),
    ],
)
def test_a_wrong_lesson_is_a_load_error_at_its_place(lesson: str, column: int, words: str) -> None:
    with pytest.raises(DeckError) as raised:
        load_deck_text(with_lessons(lesson), "deck.yaml")
    (diagnostic,) = raised.value.diagnostics
    assert (diagnostic.position.line, diagnostic.position.col) == (LESSON_LINE, column)
    assert words in plain(diagnostic.message("fr"))


def test_an_unknown_subject_gets_a_suggestion() -> None:
    with pytest.raises(DeckError) as raised:
        load_deck_text(with_lessons("{winning: evacuez}"))
    assert "evacuer" in plain(raised.value.format("fr"))


def test_an_option_id_several_dilemmas_share_must_name_its_dilemma() -> None:
    twice = SCARCE.replace(
        "  - {id: pluie,",
        '  - id: cantines\n    type: dilemma\n    title: "Les cantines"\n    options:\n'
        '      - {id: fermer, title: "Fermer"}\n      - {id: ouvrir, title: "Ouvrir"}\n'
        "  - {id: pluie,",
    )
    with pytest.raises(DeckError) as raised:
        load_deck_text(with_lessons("{winning: fermer}", deck=twice))
    message = plain(raised.value.format("fr"))
    assert "plusieurs dilemmes ont une option « fermer »" in message
    assert "cantines/fermer" in message and "ecoles/fermer" in message
    assert load_deck_text(with_lessons("{winning: cantines/fermer}", deck=twice)).lessons


def test_lessons_in_a_discussion_exercise_are_a_warning() -> None:
    text = with_lessons("{winning: evacuer}").replace(
        "format: 1\n", "format: 1\nstyle: discussion\n"
    )
    found = [
        d for d in lint(load_deck_text(text, "deck.yaml")) if d.code == "lint.discussion_lessons"
    ]
    assert len(found) == 1
    assert found[0].position.line == LESSON_LINE - 1 + 1  # the `lessons` key (one line added)


def test_the_policies_a_deck_may_name_are_the_built_in_ones() -> None:
    assert set(POLICIES) == set(BUILTIN_POLICIES)


def test_the_schema_describes_lessons(cli: Callable[..., CliResult]) -> None:
    code, out, _ = cli("schema")
    lesson = json.loads(out)["properties"]["lessons"]["items"]
    assert code == 0
    assert set(lesson["properties"]) == {
        "better",
        "than",
        "winning",
        "reachable",
        "min",
        "role_idle",
        "max",
        "policy",
    }
    assert {"required": ["winning"]} in lesson["oneOf"]


# Measuring -----------------------------------------------------------------------


def test_idle_rounds_are_counted_in_a_row() -> None:
    assert longest_run(set()) == 0
    assert longest_run({1, 2, 4, 5, 6, 9}) == 3
    deck = load_deck_text(with_lessons("{winning: evacuer}"))
    for result in simulate(deck, 50, 3, "random"):
        mairie, ars = result.idle
        assert mairie <= 2  # two decisions, one a round: idle at most in the last two rounds
        if "rapport" not in result.played:
            assert ars == 0  # its report was playable all along
        else:
            assert ars <= 3  # nothing to play after the round it reported in, never in round 1
    no_hand = SCARCE.replace("hand_size: 2}", "hand_size: 0}")
    results = simulate(
        load_deck_text(with_lessons("{winning: evacuer}", deck=no_hand)), 20, 3, "random"
    )
    assert [r.idle[1] for r in results] == [r.turns for r in results]


# validate --strict ---------------------------------------------------------------


def validate(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path], text: str, *more: str
) -> tuple[int, str, Path]:
    path = write_deck(text)
    code, out, err = cli("validate", "--strict", *more, str(path))
    return code, plain(out + err), path


def test_lessons_that_hold_pass_strict_validation(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path]
) -> None:
    text = with_lessons(
        "{better: fermer, than: rouvrir}",
        "{winning: evacuer}",
        "{reachable: victoire, min: 0.05}",
        "{role_idle: 3, max: 0.0}",
        deck=FREE,
    )
    code, output, _ = validate(cli, write_deck, text)
    assert code == 0, output
    assert "leçon" not in output


def test_a_contradicted_better_fails_with_its_line_and_the_means(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path]
) -> None:
    code, output, path = validate(
        cli, write_deck, with_lessons("{winning: evacuer}", "{better: rouvrir, than: fermer}")
    )
    results = simulate(load_deck(path), 400, 0, "random")
    rouvrir = mean_score(results, lambda r: ("ecoles", "rouvrir") in r.choices)
    fermer = mean_score(results, lambda r: ("ecoles", "fermer") in r.choices)
    assert code == 1
    assert (
        f"{path}:{LESSON_LINE + 1}:5: erreur: leçon non tenue : « ecoles/rouvrir » devrait "
        f"faire mieux que « ecoles/fermer » (politique random) ; mesuré : score moyen "
        f"{rouvrir} contre {fermer} sur 400 parties" in output
    )
    assert "invalide (1 erreur)" in output


def test_a_losing_winner_fails_with_its_effect_and_noise(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path]
) -> None:
    code, output, path = validate(cli, write_deck, with_lessons("{winning: attendre}"))
    assert code == 1
    assert (
        f"{path}:{LESSON_LINE}:5: erreur: leçon non tenue : « attendre » devrait améliorer "
        "le score au-delà du bruit (politique random) ; mesuré : écart de score moyen −" in output
    )
    assert re.search(r"taille d’effet −\d,\d+, bruit \d,\d+\) sur 400 parties, dont \d+ où", output)


def test_an_ending_reached_too_rarely_fails_with_its_share(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path]
) -> None:
    code, output, path = validate(cli, write_deck, with_lessons("{reachable: victoire, min: 0.99}"))
    reached = sum(r.ending == "victoire" for r in simulate(load_deck(path), 400, 0, "greedy"))
    share = f"{round(100 * reached / 400, 1):g}".replace(".", ",")
    assert code == 1 and reached < 396
    assert (
        "la fin « victoire » devrait être atteinte dans au moins 99 % des parties "
        f"(politique greedy) ; mesuré : {share} % ({reached} sur 400 parties)" in output
    )


def test_an_idle_role_fails_with_the_share_of_games_and_the_role(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path]
) -> None:
    code, output, path = validate(cli, write_deck, with_lessons("{role_idle: 2, max: 0.10}"))
    idle = sum(max(r.idle) >= 2 for r in simulate(load_deck(path), 400, 0, "random"))
    assert code == 1 and idle > 40
    assert (
        f"{path}:{LESSON_LINE}:5: erreur: leçon non tenue : aucun rôle ne devrait rester "
        "2 tours de suite sans carte jouable dans plus de 10 % des parties (politique random) ; "
        f"mesuré : " in output
    )
    assert f"({idle} sur 400 parties), le plus souvent « ARS »" in output


def test_a_lesson_no_game_can_show_is_an_error_too(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path]
) -> None:
    """Greedy never reopens the schools: nothing says how reopening would have done."""
    code, output, _ = validate(
        cli, write_deck, with_lessons("{better: fermer, than: rouvrir, policy: [random, greedy]}")
    )
    assert code == 1
    assert (
        "leçon non vérifiée : « ecoles/fermer » devrait faire mieux que « ecoles/rouvrir » "
        "(politique greedy) ; trop peu de parties pour mesurer : « ecoles/fermer » dans" in output
    )
    assert "« ecoles/rouvrir » dans 0 sur 400 parties ; il en faut 20 de chaque côté" in output
    assert "(politique random)" not in output  # held for random


def test_lesson_errors_in_english_and_json(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path]
) -> None:
    text = with_lessons("{better: rouvrir, than: fermer}")
    code, output, _ = validate(cli, write_deck, text, "--lang", "en")
    assert code == 1 and "error: lesson not held: 'ecoles/rouvrir' should do better than" in output
    code, output, _ = validate(cli, write_deck, text, "--format", "json")
    (diagnostic,) = json.loads(output)["decks"][0]["diagnostics"]
    assert code == 1
    assert (diagnostic["code"], diagnostic["severity"], diagnostic["line"]) == (
        "lesson.failed",
        "error",
        LESSON_LINE,
    )


def test_lessons_are_checked_only_with_strict(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path]
) -> None:
    path = write_deck(with_lessons("{better: rouvrir, than: fermer}"))
    code, out, err = cli("validate", str(path))
    assert code == 0 and "leçon" not in plain(out + err)


# simulate --report -------------------------------------------------------------------


def test_the_balance_report_lists_lessons_held_and_not(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path]
) -> None:
    path = write_deck(with_lessons("{winning: evacuer}", "{better: rouvrir, than: fermer}"))
    code, out, _ = cli("simulate", str(path), "--report", "md", "--games", "200")
    out = plain(out)
    assert code == 0
    assert "## Leçons du deck" in out
    assert "- **leçon non tenue : « ecoles/rouvrir » devrait faire mieux" in out
    assert (
        "- leçon tenue : « evacuer » devrait améliorer le score au-delà du bruit "
        "(politique random) ; mesuré : écart de score moyen +" in out
    )
    code, out, _ = cli("simulate", str(path), "--report", "json", "--games", "200")
    lessons = json.loads(out)["lessons"]
    assert [(c["kind"], c["policy"], c["status"]) for c in lessons] == [
        ("winning", "random", "held"),
        ("better", "random", "failed"),
    ]


def test_a_policy_the_report_did_not_play_leaves_its_lessons_unchecked(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path]
) -> None:
    path = write_deck(with_lessons("{reachable: victoire}"))
    code, out, _ = cli("simulate", str(path), "--report", "md", "--policy", "random")
    out = plain(out)
    assert code == 0
    assert (
        "leçon non vérifiée : la fin « victoire » devrait être atteinte dans au moins 5 % "
        "des parties (politique greedy) ; la politique greedy n’a pas joué" in out
    )


def test_lessons_survive_the_trainers_workbook(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path], tmp_path: Path
) -> None:
    path = write_deck(with_lessons("{better: fermer, than: rouvrir}", "{role_idle: 2, max: 0.2}"))
    assert cli("export", str(path), "-o", str(tmp_path / "deck.xlsx"))[0] == 0
    assert cli("import", str(tmp_path / "deck.xlsx"), "-o", str(tmp_path / "back.yaml"))[0] == 0
    assert load_deck(tmp_path / "back.yaml").lessons == load_deck(path).lessons


# The bundled decks ---------------------------------------------------------------------


def test_every_bundled_game_deck_teaches_lessons() -> None:
    """`validate --strict` checks them (`test_lint.test_bundled_decks_pass_strict_validation`)."""
    games = [load_deck(b.path) for b in bundled_decks()]
    taught = {deck.id: len(deck.lessons) for deck in games if deck.style == "game"}
    assert taught and all(count >= 2 for count in taught.values()), taught
