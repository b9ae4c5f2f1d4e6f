"""Networks (issue 25, part 3): the sub-regional and thematic networks of associations, with
their member associations, public partners, coordinator and meetings from the catalogue; a
member association's people ask to join through the network's page, and the request reaches
the coordinator by email. The coordinator's address is never shown: not in the HTML, the
JSON-LD or the feeds. Editors (the coordinators) edit networks; associations' members do not."""

import json
import re

import pytest

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Locale
from wagtail.users.models import UserProfile

from associations.models import AssociationPage, NetworkIndexPage, NetworkPage
from catalogue.models import Occurrence, TrainingPage
from core.models import OutboxMail
from home.models import SiteSettings
from tests.test_associations_moderation import admin_form_data
from tests.test_security_permissions import make_user, refused

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
User = get_user_model()

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
# The calendar's ORGANIZER is a no-reply address, never a person's (calendars.types).
NO_REPLY = "noreply@meidanhame.fi"
HML = "hameenlinnan-seudun-jarjestoverkosto"
FORSSA = "forssan-seudun-jarjestoverkosto"
OLDER = "kanta-hameen-ikajarjestojen-verkosto"
YOUTH = "nuoriso-ja-liikuntajarjestojen-verkosto"
RIIHIMAKI = "riihimaen-seudun-jarjestoverkosto"
ALL = [HML, RIIHIMAKI, FORSSA, OLDER, YOUTH]


def network(slug, language="fi"):
    return NetworkPage.objects.get(slug=slug, locale__language_code=language)


def association(slug):
    return AssociationPage.objects.get(slug=slug, locale__language_code="fi")


@pytest.fixture
def a():
    return association("hattulan-omaishoitajat-ry")  # the demo member is its admin


@pytest.fixture
def b():
    return association("lopen-lahetysseura-ry")


@pytest.fixture
def net(a, b):
    """A network that A belongs to and B does not."""
    found = (
        NetworkPage.objects.filter(locale__language_code="fi")
        .with_member(a)
        .exclude(pk__in=NetworkPage.objects.with_member(b).values("pk"))
        .first()
    )
    assert found is not None
    return found


@pytest.fixture
def people(users, a, b):
    return {
        "anonymous": None,
        "member_a": make_user("member_a", a),
        "member_b": make_user("member_b", b),
        "admin_a": users["member"],
        "editor": users["editor"],
    }


def login(client, user):
    client.logout()
    if user is not None:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()
        client.force_login(user)


def english(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


def kept_out(response):
    """The admin refuses (see `refused`), or sends someone without admin access to log in."""
    return refused(response) or (response.status_code == 302 and "/login/" in response["Location"])


# --- pages in three languages ---------------------------------------------------------------


@pytest.mark.parametrize(
    "language, heading, title",
    [
        ("fi", "Verkostot", "Hämeenlinnan seudun järjestöverkosto"),
        ("sv", "Nätverk", "Tavastehusregionens organisationsnätverk"),
        ("en", "Networks", "Hämeenlinna sub-regional network of associations"),
    ],
)
def test_the_network_list_and_pages_exist_in_three_languages(client, language, heading, title):
    index = NetworkIndexPage.objects.get(locale__language_code=language)
    response = client.get(index.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    pages = list(NetworkPage.objects.live().filter(locale=index.locale))
    assert {page.slug for page in pages} == set(ALL)
    assert title in html
    for page in pages:
        assert page.url in html
        assert client.get(page.url).status_code == 200


def test_the_list_groups_networks_by_kind_and_filters_by_municipality(client):
    index = NetworkIndexPage.objects.get(locale__language_code="en")
    html = client.get(index.url).content.decode()
    assert html.index("Sub-regional networks") < html.index("Thematic networks")
    forssa = client.get(index.url, {"municipality": "forssa"}).content.decode()
    assert network(FORSSA, "en").title in forssa
    assert network(HML, "en").title not in forssa
    assert network(YOUTH, "en").title in forssa, "a thematic network covers the whole region"
    odd = client.get(index.url, {"municipality": "atlantis"})
    assert odd.status_code == 200
    assert "Unknown municipality “atlantis” was ignored." in odd.content.decode()


def test_a_network_page_shows_members_partners_coordinator_and_meetings(client):
    page = network(HML, "en")
    html = client.get(page.url).content.decode()
    members = [link.association for link in page.member_links.all()]
    assert len(members) >= 5
    for member in members:
        shown = member.get_translation_or_none(page.locale) or member
        assert shown.title in html and shown.url in html
    assert "City of Hämeenlinna" in html
    assert "Kanta-Häme Wellbeing Services County" in html
    assert "Häme University of Applied Sciences HAMK" in html
    assert "Sanna Lehtonen" in html and "network coordinator" in html
    assert "+358 40 710 2201" in html
    assert "four times a year" in html
    # Its meetings from the catalogue, and the feeds of them.
    meeting = TrainingPage.objects.live().get(slug="somekoulu", locale=page.locale)
    assert meeting.title in html
    assert f"calendar/trainings.ics?network={HML}" in html
    assert f'type="text/calendar" title="{page.title}"' in html
    assert f"feeds/trainings.atom?network={HML}" in html
    assert "Subscribe" in html


def test_finnish_and_swedish_pages_show_partners_in_their_language(client):
    assert "Hämeenlinnan kaupunki" in client.get(network(HML, "fi").url).content.decode()
    assert "Tavastehus stad" in client.get(network(HML, "sv").url).content.decode()


def test_the_json_ld_is_an_organization_with_its_members(client):
    page = network(HML, "en")
    html = client.get(page.url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["@type"] == "Organization"
    assert data["name"] == page.title
    assert len(data["member"]) == page.member_links.count()
    assert data["contactPoint"]["name"] == "Sanna Lehtonen"
    assert "email" not in json.dumps(data)


def test_a_member_associations_profile_names_its_networks(client, a, net):
    profile = english(a)
    html = client.get(profile.url).content.decode()
    assert "Member of networks" in html
    shown = english(net)
    assert shown.title in html and shown.url in html
    assert '"memberOf"' in html


def test_a_training_page_names_its_network(client):
    training = TrainingPage.objects.live().get(slug="somekoulu", locale__language_code="en")
    html = client.get(training.url).content.decode()
    assert network(HML, "en").title in html


# --- no address anywhere ----------------------------------------------------------------------


def test_no_email_address_in_network_html_jsonld_or_feeds(client):
    footer = set(SiteSettings.objects.values_list("contact_email", flat=True))
    coordinators = set(NetworkPage.objects.values_list("coordinator_email", flat=True))
    assert len(coordinators) == len(ALL)
    urls = []
    for language in ("fi", "sv", "en"):
        urls.append(NetworkIndexPage.objects.get(locale__language_code=language).url)
        for page in NetworkPage.objects.live().filter(locale__language_code=language):
            urls.append(page.url)
            urls += [
                f"/{language}/calendar/trainings.ics?network={page.slug}",
                f"/{language}/feeds/trainings.atom?network={page.slug}",
                f"/{language}/feeds/trainings.rss?network={page.slug}",
            ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert not any(address in body for address in coordinators), url
        # A calendar event's UID is "<id>@meidanhame.fi" by RFC 5545's advice: no address.
        lines = body.replace("\r\n ", "").splitlines()
        body = "\n".join(line for line in lines if not line.startswith("UID:"))
        found = set(EMAIL.findall(body)) - footer - {NO_REPLY}
        assert not found, (url, found)


# --- joining --------------------------------------------------------------------------------


def join_url(page):
    return page.url + "liity/"


MESSAGE = "Olemme kyläyhdistys ja haluaisimme mukaan seudun yhteistyöhön."


@pytest.mark.parametrize(
    "who, outcome",
    [
        ("anonymous", "login"),
        ("member_a", "already-member"),
        ("member_b", "sent"),
        ("admin_a", "already-member"),
        ("editor", "no-association"),
    ],
)
def test_who_may_ask_to_join_a_network(client, people, a, b, net, who, outcome):
    page = english(net)
    login(client, people[who])
    html = client.get(page.url).content.decode()
    before = OutboxMail.objects.filter(kind="network-join").count()
    own = {"member_a": a, "admin_a": a, "member_b": b}.get(who, a)
    response = client.post(join_url(page), {"association": own.pk, "message": MESSAGE})
    sent = OutboxMail.objects.filter(kind="network-join")
    if outcome == "login":
        assert "Log in to ask to join" in html
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    elif outcome == "already-member":
        assert "already members of this network" in html
        assert 'name="association"' not in html
        assert response.status_code == 400
        assert "not yet a member of the network" in response.content.decode()
    elif outcome == "no-association":
        assert 'name="association"' not in html
        assert response.status_code == 403
    else:
        assert 'name="association"' in html and english(b).title in html
        assert response.status_code == 302 and response["Location"] == page.url
        thanks = client.get(page.url).content.decode()
        assert "Thank you!" in thanks and "coordinator" in thanks
        mail = sent.get()
        assert mail.recipient == net.coordinator_email
        assert mail.headers == {"Reply-To": people[who].email}
        assert b.title in mail.subject and net.title in mail.subject
        assert MESSAGE in mail.body and b.url in mail.body
        return
    assert sent.count() == before


def test_a_member_cannot_ask_in_another_associations_name(client, people, a, net):
    client.force_login(people["member_b"])
    other = association("forssan-luontoyhdistys")
    response = client.post(join_url(english(net)), {"association": other.pk, "message": MESSAGE})
    assert response.status_code == 400
    assert not OutboxMail.objects.filter(kind="network-join").exists()


def test_a_bad_join_request_is_shown_again_with_what_to_correct(client, people, b, net):
    client.force_login(people["member_b"])
    response = client.post(join_url(english(net)), {"association": b.pk, "message": "hi"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Please correct the errors marked below." in html
    assert "at least 10 characters" in html
    assert 'aria-invalid="true"' in html
    assert not OutboxMail.objects.filter(kind="network-join").exists()


def test_join_requests_are_rate_limited(client, people, b, net):
    client.force_login(people["member_b"])
    data = {"association": b.pk, "message": MESSAGE}
    statuses = [client.post(join_url(english(net)), data).status_code for _ in range(6)]
    assert statuses == [302] * 5 + [429]
    assert OutboxMail.objects.filter(kind="network-join").count() == 5


def test_a_get_of_the_join_address_goes_back_to_the_page(client, net):
    response = client.get(join_url(english(net)))
    assert response.status_code == 302 and response["Location"] == english(net).url


# --- editing in the admin -------------------------------------------------------------------


@pytest.mark.parametrize(
    "who, may_edit",
    [
        ("anonymous", False),
        ("member_a", False),
        ("member_b", False),
        ("admin_a", False),
        ("editor", True),
    ],
)
def test_only_editors_edit_a_network_in_the_admin(client, people, net, who, may_edit):
    user = people[who]
    edit_url = reverse("wagtailadmin_pages:edit", args=[net.pk])
    if user is not None:
        assert net.permissions_for_user(user).can_edit() is may_edit
    login(client, user)
    response = client.get(edit_url)
    if who == "anonymous":
        assert response.status_code == 302 and "login" in response["Location"]
        return
    if not may_edit:
        assert kept_out(response)
        before = net.revisions.count()
        assert kept_out(client.post(edit_url, {"title": "Kaapattu", "slug": net.slug}))
        assert net.revisions.count() == before
        return
    assert response.status_code == 200
    data = admin_form_data(client, edit_url, "page-edit-form")
    data["summary"] = "Uusi esittely verkostolle."
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors
    net.refresh_from_db()
    assert net.get_latest_revision_as_object().summary == "Uusi esittely verkostolle."


# --- the catalogue's network filter and feeds --------------------------------------------------


def test_the_catalogue_lists_a_networks_meetings(client):
    catalogue = "/en/koulutukset/"
    html = client.get(catalogue, {"network": HML}).content.decode()
    hml_meeting = TrainingPage.objects.live().get(slug="somekoulu", locale__language_code="en")
    forssa_meeting = TrainingPage.objects.live().get(
        slug="kirjanpidon-perusteet", locale__language_code="en"
    )
    assert hml_meeting.title in html
    assert forssa_meeting.title not in html
    assert f'<option value="{HML}" selected>' in html
    odd = client.get(catalogue, {"network": "no-such-network"})
    assert odd.status_code == 200
    assert "Unknown network “no-such-network” was ignored." in odd.content.decode()


def test_every_language_version_of_a_meeting_carries_its_network():
    for language in ("fi", "sv", "en"):
        training = TrainingPage.objects.live().get(slug="somekoulu", locale__language_code=language)
        assert [link.network.slug for link in training.network_links.all()] == [HML]
        assert Occurrence.objects.filter(training=training, networks__contains=f"|{HML}|").exists()


def test_the_feeds_take_the_network_filter(client):
    hml = TrainingPage.objects.live().get(slug="somekoulu", locale__language_code="en")
    forssa = TrainingPage.objects.live().get(
        slug="kirjanpidon-perusteet", locale__language_code="en"
    )
    ics = client.get("/en/calendar/trainings.ics", {"network": HML})
    assert ics.status_code == 200
    body = ics.content.decode()
    assert hml.title in body and forssa.title not in body
    assert network(HML, "en").title in body.replace("\r\n ", ""), "the calendar is named after it"
    for kind in ("atom", "rss"):
        feed = client.get(f"/en/feeds/trainings.{kind}", {"network": HML})
        assert feed.status_code == 200
        text = feed.content.decode()
        assert hml.title in text and forssa.title not in text
    bad = client.get("/en/calendar/trainings.ics", {"network": "no-such-network"})
    assert bad.status_code == 400
    assert "Unknown network" in bad.content.decode()
    assert client.get("/en/feeds/trainings.atom", {"network": "nope"}).status_code == 400


def test_network_filters_keep_a_constant_number_of_queries(client, django_assert_num_queries):
    catalogue = "/en/koulutukset/"
    client.get(catalogue)  # warm-up: site, locales, translations
    with CaptureQueriesContext(connection) as first:
        client.get(catalogue, {"network": HML})
    for query in [{"network": FORSSA}, {"network": [OLDER, YOUTH]}, {"network": RIIHIMAKI}]:
        with django_assert_num_queries(len(first.captured_queries)):
            assert client.get(catalogue, query).status_code == 200
    client.get("/en/calendar/trainings.ics", {"network": HML})
    with CaptureQueriesContext(connection) as feed:
        client.get("/en/calendar/trainings.ics", {"network": FORSSA})
    for slug in (OLDER, YOUTH):
        with django_assert_num_queries(len(feed.captured_queries)):
            client.get("/en/calendar/trainings.ics", {"network": slug})


def test_a_network_page_takes_the_same_number_of_queries_whatever_its_size(
    client, django_assert_num_queries
):
    small, big = network(YOUTH, "en"), network(HML, "en")
    client.get(small.url)
    with CaptureQueriesContext(connection) as first:
        client.get(small.url)
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(big.url)


def test_an_editor_previews_a_network_with_its_members_and_meetings(client, people):
    page = network(HML)
    login(client, people["editor"])
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = admin_form_data(
        client, reverse("wagtailadmin_pages:edit", args=[page.pk]), "page-edit-form"
    )
    data["summary"] = "Esikatselussa näkyvä esittely."
    response = client.post(preview_url, data)
    assert response.json()["is_valid"] is True
    html = client.get(preview_url).content.decode()
    assert "Esikatselussa näkyvä esittely." in html
    assert "Hämeenlinnan kaupunki" in html
    assert TrainingPage.objects.get(slug="somekoulu", locale=page.locale).title in html


def test_a_renamed_network_keeps_its_meetings_in_the_filter(client):
    page = network(HML)
    page.slug = "hameen-verkosto"
    page.save_revision().publish()
    html = client.get("/en/koulutukset/", {"network": "hameen-verkosto"}).content.decode()
    assert TrainingPage.objects.get(slug="somekoulu", locale__language_code="en").title in html


def test_an_editor_previews_a_meeting_with_its_network(client, people):
    training = TrainingPage.objects.get(slug="somekoulu", locale__language_code="fi")
    login(client, people["editor"])
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[training.pk])
    edit_url = reverse("wagtailadmin_pages:edit", args=[training.pk])
    response = client.post(preview_url, admin_form_data(client, edit_url, "page-edit-form"))
    assert response.json()["is_valid"] is True
    assert network(HML).title in client.get(preview_url).content.decode()


def add_network_link(data, network):
    count = int(data["network_links-TOTAL_FORMS"])
    data.update(
        {
            "network_links-TOTAL_FORMS": str(count + 1),
            f"network_links-{count}-network": str(network.pk),
            f"network_links-{count}-ORDER": str(count + 1),
            f"network_links-{count}-id": "",
            f"network_links-{count}-DELETE": "",
        }
    )
    return count


def test_a_member_marks_a_training_as_a_meeting_only_of_their_own_network(client, people, a):
    training = TrainingPage.objects.get(slug="saavutettava-tapahtuma", locale__language_code="fi")
    assert training.organiser_id == a.pk
    other = network(FORSSA)
    assert not NetworkPage.objects.with_member(a).filter(pk=other.pk).exists()
    edit_url = reverse("wagtailadmin_pages:edit", args=[training.pk])
    login(client, people["admin_a"])
    data = admin_form_data(client, edit_url, "page-edit-form")
    index = add_network_link(data, other)
    response = client.post(edit_url, data)
    assert response.status_code == 200
    assert "network" in response.context["form"].formsets["network_links"].errors[index]
    linked = training.get_latest_revision_as_object().network_links.all()
    assert other.pk not in {link.network_id for link in linked}
    own = NetworkPage.objects.filter(locale__language_code="fi").with_member(a).first()
    data = admin_form_data(client, edit_url, "page-edit-form")
    add_network_link(data, own)
    response = client.post(edit_url, data)
    assert response.status_code == 302
    linked = TrainingPage.objects.get(pk=training.pk).get_latest_revision_as_object()
    assert own.pk in {link.network_id for link in linked.network_links.all()}
