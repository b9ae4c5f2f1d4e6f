"""A local HTTP server that plays a source's feed server in the sources tests: `routes` maps
a path to a function that answers the request; `seen` records what was asked."""

import contextlib
import hashlib
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class FeedHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.seen.append((self.path, dict(self.headers)))
        route = self.server.routes.get(self.path.split("?")[0])
        if route is None:
            self.send_response(404)
            self.end_headers()
            return
        # The client hangs up on purpose when it refuses a body or stops waiting.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            route(self)

    def log_message(self, format, *args):
        pass


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self):
        super().__init__(("127.0.0.1", 0), FeedHandler)
        self.routes = {}
        self.seen = []

    @property
    def port(self):
        return self.server_address[1]

    def url(self, path, host="127.0.0.1", scheme="http"):
        return f"{scheme}://{host}:{self.port}{path}"

    def handle_error(self, request, client_address):
        pass


@pytest.fixture
def server():
    feed_server = FeedServer()
    thread = threading.Thread(
        target=feed_server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    yield feed_server
    feed_server.shutdown()
    feed_server.server_close()


def document(body, content_type="text/calendar; charset=utf-8"):
    """A route serving `body` with an ETag, answering 304 to a matching If-None-Match."""
    etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'

    def route(handler):
        if handler.headers.get("If-None-Match") == etag:
            handler.send_response(304)
            handler.send_header("ETag", etag)
            handler.end_headers()
            return
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.send_header("ETag", etag)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return route
