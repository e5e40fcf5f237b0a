"""Deck text is data on the command line: no emoji codes, no markup, no control characters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import CliResult


def test_error_position_is_not_an_emoji(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path]
) -> None:
    bad = write_deck("#\n" * 99 + "key:    : [\n")
    code, _, err = cli("validate", str(bad))
    assert code == 1
    assert f"{bad}:100:9:" in err
    assert "\N{HUNDRED POINTS SYMBOL}" not in err


def test_deck_titles_are_printed_as_written_without_control_characters(
    cli: Callable[..., CliResult], write_deck: Callable[..., Path]
) -> None:
    deck = write_deck(
        'format: 1\nid: x\ntitle: "Fortes [/b] pluies \\e[31mrouge :100:"\n'
        'roles:\n  - {id: equipe, title: "Mairie [/]"}\n'
        'indicators:\n  - {id: moral, title: "Préfecture [COD] [b]gras[/b] \\e[31mrouge", start: 5}\n'
        'cards:\n  - {id: pluie, type: event, title: "Pluie", effects: {moral: -1}}\n'
        '  - {id: chanter, type: decision, title: "Chanter", effects: {moral: 1}}\n'
    )
    code, out, err = cli("simulate", str(deck), "--games", "3", "--seed", "1")
    assert code == 0, err
    assert "Préfecture [COD] [b]gras[/b] [31mrouge" in out
    assert "\x1b" not in out
