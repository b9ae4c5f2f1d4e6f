"""Calendar feeds: a public free/busy feed per space or item (no names, no messages) and a
private feed per owner association behind a secret, revocable token."""

import datetime

from django.db.models import Count, Max
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

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


def resource_feed_view(request, key):
    page, source = _resource(key)
    bookings = _window(Booking.objects.of_resource(source).filter(status__in=BLOCKING_STATUSES))
    language = get_language() or "fi"

    def build():
        meta = CalendarMeta(
            name=_("%(title)s: busy times") % {"title": page.title},
            description=_("When %(title)s is booked. Free/busy only.") % {"title": page.title},
            url=page.get_full_url(request),
            source=request.build_absolute_uri(),
            language=language,
        )
        return build_calendar(meta, busy_events(page, source, bookings.order_by("starts_at")))

    return feed_response(
        request,
        cache_key=f"lending:busy:{key}:{language}:{page.last_published_at}:{_version(bookings)}",
        build=build,
        filename=f"{page.slug}.ics",
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
