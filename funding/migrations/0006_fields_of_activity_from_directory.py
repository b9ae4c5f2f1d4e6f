"""Funding calls are tagged with the directory's fields of activity instead of a list of their
own: the eleven old codes become the directory's slugs ("culture_sport" becomes both "culture"
and "sport"; the other ten codes were already the directory's slugs).

Rewritten: every call's list and its filter column, the content of its revisions (so that a
draft or a revert brings back no old code), its wagtail-localize source (which copies the list
to the translations), and the saved searches of funding alerts. Old links keep working: the
filter reads "culture_sport" as culture and sport."""

import json

from django.db import migrations
from django.db.models import Q

import core.fields

# old code -> the directory's slugs
CODE_TO_SLUGS = {
    "trade_unions": ("trade_unions",),
    "nature": ("nature",),
    "social_health": ("social_health",),
    "society": ("society",),
    "village": ("village",),
    "safety": ("safety",),
    "international": ("international",),
    "business": ("business",),
    "religion": ("religion",),
    "culture_sport": ("culture", "sport"),
    "other": ("other",),
}
# Backwards, culture and sport both become the old "culture_sport".
SLUG_TO_CODE = {"culture": "culture_sport", "sport": "culture_sport"}


def directory_slugs(codes):
    """The directory's slugs for a call's old codes, in order, without repeats."""
    return list(dict.fromkeys(slug for code in codes for slug in CODE_TO_SLUGS.get(code, (code,))))


def old_codes(slugs):
    return list(dict.fromkeys(SLUG_TO_CODE.get(slug, slug) for slug in slugs))


def tokens_with(tokens, fields):
    """A call's filter column (`|m:*|a:any|f:culture|`) with its `f:` tokens, which come
    last, written for `fields`."""
    if not tokens:
        return tokens
    kept = [part for part in tokens.strip("|").split("|") if not part.startswith("f:")]
    kept += [f"f:{slug}" for slug in fields] or ["f:*"]
    return "|" + "|".join(kept) + "|"


def content_with(content, convert):
    """A serialised call (a revision's or a translation source's content) with its fields
    converted, or None when nothing changes."""
    fields = content.get("fields_of_activity")
    if not isinstance(fields, list):
        return None
    converted = convert(fields)
    if converted == fields:
        return None
    content = {**content, "fields_of_activity": converted}
    if content.get("filter_tokens"):
        content["filter_tokens"] = tokens_with(content["filter_tokens"], converted)
    return content


def alert_query(query, convert):
    """A saved search's canonical query string with its `field` values converted (sorted, in
    the place of the first one, the rest of the string untouched)."""
    parts = query.split("&") if query else []
    positions = [number for number, part in enumerate(parts) if part.startswith("field=")]
    if not positions:
        return query
    values = [parts[number][len("field=") :] for number in positions]
    if convert(values) == values:
        return query
    converted = sorted(set(convert(values)))
    others = [part for part in parts if not part.startswith("field=")]
    first = positions[0]
    return "&".join(others[:first] + [f"field={value}" for value in converted] + others[first:])


def convert_calls(apps, convert, retired):
    """Convert what names the codes in `retired` (the rows are listed first: SQLite cannot
    update a table while a query over it is still being read)."""
    needles = Q()
    for code in retired:
        needles |= Q(content__icontains=code)
    Page = apps.get_model("funding", "FundingOpportunityPage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    try:
        Alert = apps.get_model("funding", "FundingAlert")
    except LookupError:  # today's models (a test): the alerts became core's saved searches
        Alert = None

    for pk, fields, tokens in list(
        Page.objects.values_list("pk", "fields_of_activity", "filter_tokens")
    ):
        converted = convert(fields or [])
        if converted != (fields or []):
            Page.objects.filter(pk=pk).update(
                fields_of_activity=converted, filter_tokens=tokens_with(tokens, converted)
            )

    content_type = ContentType.objects.filter(
        app_label="funding", model="fundingopportunitypage"
    ).first()
    if content_type is not None:
        revisions = Revision.objects.filter(needles, content_type=content_type)
        for pk, content in list(revisions.values_list("pk", "content")):
            changed = content_with(content or {}, convert)
            if changed is not None:
                Revision.objects.filter(pk=pk).update(content=changed)
        sources = TranslationSource.objects.filter(specific_content_type=content_type)
        for pk, content_json in list(sources.values_list("pk", "content_json")):
            changed = content_with(json.loads(content_json), convert)
            if changed is not None:
                TranslationSource.objects.filter(pk=pk).update(content_json=json.dumps(changed))

    alerts = Alert.objects.filter(query__contains="field=") if Alert is not None else []
    for alert in list(alerts.only("index", "email", "query") if alerts else []):
        query = alert_query(alert.query, convert)
        duplicate = Alert.objects.filter(index_id=alert.index_id, email=alert.email, query=query)
        if query != alert.query and not duplicate.exists():
            Alert.objects.filter(pk=alert.pk).update(query=query)


def forwards(apps, schema_editor):
    convert_calls(apps, directory_slugs, retired=["culture_sport"])


def backwards(apps, schema_editor):
    convert_calls(apps, old_codes, retired=list(SLUG_TO_CODE))


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0005_rename_fundersnippet_funder"),
        ("associations", "0006_culture_and_sport_fields"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.AlterField(
            model_name="fundingopportunitypage",
            name="fields_of_activity",
            # The choices are the directory's fields, read from the database (not schema).
            field=core.fields.ChoiceListField(
                blank=True,
                help_text="Leave empty when every field can apply.",
                item_choices=[],
                verbose_name="fields of activity",
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
