"""The one parser of funding filters, for the HTML index, the CSV export and the feeds.

It reads a QueryDict and gives back the valid filters and a list of problems. The HTML page
ignores invalid values and shows the problems as a note (status 200); the CSV and the feed
answer 400 with the same messages.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _

from core.query_params import BaseFilters, QueryReader
from core.regions import Municipality, SubRegion

from .models import ZONE, ApplicantType, FunderType, FundingStatus, Instrument
from .querysets import DEFAULT_STATUSES, OPEN_STATUSES

MAX_QUERY_LENGTH = 200
MAX_AMOUNT = Decimal("100000000")
SORT_CHOICES = ("deadline", "newest", "amount", "title")
# The parameters a filtered view passes on to its CSV and feed URLs.
FILTER_PARAMS = (
    "q",
    "status",
    "instrument",
    "funder_type",
    "theme",
    "field",
    "applicant",
    "region",
    "municipality",
    "amount_min",
    "amount_max",
    "joint",
    "deadline",
    "sort",
)
DEADLINE_CHOICES = ("this_month", "30_days", "90_days")
# Field-of-activity codes of funding's own list from before calls took the directory's fields:
# links and saved alerts made then still name them.
RETIRED_FIELD_CODES = {"culture_sport": ("culture", "sport")}


def deadline_labels():
    """{deadline window: its label in the active language}, in `DEADLINE_CHOICES` order."""
    return {
        "this_month": _("Closes this month"),
        "30_days": _("Closes within 30 days"),
        "90_days": _("Closes within 90 days"),
    }


def sort_labels():
    """The labels of `SORT_CHOICES` in the active language, in the same order."""
    return [_("Deadline"), _("Newest"), _("Largest amount"), _("Title")]


@dataclass
class FundingFilters(BaseFilters):
    """Valid filters, ready to apply to a `FundingOpportunityQuerySet`."""

    q: str = ""
    statuses: list = field(default_factory=list)
    instruments: list = field(default_factory=list)
    funder_types: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    fields: list = field(default_factory=list)
    applicants: list = field(default_factory=list)
    regions: list = field(default_factory=list)
    municipalities: list = field(default_factory=list)
    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    joint: bool = False
    deadline: str = ""
    sort: str = "deadline"
    page: str = "1"

    presentation = ("sort", "page")

    @property
    def effective_statuses(self):
        """The statuses shown: open (closing soon included), upcoming and continuous unless
        the visitor chose others."""
        if not self.statuses:
            return list(DEFAULT_STATUSES)
        chosen = set(self.statuses)
        if "open" in chosen:
            chosen.update(OPEN_STATUSES)
        return [status for status in FundingStatus.values if status in chosen]

    def apply(self, opportunities):
        """Narrow `opportunities` (annotated by `with_status()`) and sort them."""
        opportunities = opportunities.with_statuses(*self.effective_statuses)
        if self.instruments:
            opportunities = opportunities.of_instrument(*self.instruments)
        if self.funder_types:
            opportunities = opportunities.of_funder_type(*self.funder_types)
        if self.themes:
            opportunities = opportunities.with_theme(*self.themes)
        if self.fields:
            opportunities = opportunities.for_field(*self.fields)
        if self.applicants:
            opportunities = opportunities.for_applicant(*self.applicants)
        if self.regions:
            opportunities = opportunities.in_region(*self.regions)
        if self.municipalities:
            opportunities = opportunities.in_municipality(*self.municipalities)
        if self.amount_min is not None or self.amount_max is not None:
            opportunities = opportunities.amount_between(self.amount_min, self.amount_max)
        if self.joint:
            opportunities = opportunities.joint()
        if self.deadline:
            opportunities = opportunities.closing_before(deadline_bound(self.deadline))
        if self.q:
            opportunities = opportunities.search(self.q)
        if self.sort == "newest":
            return opportunities.newest()
        if self.sort == "amount":
            return opportunities.largest()
        if self.sort == "title":
            return opportunities.order_by("title", "pk")
        return opportunities.by_deadline()


def deadline_bound(choice, now=None):
    """The end of the deadline window `choice` ("this_month": the end of the current month in
    Helsinki time; "30_days", "90_days")."""
    now = timezone.localtime(now or timezone.now(), ZONE)
    if choice == "this_month":
        first_of_next = (now.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return datetime.datetime.combine(first_of_next, datetime.time(), tzinfo=ZONE)
    return now + datetime.timedelta(days=int(choice.split("_")[0]))


def _amount(reader, name):
    """The non-negative amount in euros ("1 500", "1500,50") in `name`, or None (noted when
    it is not one)."""
    raw = reader.single(name)
    if not raw:
        return None
    cleaned = raw.replace("\u00a0", "").replace(" ", "").replace("€", "").replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or value < 0 or value > MAX_AMOUNT:
        reader.problems.append(
            _("“%(value)s” is not an amount in euros, so it was ignored.") % {"value": raw[:60]}
        )
        return None
    return value


def parse_filters(query, *, themes, fields):
    """Parse `query` (a QueryDict) given the known theme and field-of-activity slugs."""
    result = FundingFilters()
    problems = result.problems
    theme_slugs = set(themes)
    field_slugs = set(fields)

    reader = QueryReader(query, problems)
    multi = reader.multi

    result.q = reader.text("q", MAX_QUERY_LENGTH)

    result.statuses = multi(
        "status", FundingStatus.values, _("Unknown status “%(value)s” was ignored.")
    )
    result.instruments = multi(
        "instrument", Instrument.values, _("Unknown type of funding “%(value)s” was ignored.")
    )
    result.funder_types = multi(
        "funder_type", FunderType.values, _("Unknown type of funder “%(value)s” was ignored.")
    )
    result.themes = multi("theme", theme_slugs, _("Unknown theme “%(value)s” was ignored."))
    chosen_fields = multi(
        "field",
        field_slugs | set(RETIRED_FIELD_CODES),
        _("Unknown field of activity “%(value)s” was ignored."),
    )
    result.fields = list(
        dict.fromkeys(
            slug
            for value in chosen_fields
            for slug in RETIRED_FIELD_CODES.get(value, (value,))
            if slug in field_slugs
        )
    )
    result.applicants = multi(
        "applicant", ApplicantType.values, _("Unknown type of applicant “%(value)s” was ignored.")
    )
    result.regions = multi(
        "region", SubRegion.values, _("Unknown sub-region “%(value)s” was ignored.")
    )
    result.municipalities = multi(
        "municipality", Municipality.values, _("Unknown municipality “%(value)s” was ignored.")
    )

    result.amount_min = _amount(reader, "amount_min")
    result.amount_max = _amount(reader, "amount_max")
    if (
        result.amount_min is not None
        and result.amount_max is not None
        and result.amount_min > result.amount_max
    ):
        problems.append(
            _("The smallest amount was larger than the largest, so the amounts were ignored.")
        )
        result.amount_min = result.amount_max = None

    result.joint = reader.flag("joint")
    result.deadline = reader.choice(
        "deadline", DEADLINE_CHOICES, _("Unknown deadline window “%(value)s” was ignored.")
    )
    result.sort = reader.choice(
        "sort", SORT_CHOICES, _("Unknown sort order “%(value)s” was ignored."), default="deadline"
    )
    result.page = reader.page()
    return result
