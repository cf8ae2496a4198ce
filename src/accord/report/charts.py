"""Charts for the reports, drawn with matplotlib (Agg, no display) as PNG bytes.

The same bytes go into every format: a data: URI in HTML (and so in the PDF),
a picture in DOCX, a file next to the Markdown or a data: URI inside it.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# Figures are made without pyplot, so no GUI backend is ever chosen: savefig draws with Agg.
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

STATUS_ORDER = ("completed", "in_progress", "not_started", "stalled", "dropped", "no_evidence")
STATUS_COLOURS = {
    "completed": "#2e7d32",
    "in_progress": "#f9a825",
    "not_started": "#ef6c00",
    "stalled": "#c62828",
    "dropped": "#6d4c41",
    "no_evidence": "#b0bec5",
}
STRENGTH_ORDER = ("decision", "intention", "exploration")
STRENGTH_COLOURS = {"decision": "#1f4e79", "intention": "#5b9bd5", "exploration": "#bdd7ee"}
DPI = 150


@dataclass(frozen=True)
class Chart:
    """A chart as a PNG, with the title and the sentence that describes it (its alt text)."""

    name: str
    title: str
    description: str
    png: bytes

    @property
    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


def _png(figure: Figure) -> bytes:
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    return out.getvalue()


def stacked_bars(
    name: str,
    title: str,
    description: str,
    categories: Sequence[str],
    counts: Mapping[str, Sequence[int]],
    colours: Mapping[str, str],
    labels: Mapping[str, str],
    *,
    horizontal: bool = True,
    line: Sequence[float | None] | None = None,
    line_label: str = "",
) -> Chart:
    """Bars per category, stacked by series (``counts[series][i]`` for ``categories[i]``).

    ``line`` draws a percentage per category on a second axis (vertical bars only).
    """
    height = max(2.2, 0.42 * len(categories) + 1.2) if horizontal else 3.4
    figure = Figure(figsize=(7.0, height))
    axes = figure.add_subplot()
    positions = list(range(len(categories)))
    base = [0] * len(categories)
    for series, values in counts.items():
        if not any(values):
            continue
        if horizontal:
            axes.barh(positions, values, left=base, color=colours[series], label=labels[series])
        else:
            axes.bar(positions, values, bottom=base, color=colours[series], label=labels[series])
        base = [b + v for b, v in zip(base, values, strict=True)]
    if horizontal:
        axes.set_yticks(positions, list(categories))
        axes.invert_yaxis()
        axes.set_xlabel("commitments")
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    else:
        axes.set_xticks(positions, list(categories))
        axes.set_ylabel("commitments")
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    points: list[tuple[int, float]] = []
    if line is not None and not horizontal:
        percent = axes.twinx()
        points = [(x, y) for x, y in zip(positions, line, strict=True) if y is not None]
        if points:
            xs, ys = zip(*points, strict=True)
            percent.plot(xs, ys, color="#222222", marker="o", label=line_label)
        percent.set_ylim(0, 100)
        percent.set_ylabel(line_label)
        percent.spines["top"].set_visible(False)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.set_title(title, loc="left", fontsize=11)
    handles, names = axes.get_legend_handles_labels()
    if line is not None and not horizontal and points:
        extra_handles, extra_names = percent.get_legend_handles_labels()
        handles, names = handles + extra_handles, names + extra_names
    axes.legend(
        handles,
        names,
        loc="upper left",
        bbox_to_anchor=(1.1 if line else 1.01, 1),
        frameon=False,
        fontsize=8,
    )
    return Chart(name=name, title=title, description=description, png=_png(figure))
