"""Downloading a source: what a feed server sees, what comes back, and every address, size,
time and answer that is refused. A local HTTP server plays the feed server; with private
networks refused, `resolve` and `connect` are patched so that a public-looking name leads to it
while the address check sees only what the name resolves to."""

import gzip
import os
import shutil
import ssl
import subprocess
import sys
import threading
import time
import tracemalloc
import zlib
from pathlib import Path

import pytest

from django.utils import translation
from django.utils.functional import Promise

from sources import fetch as fetching
from sources.fetch import Fetched, FetchError, decode_text, fetch
from tests.sources_server import FeedServer

PUBLIC_ADDRESS = "93.184.216.34"
MB = 1024 * 1024


@pytest.fixture
def tls_server(tmp_path, monkeypatch):
    """A feed server speaking TLS with a certificate for "public.example" only, which the
    fetcher is made to trust."""
    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make a test certificate")
    key, certificate = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-keyout", str(key), "-out", str(certificate), "-subj", "/CN=public.example"]
        + ["-addext", "subjectAltName=DNS:public.example"],
        check=True,
        capture_output=True,
    )
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(certificate, key)
    client_context = ssl.create_default_context(cafile=str(certificate))
    monkeypatch.setattr(fetching, "_tls_context", lambda: client_context)
    feed_server = FeedServer()
    feed_server.socket = server_context.wrap_socket(feed_server.socket, server_side=True)
    thread = threading.Thread(
        target=feed_server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    yield feed_server
    feed_server.shutdown()
    feed_server.server_close()


@pytest.fixture
def private_allowed(settings):
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = True
    settings.SOURCES_TIMEOUT = 5


@pytest.fixture
def public_names(settings, monkeypatch):
    """Private networks refused; "public.example" resolves to a public address and connecting
    to that address reaches the local server. Returns the addresses connected to."""
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = False
    settings.SOURCES_TIMEOUT = 5
    names = {"public.example": [PUBLIC_ADDRESS]}
    connected = []
    real_resolve, real_connect = fetching.resolve, fetching.connect

    def resolve(host, port):
        return names[host] if host in names else real_resolve(host, port)

    def connect(address, port, timeout):
        connected.append(address)
        return real_connect("127.0.0.1" if address == PUBLIC_ADDRESS else address, port, timeout)

    monkeypatch.setattr(fetching, "resolve", resolve)
    monkeypatch.setattr(fetching, "connect", connect)
    return names, connected


def respond(status=200, body=b"", headers=()):
    def route(handler):
        handler.send_response(status)
        for name, value in headers:
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return route


def refused(code, url, **kwargs):
    with pytest.raises(FetchError) as caught:
        fetch(url, **kwargs)
    assert caught.value.code == code, str(caught.value)
    assert str(caught.value.reason)
    return caught.value


CALENDAR = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"


# What comes back ------------------------------------------------------------------------------


def test_a_feed_comes_back_with_its_validators(server, private_allowed):
    server.routes["/feed.ics"] = respond(
        body=CALENDAR,
        headers=[
            ("Content-Type", "text/calendar; charset=utf-8"),
            ("ETag", '"v1"'),
            ("Last-Modified", "Sun, 06 Dec 2026 10:00:00 GMT"),
        ],
    )
    fetched = fetch(server.url("/feed.ics"))
    assert fetched == Fetched(
        status=200,
        body=CALENDAR,
        url=server.url("/feed.ics"),
        etag='"v1"',
        last_modified="Sun, 06 Dec 2026 10:00:00 GMT",
        content_type="text/calendar; charset=utf-8",
    )
    assert decode_text(fetched) == CALENDAR.decode()


def test_the_request_says_who_asks_and_what_it_accepts(server, private_allowed, settings):
    server.routes["/feed.ics"] = respond(body=CALENDAR)
    fetch(server.url("/feed.ics"))
    fetch(server.url("/feed.ics"), accept="application/json")
    (_, first), (_, second) = server.seen
    assert first["User-Agent"] == f"MeidanHame/1.0 (+{settings.BASE_URL})"
    assert first["Accept"] == "text/calendar, application/json;q=0.9, */*;q=0.5"
    assert first["Accept-Encoding"] == "gzip, deflate"
    assert "If-None-Match" not in first and "If-Modified-Since" not in first
    assert second["Accept"] == "application/json"


def test_an_unchanged_feed_answers_304_to_the_conditional_get(server, private_allowed):
    def route(handler):
        if handler.headers.get("If-None-Match") == '"v1"':
            handler.send_response(304)
            handler.send_header("ETag", '"v1"')
            handler.end_headers()
        else:
            respond(body=CALENDAR, headers=[("ETag", '"v1"')])(handler)

    server.routes["/feed.ics"] = route
    fetched = fetch(
        server.url("/feed.ics"), etag='"v1"', last_modified="Sun, 06 Dec 2026 10:00:00 GMT"
    )
    assert (fetched.status, fetched.body, fetched.etag) == (304, b"", '"v1"')
    assert fetched.last_modified == "Sun, 06 Dec 2026 10:00:00 GMT"
    headers = server.seen[0][1]
    assert headers["If-None-Match"] == '"v1"'
    assert headers["If-Modified-Since"] == "Sun, 06 Dec 2026 10:00:00 GMT"


def test_a_webcal_address_is_fetched_over_http(server, private_allowed):
    server.routes["/feed.ics"] = respond(body=CALENDAR)
    fetched = fetch(server.url("/feed.ics", scheme="webcal"))
    assert fetched.body == CALENDAR
    assert fetched.url == server.url("/feed.ics")


def test_a_gzipped_and_a_deflated_feed_arrive_decompressed(server, private_allowed):
    server.routes["/gzip"] = respond(
        body=gzip.compress(CALENDAR), headers=[("Content-Encoding", "gzip")]
    )
    server.routes["/deflate"] = respond(
        body=zlib.compress(CALENDAR), headers=[("Content-Encoding", "deflate")]
    )
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    server.routes["/raw-deflate"] = respond(
        body=raw.compress(CALENDAR) + raw.flush(), headers=[("Content-Encoding", "deflate")]
    )
    for path in ("/gzip", "/deflate", "/raw-deflate"):
        assert fetch(server.url(path)).body == CALENDAR, path


def test_redirects_are_followed_to_the_final_url(server, private_allowed):
    server.routes["/old"] = respond(301, headers=[("Location", "/older")])
    server.routes["/older"] = respond(302, headers=[("Location", server.url("/new"))])
    server.routes["/new"] = respond(307, headers=[("Location", "/feed.ics")])
    server.routes["/feed.ics"] = respond(body=CALENDAR)
    fetched = fetch(server.url("/old"))
    assert fetched.body == CALENDAR
    assert fetched.url == server.url("/feed.ics")


def test_a_public_name_is_connected_at_its_checked_address_and_named_in_host(server, public_names):
    _, connected = public_names
    server.routes["/feed.ics"] = respond(body=CALENDAR)
    fetched = fetch(server.url("/feed.ics", host="public.example"))
    assert fetched.body == CALENDAR
    assert connected == [PUBLIC_ADDRESS]
    assert server.seen[0][1]["Host"] == f"public.example:{server.port}"


def test_the_address_checked_is_the_address_connected_to(server, public_names, monkeypatch):
    """A name that resolves to a public address for the check and to a private one a moment
    later (DNS rebinding) is connected at the address that was checked: it is never looked
    up twice."""
    names, connected = public_names
    answers = iter([[PUBLIC_ADDRESS], ["127.0.0.1"]])
    real_resolve = fetching.resolve

    def rebinding_resolve(host, port):
        return next(answers) if host == "rebind.example" else real_resolve(host, port)

    monkeypatch.setattr(fetching, "resolve", rebinding_resolve)
    server.routes["/feed.ics"] = respond(body=CALENDAR)
    fetch(server.url("/feed.ics", host="rebind.example"))
    assert connected == [PUBLIC_ADDRESS]


def test_https_checks_the_certificate_of_the_host_named_while_connected_at_its_address(
    tls_server, public_names
):
    names, connected = public_names
    tls_server.routes["/feed.ics"] = respond(body=CALENDAR)
    fetched = fetch(tls_server.url("/feed.ics", host="public.example", scheme="webcals"))
    assert fetched.body == CALENDAR
    assert fetched.url == tls_server.url("/feed.ics", host="public.example", scheme="https")
    assert connected == [PUBLIC_ADDRESS]
    names["other.example"] = [PUBLIC_ADDRESS]
    refused("tls", tls_server.url("/feed.ics", host="other.example", scheme="https"))


def test_a_server_without_tls_on_an_https_address_is_refused(server, private_allowed):
    server.routes["/feed.ics"] = respond(body=CALENDAR)
    refused("tls", server.url("/feed.ics", scheme="https"))


def test_spaces_and_non_ascii_letters_in_the_address_are_percent_encoded(server, private_allowed):
    server.routes["/H%C3%A4meen%20linna.ics"] = respond(body=CALENDAR)
    fetched = fetch(server.url("/Hämeen linna.ics?paikka=Hämeenlinna"))
    assert fetched.url == server.url("/H%C3%A4meen%20linna.ics?paikka=H%C3%A4meenlinna")
    assert server.seen[0][0] == "/H%C3%A4meen%20linna.ics?paikka=H%C3%A4meenlinna"


# Refused addresses ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://public.example/feed.ics",
        "gopher://public.example/",
        "javascript:alert(1)",
        "public.example/feed.ics",
    ],
)
def test_only_http_and_https_are_fetched(url, public_names):
    refused("scheme", url)
    assert public_names[1] == []


@pytest.mark.parametrize("url", ["http://", "http://public.example:port/", "http://a..b/"])
def test_a_malformed_address_is_refused(url, public_names):
    refused("url", url)


@pytest.mark.parametrize(
    "address",
    [
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "127.0.0.1",
        "0.0.0.0",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # shared address space (carrier-grade NAT)
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "fc00::1",
        "ff02::1",
        "::ffff:10.0.0.1",
        "::ffff:127.0.0.1",
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "2002:a00:1::1",  # 6to4 of 10.0.0.1
    ],
)
def test_a_name_resolving_to_a_private_address_is_refused(address, public_names):
    names, connected = public_names
    names["public.example"] = [address]
    refused("private-address", "http://public.example/feed.ics")
    assert connected == []


def test_one_private_address_among_public_ones_refuses_the_name(public_names):
    names, connected = public_names
    names["public.example"] = [PUBLIC_ADDRESS, "2606:4700::1", "10.0.0.7"]
    refused("private-address", "https://public.example/feed.ics")
    assert connected == []


def test_webcals_is_checked_like_https(public_names):
    names, _ = public_names
    names["public.example"] = ["10.0.0.7"]
    refused("private-address", "webcals://public.example/feed.ics")


def test_a_redirect_into_the_private_network_is_refused(server, public_names):
    _, connected = public_names
    server.routes["/feed.ics"] = respond(
        302, headers=[("Location", server.url("/secret", host="127.0.0.1"))]
    )
    server.routes["/secret"] = respond(body=b"internal")
    refused("private-address", server.url("/feed.ics", host="public.example"))
    assert connected == [PUBLIC_ADDRESS]
    assert [path for path, _ in server.seen] == ["/feed.ics"]


def test_a_redirect_to_a_file_is_refused(server, private_allowed):
    server.routes["/feed.ics"] = respond(302, headers=[("Location", "file:///etc/passwd")])
    refused("scheme", server.url("/feed.ics"))


def test_private_addresses_are_refused_unless_allowed(server, settings):
    settings.SOURCES_ALLOW_PRIVATE_NETWORKS = False
    server.routes["/feed.ics"] = respond(body=CALENDAR)
    refused("private-address", server.url("/feed.ics"))
    assert server.seen == []


PRINT_SETTING = "from meidanhame import settings; print(settings.SOURCES_ALLOW_PRIVATE_NETWORKS)"


@pytest.mark.parametrize(("value", "allowed"), [(None, "False"), ("0", "False"), ("1", "True")])
def test_private_networks_are_allowed_only_by_the_environment_variable(value, allowed):
    env = {k: v for k, v in os.environ.items() if k != "SOURCES_ALLOW_PRIVATE_NETWORKS"}
    if value is not None:
        env["SOURCES_ALLOW_PRIVATE_NETWORKS"] = value
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTING],
        cwd=Path(__file__).resolve().parent.parent,
        env={**env, "TESTING": "1"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == allowed, result.stderr


def test_an_unknown_name_is_unreachable(public_names, monkeypatch):
    def no_such_name(host, port):
        raise fetching.socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(fetching, "resolve", no_such_name)
    refused("unreachable", "http://nowhere.example/feed.ics")


def test_a_closed_port_is_unreachable(private_allowed):
    with fetching.socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    refused("unreachable", f"http://127.0.0.1:{port}/feed.ics")


# Redirect limits ------------------------------------------------------------------------------


def test_a_redirect_loop_is_refused(server, private_allowed):
    server.routes["/a"] = respond(302, headers=[("Location", "/b")])
    server.routes["/b"] = respond(302, headers=[("Location", "/a")])
    refused("redirects", server.url("/a"))
    assert [path for path, _ in server.seen] == ["/a", "/b"]


def test_three_redirects_are_followed_and_a_fourth_refused(server, private_allowed):
    for hop in range(4):
        server.routes[f"/{hop}"] = respond(302, headers=[("Location", f"/{hop + 1}")])
    server.routes["/4"] = respond(body=CALENDAR)
    assert fetch(server.url("/1")).body == CALENDAR
    server.seen.clear()
    refused("redirects", server.url("/0"))
    assert [path for path, _ in server.seen] == ["/0", "/1", "/2", "/3"]


def test_a_redirect_without_a_location_is_refused(server, private_allowed):
    server.routes["/feed.ics"] = respond(302)
    refused("redirects", server.url("/feed.ics"))


# Size -----------------------------------------------------------------------------------------


def stream(total, *, content_length):
    def route(handler):
        handler.send_response(200)
        if content_length:
            handler.send_header("Content-Length", str(total))
        handler.end_headers()
        block = b"x" * 65536
        for _ in range(total // len(block)):
            handler.wfile.write(block)

    return route


@pytest.mark.parametrize("content_length", [True, False])
def test_a_six_megabyte_body_is_refused(server, private_allowed, content_length):
    server.routes["/big"] = stream(6 * MB, content_length=content_length)
    error = refused("too-large", server.url("/big"))
    assert "5" in str(error.reason)


def test_a_body_at_the_limit_is_accepted(server, private_allowed, settings):
    server.routes["/big"] = stream(settings.SOURCES_MAX_BYTES, content_length=False)
    assert len(fetch(server.url("/big")).body) == settings.SOURCES_MAX_BYTES


def test_an_announced_oversized_body_is_refused_before_it_is_read(server, private_allowed):
    def announce_and_stall(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", str(6 * MB))
        handler.end_headers()
        handler.wfile.write(b"x" * 10)
        handler.wfile.flush()
        time.sleep(3)

    server.routes["/big"] = announce_and_stall
    started = time.monotonic()
    refused("too-large", server.url("/big"))
    assert time.monotonic() - started < 1


def compression_bomb(size, encoding):
    wbits = {"gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}[encoding]
    compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
    block = bytes(MB)
    parts = [compressor.compress(block) for _ in range(size // MB)]
    return b"".join(parts) + compressor.flush()


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
def test_a_compression_bomb_is_refused_without_expanding_in_memory(
    server, private_allowed, encoding
):
    bomb = compression_bomb(100 * MB, encoding)
    assert len(bomb) < 200_000
    server.routes["/bomb"] = respond(body=bomb, headers=[("Content-Encoding", encoding)])
    tracemalloc.start()
    try:
        refused("too-large", server.url("/bomb"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * MB


def test_a_gzip_body_of_several_members_is_read_whole(server, private_allowed):
    body = gzip.compress(b"BEGIN:VCALENDAR\r\n") + gzip.compress(b"END:VCALENDAR\r\n")
    server.routes["/feed.ics"] = respond(body=body, headers=[("Content-Encoding", "gzip")])
    assert fetch(server.url("/feed.ics")).body == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("gzip", gzip.compress(CALENDAR, mtime=0)[:-12]),  # cut short
        ("gzip", b"not gzip at all"),
        ("br", b"\x0b\x02\x80hello\x03"),
    ],
)
def test_a_body_that_cannot_be_decompressed_is_refused(server, private_allowed, encoding, body):
    server.routes["/feed.ics"] = respond(body=body, headers=[("Content-Encoding", encoding)])
    refused("encoding", server.url("/feed.ics"))


# Time -----------------------------------------------------------------------------------------


def test_a_server_that_does_not_answer_in_time_is_refused(server, private_allowed, settings):
    settings.SOURCES_TIMEOUT = 0.3

    def sleep_then_answer(handler):
        time.sleep(2)
        respond(body=CALENDAR)(handler)

    server.routes["/slow"] = sleep_then_answer
    started = time.monotonic()
    refused("timeout", server.url("/slow"))
    assert time.monotonic() - started < 1.5


def test_a_server_that_trickles_is_cut_off_at_the_whole_download_limit(
    server, private_allowed, settings
):
    settings.SOURCES_TIMEOUT = 0.2  # each byte comes in time, the whole never does

    def trickle(handler):
        handler.send_response(200)
        handler.end_headers()
        for _ in range(100):
            handler.wfile.write(b"x")
            handler.wfile.flush()
            time.sleep(0.05)

    server.routes["/slow"] = trickle
    started = time.monotonic()
    refused("timeout", server.url("/slow"))
    assert time.monotonic() - started < 2.5


# HTTP errors ----------------------------------------------------------------------------------


def test_an_error_status_is_refused_with_the_status(server, private_allowed):
    server.routes["/feed.ics"] = respond(500, body=b"oops")
    error = refused("http-status", server.url("/feed.ics"))
    assert error.status == 500
    assert "500" in str(error.reason)
    assert refused("http-status", server.url("/missing")).status == 404


def test_a_gone_source_is_recognised(server, private_allowed):
    server.routes["/feed.ics"] = respond(410)
    error = refused("http-status", server.url("/feed.ics"))
    assert error.status == 410
    assert "410" in str(error.reason)


def test_an_answer_that_is_not_http_is_refused(server, private_allowed):
    def garbage(handler):
        handler.wfile.write(b"\x00\x01 not a status line\r\n\r\n")

    server.routes["/feed.ics"] = garbage
    refused("protocol", server.url("/feed.ics"))


def test_a_body_cut_short_is_refused(server, private_allowed):
    def cut_short(handler):
        handler.send_response(200)
        handler.send_header("Content-Length", "1000")
        handler.end_headers()
        handler.wfile.write(b"BEGIN:VCALENDAR")

    server.routes["/feed.ics"] = cut_short
    refused("incomplete", server.url("/feed.ics"))


def test_a_reason_is_put_in_words_when_shown_not_when_raised(server, private_allowed):
    server.routes["/feed.ics"] = respond(503)
    error = refused("http-status", server.url("/feed.ics"))
    assert isinstance(error.reason, Promise)
    with translation.override("en"):
        assert str(error.reason) == "The server answered with the error 503."


# Text -----------------------------------------------------------------------------------------


def fetched(body, content_type="text/calendar"):
    return Fetched(status=200, body=body, url="http://public.example/", content_type=content_type)


def test_text_is_utf8_by_default_and_a_byte_order_mark_is_dropped():
    assert decode_text(fetched("Hämeenlinna".encode())) == "Hämeenlinna"
    assert decode_text(fetched(b"\xef\xbb\xbfH\xc3\xa4me")) == "Häme"
    assert decode_text(fetched("Häme".encode("utf-16"))) == "Häme"


def test_the_charset_of_the_content_type_is_honoured():
    body = "Hämeenlinna".encode("latin-1")
    assert decode_text(fetched(body, "text/calendar; charset=ISO-8859-1")) == "Hämeenlinna"


def test_invalid_utf8_is_refused():
    with pytest.raises(FetchError) as caught:
        decode_text(fetched(b"H\xe4me"))
    assert caught.value.code == "encoding"


def test_an_unknown_or_non_text_charset_is_refused():
    for charset in ("x-no-such-charset", "rot13", "base64"):
        with pytest.raises(FetchError) as caught:
            decode_text(fetched(b"abc", f"text/calendar; charset={charset}"))
        assert caught.value.code == "encoding", charset
