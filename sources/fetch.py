"""The one way a source is downloaded: an iCal feed or a page of a Linked Events API, named by
an editor, so its address is untrusted input. Everything here refuses with a `FetchError`
rather than let that address reach our own network or exhaust the worker.

Design:
- Only http and https (webcal:// and webcals:// are their calendar spellings). The standard
  library's `http.client` does the talking: it follows no redirects and reads no proxy
  settings by itself, so nothing reaches the network that this module did not check.
- The address we connect to is the address we checked. The host name is resolved once per hop
  (`resolve`), every address it has must be public (unless SOURCES_ALLOW_PRIVATE_NETWORKS), and
  the socket is then opened to that checked IP literal (`connect`); the URL's host name only
  travels in the Host header and as the TLS server name (SNI and certificate check). There is
  no second lookup, so a name that answers "public" to the check and "127.0.0.1" a moment
  later (DNS rebinding) still gets the public address it answered first.
- Redirects are followed here, at most three, each target checked like the first address; a
  redirect back to an address already visited is a loop.
- Size is limited as the bytes stream in: a Content-Length over the limit is refused before
  reading, the bytes on the wire are counted, and compressed bodies are inflated step by step
  with an output bound, so a small gzip bomb stops at the limit instead of expanding in memory.
- Time: SOURCES_TIMEOUT bounds each wait (connecting, the TLS handshake, every read); reading
  the body is bounded in total too (six times that), so a server that trickles a byte at a
  time cannot hold a worker forever.
- A `FetchError`'s reason is lazy: it is put in words in the language of whoever reads it.
- Tests patch `resolve` and `connect` to make a public-looking name lead to a local server.
"""

import codecs
import http.client
import ipaddress
import operator
import socket
import ssl
import time
import zlib
from dataclasses import dataclass
from email.message import Message
from functools import cache
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

MAX_REDIRECTS = 3
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
DEFAULT_ACCEPT = "text/calendar, application/json;q=0.9, */*;q=0.5"
SCHEMES = {"http": "http", "https": "https", "webcal": "http", "webcals": "https"}
DEFAULT_PORTS = {"http": 80, "https": 443}
URL_SAFE = "!#$%&'()*+,/:;=?@[]~"
# A whole download may take this many SOURCES_TIMEOUTs (each single wait takes at most one).
TOTAL_TIME_FACTOR = 6
CHUNK_BYTES = 64 * 1024
# Addresses that carry an IPv4 address inside an IPv6 one reach that IPv4 address.
NAT64 = ipaddress.ip_network("64:ff9b::/96")

# The reason is formatted when it is shown, in the reader's language, not when it is raised.
_format_lazy = lazy(operator.mod, str)
_filesize_lazy = lazy(filesizeformat, str)


class FetchError(Exception):
    """A refused or failed download. `reason` is a sentence for the run's report, `code` a
    short slug ("scheme", "private-address", "too-large", "timeout", ...), and `status` the
    HTTP status when the server answered with an error (410: the source is gone)."""

    def __init__(self, code, reason, *, status=None):
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.status = status

    def __str__(self):
        return f"{self.code}: {self.reason}"


@dataclass
class Fetched:
    status: int  # 200 (or another 2xx), or 304 when the conditional GET says not modified
    body: bytes  # decompressed; b"" on 304
    url: str  # the final URL after redirects
    etag: str = ""
    last_modified: str = ""
    content_type: str = ""


def resolve(host, port):
    """Every address `host` has, IPv4 and IPv6 (tests replace this)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


def connect(address, port, timeout):
    """A TCP socket to the IP literal `address` (tests replace this)."""
    return socket.create_connection((address, port), timeout=timeout)


def is_public_address(address):
    """Whether `address` is on the public internet: not loopback, private, link-local, shared
    (100.64/10), multicast, reserved or unspecified, also when wrapped in an IPv6 address."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    if ip.version == 6:
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return is_public_address(str(embedded))
    return ip.is_global and not ip.is_multicast and not ip.is_reserved


def fetch(url, *, etag="", last_modified="", accept=""):
    """Download `url` (GET), following at most three redirects; a `Fetched` or a FetchError.
    Give the `etag` and `last_modified` of the previous download to get a 304 when nothing
    changed."""
    headers = {
        "User-Agent": f"MeidanHame/1.0 (+{settings.BASE_URL})",
        "Accept": accept or DEFAULT_ACCEPT,
        "Accept-Encoding": "gzip, deflate",
        "Connection": "close",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    deadline = time.monotonic() + settings.SOURCES_TIMEOUT * TOTAL_TIME_FACTOR
    try:
        return _follow(_normalise(url), headers, deadline, etag, last_modified)
    except FetchError:
        raise
    except TimeoutError as error:
        raise FetchError("timeout", _("The server did not answer in time.")) from error
    except (ssl.SSLError, ssl.CertificateError) as error:
        raise FetchError(
            "tls", _("The server's secure connection could not be verified.")
        ) from error
    except http.client.IncompleteRead as error:
        raise FetchError(
            "incomplete", _("The connection broke before the whole document arrived.")
        ) from error
    except http.client.InvalidURL as error:
        raise FetchError("url", _("The address is not a valid web address.")) from error
    except (http.client.HTTPException, ValueError) as error:
        raise FetchError("protocol", _("The server's answer was not valid HTTP.")) from error
    except zlib.error as error:
        raise FetchError("encoding", _("The document's compressed data is damaged.")) from error
    except OSError as error:
        raise FetchError("unreachable", _("The server could not be reached.")) from error


def decode_text(fetched):
    """The body as text: in the charset its Content-Type names, else UTF-8; a byte order mark
    wins over both. Bytes that are not valid in that charset are refused, not replaced."""
    body = fetched.body
    message = Message()
    message["Content-Type"] = fetched.content_type or "application/octet-stream"
    charset = message.get_content_charset() or "utf-8"
    if body.startswith(codecs.BOM_UTF8):
        charset = "utf-8-sig"
    elif body.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        charset = "utf-16"
    try:
        return body.decode(charset)
    except LookupError as error:
        raise FetchError(
            "encoding",
            _format_lazy(
                _("The document names a character set we do not know: %(charset)s."),
                {"charset": charset[:40]},
            ),
        ) from error
    except UnicodeDecodeError as error:
        raise FetchError(
            "encoding",
            _format_lazy(
                _("The document is not valid text in the %(charset)s character set."),
                {"charset": charset},
            ),
        ) from error


def _normalise(url):
    """`url` checked to be an http(s) address with a host, in the form we request: webcal
    spelled as http, the host name in ASCII (IDNA), no user:password@ part, no fragment."""
    try:
        parts = urlsplit(url.strip())
        scheme = SCHEMES.get(parts.scheme.lower())
        if scheme is None:
            raise FetchError("scheme", _("Only http, https and webcal addresses can be fetched."))
        if not parts.hostname:
            raise ValueError("no host")
        host = parts.hostname.encode("idna").decode("ascii")
        port = parts.port  # a port that is not a number raises ValueError
    except ValueError as error:  # UnicodeError (IDNA) is one too
        raise FetchError("url", _("The address is not a valid web address.")) from error
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port is None else f"{host}:{port}"
    # Spaces and letters beyond ASCII are percent-encoded; escapes already there are kept.
    path = quote(parts.path or "/", safe=URL_SAFE)
    return urlunsplit((scheme, netloc, path, quote(parts.query, safe=URL_SAFE), ""))


def _follow(url, headers, deadline, etag, last_modified):
    visited = []
    while True:
        visited.append(url)
        connection, response, sock = _request(url, headers)
        try:
            if response.status in REDIRECT_STATUSES:
                url = _redirect_target(url, response, visited)
                continue
            if response.status == 304:
                return Fetched(
                    status=304,
                    body=b"",
                    url=url,
                    etag=response.getheader("ETag") or etag,
                    last_modified=response.getheader("Last-Modified") or last_modified,
                    content_type=response.getheader("Content-Type", ""),
                )
            if not 200 <= response.status < 300:
                raise _status_error(response.status)
            body = _read_body(response, sock, deadline)
            return Fetched(
                status=response.status,
                body=body,
                url=url,
                etag=response.getheader("ETag", ""),
                last_modified=response.getheader("Last-Modified", ""),
                content_type=response.getheader("Content-Type", ""),
            )
        finally:
            response.close()
            connection.close()
            sock.close()


def _redirect_target(url, response, visited):
    location = response.getheader("Location")
    if not location:
        raise FetchError("redirects", _("The server redirected without saying where to."))
    target = _normalise(urljoin(url, location))
    if target in visited:
        raise FetchError("redirects", _("The address redirects in a loop."))
    if len(visited) > MAX_REDIRECTS:
        raise FetchError(
            "redirects",
            _format_lazy(
                _("The address redirected more than %(count)s times."), {"count": MAX_REDIRECTS}
            ),
        )
    return target


def _status_error(status):
    if status == 410:
        reason = _("The source is gone: the server says it was removed for good (410).")
    else:
        reason = _format_lazy(
            _("The server answered with the error %(status)s."), {"status": status}
        )
    return FetchError("http-status", reason, status=status)


class _PinnedConnection(http.client.HTTPConnection):
    """An HTTP connection over a socket already opened to a checked address. It never connects
    by itself, which would resolve the host name again."""

    def __init__(self, sock, timeout):
        super().__init__("pinned.invalid", timeout=timeout)
        self.sock = sock

    def connect(self):
        raise http.client.NotConnected("a pinned connection cannot reconnect")

    def close(self):
        # The socket stays open for `_read_body`'s timeouts; `_follow` closes it.
        self.sock = None
        super().close()


def _request(url, headers):
    parts = urlsplit(url)
    host = parts.hostname
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    timeout = settings.SOURCES_TIMEOUT
    sock = _open_socket(host, port, timeout)
    try:
        if parts.scheme == "https":
            sock = _tls_context().wrap_socket(sock, server_hostname=host)
        connection = _PinnedConnection(sock, timeout)
        target = urlunsplit(("", "", parts.path, parts.query, ""))
        connection.request("GET", target, headers={"Host": parts.netloc, **headers})
        return connection, connection.getresponse(), sock
    except BaseException:
        sock.close()
        raise


def _open_socket(host, port, timeout):
    """A socket to the first reachable address of `host`, every one of which was checked."""
    try:
        addresses = resolve(host, port)
    except (OSError, UnicodeError) as error:
        raise FetchError(
            "unreachable",
            _format_lazy(_("The server name %(host)s could not be found."), {"host": host}),
        ) from error
    if not settings.SOURCES_ALLOW_PRIVATE_NETWORKS:
        for address in addresses:
            if not is_public_address(address):
                raise FetchError(
                    "private-address",
                    _format_lazy(
                        _("%(host)s is in a private network, which sources may not reach."),
                        {"host": host},
                    ),
                )
    failure = None
    for address in addresses:
        try:
            return connect(address, port, timeout)
        except OSError as error:
            failure = error
    if failure is None:
        failure = OSError(f"{host} has no address")
    raise failure


@cache
def _tls_context():
    # Certificates and host names are verified against the system's trusted authorities.
    return ssl.create_default_context()


def _read_body(response, sock, deadline):
    limit = settings.SOURCES_MAX_BYTES
    length = response.getheader("Content-Length", "").strip()
    if length.isdigit() and int(length) > limit:
        raise _too_large(limit)
    inflater = _Inflater(response.getheader("Content-Encoding", ""), limit)
    received = 0
    pieces = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("the download took too long")
        sock.settimeout(min(settings.SOURCES_TIMEOUT, remaining))
        # One receive at a time, so that a trickle meets the deadline between them.
        chunk = response.read1(CHUNK_BYTES)
        if not chunk:
            break
        received += len(chunk)
        if received > limit:
            raise _too_large(limit)
        pieces.append(inflater.feed(chunk))
    if response.length:  # the Content-Length promised more than came
        raise http.client.IncompleteRead(b"", response.length)
    pieces.append(inflater.finish())
    return b"".join(pieces)


def _too_large(limit):
    return FetchError(
        "too-large",
        _format_lazy(
            _("The document is larger than %(limit)s, the most a source may be."),
            {"limit": _filesize_lazy(limit)},
        ),
    )


class _Inflater:
    """Decompresses a body (gzip or deflate, as the server's Content-Encoding says) as its bytes
    arrive. Each step may produce at most one byte more than the room left under the limit,
    so a body that would expand past the limit is refused having held no more than that."""

    def __init__(self, content_encoding, limit):
        encoding = content_encoding.strip().lower()
        if encoding in ("", "identity"):
            self.wbits = None
        elif encoding in ("gzip", "x-gzip"):
            self.wbits = 16 + zlib.MAX_WBITS
        elif encoding == "deflate":
            self.wbits = zlib.MAX_WBITS
        else:
            raise FetchError(
                "encoding",
                _format_lazy(
                    _("The server compressed the document in a way we cannot read (%(name)s)."),
                    {"name": content_encoding[:40]},
                ),
            )
        self.room = limit
        self.limit = limit
        self.decompressor = None

    def feed(self, data):
        if self.wbits is None:
            return self._take(data)
        if self.decompressor is None:
            self.decompressor = zlib.decompressobj(self.wbits)
            if self.wbits == zlib.MAX_WBITS:
                try:
                    return self._inflate(data)
                except zlib.error:
                    # "deflate" should be zlib-wrapped, but some servers send it raw.
                    self.decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
        return self._inflate(data)

    def finish(self):
        if self.decompressor is None:
            return b""
        if not self.decompressor.eof:
            raise FetchError("encoding", _("The document's compressed data is damaged."))
        return self._take(self.decompressor.flush())

    def _inflate(self, data):
        output = self._take(self.decompressor.decompress(data, self.room + 1))
        # A gzip body may hold several members one after another.
        while self.wbits != zlib.MAX_WBITS and self.decompressor.eof:
            rest = self.decompressor.unused_data
            if not rest:
                break
            self.decompressor = zlib.decompressobj(self.wbits)
            output += self._take(self.decompressor.decompress(rest, self.room + 1))
        return output

    def _take(self, output):
        self.room -= len(output)
        if self.room < 0:
            raise _too_large(self.limit)
        return output
