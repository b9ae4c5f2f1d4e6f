"""seed_demo is idempotent, and the demo users exist with the right roles."""

import io

import pytest

from django.core.management import call_command

from wagtail.models import Page, Revision
from wagtail_localize.models import Translation

pytestmark = pytest.mark.django_db


def counts():
    return (Page.objects.count(), Revision.objects.count(), Translation.objects.count())


def test_seed_demo_twice_changes_nothing():
    before = counts()
    call_command("seed_demo", stdout=io.StringIO())
    assert counts() == before


def test_demo_users_and_groups(users):
    assert users["admin"].is_superuser
    assert users["editor"].groups.filter(name="Editors").exists()
    assert users["member"].groups.filter(name="Members").exists()
    assert not users["member"].is_superuser


def test_every_demo_page_has_swedish_and_english_versions():
    finnish = Page.objects.filter(depth__gt=1, locale__language_code="fi").live()
    for page in finnish:
        for language in ("sv", "en"):
            assert page.get_translations().filter(locale__language_code=language).exists(), (
                f"{page.title} lacks a {language} translation"
            )
