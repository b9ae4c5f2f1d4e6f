"""Building funding opportunities inside a test (rolled back with it)."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from wagtail.models import Locale

from funding.models import (
    Funder,
    FundingIndexPage,
    FundingOpportunityPage,
    FundingRound,
)

ZONE = ZoneInfo("Europe/Helsinki")


def fi_index():
    return FundingIndexPage.objects.get(locale=Locale.objects.get(language_code="fi"))


def funder(slug="stea"):
    return Funder.objects.get(slug=slug, locale__language_code="fi")


def make_opportunity(title, rounds=(), *, index=None, **fields):
    """A published Finnish opportunity; `rounds` are (opens_on, closes_on, closes_time)."""
    index = index or fi_index()
    values = {
        "funder": funder(fields.pop("funder_slug", "stea")),
        "summary": f"{title}: summary",
        "instrument": "project",
        "amount_min": Decimal("1000"),
        "amount_max": Decimal("5000"),
    }
    values.update(fields)
    page = FundingOpportunityPage(
        title=title,
        rounds=[
            FundingRound(opens_on=opens, closes_on=closes, closes_time=at, sort_order=number)
            for number, (opens, closes, at) in enumerate(rounds)
        ],
        **values,
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def day(year, month, date):
    return datetime.date(year, month, date)


def at(year, month, date, hour=12, minute=0):
    return datetime.datetime(year, month, date, hour, minute, tzinfo=ZONE)
