"""The funding side of the calendar interface: deadlines and openings as `FeedEvent`s.

- A deadline is "Deadline: <title>": timed at the deadline (Helsinki time, no DTEND) or an
  all-day event when the call gives only a date, with reminders 7 days and 1 day before.
- An opening date is an all-day "Opens: <title>" event.
- UIDs are `<opportunity uid>-<round key>-deadline@meidanhame.fi`: every language shares the
  opportunity's uid and the round's key, so they survive edits and translations.
- The events are stored when the deadline rows are written (`funding.deadlines`); a feed keeps
  those that ended at most `FEED_HISTORY` ago.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from calendars import store
from calendars.types import UID_DOMAIN, FeedEvent
from core.page_urls import absolute_url

from .models import ZONE, Deadline, Funder, FundingOpportunityPage

ALARMS = (datetime.timedelta(days=7), datetime.timedelta(days=1))
# Deadlines this far back stay in the feed, so that a subscriber's calendar keeps its history.
FEED_HISTORY = datetime.timedelta(days=90)


def format_amount(value):
    """1500 → "1 500 €"; Finnish style, the same in every language of the site."""
    if value is None:
        return ""
    whole = value == value.to_integral_value()
    text = f"{value:,.0f}" if whole else f"{value:,.2f}"
    return text.replace(",", "\u00a0").replace(".", ",") + "\u00a0€"


def amount_text(page):
    low, high = format_amount(page.amount_min), format_amount(page.amount_max)
    if low and high:
        return f"{low} – {high}" if low != high else low
    if high:
        return _("up to %(amount)s") % {"amount": high}
    if low:
        return _("from %(amount)s") % {"amount": low}
    return ""


def _description(page, funder_name, url):
    lines = [page.summary, ""]
    lines.append(_("Funder: %(name)s") % {"name": funder_name})
    amounts = amount_text(page)
    if amounts:
        lines.append(_("Amount: %(amount)s") % {"amount": amounts})
    if page.application_url:
        lines.append(_("Apply: %(url)s") % {"url": page.application_url})
    lines += ["", url]
    return "\n".join(lines)


def opportunity_events(page, deadlines, *, funder_name, alarms=ALARMS):
    """The events of one opportunity from its deadline rows (in the page's language), each
    selected by a feed by the moment it names: the closing time, the opening time."""
    stamp = page.last_published_at or page.latest_revision_created_at or timezone.now()
    url = absolute_url(page)
    description = _description(page, funder_name, url)
    common = {
        "url": url,
        "description": description,
        "dtstamp": stamp,
        "created": page.first_published_at or stamp,
        "last_modified": stamp,
        "sequence": page.sequence,
        "organizer_name": funder_name,
        "language": page.locale.language_code,
        "transparency": "TRANSPARENT",
    }
    events = []
    for deadline in deadlines:
        local_close = timezone.localtime(deadline.closes_at, ZONE)
        if deadline.all_day:
            start, end = local_close.date(), local_close.date() + datetime.timedelta(days=1)
        else:
            start = end = local_close
        event = FeedEvent(
            uid=f"{page.uid}-{deadline.key}-deadline@{UID_DOMAIN}",
            summary=_("Deadline: %(title)s") % {"title": page.title},
            start=start,
            end=end,
            categories=(_("Funding deadline"),),
            alarms=alarms,
            **common,
        )
        events.append(store.Timed(event, deadline.closes_at, deadline.closes_at))
        if deadline.opens_at is not None:
            day = timezone.localtime(deadline.opens_at, ZONE).date()
            event = FeedEvent(
                uid=f"{page.uid}-{deadline.key}-opens@{UID_DOMAIN}",
                summary=_("Opens: %(title)s") % {"title": page.title},
                start=day,
                end=day + datetime.timedelta(days=1),
                categories=(_("Funding call opens"),),
                **common,
            )
            events.append(store.Timed(event, deadline.opens_at, deadline.opens_at))
    return events


def deadline_uids(page, deadlines):
    """The UIDs of the deadline and opening events of `deadlines` of `page`."""
    return [
        f"{page.uid}-{deadline.key}-{kind}@{UID_DOMAIN}"
        for deadline in deadlines
        for kind in ("deadline", "opens")
    ]


def opportunity_event_rows(pks):
    """(pk, language, events) of the live calls among `pks`, for the stored events: four
    queries (pages, deadlines, and the funders of each language), each in its language."""
    pages = list(
        FundingOpportunityPage.objects.live()
        .filter(pk__in=pks)
        .select_related("locale", "funder")
        .defer_streamfields()
        .order_by("pk")
    )
    deadlines = {}
    for deadline in Deadline.objects.filter(opportunity_id__in=[page.pk for page in pages]):
        deadlines.setdefault(deadline.opportunity_id, []).append(deadline)
    funders = {}
    for page in pages:
        if page.locale_id not in funders:
            funders[page.locale_id] = Funder.objects.by_translation_key(page.locale_id)
        funder = funders[page.locale_id].get(page.funder.translation_key, page.funder)
        language = page.locale.language_code
        with override(language):
            events = opportunity_events(page, deadlines.get(page.pk, []), funder_name=funder.name)
        yield page.pk, language, events


OPPORTUNITY_EVENTS = store.EventSource(
    name="funding.opportunity",
    model=FundingOpportunityPage,
    events=opportunity_event_rows,
    current=lambda: FundingOpportunityPage.objects.live(),
)
store.register(OPPORTUNITY_EVENTS)
