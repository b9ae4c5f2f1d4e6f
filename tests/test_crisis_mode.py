"""Crisis mode: the notice on every page while a situation is active, reporting with its
permissions and history, the public board and the partners' picture respecting consent."""

import csv
import datetime
import io
from urllib.parse import quote

import pytest
import time_machine

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Locale, Page

from associations.models import AssociationPage, Membership, MembershipStatus, Role
from crisis.demo import PAST_SLUG, start_demo_situation
from crisis.models import SituationIndexPage, SituationPage, StatusReport
from crisis.services import save_report

pytestmark = pytest.mark.django_db
User = get_user_model()
NOTICE = 'class="crisis-notice'


def association(slug):
    return AssociationPage.objects.get(slug=slug, locale__language_code="fi")


@pytest.fixture
def caregivers():
    return association("hattulan-omaishoitajat-ry")  # the demo member is its admin


@pytest.fixture
def other_association(caregivers, active):
    """An association the demo member does not belong to, without a report yet."""
    return (
        AssociationPage.objects.live()
        .filter(locale__language_code="fi")
        .exclude(pk=caregivers.pk)
        .exclude(pk__in=StatusReport.objects.values("association_id"))
        .order_by("title")
        .first()
    )


@pytest.fixture
def active():
    return start_demo_situation(hours=2)


def report_url(situation, association_page):
    with translation.override("fi"):
        return reverse("crisis:report", args=[situation.pk, association_page.pk])


VALID = {
    "status": "remote",
    "continues": "Vertaistukiryhmä puhelimessa tiistaisin klo 10.",
    "links": "https://example.fi/ryhma",
    "offers": ["phone", "volunteers"],
    "offers_detail": "Soittoapua ikäihmisille.",
    "needs": ["equipment"],
    "needs_detail": "Aggregaatti kerhotilaan.",
    "contact_name": "Maija Meikäläinen",
    "contact_email": "maija@example.fi",
    "contact_phone": "040 123 4567",
    "show_publicly": "on",
    "share_with_partners": "on",
}


# --- the notice ----------------------------------------------------------------------------


def sample_urls(language):
    """One live page of every page type in `language`, plus a plain Django page."""
    urls = []
    seen = set()
    for page in Page.objects.live().filter(locale__language_code=language, depth__gt=1):
        if page.content_type_id in seen:
            continue
        seen.add(page.content_type_id)
        urls.append(page.url)
    with translation.override(language):
        urls.append(reverse("accounts:login"))
    return urls


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_notice_on_every_page_type_while_active_and_not_after(client, active, language):
    page = active.get_translation(Locale.objects.get(language_code=language))
    urls = sample_urls(language)
    assert len(urls) > 8
    for url in urls:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert NOTICE in html, url
        assert page.title in html, url
        assert page.url in html, url
        assert f'aria-labelledby="crisis-notice-{page.pk}"' in html
    with time_machine.travel(active.ends_at + datetime.timedelta(seconds=1)):
        for url in urls[:5]:
            assert NOTICE not in client.get(url, follow=True).content.decode(), url


def test_notice_language_follows_the_page(client, active):
    sv = active.get_translation(Locale.objects.get(language_code="sv"))
    html = client.get(sv.get_parent().url).content.decode()
    assert sv.title in html
    assert active.title not in html


def test_no_notice_before_start_or_for_archived(client, home):
    html = client.get(home.url).content.decode()
    assert NOTICE not in html  # only the archived exercise exists


def test_notice_lookup_is_cached(client, active, home):
    client.get(home.url)
    with CaptureQueriesContext(connection) as queries:
        client.get(home.url)
    assert not [q for q in queries if "crisis_situationpage" in q["sql"]]


def test_ending_a_situation_removes_the_notice_at_once(client, active, home):
    assert NOTICE in client.get(home.url).content.decode()
    call_command("end_situation", stdout=io.StringIO())
    assert NOTICE not in client.get(home.url).content.decode()
    assert SituationPage.objects.get(pk=active.pk).has_ended()


def test_archive_lists_past_situations_and_guides(client, home):
    index = SituationIndexPage.objects.get(locale__language_code="fi")
    html = client.get(index.url).content.decode()
    assert "Vesikatkoharjoitus keväällä 2026" in html
    assert "Varautumisen tarkistuslista" in html
    past = SituationPage.objects.get(slug=PAST_SLUG, locale__language_code="fi")
    html = client.get(past.url).content.decode()
    assert "This situation has ended" in html or "päättynyt" in html


# --- who may declare -----------------------------------------------------------------------


def test_only_editors_create_situations_in_admin(client, users):
    index = SituationIndexPage.objects.get(locale__language_code="fi")
    url = reverse("wagtailadmin_pages:add", args=["crisis", "situationpage", index.pk])
    client.force_login(users["member"])
    assert client.get(url).status_code in (302, 403)
    client.force_login(users["editor"])
    assert client.get(url).status_code == 200


def test_member_cannot_edit_a_situation_in_admin(client, users, active):
    client.force_login(users["member"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[active.pk]))
    assert response.status_code in (302, 403)


# --- reporting -----------------------------------------------------------------------------


def test_member_reports_and_updates_with_history(client, users, active, caregivers):
    client.force_login(users["member"])
    url = report_url(active, caregivers)
    assert client.get(url).status_code == 200
    response = client.post(url, VALID)
    assert response.status_code == 302
    report = StatusReport.objects.get(situation=active, association=caregivers)
    assert report.status == "remote" and report.links == ["https://example.fi/ryhma"]
    client.post(url, {**VALID, "status": "paused"})
    report.refresh_from_db()
    assert report.status == "paused"
    assert StatusReport.objects.filter(situation=active, association=caregivers).count() == 1
    assert [v.status for v in report.versions.all()] == ["paused", "remote"]
    html = client.get(url).content.decode()
    assert "History" in html or "Historia" in html


def test_report_from_a_translated_page_goes_to_the_source(client, users, active, caregivers):
    client.force_login(users["member"])
    sv_situation = active.get_translation(Locale.objects.get(language_code="sv"))
    response = client.post(report_url(sv_situation, caregivers), VALID)
    assert response.status_code == 302
    assert StatusReport.objects.filter(situation=active, association=caregivers).exists()


def test_member_of_another_association_cannot_report(client, users, active, other_association):
    client.force_login(users["member"])
    url = report_url(active, other_association)
    assert client.get(url).status_code == 403
    assert client.post(url, VALID).status_code == 403
    assert not StatusReport.objects.filter(association=other_association, situation=active)


def test_anonymous_is_sent_to_log_in(client, active, caregivers):
    url = report_url(active, caregivers)
    response = client.post(url, VALID)
    assert response.status_code == 302 and "kirjaudu" in response["Location"]
    assert not StatusReport.objects.filter(situation=active, association=caregivers)


def test_unknown_ids_answer_404(client, users, active, caregivers):
    client.force_login(users["member"])
    assert client.get(report_url(active, Page.objects.order_by("-pk")[0])).status_code == 404
    with translation.override("fi"):
        url = reverse("crisis:report", args=[999999, caregivers.pk])
    assert client.get(url).status_code == 404


def test_ended_situation_cannot_be_reported(client, users, caregivers):
    past = SituationPage.objects.get(slug=PAST_SLUG, locale__language_code="fi")
    client.force_login(users["member"])
    before = StatusReport.objects.get(situation=past, association=caregivers)  # from the demo
    response = client.post(report_url(past, caregivers), VALID)
    assert response.status_code == 302
    after = StatusReport.objects.get(situation=past, association=caregivers)
    assert after.updated_at == before.updated_at and after.versions.count() == 1


def test_text_is_plain_and_length_limited(client, users, active, caregivers):
    client.force_login(users["member"])
    url = report_url(active, caregivers)
    client.post(url, {**VALID, "continues": "<script>alert(1)</script><b>Kerho</b> jatkuu"})
    report = StatusReport.objects.get(situation=active, association=caregivers)
    assert report.continues == "alert(1)Kerho jatkuu"
    response = client.post(url, {**VALID, "continues": "x" * 1001})
    assert response.status_code == 200
    assert "aria-invalid" in response.content.decode() or "errorlist" in response.content.decode()
    response = client.post(url, {**VALID, "links": "javascript:alert(1)"})
    assert response.status_code == 200
    report.refresh_from_db()
    assert report.links == ["https://example.fi/ryhma"]


def test_errors_are_announced(client, users, active, caregivers):
    client.force_login(users["member"])
    response = client.post(report_url(active, caregivers), {"status": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html


def test_my_reports_lists_the_members_associations(client, users, active, caregivers):
    client.force_login(users["member"])
    with translation.override("fi"):
        response = client.get(reverse("crisis:my_reports"), follow=True)
    assert response.status_code == 200
    assert report_url(active, caregivers) in response.content.decode() or response.redirect_chain


# --- the board and the picture -------------------------------------------------------------


def _report(situation, page, **values):
    base = {
        "status": "remote",
        "continues": f"Toiminta jatkuu: {page.title}",
        "links": [],
        "offers": ["transport"],
        "offers_detail": "",
        "needs": ["volunteers"],
        "needs_detail": "",
        "contact_name": "Yhteys",
        "contact_email": "yhteys@example.fi",
        "contact_phone": "",
        "show_publicly": True,
        "share_with_partners": True,
    }
    return save_report(situation, page, {**base, **values}, None)


def test_board_shows_only_what_associations_agreed_to_publish(client, active, caregivers):
    others = list(
        AssociationPage.objects.live()
        .filter(locale__language_code="fi")
        .exclude(pk=caregivers.pk)
        .order_by("-title")[:2]
    )
    _report(active, others[0], continues="Julkinen ryhmä jatkuu")
    _report(active, others[1], continues="Salainen ryhmä jatkuu", show_publicly=False)
    html = client.get(active.url + "jatkuu/").content.decode()
    assert "Julkinen ryhmä jatkuu" in html
    assert "Salainen ryhmä jatkuu" not in html
    assert "yhteys@example.fi" not in html  # the contact is for partners only


def test_board_filters_by_municipality_field_and_search(client, active):
    page = (
        AssociationPage.objects.live()
        .filter(locale__language_code="fi", municipality="forssa")
        .first()
    )
    _report(active, page, continues="Forssan kerho jatkuu")
    board = active.url + "jatkuu/"
    assert "Forssan kerho" in client.get(board, {"kunta": "forssa"}).content.decode()
    assert "Forssan kerho" not in client.get(board, {"kunta": "ypaja"}).content.decode()
    assert "Forssan kerho" in client.get(board, {"q": "forssan"}).content.decode()
    assert "Forssan kerho" not in client.get(board, {"q": "zzzz"}).content.decode()
    field = page.field_links.first().field.slug
    assert "Forssan kerho" in client.get(board, {"toimiala": field}).content.decode()
    assert client.get(board, {"kunta": "<x>", "toimiala": "nope"}).status_code == 200


def test_board_in_swedish_names_associations_in_swedish(client, active):
    page = AssociationPage.objects.live().filter(locale__language_code="fi").first()
    _report(active, page)
    sv = active.get_translation(Locale.objects.get(language_code="sv"))
    response = client.get(sv.url + "jatkuu/")
    assert response.status_code == 200


def test_board_query_count_is_constant(client, active):
    pages = list(AssociationPage.objects.live().filter(locale__language_code="fi")[:12])
    board = active.url + "jatkuu/"
    _report(active, pages[0])
    client.get(board)
    with CaptureQueriesContext(connection) as few:
        client.get(board)
    for page in pages[1:]:
        _report(active, page)
    with CaptureQueriesContext(connection) as many:
        client.get(board)
    assert len(many) == len(few)


@pytest.fixture
def partner(db):
    user = User.objects.create_user("kunta@example.fi", "kunta@example.fi", "x")
    user.groups.add(Group.objects.get(name="Partners"))
    return user


def test_picture_is_for_partners_and_editors_only(client, users, active, partner):
    url = active.url + "tilannekuva/"
    assert client.get(url).status_code == 302
    # The whole address comes back after the login, query string included.
    response = client.get(url + "?kunta=riihimaki&q=ruoka")
    assert response["Location"].endswith("?next=" + quote(url + "?kunta=riihimaki&q=ruoka"))
    client.force_login(users["member"])
    assert client.get(url).status_code == 403
    assert client.get(url + "csv/").status_code == 403
    client.force_login(partner)
    assert client.get(url).status_code == 200
    client.force_login(users["editor"])
    assert client.get(url).status_code == 200


def test_picture_and_csv_list_only_consenting_associations(client, active, partner):
    pages = list(AssociationPage.objects.live().filter(locale__language_code="fi")[:3])
    _report(active, pages[0], contact_email="jaettu@example.fi")
    _report(active, pages[1], contact_email="salainen@example.fi", share_with_partners=False)
    _report(active, pages[2], contact_email="=cmd@example.fi", status="paused")
    client.force_login(partner)
    html = client.get(active.url + "tilannekuva/").content.decode()
    assert "jaettu@example.fi" in html and "salainen@example.fi" not in html
    response = client.get(active.url + "tilannekuva/csv/")
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    emails = [row[9] for row in rows[1:]]
    assert "jaettu@example.fi" in emails
    assert "salainen@example.fi" not in text
    assert "'=cmd@example.fi" in emails  # no formula injection


def test_archived_exercise_has_reports_in_the_demo(client):
    past = SituationPage.objects.get(slug=PAST_SLUG, locale__language_code="fi")
    assert StatusReport.objects.filter(situation=past).count() >= 5
    html = client.get(past.url + "jatkuu/").content.decode()
    assert "Kylätalo toimi vedenjakelupisteenä" in html


def test_membership_is_what_grants_reporting(client, active, other_association):
    user = User.objects.create_user("uusi@example.fi", "uusi@example.fi", "x")
    client.force_login(user)
    url = report_url(active, other_association)
    assert client.get(url).status_code == 403
    Membership.objects.create(
        user=user, association=other_association, role=Role.MEMBER, status=MembershipStatus.ACTIVE
    )
    assert client.get(url).status_code == 200


def test_active_computed_from_dates(active):
    now = timezone.now()
    assert active.is_active(now)
    assert not active.is_active(active.ends_at)
    assert SituationPage.objects.active(active.ends_at).filter(pk=active.pk).count() == 0
