"""A member's change goes to moderation and is not live until an editor approves it."""

import pytest

from django.urls import reverse

from wagtail.models import Page, WorkflowState

from home.models import StandardPage

pytestmark = pytest.mark.django_db


def test_member_edit_waits_for_editor_approval(client, users, home):
    about = StandardPage.objects.get(slug="tietoa-palvelusta", locale=home.locale)
    client.force_login(users["member"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[about.pk])
    response = client.get(edit_url)
    assert response.status_code == 200
    assert "action-publish" not in response.content.decode()  # members cannot publish

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
    response = client.post(edit_url, data)
    assert response.status_code in (200, 302)
    about.refresh_from_db()
    assert about.title == "Tietoa palvelusta"  # the live page is unchanged
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(about.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    # The editor sees it in the queue and approves it; then it is live.
    client.force_login(users["editor"])
    task_state = state.current_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[about.pk, "approve", task_state.pk]
    )
    response = client.post(approve_url, {"comment": "Hyvä muutos."})
    assert response.status_code in (200, 302)
    about.refresh_from_db()
    assert about.title == "Tietoa palvelusta (muokattu)"
    assert Page.objects.get(pk=about.pk).live


def test_editor_can_publish_directly(client, users, home):
    client.force_login(users["editor"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[home.pk]))
    assert "action-publish" in response.content.decode()


def test_admin_is_in_finnish_for_finnish_users(client, users):
    client.force_login(users["editor"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'lang="fi"' in html
