"""A real HTTP server on 127.0.0.1 for the fetch tests: routes, replies and a request log.

Nothing here reaches beyond the loopback address: the server binds 127.0.0.1 on a free
port, and a slow reply waits on an event that the fixture sets when the test ends.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from accord.ingest import AddressPolicy, FetchSettings

CHUNK = 64 * 1024


@dataclass(frozen=True)
class Reply:
    """What the site answers on one path.

    ``stream_bytes`` sends that many bytes without a Content-Length (a huge body);
    ``delay`` waits before answering (a slow server); ``etag`` / ``last_modified``
    make the reply answer 304 to a request that sends them back.
    """

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0
    stream_bytes: int = 0
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class SeenRequest:
    path: str
    headers: Mapping[str, str]


class LocalSite:
    """A threaded HTTP/1.0 server on 127.0.0.1 with routes set by the test."""

    def __init__(self) -> None:
        self.routes: dict[str, Reply] = {}
        self.requests: list[SeenRequest] = []
        self.released = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def serve(self, path: str, reply: Reply | bytes | str) -> str:
        """Answer ``path`` with ``reply`` (bytes or text: an HTML page); its address."""
        if isinstance(reply, str):
            reply = reply.encode("utf-8")
        self.routes[path] = reply if isinstance(reply, Reply) else Reply(body=reply)
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        return self.serve(path, Reply(status=status, headers={"Location": location}))

    def paths(self) -> list[str]:
        return [request.path for request in self.requests]

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.released.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def running_site() -> Iterator[LocalSite]:
    site = LocalSite()
    site.start()
    try:
        yield site
    finally:
        site.stop()


def _handler_for(site: LocalSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.requests.append(SeenRequest(self.path, dict(self.headers.items())))
            reply = site.routes.get(self.path)
            if reply is None:
                reply = Reply(body=b"not here", status=404, content_type="text/plain")
            if reply.delay:
                site.released.wait(reply.delay)
            # The client may give up (a size limit): that is the point of such a test.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._answer(reply)

        def _answer(self, reply: Reply) -> None:
            if self._still_valid(reply):
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.etag:
                self.send_header("ETag", reply.etag)
            if reply.last_modified:
                self.send_header("Last-Modified", reply.last_modified)
            if not reply.stream_bytes:
                self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)
            sent = 0
            while sent < reply.stream_bytes:
                self.wfile.write(b"x" * CHUNK)
                sent += CHUNK

        def _still_valid(self, reply: Reply) -> bool:
            etag = self.headers.get("If-None-Match")
            since = self.headers.get("If-Modified-Since")
            return bool(
                (reply.etag and etag == reply.etag)
                or (reply.last_modified and since == reply.last_modified)
            )

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


def loopback_settings(**changes: Any) -> FetchSettings:
    """Fetch settings for the tests: 127.0.0.1 allowed (and nothing else), no pause."""
    settings: dict[str, Any] = {
        "policy": AddressPolicy.allowing("127.0.0.1/32"),
        "host_interval": 0.0,
        "connect_timeout": 2.0,
        "read_timeout": 2.0,
    }
    return FetchSettings(**(settings | changes))
