"""core.translation: parallel versions become wagtail-localize translations, for pages and
for snippets without drafts."""

import pytest

from wagtail.models import Locale

from catalogue.models import Theme
from core.translation import translate_from_versions

pytestmark = pytest.mark.django_db


def test_snippet_without_drafts_is_translated_from_parallel_versions():
    finnish = Locale.objects.get(language_code="fi")
    theme = Theme.objects.create(name="Vertaistuki", slug="vertaistuki-testi", locale=finnish)
    versions = {
        code: Theme(name=f"{theme.name} ({code})", slug=theme.slug) for code in ("sv", "en")
    }
    translated = translate_from_versions(theme, versions)
    assert translated["sv"].name == f"{theme.name} (sv)"
    assert translated["en"].locale.language_code == "en"
