"""The cooperation board: members of an association write listings on the site, which wait
for an editor; visitors filter the board, follow it in a news reader and write to the
association through a form. No listing ever shows an email address, and a listing leaves the
board and its feed on its expiry day."""

import datetime
import io
import re

import pytest
import time_machine

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import WorkflowState

from associations.models import AssociationPage
from board.models import BoardIndexPage, BoardListingPage, TrustedAssociation
from core.models import OutboxMail
from home.models import SiteSettings
from tests.cooperation_people import make_member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


@pytest.fixture
def board():
    return BoardIndexPage.objects.get(locale__language_code="fi")


@pytest.fixture
def listing_a(association_a):
    return BoardListingPage.objects.live().get(
        association=association_a, locale__language_code="fi"
    )


def listing_data(**changes):
    data = {
        "title": "Tarvitsemme apua jäsenrekisteriin",
        "kind": "help-wanted",
        "summary": "Jäsenrekisterin siirto uuteen ohjelmaan.",
        "description": "Kaipaamme neuvoja kokeneelta jäsensihteeriltä.",
        "themes": ["training"],
        "fields_of_activity": ["village"],
        "municipality": "hattula",
        "expires_on": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
    }
    data.update(changes)
    return data


def in_review(page):
    return WorkflowState.objects.for_instance(page).filter(status="in_progress").exists()


# --- who may write ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "who, allowed",
    [
        ("anonymous", None),
        ("member_a", True),
        ("member_b", False),
        ("admin_a", True),
        ("editor", True),
    ],
)
def test_who_may_create_and_edit_a_listing(client, people, association_a, listing_a, who, allowed):
    if people[who] is not None:
        client.force_login(people[who])
    new_url = reverse("board:member_new", args=[association_a.pk])
    edit_url = reverse("board:member_edit", args=[listing_a.pk])
    before = BoardListingPage.objects.count()
    title = f"Listing by {who}"
    created = client.post(new_url, listing_data(title=title))
    edited = client.post(edit_url, listing_data(title=listing_a.title, summary=f"Edit by {who}"))
    listing_a.refresh_from_db()
    draft = listing_a.get_latest_revision_as_object()
    if allowed is None:
        assert created.status_code == edited.status_code == 302
        assert BoardListingPage.objects.count() == before
    elif allowed:
        assert created.status_code == edited.status_code == 302, created.content.decode()[:500]
        page = BoardListingPage.objects.get(title=title)
        assert not page.live, "nothing is published before an editor approves"
        assert page.association_id == association_a.pk and in_review(page)
        assert draft.summary == f"Edit by {who}"
        assert listing_a.summary != f"Edit by {who}", "the live listing waits for the editor"
        assert in_review(listing_a)
    else:
        assert created.status_code == edited.status_code == 403
        assert BoardListingPage.objects.count() == before
        assert draft.summary != f"Edit by {who}"


def test_expiry_more_than_six_months_ahead_is_refused(client, people, association_a):
    client.force_login(people["member_a"])
    late = timezone.localdate() + datetime.timedelta(days=200)
    response = client.post(
        reverse("board:member_new", args=[association_a.pk]),
        listing_data(expires_on=late.isoformat()),
    )
    assert response.status_code == 400
    assert "at most six months" in response.content.decode()
    assert not BoardListingPage.objects.filter(title=listing_data()["title"]).exists()


# --- no address anywhere --------------------------------------------------------------------


def test_no_email_address_in_any_listing_html_jsonld_or_feed(client, board):
    listings = list(BoardListingPage.objects.current().filter(locale=board.locale))
    assert len(listings) >= 5, "the demo has a listing of every kind"
    assert {p.kind for p in listings} >= {
        "help-wanted",
        "help-offered",
        "volunteers",
        "shared-employee",
        "partner",
    }
    responses = [client.get(board.url), client.get(board.url + "syote/rss/")]
    responses.append(client.get(board.url + "syote/atom/"))
    responses += [client.get(page.url) for page in listings]
    # The site's own contact address in the footer is on every page; nothing else may be.
    footer = set(SiteSettings.objects.values_list("contact_email", flat=True))
    people = {
        m.user.email
        for p in listings
        for m in p.association.memberships.select_related("user")
        if m.user.email
    }
    assert people
    for response in responses:
        assert response.status_code == 200
        body = response.content.decode()
        found = set(EMAIL.findall(body)) - footer
        assert not found, (response.request["PATH_INFO"], found)
        assert not any(address in body for address in people)
    volunteer = next(p for p in listings if p.kind == "volunteers")
    html = client.get(volunteer.url).content.decode()
    assert '"@type": "JobPosting"' in html and '"employmentType": "VOLUNTEER"' in html
    offered = next(p for p in listings if p.kind == "help-offered")
    assert '"@type": "Offer"' in client.get(offered.url).content.decode()
    wanted = next(p for p in listings if p.kind == "help-wanted")
    assert '"@type": "Demand"' in client.get(wanted.url).content.decode()


# --- expiry ---------------------------------------------------------------------------------


def test_listing_leaves_list_and_feed_on_its_expiry_day(client, board, listing_a):
    expires = listing_a.expires_on
    day_before = datetime.datetime.combine(
        expires - datetime.timedelta(days=1), datetime.time(23, 30)
    )
    with time_machine.travel(timezone.make_aware(day_before), tick=False):
        assert listing_a.title in client.get(board.url).content.decode()
        assert listing_a.url in client.get("/sitemap.xml").content.decode()
        assert listing_a.title in client.get(board.url + "syote/rss/").content.decode()
    on_the_day = datetime.datetime.combine(expires, datetime.time(0, 5))
    with time_machine.travel(timezone.make_aware(on_the_day), tick=False):
        assert listing_a.title not in client.get(board.url).content.decode()
        assert listing_a.title not in client.get(board.url + "syote/rss/").content.decode()
        assert listing_a.title not in client.get(board.url + "syote/atom/").content.decode()
        assert listing_a.url not in client.get("/sitemap.xml").content.decode()
        page = client.get(listing_a.url)
        assert page.status_code == 200
        assert 'name="message"' not in page.content.decode(), "no contact form once it ended"


# --- contact form ---------------------------------------------------------------------------


def contact_url(page):
    return page.url + "ota-yhteytta/"


def test_bad_contact_message_is_shown_again_and_sends_nothing(client, listing_a):
    before = OutboxMail.objects.count()
    english = BoardListingPage.objects.get(
        translation_key=listing_a.translation_key, locale__language_code="en"
    )
    response = client.post(
        contact_url(english), {"name": "", "email": "not an address", "message": "hi"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please correct the errors marked below." in html
    assert "Enter a valid email address." in html
    assert 'aria-invalid="true"' in html
    assert OutboxMail.objects.count() == before


def test_contact_message_reaches_the_admins_with_reply_to(client, listing_a, users):
    before = set(OutboxMail.objects.values_list("pk", flat=True))
    response = client.post(
        contact_url(listing_a),
        {
            "name": "Liisa Virtanen",
            "email": "liisa@example.net",
            "message": "Voisin auttaa kirjanpidossa kahtena iltana.",
        },
    )
    assert response.status_code == 302
    sent = OutboxMail.objects.exclude(pk__in=before)
    admins = {
        m.user.email
        for m in listing_a.association.memberships.filter(role="admin", status="active")
    }
    assert users["member"].email in admins
    assert {m.recipient for m in sent} == admins
    assert sent.count() == len(admins) == 1
    mail = sent.get()
    assert mail.kind == "board-contact"
    assert mail.headers == {"Reply-To": "liisa@example.net"}
    assert "Voisin auttaa kirjanpidossa" in mail.body and listing_a.title in mail.subject


def test_contact_form_is_rate_limited(client, listing_a):
    data = {"name": "Matti", "email": "matti@example.net", "message": "Kiinnostaa, kerro lisää!"}
    statuses = [client.post(contact_url(listing_a), data).status_code for _ in range(6)]
    assert statuses[:5] == [302] * 5
    assert statuses[5] == 429
    assert "Liian monta viestiä" in client.post(contact_url(listing_a), data).content.decode()
    assert OutboxMail.objects.filter(kind="board-contact").count() == 5


# --- filters --------------------------------------------------------------------------------


def test_filters_narrow_the_board(client, board):
    html = client.get(board.url, {"kind": "volunteers"}).content.decode()
    assert "Vapaaehtoisia nuorten discoon" in html
    assert "Rahastonhoitaja kaipaa apua" not in html
    html = client.get(board.url, {"municipality": "forssa"}).content.decode()
    assert "videotykkiä" in html and "nuorten discoon" not in html
    html = client.get(board.url, {"q": "Leader"}).content.decode()
    assert "Leader-hankkeeseen" in html and "nuorten discoon" not in html
    html = client.get(board.url, {"field": "village"}).content.decode()
    assert "Leader-hankkeeseen" in html and "nuorten discoon" not in html
    html = client.get(board.url, {"kind": "nonsense"}).content.decode()
    assert "ei ole ilmoituksen laji" in html  # the Finnish board says why it ignored it
    assert client.get(board.url + "syote/rss/", {"kind": "nonsense"}).status_code == 400


def test_filters_use_a_constant_number_of_queries(client, board, django_assert_num_queries):
    queries = [{}, {"kind": "volunteers"}, {"municipality": "forssa", "field": "village"}]
    queries.append({"q": "apua", "kind": ["help-wanted", "partner"]})
    client.get(board.url)  # warm-up: site, locales, translations
    client.get(board.url + "syote/rss/")
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        client.get(board.url)
    for query in queries:
        with django_assert_num_queries(len(first.captured_queries)):
            assert client.get(board.url, query).status_code == 200


# --- saved searches, reminders, home --------------------------------------------------------


def publish_listing(board, association, **fields):
    page = BoardListingPage(
        association=association,
        kind=fields.pop("kind", "volunteers"),
        summary=fields.pop("summary", "Tarvitaan talkooväkeä."),
        municipality=fields.pop("municipality", "loppi"),
        expires_on=timezone.localdate() + datetime.timedelta(days=20),
        **fields,
    )
    board.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_saved_search_emails_a_new_matching_listing_once(client, board, association_b):
    start = timezone.now()
    mail.outbox.clear()
    response = client.post(
        f"/en/alerts/new/{board.pk}/",
        {"email": "aino@example.fi", "frequency": "daily", "query": "kind=volunteers"},
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    confirm = next(
        link for link in re.findall(r"https?://[^/\s]+(/\S+)", message.body) if "confirm" in link
    )
    assert client.post(confirm).status_code == 302
    with time_machine.travel(start + datetime.timedelta(hours=2)):
        publish_listing(board, association_b, title="Talkoolaisia Lopen kesäjuhlaan")
        publish_listing(board, association_b, title="Apua kotisivuihin", kind="help-wanted")
    with time_machine.travel(start + datetime.timedelta(days=1)):
        mail.outbox.clear()
        call_command("send_alerts", stdout=io.StringIO())
    (alert,) = mail.outbox
    assert "Talkoolaisia Lopen kesäjuhlaan" in alert.body
    assert "Apua kotisivuihin" not in alert.body
    assert "new listing on the cooperation board" in alert.subject
    with time_machine.travel(start + datetime.timedelta(days=2)):
        mail.outbox.clear()
        call_command("send_alerts", stdout=io.StringIO())
    assert not mail.outbox


def test_admins_are_reminded_a_week_before_the_listing_ends_once(listing_a, users):
    reminder_day = listing_a.expires_on - datetime.timedelta(days=7)
    noon = datetime.datetime.combine(reminder_day, datetime.time(12))
    early = noon - datetime.timedelta(days=1)
    with time_machine.travel(timezone.make_aware(early), tick=False):
        call_command("board_reminders", stdout=io.StringIO())
    assert not OutboxMail.objects.filter(kind="board-reminder").exists()
    with time_machine.travel(timezone.make_aware(noon), tick=False):
        call_command("board_reminders", stdout=io.StringIO())
        call_command("board_reminders", stdout=io.StringIO())
    reminders = OutboxMail.objects.filter(kind="board-reminder")
    assert [m.recipient for m in reminders] == [users["member"].email]
    assert listing_a.title in reminders.get().subject


def test_home_page_shows_the_newest_listings(client, home, board, association_b):
    newest = publish_listing(board, association_b, title="Talkoolaisia Lopen kesäjuhlaan")
    html = client.get(home.url).content.decode()
    assert newest.title in html
    assert newest.url in html


# --- trusted associations -------------------------------------------------------------------


def test_an_editor_trusts_an_association_whose_next_listings_go_live_at_once(
    client, people, association_a, listing_a
):
    client.force_login(people["editor"])
    add = client.post(
        "/admin/snippets/board/trustedassociation/add/",
        {"association": association_a.pk, "note": "Hyvät ilmoitukset jo vuosia."},
    )
    assert add.status_code == 302, add.content.decode()[:1000]
    assert TrustedAssociation.objects.filter(association=association_a).exists()
    client.force_login(people["member_a"])
    response = client.post(
        reverse("board:member_new", args=[association_a.pk]), listing_data(title="Heti esillä")
    )
    assert response.status_code == 302
    page = BoardListingPage.objects.get(title="Heti esillä")
    assert page.live and not in_review(page)
    assert "Heti esillä" in client.get(page.get_parent().url).content.decode()


def test_a_trusted_associations_first_listing_still_waits_for_an_editor(
    client, django_user_model, listing_a
):
    newcomer = (
        AssociationPage.objects.filter(locale__language_code="fi", live=True)
        .exclude(pk__in=BoardListingPage.objects.values("association_id"))
        .first()
    )
    TrustedAssociation.objects.create(association=newcomer)
    client.force_login(make_member(django_user_model, "newcomer", newcomer, "member"))
    response = client.post(
        reverse("board:member_new", args=[newcomer.pk]), listing_data(title="Ensimmäinen")
    )
    assert response.status_code == 302
    page = BoardListingPage.objects.get(title="Ensimmäinen")
    assert not page.live and in_review(page)


def test_only_editors_may_reach_the_trusted_list_in_the_admin(client, people):
    client.force_login(people["admin_a"])
    response = client.get("/admin/snippets/board/trustedassociation/")
    assert response.status_code in (302, 403)


def test_the_associations_management_page_leads_to_its_board_listings(
    client, people, association_a
):
    client.force_login(people["member_a"])
    html = client.get(reverse("associations:manage", args=[association_a.pk])).content.decode()
    assert reverse("board:member_new", args=[association_a.pk]) in html
    assert reverse("board:member_listings", args=[association_a.pk]) in html


def test_a_message_to_an_association_without_admins_is_never_dropped(client, listing_a, users):
    """An association listed by an editor may have no admins yet: the message goes to its
    public contact address, and without one to the editors, who forward it."""
    association = listing_a.association
    association.memberships.filter(role="admin").delete()
    data = {
        "name": "Liisa Virtanen",
        "email": "liisa@example.net",
        "message": "Voisin auttaa kirjanpidossa kahtena iltana.",
    }
    AssociationPage.objects.filter(pk=association.pk).update(email="hallitus@example.fi")
    before = set(OutboxMail.objects.values_list("pk", flat=True))
    assert client.post(contact_url(listing_a), data).status_code == 302
    sent = OutboxMail.objects.exclude(pk__in=before)
    assert [mail.recipient for mail in sent] == ["hallitus@example.fi"]
    assert sent.get().headers == {"Reply-To": "liisa@example.net"}

    AssociationPage.objects.filter(pk=association.pk).update(email="")
    before = set(OutboxMail.objects.values_list("pk", flat=True))
    assert client.post(contact_url(listing_a), data).status_code == 302
    recipients = set(OutboxMail.objects.exclude(pk__in=before).values_list("recipient", flat=True))
    assert users["editor"].email in recipients
    assert users["member"].email not in recipients


def test_feed_is_cached_answers_304_and_changes_when_a_listing_is_published(
    client, board, listing_a, django_capture_on_commit_callbacks
):
    url = board.url + "syote/atom/"
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert client.head(url).status_code == 200
    page = BoardListingPage.objects.get(pk=listing_a.pk)
    page.title = "Uusi otsikko ilmoitukselle"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert "Uusi otsikko ilmoitukselle" in changed.content.decode()
    assert client.get(url + "?kind=nonsense").status_code == 400


def test_scaled_demo_adds_copies_and_the_board_costs_the_same_queries(client, board):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from board import demo

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get(board.url).status_code == 200
        return len(context)

    client.get(board.url)  # warm the site and locale caches
    before_count = BoardListingPage.objects.live().child_of(board).count()
    before = queries()
    demo.seed(io.StringIO(), scale=2)
    demo.seed(io.StringIO(), scale=2)  # a second run adds nothing
    copies = BoardListingPage.objects.live().child_of(board).filter(slug__startswith="kopio-")
    assert copies.count() == demo.COPIES_PER_SCALE
    assert BoardListingPage.objects.live().child_of(board).count() == before_count + 20
    assert queries() <= before + 1
