"""Cards on the table: an event, a dilemma, a decision."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import RenderResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import OptionList, Static

from scenarios.deck import Card
from scenarios.render.printable import printable
from scenarios.tui.texts import plain
from scenarios.tui.widgets.settled import Settled

NOTE_STYLE = "italic magenta"  # a note for the facilitator, wherever it is shown


class CardView(Static, Settled):
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
    CardView.pending { border: double $warning; background: $warning 10%; }
    CardView.pending > .border-title { text-style: bold reverse; }
    CardView:focus { border: heavy $accent; background: $boost; }
    """

    def __init__(
        self,
        card: Card,
        subtitle: str = "",
        options: bool = False,
        full: bool = False,
        for_facilitator: str = "",
        extra: Text | None = None,
        **kwargs: object,
    ) -> None:
        """`options`: list a dilemma's options; `full`: with their texts too;
        `for_facilitator`: the label of the deck's notes for the facilitator, shown with
        it (only on the facilitator's screens: none for a table); `extra`: lines the
        screen adds under the text (a question's roles asked and answers so far)."""
        body = _body(card, options, full, for_facilitator, extra)
        super().__init__(body, **kwargs)  # type: ignore[arg-type]
        self.card = card
        self.extra = extra
        self.border_title = plain(card.title)
        self.subtitle = subtitle
        if subtitle:
            self.border_subtitle = subtitle
        if card.kind.options:
            self.add_class("dilemma")

    def show(self, card: Card, for_facilitator: str = "", extra: Text | None = None) -> None:
        """Show `card` in this view (as a new view would, without options or subtitle):
        a screen that shows other cards each round updates its views in place instead
        of mounting new ones."""
        if card is self.card and extra == self.extra:
            return
        self.card = card
        self.extra = extra
        self.update(_body(card, False, False, for_facilitator, extra))
        self.border_title = plain(card.title)
        self.set_class(bool(card.kind.options), "dilemma")

    def render(self) -> RenderResult:
        """A compact card (several cards share a small screen, `max-height` in the styles)
        shows what fits, its last line ending in « … » when the text goes on: the table
        knows there is more to read with `e`."""
        visual = super().render()
        width, lines = self.content_size.width, self._compact_lines()
        if lines is None or width <= 1 or not isinstance(visual, Content):
            return visual
        wrapped = visual.wrap(width)
        if len(wrapped) <= lines:
            return visual
        last = wrapped[lines - 1].rstrip()
        if last.cell_length >= width:
            last = last.truncate(width - 1)
        return Content("\n").join([*wrapped[: lines - 1], last + "…"])

    def _compact_lines(self) -> int | None:
        """How many lines a compact card's text has, from its styles; None when not compact."""
        most = self.styles.max_height
        if not self.has_class("compact") or most is None or not most.is_cells:
            return None
        return max(1, int(most.value) - self.styles.gutter.height)

    def mark(self, subtitle: str) -> None:
        """Say under the card what waits on it (drawn again only when that changes)."""
        if subtitle != self.subtitle:
            self.subtitle = subtitle
            self.border_subtitle = subtitle


class CardsArea(VerticalScroll, Settled):
    """Where a round's cards are shown, one under the other (without a scrollbar: the
    screen's styles hide it, they are read in full in a window)."""

    # Its scrollbar has no width, so whether it is shown moves nothing. Textual would lay
    # the screen out again when it appears or goes, which happens when the hand below
    # takes a line more or less: one more frame, 30 ms after the key's. (Shown or not, it
    # tells whether the mouse wheel scrolls the cards.)
    show_vertical_scrollbar: Reactive[bool] = Reactive(False, layout=False, repaint=False)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Scrolled (by a new layout, the mouse, or to a waiting dilemma): the cards are
        drawn again, not the scrollbar that has no width (a frame of its own)."""
        if round(old_value) != round(new_value):
            self._refresh_scroll()


def _body(
    card: Card, options: bool, full: bool, for_facilitator: str, extra: Text | None = None
) -> Text:
    """What a card view shows inside its border (see `CardView`)."""
    body = plain(card.text or card.title)
    if for_facilitator and card.facilitator:
        body.append(f"\n{for_facilitator} {printable(card.facilitator)}", style=NOTE_STYLE)
    if extra:
        body.append("\n")
        body.append_text(extra)
    if options:
        for number, option in enumerate(card.options, start=1):
            body.append(f"\n{number}. {printable(option.title)}", style="bold")
            if full and option.text:
                body.append(f"\n   {printable(option.text)}")
            if for_facilitator and option.facilitator:
                note = f"\n   {for_facilitator} {printable(option.facilitator)}"
                body.append(note, style=NOTE_STYLE)
    return body


class ChoiceList(OptionList):
    """A hand's cards or a dilemma's options, laid out once per new hand.

    Textual's list works out its lines while drawing them, and lays the screen out
    again when it finds how many there are; its height already came from them (a
    scrollbar that must show or hide still asks for a layout). A list that only grew
    or shrank keeps the lines it drew: they depend on its width alone (Textual's list
    draws them all again on any resize, a frame after the one showing the new hand)."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    drawn_width = 0

    @on(events.Resize)
    def keep_lines(self, event: events.Resize) -> None:
        if event.size.width == self.drawn_width:
            event.prevent_default()  # the list's own handler, which clears the lines, is skipped
        self.drawn_width = event.size.width
