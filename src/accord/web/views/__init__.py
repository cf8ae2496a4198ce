"""What each page shows, as data: the API returns it as JSON, the page renders it.

A view takes the database, the filters parsed from the URL and the viewer,
and calls the store, track and report functions; neither the API nor the
pages query anything themselves, so a page and its JSON twin cannot differ.
"""
