"""Calendar links on catalogue pages: the feed of the filters shown, and "Add to calendar"
links of one training."""

import datetime
from urllib.parse import quote, urlencode

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.page_urls import absolute_url

from ..feeds import (
    canonical_query,
    feed_filters,
    feed_title,
    is_too_long,
    place_text,
    preferred_feed_url,
    reader_urls,
)

register = template.Library()

UTC_FORMAT = "%Y%m%dT%H%M%SZ"


@register.simple_tag(takes_context=True)
def catalogue_feed(context):
    """{url, title, query, too_long, note} of the feed that matches the catalogue's current
    filters, or None when the page has no parsed filters. `url` is the short saved URL when the
    long one is too long and has been saved; `too_long` says it has not (the page then offers a
    form that saves it: a page view saves nothing); `note` says that the page's dates do not
    narrow the subscription (they are page-only, see `catalogue.feeds.PAGE_ONLY_PARAMS`)."""
    filters = context.get("filters")
    if filters is None:
        return None
    language = context.get("LANGUAGE_CODE") or context["request"].LANGUAGE_CODE
    dated = filters.date_range() != (None, None)
    filters = feed_filters(filters)
    query = canonical_query(filters)
    url = preferred_feed_url(language, query)
    return {
        "url": url,
        "title": feed_title(
            filters,
            context.get("theme_names", {}),
            context.get("organiser_names", {}),
            context.get("network_names", {}),
        ),
        "query": query,
        "too_long": is_too_long(url),
        "readers": reader_urls(language, query),
        "note": _(
            "The subscription has every date from 30 days ago to 18 months ahead: the dates "
            "chosen above narrow only this page."
        )
        if dated
        else "",
    }


@register.simple_tag(takes_context=True)
def training_calendar_links(context, page, occurrence=None):
    """The .ics download of `page` and, for its next `occurrence`, Google and Outlook links
    that open a new event with the date, place and description filled in."""
    ics = reverse("catalogue_training_ics", kwargs={"uid": page.uid})
    links = {"ics": ics, "ics_url": settings.BASE_URL + ics}
    if occurrence is None:
        return links
    request = context.get("request")
    title = f"{page.title}: {occurrence.title}" if occurrence.title else page.title
    url = absolute_url(page, request)
    details = f"{page.summary}\n\n{url}" if page.summary else url
    location = occurrence.location or place_text(page)
    start, end = occurrence.start, occurrence.end
    if occurrence.all_day:
        first = timezone.localtime(start).date()
        after = max(timezone.localtime(end).date(), first + datetime.timedelta(days=1))
        google_dates = f"{first:%Y%m%d}/{after:%Y%m%d}"
        outlook_times = {"startdt": first.isoformat(), "enddt": after.isoformat()}
    else:
        google_dates = f"{_utc(start)}/{_utc(end)}"
        outlook_times = {"startdt": _iso_utc(start), "enddt": _iso_utc(end)}
    google = urlencode(
        {
            "action": "TEMPLATE",
            "text": title,
            "dates": google_dates,
            "details": details,
            "location": location,
            "ctz": settings.TIME_ZONE,
        },
        quote_via=quote,
    )
    outlook = urlencode(
        {
            "path": "/calendar/action/compose",
            "rru": "addevent",
            "subject": title,
            **outlook_times,
            "allday": "true" if occurrence.all_day else "false",
            "body": details,
            "location": location,
        },
        quote_via=quote,
    )
    links["google"] = f"https://calendar.google.com/calendar/render?{google}"
    # Outlook's documented "add event" deep link (the /calendar/0/action/compose form without
    # "deeplink" is undocumented and redirects unreliably).
    links["outlook_live"] = f"https://outlook.live.com/calendar/0/deeplink/compose?{outlook}"
    links["outlook_office"] = f"https://outlook.office.com/calendar/0/deeplink/compose?{outlook}"
    return links


def _utc(value):
    return value.astimezone(datetime.UTC).strftime(UTC_FORMAT)


def _iso_utc(value):
    return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
