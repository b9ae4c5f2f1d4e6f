"""Import associations from the national association register's open data (CSV).

Columns (a header row, UTF-8, comma or semicolon separated):

    registry_number  required  yhdistysrekisterinumero, e.g. 123.456 (the key for upserts)
    name             required  the Finnish name
    name_sv                    the Swedish name (else the Finnish name is used)
    business_id                Y-tunnus, validated with its check digit
    municipality     required  a Kanta-Häme municipality, by code (hattula) or name (Hattula)
    field                      a field of activity slug (e.g. village); default "other"
    website, email, summary    optional

Each line is created, updated, unchanged or rejected (with the reason). Running the same file
twice changes nothing the second time.
"""

import csv
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Locale

from core.regions import Municipality
from core.translation import translate_from_versions

from .models import AssociationFieldLink, AssociationIndexPage, AssociationPage, FieldOfActivity
from .signals import ensure_translations, translations_suspended
from .validators import (
    normalise_business_id,
    normalise_registry_number,
    validate_business_id,
    validate_registry_number,
)

REQUIRED = ("registry_number", "name", "municipality")
UPDATABLE = ("title", "business_id", "municipality", "website", "email")
MUNICIPALITY_BY_NAME = {str(m.label).lower(): m.value for m in Municipality} | {
    m.value: m.value for m in Municipality
}


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    rejected: list = field(default_factory=list)  # (line number, reason)

    def summary(self):
        return (
            f"{len(self.created)} created, {len(self.updated)} updated, "
            f"{len(self.unchanged)} unchanged, {len(self.rejected)} rejected"
        )


class RowError(Exception):
    pass


def read_rows(text):
    sample = text[:2048]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def clean_row(row, fields_by_slug):
    row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
    missing = [name for name in REQUIRED if not row.get(name)]
    if missing:
        raise RowError(f"missing {', '.join(missing)}")
    registry_number = normalise_registry_number(row["registry_number"])
    try:
        validate_registry_number(registry_number)
    except ValidationError:
        raise RowError(f"invalid registry number {row['registry_number']!r}") from None
    business_id = normalise_business_id(row.get("business_id", ""))
    if business_id:
        try:
            validate_business_id(business_id)
        except ValidationError:
            raise RowError(f"invalid business ID {row['business_id']!r}") from None
    municipality = MUNICIPALITY_BY_NAME.get(row["municipality"].lower())
    if municipality is None:
        raise RowError(f"municipality {row['municipality']!r} is not in Kanta-Häme")
    field_slug = row.get("field") or "other"
    if field_slug not in fields_by_slug:
        raise RowError(f"unknown field of activity {field_slug!r}")
    website = row.get("website", "")
    if website:
        try:
            URLValidator(schemes=["http", "https"])(website)
        except ValidationError:
            raise RowError(f"invalid website {website!r}") from None
    email = row.get("email", "")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise RowError(f"invalid email {email!r}") from None
    if len(row["name"]) > 255:
        raise RowError("name longer than 255 characters")
    return {
        "registry_number": registry_number,
        "title": row["name"],
        "title_sv": row.get("name_sv") or row["name"],
        "business_id": business_id,
        "municipality": municipality,
        "field": field_slug,
        "website": website,
        "email": email.lower(),
        "summary": row.get("summary", "")[:300],
    }


def import_associations(text, *, dry_run=False, progress=None):
    """Import the CSV `text`; return an ImportReport. `progress(done, total)` is called as
    lines are handled. A dry run reports what would happen and changes nothing."""
    fi = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    index = AssociationIndexPage.objects.filter(locale=fi).first()
    if index is None:
        raise RuntimeError("Create the association directory page first.")
    fields_by_slug = {f.slug: f for f in FieldOfActivity.objects.filter(locale=fi)}
    existing = {
        p.registry_number: p
        for p in AssociationPage.objects.filter(locale=fi).exclude(registry_number="")
    }
    rows = read_rows(text)
    report = ImportReport()
    seen = set()
    for number, row in enumerate(rows, start=2):  # line 1 is the header
        try:
            values = clean_row(row, fields_by_slug)
            if values["registry_number"] in seen:
                raise RowError(f"registry number {values['registry_number']} repeated in file")
            seen.add(values["registry_number"])
            page = existing.get(values["registry_number"])
            if page is None:
                if not dry_run:
                    _create(index, values, fields_by_slug)
                report.created.append(values["registry_number"])
            elif _changes(page, values):
                if not dry_run:
                    _update(page, values)
                report.updated.append(values["registry_number"])
            else:
                report.unchanged.append(values["registry_number"])
        except RowError as error:
            report.rejected.append((number, str(error)))
        if progress:
            progress(number - 1, len(rows))
    return report


def _changes(page, values):
    return any(getattr(page, name) != values[name] for name in UPDATABLE)


def _unique_slug(title, registry_number):
    base = slugify(title)[:60] or "yhdistys"
    if AssociationPage.objects.filter(slug=base).exists():
        return f"{base}-{slugify(registry_number)}"
    return base


@transaction.atomic
def _create(index, values, fields_by_slug):
    common = {
        "registry_number": values["registry_number"],
        "business_id": values["business_id"],
        "municipality": values["municipality"],
        "website": values["website"],
        "email": values["email"],
        "languages": ["fi"],
        "slug": _unique_slug(values["title"], values["registry_number"]),
    }
    texts = {
        "summary": values["summary"],
        "description": "",
        "logo_alt": "",
        "partnership_note": "",
    }
    with translations_suspended():
        page = AssociationPage(title=values["title"], **common, **texts)
        page.field_links = [AssociationFieldLink(field=fields_by_slug[values["field"]])]
        index.add_child(instance=page)
        page.save_revision(log_action=False).publish(log_action=False)
        versions = {
            "sv": AssociationPage(title=values["title_sv"], **common, **texts),
            "en": AssociationPage(title=values["title"], **common, **texts),
        }
        translate_from_versions(page, versions)
    return page


@transaction.atomic
def _update(page, values):
    for name in UPDATABLE:
        setattr(page, name, values[name])
    with translations_suspended():
        page.save_revision(log_action=True).publish(log_action=True)
    ensure_translations(page)
    return page
