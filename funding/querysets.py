"""Queries that the funding index, the CSV export, the deadline feeds, the alerts and the home
page share.

The status of a call is computed here, in the database, from the deadline table and the
clock: listings of any size take the same number of queries and nothing is stored by hand.

The models attach these querysets, so this module imports no model: a queryset reaches the
tables it joins through its model's relations (`self.model`).
"""

import datetime
import functools
import operator

from django.conf import settings
from django.db import models
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from wagtail.query import PageQuerySet

from core import search_index
from core.regions import SUB_REGION_OF, Municipality

OPEN_STATUSES = ("open", "closing_soon")
DEFAULT_STATUSES = ("open", "closing_soon", "upcoming", "continuous")
# The statuses of a scheduled call whose next deadline is still ahead.
AHEAD_STATUSES = frozenset({"open", "closing_soon", "upcoming"})
# `Timing.CONTINUOUS` of the models: a rolling call, open whatever its rounds say.
CONTINUOUS = "continuous"


def closing_soon_days():
    """How many days before its deadline a call counts as closing soon."""
    return int(getattr(settings, "FUNDING_CLOSING_SOON_DAYS", 14))


def _token(value):
    return f"|{value}|"


def stale_listing(now):
    """Rows whose stored next deadline no longer holds at `now`: it has passed, or the row
    was computed later than `now` (or never)."""
    return (
        Q(listing_next_closes_at__lte=now)
        | Q(listing_computed_at__gt=now)
        | Q(listing_computed_at__isnull=True)
    )


class DeadlineQuerySet(models.QuerySet):
    def in_locale(self, locale):
        return self.filter(locale=locale)

    def closing_after(self, moment):
        return self.filter(closes_at__gt=moment)


class FunderQuerySet(models.QuerySet):
    def by_translation_key(self, locale_id):
        """The funders of a language keyed by translation key (one query)."""
        return {f.translation_key: f for f in self.filter(locale_id=locale_id)}


def localize_funders(pages, funders):
    """Give each page `funder_local`, its funder in the page's language (`funders` as
    `by_translation_key` gives them)."""
    for page in pages:
        page.funder_local = funders.get(page.funder.translation_key, page.funder)
    return pages


class FundingOpportunityQuerySet(PageQuerySet):
    def listed_in(self, index, now=None):
        """The live, public calls of a funding index with their status, as listed."""
        return self.child_of(index).live().public().with_status(now).for_listing()

    def refresh_stale_listings(self, now):
        """Recompute the `listing_*` columns of stale rows (of the whole table) from the
        deadline table in one UPDATE; the number of rows. Usually there are none: the nightly
        `extend_funding_deadlines` and publishing keep them fresh, and the first request after
        a deadline passes heals it."""
        stale = self.model._default_manager.filter(stale_listing(now))
        if not stale.exists():
            return 0
        deadlines = self.model._meta.get_field("deadlines").related_model.objects
        ahead = deadlines.filter(opportunity=OuterRef("pk"), closes_at__gt=now).order_by(
            "closes_at", "pk"
        )
        latest = deadlines.filter(opportunity=OuterRef("pk")).order_by("-closes_at")
        return stale.update(
            listing_next_closes_at=Subquery(ahead.values("closes_at")[:1]),
            listing_next_opens_at=Subquery(ahead.values("opens_at")[:1]),
            listing_next_all_day=Coalesce(Subquery(ahead.values("all_day")[:1]), Value(False)),
            listing_last_closes_at=Subquery(latest.values("closes_at")[:1]),
            listing_computed_at=Value(now, output_field=models.DateTimeField()),
        )

    def with_status(self, now=None):
        """Annotate `funding_status`, the next round's dates and the last deadline.

        upcoming: the next round has not opened yet; closing_soon: it closes within
        `closing_soon_days()`; open: otherwise open; closed: no deadline ahead; continuous:
        a rolling call, whatever its rounds say.

        They are read from the stored `listing_*` columns, so a listing is one plain query
        over the page table. Rows whose stored next deadline has passed are brought up to
        date first (`refresh_stale_listings`: one indexed query, and an UPDATE of those rows
        only when there are any).
        """
        now = now or timezone.now()
        self.refresh_stale_listings(now)
        soon = now + datetime.timedelta(days=closing_soon_days())
        annotated = self.annotate(
            next_closes_at=F("listing_next_closes_at"),
            next_opens_at=F("listing_next_opens_at"),
            next_all_day=F("listing_next_all_day"),
            last_closes_at=F("listing_last_closes_at"),
            funding_status=Case(
                When(timing=CONTINUOUS, then=Value("continuous")),
                When(listing_next_closes_at__isnull=True, then=Value("closed")),
                When(listing_next_opens_at__gt=now, then=Value("upcoming")),
                When(listing_next_closes_at__lte=soon, then=Value("closing_soon")),
                default=Value("open"),
                output_field=models.CharField(),
            ),
        )
        annotated._status_moment = (now, soon)
        return annotated

    def _clone(self):
        clone = super()._clone()
        clone._status_moment = getattr(self, "_status_moment", None)
        return clone

    def with_statuses(self, *statuses):
        """Calls in any of these statuses (needs `with_status()` first).

        The same conditions as `funding_status`, written on the stored columns rather than
        on the computed status, so that the database can use the index on the next deadline
        (the "closing soon" calls are a short range of it)."""
        now, soon = self._status_moment
        scheduled = ~Q(timing=CONTINUOUS)
        opened = Q(listing_next_opens_at__isnull=True) | Q(listing_next_opens_at__lte=now)
        conditions = {
            "continuous": Q(timing=CONTINUOUS),
            "closed": scheduled & Q(listing_next_closes_at__isnull=True),
            "upcoming": scheduled
            & Q(listing_next_closes_at__isnull=False, listing_next_opens_at__gt=now),
            "closing_soon": scheduled & Q(listing_next_closes_at__lte=soon) & opened,
            "open": scheduled & Q(listing_next_closes_at__gt=soon) & opened,
            # open, closing soon and upcoming together: one condition instead of three, which
            # the default listing's count checks on every row
            "ahead": scheduled & Q(listing_next_closes_at__isnull=False),
        }
        if not statuses:
            return self.none()
        wanted = set(statuses)
        if wanted.issuperset(AHEAD_STATUSES):
            wanted = (wanted - AHEAD_STATUSES) | {"ahead"}
        return self.filter(functools.reduce(operator.or_, (conditions[s] for s in sorted(wanted))))

    def by_deadline(self):
        """The nearest deadline first; continuous calls after them, then closed ones."""
        return self.order_by(
            F("next_closes_at").asc(nulls_last=True), F("last_closes_at").desc(), "title", "pk"
        )

    def newest(self):
        return self.order_by(F("first_published_at").desc(nulls_last=True), "pk")

    def published_since(self, moment):
        """Calls first published at `moment` or later, the newest first.

        Ordered by the plain column (the filter leaves no NULL to place last), which is the
        order of the page table's index read backwards: PostgreSQL stops after the first
        rows instead of sorting every recent call."""
        return self.filter(first_published_at__gte=moment).order_by("-first_published_at", "pk")

    def largest(self):
        return self.order_by(F("amount_max").desc(nulls_last=True), "title", "pk")

    def of_instrument(self, *instruments):
        return self.filter(instrument__in=instruments)

    def of_funder_type(self, *types):
        return self.filter(funder__funder_type__in=types)

    def with_theme(self, *slugs):
        theme_links = self.model._meta.get_field("theme_links").related_model.objects
        return self.filter(Exists(theme_links.filter(page=OuterRef("pk"), theme__slug__in=slugs)))

    def _any_token(self, values):
        query = Q()
        for value in values:
            query |= Q(filter_tokens__contains=_token(value))
        return self.filter(query)

    def for_field(self, *fields):
        """Calls open to any of these fields of activity (or to every field)."""
        return self._any_token(["f:*", *(f"f:{value}" for value in fields)])

    def tagged_with_field(self, *fields):
        """Calls tagged with any of these fields of activity (not those open to every field)."""
        if not fields:
            return self.none()
        return self._any_token([f"f:{value}" for value in fields])

    def for_applicant(self, *types):
        return self._any_token(["a:any", *(f"a:{value}" for value in types)])

    def in_municipality(self, *municipalities):
        """Calls an association of one of these municipalities can apply for."""
        tokens = ["m:*"]
        for code in municipalities:
            tokens += [f"m:{code}", f"r:{SUB_REGION_OF[Municipality(code)]}"]
        return self._any_token(tokens)

    def in_region(self, *sub_regions):
        return self._any_token(["m:*", *(f"r:{code}" for code in sub_regions)])

    def joint(self):
        return self.filter(joint_application=True)

    def closing_before(self, moment, now=None):
        """Calls whose next deadline is ahead and no later than `moment` (needs
        `with_status()`)."""
        return self.filter(next_closes_at__gt=now or timezone.now(), next_closes_at__lte=moment)

    def amount_between(self, low=None, high=None):
        """Calls whose award range overlaps [low, high]; an amount not given matches anything."""
        query = Q()
        if low is not None:
            query &= Q(amount_max__gte=low) | Q(amount_max__isnull=True)
        if high is not None:
            query &= Q(amount_min__lte=high) | Q(amount_min__isnull=True)
        return self.filter(query)

    def search(self, text):
        """The calls the site search finds for `text` in the active language (inflected
        forms, compound parts, the funder, programme and themes; one subquery)."""
        return self.filter(pk__in=search_index.page_ids(text, "funding"))

    def for_listing(self):
        """What a listing row, the CSV and the feed read, without the stream fields."""
        return self.defer_streamfields().select_related("funder", "locale")
