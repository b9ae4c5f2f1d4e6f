"""`make loadtest`: the site under gunicorn (2 workers) on PostgreSQL with the Redis cache and
`seed_demo --scale N`, loaded on 127.0.0.1 only, one URL at a time.

Prints requests per second and latency p50/p90/p99 per URL, the rate of every public feed type
(the whole catalogue, a filtered view, one training, the funding deadlines whole and filtered,
one funding call, a space's free/busy), cached, as a ratio to the same bytes served as a static
file by the same server, and exits non-zero if any response was a 5xx. Load goes to loopback only.

Environment (all optional):
  LOAD_SCALE=9           seed_demo --scale (9: 2,000 extra trainings and 2,000 funding calls)
  LOAD_DURATION=8        seconds of load per URL
  LOAD_CONNECTIONS=16    concurrent connections
  LOAD_DATABASE_URL      default postgres://postgres@127.0.0.1:5432/meidanhame_load
  LOAD_REDIS_URL         default redis://127.0.0.1:6379/13
  LOAD_FRESH=1           drop and reseed the database even if it matches

Seeding at scale takes minutes, so the database is kept between runs and reused while the
migrations, the demo seeding code and the scale are unchanged (a fingerprint stored in it).
"""

import hashlib
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import psycopg

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
BIN = Path(PYTHON).parent
HOST = "127.0.0.1"

SCALE = int(os.environ.get("LOAD_SCALE", "9"))
DURATION = int(os.environ.get("LOAD_DURATION", "8"))
CONNECTIONS = int(os.environ.get("LOAD_CONNECTIONS", "16"))
DATABASE_URL = os.environ.get(
    "LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/meidanhame_load"
)
REDIS_URL = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/13")

WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) server_errors = 0 end
function response(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1 end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("server_errors") end
  io.write(string.format("RESULT %d %d %.1f %.1f %.1f %d %d\\n", summary.requests,
    summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), total, summary.errors.status))
end
"""


def log(message):
    print(message, flush=True)


def site_env():
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "meidanhame.settings",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "DEBUG": "0",
        "TESTING": "0",
        "SECRET_KEY": "loadtest-" + secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "BASE_URL": "http://127.0.0.1",
        "LOG_LEVEL": "ERROR",
        "EMAIL_URL": "",
    }


def manage(*args, env):
    subprocess.run([PYTHON, "manage.py", *args], cwd=REPO, env=env, check=True)


# The database ----------------------------------------------------------------------------


def fingerprint():
    """Changes when the schema or the demo content could change: migrations, seeding code."""
    digest = hashlib.sha256(f"scale={SCALE}".encode())
    patterns = ("*/migrations/*.py", "*/demo*.py", "home/management/commands/seed_demo.py")
    files = sorted(
        {p for pattern in patterns for p in REPO.glob(pattern) if ".venv" not in p.parts}
    )
    for path in files:
        digest.update(str(path.relative_to(REPO)).encode() + path.read_bytes())
    return digest.hexdigest()


def admin_dsn():
    parts = urlsplit(DATABASE_URL)
    return parts._replace(path="/postgres").geturl(), parts.path.lstrip("/")


def stored_fingerprint():
    try:
        with psycopg.connect(DATABASE_URL, connect_timeout=5) as conn:
            row = conn.execute("SELECT value FROM loadtest_fingerprint").fetchone()
            return row[0] if row else None
    except psycopg.Error:
        return None


def prepare_database(env):
    wanted = fingerprint()
    if os.environ.get("LOAD_FRESH") != "1" and stored_fingerprint() == wanted:
        log(f"Reusing the database {admin_dsn()[1]} (seeded at scale {SCALE}, schema unchanged)")
        manage("migrate", "--noinput", "-v0", env=env)
    else:
        seed_database(wanted, env)
    # What autovacuum does in production (a server may run with it off, as the development
    # machine's does): without statistics the planner guesses, and the home page and the
    # search measured two to five times slower. Also for a database seeded before this ran.
    with psycopg.connect(DATABASE_URL, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def seed_database(wanted, env):
    dsn, name = admin_dsn()
    log(f"Creating the database {name} and seeding it at scale {SCALE} (takes a few minutes)")
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    started = time.monotonic()
    manage("migrate", "--noinput", "-v0", env=env)
    manage("seed_demo", "--scale", str(SCALE), env=env)
    with psycopg.connect(DATABASE_URL, autocommit=True) as conn:
        conn.execute("CREATE TABLE loadtest_fingerprint (value text)")
        conn.execute("INSERT INTO loadtest_fingerprint VALUES (%s)", (wanted,))
    log(f"Seeded in {time.monotonic() - started:.0f} s")


# The server ------------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, env):
        self.env = env
        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"
        self.process = None

    def start(self):
        command = [
            str(BIN / "gunicorn"),
            "meidanhame.wsgi",
            "--workers=2",
            f"--bind={HOST}:{self.port}",
            "--access-logfile=-" if os.environ.get("LOAD_ACCESS_LOG") else "--log-level=warning",
        ]
        self.process = subprocess.Popen(command, cwd=REPO, env=self.env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit("gunicorn stopped at start-up")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise SystemExit("gunicorn did not answer /healthz in 60 s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)

    def get(self, path):
        with urllib.request.urlopen(self.base + path, timeout=30) as response:
            return response.status, response.read()


def discover_urls(env):
    """The URLs to load, read from the seeded database and the pages themselves."""
    code = """
import json
from wagtail.models import Page
from catalogue.models import TrainingIndexPage, TrainingPage
from django.utils import timezone
from funding.models import FundingIndexPage, FundingOpportunityPage
from lending.models import Booking, SpacePage
fi = dict(locale__language_code="fi")
catalogue = TrainingIndexPage.objects.live().filter(**fi).first()
training = TrainingPage.objects.live().filter(**fi).exclude(slug__startswith="kopio-").first()
funding = FundingIndexPage.objects.live().filter(**fi).first()
call = (
    FundingOpportunityPage.objects.live().filter(**fi, deadlines__closes_at__gt=timezone.now())
    .exclude(slug__startswith="kopio-").first()
)
booked = Booking.objects.values("resource_id")
space = SpacePage.objects.live().filter(**fi, pk__in=booked).first()
print(json.dumps({
    "catalogue": catalogue.url, "training": training.url, "funding": funding.url,
    "call": call.url, "space": space.url,
}))
"""
    result = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=REPO,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def calendar_links(html):
    """The paths (with query) of the calendar feeds a page announces in <head>."""
    paths = []
    for href in re.findall(r'<link rel="alternate" type="text/calendar"[^>]*href="([^"]+)"', html):
        parts = urlsplit(href.replace("&amp;", "&"))
        paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def ics_link(server, page_path, pattern):
    """The path of the first .ics link on a page whose href matches `pattern`."""
    html = server.get(page_path)[1].decode()
    hrefs = [href.replace("&amp;", "&") for href in re.findall(r'href="([^"]+\.ics[^"]*)"', html)]
    href = next(href for href in hrefs if re.search(pattern, href))
    parts = urlsplit(href)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def feeds_and_filter(server, urls):
    """Every kind of public feed, as the pages link to it: the whole catalogue, a filtered
    view of it, one training's .ics, the funding deadlines (whole and filtered), one call's
    .ics and a space's free/busy feed; and a filtered catalogue URL."""
    html = server.get(urls["catalogue"])[1].decode()
    theme = re.search(r'name="theme" value="([^"]+)"', html)
    filtered = urls["catalogue"] + "?municipality=hameenlinna"
    if theme:
        filtered += f"&theme={theme.group(1)}"
    feeds = {}
    catalogue_feeds = calendar_links(html)
    if catalogue_feeds:
        feeds["catalogue feed"] = catalogue_feeds[0]
    training_html = server.get(urls["training"])[1].decode()
    training_feeds = calendar_links(training_html) or [
        urlsplit(re.findall(r'href="([^"]+\.ics)"', training_html)[0]).path
    ]
    feeds["training .ics"] = training_feeds[0]
    filtered_feeds = calendar_links(server.get(filtered)[1].decode())
    if filtered_feeds:
        feeds["filtered feed"] = filtered_feeds[0]
    deadlines = ics_link(server, urls["funding"], r"/deadlines\.ics")
    feeds["funding deadlines"] = deadlines
    feeds["filtered deadlines"] = deadlines.split("?")[0] + "?funder_type=municipality"
    feeds["funding call .ics"] = ics_link(server, urls["call"], r"/opportunity/")
    feeds["free/busy feed"] = ics_link(server, urls["space"], r"/calendar/lending/")
    return feeds, filtered


# Load ------------------------------------------------------------------------------------


def run_wrk(url):
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    try:
        result = subprocess.run(
            ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "-s", script.name, url],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        os.unlink(script.name)
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULT "))
    requests, duration_us, p50, p90, p99, server_errors, non_2xx = line.split()[1:]
    return {
        "requests": int(requests),
        "rps": int(requests) / (int(duration_us) / 1e6),
        "p50": float(p50) / 1000,
        "p90": float(p90) / 1000,
        "p99": float(p99) / 1000,
        "5xx": int(server_errors),
        "other_errors": int(non_2xx) - int(server_errors),
    }


def run_python(url):
    """The same measurement without wrk: threads with keep-alive connections."""
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    latencies, statuses, lock = [], [], threading.Lock()
    stop_at = time.monotonic() + DURATION

    def worker():
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        mine, codes = [], []
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            mine.append((time.perf_counter() - started) * 1000)
            codes.append(response.status)
        conn.close()
        with lock:
            latencies.extend(mine)
            statuses.extend(codes)

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(len(latencies) * p / 100))]

    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": pct(50),
        "p90": pct(90),
        "p99": pct(99),
        "5xx": sum(1 for s in statuses if s >= 500),
        "other_errors": sum(1 for s in statuses if 400 <= s < 500),
    }


def main():
    env = site_env()
    load = run_wrk if shutil.which("wrk") else run_python
    log(f"Load tool: {'wrk' if load is run_wrk else 'Python threads (wrk not found)'}")
    prepare_database(env)
    manage("collectstatic", "--noinput", "-v0", env=env)
    urls = discover_urls(env)

    # First start: read the feeds' bytes, to serve them again as static files.
    server = Server(env)
    server.start()
    try:
        feeds, filtered = feeds_and_filter(server, urls)
        feed_bytes = {name: server.get(path)[1] for name, path in feeds.items()}
    finally:
        server.stop()
    static_dir = REPO / "staticfiles" / "loadtest"
    static_dir.mkdir(parents=True, exist_ok=True)
    static_paths = {}
    for number, (name, data) in enumerate(feed_bytes.items()):
        (static_dir / f"feed{number}.ics").write_bytes(data)
        static_paths[name] = f"/static/loadtest/feed{number}.ics"

    targets = [
        ("home", "/fi/"),
        ("catalogue", urls["catalogue"]),
        ("filtered catalogue", filtered),
        ("training page", urls["training"]),
        ("funding index", urls["funding"]),
        ("search", "/fi/search/?q=yhdistys"),
    ]
    for name, path in feeds.items():
        targets += [(name, path), (f"{name} as static", static_paths[name])]
    server = Server(env)
    server.start()
    results = {}
    try:
        for name, path in targets:
            status, _ = server.get(path)  # warm the caches
            log(f"  {name}: {path} ({status}, {DURATION} s)")
            results[name] = load(server.base + path)
    finally:
        server.stop()
        shutil.rmtree(static_dir, ignore_errors=True)

    log("")
    log(f"Scale {SCALE}, gunicorn 2 workers, {CONNECTIONS} connections, {DURATION} s per URL")
    log(f"{'URL':<22}{'req/s':>9}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'5xx':>6}{'4xx':>6}")
    for name, result in results.items():
        log(
            f"{name:<22}{result['rps']:>9.1f}{result['p50']:>9.1f}{result['p90']:>9.1f}"
            f"{result['p99']:>9.1f}{result['5xx']:>6}{result['other_errors']:>6}"
        )
    log("")
    for name in feeds:
        ratio = results[name]["rps"] / results[f"{name} as static"]["rps"]
        log(
            f"Cached {name} vs the same {len(feed_bytes[name]):,} bytes as a static file: "
            f"{ratio:.2f} (target >= 0.5)"
        )
    server_errors = sum(result["5xx"] for result in results.values())
    if server_errors:
        log(f"FAILED: {server_errors} responses were 5xx")
        return 1
    log("No 5xx responses.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
