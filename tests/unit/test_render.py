"""One layout of blocks, three formats: each escapes the user's text itself, once."""

from __future__ import annotations

import io

from rich.console import Console

from scenarios.render.blocks import (
    Aside,
    Block,
    Bullets,
    Chart,
    Code,
    Heading,
    Item,
    Paragraph,
    Quote,
    Section,
    Strong,
    Table,
    Terms,
)
from scenarios.render.html import page
from scenarios.render.markdown import markdown
from scenarios.render.terminal import print_blocks

TRICKY = "a <b>*bold*</b> | _x_ & [link](y) `z` \\"

BLOCKS: list[Block] = [
    Heading(1, "Titre <1>"),
    Paragraph(TRICKY, "warning"),
    Section(
        (
            Heading(2, "Section"),
            Bullets(
                (
                    Item(Strong(TRICKY), who="qui", detail="détail", evidence="preuve"),
                    Item((Strong("t"), " ", Aside("(a)"))),
                ),
                ordered=True,
            ),
            Bullets((), empty="Rien."),
            Quote(TRICKY, "source"),
            Table(("h", "n"), ((TRICKY, "1"), (Code("▁▅█"), "2")), (False, True)),
            Terms((("nom", "valeur"),)),
        ),
        css="kit",
    ),
    Section((Heading(2, "Graphiques"), Chart("<svg></svg>"))),
]


def test_markdown_escapes_user_text_and_leaves_out_charts() -> None:
    text = markdown(BLOCKS, "fr")
    assert r"a \<b>\*bold\*\</b> \| \_x\_ & \[link\](y) \`z\` \\" in text
    assert "1. **a \\<b>" in text and "\n   détail\n   *preuve*" in text
    assert "2. **t** (a)" in text and "- Rien." in text
    assert "> «\u00a0a \\<b>" in text and "| `▁▅█` | 2 |" in text
    assert "- **nom**\u00a0: valeur" in text
    assert "Graphiques" not in text and "<svg" not in text
    assert "\n\n\n" not in text and text.endswith("\n")


def test_html_escapes_user_text_once_and_draws_charts() -> None:
    html = page(BLOCKS, "en")
    assert "<title>Titre &lt;1&gt;</title>" in html
    escaped = "a &lt;b&gt;*bold*&lt;/b&gt; | _x_ &amp; [link](y) `z` \\"
    assert f'<p class="warning">{escaped}</p>' in html
    assert f'<li><strong>{escaped}</strong><div class="who">qui</div>' in html
    assert '<strong>t</strong> <span class="who">(a)</span>' in html
    assert "<p>Rien.</p>" in html and "<code>▁▅█</code>" in html
    assert '<section class="kit"><h2>Section</h2>' in html
    assert "<li><strong>nom</strong>: valeur</li>" in html
    assert "<svg></svg></section>" in html and "&amp;amp;" not in html


def test_the_terminal_shows_text_but_no_chart() -> None:
    console = Console(width=100, record=True, file=io.StringIO(), color_system=None)
    print_blocks(BLOCKS, console, "en")
    text = console.export_text()
    assert TRICKY in text and "1. a <b>" in text and "▁▅█" in text
    assert "nom: valeur" in text and "“a <b>" in text and "svg" not in text
