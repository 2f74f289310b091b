"""``arnorm serve``: the playground, on a local web server of the standard library.

It binds 127.0.0.1 unless told otherwise, answers only requests addressed to the host it
listens on (so a web page elsewhere cannot reach it through DNS rebinding), takes JSON posts
of at most ``--max-bytes``, and serves one page with everything inline.
"""

from __future__ import annotations

import argparse
import sys

from arnorm.cli import options

MAX_BYTES = 256 * 1024


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


def run_serve(args: argparse.Namespace) -> int:
    from arnorm.cli.httpd import address, make_server, url_host  # http.server: only here

    try:
        server = make_server(args.host, args.port, args.max_bytes)
    except OSError as error:
        print(f"arnorm serve: cannot listen on {args.host}:{args.port}: {error}", file=sys.stderr)
        return 2
    host, port = address(server)
    print(f"arnorm serve: http://{url_host(host)}:{port}/ (Ctrl-C stops)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
