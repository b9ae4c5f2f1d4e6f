"""Calendar feeds: a public free/busy feed per space or item (no names, no messages) and a
private feed per owner association behind a secret, revocable token.

The busy blocks are stored calendar events (`calendars.store`), written in every language
whenever a booking is saved or its space or item is published, and removed with the booking;
the public feed joins them. The private feed is made when asked: it is small, and it names the
associations that asked."""

import datetime

from django.conf import settings
from django.db.models import Count, Max
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from wagtail.models import Page

from calendars import store
from calendars.http import feed_response
from calendars.ical import build_calendar
from calendars.types import UID_DOMAIN, CalendarMeta, FeedEvent
from meidanhame.security import embeddable

from .availability import equipment_days, space_days
from .models import (
    BLOCKING_STATUSES,
    Booking,
    BookingStatus,
    EquipmentPage,
    OwnerFeedToken,
    SpacePage,
)

PAST = datetime.timedelta(days=30)
AHEAD = datetime.timedelta(days=400)


def _resource(key):
    """The live page of `key` in the current language (else the Finnish one) and its source."""
    language = get_language() or "fi"
    for model in (SpacePage, EquipmentPage):
        pages = list(
            model.objects.live().public().filter(translation_key=key).select_related("locale")
        )
        if pages:
            page = next((p for p in pages if p.locale.language_code == language), None)
            source = next((p for p in pages if p.locale.language_code == "fi"), pages[0])
            return page or source, source
    raise Http404("No such space or item")


def _window(bookings):
    now = timezone.now()
    return bookings.filter(ends_at__gte=now - PAST, starts_at__lte=now + AHEAD)


def _version(bookings):
    stats = bookings.aggregate(n=Count("pk"), changed=Max("changed_at"))
    return f"{stats['n']}:{stats['changed'].timestamp() if stats['changed'] else 0}"


def busy_events(page, source, bookings):
    """Busy blocks: the booked time with its buffers, and nothing about who booked it."""
    events = []
    for booking in bookings:
        if booking.kind == "space":
            start, end = booking.blocked_from, booking.blocked_until
            summary = _("Busy")
        else:
            start = timezone.localtime(booking.starts_at).date()
            end = timezone.localtime(booking.ends_at).date()
            summary = _("Lent: %(count)s of %(total)s") % {
                "count": booking.quantity,
                "total": source.quantity,
            }
        events.append(
            FeedEvent(
                uid=f"{booking.uid}@{UID_DOMAIN}",
                summary=summary,
                start=start,
                end=end,
                dtstamp=booking.changed_at,
                location=page.address,
                status="CONFIRMED" if booking.status == BookingStatus.APPROVED else "TENTATIVE",
                transparency="OPAQUE",
            )
        )
    return events


def booking_event_rows(pks):
    """(pk, language, busy block) of the bookings among `pks` that hold their time, in every
    language of the site, each with the space's or item's page in that language (its
    address) or else the Finnish one: five queries, however many bookings."""
    bookings = list(Booking.objects.filter(pk__in=pks, status__in=BLOCKING_STATUSES).order_by("pk"))
    keys = dict(
        Page.objects.filter(pk__in={booking.resource_id for booking in bookings}).values_list(
            "pk", "translation_key"
        )
    )
    pages = {}
    for model in (SpacePage, EquipmentPage):
        translations = model.objects.live().filter(translation_key__in=set(keys.values()))
        for page in translations.select_related("locale").defer_streamfields():
            pages[page.translation_key, page.locale.language_code] = page
    for booking in bookings:
        key = keys.get(booking.resource_id)
        source = pages.get((key, "fi")) or next(
            (page for (other, _code), page in pages.items() if other == key), None
        )
        if source is None:
            continue  # the space or item is not published: nothing shows its feed
        for language, _name in settings.LANGUAGES:
            with override(language):
                page = pages.get((key, language), source)
                (event,) = busy_events(page, source, [booking])
                yield booking.pk, language, [store.Timed(event, booking.starts_at, booking.ends_at)]


BOOKING_EVENTS = store.EventSource(
    name="lending.booking",
    model=Booking,
    events=booking_event_rows,
    current=lambda: Booking.objects.filter(status__in=BLOCKING_STATUSES),
)
store.register(BOOKING_EVENTS)


def resource_feed_view(request, key):
    """The busy times of a space or item from 30 days back to 400 days ahead (by the day, so
    the same address gives the same feed all day and takes the fast path)."""
    page, source = _resource(key)
    now = timezone.now()
    today = timezone.localdate(now)
    midnight = timezone.make_aware(datetime.datetime.combine(today, datetime.time()))
    language = get_language() or "fi"

    def build():
        events = store.blocks(
            BOOKING_EVENTS.name,
            language,
            Booking.objects.of_resource(source).values("pk"),
            since=midnight - PAST,
            until=midnight + AHEAD,
        )
        meta = CalendarMeta(
            name=_("%(title)s: busy times") % {"title": page.title},
            description=_("When %(title)s is booked. Free/busy only.") % {"title": page.title},
            url=page.get_full_url(request),
            source=settings.BASE_URL + request.get_full_path(),
            language=language,
        )
        return store.calendar(meta, events)

    return feed_response(
        request,
        # Bookings and publishing start a new feeds generation, which this key lives in.
        cache_key=f"lending:busy:{key}:{language}:{today}",
        build=build,
        filename=f"{page.slug}.ics",
        fast_for=int((midnight + datetime.timedelta(days=1) - now).total_seconds()),
    )


def owner_feed_view(request, token):
    """The owner's bookings with the requesting associations' names (no people)."""
    feed_token = (
        OwnerFeedToken.objects.filter(token=token, revoked_at__isnull=True)
        .select_related("association")
        .first()
    )
    if feed_token is None:
        raise Http404("No such calendar")
    association = feed_token.association
    bookings = _window(
        Booking.objects.filter(owner=association, status__in=BLOCKING_STATUSES).select_related(
            "resource", "association"
        )
    )
    language = get_language() or "fi"

    def build():
        events = []
        for booking in bookings.order_by("starts_at"):
            who = booking.association.title if booking.association else "–"
            if booking.kind == "space":
                start, end = booking.starts_at, booking.ends_at
                what = booking.resource.title
            else:
                start = timezone.localtime(booking.starts_at).date()
                end = timezone.localtime(booking.ends_at).date()
                what = f"{booking.resource.title} × {booking.quantity}"
            if booking.status == BookingStatus.APPROVED:
                summary = _("%(title)s – %(association)s") % {"title": what, "association": who}
            else:
                summary = _("Request: %(title)s – %(association)s") % {
                    "title": what,
                    "association": who,
                }
            events.append(
                FeedEvent(
                    uid=f"{booking.uid}@{UID_DOMAIN}",
                    summary=summary,
                    start=start,
                    end=end,
                    dtstamp=booking.changed_at,
                    status="CONFIRMED" if booking.status == BookingStatus.APPROVED else "TENTATIVE",
                )
            )
        meta = CalendarMeta(
            name=_("Bookings of %(association)s") % {"association": association.title},
            language=language,
        )
        return build_calendar(meta, events)

    response = feed_response(
        request,
        cache_key=f"lending:owner:{feed_token.pk}:{language}:{_version(bookings)}",
        build=build,
        filename="bookings.ics",
        max_age=300,
    )
    # A secret address: shared caches must not keep it.
    response["Cache-Control"] = "private, max-age=300"
    return response


@embeddable
def embed_view(request, key):
    """A small busy/free calendar the owner can put on its own site in an iframe."""
    page, source = _resource(key)
    first = timezone.localdate()
    first -= datetime.timedelta(days=first.weekday())
    days = (
        space_days(source, first)
        if isinstance(source, SpacePage)
        else equipment_days(source, first)
    )
    return TemplateResponse(
        request,
        "lending/embed.html",
        {"resource": page, "calendar": days, "is_space": isinstance(source, SpacePage)},
    )
