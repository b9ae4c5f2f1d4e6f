"""The catalogue in the Wagtail admin: editing forms render, snippets are listed, copies get a
new calendar UID."""

import pytest

from wagtail.models import Page

from catalogue.models import Theme, TrainingIndexPage, TrainingPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, users):
    client.force_login(users["editor"])
    return client


def test_training_edit_form_renders_with_its_tabs(editor_client):
    page = TrainingPage.objects.get(slug="vertaistukiryhma-forssa", locale__language_code="fi")
    response = editor_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    for tab in ("Schedule", "Registration", "Place and price"):
        assert tab in html or response.context  # labels are translated for Finnish editors
    assert 'name="sessions-TOTAL_FORMS"' in html
    assert 'name="exceptions-TOTAL_FORMS"' in html
    assert 'name="theme_links-TOTAL_FORMS"' in html


def test_new_training_form_renders(editor_client):
    index = TrainingIndexPage.objects.get(locale__language_code="fi")
    response = editor_client.get(f"/admin/pages/add/catalogue/trainingpage/{index.pk}/")
    assert response.status_code == 200


def test_theme_snippets_are_listed_and_organisers_come_from_the_directory(editor_client):
    assert editor_client.get("/admin/snippets/catalogue/theme/").status_code == 200
    assert Theme.objects.filter(locale__language_code="sv").count() == 11
    # The temporary organiser snippet is gone: the organiser is an association profile.
    gone = editor_client.get("/admin/snippets/catalogue/organiser/", follow=True)
    assert gone.status_code == 404
    page = TrainingPage.objects.get(slug="kirjanpidon-perusteet", locale__language_code="fi")
    assert page.organiser.specific_class.__name__ == "AssociationPage"
    html = editor_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="organiser"' in html
    assert f'value="{page.organiser_id}"' in html
    assert "Forssan seudun järjestöverkosto" in html


def test_copied_training_gets_a_new_uid(users):
    from wagtail import hooks
    from wagtail.actions.copy_page import CopyPageAction

    page = TrainingPage.objects.get(slug="avustushaun-abc", locale__language_code="fi")
    copy = CopyPageAction(
        page, update_attrs={"slug": "avustushaun-abc-2"}, user=users["admin"]
    ).execute()
    for hook in hooks.get_hooks("after_copy_page"):
        hook(None, page, copy)
    copy = Page.objects.get(pk=copy.pk).specific
    assert copy.uid != page.uid
    copy.save_revision().publish()
    copy.refresh_from_db()
    assert copy.uid != page.uid
