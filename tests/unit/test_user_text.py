"""User text is data: control characters never displayed, reports escape what they quote."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt

from scenarios.debrief import load_trace, session_html, session_markdown, session_report
from scenarios.deck import load_deck
from scenarios.engine import Draw, EndRound, Inject, Note, Pass, Play
from scenarios.journal import Session
from scenarios.render.printable import printable
from tests.conftest import TEST_DECKS


def test_printable_drops_controls_but_keeps_newlines_tabs_and_words() -> None:
    assert printable("Alerte \x1b[31mrouge\x07\r\n\tfin\x9b\x7f [/b]") == (
        "Alerte [31mrouge\n\tfin [/b]"
    )


HOSTILE = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> [clic](javascript:alert(3))"
    "\n# Titre pirate\n\n- liste\n> citation"
)


def test_the_debrief_shows_hostile_rationales_and_notes_as_words(tmp_path: Path) -> None:
    deck = load_deck(TEST_DECKS / "debrief.yaml")
    path = tmp_path / "j.jsonl"
    with Session.start(deck, 1, path, fsync=False) as session:
        quiet = [Draw(), Pass("prefecture"), Pass("commune"), EndRound()]
        for action in (
            *quiet,
            *quiet,
            Inject("rumeur"),
            *quiet,
            *quiet,
            Draw(),
            Play("prefecture", "dementir", HOSTILE),
            Note(HOSTILE),
            Pass("commune"),
            EndRound(),
        ):
            session.apply(action)
    report = session_report(load_trace(path))

    text = session_markdown(report)
    assert "Titre pirate" in text and "\n# Titre pirate" not in text
    rendered = MarkdownIt("commonmark").enable("table").render(text)
    assert "<script" not in rendered and "<img" not in rendered
    assert 'href="javascript' not in rendered and "Titre pirate</h1>" not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "[clic](javascript:alert(3))" in rendered
    assert rendered.count("<h1>") == 1  # the debrief's own title only

    page = session_html(report)
    assert "<script" not in page and "<img" not in page and "javascript:alert" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
