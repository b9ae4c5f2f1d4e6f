"""Saved searches with email alerts: signing up from the funding index (double opt-in),
confirming, tampered and expired links, what `send_funding_alerts` (the first name of
`send_alerts`) sends and that it sends it once, managing and unsubscribing, rate limits and
the personal data download."""

import datetime
import io
import re

import pytest
import time_machine

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from core.models import AlertDelivery, SavedSearch
from funding.models import FundingIndexPage
from tests.funding_factories import make_opportunity as make_fi_opportunity

pytestmark = pytest.mark.django_db

WORD = "Kuukausikisa"  # a search word no demo call contains


def index_of(code="en"):
    return FundingIndexPage.objects.get(locale__language_code=code)


def alert_url(code="en"):
    return f"/{code}/alerts/new/{index_of(code).pk}/"


def links_in(message):
    return re.findall(r"https?://[^/\s]+(/\S+)", message.body)


def link_to(message, fragment):
    return next(link for link in links_in(message) if fragment in link)


def subscribe(client, email="aino@example.fi", query=f"q={WORD}", frequency="daily", code="en"):
    mail.outbox.clear()
    response = client.post(
        alert_url(code), {"email": email, "frequency": frequency, "query": query}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == f"/{code}/alerts/sent/"
    (message,) = mail.outbox
    return message


def confirm(client, message):
    response = client.post(link_to(message, "/alerts/confirm/"))
    assert response.status_code == 302
    return response


def send_alerts():
    out = io.StringIO()
    mail.outbox.clear()
    call_command("send_funding_alerts", stdout=out)
    return out.getvalue()


def make_opportunity(title, rounds, code="en"):
    """A published opportunity on the index of `code` (the alerts below are in English)."""
    return make_fi_opportunity(title, rounds, index=index_of(code))


def local_day(moment):
    return timezone.localtime(moment).date()


# --- signing up ------------------------------------------------------------------------------


def test_index_offers_the_alert_for_the_current_search(client):
    response = client.get(index_of().url + "?instrument=project&status=open&sort=amount")
    html = response.content.decode()
    assert "Email me new calls matching this search" in html
    # The canonical search: fixed order, no sort or page.
    assert 'name="query" value="status=open&amp;instrument=project"' in html
    assert f'action="{alert_url()}"' in html


def test_a_logged_in_member_finds_their_address_prefilled(client, users):
    member = users["member"]
    client.force_login(member)
    html = client.get(index_of().url).content.decode()
    assert f'name="email" value="{member.email}"' in html


def test_signing_up_saves_an_unconfirmed_alert_and_emails_a_confirmation_link(client):
    message = subscribe(
        client, email=" Aino@Example.FI ", query=f"joint=1&q={WORD}&instrument=project&page=3"
    )
    alert = SavedSearch.objects.get()
    assert alert.email == "aino@example.fi"
    assert alert.language == "en"
    assert alert.frequency == "daily"
    assert alert.query == f"q={WORD}&instrument=project&joint=1"
    assert alert.confirmed_at is None
    assert message.to == ["aino@example.fi"]
    assert "Confirm your email alert" in message.subject
    assert "Type of funding: Project grant" in message.body
    assert "Suits a joint application" in message.body
    assert link_to(message, "/en/alerts/confirm/")
    # The same sign-up again sends a new link but keeps one alert.
    subscribe(client, email="aino@example.fi", query=f"q={WORD}&joint=1&instrument=project")
    assert SavedSearch.objects.count() == 1


def test_the_alert_form_page_describes_the_search(client):
    response = client.get(alert_url() + "?funder_type=foundation&amount_min=500")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Type of funder: Foundation" in html
    assert "Amount at least 500 €" in html
    assert 'value="funder_type=foundation&amp;amount_min=500"' in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "not-an-address", "frequency": "daily"}, "Enter a valid email address"),
        ({"email": "", "frequency": "weekly"}, "Enter your email address."),
        ({"email": "aino@example.fi", "frequency": "hourly"}, "Select a valid choice"),
    ],
)
def test_wrong_input_re_renders_the_form_with_a_message_and_saves_nothing(client, data, message):
    response = client.post(alert_url(), {**data, "query": f"q={WORD}&instrument=loan"})
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'role="alert"' in html
    # What the visitor chose is kept.
    assert "Type of funding: Loan" in html
    assert f'value="{data["email"]}"' in html
    assert not SavedSearch.objects.exists()
    assert not mail.outbox


def test_sign_ups_from_one_client_are_rate_limited(client):
    for number in range(10):
        subscribe(client, email=f"person{number}@example.fi")
    response = client.post(
        alert_url(), {"email": "eleventh@example.fi", "frequency": "daily", "query": ""}
    )
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many alerts were asked for" in html
    assert 'value="eleventh@example.fi"' in html  # nothing typed is lost
    assert SavedSearch.objects.count() == 10
    assert not SavedSearch.objects.filter(email="eleventh@example.fi").exists()


def test_sign_ups_to_one_address_are_rate_limited_from_any_client(client):
    for number in range(3):
        subscribe(client, email="target@example.fi", query=f"q={WORD}{number}")
    mail.outbox.clear()
    response = client.post(
        alert_url(),
        {"email": "Target@example.fi", "frequency": "daily", "query": "q=other"},
        REMOTE_ADDR="10.0.0.99",
    )
    assert response.status_code == 429
    assert SavedSearch.objects.filter(email="target@example.fi").count() == 3
    assert not mail.outbox


def test_an_unknown_index_answers_404(client):
    assert client.get("/en/alerts/new/999999/").status_code == 404


# --- confirming --------------------------------------------------------------------------------


def test_the_emailed_link_confirms_the_alert(client):
    message = subscribe(client)
    response = confirm(client, message)
    alert = SavedSearch.objects.get()
    assert alert.confirmed_at is not None
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert "Your email alert is on." in html
    assert "aino@example.fi" in html
    assert f"Search words: {WORD}" in html
    # A second click changes nothing.
    confirmed_at = alert.confirmed_at
    confirm(client, message)
    alert.refresh_from_db()
    assert alert.confirmed_at == confirmed_at


def test_opening_the_confirmation_link_shows_a_button_and_changes_nothing(client):
    """Mail scanners and link previews open links; only the button confirms."""
    link = link_to(subscribe(client), "/alerts/confirm/")
    assert client.head(link).status_code == 200
    response = client.get(link)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Confirm the alert" in html and "aino@example.fi" in html
    assert f"Search words: {WORD}" in html
    assert SavedSearch.objects.get().confirmed_at is None
    assert client.post(link).status_code == 302
    assert SavedSearch.objects.get().confirmed_at is not None


def test_a_tampered_link_shows_a_clear_page_and_changes_nothing(client):
    link = link_to(subscribe(client), "/alerts/confirm/")
    tampered = link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:]
    response = client.post(tampered)
    assert response.status_code == 400
    html = response.content.decode()
    assert "This link cannot be used" in html
    assert "Nothing was changed." in html
    assert SavedSearch.objects.get().confirmed_at is None


def test_an_expired_link_shows_a_clear_page_and_changes_nothing(client):
    message = subscribe(client)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=8)):
        response = client.post(link_to(message, "/alerts/confirm/"))
    assert response.status_code == 400
    assert "The confirmation link has expired" in response.content.decode()
    assert SavedSearch.objects.get().confirmed_at is None


def test_a_confirmation_link_cannot_open_the_management_page(client):
    """The confirmation token is signed for confirming only."""
    token = link_to(subscribe(client), "/alerts/confirm/").split("/confirm/")[1]
    response = client.get(f"/en/alerts/{token}")
    assert response.status_code == 400
    assert SavedSearch.objects.get().confirmed_at is None


# --- sending -----------------------------------------------------------------------------------


def confirmed_alert(client, **kwargs):
    confirm(client, subscribe(client, **kwargs))
    return SavedSearch.objects.get()


def test_a_newly_published_matching_call_is_sent_once(client):
    start = timezone.now()
    alert = confirmed_alert(client)
    ahead = local_day(start + datetime.timedelta(days=60))
    with time_machine.travel(start + datetime.timedelta(hours=2)):
        make_opportunity(f"{WORD} village grant", [(None, ahead, datetime.time(16))])
        make_opportunity("Unrelated premises grant", [(None, ahead, None)])
    with time_machine.travel(start + datetime.timedelta(days=1)):
        output = send_alerts()
    assert "1 due searches queued" in output
    (message,) = mail.outbox
    assert message.to == [alert.email]
    assert "1 new funding call for your search" in message.subject
    assert f"{WORD} village grant" in message.body
    assert "Unrelated premises grant" not in message.body
    assert "1\u00a0000\u00a0€ – 5\u00a0000\u00a0€" in message.body
    unsubscribe = link_to(message, "/unsubscribe/")
    assert message.extra_headers["List-Unsubscribe"] == f"<http://127.0.0.1:8000{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link_to(message, "/en/alerts/")
    # Run again the same day and the next days: nothing is sent twice.
    with time_machine.travel(start + datetime.timedelta(days=1, minutes=5)):
        assert "0 due searches" in send_alerts()
    with time_machine.travel(start + datetime.timedelta(days=2)):
        send_alerts()
    assert not mail.outbox
    assert AlertDelivery.objects.filter(search=alert, kind="new").count() == 1


def test_calls_already_listed_when_confirming_are_not_news(client):
    start = timezone.now()
    make_opportunity(
        f"{WORD} old call", [(None, local_day(start + datetime.timedelta(days=60)), None)]
    )
    confirmed_alert(client)
    with time_machine.travel(start + datetime.timedelta(days=1)):
        send_alerts()
    assert not mail.outbox


def test_a_call_that_opens_is_sent_as_new(client):
    start = timezone.now()
    opens = local_day(start + datetime.timedelta(days=3))
    make_opportunity(
        f"{WORD} spring round", [(opens, local_day(start + datetime.timedelta(days=60)), None)]
    )
    confirmed_alert(client)
    with time_machine.travel(start + datetime.timedelta(days=1)):
        send_alerts()
        assert not mail.outbox  # still upcoming
    with time_machine.travel(start + datetime.timedelta(days=4)):
        send_alerts()
    (message,) = mail.outbox
    assert f"{WORD} spring round" in message.body


def test_a_matching_call_is_reminded_once_a_week_before_its_deadline(client):
    start = timezone.now()
    closes = local_day(start + datetime.timedelta(days=9))
    make_opportunity(f"{WORD} autumn round", [(None, closes, datetime.time(16))])
    alert = confirmed_alert(client)
    with time_machine.travel(start + datetime.timedelta(days=1)):
        send_alerts()
        assert not mail.outbox  # eight days left
    with time_machine.travel(start + datetime.timedelta(days=3)):
        send_alerts()
    (message,) = mail.outbox
    assert "1 funding call closes within a week" in message.subject
    assert "Closing within 7 days:" in message.body
    assert f"{WORD} autumn round" in message.body
    assert f"{closes.day}.{closes.month}.{closes.year} at 16:00" in message.body
    with time_machine.travel(start + datetime.timedelta(days=4)):
        send_alerts()
    assert not mail.outbox
    assert AlertDelivery.objects.filter(search=alert, kind="closing").count() == 1


def next_weekday(weekday, hour):
    """The next given weekday (0 = Monday) at `hour`, local time, at least a day ahead."""
    day = timezone.localdate() + datetime.timedelta(days=1)
    while day.weekday() != weekday:
        day += datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_a_weekly_alert_arrives_on_the_next_monday(client):
    tuesday = next_weekday(1, 10)
    with time_machine.travel(tuesday):
        confirmed_alert(client, frequency="weekly")
    with time_machine.travel(tuesday + datetime.timedelta(hours=1)):
        make_opportunity(
            f"{WORD} weekly", [(None, local_day(tuesday + datetime.timedelta(days=60)), None)]
        )
    with time_machine.travel(tuesday + datetime.timedelta(days=3)):
        assert "0 due searches" in send_alerts()
        assert not mail.outbox
    monday = tuesday + datetime.timedelta(days=6, hours=-3)  # 07:00
    with time_machine.travel(monday):
        assert "1 due searches" in send_alerts()
    (message,) = mail.outbox
    assert f"{WORD} weekly" in message.body
    with time_machine.travel(monday + datetime.timedelta(days=2)):
        assert "0 due searches" in send_alerts()


def test_an_alert_is_written_in_the_subscribers_language(client):
    start = timezone.now()
    alert = confirmed_alert(client, code="sv")
    assert alert.language == "sv"
    with time_machine.travel(start + datetime.timedelta(hours=1)):
        page = make_opportunity(
            f"{WORD} bidrag", [(None, local_day(start + datetime.timedelta(days=60)), None)], "fi"
        )
        sv_index = index_of("sv")
        translated = page.copy_for_translation(sv_index.locale, copy_parents=False)
        translated.title = f"{WORD} bidrag på svenska"
        translated.save_revision().publish()
    with time_machine.travel(start + datetime.timedelta(days=1)):
        send_alerts()
    (message,) = mail.outbox
    assert f"{WORD} bidrag på svenska" in message.body
    assert all(link.startswith("/sv/") for link in links_in(message))


def test_unconfirmed_addresses_are_deleted_when_their_link_expires(client):
    subscribe(client)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=8)):
        output = send_alerts()
    assert "1 unconfirmed searches deleted" in output
    assert not SavedSearch.objects.exists()


# --- managing and unsubscribing ----------------------------------------------------------------


def alert_email(client):
    """A confirmed alert and the first alert email it got."""
    start = timezone.now()
    alert = confirmed_alert(client)
    with time_machine.travel(start + datetime.timedelta(hours=1)):
        ahead = local_day(start + datetime.timedelta(days=60))
        make_opportunity(f"{WORD} call", [(None, ahead, None)])
    with time_machine.travel(start + datetime.timedelta(days=1)):
        send_alerts()
    (message,) = mail.outbox
    return alert, message


def test_unsubscribing_deletes_the_address(client):
    alert, message = alert_email(client)
    link = link_to(message, "/unsubscribe/")
    page = client.get(link)
    assert page.status_code == 200
    assert "Unsubscribe" in page.content.decode()
    assert SavedSearch.objects.filter(pk=alert.pk).exists()  # a GET changes nothing
    response = client.post(link)
    assert response.status_code == 302
    assert response["Location"] == "/en/alerts/deleted/"
    assert not SavedSearch.objects.filter(email=alert.email).exists()
    assert not AlertDelivery.objects.filter(search_id=alert.pk).exists()
    # The link is now useless, and says so.
    again = client.get(link)
    assert again.status_code == 400
    assert "already been deleted" in again.content.decode()


def test_one_click_unsubscribe_works_without_a_csrf_token(client, site_host):
    from django.test import Client

    alert, message = alert_email(client)
    strict = Client(enforce_csrf_checks=True, HTTP_HOST=site_host)
    url = message.extra_headers["List-Unsubscribe"].strip("<>").split("127.0.0.1:8000")[1]
    response = strict.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 302
    assert not SavedSearch.objects.filter(pk=alert.pk).exists()


def test_the_management_page_changes_the_frequency_or_deletes_the_alert(client):
    alert, message = alert_email(client)
    link = link_to(message, "/en/alerts/")
    response = client.post(link, {"action": "frequency", "frequency": "weekly"})
    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.frequency == "weekly"
    wrong = client.post(link, {"action": "frequency", "frequency": "yearly"})
    assert wrong.status_code == 200
    assert "Select a valid choice" in wrong.content.decode()
    alert.refresh_from_db()
    assert alert.frequency == "weekly"
    response = client.post(link, {"action": "delete"})
    assert response["Location"] == "/en/alerts/deleted/"
    assert not SavedSearch.objects.exists()


def test_a_tampered_management_link_changes_nothing(client):
    alert, message = alert_email(client)
    link = link_to(message, "/unsubscribe/")
    response = client.post(link.replace(f"/{alert.pk}.", f"/{alert.pk + 1}."))
    assert response.status_code == 400
    assert SavedSearch.objects.filter(pk=alert.pk).exists()


def test_the_data_download_lists_the_alerts_of_the_address(client, users):
    member = users["member"]
    confirmed_alert(client, email=member.email)
    client.force_login(member)
    data = client.get("/en/tili/omat-tiedot/").json()
    (alert,) = data["saved_searches"]
    assert alert["email"] == member.email
    assert alert["search"] == f"q={WORD}"
