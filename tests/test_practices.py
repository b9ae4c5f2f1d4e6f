"""The good-practice library: members of an association write practices on the site, which
wait for an editor; visitors filter the library, follow it in a news reader, read a practice in
three languages and write to the association through a form. No practice ever shows an email
address, and crisis mode's readiness guides sit on the library's readiness shelf."""

import re

import pytest

from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Page, WorkflowState
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation

from core.models import OutboxMail
from crisis.models import ReadinessGuidePage, SituationIndexPage
from home.models import SiteSettings
from practices.models import GoodPracticeIndexPage, GoodPracticePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


@pytest.fixture
def library():
    return GoodPracticeIndexPage.objects.get(locale__language_code="fi")


@pytest.fixture
def english_library(library):
    return GoodPracticeIndexPage.objects.get(
        translation_key=library.translation_key, locale__language_code="en"
    )


@pytest.fixture
def practice_a(association_a):
    return GoodPracticePage.objects.live().get(
        association=association_a, locale__language_code="fi"
    )


def practice_data(**changes):
    data = {
        "title": "Yhteinen jäsenkirje kolmelle kylälle",
        "summary": "Kolme kyläyhdistystä tekee yhden jäsenkirjeen neljästi vuodessa.",
        "for_whom": "Kyläyhdistyksille, joiden tiedotus on yhden ihmisen varassa.",
        "how_text": "Sovimme vuorot.\n\nJokainen kirjoittaa oman palstansa.",
        "cost": "Painatus 120 euroa kerralta.",
        "learned": "Yhteinen kirje luetaan tarkemmin.",
        "contact_name": "Anna Laine",
        "contact_role": "tiedottaja",
        "themes": ["joint-projects"],
        "fields_of_activity": ["village"],
        "municipality": "hattula",
    }
    data.update(changes)
    return data


def _in_english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()


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
def test_who_may_create_and_edit_a_practice(
    client, people, association_a, practice_a, who, allowed
):
    if people[who] is not None:
        client.force_login(people[who])
    new_url = reverse("practices:member_new", args=[association_a.pk])
    edit_url = reverse("practices:member_edit", args=[practice_a.pk])
    list_url = reverse("practices:member_practices", args=[association_a.pk])
    before = GoodPracticePage.objects.count()
    title = f"Practice by {who}"
    created = client.post(new_url, practice_data(title=title))
    edited = client.post(edit_url, practice_data(title=practice_a.title, summary=f"Edit by {who}"))
    listed = client.get(list_url)
    practice_a.refresh_from_db()
    draft = practice_a.get_latest_revision_as_object()
    if allowed is None:
        assert created.status_code == edited.status_code == listed.status_code == 302
        assert "/login/" in created["Location"] or "kirjaudu" in created["Location"]
        assert GoodPracticePage.objects.count() == before
    elif allowed:
        assert created.status_code == edited.status_code == 302, created.content.decode()[:500]
        assert listed.status_code == 200
        page = GoodPracticePage.objects.get(title=title)
        assert not page.live, "nothing is published before an editor approves"
        assert page.association_id == association_a.pk and in_review(page)
        assert page.how == "<p>Sovimme vuorot.</p><p>Jokainen kirjoittaa oman palstansa.</p>"
        assert draft.summary == f"Edit by {who}"
        assert practice_a.summary != f"Edit by {who}", "the live practice waits for the editor"
        assert in_review(practice_a)
    else:
        assert created.status_code == edited.status_code == listed.status_code == 403
        assert GoodPracticePage.objects.count() == before
        assert draft.summary != f"Edit by {who}"


def test_an_association_admin_cannot_publish_past_the_editors(client, people, association_a):
    """Trust does not change without an editor: an admin's practice waits like a member's,
    and the admin cannot approve it in the admin either."""
    admin = people["admin_a"]
    _in_english(admin)
    client.force_login(admin)
    client.post(
        reverse("practices:member_new", args=[association_a.pk]), practice_data(title="Oma")
    )
    page = GoodPracticePage.objects.get(title="Oma")
    assert not page.live and in_review(page)
    state = WorkflowState.objects.for_instance(page).get(status="in_progress")
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state.pk],
    )
    response = client.post(approve, {})
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert not page.live and in_review(page)
    assert f"/{page.slug}/" not in client.get(page.get_parent().url).content.decode()


def test_an_editor_approves_a_members_practice_in_the_admin(client, people, association_a):
    client.force_login(people["member_a"])
    client.post(
        reverse("practices:member_new", args=[association_a.pk]),
        practice_data(title="Jäsenkirje kolmelle kylälle"),
    )
    page = GoodPracticePage.objects.get(title="Jäsenkirje kolmelle kylälle")
    editor = people["editor"]
    _in_english(editor)
    client.force_login(editor)
    state = WorkflowState.objects.for_instance(page).get(status="in_progress")
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state.pk],
    )
    response = client.post(approve, {"comment": "Hyvä!"})
    assert response.status_code in (200, 302), response.content.decode()[:500]
    page.refresh_from_db()
    assert page.live and not in_review(page)
    assert "Jäsenkirje kolmelle kylälle" in client.get(page.get_parent().url).content.decode()


def test_a_practice_with_an_email_address_or_phone_number_is_refused(client, people, association_a):
    client.force_login(people["member_a"])
    response = client.post(
        reverse("practices:member_new", args=[association_a.pk]),
        practice_data(learned="Kysy lisää: anna.laine@example.fi tai 040 123 4567"),
    )
    assert response.status_code == 400
    assert "Leave out email addresses and phone numbers" in response.content.decode()
    assert 'aria-invalid="true"' in response.content.decode()
    assert not GoodPracticePage.objects.filter(title=practice_data()["title"]).exists()


def test_the_associations_management_page_leads_to_its_practices(client, people, association_a):
    client.force_login(people["member_a"])
    html = client.get(reverse("associations:manage", args=[association_a.pk])).content.decode()
    assert reverse("practices:member_new", args=[association_a.pk]) in html
    assert reverse("practices:member_practices", args=[association_a.pk]) in html


def test_the_member_form_refills_an_existing_practice_as_plain_text(client, people, practice_a):
    client.force_login(people["member_a"])
    html = client.get(reverse("practices:member_edit", args=[practice_a.pk])).content.decode()
    assert "<textarea" in html and "&lt;p&gt;" not in html
    assert practice_a.title in html


# --- the library and its practices ----------------------------------------------------------


def test_the_library_has_its_own_address_in_each_language(client, library):
    assert client.get("/fi/hyvat-kaytannot/").status_code == 200
    assert client.get("/sv/goda-exempel/").status_code == 200
    html = client.get("/en/good-practices/").content.decode()
    assert "A volunteer coordinator shared by three associations" in html
    assert "Light participation: pop-up volunteering for young people" in html
    assert GoodPracticePage.objects.live().filter(locale=library.locale).count() >= 5
    # The address is a translated string, so it survives wagtail-localize's next sync.
    assert StringTranslation.objects.filter(
        data="goda-exempel", locale__language_code="sv"
    ).exists()


def test_no_email_address_in_any_practice_html_jsonld_or_feed(client, english_library):
    practices = list(GoodPracticePage.objects.live().filter(locale=english_library.locale))
    url = english_library.url
    responses = [client.get(url), client.get(url + "syote/rss/"), client.get(url + "syote/atom/")]
    responses += [client.get(page.url) for page in practices]
    footer = set(SiteSettings.objects.values_list("contact_email", flat=True))
    addresses = {
        m.user.email
        for p in practices
        for m in p.association.memberships.select_related("user")
        if m.user.email
    } | {p.association.email for p in practices if p.association.email}
    assert addresses
    for response in responses:
        assert response.status_code == 200
        body = response.content.decode()
        found = set(EMAIL.findall(body)) - footer
        assert not found, (response.request["PATH_INFO"], found)
        assert not any(address in body for address in addresses)
    html = client.get(practices[0].url).content.decode()
    assert '"@type": "HowTo"' in html and '"@type": "Organization"' in html
    assert "email" not in html.split('application/ld+json">')[1].split("</script>")[0]


def test_a_practice_reads_in_three_languages(client, practice_a):
    for language in ("fi", "sv", "en"):
        page = GoodPracticePage.objects.get(
            translation_key=practice_a.translation_key, locale__language_code=language
        )
        html = client.get(page.url).content.decode()
        assert page.title in html and page.summary in html
        assert page.contact_role in html and page.contact_name in html
    english = GoodPracticePage.objects.get(
        translation_key=practice_a.translation_key, locale__language_code="en"
    )
    html = client.get(english.url).content.decode()
    for heading in ("For whom", "How", "What it cost", "What we learned"):
        assert f">{heading}</h2>" in html


def test_filters_narrow_the_library(client, english_library):
    url = english_library.url
    html = client.get(url, {"municipality": "riihimaki"}).content.decode()
    assert "digital-support café" in html and "bookkeeping ring" not in html
    html = client.get(url, {"theme": "youth"}).content.decode()
    assert "pop-up volunteering" in html and "bookkeeping ring" not in html
    html = client.get(url, {"field": "safety"}).content.decode()
    assert "tabletop exercise" in html and "pop-up volunteering" not in html
    html = client.get(url, {"q": "treasurers"}).content.decode()
    assert "bookkeeping ring" in html and "pop-up volunteering" not in html
    html = client.get(url, {"theme": "nonsense"}).content.decode()
    assert "is not a theme, so it was ignored" in html
    assert client.get(url + "syote/rss/", {"theme": "nonsense"}).status_code == 400
    assert client.get(url + "syote/json/").status_code == 400


def test_the_library_uses_a_constant_number_of_queries(
    client, english_library, django_assert_max_num_queries
):
    url = english_library.url
    client.get(url)  # warm-up: site, locales, translations
    with CaptureQueriesContext(connection) as first:
        client.get(url)
    queries = [{"theme": "youth"}, {"municipality": ["forssa", "hattula"], "field": "village"}]
    queries += [{"q": "volunteers", "readiness": "1"}, {"page": "2"}]
    for query in queries:
        with django_assert_max_num_queries(len(first.captured_queries)):
            assert client.get(url, query).status_code == 200


def test_the_feed_is_cached_and_answers_304(client, english_library, association_b):
    url = english_library.url + "syote/atom/"
    first = client.get(url)
    assert first.status_code == 200
    assert first["Content-Type"].startswith("application/atom+xml")
    body = first.content.decode()
    assert "A volunteer coordinator shared by three associations" in body
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    with CaptureQueriesContext(connection) as cached:
        client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert not any("practices_goodpracticepage" in q["sql"] for q in cached.captured_queries)


def test_a_published_practice_reaches_the_feed_at_once(
    client, english_library, association_b, django_capture_on_commit_callbacks
):
    url = english_library.url + "syote/rss/"
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        page = GoodPracticePage(
            title="A tool library in the village house",
            association=association_b,
            summary="Neighbours lend tools to each other.",
            for_whom="Villagers.",
            how="<p>Shelves and a notebook.</p>",
            municipality="loppi",
        )
        english_library.add_child(instance=page)
        page.save_revision().publish()
    assert "A tool library in the village house" in client.get(url).content.decode()


def test_an_attachment_is_linked_from_the_practice_and_its_jsonld(client, practice_a):
    document = get_document_model().objects.create(
        title="Yhteistyösopimuksen malli",
        file=ContentFile(b"Sopimuksen osapuolet ...", name="sopimusmalli.txt"),
    )
    practice_a.attachments.create(document=document, title="Yhteistyösopimuksen malli")
    practice_a.save_revision().publish()
    html = client.get(practice_a.url).content.decode()
    assert ">Yhteistyösopimuksen malli</a>" in html
    jsonld = html.split('application/ld+json">')[1].split("</script>")[0]
    assert '"@type": "MediaObject"' in jsonld and document.url in jsonld


# --- the association's profile, contact --------------------------------------------------------


def test_the_associations_profile_lists_its_practices(client, practice_a):
    english = GoodPracticePage.objects.get(
        translation_key=practice_a.translation_key, locale__language_code="en"
    )
    html = client.get(english.association.localized.url).content.decode()
    assert english.title in html and english.url in html


def test_a_message_about_a_practice_reaches_the_admins_with_reply_to(client, practice_a, users):
    before = set(OutboxMail.objects.values_list("pk", flat=True))
    response = client.post(
        practice_a.url + "ota-yhteytta/",
        {
            "name": "Liisa Virtanen",
            "email": "liisa@example.net",
            "message": "Miten sovitte kustannusten jaosta?",
        },
    )
    assert response.status_code == 302
    sent = OutboxMail.objects.exclude(pk__in=before)
    assert [m.recipient for m in sent] == [users["member"].email]
    mail = sent.get()
    assert mail.kind == "practice-contact"
    assert mail.headers == {"Reply-To": "liisa@example.net"}
    assert "kustannusten jaosta" in mail.body and practice_a.title in mail.subject


def test_messages_about_a_practice_are_rate_limited(client, practice_a):
    data = {"name": "Matti", "email": "matti@example.net", "message": "Kiinnostaa, kerro lisää!"}
    url = practice_a.url + "ota-yhteytta/"
    statuses = [client.post(url, data).status_code for _ in range(6)]
    assert statuses == [302] * 5 + [429]
    assert OutboxMail.objects.filter(kind="practice-contact").count() == 5


def test_a_bad_message_is_shown_again(client, practice_a):
    english = GoodPracticePage.objects.get(
        translation_key=practice_a.translation_key, locale__language_code="en"
    )
    response = client.post(english.url + "ota-yhteytta/", {"name": "", "email": "x"})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()


# --- readiness ------------------------------------------------------------------------------


def test_readiness_guides_are_on_the_librarys_readiness_shelf(client, english_library):
    guides = list(ReadinessGuidePage.objects.live().filter(locale=english_library.locale))
    assert guides
    html = client.get(english_library.url, {"readiness": "1"}).content.decode()
    assert "tabletop exercise" in html, "the practice about readiness"
    assert "bookkeeping ring" not in html
    for guide in guides:
        assert guide.title in html and guide.url in html
    html = client.get(english_library.url, {"q": "checklist"}).content.decode()
    assert "Readiness checklist" in html and "Readiness plan template" not in html
    # Guides carry no theme: a theme filter leaves them out.
    html = client.get(english_library.url, {"theme": "youth"}).content.decode()
    assert guides[0].title not in html


def test_crisis_mode_leads_to_the_readiness_shelf(client, english_library):
    situations = SituationIndexPage.objects.get(locale__language_code="en")
    target = english_library.url + "?readiness=1"
    assert target in client.get(situations.url).content.decode()
    guide = ReadinessGuidePage.objects.live().filter(locale=situations.locale).first()
    assert target in client.get(guide.url).content.decode()


def test_editors_can_create_practices_in_the_admin(client, users, library):
    client.force_login(users["editor"])
    url = reverse("wagtailadmin_pages:add", args=["practices", "goodpracticepage", library.pk])
    assert client.get(url).status_code == 200
    assert Page.objects.get(pk=library.pk).specific_class is GoodPracticeIndexPage
