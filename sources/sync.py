"""Sync a source: download it, read it, and bring each event into the catalogue through the
same publish path as a hand-made training (occurrences, stored calendar events, search,
the other language versions, registrants' notices).

- An unchanged document touches nothing: the conditional GET answers 304, or the body's hash
  is the one of the last run. An unchanged event (the hash of its record) is not written.
- Local edits win, field by field: `ImportedEvent.written` keeps what the sync last wrote to
  each field; a field whose value on the page (its latest revision, what the editor sees)
  differs from that was changed by a person and is left alone until an editor releases it.
- A trusted source publishes at once; a moderated one saves a revision and submits it to the
  page's approval workflow.
- An event gone from its source is cancelled with a note (STATUS:CANCELLED and a higher
  SEQUENCE in the feeds, registrants told), never deleted; a run that would cancel more than
  a fifth of a source's events (and more than five) is held for an editor.
- The same event brought by a second source (same title, start and place) is shown once:
  the second source is noted on the training and writes nothing.
"""

import dataclasses
import datetime
import hashlib
import json
import logging
import uuid

from django_tasks import task
from recurrence import deserialize, serialize

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.actions.copy_for_translation import ParentNotTranslatedError
from wagtail.models import Locale
from wagtail.rich_text import RichText

from associations.models import AssociationPage
from calendars import store
from catalogue.models import (
    EventStatus,
    ExceptionAction,
    Format,
    RegistrationMode,
    ScheduleException,
    Session,
    SessionStatus,
    TrainingIndexPage,
    TrainingPage,
    TrainingTheme,
)
from core.demo_support import search_index_deferred
from core.regions import ONLINE, PLACE_CHOICES

from . import ical, linkedevents
from .fetch import Fetched, FetchError, decode_text, fetch
from .models import ImportedEvent, KeywordTheme, RunStatus, Source, SourceKind, SyncRun
from .records import Reading

logger = logging.getLogger(__name__)

MAX_EVENTS = 5000
MAX_PAGES = 60  # of a Linked Events list (100 events each)
# A run that would cancel more than this share of a source's events, and more than
# HOLD_MINIMUM of them, waits for an editor.
HOLD_SHARE = 0.2
HOLD_MINIMUM = 5
# Linked Events: changes are asked for incrementally; a full list once a day finds the gone.
FULL_SYNC_EVERY = datetime.timedelta(hours=24)
UID_NAMESPACE = uuid.UUID("6f1d2a52-7c1b-4e0e-9a57-3c1f0b6d8e21")
LANGUAGES = ("fi", "sv", "en")
TEXT_FIELDS = ("title", "summary", "body", "venue", "price_info")
FACT_FIELDS = (
    "status",
    "format",
    "join_link",
    "street_address",
    "postal_code",
    "municipality",
    "latitude",
    "longitude",
    "is_free",
    "price",
    "registration_mode",
    "registration_url",
    "languages",
    "themes",
    "schedule",
)
FIELD_LABELS = {
    "title": gettext_lazy("title"),
    "summary": gettext_lazy("summary"),
    "body": gettext_lazy("description"),
    "venue": gettext_lazy("venue"),
    "price_info": gettext_lazy("about the price"),
    "status": gettext_lazy("status"),
    "format": gettext_lazy("format"),
    "join_link": gettext_lazy("join link"),
    "street_address": gettext_lazy("street address"),
    "postal_code": gettext_lazy("postal code"),
    "municipality": gettext_lazy("municipality"),
    "latitude": gettext_lazy("latitude"),
    "longitude": gettext_lazy("longitude"),
    "is_free": gettext_lazy("free of charge"),
    "price": gettext_lazy("price (€)"),
    "registration_mode": gettext_lazy("registration"),
    "registration_url": gettext_lazy("registration link"),
    "languages": gettext_lazy("languages"),
    "themes": gettext_lazy("themes"),
    "schedule": gettext_lazy("dates and times"),
}
PLACES = {code for code, _label in PLACE_CHOICES}


class Held(Exception):
    """The run would cancel too much: an editor decides."""


# ---------------------------------------------------------------------------------------------
# Adding and queueing


def add_source(url, *, kind, organiser, name="", moderated=False):
    """A new source of `kind` at `url` organised by `organiser` (an AssociationPage or its
    Finnish slug). Raises ValidationError with a reason a person can act on."""
    url = (url or "").strip()
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in ("http", "https", "webcal", "webcals"):
        raise ValidationError(_("Give an http, https or webcal address."))
    if kind not in SourceKind.values:
        raise ValidationError(_("The kind must be “ical” or “linkedevents”."))
    if isinstance(organiser, str):
        found = AssociationPage.objects.filter(slug=organiser, locale=Locale.get_default()).first()
        if found is None:
            raise ValidationError(
                _("No association “%(slug)s” in the directory.") % {"slug": organiser}
            )
        organiser = found
    source = Source(
        name=name or url.split("//", 1)[-1].split("/", 1)[0],
        kind=kind,
        url=url,
        organiser=organiser,
        policy="moderated" if moderated else "trusted",
    )
    source.full_clean()
    source.save()
    return source


def queue_sync(source, *, user=None, confirm_cancellations=False):
    """A run of `source` for the worker; the request that asks returns at once."""
    run = SyncRun.objects.create(source=source, requested_by=user, status=RunStatus.QUEUED)
    transaction.on_commit(lambda: sync_task.enqueue(run.pk, confirm_cancellations))
    return run


def sync_due(now=None):
    """Queue every active source whose time has come (the periodic command)."""
    now = now or timezone.now()
    runs = []
    busy = SyncRun.objects.filter(status__in=[RunStatus.QUEUED, RunStatus.RUNNING])
    due = Source.objects.filter(active=True, next_sync_at__lte=now).exclude(
        pk__in=busy.values("source_id")
    )
    for source in due:
        Source.objects.filter(pk=source.pk).update(next_sync_at=now + source.interval)
        runs.append(queue_sync(source))
    return runs


@task()
def sync_task(run_pk, confirm_cancellations=False):
    run = SyncRun.objects.select_related("source").filter(pk=run_pk).first()
    if run is None or run.status != RunStatus.QUEUED:
        return None
    return sync_source(run.source, confirm_cancellations=confirm_cancellations, run=run).status


# ---------------------------------------------------------------------------------------------
# The run


def sync_source(source, *, user=None, confirm_cancellations=False, run=None, documents=None):
    """Sync `source` now; returns its finished run (never raises for the source's faults).
    `documents` (bytes: the iCal document, or each page of a Linked Events list) are read
    instead of downloading: the demo content uses them."""
    source.refresh_from_db()  # what the last run remembered (validators, hashes)
    if run is None:
        run = SyncRun.objects.create(source=source, requested_by=user)
    run.status = RunStatus.RUNNING
    run.started_at = timezone.now()
    run.save(update_fields=["status", "started_at"])
    try:
        with search_index_deferred(), store.deferred():
            _Run(source, run, confirm_cancellations, documents).go()
    except Held:
        run.status = RunStatus.HELD
    except (FetchError, ValueError) as error:
        run.status = RunStatus.FAILED
        run.error = str(error.reason if isinstance(error, FetchError) else error)
    except Exception as error:  # one source's fault must not stop the others
        logger.exception("Sync of source %s failed", source.pk)
        run.status = RunStatus.FAILED
        run.error = _("Unexpected error: %(error)s") % {"error": error}
    run.finished_at = timezone.now()
    run.save()
    Source.objects.filter(pk=source.pk).update(next_sync_at=run.finished_at + source.interval)
    return run


class _Run:
    def __init__(self, source, run, confirm_cancellations, documents=None):
        self.documents = list(documents) if documents is not None else None
        self.source = source
        self.run = run
        self.confirm = confirm_cancellations
        self.report = {"skipped": [], "held": [], "duplicates": []}
        self.user = run.requested_by
        self.now = timezone.now()

    # Reading ------------------------------------------------------------------------------

    def go(self):
        reading, full = self.read()
        if reading is None:
            self.run.status = RunStatus.UNCHANGED
            self.run.unchanged = self.source.events.filter(gone_at__isnull=True).count()
            return
        self.run.skipped = len(reading.skipped)
        self.report["skipped"] = [
            {"origin_id": item.origin_id, "reason": str(item.reason)} for item in reading.skipped
        ]
        self.run.report = self.report
        known = {event.origin_id: event for event in self.source.events.select_related("training")}
        gone = self.gone_ids(reading, known, full)
        if gone and not self.confirm and self.too_many(gone, known):
            self.report["held"] = [
                {"origin_id": origin, "title": self.title_of(known[origin])} for origin in gone
            ]
            raise Held
        self.context = _Context.for_source(self.source)
        for record in reading.records:
            self.bring(record, known.get(record.origin_id))
        for origin in gone:
            self.cancel_gone(known[origin])
        self.save_state()
        self.run.status = RunStatus.DONE

    def read(self):
        """The source's reading and whether it is complete (every event it has), or None when
        the document has not changed since the last run."""
        source = self.source
        if source.kind == SourceKind.ICAL:
            try:
                # A field released by an editor is written again even if nothing changed.
                conditional = not self.released_pending()
                fetched = self.download(
                    source.url,
                    etag=source.etag if conditional else "",
                    last_modified=source.last_modified if conditional else "",
                )
            except FetchError as error:
                if error.status != 410:
                    raise
                # Gone for good: every event of it is gone (held for an editor if many).
                self.fetched = [Fetched(status=410, body=b"", url=source.url)]
                self.digest = ""
                return Reading(), True
            self.fetched = [fetched]
            if fetched.status == 304:
                return None, True
            digest = hashlib.sha256(fetched.body).hexdigest()
            if digest == source.content_hash and not self.released_pending():
                self.remember_download(fetched, digest)
                return None, True
            self.digest = digest
            text = decode_text(fetched)
            return ical.read(text, max_events=MAX_EVENTS, language=source.language), True
        full = source.last_full_sync is None or self.now - source.last_full_sync > FULL_SYNC_EVERY
        since = None if full else source.changes_since
        url = linkedevents.list_url(source.url, since=since)
        readings, pages, hasher, count = [], 0, hashlib.sha256(), 0
        self.full = full
        while url:
            pages += 1
            if pages > MAX_PAGES:
                raise ValueError(
                    _("The list has more than %(count)s pages.") % {"count": MAX_PAGES}
                )
            fetched = self.download(url, accept="application/json")
            hasher.update(fetched.body)
            try:
                data = json.loads(decode_text(fetched))
            except json.JSONDecodeError as error:
                raise ValueError(
                    _("The answer is not JSON: %(error)s") % {"error": error}
                ) from error
            reading = linkedevents.read_page(data)
            count += len(reading.records)
            if count > MAX_EVENTS:
                raise ValueError(
                    _("The source has more than %(count)s events.") % {"count": MAX_EVENTS}
                )
            readings.append(reading)
            url = reading.next_url
        self.fetched = []
        self.digest = hasher.hexdigest()
        if full and self.digest == source.content_hash and not self.released_pending():
            return None, True
        return linkedevents.assemble(readings), full

    def download(self, url, **conditions):
        if self.documents is None:
            return fetch(url, **conditions)
        if not self.documents:
            raise ValueError(_("The list has no more pages."))
        return Fetched(status=200, body=self.documents.pop(0), url=url)

    def released_pending(self):
        return self.source.events.exclude(released=[]).exists()

    def remember_download(self, fetched, digest):
        Source.objects.filter(pk=self.source.pk).update(
            etag=fetched.etag, last_modified=fetched.last_modified, content_hash=digest
        )

    def save_state(self):
        source = self.source
        values = {"content_hash": self.digest}
        if source.kind == SourceKind.ICAL:
            fetched = self.fetched[0]
            values.update(etag=fetched.etag, last_modified=fetched.last_modified)
        else:
            values["changes_since"] = self.now
            if self.full:
                values["last_full_sync"] = self.now
            else:
                values.pop("content_hash")  # an incremental list is not the whole source
        Source.objects.filter(pk=source.pk).update(**values)

    # Gone ---------------------------------------------------------------------------------

    def gone_ids(self, reading, known, full):
        present = {record.origin_id for record in reading.records}
        for record in reading.records:
            present.update(getattr(record, "sub_event_ids", []) or [])
        deleted = set(getattr(reading, "deleted", []) or [])
        gone = []
        for origin, event in known.items():
            if event.gone_at or not event.primary or event.training_id is None:
                continue
            if origin in deleted or (full and origin not in present):
                gone.append(origin)
        return sorted(gone)

    def too_many(self, gone, known):
        active = [e for e in known.values() if not e.gone_at and e.training_id and e.primary]
        return len(gone) > HOLD_MINIMUM and len(gone) > HOLD_SHARE * max(len(active), 1)

    def title_of(self, event):
        return event.training.title if event.training_id else event.origin_id

    def cancel_gone(self, event):
        """Cancel, with a note, a training whose event left its source; never delete it."""
        page = event.training
        for version in _versions(page):
            draft = version.get_latest_revision_as_object()
            with translation.override(version.locale.language_code):
                note = _("Removed from its source (%(source)s).") % {"source": self.source.name}
            draft.status = EventStatus.CANCELLED
            draft.status_note = note[:300]
            event.written[f"status_note:{version.locale.language_code}"] = draft.status_note
            self.publish(draft, force=True)
        event.written["status"] = EventStatus.CANCELLED
        event.gone_at = self.now
        event.save(update_fields=["gone_at", "written"])
        self.run.cancelled += 1

    # One event ----------------------------------------------------------------------------

    def bring(self, record, event):
        fingerprint = _fingerprint(record)
        if event is not None and event.training_id is None and event.primary:
            self.run.unchanged += 1  # an editor deleted it: not brought back
            return
        if event is not None and not event.primary:
            return  # noted beside another source's training
        if (
            event is not None
            and event.fingerprint == fingerprint
            and not event.released
            and not event.gone_at
        ):
            self.run.unchanged += 1
            return
        values = self.context.values(record)
        if values is None:
            self.run.skipped += 1
            self.report["skipped"].append(
                {
                    "origin_id": record.origin_id,
                    "reason": _(
                        "The place is not in Kanta-Häme, or the source does not say "
                        "where; give the source a municipality."
                    ),
                }
            )
            return
        with transaction.atomic():
            if event is None:
                duplicate = self.duplicate_of(record, values)
                if duplicate is not None:
                    ImportedEvent.objects.create(
                        source=self.source,
                        origin_id=record.origin_id,
                        training=duplicate,
                        primary=False,
                        url=self.origin_url(record),
                        fingerprint=fingerprint,
                    )
                    self.report["duplicates"].append(
                        {"origin_id": record.origin_id, "title": duplicate.title}
                    )
                    self.run.unchanged += 1
                    return
                self.create(record, values, fingerprint)
                self.run.created += 1
            else:
                if self.update(record, values, event, fingerprint):
                    self.run.updated += 1
                else:
                    self.run.unchanged += 1

    def duplicate_of(self, record, values):
        """A training another source (or an editor) already has for this event: the same
        calendar UID, or the same title, start and place."""
        context = self.context
        if record.uid[:500] in context.uids:
            return TrainingPage.objects.get(pk=context.uids[record.uid[:500]])
        title = values["texts"][values["main"]]["title"]
        if not record.sessions or title.casefold() not in context.titles:
            return None
        return (
            context.others.filter(
                title__iexact=title,
                municipality=values["facts"]["municipality"],
                occurrences__original_start__in=[session.start for session in record.sessions],
            )
            .distinct()
            .first()
        )

    def create(self, record, values, fingerprint):
        main = values["main"]
        page = TrainingPage(
            locale=Locale.get_default(),
            slug=self.free_slug(values["texts"][main]["title"], record.origin_id),
            calendar_uid=record.uid[:500],
            kind=self.source.event_kind,
            organiser=self.source.organiser,
            live=False,
        )
        _apply_texts(page, values["texts"][main])
        written = {}
        for name in FACT_FIELDS:
            _apply_fact(page, name, values["facts"][name], record.origin_id)
        self.context.index.add_child(instance=page)
        for name in FACT_FIELDS:
            written[name] = _jsonish(_read_fact(page, name))
        for name in TEXT_FIELDS:
            written[f"{name}:{page.locale.language_code}"] = _read_text(page, name)
        self.publish(page)
        for language in LANGUAGES:
            if language != main and language in values["texts"]:
                self.translate(page, language, values["texts"][language], written)
        ImportedEvent.objects.create(
            source=self.source,
            origin_id=record.origin_id,
            training=page,
            url=self.origin_url(record),
            fingerprint=fingerprint,
            written=written,
            modified=record.modified,
        )

    def origin_url(self, record):
        """Where a person reads the event at its origin: its own page, or for a Linked Events
        event without one, the event in the API (the list's address with its id)."""
        if record.url:
            return record.url[:1000]
        if self.source.kind == SourceKind.LINKEDEVENTS:
            base = self.source.url.split("?", 1)[0]
            return f"{base.rstrip('/')}/{record.origin_id}/"[:1000]
        return ""

    def free_slug(self, title, origin_id):
        """The title's slug with a suffix of the event's identity, unique in the catalogue."""
        identity = hashlib.sha1(f"{self.source.pk}\n{origin_id}".encode()).hexdigest()
        base = slugify(title)[:60].strip("-") or "tapahtuma"
        taken = set(
            self.context.index.get_children()
            .filter(slug__startswith=base)
            .values_list("slug", flat=True)
        )
        for length in (6, 10, 16, 40):
            slug = f"{base}-{identity[:length]}"
            if slug not in taken:
                return slug
        return f"{base}-{uuid.uuid4().hex}"

    def update(self, record, values, event, fingerprint):
        """Write the fields no person changed; returns whether anything was written."""
        page = event.training
        written = dict(event.written)
        released = set(event.released)
        default = page.locale.language_code
        versions = {version.locale.language_code: version for version in _versions(page)}
        changed = False
        main_draft, main_touched = None, False
        # The other languages first: the default-language publish then brings them the facts.
        for language in sorted(LANGUAGES, key=lambda code: code == default):
            texts = values["texts"].get(language)
            if texts is None and language == default:
                texts = values["texts"][values["main"]]
            version = versions.get(language)
            if version is None:
                if texts is not None and self.translate(page, language, texts, written):
                    changed = True
                continue
            draft = version.get_latest_revision_as_object()
            touched = False
            if texts is not None:
                for name in TEXT_FIELDS:
                    touched |= _write(
                        draft,
                        f"{name}:{language}",
                        written,
                        released,
                        read=lambda page, name=name: _read_text(page, name),
                        apply=lambda page, name=name, texts=texts: _apply_text(page, name, texts),
                    )
            if event.gone_at and draft.status_note == written.get(f"status_note:{language}"):
                # Back at its source: the note of its removal goes.
                draft.status_note = ""
                written.pop(f"status_note:{language}", None)
                touched = True
            if language == default:
                for name in FACT_FIELDS:
                    touched |= _write(
                        draft,
                        name,
                        written,
                        released,
                        read=lambda page, name=name: _read_fact(page, name),
                        apply=lambda page, name=name: _apply_fact(
                            page, name, values["facts"][name], record.origin_id
                        ),
                    )
                main_draft, main_touched = draft, touched
            elif touched:
                self.publish(draft)
            changed |= touched
        if main_draft is not None and main_touched:
            self.publish(main_draft)
        event.written = written
        event.released = []
        event.fingerprint = fingerprint
        event.url = self.origin_url(record)
        event.modified = record.modified
        event.gone_at = None
        event.updated_at = self.now
        event.save()
        return changed

    def translate(self, page, language, texts, written):
        """A new language version of an imported training, with the source's texts."""
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            return False
        try:
            copy = page.copy_for_translation(locale)
        except ParentNotTranslatedError:
            return False
        version = TrainingPage.objects.get(pk=copy.pk)
        _apply_texts(version, texts)
        for name in TEXT_FIELDS:
            written[f"{name}:{language}"] = _read_text(version, name)
        self.publish(version)
        return True

    def publish(self, page, force=False):
        """A revision of `page`; published when the source is trusted (or `force`), else
        submitted to the page's approval workflow."""
        trusted = force or self.source.policy == "trusted"
        # Publishing logs the change itself; a revision left for an editor logs its edit.
        revision = page.save_revision(user=self.user, log_action=not trusted, clean=False)
        if trusted:
            revision.publish(user=self.user, skip_permission_checks=True)
            return
        workflow = page.get_workflow()
        if workflow is None or page.workflow_in_progress:
            return
        workflow.start(page, self.user)


# ---------------------------------------------------------------------------------------------
# From a record to field values


@dataclasses.dataclass
class _Context:
    """What every event of a run needs: where new trainings go, the keyword table, and what
    the catalogue already has (to find an event another source brought)."""

    source: Source
    index: TrainingIndexPage
    keyword_themes: dict
    default_themes: list
    others: object  # the live trainings not of this source
    uids: dict  # their calendar UIDs → pk
    titles: set  # their titles, case folded

    @classmethod
    def for_source(cls, source):
        index = TrainingIndexPage.objects.filter(locale=Locale.get_default()).first()
        if index is None:
            raise ValueError(_("The catalogue has no Finnish training index page."))
        others = (
            TrainingPage.objects.live()
            .filter(locale=Locale.get_default())
            .exclude(imports__source=source)
        )
        return cls(
            source=source,
            index=index,
            keyword_themes=dict(KeywordTheme.objects.values_list("keyword", "theme_id")),
            default_themes=list(source.themes.values_list("pk", flat=True)),
            others=others,
            uids=dict(others.exclude(calendar_uid="").values_list("calendar_uid", "pk")),
            titles={title.casefold() for title in others.values_list("title", flat=True)},
        )

    def values(self, record):
        """The page values of `record`: texts by language and the shared facts; None when
        the event cannot be placed."""
        texts = {}
        for language in LANGUAGES:
            text = record.texts.get(language)
            if text is not None and text.title.strip():
                texts[language] = {
                    "title": text.title.strip()[:255],
                    "summary": (text.summary or text.title).strip()[:500],
                    "body": (text.description or "") + _links(record.external_links),
                    "venue": (text.venue or "")[:200],
                    "price_info": (text.price_info or "")[:200],
                }
        if not texts:
            return None
        main = "fi" if "fi" in texts else next(iter(texts))
        online = record.online or (record.municipality == ONLINE)
        municipality = record.municipality if record.municipality in PLACES else ""
        if online and not (record.street_address or municipality):
            municipality, format_ = ONLINE, Format.ONLINE
        else:
            municipality = municipality if municipality != ONLINE else ""
            municipality = municipality or self.source.municipality
            if not municipality or municipality == ONLINE:
                if not online:
                    return None
                municipality, format_ = ONLINE, Format.ONLINE
            else:
                format_ = Format.HYBRID if online else Format.ONSITE
        themes = []
        for keyword in record.keywords:
            theme = self.keyword_themes.get(str(keyword).strip().casefold())
            if theme and theme not in themes:
                themes.append(theme)
        themes = themes or list(self.default_themes)
        languages = [code for code in record.languages if code in ("fi", "sv", "en")]
        languages = languages or list(self.source.languages) or [main]
        status = record.status if record.status in EventStatus.values else EventStatus.SCHEDULED
        facts = {
            "status": status,
            "format": format_,
            "join_link": (record.join_link or "")[:500],
            "street_address": (record.street_address or "")[:200],
            "postal_code": (record.postal_code or "")[:10],
            "municipality": municipality,
            "latitude": _decimal_text(record.latitude),
            "longitude": _decimal_text(record.longitude),
            "is_free": record.is_free is not False,
            "price": _decimal_text(record.price) if record.is_free is False else None,
            "registration_mode": RegistrationMode.EXTERNAL
            if record.registration_url
            else RegistrationMode.NONE,
            "registration_url": (record.registration_url or "")[:500],
            "languages": languages,
            "themes": themes,
            "schedule": _schedule_of(record),
        }
        if facts["is_free"] is False and facts["price"] is None:
            facts["is_free"] = True  # the price is in the price text
        return {"texts": texts, "main": main, "facts": facts}


def _links(links):
    """The event's links elsewhere (Linked Events' external_links) as a list after the text."""
    items = [
        f'<li><a href="{escape(link)}">{escape(link)}</a></li>'
        for link in links
        if str(link).lower().startswith(("http://", "https://"))
    ]
    return f"<ul>{''.join(items)}</ul>" if items else ""


def _decimal_text(value):
    return None if value is None else str(value)


def _last(end, start, all_day):
    """A record's end is exclusive (an all-day event ends at the next midnight); a catalogue
    session's all-day end names its last day. Never before the start."""
    if end is None or start is None:
        return end
    if all_day:
        end -= datetime.timedelta(days=1)
    return max(end, start)


def _schedule_of(record):
    return {
        "sessions": [
            {
                "start": _iso(session.start),
                "end": _iso(_last(session.end, session.start, session.all_day)),
                "all_day": session.all_day,
                "status": {"cancelled": "cancelled", "moved": "moved"}.get(
                    session.status, "scheduled"
                ),
                "title": (session.title or "")[:200],
                "location": (session.location or "")[:250],
                "reason": (session.reason or "")[:300],
                "new_start": _iso(getattr(session, "new_start", None)),
                "new_end": _iso(_last(session.new_end, session.new_start, session.all_day)),
                "new_location": (getattr(session, "new_location", "") or "")[:250],
                "key": session.origin_id or str(index),
            }
            for index, session in enumerate(record.sessions)
        ],
        "series": None
        if record.series is None
        else {
            "rule": record.series.rule,
            "first_date": record.series.first_date.isoformat(),
            "start_time": record.series.start_time.isoformat(),
            "duration": record.series.duration.total_seconds(),
        },
        "exceptions": [
            {
                "date": exception.date.isoformat(),
                "action": exception.action,
                "new_start": _iso(exception.new_start),
                "new_end": _iso(exception.new_end),
                "new_location": (exception.new_location or "")[:250],
                "reason": (exception.reason or "")[:300],
            }
            for exception in record.exceptions
        ],
    }


def _iso(value):
    if value is None:
        return None
    return value.astimezone(datetime.UTC).isoformat()


def _fingerprint(record):
    data = dataclasses.asdict(record)
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def _versions(page):
    """Every language version of the training, the Finnish one last (its publish brings
    the facts to the others)."""
    versions = list(
        TrainingPage.objects.filter(translation_key=page.translation_key).select_related("locale")
    )
    return sorted(versions, key=lambda version: version.locale_id == page.locale_id)


# Reading and writing one field of a page ------------------------------------------------------


def _apply_texts(page, texts):
    for name in TEXT_FIELDS:
        _apply_text(page, name, texts)


def _apply_text(page, name, texts):
    value = texts.get(name, "")
    if name == "body":
        page.body = [("paragraph", RichText(value))] if value else []
    elif name == "title":
        page.title = value
        page.draft_title = value
    else:
        setattr(page, name, value)


def _read_text(page, name):
    if name == "body":
        return "".join(
            str(block.value.source) for block in page.body if block.block_type == "paragraph"
        )
    return getattr(page, name) or ""


def _apply_fact(page, name, value, origin_id):
    if name == "themes":
        page.theme_links = [TrainingTheme(theme_id=pk, sort_order=i) for i, pk in enumerate(value)]
    elif name == "schedule":
        _apply_schedule(page, value, origin_id)
    elif name in ("latitude", "longitude", "price"):
        setattr(page, name, None if value is None else value)
    else:
        setattr(page, name, value)


def _read_fact(page, name):
    if name == "themes":
        return [link.theme_id for link in page.theme_links.all()]
    if name == "schedule":
        return _read_schedule(page)
    value = getattr(page, name)
    if name in ("latitude", "longitude", "price"):
        return (
            None
            if value is None
            else str(value.normalize() if hasattr(value, "normalize") else value)
        )
    return value


def _key(origin_id, part):
    return uuid.uuid5(UID_NAMESPACE, f"{origin_id}\n{part}")


def _apply_schedule(page, schedule, origin_id):
    locale = page.locale if page.locale_id else Locale.get_default()
    statuses = {"cancelled": SessionStatus.CANCELLED, "moved": SessionStatus.MOVED}
    page.sessions = [
        Session(
            start=_dt(item["start"]),
            end=_dt(item["end"]),
            all_day=item["all_day"],
            title=item["title"],
            location=item["location"],
            status=statuses.get(item["status"], SessionStatus.SCHEDULED),
            reason=item["reason"],
            new_start=_dt(item["new_start"]),
            new_end=_dt(item["new_end"]),
            new_location=item["new_location"],
            sort_order=index,
            locale=locale,
            translation_key=_key(origin_id, f"session:{item['key']}"),
        )
        for index, item in enumerate(schedule["sessions"])
    ]
    series = schedule["series"]
    if series is None:
        page.recurrence = None
        page.series_start_date = page.series_start_time = page.series_duration = None
    else:
        page.recurrence = deserialize(series["rule"])
        page.series_start_date = datetime.date.fromisoformat(series["first_date"])
        page.series_start_time = datetime.time.fromisoformat(series["start_time"])
        page.series_duration = datetime.timedelta(seconds=series["duration"])
    actions = {"cancelled": ExceptionAction.CANCELLED, "moved": ExceptionAction.MOVED}
    page.exceptions = [
        ScheduleException(
            date=datetime.date.fromisoformat(item["date"]),
            action=actions.get(item["action"], ExceptionAction.CANCELLED),
            new_start=_dt(item["new_start"]),
            new_end=_dt(item["new_end"]),
            new_location=item["new_location"],
            reason=item["reason"],
            sort_order=index,
            locale=locale,
            translation_key=_key(origin_id, f"exception:{item['date']}"),
        )
        for index, item in enumerate(schedule["exceptions"])
    ]


def _read_schedule(page):
    """The page's schedule in the form `_apply_schedule` writes, to compare."""
    series = None
    if page.recurrence and page.series_start_date:
        series = [
            serialize(page.recurrence),
            page.series_start_date.isoformat(),
            page.series_start_time.isoformat() if page.series_start_time else None,
            page.series_duration.total_seconds() if page.series_duration else None,
        ]
    return {
        "sessions": [
            [
                _iso(s.start),
                _iso(s.end),
                s.all_day,
                s.status,
                s.title,
                s.location,
                s.reason,
                _iso(s.new_start),
                _iso(s.new_end),
                s.new_location,
            ]
            for s in page.sessions.all()
        ],
        "series": series,
        "exceptions": [
            [str(e.date), e.action, _iso(e.new_start), _iso(e.new_end), e.new_location, e.reason]
            for e in page.exceptions.all()
        ],
    }


def _dt(value):
    return None if value is None else datetime.datetime.fromisoformat(value)


# ---------------------------------------------------------------------------------------------
# Local edits


def locked_fields(event):
    """(key, label) of the fields a person changed on the imported training."""
    if event.training_id is None or not event.primary:
        return []
    locked = []
    for version in _versions(event.training):
        draft = version.get_latest_revision_as_object()
        language = version.locale.language_code
        fields = [(f"{name}:{language}", name, _read_text) for name in TEXT_FIELDS]
        if version.locale_id == event.training.locale_id:
            fields += [(name, name, _read_fact) for name in FACT_FIELDS]
        for key, name, read in fields:
            if key not in event.written or key in event.released:
                continue
            if _jsonish(read(draft, name)) != event.written[key]:
                label = str(FIELD_LABELS[name])
                locked.append((key, f"{label} ({language})" if ":" in key else label))
    return locked


def _write(page, key, written, released, *, read, apply):
    """Write one field unless a person changed it since the last sync; True if it changed."""
    current = _jsonish(read(page))
    if key in written and current != written[key] and key not in released:
        return False  # a local edit wins
    apply(page)
    new = _jsonish(read(page))
    written[key] = new
    return new != current


def _jsonish(value):
    return json.loads(json.dumps(value, default=str))


def release(event, key, *, user=None):
    """Let the source decide field `key` again: the next sync (queued now) writes it."""
    if key not in event.released:
        event.released = [*event.released, key]
        event.save(update_fields=["released"])
    return queue_sync(event.source, user=user)


def sources_of(training):
    """The imports of a training in any language, the primary one first."""
    return list(
        ImportedEvent.objects.filter(
            Q(training__translation_key=training.translation_key),
        )
        .select_related("source", "training")
        .order_by("-primary", "created_at")
    )
