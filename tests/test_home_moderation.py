"""A member's change goes to moderation and is not live until an editor approves it."""

import pytest

from django.urls import reverse

from wagtail.models import Page, WorkflowState

from home.models import StandardPage

pytestmark = pytest.mark.django_db


def test_member_edit_waits_for_editor_approval(client, users):
    """The demo member's association organises this training: the member's change is submitted
    to the Editor approval workflow and is live only once an editor approves it."""
    from catalogue.models import TrainingPage
    from tests.test_associations_moderation import admin_form_data

    training = TrainingPage.objects.get(slug="saavutettava-tapahtuma", locale__language_code="fi")
    live_title = training.title
    client.force_login(users["member"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[training.pk])
    response = client.get(edit_url)
    assert response.status_code == 200
    assert "action-publish" not in response.content.decode()  # members cannot publish

    data = admin_form_data(client, edit_url, "page-edit-form")
    data["title"] = f"{live_title} (muokattu)"
    response = client.post(edit_url, {**data.dict(), "action-submit": "1"})
    assert response.status_code in (200, 302)
    training.refresh_from_db()
    assert training.title == live_title  # the live page is unchanged
    state = WorkflowState.objects.for_instance(training).get(status="in_progress")

    # The editor sees it in the queue and approves it; then it is live.
    client.force_login(users["editor"])
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[training.pk, "approve", state.current_task_state.pk],
    )
    response = client.post(approve_url, {"comment": "Hyvä muutos."})
    assert response.status_code in (200, 302)
    training.refresh_from_db()
    assert training.title == f"{live_title} (muokattu)"
    assert Page.objects.get(pk=training.pk).live


def test_members_cannot_edit_the_services_own_pages(client, users, home):
    """General pages (about the service, the home page) are the editors': a member can neither
    open them in the admin nor change them by posting."""
    about = StandardPage.objects.get(slug="tietoa-palvelusta", locale=home.locale)
    client.force_login(users["member"])
    for page in (about, home):
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        assert client.get(edit_url).status_code in (302, 403)
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    data = nested_form_data(
        {
            "title": "Tietoa palvelusta (muokattu)",
            "slug": about.slug,
            "intro": about.intro,
            "body": streamfield([]),
            "action-submit": "Submit",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[about.pk]), data)
    assert response.status_code in (302, 403)
    about.refresh_from_db()
    assert about.title == "Tietoa palvelusta"
    assert not WorkflowState.objects.for_instance(about).exists()


def test_editor_can_publish_directly(client, users, home):
    client.force_login(users["editor"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[home.pk]))
    assert "action-publish" in response.content.decode()


def test_admin_is_in_finnish_for_finnish_users(client, users):
    client.force_login(users["editor"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'lang="fi"' in html
