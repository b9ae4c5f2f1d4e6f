"""Capacity holds under concurrency: 30 people confirm their registrations for 10 places at the
same moment (a registration takes a place when its address is confirmed).

PostgreSQL only: `select_for_update` on the training's row serialises the registrations.
(SQLite has a single writer, so the race cannot happen there; its IMMEDIATE transactions
serialise writers the same way.) Runs in its own pytest invocation, since it commits.
"""

import pytest

from django.conf import settings
from django.db import connection

from wagtail.models import Locale, Page

from catalogue import services
from catalogue.models import Registration, Theme, TrainingIndexPage
from home.models import HomePage
from tests.catalogue_factories import make_training

from .threads import run_together

pytestmark = [
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="row locks (select_for_update) need PostgreSQL; set DATABASE_URL to run this",
    ),
    pytest.mark.django_db(transaction=True),
]

PEOPLE = 30
PLACES = 10


@pytest.fixture(autouse=True)
def catalogue_tree():
    """The minimal tree make_training needs; a transactional test starts from a flushed
    database (the previous one's flush removes even the migrations' rows)."""
    fi, _ = Locale.objects.get_or_create(language_code="fi")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = HomePage.objects.filter(locale=fi).first()
    if home is None:
        home = root.add_child(
            instance=HomePage(
                title="Meidän Häme", slug="kotisivu", hero_title="Meidän Häme", locale=fi
            )
        )
    if not TrainingIndexPage.objects.filter(slug="koulutukset", locale=fi).exists():
        home.add_child(
            instance=TrainingIndexPage(title="Koulutukset", slug="koulutukset", locale=fi)
        )
    Theme.objects.get_or_create(slug="rahoitus", locale=fi, defaults={"name": "Rahoitus"})


def test_thirty_simultaneous_confirmations_for_ten_places():
    training = make_training("ruuhka", registration_mode="built_in", capacity=PLACES)
    pending = [
        services.register(
            training,
            name=f"Henkilö {i}",
            email=f"henkilo{i}@example.org",
            association="Kuormitusyhdistys ry",
            language="fi",
        )
        for i in range(PEOPLE)
    ]

    errors = run_together(PEOPLE, lambda i: services.confirm(pending[i]))
    assert errors == []
    registrations = Registration.objects.filter(training=training)
    assert registrations.filter(status="confirmed").count() == PLACES
    assert registrations.filter(status="waiting").count() == PEOPLE - PLACES

    # One cancellation promotes exactly one person: the first on the waiting list.
    first_waiting = registrations.filter(status="waiting").order_by("confirmed_at", "pk").first()
    cancelled = registrations.filter(status="confirmed").first()
    promoted = services.cancel(cancelled)
    assert promoted.pk == first_waiting.pk
    assert registrations.filter(status="confirmed").count() == PLACES
    assert registrations.filter(status="waiting").count() == PEOPLE - PLACES - 1

    # Five simultaneous cancellations promote exactly five, in order, and never overfill.
    waiting_order = list(
        registrations.filter(status="waiting")
        .order_by("confirmed_at", "pk")
        .values_list("pk", flat=True)
    )
    leaving = list(registrations.filter(status="confirmed")[:5])
    errors = run_together(5, lambda i: services.cancel(leaving[i]))
    assert errors == []
    assert registrations.filter(status="confirmed").count() == PLACES
    promoted_now = set(
        registrations.filter(status="confirmed", pk__in=waiting_order).values_list("pk", flat=True)
    )
    assert promoted_now == set(waiting_order[:5])


def test_double_submit_of_the_same_email_registers_once():
    training = make_training("tupla", registration_mode="built_in", capacity=PLACES)

    def register(i):
        services.register(
            training, name="Sama", email="sama@example.org", association="X", language="fi"
        )

    assert run_together(8, register) == []
    assert Registration.objects.filter(training=training).count() == 1
    assert connection.vendor == "postgresql"


def test_confirming_twice_at_once_takes_one_place():
    training = make_training("kaksoisklikkaus", registration_mode="built_in", capacity=PLACES)
    registration = services.register(
        training, name="Sama", email="sama@example.org", association="X", language="fi"
    )
    assert run_together(5, lambda i: services.confirm(registration)) == []
    assert services.places(training).confirmed == 1
