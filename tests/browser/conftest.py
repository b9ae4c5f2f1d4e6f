"""Browser tests: a real server with the demo content, driven by Debian's Chromium.

One server per test session, on its own SQLite file and mail folder under pytest's tmp dir, so
the browser suite never touches `db.sqlite3` or the main suite's databases. Each test gets a
fresh browser context (no cookies or storage carried over) on one shared browser.

The server runs with DEBUG off (TESTING on, so no SECRET_KEY is needed and no HTTPS redirect),
because with DEBUG on Django shows its technical 404 page instead of the site's own, and the
audit must see what visitors see. `runserver --insecure` serves the static files.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .helpers import ARTIFACTS_DIR, Mailbox

REPO_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SERVER_START_TIMEOUT = 60


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(*args, env, log_path):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    with open(log_path, "a") as log:
        log.write(result.stdout)
    if result.returncode:
        tail = "\n".join(result.stdout.splitlines()[-15:])
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{tail}")


def _wait_until_healthy(url, process, log_path):
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The server stopped at start-up; see {log_path}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"The server did not answer /healthz in {SERVER_START_TIMEOUT}s")


@pytest.fixture(scope="session")
def server_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("browser-server")


@pytest.fixture(scope="session")
def mail_dir(server_dir):
    path = server_dir / "mail"
    path.mkdir()
    return path


@pytest.fixture(scope="session")
def live_server_url(server_dir, mail_dir):
    """Base URL (no trailing slash) of a server with freshly migrated demo content."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "meidanhame.settings",
        "DEBUG": "0",
        "TESTING": "1",
        "DATABASE_URL": f"sqlite:///{server_dir / 'browser.sqlite3'}",
        "EMAIL_URL": f"file://{mail_dir}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BASE_URL": url,
        "MEDIA_ROOT": str(server_dir / "media"),
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("REDIS_URL", None)
    log_path = server_dir / "server.log"
    _manage("migrate", "--noinput", "-v0", env=env, log_path=log_path)
    _manage("seed_demo", env=env, log_path=log_path)
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runserver",
                f"127.0.0.1:{port}",
                "--noreload",
                "--insecure",
            ],
            cwd=REPO_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_until_healthy(url, process, log_path)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        # Keep the server's log with the other artifacts, for a failing run in CI.
        ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
        shutil.copy(log_path, ARTIFACTS_DIR / "browser-server.log")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (as .ci/run does)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def context(browser, live_server_url):
    """A fresh browser context per test: no cookies, storage or history from other tests."""
    context = browser.new_context(
        base_url=live_server_url,
        viewport={"width": 1280, "height": 900},
        locale="fi-FI",
        timezone_id="Europe/Helsinki",
    )
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.browser_test_failed = report.failed
    return report


@pytest.fixture
def page(context, request):
    """A page in a fresh context; `page.goto("/fi/")` is relative to the live server. Fails the
    test on any JavaScript error, and keeps a screenshot of the page when the test fails."""
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    yield page
    if getattr(request.node, "browser_test_failed", False) and not page.is_closed():
        name = "".join(c if c.isalnum() or c in "-_" else "_" for c in request.node.name)
        (ARTIFACTS_DIR / "failures").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS_DIR / "failures" / f"{name}.png"), full_page=True)
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def mailbox(mail_dir):
    """The emails the server has sent; `mailbox.latest(to=...)`, `mailbox.links(message)`."""
    return Mailbox(mail_dir)
