"""Faults as visitors meet them: the database stops, Redis stops, the mail server refuses.

The database outage is simulated by making every query fail with the OperationalError that a
refused connection gives, then letting queries through again; Redis by pointing the cache at a
closed port, and at a Redis server of the test's own that it stops and starts again; the mail
server by a backend that raises and by SMTP to a port where nothing listens."""

import logging
import re
import shutil
import smtplib
import socket
import subprocess
import time
import uuid

import pytest

from django.core import mail
from django.core.cache import cache, caches
from django.core.mail.backends.base import BaseEmailBackend
from django.db import OperationalError
from django.db.backends import utils as db_utils
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Page

from catalogue.models import Registration, TrainingIndexPage, TrainingPage
from tests.catalogue_factories import make_training

pytestmark = pytest.mark.django_db

REFUSED = 'connection to server at "127.0.0.1", port 5432 failed: Connection refused'


def closed_port():
    """A loopback port where nothing listens (bound and released at once)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Database ---------------------------------------------------------------------------------


@pytest.fixture
def database_down(monkeypatch):
    """While active, every query fails as if PostgreSQL had stopped; `.restore()` brings the
    database back (what a restarted server looks like to Django's next request)."""

    class Outage:
        def __init__(self):
            self.queries_refused = 0

        def refuse(self, *args, **kwargs):
            self.queries_refused += 1
            raise OperationalError(REFUSED)

        def restore(self):
            monkeypatch.undo()

    outage = Outage()
    for cls in (db_utils.CursorWrapper, db_utils.CursorDebugWrapper):
        monkeypatch.setattr(cls, "execute", outage.refuse)
        monkeypatch.setattr(cls, "executemany", outage.refuse)
    yield outage
    monkeypatch.undo()


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("/fi/", "Palvelu ei juuri nyt vastannut"),
        ("/sv/", "Tjänsten kunde inte svara just nu"),
        ("/en/", "The service could not answer just now"),
    ],
)
def test_database_down_pages_answer_a_friendly_503_in_the_visitors_language(
    client, database_down, url, text
):
    response = client.get(url)
    assert database_down.queries_refused >= 1
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert text in html
    assert f'lang="{url.strip("/")}"' in html
    assert "Content-Security-Policy" in response


def test_database_down_health_check_answers_503(client, database_down):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


def test_database_down_feed_and_search_answer_503_not_500(client, database_down):
    for url in ("/fi/search/?q=koulutus", "/fi/calendar/training/" + str(uuid.uuid4()) + ".ics"):
        response = client.get(url)
        assert response.status_code == 503, url


def test_site_recovers_by_itself_when_the_database_returns(client, database_down):
    assert client.get("/fi/").status_code == 503
    assert client.get("/healthz").status_code == 503
    database_down.restore()
    assert client.get("/healthz").status_code == 200
    assert client.get("/fi/").status_code == 200


def test_outage_is_logged_once_not_per_request(client, database_down, caplog, monkeypatch):
    from meidanhame.middleware import DatabaseUnavailableMiddleware

    monkeypatch.setattr(DatabaseUnavailableMiddleware, "_last_logged", 0.0)
    with caplog.at_level(logging.ERROR, logger="meidanhame.database"):
        for _ in range(5):
            assert client.get("/fi/").status_code == 503
    outage_logs = [r for r in caplog.records if r.name == "meidanhame.database"]
    assert len(outage_logs) == 1


# Redis ------------------------------------------------------------------------------------


def redis_cache_settings(location, prefix):
    return {
        "default": {
            "BACKEND": "meidanhame.cache.TolerantRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": prefix,
            "TIMEOUT": 600,
        }
    }


@pytest.fixture
def fresh_cache_health(monkeypatch):
    """Each test starts with no memory of earlier outages."""
    from meidanhame import cache as tolerant

    monkeypatch.setattr(tolerant, "_health", {})
    monkeypatch.setattr(tolerant, "RETRY_SECONDS", 0.2)


def feed_urls(client):
    """Every calendar feed the catalogue and funding index pages announce, plus one training's
    own .ics file."""
    urls = []
    for page in (
        Page.objects.live().public().filter(locale__language_code="fi").type(TrainingIndexPage)[:1]
    ):
        html = client.get(page.url).content.decode()
        urls += re.findall(r'<link rel="alternate" type="text/calendar"[^>]*href="([^"]+)"', html)
    training = TrainingPage.objects.live().filter(locale__language_code="fi").first()
    urls.append(f"/fi/calendar/training/{training.uid}.ics")
    return [re.sub(r"^https?://[^/]+", "", url).replace("&amp;", "&") for url in urls]


def without_dtstamp(body):
    return re.sub(rb"DTSTAMP:[0-9TZ]+\r\n", b"", body)


def test_redis_down_the_site_keeps_serving_and_feeds_stay_correct(
    client, fresh_cache_health, caplog
):
    urls = feed_urls(client)
    expected = {url: without_dtstamp(client.get(url).content) for url in urls}
    location = f"redis://127.0.0.1:{closed_port()}/0"
    with (
        override_settings(CACHES=redis_cache_settings(location, "faults")),
        caplog.at_level(logging.WARNING, logger="meidanhame.cache"),
    ):
        assert cache.get("anything") is None
        cache.set("anything", 1)
        for url in ("/fi/", "/sv/", "/fi/search/?q=yhdistys"):
            assert client.get(url).status_code == 200, url
        for url, body in expected.items():
            response = client.get(url)
            assert response.status_code == 200, url
            assert without_dtstamp(response.content) == body, url
            assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    warnings = [r for r in caplog.records if r.name == "meidanhame.cache"]
    assert len(warnings) == 1, [r.getMessage() for r in warnings]
    assert "unavailable" in warnings[0].getMessage()


def test_tolerant_cache_reads_as_misses_and_writes_as_no_ops(fresh_cache_health):
    location = f"redis://127.0.0.1:{closed_port()}/0"
    with override_settings(CACHES=redis_cache_settings(location, "faults")):
        assert cache.get("k", "default") == "default"
        assert cache.get_many(["a", "b"]) == {}
        assert cache.add("k", 1) is False
        assert cache.set_many({"a": 1}) == ["a"]
        assert cache.get_or_set("k", 7) == 7
        cache.delete("k")
        cache.delete_many(["a"])
        assert cache.has_key("k") is False
        with pytest.raises(ValueError):
            cache.incr("counter")


def test_tolerant_cache_works_with_the_real_redis(client, fresh_cache_health):
    """Against the Redis this machine and CI run at 127.0.0.1:6379 (database 14, a key prefix
    of this test's own; nothing is flushed)."""
    prefix = f"faults-{uuid.uuid4().hex}"
    with override_settings(CACHES=redis_cache_settings("redis://127.0.0.1:6379/14", prefix)):
        backend = caches["default"]
        try:
            backend._cache.get_client().ping()
        except Exception as error:  # noqa: BLE001
            pytest.skip(f"No Redis at 127.0.0.1:6379: {error}")
        try:
            cache.set("answer", 42)
            assert cache.get("answer") == 42
            assert cache.incr("answer") == 43
            url = feed_urls(client)[-1]
            first = client.get(url)
            second = client.get(url)
            assert first.status_code == second.status_code == 200
            assert first["ETag"] == second["ETag"]
            assert first.content == second.content
            assert cache.get("calendars:generation") is not None
        finally:
            client_ = backend._cache.get_client(write=True)
            keys = list(client_.scan_iter(match=f"{prefix}:*"))
            if keys:
                client_.delete(*keys)


@pytest.fixture
def own_redis(tmp_path):
    """A Redis server of this test's own on a free port, which the test can stop and start."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed")
    port = closed_port()

    class OwnRedis:
        url = f"redis://127.0.0.1:{port}/0"
        process = None

        def start(self):
            self.process = subprocess.Popen(
                [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                 "--appendonly", "no", "--dir", str(tmp_path)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )  # fmt: skip
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    return
                except OSError:
                    time.sleep(0.05)
            raise RuntimeError("redis-server did not start")

        def stop(self):
            if self.process is not None:
                self.process.terminate()
                self.process.wait(timeout=10)
                self.process = None

    redis = OwnRedis()
    redis.start()
    yield redis
    redis.stop()


def test_cache_falls_back_while_redis_is_stopped_and_uses_it_again_after(
    own_redis, fresh_cache_health, caplog
):
    with (
        override_settings(CACHES=redis_cache_settings(own_redis.url, "faults")),
        caplog.at_level(logging.WARNING, logger="meidanhame.cache"),
    ):
        cache.set("before", "kept")
        assert cache.get("before") == "kept"
        own_redis.stop()
        assert cache.get("before") is None
        cache.set("during", "lost")  # dropped: an invalidation here must not be forgotten
        own_redis.start()
        time.sleep(0.3)  # past RETRY_SECONDS
        assert cache.get("during") is None
        cache.set("after", "stored")
        assert cache.get("after") == "stored"
    messages = [r.getMessage() for r in caplog.records if r.name == "meidanhame.cache"]
    assert len(messages) == 2, messages
    assert "unavailable" in messages[0] and "answers again" in messages[1]


def test_keys_cached_before_an_outage_with_lost_writes_are_forgotten(
    own_redis, fresh_cache_health, monkeypatch
):
    """A feed invalidation dropped during a network outage must not leave a stale feed."""
    from redis.exceptions import ConnectionError as RedisConnectionError

    with override_settings(CACHES=redis_cache_settings(own_redis.url, "faults")):
        backend = caches["default"]
        cache.set("feed", "old")
        client = backend._cache.get_client(write=True)
        monkeypatch.setattr(
            type(client), "set", lambda *a, **k: (_ for _ in ()).throw(RedisConnectionError())
        )
        cache.set("generation", 2)  # lost: Redis still holds the old feed
        monkeypatch.undo()
        time.sleep(0.3)
        assert cache.get("feed") is None


# Mail -------------------------------------------------------------------------------------


class RefusingBackend(BaseEmailBackend):
    """A mail server that refuses every message."""

    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({"x@example.org": (550, b"No thanks")})


@pytest.fixture
def training(db):
    return make_training(
        "postipalvelin-alhaalla",
        registration_mode="built_in",
        capacity=5,
        registration_opens=timezone.now() - timezone.timedelta(days=1),
    )


def registration_form(email):
    return {
        "name": "Maija Meikäläinen",
        "email": email,
        "association": "Hattulan Martat ry",
        "phone": "",
        "needs": "",
        "consent": "on",
        "website": "",
    }


@pytest.mark.parametrize("mail_server", ["refuses", "closed_port"])
def test_refused_mail_does_not_lose_a_registration(
    client, training, django_capture_on_commit_callbacks, caplog, mail_server
):
    if mail_server == "refuses":
        mail_settings = {"EMAIL_BACKEND": "tests.test_faults.RefusingBackend"}
    else:
        mail_settings = {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": closed_port(),
            "EMAIL_TIMEOUT": 5,
        }
    email = f"{mail_server}@example.org"
    with (
        override_settings(**mail_settings),
        django_capture_on_commit_callbacks(execute=True),
        caplog.at_level(logging.ERROR),
    ):
        response = client.post(training.url, registration_form(email))
    assert response.status_code == 302
    registration = Registration.objects.get(training=training, email=email)
    assert registration.status == "pending"  # kept: registering again sends a new link
    assert email in client.get(response["Location"]).content.decode()
    assert any("Could not send" in r.getMessage() for r in caplog.records)
    assert mail.outbox == []
