"""No double booking under concurrency, on PostgreSQL.

20 members ask for overlapping times of one space at the same instant: the exclusion
constraint lets exactly one in and the others get the conflict message. 20 ask for 3 each of
an item with 10: the item's row lock keeps the total at or under 10. (SQLite has a single
writer and IMMEDIATE transactions, so the race cannot happen there.)
"""

import datetime

import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Locale, Page

from associations.models import AssociationIndexPage, AssociationPage
from home.models import HomePage
from lending import services
from lending.models import (
    Booking,
    EquipmentIndexPage,
    EquipmentPage,
    SpaceIndexPage,
    SpaceOpeningHours,
    SpacePage,
)

from .threads import run_together

pytestmark = [
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="the exclusion constraint and row locks need PostgreSQL; set DATABASE_URL",
    ),
    pytest.mark.django_db(transaction=True),
]

THREADS = 20


@pytest.fixture
def tree():
    """Its own minimal tree (slugs apart from the demo's, which the first test may meet before
    a flush empties the database)."""
    fi, _ = Locale.objects.get_or_create(language_code="fi")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = HomePage.objects.filter(locale=fi).first() or root.add_child(
        instance=HomePage(title="Meidän Häme", slug="kotisivu", hero_title="Meidän Häme", locale=fi)
    )
    directory = home.add_child(
        instance=AssociationIndexPage(title="Yhdistykset", slug="kilpa-yhdistykset", locale=fi)
    )
    owner = directory.add_child(
        instance=AssociationPage(
            title="Omistaja ry",
            slug="omistaja",
            summary="x",
            municipality="forssa",
            languages=["fi"],
            locale=fi,
        )
    )
    borrower = directory.add_child(
        instance=AssociationPage(
            title="Lainaaja ry",
            slug="lainaaja",
            summary="x",
            municipality="loppi",
            languages=["fi"],
            locale=fi,
        )
    )
    spaces = home.add_child(instance=SpaceIndexPage(title="Tilat", slug="kilpa-tilat", locale=fi))
    space = spaces.add_child(
        instance=SpacePage(
            title="Sali",
            slug="sali",
            summary="x",
            address="Katu 1",
            municipality="forssa",
            capacity=50,
            association=owner,
            locale=fi,
            max_minutes=600,
            opening_hours=[
                SpaceOpeningHours(weekday=d, opens=datetime.time(8), closes=datetime.time(22))
                for d in range(7)
            ],
        )
    )
    items = home.add_child(
        instance=EquipmentIndexPage(title="Välineet", slug="kilpa-valineet", locale=fi)
    )
    item = items.add_child(
        instance=EquipmentPage(
            title="Teltta",
            slug="teltta",
            summary="x",
            address="Katu 2",
            municipality="forssa",
            category="tents",
            quantity=10,
            max_loan_days=7,
            association=owner,
            locale=fi,
        )
    )
    users = [
        get_user_model().objects.create_user(f"u{i}", f"u{i}@example.org", "x")
        for i in range(THREADS)
    ]
    return {"space": space, "item": item, "borrower": borrower, "users": users}


def test_twenty_overlapping_requests_for_one_space_exactly_one_wins(tree):
    day = timezone.localdate() + datetime.timedelta(days=7)
    outcomes = []

    def ask(i):
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, (i % 4) * 15)))
        try:
            services.request_space(
                tree["space"],
                user=tree["users"][i],
                association=tree["borrower"],
                start=start,
                end=start + datetime.timedelta(hours=2),
            )
            outcomes.append("ok")
        except services.BookingConflict as conflict:
            assert "already booked" in conflict.message
            outcomes.append("conflict")

    assert run_together(THREADS, ask, language="en") == []
    assert outcomes.count("ok") == 1
    assert outcomes.count("conflict") == THREADS - 1
    assert Booking.objects.filter(resource=tree["space"]).count() == 1


def test_twenty_requests_for_three_of_ten_never_exceed_ten(tree):
    first = timezone.localdate() + datetime.timedelta(days=7)
    outcomes = []

    def ask(i):
        try:
            services.request_equipment(
                tree["item"],
                user=tree["users"][i],
                association=tree["borrower"],
                first_day=first,
                last_day=first + datetime.timedelta(days=1),
                quantity=3,
            )
            outcomes.append("ok")
        except services.BookingConflict:
            outcomes.append("conflict")

    assert run_together(THREADS, ask, language="en") == []
    granted = sum(Booking.objects.filter(resource=tree["item"]).values_list("quantity", flat=True))
    assert granted <= 10
    assert outcomes.count("ok") == 3 and granted == 9
