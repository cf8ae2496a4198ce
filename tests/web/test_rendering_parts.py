"""The pure parts of the pages: highlight pieces, chart geometry, names."""

from __future__ import annotations

from accord.store.documents import DocumentItem
from accord.store.overview import SectorStatusCount
from accord.web.charts import sector_status_chart
from accord.web.highlight import pieces
from accord.web.rendering import basename, marked


def _item(kind: str, start: int, end: int, text: str, grounded: bool = True) -> DocumentItem:
    return DocumentItem(kind, "session", 1, kind, start, end, text, grounded)  # type: ignore[arg-type]


def test_pieces_cover_the_text_and_nest_items() -> None:
    text = "The meeting was co-chaired by Ms Aliyeva. Later text."
    items = [
        _item("meeting", 0, 41, text[:41]),
        _item("co_chair", 30, 40, text[30:40]),
        _item("commitment", 45, 99, "out of range"),
        _item("commitment", 42, 47, "wrong", grounded=False),
    ]
    found = pieces(text, items)
    assert "".join(p.text for p in found) == text
    assert [(p.text, p.covering, p.primary) for p in found] == [
        ("The meeting was co-chaired by ", (0,), 0),
        ("Ms Aliyeva", (0, 1), 1),
        (".", (0,), 0),
        (" Later text.", (), None),
    ]


def test_sector_chart_stacks_statuses_in_a_fixed_order() -> None:
    chart = sector_status_chart(
        [
            SectorStatusCount("energy", "no_evidence", 2),
            SectorStatusCount("energy", "completed", 2),
            SectorStatusCount("trade", "stalled", 1),
        ]
    )
    assert [b.sector for b in chart.bars] == ["trade", "energy"]
    energy = chart.bars[1]
    assert [s.status for s in energy.segments] == ["completed", "no_evidence"]
    assert energy.segments[1].x == energy.segments[0].x + energy.segments[0].width
    assert chart.bars[0].segments[0].width * 4 == energy.segments[0].width * 2
    assert chart.total == 5


def test_marked_snippets_escape_all_but_the_marks() -> None:
    assert str(marked("a [train] <b>x</b> [x<y]")) == (
        "a <mark>train</mark> &lt;b&gt;x&lt;/b&gt; <mark>x&lt;y</mark>"
    )


def test_basename_shortens_paths_only() -> None:
    assert basename("/tmp/upload/001/report.txt") == "report.txt"
    assert basename("Talks in Moscow/Islamabad") == "Talks in Moscow/Islamabad"
