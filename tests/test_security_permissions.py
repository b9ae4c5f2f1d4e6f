"""Security (issue 17, H2, M1, M7): in the Wagtail admin a member reaches only their own
association's pages — through every view, not only the edit form: drafts, revisions, history,
search, the page chooser, the admin API, reports and bulk actions. The rule is the page
permission policy (`associations.permissions.AssociationPagePermissionPolicy`); these tests go
through the admin's own URLs, as the probe did.

Association A is the one the demo member administers, B another one; each test starts from a
pending (never published) page waiting for an editor."""

import json

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.text import slugify

from wagtail.models import Page

from associations.models import AssociationPage, Invitation, Membership, Role
from crisis.demo import start_demo_situation
from lending.models import EquipmentIndexPage, EquipmentPage, SpaceIndexPage, SpacePage
from tests.test_associations_moderation import admin_form_data, profile_data
from tests.test_lending_member_listing import equipment_data, space_data

pytestmark = pytest.mark.django_db
User = get_user_model()


def association(slug):
    return AssociationPage.objects.get(slug=slug, locale__language_code="fi")


@pytest.fixture
def a():
    return association("hattulan-omaishoitajat-ry")  # the demo member is its admin


@pytest.fixture
def b():
    return association("lopen-lahetysseura-ry")


def make_user(name, association=None, role=Role.MEMBER):
    user = User.objects.create_user(name, f"{name}@example.fi", "pw-secret-2026")
    user.groups.add(Group.objects.get(name="Members"))
    if association is not None:
        Membership.objects.create(user=user, association=association, role=role)
    return user


@pytest.fixture
def people(users, a, b):
    return {
        "anonymous": None,
        "member_a": make_user("member_a", a),
        "admin_a": users["member"],
        "member_b": make_user("member_b", b),
        "editor": users["editor"],
    }


def login(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


def pending_space(client, association, title):
    """A space listing that an admin of `association` sent from the site: a draft in the
    editors' queue, never published."""
    admin = make_user(f"admin-{association.pk}-{len(title)}", association, Role.ADMIN)
    login(client, admin)
    response = client.post(
        reverse("lending:member_new", args=[association.pk, "tila"]), space_data(title=title)
    )
    assert response.status_code == 302
    client.logout()
    space = SpacePage.objects.get(title=title)
    assert not space.live and space.association_id == association.pk
    return space


def pending_application(client, title):
    """Someone's application to list a new association: a page waiting for an editor."""
    applicant = make_user(f"applicant-{len(title)}")
    login(client, applicant)
    data = profile_data(
        association("lopen-lahetysseura-ry"),
        title=title,
        summary="Hakemus odottaa.",
        registry_number="999.321",
        business_id="0737546-2",
        municipality="loppi",
        fields_of_activity=["other"],
    )
    assert client.post(reverse("associations:apply"), data).status_code == 302
    client.logout()
    page = AssociationPage.objects.get(title=title)
    assert not page.live
    return page


@pytest.fixture
def space_b(client, b):
    return pending_space(client, b, "Lopen salainen kerhohuone")


@pytest.fixture
def application(client):
    return pending_application(client, "Lopen Vertaistukipiiri ry")


def refused(response):
    """The admin refuses: 403 or 404, or its redirect to the dashboard with "Sorry, you do not
    have permission". (Django's LocaleMiddleware turns a 404 under /admin/ into a redirect to
    the same path under /fi/, where the site's own 404 answers.)"""
    if response.status_code == 302:
        location = response["Location"]
        return location in (reverse("wagtailadmin_home"), "/fi" + response.request["PATH_INFO"])
    return response.status_code in (403, 404)


# H2: bulk actions ---------------------------------------------------------------------------


def bulk_url(action, *pages, **params):
    query = "&".join([f"id={page.pk}" for page in pages] + [f"{k}={v}" for k, v in params.items()])
    return reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + "?" + query


def test_member_cannot_bulk_delete_another_associations_pending_pages(
    client, people, space_b, application
):
    login(client, people["admin_a"])
    client.post(bulk_url("delete", space_b, application), {})
    assert Page.objects.filter(pk=space_b.pk).exists()
    assert Page.objects.filter(pk=application.pk).exists()


# M1: reading other associations' drafts -----------------------------------------------------


def revision_urls(page):
    revision = page.get_latest_revision()
    return [
        reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "earliest", "latest"]),
        reverse("wagtailadmin_pages:history", args=[page.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
        f"/admin/api/main/pages/{page.pk}/",
        reverse("wagtailadmin_explore", args=[page.pk]),
    ]


@pytest.mark.parametrize("pending", ["space_b", "application"])
def test_member_cannot_read_another_associations_draft(client, people, pending, request):
    page = request.getfixturevalue(pending)
    login(client, people["admin_a"])
    for url in revision_urls(page):
        response = client.get(url)
        assert refused(response), url
        assert page.title not in response.content.decode(), url


def test_member_finds_no_other_associations_drafts_by_searching(
    client, people, space_b, application
):
    login(client, people["admin_a"])
    for page in (space_b, application):
        word = page.title.split()[1]
        urls = [
            reverse("wagtailadmin_pages:search") + f"?q={word}",
            reverse("wagtailadmin_choose_page_search") + f"?q={word}",
            f"/admin/api/main/pages/?search={word}",
            reverse("wagtailadmin_explore", args=[page.get_parent().pk]),
            reverse("wagtailadmin_reports:workflow"),
            reverse("wagtailadmin_reports:workflow_tasks"),
            reverse("wagtailadmin_reports:site_history"),
            bulk_url("delete", page),
            bulk_url("move", page),
            bulk_url("unpublish", page),
            bulk_url("delete", id="all", childOf=page.get_parent().pk),
        ]
        for url in urls:
            response = client.get(url)
            assert page.title not in response.content.decode(), url


def test_editor_still_finds_every_draft(client, people, space_b, application):
    login(client, people["editor"])
    for page in (space_b, application):
        word = page.title.split()[1]
        for url in (
            reverse("wagtailadmin_pages:search") + f"?q={word}",
            reverse("wagtailadmin_choose_page_search") + f"?q={word}",
            reverse("wagtailadmin_reports:workflow"),
            *revision_urls(page),
        ):
            response = client.get(url)
            assert response.status_code == 200, url
            assert page.title in response.content.decode(), url


def test_member_still_chooses_other_associations_published_pages(client, people, b):
    """Linking to another association's public profile stays possible."""
    login(client, people["admin_a"])
    response = client.get(reverse("wagtailadmin_choose_page_search") + "?q=Lähetysseura")
    assert b.title in response.content.decode()


def test_a_removed_member_loses_the_pages_they_created(client, people, a):
    """Wagtail lets the creator (owner) of a page edit it, and delete it while unpublished,
    wherever they may add pages; once their membership ends, the association's page is no
    longer theirs."""
    space = pending_space(client, a, "Hattulan kerhon varasto")
    creator = space.owner
    Membership.objects.filter(user=creator, association=a).delete()
    login(client, creator)
    for url in (
        reverse("wagtailadmin_pages:edit", args=[space.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[space.pk]),
        reverse("wagtailadmin_pages:delete", args=[space.pk]),
    ):
        assert refused(client.get(url)), url
    client.post(reverse("wagtailadmin_pages:delete", args=[space.pk]))
    assert Page.objects.filter(pk=space.pk).exists()


# M7: content in another association's name --------------------------------------------------


def admin_create(client, model, index, **fields):
    app_label, model_name = model._meta.app_label, model._meta.model_name
    url = reverse("wagtailadmin_pages:add", args=[app_label, model_name, index.pk])
    data = admin_form_data(client, url, "page-edit-form")
    for name, value in fields.items():
        if isinstance(value, list):
            data.setlist(name, value)
        else:
            data[name] = value
    return client.post(url, data)


def admin_space_fields(association, title):
    fields = {
        name: value
        for name, value in space_data(title=title).items()
        if not name.startswith(("opens_", "closes_", "closed_dates"))
    }
    return {**fields, "slug": slugify(title), "association": str(association.pk)}


def admin_equipment_fields(association, title):
    return {
        **equipment_data(title=title),
        "slug": slugify(title),
        "association": str(association.pk),
    }


@pytest.mark.parametrize(
    ("model", "index_model", "fields"),
    [
        (SpacePage, SpaceIndexPage, admin_space_fields),
        (EquipmentPage, EquipmentIndexPage, admin_equipment_fields),
    ],
)
def test_member_cannot_list_in_another_associations_name_in_the_admin(
    client, people, a, b, model, index_model, fields
):
    index = index_model.objects.get(locale__language_code="fi")
    login(client, people["admin_a"])
    response = admin_create(client, model, index, **fields(b, "Toisen nimissä"))
    assert response.status_code == 200
    assert "association" in response.context["form"].errors
    assert not model.objects.filter(title="Toisen nimissä").exists()
    # In the member's own association's name it is saved (as a draft for the editors).
    response = admin_create(client, model, index, **fields(a, "Omissa nimissä"))
    assert response.status_code == 302, response.context["form"].errors
    page = model.objects.get(title="Omissa nimissä")
    assert page.association_id == a.pk and not page.live


def test_member_cannot_name_another_association_as_a_co_organiser(client, people, a, b):
    from catalogue.models import TrainingPage

    training = TrainingPage.objects.get(slug="saavutettava-tapahtuma", locale__language_code="fi")
    edit_url = reverse("wagtailadmin_pages:edit", args=[training.pk])
    login(client, people["admin_a"])
    data = admin_form_data(client, edit_url, "page-edit-form")
    count = int(data["co_organiser_links-TOTAL_FORMS"])
    data.update(
        {
            "co_organiser_links-TOTAL_FORMS": str(count + 1),
            f"co_organiser_links-{count}-organiser": str(b.pk),
            f"co_organiser_links-{count}-ORDER": str(count + 1),
            f"co_organiser_links-{count}-id": "",
            f"co_organiser_links-{count}-DELETE": "",
        }
    )
    response = client.post(edit_url, data)
    assert response.status_code == 200
    errors = response.context["form"].formsets["co_organiser_links"].errors
    assert "organiser" in errors[count]
    named = training.get_latest_revision_as_object().co_organiser_links.all()
    assert b.pk not in {link.organiser_id for link in named}


# The permission matrix of the admin ---------------------------------------------------------
# Each case starts from a space of association A that one of A's admins listed and that waits
# for an editor (never published). "Create in another's name" lists a space in the name of an
# association the person does not belong to (B for A's people, A for everyone else).

ROLES = ["anonymous", "member_a", "admin_a", "member_b", "editor"]
A_AND_EDITORS = {"member_a", "admin_a", "editor"}
ALLOWED = {
    "view draft": A_AND_EDITORS,
    "revisions": A_AND_EDITORS,
    "history": A_AND_EDITORS,
    "delete": A_AND_EDITORS,
    "bulk delete": A_AND_EDITORS,
    "move": A_AND_EDITORS,
    "chooser search": A_AND_EDITORS,
    "chooser chosen": A_AND_EDITORS,
    "admin API": A_AND_EDITORS,
    "create in another's name": {"editor"},
}


def to_login(response):
    return response.status_code == 302 and response["Location"].startswith(
        reverse("wagtailadmin_login")
    )


def shown(response, page):
    """True when the admin answered with the page; otherwise it must have refused (or sent an
    anonymous visitor to log in) without naming the page."""
    if response.status_code == 200:
        return True
    assert refused(response) or to_login(response), (response.status_code, response.get("Location"))
    assert page.title not in response.content.decode()
    return False


def gone(page):
    return not Page.objects.filter(pk=page.pk).exists()


def view_draft(client, page, **_):
    return shown(client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk])), page)


def revisions(client, page, **_):
    revision = page.get_latest_revision()
    urls = [
        reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "earliest", "latest"]),
    ]
    answers = {shown(client.get(url), page) for url in urls}
    assert len(answers) == 1, "the same answer from both revision views"
    return answers.pop()


def history(client, page, **_):
    return shown(client.get(reverse("wagtailadmin_pages:history", args=[page.pk])), page)


def delete(client, page, **_):
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    return gone(page)


def bulk_delete(client, page, **_):
    client.post(bulk_url("delete", page), {})
    return gone(page)


def move(client, page, **_):
    return shown(client.get(reverse("wagtailadmin_pages:move", args=[page.pk])), page)


def chooser_search(client, page, **_):
    response = client.get(reverse("wagtailadmin_choose_page_search") + "?q=salainen")
    return page.title in response.content.decode()


def chooser_chosen(client, page, **_):
    url = reverse("wagtailadmin_choose_page_chosen_multiple") + f"?id={page.pk}"
    response = client.get(url)
    if to_login(response):
        return False
    return page.title in response.content.decode()


def admin_api(client, page, **_):
    response = client.get(f"/admin/api/main/pages/{page.pk}/")
    if shown(response, page):
        assert json.loads(response.content)["title"] == page.title
        return True
    return False


def create_in_anothers_name(client, page, role, a, b):
    other = b if role in ("member_a", "admin_a") else a
    index = SpaceIndexPage.objects.get(locale__language_code="fi")
    title = "Toisen yhdistyksen nimissä"
    if role == "anonymous":
        url = reverse("wagtailadmin_pages:add", args=["lending", "spacepage", index.pk])
        assert to_login(client.post(url, admin_space_fields(other, title)))
    else:
        admin_create(client, SpacePage, index, **admin_space_fields(other, title))
    return SpacePage.objects.filter(title=title, association=other).exists()


ACTIONS = {
    "view draft": view_draft,
    "revisions": revisions,
    "history": history,
    "delete": delete,
    "bulk delete": bulk_delete,
    "move": move,
    "chooser search": chooser_search,
    "chooser chosen": chooser_chosen,
    "admin API": admin_api,
    "create in another's name": create_in_anothers_name,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ALLOWED)
def test_admin_permission_matrix(client, people, a, b, action, role):
    page = pending_space(client, a, "Hattulan salainen askartelutila")
    login(client, people[role])
    allowed = ACTIONS[action](client, page, role=role, a=a, b=b)
    assert allowed == (role in ALLOWED[action])


# What held: the site's own self-service URLs ------------------------------------------------


def test_self_service_urls_refuse_another_association(client, people, b, space_b):
    situation = start_demo_situation(hours=2)
    login(client, people["admin_a"])
    pages = [
        reverse("associations:manage", args=[b.pk]),
        reverse("associations:edit", args=[b.pk]),
        reverse("lending:member_listings", args=[b.pk]),
        reverse("lending:member_new", args=[b.pk, "tila"]),
        reverse("lending:member_edit", args=[space_b.pk]),
        reverse("crisis:report", args=[situation.pk, b.pk]),
    ]
    for url in pages:
        assert client.get(url).status_code in (403, 404), url
    for url in [*pages, reverse("associations:invite", args=[b.pk])]:
        data = {"title": "Kaapattu", "summary": "x", "email": "kaappaaja@example.fi"}
        assert client.post(url, data).status_code in (403, 404), url
    assert not Page.objects.filter(title="Kaapattu").exists()
    assert not Invitation.objects.filter(email="kaappaaja@example.fi").exists()
