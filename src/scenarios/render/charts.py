"""Inline SVG line charts of indicators round by round: no script, no external asset.

Each line has its own colour (Okabe–Ito, readable by colour-blind readers),
its own dash pattern and a label at its end, so it is never told apart by
colour alone; it prints on A4 as it shows on screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import attrs

from scenarios.i18n import Lang, decimal

COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2", "10 4", "4 4", "3 6")


@attrs.frozen
class Series:
    """One line: its label, its values per round, and the bounds it lives within."""

    label: str
    values: tuple[int, ...]
    low: int
    high: int


def line_chart(
    series: Sequence[Series], title: str, x_label: str, width: int = 640, height: int = 260
) -> str:
    """An SVG chart; each series is scaled to its own bounds (0 % at min, 100 % at max)."""
    left, right, top, bottom = 40, 190, 28, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    points = max((len(s.values) for s in series), default=1)
    step = plot_w / max(1, points - 1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(title)}" class="chart">',
        f"<title>{escape(title)}</title>",
        f'<text x="{left}" y="16" class="chart-title">{escape(title)}</text>',
    ]
    for share in (0, 50, 100):
        y = top + plot_h * (1 - share / 100)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" class="grid"/>'
        )
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" class="axis" text-anchor="end">{share} %</text>'
        )
    for index in range(points):
        x = left + index * step
        parts.append(
            f'<text x="{x:.1f}" y="{top + plot_h + 16}" class="axis" '
            f'text-anchor="middle">{index + 1}</text>'
        )
    parts.append(
        f'<text x="{left + plot_w / 2:.1f}" y="{height - 4}" class="axis" '
        f'text-anchor="middle">{escape(x_label)}</text>'
    )
    label_slots: list[float] = []
    for number, item in enumerate(series):
        colour = COLOURS[number % len(COLOURS)]
        dash = DASHES[number % len(DASHES)]
        span = max(1, item.high - item.low)
        coords = [
            (left + i * step, top + plot_h * (1 - (v - item.low) / span))
            for i, v in enumerate(item.values)
        ]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{colour}" '
            f'stroke-width="2.2"{dash_attr}/>'
        )
        for x, y in coords:
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.6" fill="{colour}"/>')
        if coords:
            label_y = _free_slot(coords[-1][1], label_slots)
            parts.append(
                f'<text x="{left + plot_w + 8}" y="{label_y + 4:.1f}" fill="{colour}" '
                f'class="label">{escape(item.label)} ({item.values[-1]})</text>'
            )
    parts.append("</svg>")
    return "\n".join(parts)


def _free_slot(y: float, taken: list[float], gap: float = 13) -> float:
    """A label height near `y` that does not overlap the labels already placed."""
    candidate = y
    while any(abs(candidate - other) < gap for other in taken):
        candidate += gap
    taken.append(candidate)
    return candidate


@attrs.frozen
class Bar:
    """One bar: its label, its value, and a note shown after it."""

    label: str
    value: float
    note: str = ""


def bar_chart(bars: Sequence[Bar], title: str, lang: Lang, width: int = 640, unit: str = "") -> str:
    """Horizontal bars, labelled on the left; negative values extend to the left of the axis.
    Each value is written as the reader's tables write it (« 49 », « 0,35 » in French)."""
    row, left, top = 20, 220, 26
    height = top + row * len(bars) + 10
    low = min([0.0, *(b.value for b in bars)])
    high = max([0.0, *(b.value for b in bars)]) or 1.0
    span = (high - low) or 1.0
    plot = width - left - 90
    zero = left + plot * (0 - low) / span
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(title)}" class="chart">',
        f"<title>{escape(title)}</title>",
        f'<text x="4" y="16" class="chart-title">{escape(title)}</text>',
        f'<line x1="{zero:.1f}" y1="{top - 4}" x2="{zero:.1f}" y2="{height - 6}" class="grid"/>',
    ]
    for index, bar in enumerate(bars):
        y = top + index * row
        x0, x1 = sorted((zero, left + plot * (bar.value - low) / span))
        colour = COLOURS[0] if bar.value >= 0 else COLOURS[1]
        parts.append(
            f'<text x="{left - 6}" y="{y + 13}" class="axis" text-anchor="end">'
            f"{escape(_shorten(bar.label, 34))}</text>"
        )
        parts.append(
            f'<rect x="{x0:.1f}" y="{y + 3}" width="{max(1.0, x1 - x0):.1f}" height="13" '
            f'fill="{colour}"/>'
        )
        parts.append(
            f'<text x="{max(x1, zero) + 4:.1f}" y="{y + 13}" class="axis">'
            f"{decimal(bar.value, lang)}{escape(unit)} {escape(bar.note)}</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts)


def histogram(
    counts: Sequence[tuple[str, int]], title: str, width: int = 640, height: int = 180
) -> str:
    """Vertical bars for a distribution (rounds at which games end, for example)."""
    left, bottom, top = 30, 30, 26
    plot_w, plot_h = width - left - 10, height - top - bottom
    peak = max((c for _, c in counts), default=1) or 1
    step = plot_w / max(1, len(counts))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(title)}" class="chart">',
        f"<title>{escape(title)}</title>",
        f'<text x="4" y="16" class="chart-title">{escape(title)}</text>',
    ]
    for index, (label, count) in enumerate(counts):
        bar_h = plot_h * count / peak
        x = left + index * step
        parts.append(
            f'<rect x="{x + 2:.1f}" y="{top + plot_h - bar_h:.1f}" '
            f'width="{max(1.0, step - 4):.1f}" height="{bar_h:.1f}" fill="{COLOURS[2]}"/>'
        )
        parts.append(
            f'<text x="{x + step / 2:.1f}" y="{height - 14}" class="axis" '
            f'text-anchor="middle">{escape(label)}</text>'
        )
        if count:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{top + plot_h - bar_h - 3:.1f}" '
                f'class="axis" text-anchor="middle">{count}</text>'
            )
    parts.append("</svg>")
    return "\n".join(parts)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
