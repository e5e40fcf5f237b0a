"""Cards on the table: an event, a dilemma, a decision."""

from __future__ import annotations

from textual.widgets import Static

from scenarios.deck import Card
from scenarios.render.printable import printable
from scenarios.tui.texts import plain

NOTE_STYLE = "italic magenta"  # a note for the facilitator, wherever it is shown


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
        for_facilitator: str = "",
        **kwargs: object,
    ) -> None:
        """`options`: list a dilemma's options; `full`: with their texts too;
        `for_facilitator`: the label of the deck's notes for the facilitator, shown with
        it (only on the facilitator's screens: none for a table)."""
        body = plain(card.text or card.title)
        if for_facilitator and card.facilitator:
            body.append(f"\n{for_facilitator} {printable(card.facilitator)}", style=NOTE_STYLE)
        if options:
            for number, option in enumerate(card.options, start=1):
                body.append(f"\n{number}. {printable(option.title)}", style="bold")
                if full and option.text:
                    body.append(f"\n   {printable(option.text)}")
                if for_facilitator and option.facilitator:
                    note = f"\n   {for_facilitator} {printable(option.facilitator)}"
                    body.append(note, style=NOTE_STYLE)
        super().__init__(body, **kwargs)  # type: ignore[arg-type]
        self.card = card
        self.border_title = plain(card.title)
        if subtitle:
            self.border_subtitle = subtitle
        if card.kind.options:
            self.add_class("dilemma")
