"""Options shared by the commands that load and extract documents (extract, ingest)."""

from __future__ import annotations

from typing import Annotated

import typer

from accord.cli.input_options import line_text
from accord.cli.store_options import date_option
from accord.ingest import MetadataOverrides

PublishedOption = Annotated[
    str | None, typer.Option(help="Publication date (YYYY-MM-DD) for every document.")
]
OutletOption = Annotated[
    str | None, typer.Option(callback=line_text, help="Outlet for every document.")
]
TitleOption = Annotated[
    str | None, typer.Option(callback=line_text, help="Title for every document.")
]
UrlOption = Annotated[str | None, typer.Option(callback=line_text, help="URL for every document.")]
ExtractorOption = Annotated[str, typer.Option(help="Registered extractor name.")]
WorkersOption = Annotated[int, typer.Option(min=1, help="Processes extracting in parallel.")]
ClusterOption = Annotated[
    str | None, typer.Option(help="Dask scheduler address (tcp://HOST:PORT) to extract on.")
]


def metadata_overrides(
    published: str | None, outlet: str | None, title: str | None, url: str | None
) -> MetadataOverrides:
    """The metadata options as overrides; a bad --published is a one-line error."""
    return MetadataOverrides(
        title=title, outlet=outlet, url=url, published=date_option(published, "--published")
    )
