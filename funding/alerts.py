"""The funding index's saved searches (core/alerts.py does the signing up, the links, the
timing and the emails): the canonical form of a search, its description in words, and what
is news for it — calls published or opened since it was last checked, and a reminder a week
before each deadline round."""

import datetime

from django.db.models import Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from catalogue.models import Theme
from core import alerts
from core.page_urls import absolute_url
from core.regions import Municipality, SubRegion

from .feeds import amount_text
from .filters import deadline_labels, parse_filters
from .models import (
    ZONE,
    ApplicantType,
    Deadline,
    Funder,
    FunderType,
    FundingIndexPage,
    FundingOpportunityPage,
    FundingStatus,
    Instrument,
    field_of_activity_names,
)

REMINDER_AHEAD = datetime.timedelta(days=7)


def theme_names(locale_id):
    return dict(Theme.objects.filter(locale_id=locale_id).values_list("slug", "name"))


def canonical_query(filters):
    """The filters as a query string in a fixed order, sorted values, without sort or page:
    two visitors who chose the same filters in a different order save the same search."""
    pairs = []
    if filters.q:
        pairs.append(("q", filters.q))
    for name, values in (
        ("status", filters.statuses),
        ("instrument", filters.instruments),
        ("funder_type", filters.funder_types),
        ("theme", filters.themes),
        ("field", filters.fields),
        ("applicant", filters.applicants),
        ("region", filters.regions),
        ("municipality", filters.municipalities),
    ):
        pairs += [(name, value) for value in sorted(values)]
    for name in ("amount_min", "amount_max"):
        value = getattr(filters, name)
        if value is not None:
            pairs.append((name, format(value.normalize(), "f")))
    if filters.joint:
        pairs.append(("joint", "1"))
    if filters.deadline:
        pairs.append(("deadline", filters.deadline))
    return urlencode(pairs)


def describe(filters, themes, fields):
    """The filters in words, one line each, in the active language (empty: every call)."""

    def labels(choices, values):
        return ", ".join(str(dict(choices).get(value, value)) for value in values)

    lines = []
    if filters.q:
        lines.append(_("Search words: %(words)s") % {"words": filters.q})
    for title, choices, values in (
        (_("Status"), FundingStatus.choices, filters.statuses),
        (_("Type of funding"), Instrument.choices, filters.instruments),
        (_("Type of funder"), FunderType.choices, filters.funder_types),
        (_("Theme"), themes.items(), filters.themes),
        (_("Field of activity"), fields.items(), filters.fields),
        (_("Applicant"), ApplicantType.choices, filters.applicants),
        (_("Sub-region"), SubRegion.choices, filters.regions),
        (_("Municipality"), Municipality.choices, filters.municipalities),
    ):
        if values:
            lines.append(
                _("%(filter)s: %(values)s") % {"filter": title, "values": labels(choices, values)}
            )
    if filters.amount_min is not None:
        lines.append(_("Amount at least %(amount)s €") % {"amount": filters.amount_min})
    if filters.amount_max is not None:
        lines.append(_("Amount at most %(amount)s €") % {"amount": filters.amount_max})
    if filters.joint:
        lines.append(_("Suits a joint application"))
    if filters.deadline:
        lines.append(deadline_labels()[filters.deadline])
    return lines


def _local(moment):
    return timezone.localtime(moment, ZONE) if moment else None


def _item(page, funder_names):
    return alerts.Item(
        key=str(page.pk),
        title=page.title,
        url=absolute_url(page),
        details={
            "funder": funder_names.get(page.funder.translation_key, page.funder.name),
            "status": FundingStatus(page.funding_status).label,
            "closes_at": _local(page.next_closes_at),
            "all_day": bool(page.next_all_day),
            "continuous": page.funding_status == FundingStatus.CONTINUOUS,
            "amount": amount_text(page),
        },
    )


@alerts.register
class FundingListing(alerts.Listing):
    page_model = FundingIndexPage
    item_template = "funding/email/_item.txt"

    def filters(self, page, query):
        themes = theme_names(page.locale_id)
        fields = field_of_activity_names(page.locale_id)
        return parse_filters(query, themes=themes, fields=fields), themes, fields

    def search(self, page, query):
        filters, themes, fields = self.filters(page, query)
        return canonical_query(filters), describe(filters, themes, fields)

    def news(self, search, page, since, now):
        """Calls of the search published or opened since `since`, and those whose deadline
        is within `REMINDER_AHEAD` with the key of that deadline. Four queries."""
        filters, _themes, _fields = self.filters(page, QueryDict(search.query))
        soon = now + REMINDER_AHEAD
        candidates = list(
            filters.apply(FundingOpportunityPage.objects.listed_in(page, now)).filter(
                Q(first_published_at__gt=since)
                | Q(next_opens_at__gt=since, next_opens_at__lte=now)
                | Q(next_closes_at__gt=now, next_closes_at__lte=soon)
            )
        )
        new = [
            candidate
            for candidate in candidates
            if (candidate.first_published_at and candidate.first_published_at > since)
            or (candidate.next_opens_at and since < candidate.next_opens_at <= now)
        ]
        closing_pages = {
            candidate.pk: candidate
            for candidate in candidates
            if candidate.next_closes_at
            and now < candidate.next_closes_at <= soon
            and candidate.funding_status != FundingStatus.CONTINUOUS
        }
        keys = dict(
            Deadline.objects.filter(
                opportunity_id__in=list(closing_pages), closes_at__gt=now, closes_at__lte=soon
            )
            .order_by("-closes_at")
            .values_list("opportunity_id", "key")
        )  # the nearest deadline of each call wins: it comes last
        funder_names = {}
        if candidates:
            funder_names = {
                key: funder.name
                for key, funder in Funder.objects.by_translation_key(page.locale_id).items()
            }
        return alerts.News(
            new=[_item(candidate, funder_names) for candidate in new],
            closing=[
                (_item(candidate, funder_names), keys[pk])
                for pk, candidate in closing_pages.items()
                if pk in keys
            ],
        )

    def subject(self, new, closing, cancelled):
        if new:
            return ngettext(
                "%(count)d new funding call for your search",
                "%(count)d new funding calls for your search",
                new,
            ) % {"count": new}
        return ngettext(
            "%(count)d funding call closes within a week",
            "%(count)d funding calls close within a week",
            closing,
        ) % {"count": closing}

    def signup_heading(self):
        return _("Email me new calls matching this search")

    def signup_intro(self):
        return _(
            "We email you when a call that matches the filters above is published or opens, "
            "and a week before its deadline. No account needed; every email has a link to "
            "unsubscribe."
        )

    def form_title(self):
        return _("Email alert of new funding calls")

    def everything(self):
        return _("All open, upcoming and continuous calls")

    def new_heading(self):
        return _("New funding calls that match your search:")

    def back_text(self):
        return _("Back to the funding opportunities")
