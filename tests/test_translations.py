"""The Finnish and Swedish interface: every catalogue entry is translated, placeholders survive
translation, and the rendered pages speak the visitor's language."""

import re
from pathlib import Path

import polib
import pytest

pytestmark = pytest.mark.django_db

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ["fi", "sv"]
PO_FILES = sorted(
    path for language in LANGUAGES for path in (LOCALE_DIR / language / "LC_MESSAGES").glob("*.po")
)

# Python's %-formatting placeholders: %(name)s, %(count)d, … ("%%" is a literal percent sign).
PLACEHOLDER = re.compile(r"%\([A-Za-z_][A-Za-z0-9_]*\)[#0 +\-]*\d*(?:\.\d+)?[a-zA-Z]")
# Positional placeholders (%s, %d) would break if a translation reordered them.
POSITIONAL = re.compile(r"%(?!\()[#0 +\-]*\d*(?:\.\d+)?[sdifr]")


def placeholders(text):
    return set(PLACEHOLDER.findall(text.replace("%%", "")))


def _entries(po_path):
    return [entry for entry in polib.pofile(str(po_path)) if not entry.obsolete]


def _id(entry):
    return entry.msgid[:60]


def test_both_languages_have_a_catalogue():
    for language in LANGUAGES:
        assert (LOCALE_DIR / language / "LC_MESSAGES" / "django.po").exists(), language


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_catalogue_header(po_path):
    po = polib.pofile(str(po_path))
    assert po.metadata.get("Language") == po_path.parent.parent.name
    assert po.metadata.get("Plural-Forms") == "nplurals=2; plural=(n != 1);"
    assert "charset=UTF-8" in po.metadata.get("Content-Type", "")
    assert not po.metadata_is_fuzzy


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_entry_is_translated_and_not_fuzzy(po_path):
    entries = _entries(po_path)
    assert entries, f"{po_path} has no entries"
    fuzzy = [_id(e) for e in entries if e.fuzzy]
    untranslated = [_id(e) for e in entries if not e.fuzzy and not e.translated()]
    assert not fuzzy, f"fuzzy in {po_path}: {fuzzy}"
    assert not untranslated, f"untranslated in {po_path}: {untranslated}"


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_placeholders_match(po_path):
    problems = []
    for entry in _entries(po_path):
        if entry.msgid_plural:
            # Every plural form keeps the plural source's placeholders, the count included.
            expected = placeholders(entry.msgid_plural)
            assert placeholders(entry.msgid) <= expected, entry.msgid
            for index, text in entry.msgstr_plural.items():
                if placeholders(text) != expected:
                    problems.append((_id(entry), index, text))
        elif placeholders(entry.msgstr) != placeholders(entry.msgid):
            problems.append((_id(entry), entry.msgstr))
        source = entry.msgid + entry.msgid_plural
        translations = [entry.msgstr, *entry.msgstr_plural.values()]
        for text in translations:
            if len(POSITIONAL.findall(text)) != len(POSITIONAL.findall(source)) and (
                "python-format" in entry.flags
            ):
                problems.append((_id(entry), "positional", text))
    assert not problems, f"placeholder mismatches in {po_path}: {problems}"


@pytest.mark.parametrize("po_path", PO_FILES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_html_tags_are_kept(po_path):
    tag = re.compile(r"</?[a-zA-Z][^>]*>")
    problems = []
    for entry in _entries(po_path):
        expected = sorted(tag.findall(entry.msgid))
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if text and sorted(tag.findall(text)) != expected:
                problems.append((_id(entry), text))
    assert not problems, f"HTML changed in {po_path}: {problems}"


@pytest.mark.parametrize(
    "language, expected",
    [
        ("fi", ["Siirry sisältöön", "Saavutettavuusseloste", "Tietoa palvelusta", "Hae"]),
        ("sv", ["Hoppa till innehållet", "Tillgänglighetsutlåtande", "Om tjänsten", "Sök"]),
    ],
)
def test_front_page_interface_is_translated(client, language, expected):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    for text in expected:
        assert text in html, f"{text!r} missing from /{language}/"
    assert "Skip to content" not in html
    assert "Accessibility statement" not in html


@pytest.mark.parametrize(
    "language, expected, english",
    [
        ("fi", ["Hae", "Hakusanat", "Kirjoita yksi tai useampi hakusana."], "Search words"),
        ("sv", ["Sök", "Sökord", "Skriv ett eller flera sökord."], "Search words"),
    ],
)
def test_search_page_is_translated(client, language, expected, english):
    response = client.get(f"/{language}/search/", {"q": " "})
    assert response.status_code == 200
    html = response.content.decode()
    for text in expected:
        assert text in html, f"{text!r} missing from the {language} search page"
    assert english not in html


@pytest.mark.parametrize(
    "language, expected",
    [("fi", "Sivua ei löytynyt"), ("sv", "Sidan hittades inte")],
)
def test_not_found_page_is_translated(client, language, expected):
    response = client.get(f"/{language}/this-page-does-not-exist-9f3c/")
    assert response.status_code == 404
    assert expected in response.content.decode()


def test_accessibility_statement_reads_as_a_sentence(client):
    from home.models import AccessibilityStatementPage

    for language, verb in (("fi", "Tämä palvelu täyttää"), ("sv", "Den här tjänsten uppfyller")):
        page = (
            AccessibilityStatementPage.objects.filter(locale__language_code=language).live().first()
        )
        if page is None:
            continue
        html = client.get(page.url).content.decode()
        if page.compliance_status == "none":
            verb = {"fi": "Tämä palvelu ei täytä", "sv": "Den här tjänsten uppfyller inte"}[
                language
            ]
        assert verb in html, language


@pytest.mark.parametrize(
    "language, statement, settings_name, retention_help",
    [
        (
            "fi",
            "saavutettavuusseloste",
            "sivuston asetukset",
            "Ilmoittautuneiden ja lainaajien tiedot poistetaan",
        ),
        (
            "sv",
            "tillgänglighetsutlåtande",
            "webbplatsens inställningar",
            "Uppgifterna om dem som har anmält sig eller lånat något raderas",
        ),
    ],
)
def test_model_names_and_help_texts_are_translated_for_the_admin(
    language, statement, settings_name, retention_help
):
    from django.utils import translation

    from home.models import AccessibilityStatementPage, SiteSettings

    with translation.override(language):
        assert str(AccessibilityStatementPage._meta.verbose_name) == statement
        assert str(SiteSettings._meta.verbose_name) == settings_name
        field = SiteSettings._meta.get_field("retention_days")
        assert str(field.help_text).startswith(retention_help)
