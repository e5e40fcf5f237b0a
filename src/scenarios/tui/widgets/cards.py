"""Cards on the table: an event, a dilemma, a decision."""

from __future__ import annotations

from textual.widgets import Static

from scenarios.deck import Card
from scenarios.render.printable import printable
from scenarios.tui.texts import plain


class CardView(Static):
    """A card: its title as the border title, its text inside."""

    DEFAULT_CSS = """
    CardView {
        border: round $secondary;
        padding: 0 1;
        height: auto;
        margin: 0 0 0 0;
    }
    CardView.dilemma { border: double $warning; }
    CardView.injected { border: round $accent; }
    """

    def __init__(
        self,
        card: Card,
        subtitle: str = "",
        options: bool = False,
        full: bool = False,
        **kwargs: object,
    ) -> None:
        """`options`: list a dilemma's options; `full`: with their texts too."""
        body = plain(card.text or card.title)
        if options:
            for number, option in enumerate(card.options, start=1):
                body.append(f"\n{number}. {printable(option.title)}", style="bold")
                if full and option.text:
                    body.append(f"\n   {printable(option.text)}")
        super().__init__(body, **kwargs)  # type: ignore[arg-type]
        self.card = card
        self.border_title = plain(card.title)
        if subtitle:
            self.border_subtitle = subtitle
        if card.kind.options:
            self.add_class("dilemma")
