"""What partners need to find each other on a profile: where the association's work stands in
the region's welfare description (the four "hyte" headings), its target groups, and what it
can offer other associations. Shown on the profile and in its JSON-LD, filterable in the
directory, written by the association's own members through approval, and the same in every
language version once published."""

import json

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from wagtail.models import WorkflowState

from associations.models import AssociationPage, Membership, Role
from tests import test_associations_moderation as moderation

pytestmark = pytest.mark.django_db
User = get_user_model()


def page_in(slug, language):
    return AssociationPage.objects.get(slug=slug, locale__language_code=language)


def json_ld(html):
    return json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])


@pytest.fixture
def a():
    return page_in("hattulan-omaishoitajat-ry", "fi")


@pytest.fixture
def people(users, a):
    def make(name):
        user = User.objects.create_user(name, f"{name}@example.fi", "pw-secret-2026")
        user.groups.add(Group.objects.get(name="Members"))
        return user

    member_a, member_b = make("member_a"), make("member_b")
    Membership.objects.create(user=member_a, association=a, role=Role.MEMBER)
    Membership.objects.create(
        user=member_b, association=page_in("lopen-lahetysseura-ry", "fi"), role=Role.MEMBER
    )
    return {
        "anonymous": None,
        "member_a": member_a,
        "admin_a": users["member"],
        "member_b": member_b,
        "editor": users["editor"],
    }


def edit_url(page):
    with translation.override("fi"):
        return reverse("associations:edit", args=[page.pk])


def profile_data(page, **changes):
    """The profile form's post (as the moderation tests send it) with the cooperation facts."""
    facts = {
        "welfare_areas": page.welfare_areas,
        "target_groups": page.target_groups,
        "can_offer": page.can_offer,
    }
    return moderation.profile_data(page, **{**facts, **changes})


def test_demo_profile_shows_welfare_work_target_groups_and_offer_in_each_language(client):
    for language, heading, offer_heading in [
        ("fi", "Sote-palveluiden yhdyspinnalla", "Mitä voimme tarjota muille"),
        ("sv", "I gränssnittet mot social- och hälsovårdstjänsterna", "Vad vi kan erbjuda andra"),
        ("en", "At the interface with social and health services", "What we can offer others"),
    ]:
        page = page_in("hattulan-omaishoitajat-ry", language)
        html = client.get(page.url).content.decode()
        assert heading in html, language
        assert offer_heading in html, language
        assert page.can_offer and page.can_offer in html
    english = client.get(page_in("hattulan-omaishoitajat-ry", "en").url).content.decode()
    assert "Family carers" in english
    assert "Peer support group leader training" in english


def test_json_ld_names_the_audience_and_welfare_work(client):
    page = page_in("hattulan-omaishoitajat-ry", "en")
    data = json_ld(client.get(page.url).content.decode())
    audiences = [a["audienceType"] for a in data["audience"]]
    assert "Family carers" in audiences and "Older people" in audiences
    assert "Support in life situations" in data["knowsAbout"]


def test_directory_filters_by_welfare_work_and_target_group(client):
    response = client.get("/en/yhdistykset/?welfare=services_interface&group=carers")
    found = list(response.context["associations"])
    assert found
    assert response.context["result_count"] == len(found) or response.context["result_count"] > 0
    for association in found:
        assert "services_interface" in association.welfare_areas
        assert "carers" in association.target_groups
    html = response.content.decode()
    assert "Target groups:" in html
    everyone = client.get("/en/yhdistykset/").context["result_count"]
    assert response.context["result_count"] < everyone
    immigrants = client.get("/en/yhdistykset/?group=immigrants").context["associations"]
    assert all("immigrants" in a.target_groups for a in immigrants) and immigrants


def test_unknown_welfare_or_group_values_are_named_not_errors(client, english):
    response = client.get("/en/yhdistykset/?welfare=nonsense&group=martians")
    assert response.status_code == 200
    problems = " ".join(response.context["filters"].problems)
    assert "nonsense" in problems and "martians" in problems


def test_directory_queries_stay_constant_with_the_new_filters(
    client, django_assert_max_num_queries
):
    client.get("/fi/yhdistykset/")
    with django_assert_max_num_queries(30):
        client.get("/fi/yhdistykset/?welfare=participation&group=older&region=forssa-seutu")


def test_form_offers_the_choices_and_refuses_unknown_ones(client, people, a):
    client.force_login(people["member_a"])
    with translation.override("en"):
        url = reverse("associations:edit", args=[a.pk])
    html = client.get(url).content.decode()
    assert 'name="welfare_areas"' in html and 'name="target_groups"' in html
    assert 'name="can_offer"' in html
    response = client.post(url, profile_data(a, target_groups=["martians"]))
    assert response.status_code in (200, 400)
    assert "martians" in response.content.decode()  # named in the error, nothing lost
    assert not WorkflowState.objects.for_instance(a).filter(status="in_progress").exists()
    response = client.post(url, profile_data(a, can_offer="x" * 601))
    assert response.status_code in (200, 400)
    assert "600" in response.content.decode()


def approve(client, people, page):
    state = WorkflowState.objects.for_instance(page).get(status="in_progress")
    client.force_login(people["editor"])
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", state.current_task_state.pk],
        ),
        {"comment": ""},
    )


def test_member_change_waits_for_approval_then_reaches_every_language(client, people, a):
    client.force_login(people["member_a"])
    response = client.post(
        edit_url(a),
        profile_data(
            a,
            welfare_areas=["participation"],
            target_groups=["young", "immigrants"],
            can_offer="Lainaamme kahvinkeittimen ja 40 tuolia.",
        ),
    )
    assert response.status_code == 302
    a.refresh_from_db()
    assert "immigrants" not in a.target_groups  # the live profile waits for an editor
    approve(client, people, a)
    a.refresh_from_db()
    assert a.target_groups == ["young", "immigrants"]
    assert a.welfare_areas == ["participation"]
    assert a.can_offer == "Lainaamme kahvinkeittimen ja 40 tuolia."
    for language in ("sv", "en"):
        translated = page_in(a.slug, language)
        assert translated.target_groups == ["young", "immigrants"], language
        assert translated.welfare_areas == ["participation"], language
    client.logout()
    html = client.get(page_in(a.slug, "en").url).content.decode()
    assert "Immigrants" in html and "Young people" in html


# Who may change these facts: the same matrix as the rest of the profile.
EXPECTED = {
    "anonymous": False,
    "member_a": True,
    "admin_a": True,
    "member_b": False,
    "editor": True,
}


@pytest.mark.parametrize("subject", EXPECTED)
def test_permission_matrix_for_the_cooperation_facts(client, people, a, subject):
    if people[subject] is not None:
        client.force_login(people[subject])
    response = client.post(edit_url(a), profile_data(a, target_groups=["unemployed"]))
    submitted = WorkflowState.objects.for_instance(a).filter(status="in_progress").exists()
    assert submitted == EXPECTED[subject]
    if not EXPECTED[subject]:
        assert response.status_code in (302, 403)
        if subject == "anonymous":
            assert "/login" in response["Location"] or "kirjaudu" in response["Location"]
    a.refresh_from_db()
    assert "unemployed" not in a.target_groups  # nobody's change is live before approval
