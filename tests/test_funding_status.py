"""Status computed from dates: transitions around deadlines, continuous and yearly calls,
validation in the admin's model clean, and a deadline at 23:59 on the day DST ends."""

import datetime

import pytest
import recurrence
import time_machine

from django.core.exceptions import ValidationError

from funding.models import Deadline, FundingOpportunityPage, FundingRound, Timing
from tests.funding_factories import at, day, make_opportunity

pytestmark = pytest.mark.django_db


def status_of(page):
    return FundingOpportunityPage.objects.with_status().get(pk=page.pk).funding_status


def test_status_moves_from_upcoming_to_open_to_closing_soon_to_closed():
    page = make_opportunity("Status test", [(day(2030, 3, 1), day(2030, 4, 30), datetime.time(16))])
    with time_machine.travel(at(2030, 2, 28, 23, 59), tick=False):
        assert status_of(page) == "upcoming"
    with time_machine.travel(at(2030, 3, 1, 0, 0), tick=False):
        assert status_of(page) == "open"
    with time_machine.travel(at(2030, 4, 16, 15, 59), tick=False):
        assert status_of(page) == "open"
    with time_machine.travel(at(2030, 4, 16, 16, 0), tick=False):
        assert status_of(page) == "closing_soon"
    with time_machine.travel(at(2030, 4, 30, 15, 59), tick=False):
        assert status_of(page) == "closing_soon"
    with time_machine.travel(at(2030, 4, 30, 16, 0), tick=False):
        assert status_of(page) == "closed"


def test_a_deadline_without_a_time_lasts_to_the_end_of_the_day():
    page = make_opportunity("Whole day", [(None, day(2030, 5, 10), None)])
    deadline = page.deadlines.get()
    assert deadline.all_day
    with time_machine.travel(at(2030, 5, 10, 23, 59), tick=False):
        assert status_of(page) == "closing_soon"
    with time_machine.travel(at(2030, 5, 11, 0, 0), tick=False):
        assert status_of(page) == "closed"


def test_the_next_round_decides_the_status():
    page = make_opportunity(
        "Two rounds",
        [
            (day(2030, 1, 1), day(2030, 2, 1), datetime.time(16)),
            (day(2030, 8, 1), day(2030, 9, 1), datetime.time(16)),
        ],
    )
    with time_machine.travel(at(2030, 3, 1), tick=False):
        assert status_of(page) == "upcoming"
    with time_machine.travel(at(2030, 8, 2), tick=False):
        assert status_of(page) == "open"


def test_continuous_call_is_always_continuous():
    page = make_opportunity("Rolling", [], timing=Timing.CONTINUOUS)
    assert not page.deadlines.exists()
    with time_machine.travel(at(2031, 1, 1), tick=False):
        assert status_of(page) == "continuous"


def test_yearly_call_repeats_its_round_every_year():
    with time_machine.travel(at(2030, 6, 1), tick=False):
        page = make_opportunity(
            "Yearly",
            [(day(2029, 2, 1), day(2029, 3, 15), datetime.time(16))],
            timing=Timing.ANNUAL,
            recurrence=recurrence.Recurrence(rrules=[recurrence.Rule(recurrence.YEARLY)]),
        )
        # From a year back (the 2029 round is older) to two years ahead.
        closes = [d.local_closes for d in page.deadlines.order_by("closes_at")]
        assert [c.date() for c in closes] == [
            day(2030, 3, 15),
            day(2031, 3, 15),
            day(2032, 3, 15),
        ]
        assert all(c.time() == datetime.time(16) for c in closes)
        assert status_of(page) == "upcoming"
    with time_machine.travel(at(2031, 3, 10), tick=False):
        assert status_of(page) == "closing_soon"


def test_unpublishing_clears_the_deadlines():
    page = make_opportunity("Unpublish", [(None, day(2030, 5, 10), None)])
    assert Deadline.objects.filter(opportunity=page).exists()
    page.unpublish()
    assert not Deadline.objects.filter(opportunity=page).exists()


def test_deadline_at_2359_on_the_day_dst_ends_stays_2359_helsinki_time():
    page = make_opportunity("DST", [(None, day(2025, 10, 26), datetime.time(23, 59))])
    deadline = page.deadlines.get()
    # 23:59 EET (+02:00) on 26.10.2025 is 21:59 UTC; one hour earlier it would still be EEST.
    assert deadline.closes_at == datetime.datetime(2025, 10, 26, 21, 59, tzinfo=datetime.UTC)
    assert deadline.local_closes.strftime("%H:%M %z") == "23:59 +0200"


# --- validation ----------------------------------------------------------------------------


def test_deadline_before_opening_names_the_deadline_field():
    item = FundingRound(opens_on=day(2030, 5, 1), closes_on=day(2030, 4, 1))
    with pytest.raises(ValidationError) as error:
        item.clean()
    assert "closes_on" in error.value.message_dict


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"amount_min": -1}, "amount_min"),
        ({"amount_max": -5}, "amount_max"),
        ({"total_available": -100}, "total_available"),
        ({"amount_min": 5000, "amount_max": 100}, "amount_min"),
        ({"amount_max": 5000, "total_available": 100}, "amount_max"),
        ({"self_financing_percent": 120}, "self_financing_percent"),
        ({"timing": Timing.ANNUAL}, "recurrence"),
    ],
)
def test_bad_amounts_and_dates_are_errors_naming_the_field(fields, field):
    from funding.models import Funder

    page = FundingOpportunityPage(
        title="Bad",
        slug="bad",
        summary="x",
        instrument="small",
        funder=Funder.objects.first(),
        **fields,
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert field in error.value.message_dict
