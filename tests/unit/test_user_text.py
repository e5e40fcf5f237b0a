"""User text is data: control characters never displayed, reports escape what they quote."""

from __future__ import annotations

from scenarios.render.printable import printable


def test_printable_drops_controls_but_keeps_newlines_tabs_and_words() -> None:
    assert printable("Alerte \x1b[31mrouge\x07\r\n\tfin\x9b\x7f [/b]") == (
        "Alerte [31mrouge\n\tfin [/b]"
    )
