"""The record of what happened (`EventRecord`): every occurrence that has ended is copied
from the occurrence table, which publishing rewrites and unpublishing clears, into rows of
its own that stay. Counts only; the registrants' names stay in `Registration`, where the
retention period removes them.

Written by the `record_history` command (through the worker) for everything that has ended,
and at once for a training being unpublished or deleted. Running it again changes nothing but
what changed (a status, a registration count): one row per training and start."""

import datetime
from collections import Counter
from decimal import Decimal

from django_tasks import task

from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale

from .models import EventRecord, Occurrence, Registration, RegistrationStatus

# The facts that may still change after an occurrence has ended (a late status fix, a
# registration cancelled afterwards); the others are kept as first recorded.
UPDATED_FIELDS = ("start", "end", "all_day", "hours", "status", "registrations", "attended")


def record_past_occurrences(now=None, training_keys=None):
    """Record the occurrences that ended before `now` (of the trainings `training_keys` only,
    if given). Returns (created, updated)."""
    now = now or timezone.now()
    occurrences = Occurrence.objects.filter(end__lt=now).select_related(
        "training", "training__organiser", "locale"
    )
    if training_keys is not None:
        occurrences = occurrences.filter(training__translation_key__in=list(training_keys))
    chosen = _one_per_occurrence(occurrences.order_by("start", "pk"))
    if not chosen:
        return 0, 0
    keys = {occurrence.training.translation_key for occurrence in chosen}
    registrations = _confirmed_registrations(keys)
    attended = _attendance(keys)
    records = [_record(occurrence, registrations, attended) for occurrence in chosen]
    return _save(records, keys)


def _one_per_occurrence(occurrences):
    """One row per training and start: the default language's where there is one."""
    default = Locale.get_default().pk
    chosen = {}
    for occurrence in occurrences.iterator(chunk_size=500):
        key = (occurrence.training.translation_key, occurrence.original_start)
        if key not in chosen or occurrence.locale_id == default:
            chosen[key] = occurrence
    return list(chosen.values())


def _confirmed_registrations(keys):
    """{training key: confirmed registrations}; anonymised ones still count."""
    rows = Registration.objects.filter(
        training__translation_key__in=keys, status=RegistrationStatus.CONFIRMED
    ).values_list("training__translation_key", flat=True)
    return Counter(rows)


def _attendance(keys):
    """{training key: how many came} of the trainings whose organiser marked attendance."""
    counts = {}
    for key, came in Registration.objects.filter(
        training__translation_key__in=keys,
        status=RegistrationStatus.CONFIRMED,
        attended__isnull=False,
    ).values_list("training__translation_key", "attended"):
        counts[key] = counts.get(key, 0) + (1 if came else 0)
    return counts


def _record(occurrence, registrations, attended):
    training = occurrence.training
    organisers = [slug for slug in occurrence.organisers.split("|") if slug]
    hours = None
    if not occurrence.all_day:
        seconds = (occurrence.end - occurrence.start).total_seconds()
        hours = (Decimal(seconds) / Decimal(3600)).quantize(Decimal("0.01"))
    return EventRecord(
        training_key=training.translation_key,
        uid=training.uid,
        original_start=occurrence.original_start,
        start=occurrence.start,
        end=occurrence.end,
        all_day=occurrence.all_day,
        hours=hours,
        title=(occurrence.title or training.title)[:255],
        language=occurrence.locale.language_code,
        kind=occurrence.kind,
        format=occurrence.format,
        status=occurrence.status,
        themes=occurrence.theme_slugs,
        municipality=occurrence.municipality,
        sub_region=occurrence.sub_region,
        organiser_id=training.organiser_id,
        organiser_name=(
            training.organiser.title if training.organiser_id else training.external_organiser_name
        )[:255],
        co_organised=len(organisers) > 1,
        open_to_others=occurrence.open_to_others,
        registrations=registrations.get(training.translation_key, 0),
        attended=attended.get(training.translation_key),
    )


@transaction.atomic
def _save(records, keys):
    existing = {
        (record.training_key, record.original_start): record
        for record in EventRecord.objects.filter(training_key__in=keys)
    }
    new, changed = [], []
    for record in records:
        old = existing.get((record.training_key, record.original_start))
        if old is None:
            new.append(record)
            continue
        if any(getattr(old, name) != getattr(record, name) for name in UPDATED_FIELDS):
            for name in UPDATED_FIELDS:
                setattr(old, name, getattr(record, name))
            old.recorded_at = timezone.now()
            changed.append(old)
    # Two runs at once (a timer and an unpublish) may both find a row missing: the unique key
    # keeps one, the other insert is dropped.
    EventRecord.objects.bulk_create(new, batch_size=500, ignore_conflicts=True)
    EventRecord.objects.bulk_update(changed, [*UPDATED_FIELDS, "recorded_at"], batch_size=500)
    return len(new), len(changed)


def record_training(page, now=None):
    """Record what of `page`'s training has happened, in every language version, before its
    occurrences go (unpublish, delete)."""
    return record_past_occurrences(now, training_keys=[page.translation_key])


@task()
def record_history_task(now):
    """The worker's share of `record_history`."""
    return record_past_occurrences(datetime.datetime.fromisoformat(now))
