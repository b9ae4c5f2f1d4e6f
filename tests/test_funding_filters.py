"""Filters that combine in the URL (deadline window, amount range, joint application) and
carry over to the CSV, the feed and the alert; bad values on feeds and the CSV; the
listing's stored next deadline staying right as deadlines pass."""

import csv
import datetime
import html as html_module
import io
import re

import pytest
import time_machine

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from funding.models import FundingIndexPage, FundingOpportunityPage
from tests.funding_factories import at, day, fi_index, make_opportunity

pytestmark = pytest.mark.django_db


def titles_of(response):
    html = response.content.decode()
    results = html.split('id="funding-results-title"', 1)[1]
    return [
        html_module.unescape(t)
        for t in re.findall(r'class="funding-card__title"><a href="[^"]+">([^<]+)</a>', results)
    ]


def get(client, query, code="fi"):
    index = FundingIndexPage.objects.get(locale__language_code=code)
    return client.get(f"{index.url}?{query}")


@time_machine.travel(at(2031, 3, 10, 12), tick=False)
def test_closes_this_month_means_before_the_month_ends_in_helsinki(client):
    make_opportunity("Kuun lopussa", [(None, day(2031, 3, 31), None)])
    make_opportunity("Huhtikuun alussa", [(None, day(2031, 4, 1), datetime.time(0, 30))])
    make_opportunity("Kolmen viikon päästä", [(None, day(2031, 4, 2), None)])
    make_opportunity("Kahden kuukauden päästä", [(None, day(2031, 5, 20), None)])
    this_month = titles_of(get(client, "deadline=this_month&q=lopussa"))
    assert this_month == ["Kuun lopussa"]
    assert titles_of(get(client, "deadline=this_month&q=alussa")) == []
    assert titles_of(get(client, "deadline=30_days&q=alussa")) == ["Huhtikuun alussa"]
    assert titles_of(get(client, "deadline=30_days&q=kuukauden")) == []
    assert titles_of(get(client, "deadline=90_days&q=kuukauden")) == ["Kahden kuukauden päästä"]


def test_every_filter_combines_in_the_url_and_carries_to_csv_feed_and_alert(client):
    ahead = timezone.localdate() + datetime.timedelta(days=20)
    make_opportunity(
        "Yhteishanke A",
        [(None, ahead, None)],
        funder_slug="hameenlinna",
        amount_min=2000,
        amount_max=8000,
        joint_application=True,
    )
    make_opportunity(
        "Yhteishanke B, liian pieni",
        [(None, ahead, None)],
        funder_slug="hameenlinna",
        amount_min=100,
        amount_max=900,
        joint_application=True,
    )
    make_opportunity(
        "Yksin haettava C",
        [(None, ahead, None)],
        funder_slug="hameenlinna",
        amount_min=2000,
        amount_max=8000,
        joint_application=False,
    )
    query = (
        "funder_type=municipality&amount_min=1500&amount_max=10000&joint=1"
        "&deadline=30_days&q=Yhteishanke"
    )
    response = get(client, query)
    assert titles_of(response) == ["Yhteishanke A"]
    html = html_module.unescape(response.content.decode())
    index = fi_index()
    csv_path = reverse("funding_csv", args=[index.pk])
    link = re.search(rf'href="({re.escape(csv_path)}[^"]*)"', html).group(1)
    for part in query.split("&"):
        assert part in link
    rows = list(csv.reader(io.StringIO(client.get(link).content.decode()[1:]), delimiter=";"))
    assert [row[0] for row in rows[1:]] == ["Yhteishanke A"]
    feed = re.search(r'type="text/calendar"[^>]*href="([^"]+)"', html).group(1)
    for part in query.split("&"):
        assert part in feed
    assert (
        'name="query" value="q=Yhteishanke&funder_type=municipality&amount_min=1500'
        '&amount_max=10000&joint=1&deadline=30_days"'
    ) in html


@pytest.mark.parametrize(
    "query",
    [
        "deadline=next_year",
        "joint=maybe",
        "sort=random",
        "amount_min=1&amount_min=2",
        "amount_max=-5",
        "status=nonsense",
        "page=abc",
    ],
)
def test_bad_values_answer_400_with_a_reason_on_feed_and_csv_but_not_on_the_page(client, query):
    index = fi_index()
    for name in ("funding_deadlines_ics", "funding_csv"):
        response = client.get(reverse(name, args=[index.pk]) + "?" + query)
        assert response.status_code == 400, (name, query)
        assert response["Content-Type"].startswith("text/plain")
        assert response.content.decode().strip()
    page = get(client, query)
    assert page.status_code == 200
    assert "funding-problems" in page.content.decode()


def test_cards_show_when_the_details_were_last_verified(client):
    page = FundingOpportunityPage.objects.get(slug="stea-avustukset", locale__language_code="en")
    html = get(client, "q=STEA", code="en").content.decode()
    checked = f"{page.last_verified.day}.{page.last_verified.month}.{page.last_verified.year}"
    assert f"Details checked against the call on {checked}" in html


def two_rounds():
    return make_opportunity(
        "Kaksi kierrosta",
        [
            (None, day(2032, 3, 1), datetime.time(16)),
            (None, day(2032, 9, 1), datetime.time(16)),
        ],
    )


def test_stored_next_deadline_moves_on_when_the_deadline_passes(client):
    """The listing reads the stored next round; the first listing after it has passed
    stores the next one."""
    page = two_rounds()
    assert page.listing_next_closes_at == at(2032, 3, 1, 16)
    with time_machine.travel(at(2032, 3, 2), tick=False):
        listed = FundingOpportunityPage.objects.with_status().get(pk=page.pk)
        assert listed.next_closes_at == at(2032, 9, 1, 16)
        assert listed.funding_status == "open"
        assert titles_of(get(client, "q=kierrosta")) == ["Kaksi kierrosta"]
    page.refresh_from_db()
    assert page.listing_next_closes_at == at(2032, 9, 1, 16)
    with time_machine.travel(at(2032, 9, 2), tick=False):
        assert FundingOpportunityPage.objects.with_status().get(pk=page.pk).funding_status == (
            "closed"
        )
        assert titles_of(get(client, "q=kierrosta")) == []
        assert titles_of(get(client, "q=kierrosta&status=closed")) == ["Kaksi kierrosta"]


def test_the_nightly_command_stores_the_next_deadline(client):
    page = two_rounds()
    with time_machine.travel(at(2032, 3, 2), tick=False):
        out = io.StringIO()
        call_command("extend_funding_deadlines", stdout=out)
        assert "Listings refreshed:" in out.getvalue()
    page.refresh_from_db()
    assert page.listing_next_closes_at == at(2032, 9, 1, 16)
    assert page.listing_computed_at == at(2032, 3, 2)
