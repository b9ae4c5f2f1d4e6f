"""Registrants hear when a training they are coming to changes.

When an editor publishes a training whose upcoming dates, times, places or status differ from
what was published before, every confirmed and waiting registrant gets one email in their own
language: what was and what is now, and the updated calendar file. The publish only queues a
task per registrant (the request returns at once, "N notices queued"); the worker writes and
sends them through the outbox, keyed by the change, so a publish that is retried or repeated
never mails twice and a publish that changes nothing mails nobody.

What was published before is read just before the page row is saved (`remember`): its place
and its upcoming occurrences. The comparison is made on the default-language page, which owns
the registrations; the other language versions get the same facts (`core.translations`).
A caller that tells registrants itself (the crisis bulk change) publishes inside `quiet()`.
"""

import contextlib
import datetime
import hashlib
import json
from contextvars import ContextVar

from django_tasks import task

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.mail import MAIL_PRIORITY

from .emails import send_changed
from .models import EventStatus, Format, Occurrence, Registration, RegistrationStatus, TrainingPage

PLACE_FIELDS = ("format", "venue", "street_address", "postal_code", "municipality")
# At most this many changed dates are listed in one email; the page has the rest.
MAX_LISTED = 20

_quiet = ContextVar("catalogue_notices_quiet", default=False)
# Notices queued by the publishes of this request, by page: the admin says how many.
_queued = ContextVar("catalogue_notices_queued", default=None)


@contextlib.contextmanager
def quiet():
    """Publish without telling registrants (the caller tells them itself)."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def remember(page, now=None):
    """What the live `page` shows before it is saved: its place and its upcoming occurrences.
    None for a page that is not live yet (nobody has registered for what was never out)."""
    if page.pk is None or _quiet.get():
        return None
    place = TrainingPage.objects.filter(pk=page.pk, live=True).values(*PLACE_FIELDS).first()
    if place is None:
        return None
    return {"place": place, "dates": _upcoming(page.pk, now)}


def _upcoming(page_pk, now=None):
    now = now or timezone.now()
    rows = Occurrence.objects.filter(training_id=page_pk, end__gte=now).values_list(
        "original_start", "start", "end", "all_day", "status", "location"
    )
    return {
        original.isoformat(): [start.isoformat(), end.isoformat(), all_day, status, location]
        for original, start, end, all_day, status, location in rows
    }


def changes(before, page, now=None):
    """How the just-published `page` differs from `before` (see `remember`): the changed
    dates in order, and the old and new place if it moved. Empty when nothing a registrant
    needs to know changed."""
    after = _upcoming(page.pk, now)
    dates, gone, added = [], [], []
    for key in sorted(set(before["dates"]) | set(after)):
        was, now_ = before["dates"].get(key), after.get(key)
        if was == now_:
            continue
        if now_ is None:
            gone.append(was)
        elif was is None:
            added.append(now_)
        elif not (was[3] == EventStatus.CANCELLED == now_[3]):
            dates.append({"was": was, "now": now_})
    # A session whose own time was edited is a date gone and a date added: to the
    # registrant it moved. The rest gone does not take place; the rest added is new.
    while gone and added:
        dates.append({"was": gone.pop(0), "now": added.pop(0)})
    dates += [{"was": was, "now": [*was[:3], EventStatus.CANCELLED, was[4]]} for was in gone]
    dates += [{"was": None, "now": now_} for now_ in added]
    dates.sort(key=lambda change: (change["was"] or change["now"])[0])
    place_now = {name: getattr(page, name) for name in PLACE_FIELDS}
    place = None
    if place_now != before["place"]:
        place = {"was": before["place"], "now": place_now}
    if not dates and place is None:
        return {}
    return {"dates": dates, "place": place}


def recipients(page):
    return Registration.objects.filter(
        training=page,
        status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING],
        anonymised_at__isnull=True,
    )


def notify(page, before, now=None):
    """Queue one notice per registrant of the published default-language `page` if it
    changed since `before`. Returns how many were queued (and keeps it for the admin)."""
    count = _notify(page, before, now)
    queued = _queued.get()
    if queued is None:
        queued = {}
        _queued.set(queued)
    queued[page.pk] = count
    return count


def _notify(page, before, now):
    if before is None or _quiet.get():
        return 0
    found = changes(before, page, now)
    if not found:
        return 0
    # The same change published twice has the same key; a later change, another one.
    key = (
        f"{page.sequence}-"
        + hashlib.sha256(json.dumps(found, sort_keys=True, default=str).encode()).hexdigest()[:16]
    )
    pks = list(recipients(page).values_list("pk", flat=True))
    for pk in pks:
        send_change_notice.enqueue(pk, key, found)
    return len(pks)


def queued_for(page_pk):
    """How many notices the publishes of `page_pk` queued in this request (and forget it)."""
    queued = _queued.get()
    return queued.pop(page_pk, 0) if queued else 0


@task(priority=MAIL_PRIORITY)
def send_change_notice(registration_pk, key, found):
    """One registrant's email about a changed training, in their language (run by the
    worker). False when the registration is gone, cancelled or anonymised meanwhile."""
    registration = (
        Registration.objects.select_related("training")
        .filter(
            pk=registration_pk,
            status__in=[RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING],
            anonymised_at__isnull=True,
        )
        .first()
    )
    if registration is None:
        return False
    with transaction.atomic():
        send_changed(registration, lines=describe(found, registration.language), revision=key)
    return True


def describe(found, language):
    """The change as plain-text lines in `language`."""
    with translation.override(language):
        lines = []
        for change in found["dates"][:MAX_LISTED]:
            lines.append(_describe_date(change["was"], change["now"]))
        if len(found["dates"]) > MAX_LISTED:
            more = len(found["dates"]) - MAX_LISTED
            lines.append(_("…and %(count)s more dates.") % {"count": more})
        if found["place"]:
            lines.append(
                _("Place: %(was)s → now %(now)s")
                % {"was": _place(found["place"]["was"]), "now": _place(found["place"]["now"])}
            )
        return lines


def _describe_date(was, now):
    if now[3] == EventStatus.CANCELLED:
        return _("Cancelled: %(when)s") % {"when": _when(was or now)}
    if was is None:
        return _("New date: %(when)s") % {"when": _when(now)}
    if now[3] == EventStatus.POSTPONED:
        return _("Postponed, new time to be announced: %(when)s") % {"when": _when(was)}
    return _("Changed: %(was)s → now %(now)s") % {"was": _when(was), "now": _when(now)}


def _when(row):
    """ "12.1.2027 18.00–19.30, Place" from an occurrence row of `_upcoming`."""
    start = timezone.localtime(datetime.datetime.fromisoformat(row[0]))
    end = timezone.localtime(datetime.datetime.fromisoformat(row[1]))
    if row[2]:  # all day: the end is exclusive
        last = (end - datetime.timedelta(days=1)).date()
        text = f"{start:%-d.%-m.%Y}"
        if last > start.date():
            text = f"{start:%-d.%-m.}–{last:%-d.%-m.%Y}"
    elif end.date() != start.date():
        text = f"{start:%-d.%-m.%Y %H.%M} – {end:%-d.%-m.%Y %H.%M}"
    else:
        text = f"{start:%-d.%-m.%Y %H.%M}–{end:%H.%M}"
    return f"{text}, {row[4]}" if row[4] else text


def _place(place):
    if place["format"] == Format.ONLINE:
        return _("online")
    municipality = dict(TrainingPage._meta.get_field("municipality").choices).get(
        place["municipality"], place["municipality"]
    )
    parts = [place["venue"], place["street_address"], f"{place['postal_code']} {municipality}"]
    text = ", ".join(part.strip() for part in parts if part and part.strip())
    if place["format"] == Format.HYBRID:
        text = _("%(place)s and online") % {"place": text}
    return text
