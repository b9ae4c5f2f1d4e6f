"""manage.py import_associations: dry run, real run, idempotence, rejected lines with reasons."""

import io
from pathlib import Path

import pytest

from django.core.management import call_command

from associations.models import AssociationPage

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).resolve().parents[1] / "associations/sample_data/associations_sample.csv"


def run(*args):
    out = io.StringIO()
    call_command("import_associations", str(SAMPLE), *args, stdout=out)
    return out.getvalue()


def test_dry_run_reports_and_changes_nothing():
    before = AssociationPage.objects.count()
    output = run("--dry-run")
    assert "Dry run: would be 3 created, 0 updated, 0 unchanged, 4 rejected" in output
    assert AssociationPage.objects.count() == before


def test_import_creates_then_is_idempotent_and_explains_rejections():
    output = run()
    assert "3 created, 0 updated, 0 unchanged, 4 rejected" in output
    assert "line 5: rejected – invalid business ID '1234567-8'" in output
    assert "line 6: rejected – municipality 'Tampere' is not in Kanta-Häme" in output
    assert "line 7: rejected – missing registry_number" in output
    assert "line 8: rejected – registry number 301.001 repeated in file" in output
    page = AssociationPage.objects.get(registry_number="301.001", locale__language_code="fi")
    assert page.live and page.municipality == "hameenlinna"
    assert [link.field.slug for link in page.field_links.all()] == ["village"]
    sv = page.get_translation(page.get_translations().get(locale__language_code="sv").locale)
    assert sv.title == "Tuulos byförening rf"
    assert page.get_translations().filter(locale__language_code="en", live=True).exists()
    assert "0 created, 0 updated, 3 unchanged, 4 rejected" in run()


def test_import_updates_changed_lines(tmp_path):
    run()
    changed = SAMPLE.read_text(encoding="utf-8").replace(
        "https://tuulos.example.fi/", "https://tuulos.example.org/"
    )
    path = tmp_path / "changed.csv"
    path.write_text(changed, encoding="utf-8")
    out = io.StringIO()
    call_command("import_associations", str(path), stdout=out)
    assert "0 created, 1 updated, 2 unchanged, 4 rejected" in out.getvalue()
    page = AssociationPage.objects.get(registry_number="301.001", locale__language_code="sv")
    assert page.website == "https://tuulos.example.org/"


def test_missing_file_is_a_clear_error():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("import_associations", "/nonexistent.csv")
