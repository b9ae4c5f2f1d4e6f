"""What the security probe found in the accounts (issue 17): limits per client address that a
forged X-Forwarded-For could not dodge, one login limit for every login page that backs off
after failures, invitations only for their own address, sign-up that neither tells who has an
account nor lets anyone claim a stranger's address, and emailed links that act only on POST."""

import re

import pytest
import time_machine

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

pytestmark = pytest.mark.django_db
User = get_user_model()
BASE = "http://127.0.0.1:8000"


def fi_url(name, *args):
    with translation.override("fi"):
        # A bare name is the member area's ("manage"); account pages say "accounts:login".
        return reverse(name if ":" in name else f"associations:{name}", args=args)


def fi(text):
    """`text` as the Finnish pages (and the admin, in its default language) show it."""
    with translation.override("fi"):
        return gettext(text)


def wait_message(minutes):
    with translation.override("fi"):
        return ngettext(
            "Too many failed login attempts. Try again in %(minutes)s minute.",
            "Too many failed login attempts. Try again in %(minutes)s minutes.",
            minutes,
        ) % {"minutes": minutes}


def link_in(message, part):
    url = next(url for url in re.findall(r"https?://\S+", message.body) if part in url)
    return url.removeprefix(BASE)


def sign_up(client, email, **extra):
    return client.post(
        fi_url("accounts:signup"),
        {
            "first_name": "Pekka",
            "last_name": "Virtanen",
            "email": email,
            "password1": "kylatalo-kevat-2026",
            "password2": "kylatalo-kevat-2026",
            "accept_privacy": "on",
        },
        **extra,
    )


@pytest.fixture
def person(db):
    return User.objects.create_user(
        "liisa@example.fi", "liisa@example.fi", "salasana-2026!", first_name="Liisa"
    )


# --- M2: the client's address is the one our proxy saw -------------------------------------------


def test_rotating_the_first_forwarded_address_does_not_bypass_the_sign_up_limit(client):
    statuses = [
        sign_up(client, f"x{n}@example.fi", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(6)
    ]
    assert statuses == [302] * 5 + [429]


def test_rotating_the_first_forwarded_address_does_not_bypass_the_password_reset_limit(client):
    statuses = [
        client.post(
            fi_url("accounts:password_reset"),
            {"email": f"nobody{n}@example.fi"},
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        ).status_code
        for n in range(6)
    ]
    assert statuses == [302] * 5 + [429]


def test_behind_one_proxy_the_address_it_appended_is_the_client(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        forged = f"198.51.100.{n}, 203.0.113.9"
        assert sign_up(client, f"x{n}@example.fi", HTTP_X_FORWARDED_FOR=forged).status_code == 302
    # The same client, however it fills the header's start, is over its limit ...
    forged = "198.51.100.99, 203.0.113.9"
    assert sign_up(client, "x9@example.fi", HTTP_X_FORWARDED_FOR=forged).status_code == 429
    # ... while another client behind the same proxy (same REMOTE_ADDR) is not.
    other = "198.51.100.1, 203.0.113.10"
    assert sign_up(client, "y@example.fi", HTTP_X_FORWARDED_FOR=other).status_code == 302


# --- H3: one login limit behind every login page -------------------------------------------------

EDITOR_PASSWORD = "hame-editor-2026"


def admin_login(client, username, password, **extra):
    return client.post("/admin/login/", {"username": username, "password": password}, **extra)


def site_login(client, username, password, **extra):
    return client.post(
        fi_url("accounts:login"), {"username": username, "password": password}, **extra
    )


def logged_in(client):
    return "_auth_user_id" in client.session


def test_wrong_passwords_on_the_admin_login_lock_every_login_page(client, users):
    for _ in range(15):
        admin_login(client, "editor", "arvattu-salasana")
    response = admin_login(client, "editor", EDITOR_PASSWORD)
    assert not logged_in(client)
    assert wait_message(1) in response.content.decode()
    response = site_login(client, "editor@demo.meidanhame.fi", EDITOR_PASSWORD)
    assert response.status_code == 429
    assert wait_message(1) in response.content.decode()
    assert not logged_in(client)


def test_wrong_passwords_on_the_site_login_lock_the_admin_login_too(client, users):
    for _ in range(15):
        site_login(client, "editor", "arvattu-salasana")
    response = site_login(client, "editor", EDITOR_PASSWORD)
    assert response.status_code == 429 and not logged_in(client)
    response = admin_login(client, "editor", EDITOR_PASSWORD)
    assert wait_message(1) in response.content.decode()
    assert not logged_in(client)


def test_guessing_many_usernames_from_one_address_is_limited_however_the_header_is_forged(
    client, person
):
    for n in range(20):
        site_login(client, f"arvaus{n}", "x", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    response = site_login(
        client, "liisa@example.fi", "salasana-2026!", HTTP_X_FORWARDED_FOR="198.51.100.99"
    )
    assert response.status_code == 429 and not logged_in(client)
    # The same person from another address is not held back by the guesser's address.
    response = site_login(client, "liisa@example.fi", "salasana-2026!", REMOTE_ADDR="192.0.2.7")
    assert response.status_code == 302 and logged_in(client)


# --- L3: only failures count, and they make the next attempt wait rather than lock ---------------


def test_successful_logins_never_lock_anyone_out(client, person):
    for _ in range(12):
        assert site_login(client, "liisa@example.fi", "salasana-2026!").status_code == 302
        client.logout()


def test_failures_make_the_next_attempt_wait_a_minute_then_twice_as_long(client, person):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        for _ in range(5):
            assert site_login(client, "liisa@example.fi", "väärä").status_code == 200
        response = site_login(client, "liisa@example.fi", "salasana-2026!")
        assert response.status_code == 429
        assert wait_message(1) in response.content.decode()
        clock.shift(61)
        assert site_login(client, "liisa@example.fi", "väärä").status_code == 200
        response = site_login(client, "liisa@example.fi", "salasana-2026!")
        assert wait_message(2) in response.content.decode()
        clock.shift(61)
        assert site_login(client, "liisa@example.fi", "salasana-2026!").status_code == 429
        clock.shift(60)
        assert site_login(client, "liisa@example.fi", "salasana-2026!").status_code == 302


# --- M4: an invitation is for its own address ----------------------------------------------------


@pytest.fixture
def caregivers():
    from associations.models import AssociationPage

    # The demo member is its admin.
    return AssociationPage.objects.get(slug="hattulan-omaishoitajat-ry", locale__language_code="fi")


def invite_as_admin(client, users, caregivers, email):
    client.force_login(users["member"])
    client.post(fi_url("invite", caregivers.pk), {"email": email, "role": "admin"})
    client.logout()
    return link_in(mail.outbox[-1], "/tili/kutsu/")


def test_an_invitation_opened_by_another_account_makes_no_membership(client, users, caregivers):
    from associations.models import Membership

    link = invite_as_admin(client, users, caregivers, "liisa@example.fi")
    stranger = User.objects.create_user("pekka@example.fi", "pekka@example.fi", "x-2026-x")
    client.force_login(stranger)
    response = client.get(link)
    assert response.status_code == 403
    html = response.content.decode()
    assert (
        fi(
            "This invitation was sent to another email address. Log in with the account of that "
            "address to accept it."
        )
        in html
    )
    assert fi("Accept the invitation") not in html
    response = client.post(link)
    assert response.status_code == 403
    assert not Membership.objects.filter(user=stranger, association=caregivers).exists()


def test_the_invited_address_accepts_whatever_its_case(client, users, caregivers):
    from associations.models import Membership, Role

    link = invite_as_admin(client, users, caregivers, "liisa@example.fi")
    invited = User.objects.create_user("Liisa@Example.FI", "Liisa@Example.FI", "x-2026-x")
    client.force_login(invited)
    assert fi("Accept the invitation") in client.get(link).content.decode()
    assert client.post(link).status_code == 302
    assert Membership.objects.get(user=invited, association=caregivers).role == Role.ADMIN


def test_members_cannot_change_their_address_without_confirming_it(client, users):
    client.force_login(users["member"])
    html = client.get("/admin/account/").content.decode()
    assert 'name="name_email-email"' not in html


# --- M5 and L7: nobody claims a stranger's address by signing up first ---------------------------


def test_opening_the_confirmation_link_changes_nothing_and_the_button_confirms(client):
    sign_up(client, "pekka@example.fi")
    link = link_in(mail.outbox[-1], "/tili/vahvista/")
    for method in (client.get, client.head):
        assert method(link).status_code == 200
    response = client.get(link)
    assert fi("Confirm my email address") in response.content.decode()
    assert not User.objects.get(email="pekka@example.fi").is_active
    assert not logged_in(client)
    response = client.post(link)
    assert response.status_code == 302
    assert User.objects.get(email="pekka@example.fi").is_active
    assert logged_in(client)


def test_the_confirmation_link_is_not_a_password_reset_link(client):
    sign_up(client, "pekka@example.fi")
    uid, token = link_in(mail.outbox[-1], "/tili/vahvista/").strip("/").split("/")[-2:]
    response = client.get(fi_url("accounts:password_reset_confirm", uid, token), follow=True)
    assert "new_password1" not in response.content.decode()


def reset_password(client, email, password, **extra):
    mail.outbox.clear()
    assert (
        client.post(fi_url("accounts:password_reset"), {"email": email}, **extra).status_code == 302
    )
    (message,) = mail.outbox
    response = client.get(link_in(message, "/tili/salasana/"), follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": password, "new_password2": password})
    assert response.status_code == 302
    return message


def test_the_owner_of_the_address_takes_an_unconfirmed_account_over_by_password_reset(client):
    # A stranger signs up with Aino's address and a password of their own ...
    sign_up(client, "aino@example.fi")
    # ... and Aino, who never asked for it, resets the password.
    message = reset_password(client, "aino@example.fi", "ainon-oma-salasana-88")
    assert message.to == ["aino@example.fi"]
    account = User.objects.get(email="aino@example.fi")
    assert account.is_active
    assert account.check_password("ainon-oma-salasana-88")
    assert not account.check_password("kylatalo-kevat-2026")
    assert site_login(client, "aino@example.fi", "kylatalo-kevat-2026").status_code == 200
    assert site_login(client, "aino@example.fi", "ainon-oma-salasana-88").status_code == 302


def test_a_deactivated_account_gets_no_reset_mail(client, person):
    person.last_login = timezone.now()
    person.is_active = False
    person.save()
    client.post(fi_url("accounts:password_reset"), {"email": "liisa@example.fi"})
    assert mail.outbox == []


def purge():
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("purge_unverified_accounts", stdout=out)
    return out.getvalue()


def test_unconfirmed_accounts_are_deleted_after_a_day_and_the_owner_can_sign_up(client):
    sign_up(client, "aino@example.fi")  # a stranger
    later = timezone.now() + timezone.timedelta(hours=23)
    with time_machine.travel(later):
        assert "Deleted 0 unconfirmed account(s)." in purge()
    assert User.objects.filter(email="aino@example.fi").exists()
    with time_machine.travel(later + timezone.timedelta(hours=2)):
        assert "Deleted 1 unconfirmed account(s)." in purge()
        assert not User.objects.filter(email="aino@example.fi").exists()
        mail.outbox.clear()
        assert sign_up(client, "aino@example.fi", REMOTE_ADDR="192.0.2.8").status_code == 302
        assert fi("Confirm your email address") in mail.outbox[-1].subject
        client.post(link_in(mail.outbox[-1], "/tili/vahvista/"))
    assert User.objects.get(email="aino@example.fi").is_active


def test_the_purge_keeps_confirmed_and_deactivated_accounts(users):
    editor = users["editor"]
    User.objects.filter(pk=editor.pk).update(is_active=False)
    with time_machine.travel(timezone.now() + timezone.timedelta(days=3)):
        purge()
    assert User.objects.filter(username__in=["admin", "editor", "member"]).count() == 3


# --- L5: sign-up does not tell who has an account ------------------------------------------------


def signed_up_page(client, email):
    mail.outbox.clear()
    response = sign_up(client, email)
    page = client.get(response["Location"])
    # The pages differ only in their CSRF tokens.
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page.content.decode())
    (message,) = mail.outbox
    return (response.status_code, response["Location"], page.status_code, html), message


def test_signing_up_with_a_taken_address_looks_the_same_and_emails_its_owner(client, person):
    taken, to_owner = signed_up_page(client, "Liisa@Example.fi")
    new, to_newcomer = signed_up_page(client, "uusi@example.fi")
    assert taken == new
    with translation.override("fi"):  # the page's language, and the owner's
        assert gettext("Check your email") in new[3]
        assert to_newcomer.subject == "Meidän Häme: " + gettext("Confirm your email address")
        assert to_owner.subject == "Meidän Häme: " + gettext(
            "Someone tried to sign up with your address"
        )
    assert to_owner.to == ["liisa@example.fi"]
    assert "/tili/salasana/" in to_owner.body
    assert "/tili/vahvista/" not in to_owner.body
    person.refresh_from_db()
    assert person.is_active and person.check_password("salasana-2026!")
    assert User.objects.filter(email__iexact="liisa@example.fi").count() == 1


# --- L6: password-reset mail to one address is limited -------------------------------------------


def test_password_reset_mail_to_one_address_is_limited_whichever_page_asks(client, users):
    pages = [fi_url("accounts:password_reset"), "/admin/password_reset/"] * 3
    for n, page in enumerate(pages):
        response = client.post(
            page, {"email": "editor@demo.meidanhame.fi"}, REMOTE_ADDR=f"192.0.2.{n}"
        )
        assert response.status_code == 302  # the same answer every time
    assert len(mail.outbox) == 3
    assert all(message.to == ["editor@demo.meidanhame.fi"] for message in mail.outbox)
    # Another address is not held back.
    client.post(fi_url("accounts:password_reset"), {"email": "member@demo.meidanhame.fi"})
    assert mail.outbox[-1].to == ["member@demo.meidanhame.fi"]
