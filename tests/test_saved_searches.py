"""Saved searches of the training catalogue, and the one email per address that gathers every
saved search of a person (catalogue and funding alike): signing up from the catalogue, what
`send_alerts` sends, cancelled trainings, the weekly digest, one-click unsubscribe from all of
it, the management page, and that the queued task never carries the address."""

import datetime
import io
import json
import re

import pytest
import time_machine
from django_tasks import default_task_backend

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Locale

from catalogue.models import TrainingIndexPage, TrainingPage
from core.models import AlertDelivery, SavedSearch
from funding.models import FundingIndexPage
from tests.catalogue_factories import fi_catalogue, local, make_training, republish
from tests.funding_factories import make_opportunity

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

WORD = "Kuukausitapaaminen"  # a search word no demo training contains


def links_in(message):
    return re.findall(r"https?://[^/\s]+(/\S+)", message.body)


def link_to(message, fragment):
    return next(link for link in links_in(message) if fragment in link)


def subscribe(client, page, query, email="aino@example.fi", frequency="daily", code="en"):
    mail.outbox.clear()
    response = client.post(
        f"/{code}/alerts/new/{page.pk}/",
        {"email": email, "frequency": frequency, "query": query},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == f"/{code}/alerts/sent/"
    (message,) = mail.outbox
    return message


def confirmed(client, page, query, **kwargs):
    message = subscribe(client, page, query, **kwargs)
    assert client.post(link_to(message, "/alerts/confirm/")).status_code == 302
    email = kwargs.get("email", "aino@example.fi")
    return SavedSearch.objects.filter(listing=page, email=email).latest("pk")


def send_alerts():
    out = io.StringIO()
    mail.outbox.clear()
    call_command("send_alerts", stdout=out)
    return out.getvalue()


def next_weekday(weekday, hour):
    """The next given weekday (0 = Monday) at `hour`, local time, at least a day ahead."""
    day = timezone.localdate() + datetime.timedelta(days=1)
    while day.weekday() != weekday:
        day += datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


# --- signing up from the catalogue ------------------------------------------------------------


def test_the_catalogue_offers_an_alert_for_the_filters_on_show(client):
    catalogue = TrainingIndexPage.objects.get(locale__language_code="en")
    html = client.get(
        catalogue.url + "?municipality=riihimaki&theme=rahoitus&when=week&page=2"
    ).content.decode()
    assert "Email me new trainings matching this search" in html
    # The canonical search: sorted, without the page-only dates, view or page.
    assert 'name="query" value="municipality=riihimaki&amp;theme=rahoitus"' in html
    assert f'action="/en/alerts/new/{catalogue.pk}/"' in html
    month = client.get(catalogue.url + "?view=month&kind=webinar").content.decode()
    assert 'name="query" value="kind=webinar"' in month


def test_the_sign_up_page_describes_the_catalogue_search(client):
    catalogue = fi_catalogue()
    response = client.get(f"/en/alerts/new/{catalogue.pk}/?format=online&free=1&q=talous")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Email alert of new trainings and events" in html
    assert "Search words: talous" in html
    assert "Format: Online" in html
    assert "Free of charge" in html
    assert 'value="q=talous&amp;format=online&amp;free=1"' in html or (
        'value="format=online&amp;free=1&amp;q=talous"' in html
    )


def test_a_page_that_is_no_listing_offers_no_alert(client):
    training = make_training(title=f"{WORD} A")
    assert client.get(f"/en/alerts/new/{training.pk}/").status_code == 404
    assert client.get("/en/alerts/new/99999999/").status_code == 404


def test_a_catalogue_sign_up_is_confirmed_by_its_link(client):
    catalogue = fi_catalogue()
    message = subscribe(client, catalogue, f"q={WORD}&municipality=riihimaki")
    search = SavedSearch.objects.get()
    assert search.listing_id == catalogue.pk
    assert search.query == f"municipality=riihimaki&q={WORD}"
    assert "Confirm your email alert" in message.subject
    assert "Municipality: Riihimäki" in message.body
    assert search.confirmed_at is None
    client.post(link_to(message, "/alerts/confirm/"))
    search.refresh_from_db()
    assert search.confirmed_at is not None


# --- what is sent -----------------------------------------------------------------------------


def test_a_new_matching_training_is_emailed_once_and_others_are_not(client):
    start = timezone.now()
    search = confirmed(client, fi_catalogue(), f"q={WORD}")
    make_training("vanha", title="Unrelated bookkeeping course")
    with time_machine.travel(start + datetime.timedelta(hours=2)):
        make_training(
            "uusi", title=f"{WORD} Hämeenlinnassa", sessions=[(local(20, 17), local(20, 19))]
        )
        make_training("toinen", title="Another unrelated evening")
    with time_machine.travel(start + datetime.timedelta(days=1)):
        output = send_alerts()
    assert "1 due searches queued for 1 addresses" in output
    (message,) = mail.outbox
    assert message.to == ["aino@example.fi"]
    assert message.subject == "Meidän Häme: 1 new training or event for your search"
    assert f"{WORD} Hämeenlinnassa" in message.body
    assert "unrelated" not in message.body.lower()
    assert "Hämeenlinna" in message.body  # where
    unsubscribe = link_to(message, "/unsubscribe/")
    assert message.extra_headers["List-Unsubscribe"] == f"<http://127.0.0.1:8000{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert AlertDelivery.objects.filter(search=search, kind="new").count() == 1
    with time_machine.travel(start + datetime.timedelta(days=2)):
        send_alerts()
    assert not mail.outbox


def test_a_training_already_listed_when_confirming_is_not_news(client):
    start = timezone.now()
    make_training("ennen", title=f"{WORD} before")
    confirmed(client, fi_catalogue(), f"q={WORD}")
    with time_machine.travel(start + datetime.timedelta(days=1)):
        send_alerts()
    assert not mail.outbox


def test_a_past_training_published_late_is_not_news(client):
    start = timezone.now()
    confirmed(client, fi_catalogue(), f"q={WORD}")
    with time_machine.travel(start + datetime.timedelta(hours=2)):
        make_training("mennyt", title=f"{WORD} past", sessions=[(local(-3, 17), local(-3, 19))])
    with time_machine.travel(start + datetime.timedelta(days=1)):
        send_alerts()
    assert not mail.outbox


def test_a_training_we_told_about_that_is_cancelled_is_told_once(client):
    start = timezone.now()
    confirmed(client, fi_catalogue(), f"q={WORD}")
    with time_machine.travel(start + datetime.timedelta(hours=2)):
        training = make_training("peruttava", title=f"{WORD} evening")
    with time_machine.travel(start + datetime.timedelta(days=1)):
        send_alerts()
    assert len(mail.outbox) == 1
    with time_machine.travel(start + datetime.timedelta(days=1, hours=3)):
        training = TrainingPage.objects.get(pk=training.pk)
        training.status = "cancelled"
        republish(training)
    with time_machine.travel(start + datetime.timedelta(days=2)):
        send_alerts()
    (message,) = mail.outbox
    assert "1 training or event you were told about was cancelled" in message.subject
    assert "Cancelled since we last told you about them:" in message.body
    assert f"{WORD} evening" in message.body
    with time_machine.travel(start + datetime.timedelta(days=3)):
        send_alerts()
    assert not mail.outbox


# --- one email per person ---------------------------------------------------------------------


def test_a_persons_weekly_searches_arrive_together_in_one_email_on_monday(client):
    """The weekly digest: a catalogue search and a funding search of one address, confirmed on
    different days, arrive in one email with a section each; another address gets its own."""
    tuesday = next_weekday(1, 10)
    funding_index = FundingIndexPage.objects.get(locale__language_code="en")
    with time_machine.travel(tuesday):
        trainings = confirmed(client, fi_catalogue(), f"q={WORD}", frequency="weekly")
    with time_machine.travel(tuesday + datetime.timedelta(days=2)):
        calls = confirmed(client, funding_index, f"q={WORD}", frequency="weekly")
        other = confirmed(
            client, fi_catalogue(), f"q={WORD}", email="eino@example.fi", frequency="weekly"
        )
    with time_machine.travel(tuesday + datetime.timedelta(days=3)):
        make_training("viikko", title=f"{WORD} weekly training")
        make_opportunity(
            f"{WORD} weekly grant",
            [(None, timezone.localdate() + datetime.timedelta(days=70), None)],
            index=funding_index,
        )
        assert "0 due searches" in send_alerts()
    monday = tuesday + datetime.timedelta(days=6, hours=-3)
    with time_machine.travel(monday):
        assert "3 due searches queued for 2 addresses" in send_alerts()
    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["aino@example.fi", "eino@example.fi"]
    digest = by_address["aino@example.fi"]
    assert digest.subject == "Meidän Häme: 2 new items in your saved searches"
    assert f"{WORD} weekly training" in digest.body
    assert f"{WORD} weekly grant" in digest.body
    assert f"== {fi_catalogue().title} ==" in digest.body
    assert f"== {funding_index.title} ==" in digest.body
    assert "Unsubscribe from all of these searches with one click:" in digest.body
    manage_links = [link for link in links_in(digest) if re.match(r"/en/alerts/\d", link)]
    assert len(manage_links) == 2
    assert f"{WORD} weekly grant" not in by_address["eino@example.fi"].body
    # One click in the mail program stops both of the digest's searches, and only those.
    url = digest.extra_headers["List-Unsubscribe"].strip("<>").split("127.0.0.1:8000")[1]
    page = client.get(url)
    assert page.status_code == 200
    assert "these 2 searches" in page.content.decode()
    assert client.post(url).status_code == 302
    assert not SavedSearch.objects.filter(pk__in=[trainings.pk, calls.pk]).exists()
    assert SavedSearch.objects.filter(pk=other.pk).exists()
    assert client.get(url).status_code == 400


def test_daily_and_weekly_searches_due_together_share_one_email(client):
    sunday = next_weekday(6, 10)
    with time_machine.travel(sunday):
        confirmed(client, fi_catalogue(), f"q={WORD}", frequency="weekly")
        confirmed(client, fi_catalogue(), f"q={WORD}&free=1", frequency="daily")
        make_training("ilmainen", title=f"{WORD} free")
    with time_machine.travel(sunday + datetime.timedelta(hours=21)):  # Monday 07:00
        assert "2 due searches queued for 1 addresses" in send_alerts()
    (message,) = mail.outbox
    assert message.body.count(f"{WORD} free") == 2


def test_the_queued_task_carries_the_searches_not_the_address(client, settings):
    start = timezone.now()
    search = confirmed(client, fi_catalogue(), f"q={WORD}", email="private.person@example.fi")
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with time_machine.travel(start + datetime.timedelta(days=1)):
        call_command("send_alerts", stdout=io.StringIO())
    (result,) = [
        result for result in default_task_backend.results if result.task.name == "process_searches"
    ]
    assert result.args[0] == [search.pk]
    assert "private.person" not in json.dumps(result.args)


def test_the_digest_is_written_in_the_subscribers_language(client):
    start = timezone.now()
    sv_catalogue = fi_catalogue().get_translation(Locale.objects.get(language_code="sv"))
    confirmed(client, sv_catalogue, f"q={WORD}", code="sv")
    with time_machine.travel(start + datetime.timedelta(hours=1)):
        training = make_training("ruotsiksi", title=f"{WORD} suomeksi")
        translated = training.copy_for_translation(sv_catalogue.locale, copy_parents=False)
        translated.title = f"{WORD} på svenska"
        translated.save_revision().publish()
    with time_machine.travel(start + datetime.timedelta(days=1)):
        send_alerts()
    (message,) = mail.outbox
    assert f"{WORD} på svenska" in message.body
    assert "suomeksi" not in message.body
    assert "Hej" in message.body
    assert all(link.startswith("/sv/") for link in links_in(message))


# --- managing ---------------------------------------------------------------------------------


def test_the_management_page_lists_the_persons_other_searches(client):
    funding_index = FundingIndexPage.objects.get(locale__language_code="en")
    start = timezone.now()
    confirmed(client, fi_catalogue(), f"q={WORD}")
    confirmed(client, funding_index, "instrument=loan")
    with time_machine.travel(start + datetime.timedelta(hours=1)):
        make_training("hallinta", title=f"{WORD} manage")
    with time_machine.travel(start + datetime.timedelta(days=1)):
        send_alerts()
    (message,) = mail.outbox
    page = client.get(link_to(message, "/en/alerts/"))
    html = page.content.decode()
    assert page.status_code == 200
    assert f"Search words: {WORD}" in html
    assert "Your other saved searches" in html
    assert "Type of funding: Loan" in html
