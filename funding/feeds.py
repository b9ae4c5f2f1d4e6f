"""The funding side of the calendar interface: deadlines and openings as `FeedEvent`s.

- A deadline is "Deadline: <title>": timed at the deadline (Helsinki time, no DTEND) or an
  all-day event when the call gives only a date, with reminders 7 days and 1 day before.
- An opening date is an all-day "Opens: <title>" event.
- UIDs are `<opportunity uid>-<round key>-deadline@meidanhame.fi`: every language shares the
  opportunity's uid and the round's key, so they survive edits and translations.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from calendars.types import UID_DOMAIN, FeedEvent
from core.page_urls import absolute_url

from .models import ZONE

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


def opportunity_events(page, deadlines, *, funder_name, now=None, alarms=ALARMS):
    """The FeedEvents of one opportunity from its deadline rows (in the page's language)."""
    now = now or timezone.now()
    stamp = page.last_published_at or page.latest_revision_created_at or now
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
        if deadline.closes_at < now - FEED_HISTORY:
            continue
        local_close = timezone.localtime(deadline.closes_at, ZONE)
        if deadline.all_day:
            start, end = local_close.date(), local_close.date() + datetime.timedelta(days=1)
        else:
            start = end = local_close
        events.append(
            FeedEvent(
                uid=f"{page.uid}-{deadline.key}-deadline@{UID_DOMAIN}",
                summary=_("Deadline: %(title)s") % {"title": page.title},
                start=start,
                end=end,
                categories=(_("Funding deadline"),),
                alarms=alarms,
                **common,
            )
        )
        if deadline.opens_at is not None and deadline.opens_at >= now - FEED_HISTORY:
            day = timezone.localtime(deadline.opens_at, ZONE).date()
            events.append(
                FeedEvent(
                    uid=f"{page.uid}-{deadline.key}-opens@{UID_DOMAIN}",
                    summary=_("Opens: %(title)s") % {"title": page.title},
                    start=day,
                    end=day + datetime.timedelta(days=1),
                    categories=(_("Funding call opens"),),
                    **common,
                )
            )
    return events
