"""Registration on a training page: the form, the emailed confirmation link, capacity, waiting
list, promotion, emails with an .ics attachment, the signed cancellation link, admin
visibility, CSV export, releasing unconfirmed registrations and purging."""

import datetime
import io
import re

import pytest
import time_machine

from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from catalogue import services
from catalogue.models import Registration, TrainingPage
from tests.catalogue_factories import local, make_training

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages raised by the services read in English here; pages keep their own language."""
    with translation.override("en"):
        yield


@pytest.fixture
def training(db):
    return make_training(
        "ilmoittautuminen",
        registration_mode="built_in",
        capacity=2,
        registration_opens=timezone.now() - datetime.timedelta(days=1),
    )


def form(**overrides):
    data = {
        "name": "Maija Meikäläinen",
        "email": "maija@example.org",
        "association": "Hattulan Martat ry",
        "phone": "",
        "needs": "Gluteeniton",
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def register(page, email, language="fi"):
    """A registration whose address is confirmed: the form and the emailed link in one."""
    with translation.override("en"):  # a page request in between may have switched to Finnish
        return services.confirm(pending(page, email, language))


def pending(page, email, language="fi"):
    """A registration sent from the form whose address is not confirmed yet."""
    with translation.override("en"):
        return services.register(
            page,
            name=email.split("@")[0],
            email=email,
            association="Yhdistys ry",
            language=language,
        )


def link_in(message, path):
    """The path and query of the link in `message` that contains `path`."""
    url = re.search(r"https?://[^\s]*" + re.escape(path) + r"[^\s]*", message.body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def test_registration_form_emails_a_link_that_confirms_and_sends_an_ics(
    client, training, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(training.url, form())
    assert response.status_code == 302
    registration = Registration.objects.get(training=training)
    assert registration.status == "pending"
    assert registration.needs == "Gluteeniton"
    page = client.get(response["Location"])
    assert "maija@example.org" in page.content.decode()
    (request,) = mail.outbox
    assert request.to == ["maija@example.org"]
    assert "Testikoulutus" in request.subject and not request.attachments
    assert "/cancel/?t=" not in request.body
    confirm_url = link_in(request, "/confirm/?t=")

    # A GET (a mail scanner) shows a button and confirms nothing.
    response = client.get(confirm_url)
    assert response.status_code == 200
    assert "<form" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "pending"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm_url)
    assert response.status_code == 200
    assert 'role="status"' in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed" and registration.confirmed_at is not None
    assert len(mail.outbox) == 2
    message = mail.outbox[1]
    assert message.to == ["maija@example.org"]
    assert "Testikoulutus" in message.subject
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    text = content.decode() if isinstance(content, bytes) else content
    assert "BEGIN:VEVENT" in text and f"UID:{training.uid}" in text
    assert "X-WR-CALNAME" not in text
    assert "/cancel/?t=" in message.body


def test_email_is_in_the_registrants_language(client, django_capture_on_commit_callbacks):
    page = TrainingPage.objects.get(slug="hallituksen-perehdytys", locale__language_code="sv")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page.url, form(email="sven@example.org"))
    assert response.status_code == 302
    registration = Registration.objects.get(email="sven@example.org")
    assert registration.language == "sv"
    assert registration.training.locale.language_code == "fi"  # owned by the canonical page
    message = mail.outbox[-1]
    assert "Introduktionskurs för en ny styrelse" in message.subject
    assert "/sv/" in link_in(message, "/confirm/?t=")


def test_missing_and_invalid_fields_rerender_with_messages_and_keep_input(client, training):
    response = client.post(training.url, form(email="not-an-email", name="", consent=""))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="not-an-email"' in html
    assert 'value="Hattulan Martat ry"' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="registration-email-help registration-email-error"' in html
    assert 'id="registration-consent-error"' in html
    assert not Registration.objects.filter(training=training).exists()


def _shown(response, client, email):
    """The page a registration's redirect leads to, with what differs between any two visits
    (the CSRF token, the address typed) made alike."""
    html = client.get(response["Location"]).content.decode().replace(email, "EMAIL")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_an_already_registered_address_gets_the_same_answer_and_an_email_saying_so(
    client, training, django_capture_on_commit_callbacks
):
    register(training, "maija@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        new = client.post(training.url, form(email="uusi@example.org"))
    new_page = _shown(new, client, "uusi@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(training.url, form(email="MAIJA@example.org"))
    # The visitor cannot tell the two apart: nothing says who attends.
    assert new.status_code == again.status_code == 302
    assert new["Location"] == again["Location"]
    assert new_page == _shown(again, client, "MAIJA@example.org")
    assert Registration.objects.filter(training=training).count() == 2
    # The emails tell the owner of each address what happened.
    to_new, to_registered = mail.outbox
    assert to_new.to == ["uusi@example.org"] and "/confirm/?t=" in to_new.body
    assert to_registered.to == ["maija@example.org"]
    with translation.override("fi"):  # the registrant's language
        subject = gettext("You are already registered: %(title)s") % {"title": training.title}
    assert to_registered.subject == subject
    assert "/confirm/?t=" not in to_registered.body
    cancel_url = link_in(to_registered, "/cancel/?t=")
    assert client.get(cancel_url).status_code == 200


def test_registering_again_while_pending_sends_a_new_link_with_the_new_details(
    client, training, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(training.url, form(name="Maija Meikäläinen"))
        client.post(training.url, form(name="Maija Mallikas"))
    (registration,) = Registration.objects.filter(training=training)
    assert registration.status == "pending" and registration.name == "Maija Mallikas"
    assert [message.to for message in mail.outbox] == [["maija@example.org"]] * 2
    assert all("/confirm/?t=" in message.body for message in mail.outbox)


def test_unconfirmed_registrations_hold_no_place(client, monkeypatch):
    """One client filled a 15-place training with 16 made-up addresses: now they hold none."""
    from catalogue import views

    monkeypatch.setattr(views, "REGISTRATION_LIMIT", (100, 3600))
    training = make_training(
        "viisitoista-paikkaa",
        registration_mode="built_in",
        capacity=15,
        waiting_list=False,
        registration_opens=timezone.now() - datetime.timedelta(days=1),
    )
    for n in range(16):
        response = client.post(training.url, form(email=f"keksitty{n}@example.org"))
        assert response.status_code == 302
    assert Registration.objects.filter(training=training, status="pending").count() == 16
    html = client.get(training.url).content.decode()
    shown = re.search(r'class="registration__places">([^<]*)<', html).group(1)
    with translation.override("fi"):
        left = ngettext("%(counter)s place left", "%(counter)s places left", 15)
    assert shown == left % {"counter": 15}
    assert services.places(training).left == 15


def test_confirming_fills_the_places_then_the_waiting_list_in_order_of_confirmation(training):
    first, second, third, fourth = (
        pending(training, f"{n}@example.org") for n in ("a", "b", "c", "d")
    )
    assert services.places(training).left == 2
    # Confirmed in the opposite order of the forms: the queue follows the confirmations.
    statuses = [services.confirm(r).status for r in (fourth, third, second, first)]
    assert statuses == ["confirmed", "confirmed", "waiting", "waiting"]
    places = services.places(training)
    assert places.is_full and places.waiting == 2
    assert services.cancel(fourth).pk == second.pk
    # Confirming twice changes nothing.
    assert services.confirm(third).status == "confirmed"
    assert services.places(training).confirmed == 2


def test_confirming_a_full_training_without_waiting_list_is_refused(client, training):
    training.waiting_list = False
    training.save()
    late = pending(training, "myohainen@example.org")
    register(training, "a@example.org")
    register(training, "b@example.org")
    with pytest.raises(services.RegistrationRefused, match="filled up"):
        services.confirm(late)
    late.refresh_from_db()
    assert late.status == "pending"
    response = client.post(training.url + f"confirm/?t={services.confirmation_token(late)}")
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


def test_an_expired_confirmation_link_says_so_and_confirms_nothing(client, training):
    registration = pending(training, "hidas@example.org")
    url = training.url + f"confirm/?t={services.confirmation_token(registration)}"
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=7)):
        shown = client.get(url)
        posted = client.post(url)
    assert shown.status_code == posted.status_code == 410
    with translation.override("fi"):
        expired = gettext(
            "This confirmation link has expired: a link works for %(hours)s hours, and no "
            "place was held for you. Register again on the training page and we will send a "
            "new link."
        ) % {"hours": 6}
    assert expired in shown.content.decode()
    registration.refresh_from_db()
    assert registration.status == "pending"


def test_a_tampered_confirmation_link_is_refused(client, training):
    registration = pending(training, "a@example.org")
    token = services.confirmation_token(registration)
    assert client.post(training.url + f"confirm/?t={token[:-2]}xx").status_code == 404
    other = make_training("toinen")
    assert client.post(other.url + f"confirm/?t={token}").status_code == 404
    registration.refresh_from_db()
    assert registration.status == "pending"


def test_unconfirmed_registrations_are_released_after_the_timeout(training):
    waiting = pending(training, "odottaa@example.org")
    kept = register(training, "vahvisti@example.org")
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=5)):
        out = io.StringIO()
        call_command("release_unconfirmed_registrations", stdout=out)
        assert "Deleted 0 " in out.getvalue()
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=7)):
        out = io.StringIO()
        call_command("release_unconfirmed_registrations", stdout=out)
        assert "Deleted 1 " in out.getvalue()
    assert not Registration.objects.filter(pk=waiting.pk).exists()
    assert Registration.objects.filter(pk=kept.pk, status="confirmed").exists()
    # The address may register again.
    assert pending(training, "odottaa@example.org").status == "pending"


def test_full_training_puts_registrant_on_waiting_list(training):
    first, second = register(training, "a@example.org"), register(training, "b@example.org")
    third = register(training, "c@example.org")
    assert [first.status, second.status, third.status] == ["confirmed", "confirmed", "waiting"]
    places = services.places(training)
    assert places.is_full and places.waiting == 1


def test_full_training_without_waiting_list_refuses(training):
    training.waiting_list = False
    training.save()
    register(training, "a@example.org")
    register(training, "b@example.org")
    with pytest.raises(services.RegistrationRefused, match="full"):
        register(training, "c@example.org")


def test_cancellation_promotes_the_first_in_line(training, django_capture_on_commit_callbacks):
    a = register(training, "a@example.org")
    register(training, "b@example.org")
    c, d = register(training, "c@example.org"), register(training, "d@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.cancel(a)
    assert promoted.pk == c.pk
    statuses = dict(Registration.objects.filter(training=training).values_list("email", "status"))
    assert statuses == {
        "a@example.org": "cancelled",
        "b@example.org": "confirmed",
        "c@example.org": "confirmed",
        "d@example.org": "waiting",
    }
    assert [m.to for m in mail.outbox] == [["c@example.org"]]
    assert mail.outbox[0].attachments
    # cancelling a waiting person promotes nobody; cancelling twice changes nothing
    assert services.cancel(d) is None
    assert services.cancel(a) is None


def test_cancellation_link_asks_then_cancels(client, training):
    registration = register(training, "a@example.org")
    waiting = [register(training, f"{n}@example.org") for n in "bc"][1]
    url = training.url + f"cancel/?t={services.cancellation_token(registration)}"
    response = client.get(url)
    assert response.status_code == 200
    assert "<form" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"  # a GET (a mail scanner) never cancels
    response = client.post(url)
    assert response.status_code == 200
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.status == "cancelled" and waiting.status == "confirmed"
    again = client.post(url)
    assert 'class="notice"' in again.content.decode()


def test_a_cancellation_link_expires_when_the_training_ends(client, training):
    registration = register(training, "a@example.org")
    url = training.url + f"cancel/?t={services.cancellation_token(registration)}"
    assert client.get(url).status_code == 200
    with time_machine.travel(services.last_end(training) + datetime.timedelta(minutes=1)):
        shown = client.get(url)
        posted = client.post(url)
    assert shown.status_code == posted.status_code == 410
    with translation.override("fi"):
        expired = gettext("This cancellation link has expired: “%(title)s” is over.") % {
            "title": training.title
        }
    assert expired in shown.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_tampered_cancellation_link_is_refused(client, training):
    registration = register(training, "a@example.org")
    token = services.cancellation_token(registration)
    response = client.get(training.url + f"cancel/?t={token[:-2]}xx")
    assert response.status_code == 404
    other = make_training("toinen")
    response = client.post(other.url + f"cancel/?t={token}")
    assert response.status_code == 404
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_registration_closed_or_not_yet_open_is_refused_with_reason(client, training):
    training.registration_closes = timezone.now() - datetime.timedelta(hours=1)
    training.save()
    html = client.get(training.url).content.decode()
    with translation.override("fi"):
        assert services.registration_state(training)[1] in html
    assert 'name="email"' not in html
    response = client.post(training.url, form())
    assert not Registration.objects.filter(training=training).exists()
    training.registration_closes = None
    training.registration_opens = timezone.now() + datetime.timedelta(days=2)
    training.save()
    with pytest.raises(services.RegistrationRefused, match="opens"):
        register(training, "a@example.org")
    assert response.status_code in (200, 405)


def test_cancelled_training_refuses_registration(client):
    page = TrainingPage.objects.get(slug="toimintasuunnitelma-pajat", locale__language_code="fi")
    html = client.get(page.url).content.decode()
    assert "cancelled" in html.lower()
    with pytest.raises(services.RegistrationRefused, match="cancelled"):
        register(page, "x@example.org")


def test_bots_filling_the_hidden_field_are_refused(client, training):
    response = client.post(training.url, form(website="http://spam.example"))
    assert response.status_code == 200
    assert not Registration.objects.filter(training=training).exists()


def test_demo_full_training_has_real_waiting_list():
    page = TrainingPage.objects.get(slug="valmiussuunnitelma", locale__language_code="fi")
    places = services.places(page)
    assert places.is_full and places.waiting == 3
    sv = TrainingPage.objects.get(slug="valmiussuunnitelma", locale__language_code="sv")
    assert services.places(sv) == places  # the languages share the places


def test_editors_see_registrants_and_export_csv(client, users):
    page = TrainingPage.objects.get(slug="valmiussuunnitelma", locale__language_code="fi")
    client.force_login(users["editor"])
    response = client.get(f"/admin/registrations/?training={page.pk}")
    assert response.status_code == 200
    assert "Anneli Virtanen" in response.content.decode()
    export = client.get(f"/admin/registrations/?training={page.pk}&export=csv")
    assert export.status_code == 200
    body = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    assert "Anneli Virtanen" in body and "anneli.virtanen@example.org" in body
    assert body.count("\n") >= 15


def test_editors_see_whether_a_registration_is_confirmed(client, users, training):
    pending(training, "vahvistamaton@example.org")
    register(training, "vahvistettu@example.org")
    client.force_login(users["editor"])
    listing = client.get(f"/admin/registrations/?training={training.pk}&status=pending")
    html = listing.content.decode()
    assert "vahvistamaton@example.org" in html and "vahvistettu@example.org" not in html
    with translation.override("fi"):
        assert gettext("Email not confirmed yet") in html
    export = client.get(f"/admin/registrations/?training={training.pk}&export=csv")
    body = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    rows = {line.split(",")[3]: line for line in body.splitlines()[1:]}
    assert rows["vahvistamaton@example.org"].split(",")[1] == "pending"
    assert rows["vahvistettu@example.org"].split(",")[1] == "confirmed"


def test_members_cannot_see_registrants(client, users):
    client.force_login(users["member"])
    for url in ("/admin/registrations/", "/admin/registrations/?export=csv"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert b"Anneli" not in response.content


def test_purge_anonymises_after_the_retention_period(training):
    old = make_training(
        "vanha-koulutus",
        sessions=[(local(-100, 10), local(-100, 12))],
        registration_mode="built_in",
    )
    Registration.objects.create(
        training=old,
        status="confirmed",
        name="Vanha",
        email="vanha@example.org",
        association="X",
        language="fi",
        consent_at=timezone.now(),
    )
    recent = register(training, "uusi@example.org")
    call_command("purge_registrations", stdout=__import__("io").StringIO())
    purged = Registration.objects.get(training=old)
    assert purged.anonymised_at and purged.email == "" and purged.name == ""
    recent.refresh_from_db()
    assert recent.anonymised_at is None and recent.email == "uusi@example.org"


def test_ics_download_is_a_single_event_file(client):
    page = TrainingPage.objects.get(slug="somekoulu", locale__language_code="en")
    html = client.get(page.url).content.decode()
    link = re.search(r'href="([^"]+\.ics)"', html).group(1)
    response = client.get(link)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.count("BEGIN:VEVENT") == 4
    assert "STATUS:CANCELLED" in body
    assert "X-WR-CALNAME" not in body
    assert "Social media school" in body


def test_registrations_from_one_address_are_rate_limited(client, monkeypatch):
    from catalogue import views

    monkeypatch.setattr(views, "REGISTRATION_LIMIT", (3, 3600))
    training = make_training(
        "ruuhkainen",
        registration_mode="built_in",
        capacity=50,
        registration_opens=timezone.now() - datetime.timedelta(days=1),
    )
    for n in range(3):
        response = client.post(training.url, form(email=f"henkilo{n}@example.org"))
        assert response.status_code == 302
    # An invalid form does not count, and is answered as before.
    assert client.post(training.url, form(email="not-an-email")).status_code == 200
    response = client.post(training.url, form(email="neljas@example.org", name="Neljäs Henkilö"))
    assert response.status_code == 429
    html = response.content.decode()
    with translation.override("fi"):
        message = gettext(
            "Too many registrations from your address in a short time. Wait an hour and try "
            "again, or ask the organiser to register you."
        )
    assert message in html
    assert 'value="Neljäs Henkilö"' in html  # what was typed is kept
    assert not Registration.objects.filter(email="neljas@example.org").exists()
    assert Registration.objects.filter(training=training).count() == 3
    # Another address is not affected.
    other = client.post(training.url, form(email="toinen@example.org"), REMOTE_ADDR="192.0.2.77")
    assert other.status_code == 302
