"""``arnorm serve``: the playground, on a local web server of the standard library.

It binds 127.0.0.1 unless told otherwise, answers only requests addressed to the host it
listens on (so a web page elsewhere cannot reach it through DNS rebinding), takes JSON posts
of at most ``--max-bytes``, and serves one page with everything inline.
"""

from __future__ import annotations

import argparse
import json
import socketserver
import sys
import typing
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from arnorm.cli import options
from arnorm.report.playground import BadRequest, answer, page

MAX_BYTES = 256 * 1024
#: What the page may load: nothing but itself, its inline style and script, and the API.
POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'"
)


def add_parser(commands: argparse._SubParsersAction[options.Parser]) -> None:
    serve = commands.add_parser(
        "serve",
        help="a local playground: paste text, see each edit and its rule",
        description="Serve the playground on a local web server (Ctrl-C stops it).",
    )
    serve.add_argument("--host", default="127.0.0.1", help="the address to bind (127.0.0.1)")
    serve.add_argument(
        "--port", type=options.non_negative, default=8765, help="the port (8765; 0: any free one)"
    )
    serve.add_argument(
        "--max-bytes",
        type=options.positive,
        default=MAX_BYTES,
        metavar="N",
        help="the largest request accepted (256 KiB)",
    )
    serve.set_defaults(run=run_serve)


def make_server(host: str, port: int, max_bytes: int) -> ThreadingHTTPServer:
    """The playground's server, bound but not yet serving."""
    handler = type("Handler", (_Handler,), {"max_bytes": max_bytes, "page": page().encode()})
    return ThreadingHTTPServer((host, port), handler)


def run_serve(args: argparse.Namespace) -> int:
    try:
        server = make_server(args.host, args.port, args.max_bytes)
    except OSError as error:
        print(f"arnorm serve: cannot listen on {args.host}:{args.port}: {error}", file=sys.stderr)
        return 2
    host, port = _address(server)
    print(f"arnorm serve: http://{_url_host(host)}:{port}/ (Ctrl-C stops)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def _address(server: socketserver.BaseServer) -> tuple[str, int]:
    """The host and port a server listens on."""
    address = typing.cast(tuple[str, int], server.server_address)
    return str(address[0]), int(address[1])


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


class _Handler(BaseHTTPRequestHandler):
    max_bytes = MAX_BYTES
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
        host, port = _address(self.server)
        bound = _url_host(host)
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
