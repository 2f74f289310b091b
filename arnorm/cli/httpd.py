"""The playground's web server (``arnorm serve``), on the standard library's: kept apart from
the command's parser so that no other command imports http.server and the email package
(a fifth of every command's start-up).
"""

from __future__ import annotations

import json
import socketserver
import typing
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from arnorm.report.playground import BadRequest, answer, page

#: What the page may load: nothing but itself, its inline style and script, and the API.
POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'"
)


def make_server(host: str, port: int, max_bytes: int) -> ThreadingHTTPServer:
    """The playground's server, bound but not yet serving."""
    handler = type("Handler", (_Handler,), {"max_bytes": max_bytes, "page": page().encode()})
    return ThreadingHTTPServer((host, port), handler)


def address(server: socketserver.BaseServer) -> tuple[str, int]:
    """The host and port a server listens on."""
    bound = typing.cast(tuple[str, int], server.server_address)
    return str(bound[0]), int(bound[1])


def url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


class _Handler(BaseHTTPRequestHandler):
    max_bytes = 0  # set by make_server
    page = b""
    server_version = "arnorm"
    sys_version = ""

    def do_GET(self) -> None:
        if not self._host_ok():
            return
        if self.path in ("/", "/index.html"):
            self._send(HTTPStatus.OK, self.page, "text/html; charset=utf-8")
        else:
            self._error(HTTPStatus.NOT_FOUND, "no such page")

    def do_POST(self) -> None:
        if not self._host_ok():
            return
        if self.path != "/api/clean":
            self._error(HTTPStatus.NOT_FOUND, "no such endpoint")
            return
        if self.headers.get_content_type() != "application/json":
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send application/json")
            return
        length = self._length()
        if length is None:
            return
        try:
            request = json.loads(self.rfile.read(length).decode("utf-8"))
            if not isinstance(request, dict):
                raise BadRequest("expected a JSON object")
            reply = answer(request)
        except (ValueError, UnicodeDecodeError) as error:
            self._error(HTTPStatus.BAD_REQUEST, str(error))
            return
        body = json.dumps(reply, ensure_ascii=False).encode("utf-8", "surrogatepass")
        self._send(HTTPStatus.OK, body, "application/json; charset=utf-8")

    def _length(self) -> int | None:
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._error(HTTPStatus.LENGTH_REQUIRED, "a Content-Length is required")
            return None
        if length > self.max_bytes or length < 0:
            self.close_connection = True
            self._error(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the limit is {self.max_bytes:,} bytes"
            )
            return None
        return length

    def _host_ok(self) -> bool:
        """Whether the request names the address the server listens on (or localhost)."""
        host, port = address(self.server)
        bound = url_host(host)
        allowed = {f"{name}:{port}" for name in (bound, "localhost", "127.0.0.1", "[::1]")}
        if self.headers.get("Host", "") in allowed:
            return True
        self._error(HTTPStatus.MISDIRECTED_REQUEST, "unexpected Host header")
        return False

    def _error(self, status: HTTPStatus, message: str) -> None:
        body = json.dumps({"error": message}).encode()
        self._send(status, body, "application/json; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Content-Security-Policy", POLICY)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Requests are not logged: the text is the user's."""
