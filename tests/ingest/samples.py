"""Sample texts shared by the ingest tests."""

# An English paragraph long enough for language detection to judge.
ENGLISH = (
    "Pakistan and Russia on Thursday reaffirmed their resolve to deepen bilateral "
    "cooperation in diversified trade, energy, business-to-business engagements and "
    "social sectors like health and education."
)
FRENCH = (
    "Le Pakistan et la Russie ont réaffirmé jeudi leur volonté d'approfondir la "
    "coopération bilatérale dans le commerce, l'énergie et les secteurs sociaux comme "
    "la santé et l'éducation, selon un communiqué officiel publié à Islamabad."
)


def article_page(
    title: str = "Pakistan, Russia sign three MoUs",
    *,
    site: str | None = "Dawn",
    published: str | None = "2025-11-28T07:00:00+05:00",
    body: str = ENGLISH,
) -> str:
    """An HTML news page with its metadata in the markup and an article long enough to read."""
    meta = f'<meta property="og:title" content="{title}">'
    if site:
        meta += f'<meta property="og:site_name" content="{site}">'
    if published:
        meta += f'<meta property="article:published_time" content="{published}">'
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"{meta}</head><body><nav><a href='/'>Home</a></nav><main><article>"
        f"<h1>{title}</h1><p>ISLAMABAD: {body}</p>"
        "<p>At the conclusion of the three-day 10th Pakistan-Russia Intergovernmental "
        "Commission, the two sides also signed three memoranda of understanding.</p>"
        "</article></main><footer>Copyright footer text</footer></body></html>"
    )


def report_page(text: str, *, site: str = "QazWire", published: str | None = None) -> str:
    """A news page around a report's text: its first line the headline, its paragraphs below."""
    headline, _, body = text.strip().partition("\n")
    paragraphs = "".join(f"<p>{p.strip()}</p>" for p in body.split("\n\n") if p.strip())
    date = f'<meta property="article:published_time" content="{published}">' if published else ""
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{headline}</title>"
        f'<meta property="og:site_name" content="{site}">{date}</head><body>'
        f"<nav><a href='/'>Home</a></nav><main><article><h1>{headline}</h1>{paragraphs}"
        "</article></main><footer>Copyright footer text</footer></body></html>"
    )


# A news item about something else than a meeting: what a feed also lists.
MARKETS = (
    "Wheat prices rise as dry weather lingers\n\n"
    "Wheat futures rose for a third day on Tuesday as forecasters said the dry weather over "
    "the northern plains would last into next week, raising concerns about yields. Traders "
    "said the harvest would start later than usual and that stocks held by millers were low.\n\n"
    "Prices of maize and soybeans were little changed, while fertiliser costs fell slightly "
    "after a month of steady gains in the spot market."
)
