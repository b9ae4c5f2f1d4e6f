"""Member accounts: sign-up with email verification, login rate limit, password reset, own data,
deleting the account, join requests, invitations and handing over the admin role."""

import json
import re

import pytest
import time_machine

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from associations import services
from associations.models import AssociationPage, Invitation, Membership, MembershipStatus, Role

pytestmark = pytest.mark.django_db
User = get_user_model()


def fi_url(name, *args):
    from django.utils import translation

    with translation.override("fi"):
        # A bare name is the member area's ("manage"); account pages say "accounts:login".
        return reverse(name if ":" in name else f"associations:{name}", args=args)


def association(slug):
    return AssociationPage.objects.get(slug=slug, locale__language_code="fi")


@pytest.fixture
def caregivers():
    return association("hattulan-omaishoitajat-ry")  # the demo member is its admin


@pytest.fixture
def person(db):
    return User.objects.create_user(
        "liisa@example.fi", "liisa@example.fi", "salasana-2026!", first_name="Liisa"
    )


def link_in(message, part):
    return next(url for url in re.findall(r"https?://\S+", message.body) if part in url)


def test_sign_up_needs_email_verification_and_link_works_once(client):
    response = client.post(
        fi_url("accounts:signup"),
        {
            "first_name": "Pekka",
            "last_name": "Virtanen",
            "email": "Pekka@Example.fi",
            "password1": "kylatalo-kevat-2026",
            "password2": "kylatalo-kevat-2026",
            "accept_privacy": "on",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="pekka@example.fi")
    assert not user.is_active
    # Cannot log in before verifying.
    response = client.post(
        fi_url("accounts:login"),
        {"username": "pekka@example.fi", "password": "kylatalo-kevat-2026"},
    )
    assert "Confirm your email" in response.content.decode() or response.status_code == 200
    link = link_in(mail.outbox[-1], "/tili/vahvista/").removeprefix("http://127.0.0.1:8000")
    assert client.get(link).status_code == 200  # shows the button
    response = client.post(link)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.is_active
    client.logout()
    assert client.get(link).status_code == 400
    assert client.post(link).status_code == 400


def test_sign_up_errors_are_shown(client, person):
    response = client.post(
        fi_url("accounts:signup"),
        {"first_name": "", "email": "liisa@example.fi", "password1": "123", "password2": "456"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert {"first_name", "password2", "accept_privacy"} <= set(form.errors)
    assert "email" not in form.errors  # an address with an account looks like any other
    assert 'aria-invalid="true"' in response.content.decode() or "errorlist" in (
        response.content.decode()
    )


def test_login_by_email_and_rate_limit(client, person):
    response = client.post(
        fi_url("accounts:login"), {"username": "LIISA@example.fi", "password": "salasana-2026!"}
    )
    assert response.status_code == 302
    client.logout()
    for _ in range(5):  # five failures are free; then the login limit makes them wait
        response = client.post(
            fi_url("accounts:login"), {"username": "liisa@example.fi", "password": "x"}
        )
        assert response.status_code == 200
    response = client.post(
        fi_url("accounts:login"), {"username": "liisa@example.fi", "password": "salasana-2026!"}
    )
    assert response.status_code == 429


def test_sign_up_is_rate_limited(client):
    for n in range(6):
        response = client.post(fi_url("accounts:signup"), {"email": f"x{n}@example.fi"})
    assert response.status_code == 429


def test_password_reset_by_email(client, person):
    response = client.post(fi_url("accounts:password_reset"), {"email": "liisa@example.fi"})
    assert response.status_code == 302
    link = link_in(mail.outbox[-1], "/tili/salasana/").removeprefix("http://127.0.0.1:8000")
    response = client.get(link, follow=True)
    assert response.status_code == 200
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "uusi-salasana-77", "new_password2": "uusi-salasana-77"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password("uusi-salasana-77")


def test_download_own_data_as_json(client, users):
    client.force_login(users["member"])
    response = client.get(fi_url("accounts:my_data"))
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert data["account"]["username"] == "member"
    roles = {m["association"]: m["role"] for m in data["memberships"]}
    assert "admin" in roles.values() and "member" in roles.values()


def test_anonymous_cannot_download_data(client):
    response = client.get(fi_url("accounts:my_data"))
    assert response.status_code == 302 and "/tili/kirjaudu/" in response["Location"]


def test_delete_account(client, person):
    Membership.objects.create(user=person, association=association("lopen-lahetysseura-ry"))
    client.force_login(person)
    response = client.post(
        fi_url("accounts:delete_account"), {"password": "wrong", "confirm": "on"}
    )
    assert response.status_code == 200
    assert User.objects.filter(pk=person.pk).exists()
    response = client.post(
        fi_url("accounts:delete_account"), {"password": "salasana-2026!", "confirm": "on"}
    )
    assert response.status_code == 302
    assert not User.objects.filter(pk=person.pk).exists()
    assert not Membership.objects.filter(user_id=person.pk).exists()


def test_last_admin_cannot_delete_account_while_members_remain(client, users, caregivers, person):
    Membership.objects.create(user=person, association=caregivers)
    client.force_login(users["member"])
    response = client.post(
        fi_url("accounts:delete_account"), {"password": "hame-member-2026", "confirm": "on"}
    )
    assert response.status_code == 200
    assert User.objects.filter(username="member").exists()


def test_join_request_approved_by_association_admin(client, users, caregivers, person):
    client.force_login(person)
    response = client.post(fi_url("join", caregivers.pk), {"message": "Hoidan äitiäni."})
    assert response.status_code == 302
    membership = Membership.objects.get(user=person, association=caregivers)
    assert membership.status == MembershipStatus.REQUESTED
    assert any("member@demo.meidanhame.fi" in m.to for m in mail.outbox)
    # The requester cannot approve themselves.
    response = client.post(fi_url("member_action", caregivers.pk, membership.pk, "hyvaksy"))
    assert response.status_code == 403
    client.force_login(users["member"])
    client.post(fi_url("member_action", caregivers.pk, membership.pk, "hyvaksy"))
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE
    assert mail.outbox[-1].to == ["liisa@example.fi"]


def test_invitation_is_signed_single_use_and_expires(client, users, caregivers, person):
    client.force_login(users["member"])
    client.post(fi_url("invite", caregivers.pk), {"email": "liisa@example.fi", "role": "member"})
    invitation = Invitation.objects.get(email="liisa@example.fi")
    link = link_in(mail.outbox[-1], "/tili/kutsu/").removeprefix("http://127.0.0.1:8000")
    client.force_login(person)
    assert client.post(link[:-3] + "abc/").status_code == 410  # tampered
    response = client.post(link)
    assert response.status_code == 302
    assert Membership.objects.get(user=person, association=caregivers).role == Role.MEMBER
    assert client.post(link).status_code == 410  # used
    invitation.refresh_from_db()
    assert invitation.accepted_by == person


def test_expired_invitation_is_refused(client, users, caregivers, person):
    invitation = services.invite(users["member"], caregivers, "liisa@example.fi")
    token = services.invitation_token(invitation)
    client.force_login(person)
    with time_machine.travel(timezone.now() + timezone.timedelta(days=15)):
        response = client.post(fi_url("invitation", token))
    assert response.status_code == 410
    assert not Membership.objects.filter(user=person).exists()


def test_hand_over_admin_role(client, users, caregivers, person):
    membership = Membership.objects.create(user=person, association=caregivers)
    client.force_login(users["member"])
    client.post(fi_url("member_action", caregivers.pk, membership.pk, "yllapitajaksi"))
    membership.refresh_from_db()
    assert membership.role == Role.ADMIN
    assert Membership.objects.get(user=users["member"], association=caregivers).role == Role.MEMBER


def test_last_admin_cannot_be_removed(users, caregivers):
    own = Membership.objects.get(user=users["member"], association=caregivers)
    with pytest.raises(services.ValidationError):
        services.remove_member(users["editor"], caregivers, own.pk)


def test_member_cannot_manage_members_of_another_association(client, users, person):
    other = association("lopen-lahetysseura-ry")
    membership = Membership.objects.create(user=person, association=other)
    client.force_login(users["member"])
    assert client.get(fi_url("manage", other.pk)).status_code == 403
    assert client.post(fi_url("invite", other.pk), {"email": "a@b.fi"}).status_code == 403
    for action in ("hyvaksy", "poista", "yllapitajaksi"):
        response = client.post(fi_url("member_action", other.pk, membership.pk, action))
        assert response.status_code == 403
    # A membership id of another association under one's own association: not found.
    own = association("hattulan-omaishoitajat-ry")
    assert client.post(fi_url("member_action", own.pk, membership.pk, "poista")).status_code == 404
    assert Membership.objects.filter(pk=membership.pk).exists()


# Registrants of the association's own trainings ------------------------------------------------


def _organised_training():
    from catalogue.models import TrainingPage

    return TrainingPage.objects.get(slug="saavutettava-tapahtuma", locale__language_code="fi")


def test_association_admin_sees_registrants_of_own_trainings_and_csv(client, users, caregivers):
    training = _organised_training()
    assert training.organiser.translation_key == caregivers.translation_key
    client.force_login(users["member"])
    manage = client.get(fi_url("manage", caregivers.pk)).content.decode()
    registrants_url = fi_url("registrants", caregivers.pk, training.pk)
    assert registrants_url in manage
    response = client.get(registrants_url)
    assert response.status_code == 200
    html = response.content.decode()
    registrations = list(training.registrations.all())
    assert len(registrations) == 4
    for registration in registrations:
        assert registration.name in html and registration.email in html
    csv_response = client.get(fi_url("registrants_csv", caregivers.pk, training.pk))
    assert csv_response.status_code == 200
    assert csv_response["Content-Type"].startswith("text/csv")
    rows = csv_response.content.decode("utf-8-sig").strip().splitlines()
    assert len(rows) == 1 + len(registrations)
    assert registrations[0].email in csv_response.content.decode("utf-8-sig")


def test_registrants_csv_does_not_run_formulas(client, users, caregivers):
    from catalogue.models import Registration

    training = _organised_training()
    Registration.objects.create(
        training=training,
        status="confirmed",
        name='=HYPERLINK("http://evil.example")',
        email="kaava@example.org",
        association="+kaava",
        language="fi",
        consent_at=timezone.now(),
    )
    client.force_login(users["member"])
    text = client.get(fi_url("registrants_csv", caregivers.pk, training.pk)).content.decode()
    assert "'=HYPERLINK" in text and "'+kaava" in text


def test_registrants_of_another_associations_training_are_not_shown(client, users, caregivers):
    from catalogue.models import TrainingPage

    other = TrainingPage.objects.get(slug="valmiussuunnitelma", locale__language_code="fi")
    client.force_login(users["member"])
    # Through the member's own association: not its training, so 404.
    assert client.get(fi_url("registrants", caregivers.pk, other.pk)).status_code == 404
    assert client.get(fi_url("registrants_csv", caregivers.pk, other.pk)).status_code == 404
    # Through the organising association, which the member does not belong to: 403.
    loppi = association("loppi-vpk")
    assert client.get(fi_url("registrants", loppi.pk, other.pk)).status_code == 403
    assert client.get(fi_url("registrants_csv", loppi.pk, other.pk)).status_code == 403
    assert client.get(fi_url("manage", loppi.pk)).status_code == 403


def test_plain_members_and_anonymous_do_not_see_registrants(client, users, caregivers, person):
    training = _organised_training()
    url = fi_url("registrants", caregivers.pk, training.pk)
    response = client.get(url)
    assert response.status_code == 302 and "/tili/kirjaudu/" in response["Location"]
    Membership.objects.create(user=person, association=caregivers, role=Role.MEMBER)
    client.force_login(person)
    assert client.get(url).status_code == 403
    assert client.get(fi_url("registrants_csv", caregivers.pk, training.pk)).status_code == 403
    manage = client.get(fi_url("manage", caregivers.pk)).content.decode()
    assert url not in manage


def test_editors_see_registrants_of_every_association(client, users):
    from catalogue.models import TrainingPage

    training = TrainingPage.objects.get(slug="valmiussuunnitelma", locale__language_code="fi")
    loppi = association("loppi-vpk")
    client.force_login(users["editor"])
    response = client.get(fi_url("registrants", loppi.pk, training.pk))
    assert response.status_code == 200
    assert training.registrations.first().name in response.content.decode()
    assert (
        fi_url("registrants", loppi.pk, training.pk)
        in client.get(fi_url("manage", loppi.pk)).content.decode()
    )
