"""Associations publish their own events: members of an association fill a form on the site
(/tili/yhdistys/<id>/tapahtumat/), the event waits in the editors' "Editor approval" workflow,
and once approved it is in the catalogue in every language the member wrote, with the same
times and place. Organisers outside the directory (a municipality, a college) are named on
the training itself, with no made-up association."""

import datetime
import itertools
import json
import re

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, WorkflowState
from wagtail.users.models import UserProfile

from catalogue.models import Occurrence, RegistrationMode, TrainingPage
from tests.catalogue_factories import make_training

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def day(days):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def event_data(sessions=((20, "18:00", "20:00"),), rows=3, **changes):
    """The posted form: a talk in Hattula, free, no registration, with one session."""
    data = {
        "title": "Kyläyhdistysten iltakahvit",
        "summary": "Tule kuulemaan, mitä naapurikylissä tapahtuu.",
        "description": "Kahvit ja pullat.\n\nPuhumassa kylien edustajat.",
        "kind": "networking",
        "themes": ["rahoitus"],
        "audience": ["board", "volunteers"],
        "format": "onsite",
        "venue": "Nuorisoseurantalo",
        "street_address": "Kylätie 5",
        "postal_code": "13880",
        "municipality": "hattula",
        "join_link": "",
        "registration_mode": "none",
        "registration_url": "",
        "capacity": "",
        "step_free_access": "on",
        "accessibility_info": "Ramppi pääovella.",
        "is_free": "on",
        "price": "",
        "price_info": "",
        "repeat": "",
        "repeat_until": "",
        "sessions-TOTAL_FORMS": str(rows),
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "0",
        "sessions-MAX_NUM_FORMS": "1000",
    }
    for n in range(rows):
        date, start, end = sessions[n] if n < len(sessions) else ("", "", "")
        data[f"sessions-{n}-date"] = day(date) if date != "" else ""
        data[f"sessions-{n}-start"] = start
        data[f"sessions-{n}-end"] = end
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def in_review(page):
    return WorkflowState.objects.for_instance(page).filter(status="in_progress").exists()


def new_url(association, lang="en"):
    return f"/{lang}" + reverse("associations:event_new", args=[association.pk])[3:]


def english_admin(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()


def approve(client, editor, page):
    """The editor approves the waiting revision in the Wagtail admin."""
    english_admin(editor)
    client.force_login(editor)
    state = WorkflowState.objects.for_instance(page).get(status="in_progress")
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state.pk],
    )
    response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    return page


def created(title):
    return TrainingPage.objects.get(title=title, locale__language_code="fi")


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
def test_who_may_create_and_edit_an_event(client, people, association_a, who, allowed):
    existing = make_training("yhdistyksen-tapahtuma", organiser=association_a)
    if people[who] is not None:
        client.force_login(people[who])
    title = f"Event by {who}"
    before = TrainingPage.objects.count()
    new = client.post(new_url(association_a), event_data(title=title))
    edit_url = reverse("associations:event_edit", args=[association_a.pk, existing.pk])
    form_page = client.get(edit_url)
    edited = client.post(
        edit_url,
        event_data(summary=f"Edit by {who}", **{"sessions-INITIAL_FORMS": "0"}),
    )
    listing = client.get(reverse("associations:events", args=[association_a.pk]))
    existing.refresh_from_db()
    draft = existing.get_latest_revision_as_object()
    if allowed is None:
        assert new.status_code == edited.status_code == listing.status_code == 302
        assert "/login" in new["Location"] or "kirjaudu" in new["Location"]
        assert TrainingPage.objects.count() == before
    elif allowed:
        assert new.status_code == 302, new.content.decode()[:3000]
        assert form_page.status_code == 200
        assert edited.status_code == 302, edited.content.decode()[:3000]
        page = created(title)
        assert not page.live, "nothing is published before an editor approves"
        assert page.organiser_id == association_a.pk and in_review(page)
        assert draft.summary == f"Edit by {who}"
        assert existing.summary != f"Edit by {who}", "the live event waits for the editor"
        assert in_review(existing)
        assert listing.status_code == 200
        html = listing.content.decode()
        assert title in html and "Waiting for an editor" in html
    else:
        assert new.status_code == edited.status_code == listing.status_code == 403
        assert form_page.status_code == 403
        assert client.get(new_url(association_a)).status_code == 403
        assert TrainingPage.objects.count() == before
        assert draft.summary != f"Edit by {who}"


def test_another_associations_event_is_not_found_through_ones_own(
    client, people, association_a, association_b
):
    """A member of B cannot reach A's event through B's member area either."""
    event = make_training("a-n-tapahtuma", organiser=association_a)
    client.force_login(people["member_b"])
    url = reverse("associations:event_edit", args=[association_b.pk, event.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, event_data()).status_code == 404


def test_members_event_always_has_their_association_as_organiser(client, people, association_a):
    client.force_login(people["member_a"])
    data = event_data(title="Oma tapahtuma", external_organiser_name="Hämeenlinnan kaupunki")
    assert client.post(new_url(association_a), data).status_code == 302
    page = created("Oma tapahtuma").get_latest_revision_as_object()
    assert page.organiser_id == association_a.pk
    assert page.external_organiser_name == ""


# --- approval, languages and the schedule --------------------------------------------------


def test_editor_approves_event_is_live_in_every_language_written_with_same_times(
    client, people, association_a
):
    client.force_login(people["member_a"])
    data = event_data(
        title="Iltakahvit kylätalolla",
        title_sv="Kvällskaffe i bygdegården",
        summary_sv="Kom och hör vad som händer i grannbyarna.",
        title_en="Evening coffee at the village hall",
        summary_en="Come and hear what is going on in the neighbouring villages.",
        sessions=((20, "18:00", "20:00"), (27, "18:00", "20:30")),
    )
    # The form in Finnish: the Finnish text is the member's own; the others are the extras.
    response = client.post(new_url(association_a, "fi"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = created("Iltakahvit kylätalolla")
    assert not Occurrence.objects.filter(training=page).exists()
    assert page.get_translations().count() == 0

    page = approve(client, people["editor"], page)
    assert page.live
    versions = {p.locale.language_code: p.specific for p in page.get_translations(inclusive=True)}
    assert set(versions) == {"fi", "sv", "en"}
    assert versions["sv"].title == "Kvällskaffe i bygdegården"
    assert versions["en"].summary.startswith("Come and hear")
    for code, version in versions.items():
        assert version.live, code
        assert version.municipality == "hattula" and version.street_address == "Kylätie 5"
        starts = sorted(
            timezone.localtime(o.start).strftime("%H:%M %d")
            for o in Occurrence.objects.filter(training=version)
        )
        assert len(starts) == 2, code
        assert starts[0].startswith("18:00"), code
    response = client.get(versions["sv"].url)
    assert "Kvällskaffe i bygdegården" in response.content.decode()


def test_member_writing_in_swedish_without_finnish_gets_a_swedish_version(
    client, people, association_a
):
    client.force_login(people["member_a"])
    data = event_data(title="Styrelsekurs i Riihimäki", summary="En kväll om styrelsearbete.")
    assert client.post(new_url(association_a, "sv"), data).status_code == 302
    page = created("Styrelsekurs i Riihimäki")
    assert page.member_texts == {
        "sv": {"title": "Styrelsekurs i Riihimäki", "summary": "En kväll om styrelsearbete."}
    }
    assert page.languages == ["sv"]
    page = approve(client, people["editor"], page)
    sv = page.get_translation(Locale.objects.get(language_code="sv"))
    assert sv.live and sv.title == "Styrelsekurs i Riihimäki"


def test_editing_a_published_event_changes_its_translations_texts_after_approval(
    client, people, association_a
):
    client.force_login(people["member_a"])
    data = event_data(title="Kevätkokous", title_en="Spring meeting", summary_en="Our meeting.")
    client.post(new_url(association_a, "fi"), data)
    page = approve(client, people["editor"], created("Kevätkokous"))
    client.force_login(people["member_a"])
    edit_url = reverse("associations:event_edit", args=[association_a.pk, page.pk])
    form = client.get(edit_url).content.decode()
    assert "Spring meeting" in form
    changed = event_data(
        title="Kevätkokous",
        title_en="Annual spring meeting",
        summary_en="Our meeting.",
        sessions=((21, "17:00", "19:00"),),
    )
    assert client.post(edit_url, changed).status_code == 302
    en = page.get_translation(Locale.objects.get(language_code="en"))
    assert en.title == "Spring meeting", "nothing changes before the editor approves"
    approve(client, people["editor"], page)
    en.refresh_from_db()
    assert en.title == "Annual spring meeting"
    starts = [timezone.localtime(o.start).hour for o in Occurrence.objects.filter(training=en)]
    assert starts == [17]


def test_repeat_rule_creates_occurrences_after_approval(client, people, association_a):
    client.force_login(people["member_a"])
    data = event_data(
        title="Joka toinen viikko: neulekahvila",
        repeat="biweekly",
        repeat_until=day(7 + 8 * 7),
        sessions=((7, "10:00", "12:00"),),
    )
    assert client.post(new_url(association_a), data).status_code == 302
    page = created("Joka toinen viikko: neulekahvila")
    draft = page.get_latest_revision_as_object()
    assert draft.recurrence.rrules[0].interval == 2
    assert draft.series_duration == datetime.timedelta(hours=2)
    assert not Occurrence.objects.filter(training=page).exists()
    page = approve(client, people["editor"], page)
    starts = list(Occurrence.objects.filter(training=page).values_list("start", flat=True))
    assert len(starts) == 5  # weeks 0, 2, 4, 6 and 8
    assert all(b - a == datetime.timedelta(weeks=2) for a, b in itertools.pairwise(starts))
    assert {timezone.localtime(s).hour for s in starts} == {10}


def test_monthly_and_weekly_rules_read_back_into_the_form(client, people, association_a):
    client.force_login(people["member_a"])
    data = event_data(
        title="Kuukausikokous",
        repeat="monthly",
        repeat_until=day(200),
        sessions=((3, "9:00", "10:00"),),
    )
    assert client.post(new_url(association_a), data).status_code == 302
    page = created("Kuukausikokous")
    form = client.get(reverse("associations:event_edit", args=[association_a.pk, page.pk]))
    html = form.content.decode()
    assert re.search(r'value="monthly"[^>]*checked', html)
    assert f'value="{day(200)}"' in html


# --- registration, place, price ------------------------------------------------------------


@pytest.mark.parametrize(
    "changes, expected",
    [
        ({"registration_mode": "built_in", "capacity": "25"}, ("built_in", 25, "")),
        (
            {"registration_mode": "external", "registration_url": "https://example.org/ilmo"},
            ("external", None, "https://example.org/ilmo"),
        ),
        # A capacity or link left over from another choice is dropped.
        ({"registration_mode": "none", "capacity": "10"}, ("none", None, "")),
    ],
)
def test_registration_modes(client, people, association_a, changes, expected):
    client.force_login(people["member_a"])
    response = client.post(new_url(association_a), event_data(title="Ilmoittautuminen", **changes))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = created("Ilmoittautuminen").get_latest_revision_as_object()
    assert (page.registration_mode, page.capacity, page.registration_url) == expected


def test_online_event_needs_a_link_and_is_online_in_the_catalogue(client, people, association_a):
    client.force_login(people["member_a"])
    data = event_data(title="Etäilta", format="online", municipality="")
    response = client.post(new_url(association_a), data)
    assert response.status_code == 400
    assert "Give the link for joining online." in response.content.decode()
    data["join_link"] = "https://meet.example.org/etailta"
    data["join_link_public"] = "on"
    assert client.post(new_url(association_a), data).status_code == 302
    page = approve(client, people["editor"], created("Etäilta"))
    assert page.municipality == "online" and page.venue == ""
    assert Occurrence.objects.filter(training=page, municipality="online").count() == 1


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"title": ""}, "This field is required."),
        ({"themes": []}, "Choose at least one theme."),
        ({"municipality": ""}, "Choose the municipality the event is held in."),
        ({"registration_mode": "external"}, "Give the address where people register."),
        ({"is_free": None, "price": ""}, "Give the price, or mark the event free of charge."),
        ({"sessions-0-end": "17:00"}, "A session cannot end before it starts."),
        ({"sessions-0-date": "", "sessions-0-start": "", "sessions-0-end": ""}, "at least one"),
        ({"sessions-0-date": "32.13.2026"}, "Enter a valid date."),
        ({"repeat": "weekly"}, "Give the last date the event repeats on."),
        ({"repeat": "fortnightly", "repeat_until": day(40)}, "Select a valid choice."),
        ({"title_sv": "Bara titel"}, "Give the short description too."),
        ({"capacity": "-3", "registration_mode": "built_in"}, "greater than or equal to 0"),
    ],
)
def test_bad_input_rerenders_with_the_reason_and_keeps_what_was_written(
    client, people, association_a, changes, message
):
    client.force_login(people["member_a"])
    before = TrainingPage.objects.count()
    data = event_data(**{"title": "Säilyykö teksti", **changes})
    response = client.post(new_url(association_a), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Please correct the errors marked below." in html
    assert "Ramppi pääovella." in html, "nothing written is lost"
    assert TrainingPage.objects.count() == before


def test_repeating_event_takes_one_session(client, people, association_a):
    client.force_login(people["member_a"])
    data = event_data(
        repeat="weekly",
        repeat_until=day(60),
        sessions=((7, "10:00", "12:00"), (8, "10:00", "12:00")),
    )
    response = client.post(new_url(association_a), data)
    assert response.status_code == 400
    assert "A repeating event has one session" in response.content.decode()


def test_more_session_rows_without_javascript(client, people, association_a):
    client.force_login(people["member_a"])
    url = new_url(association_a)
    first = client.get(url).content.decode()
    assert first.count('name="sessions-') >= 3 * 3
    data = event_data(add_sessions="1")
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="sessions-4-date"' in html and 'name="sessions-5-date"' not in html
    assert "Kyläyhdistysten iltakahvit" in html
    assert not TrainingPage.objects.filter(title="Kyläyhdistysten iltakahvit").exists()


def test_form_in_every_language_offers_the_other_two(client, people, association_a):
    client.force_login(people["member_a"])
    for lang, others in {"fi": ("sv", "en"), "sv": ("fi", "en"), "en": ("fi", "sv")}.items():
        html = client.get(new_url(association_a, lang)).content.decode()
        for code in others:
            assert f'name="title_{code}"' in html, lang
        assert f'name="title_{lang}"' not in html


def test_management_page_links_to_the_events(client, people, association_a):
    client.force_login(people["member_a"])
    html = client.get(reverse("associations:manage", args=[association_a.pk])).content.decode()
    assert reverse("associations:event_new", args=[association_a.pk]) in html


def test_events_list_takes_a_constant_number_of_queries(
    client, people, association_a, django_assert_max_num_queries
):
    client.force_login(people["member_a"])
    url = reverse("associations:events", args=[association_a.pk])
    make_training("kysely-0", organiser=association_a)
    client.get(url)
    with django_assert_max_num_queries(1000) as few:
        client.get(url)
    # Counted now: the next request empties the connection's query log.
    count = len(few.captured_queries)
    assert count > 0
    for n in range(1, 3):
        make_training(f"kysely-{n}", organiser=association_a)
    for n in range(3):
        client.post(new_url(association_a), event_data(title=f"Odottava {n}"))
    client.get(url)
    with django_assert_max_num_queries(count):
        html = client.get(url).content.decode()
    assert html.count("Waiting for an editor") >= 3


# --- organisers outside the directory ------------------------------------------------------


def test_training_needs_an_association_or_an_external_organiser():
    page = make_training("ulkopuolinen", publish=False)
    page.organiser = None
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "organiser" in error.value.message_dict
    page.external_organiser_name = "Hämeen ammattikorkeakoulu HAMK"
    page.external_organiser_kind = "college"
    page.full_clean()
    page.organiser = make_training("toinen").organiser
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "external_organiser_name" in error.value.message_dict


def test_external_organiser_on_the_page_json_ld_and_calendar(client):
    page = make_training(
        "kaupungin-koulutus",
        organiser=None,
        external_organiser_name="Hämeenlinnan kaupunki",
        external_organiser_url="https://www.hameenlinna.fi/",
        external_organiser_kind="municipality",
    )
    html = client.get(page.url).content.decode()
    assert 'href="https://www.hameenlinna.fi/"' in html and "Hämeenlinnan kaupunki" in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    events = data if isinstance(data, list) else [data]
    organizer = next(e["organizer"] for e in events if "organizer" in e)
    assert organizer == {
        "@type": "GovernmentOrganization",
        "name": "Hämeenlinnan kaupunki",
        "url": "https://www.hameenlinna.fi/",
    }
    calendar = client.get(reverse("catalogue_training_ics", kwargs={"uid": page.uid}))
    assert calendar.status_code == 200
    body = b"".join(calendar).decode() if calendar.streaming else calendar.content.decode()
    body = body.replace("\r\n ", "")
    assert 'ORGANIZER;CN="Hämeenlinnan kaupunki"' in body or "CN=Hämeenlinnan kaupunki" in body


def test_editor_creates_training_with_external_organiser_in_the_admin(client, users):
    from tests.test_associations_moderation import admin_form_data

    english_admin(users["editor"])
    client.force_login(users["editor"])
    page = make_training("hamkin-koulutus")
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = admin_form_data(client, edit_url, "page-edit-form")
    data["organiser"] = ""
    data["external_organiser_name"] = "HAMK"
    data["external_organiser_kind"] = "college"
    data["external_organiser_url"] = "https://www.hamk.fi/"
    response = client.post(edit_url, {**data.dict(), "action-publish": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.organiser_id is None and page.external_organiser_name == "HAMK"
    assert page.live


def test_registration_mode_choices_stay_as_the_model_has_them():
    assert {c for c, _l in RegistrationMode.choices} == {"none", "built_in", "external"}


# --- networks -------------------------------------------------------------------------------


def test_member_marks_the_event_as_a_meeting_of_their_network_only(client, people, association_a):
    from associations.models import NetworkMember, NetworkPage

    fi = Locale.get_default()
    networks = NetworkPage.objects.live().filter(locale=fi).order_by("title")
    ours = networks.filter(member_links__association=association_a).first()
    if ours is None:
        ours = networks.first()
        NetworkMember.objects.create(page=ours, association=association_a)
    other = networks.exclude(member_links__association=association_a).first()
    client.force_login(people["member_a"])
    form_page = client.get(new_url(association_a)).content.decode()
    assert 'name="networks"' in form_page
    assert f'value="{ours.pk}"' in form_page
    assert f'value="{other.pk}"' not in form_page  # only the association's own networks

    refused = client.post(
        new_url(association_a), event_data(title="Verkoston kevätkokous", networks=[other.pk])
    )
    assert refused.status_code == 400
    assert not TrainingPage.objects.filter(title="Verkoston kevätkokous").exists()

    response = client.post(
        new_url(association_a), event_data(title="Verkoston kevätkokous", networks=[ours.pk])
    )
    assert response.status_code == 302
    page = approve(client, people["editor"], created("Verkoston kevätkokous"))
    assert [link.network_id for link in page.network_links.all()] == [ours.pk]
    client.logout()
    assert "Verkoston kevätkokous" in client.get(ours.url).content.decode()
