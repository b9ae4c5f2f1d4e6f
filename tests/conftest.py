"""Shared fixtures: every test database is migrated and filled with the demo content once per
worker, so tests read like a visitor's view of the real site. Tests that need data of their
own create it inside their (rolled back) transaction."""

import io

import pytest

from django.core.management import call_command

from tests.sources_server import server  # noqa: F401 - the sources tests' feed server

# association_a, association_b and people: the cooperation features' permission matrix.
pytest_plugins = ["tests.cooperation_people"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", stdout=io.StringIO())


@pytest.fixture(scope="session")
def site_host():
    """The host the tests' requests name: `localhost`, which the settings allow in every mode,
    rather than Django's `testserver`, which only the test environment adds."""
    return "localhost"


@pytest.fixture
def client(client, site_host):
    """pytest-django's test client, asking for the site as a browser on `make run` does."""
    client.defaults["HTTP_HOST"] = site_host
    return client


@pytest.fixture
def home(db):
    from wagtail.models import Locale

    from home.models import HomePage

    return HomePage.objects.get(locale=Locale.objects.get(language_code="fi"))


@pytest.fixture
def users(db):
    from django.contrib.auth import get_user_model

    User = get_user_model()
    return {
        user.username: user
        for user in User.objects.filter(username__in=["admin", "editor", "member"])
    }


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    from calendars.middleware import forget_routes
    from calendars.readers import forget_seen

    cache.clear()
    forget_routes()
    forget_seen()
    yield
    cache.clear()
    forget_routes()
    forget_seen()


@pytest.fixture
def english():
    """Messages are asserted in English; the site's default language is Finnish."""
    from django.utils import translation

    with translation.override("en"):
        yield
