"""Widgets whose new size does not call for a second layout of the screen.

Textual lays the whole screen out again whenever a layout gave a widget a new
size: the widget's virtual size changed, and that asks for a layout. For a
widget whose content does not depend on its virtual size (a text, a container
without scrollbars), the first layout already placed everything where it goes:
the second one only cost each key press another frame, a few hundredths of a
second later. A widget with this mixin takes its new size from the layout
without asking for another (as Textual itself does for widgets a scroll exposes).
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget


class Settled(Widget):
    """Mixin, after the widget class among the bases (Textual names a widget in CSS after
    its first base): a resize by the layout asks for no new layout."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return super()._size_updated(size, virtual_size, container_size, layout=False)
