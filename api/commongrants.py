"""Funding calls in the CommonGrants core shape, from the funding index's own filters.

`GET /common-grants/opportunities` takes the funding page's parameters (`funding.filters`)
and CommonGrants' `page`/`pageSize`; `POST /common-grants/opportunities/search` takes
CommonGrants' search body and turns it into the same parameters, so the page and the API list
the same calls for the same question. An opportunity's id is a UUID derived from its pages'
shared translation key: stable across edits and languages."""

import datetime
import uuid

from django.conf import settings
from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from wagtail.models import Page

from catalogue.models import Theme
from core.page_urls import absolute_url, urls_by_parent
from funding.filters import FILTER_PARAMS, parse_filters
from funding.models import (
    Deadline,
    Funder,
    FundingIndexPage,
    FundingOpportunityPage,
    FundingStatus,
    FundingTheme,
    field_of_activity_names,
)
from funding.querysets import localize_funders

from .events import default_locale
from .http import BadParameters
from .pagination import MAX_PAGE_SIZE, page_number, window

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, settings.BASE_URL + "/common-grants/opportunities/")
DEFAULT_PAGE_SIZE = 20
# Our statuses as CommonGrants' four values (open includes closing soon; a rolling call is
# a custom status).
STATUS_VALUES = {
    FundingStatus.UPCOMING: "forecasted",
    FundingStatus.OPEN: "open",
    FundingStatus.CLOSING_SOON: "open",
    FundingStatus.CLOSED: "closed",
    FundingStatus.CONTINUOUS: "custom",
}
SEARCH_STATUSES = {
    "forecasted": ["upcoming"],
    "open": ["open"],
    "closed": ["closed"],
    "custom": ["continuous"],
}
SORT_FIELDS = {
    "closeDate": "deadline",
    "lastModifiedAt": "newest",
    "title": "title",
    "maxAwardAmount": "amount",
}
SORT_NAMES = {value: key for key, value in SORT_FIELDS.items()}
# Our own filters beyond CommonGrants' own, in `filters.customFilters`.
CUSTOM_FILTERS = (
    "instrument",
    "funder_type",
    "theme",
    "field",
    "applicant",
    "region",
    "municipality",
    "joint",
    "deadline",
)


def opportunity_id(page):
    return str(uuid.uuid5(NAMESPACE, str(page.translation_key)))


# ---------------------------------------------------------------------------------------------
# The questions


def _funding_index(locale):
    return FundingIndexPage.objects.filter(locale=locale).first()


def _answer(request, query, page, size, *, extra=None):
    """The CommonGrants list of the calls the funding index lists for `query` (a QueryDict of
    the funding page's parameters)."""
    locale = default_locale()
    index = _funding_index(locale)
    if index is None:
        raise BadParameters([_("There is no funding index.")])
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale=locale)}
    filters = parse_filters(query, themes=themes, fields=field_of_activity_names(locale.pk))
    if filters.problems:
        raise BadParameters(filters.problems)
    now = timezone.now()
    rows = filters.apply(FundingOpportunityPage.objects.listed_in(index, now))
    if extra:
        rows = extra(rows)
    total = rows.count()
    first, pages = window(total, page, size)
    opportunities = list(rows[first : first + size])
    items = OpportunityWriter(request, locale).opportunities(opportunities, now)
    return {
        "status": 200,
        "message": "Success",
        "items": items,
        "paginationInfo": {
            "page": page,
            "pageSize": size,
            "totalItems": total,
            "totalPages": pages,
        },
        "sortInfo": {"sortBy": SORT_NAMES.get(filters.sort, "closeDate"), "sortOrder": "asc"},
    }


def _read_page(problems, page, size):
    return (
        page_number(page, "page", problems) or 1,
        page_number(size, "pageSize", problems, highest=MAX_PAGE_SIZE) or DEFAULT_PAGE_SIZE,
    )


def opportunity_list(request):
    problems = [
        _("Unknown parameter “%(name)s”.") % {"name": name[:60]}
        for name in request.GET
        if name not in ("page", "pageSize", *FILTER_PARAMS)
    ]
    page, size = _read_page(problems, request.GET.get("page"), request.GET.get("pageSize"))
    if problems:
        raise BadParameters(problems)
    query = request.GET.copy()
    query.pop("pageSize", None)
    query.pop("page", None)
    return _answer(request, query, page, size)


def opportunity_detail(request, identifier):
    locale = default_locale()
    index = _funding_index(locale)
    try:
        wanted = str(uuid.UUID(identifier))
    except ValueError:
        return None
    if index is None:
        return None
    now = timezone.now()
    # Any status, as a direct link to a closed call still works on the site.
    listed = FundingOpportunityPage.objects.listed_in(index, now)
    keys = listed.values_list("pk", "translation_key")
    found = next((pk for pk, key in keys if str(uuid.uuid5(NAMESPACE, str(key))) == wanted), None)
    if found is None:
        return None
    page = listed.get(pk=found)
    item = OpportunityWriter(request, locale).opportunities([page], now)[0]
    return {"status": 200, "message": "Success", "data": item}


def opportunity_search(request, body):
    """CommonGrants' search: `search`, `filters` (status, closeDateRange,
    totalFundingAvailableRange is not kept by us, min/maxAwardAmountRange, customFilters),
    `sorting` and `pagination`."""
    problems = []
    body = body if isinstance(body, dict) else {}
    query = QueryDict(mutable=True)
    if text := body.get("search"):
        query["q"] = str(text)
    filters = body.get("filters") or {}
    if not isinstance(filters, dict):
        problems.append(_("“filters” must be an object."))
        filters = {}
    status = filters.get("status")
    if status:
        values = status.get("value") if isinstance(status, dict) else None
        for value in values if isinstance(values, list) else [values]:
            if value in SEARCH_STATUSES:
                for ours in SEARCH_STATUSES[value]:
                    query.appendlist("status", ours)
            else:
                problems.append(_("Unknown status “%(value)s”.") % {"value": str(value)[:60]})
    for name in ("minAwardAmountRange", "maxAwardAmountRange"):
        if name in filters:
            _money_range(filters[name], name, query, problems)
    close_range = filters.get("closeDateRange")
    extra = None
    if close_range:
        value = close_range.get("value") if isinstance(close_range, dict) else None
        latest = (
            parse_date(str((value or {}).get("max") or "")) if isinstance(value, dict) else None
        )
        if latest is None:
            problems.append(_("“closeDateRange” needs a latest date “max”."))
        else:
            moment = timezone.make_aware(
                datetime.datetime.combine(latest + datetime.timedelta(days=1), datetime.time())
            )
            extra = lambda rows: rows.closing_before(moment)  # noqa: E731
    custom = filters.get("customFilters") or {}
    for name, given in custom.items() if isinstance(custom, dict) else ():
        if name not in CUSTOM_FILTERS:
            problems.append(_("Unknown filter “%(name)s”.") % {"name": str(name)[:60]})
            continue
        value = given.get("value") if isinstance(given, dict) else given
        for each in value if isinstance(value, list) else [value]:
            query.appendlist(name, str(each))
    sorting = body.get("sorting") or {}
    if sort_by := (sorting.get("sortBy") if isinstance(sorting, dict) else None):
        if sort_by not in SORT_FIELDS:
            problems.append(_("Unknown sort order “%(value)s”.") % {"value": str(sort_by)[:60]})
        else:
            query["sort"] = SORT_FIELDS[sort_by]
    pagination = body.get("pagination") or {}
    pagination = pagination if isinstance(pagination, dict) else {}
    page, size = _read_page(
        problems, _given(pagination.get("page")), _given(pagination.get("pageSize"))
    )
    if problems:
        raise BadParameters(problems)
    answer = _answer(request, query, page, size, extra=extra)
    answer["filterInfo"] = {"filters": filters}
    return answer


def _given(value):
    return "" if value is None else str(value)


def _money_range(given, name, query, problems):
    """A CommonGrants money range `{"value": {"min": Money, "max": Money}}` as the funding
    page's amount bounds (calls whose range of awards meets it)."""
    value = given.get("value") if isinstance(given, dict) else None
    bounds = {}
    for end, param in (("min", "amount_min"), ("max", "amount_max")):
        money = value.get(end) if isinstance(value, dict) else None
        amount = money.get("amount") if isinstance(money, dict) else money
        if amount is not None:
            bounds[param] = str(amount)
    if not bounds:
        problems.append(_("“%(name)s” needs a money range.") % {"name": name})
    for param, amount in bounds.items():
        query[param] = amount


# ---------------------------------------------------------------------------------------------
# The shape


def _money(amount, currency):
    return (
        {"amount": f"{amount:.2f}", "currency": currency or "EUR"} if amount is not None else None
    )


def _date(name, moment):
    if moment is None:
        return None
    day = timezone.localdate(moment) if isinstance(moment, datetime.datetime) else moment
    return {"name": name, "date": day.isoformat()}


def _custom(name, field_type, value, description=""):
    return {"name": name, "fieldType": field_type, "value": value, "description": description}


class OpportunityWriter:
    """Calls as CommonGrants opportunities, with translations, funders, themes and the next
    decision date fetched in a constant number of queries for the whole page."""

    def __init__(self, request, locale):
        self.request = request
        self.locale = locale

    def opportunities(self, pages, now):
        if not pages:
            return []
        keys = {page.translation_key: page for page in pages}
        translations = list(
            FundingOpportunityPage.objects.live()
            .public()
            .filter(translation_key__in=keys, locale__language_code__in=("sv", "en"))
            .select_related("locale")
            .only("title", "summary", "slug", "url_path", "translation_key", "locale")
        )
        self.translations = {}
        for page in translations:
            self.translations.setdefault(keys[page.translation_key].pk, {})[
                page.locale.language_code
            ] = page
        self.urls = urls_by_parent(
            ((p.pk, p.slug, p.url_path) for p in [*pages, *translations]),
            lambda pk: absolute_url(Page.objects.get(pk=pk), self.request),
        )
        localize_funders(pages, Funder.objects.by_translation_key(self.locale.pk))
        self.theme_slugs = {}
        for page_id, slug in FundingTheme.objects.filter(
            page_id__in=[p.pk for p in pages]
        ).values_list("page_id", "theme__slug"):
            self.theme_slugs.setdefault(page_id, []).append(slug)
        self.decisions = {}
        for opportunity_id_, decision in (
            Deadline.objects.filter(opportunity_id__in=[p.pk for p in pages], closes_at__gt=now)
            .exclude(decision_on=None)
            .order_by("closes_at")
            .values_list("opportunity_id", "decision_on")
        ):
            self.decisions.setdefault(opportunity_id_, decision)
        return [self._opportunity(page) for page in pages]

    def _opportunity(self, page):
        status = page.funding_status
        translations = self.translations.get(page.pk, {})
        close = page.next_closes_at or page.last_closes_at
        return {
            "id": opportunity_id(page),
            "title": page.title,
            "description": page.summary,
            "status": {
                "value": STATUS_VALUES.get(status, "custom"),
                **({"customValue": status} if STATUS_VALUES.get(status) == "custom" else {}),
                "description": str(FundingStatus(status).label),
            },
            "createdAt": page.first_published_at,
            "lastModifiedAt": page.last_published_at,
            "funding": {
                "totalAmountAvailable": _money(page.total_available, page.currency),
                "minAwardAmount": _money(page.amount_min, page.currency),
                "maxAwardAmount": _money(page.amount_max, page.currency),
            },
            "keyDates": {
                "postDate": _date(_("Opens"), page.next_opens_at or page.first_published_at),
                "closeDate": _date(_("Deadline"), close),
                "otherDates": {
                    key: value
                    for key, value in {
                        "decision": _date(_("Decisions expected"), self.decisions.get(page.pk)),
                        "lastVerified": _date(_("Last checked"), page.last_verified),
                    }.items()
                    if value
                },
            },
            "source": page.application_url or self.urls[page.pk],
            "customFields": {
                "pageUrl": _custom("pageUrl", "string", self.urls[page.pk]),
                "translations": _custom(
                    "translations",
                    "object",
                    {
                        code: {
                            "title": version.title,
                            "description": version.summary,
                            "pageUrl": self.urls[version.pk],
                        }
                        for code, version in translations.items()
                    },
                ),
                "funder": _custom("funder", "string", page.funder_local.name),
                "instrument": _custom("instrument", "string", page.instrument),
                "themes": _custom("themes", "array", self.theme_slugs.get(page.pk, [])),
                "fieldsOfActivity": _custom("fieldsOfActivity", "array", page.fields_of_activity),
                "applicantTypes": _custom("applicantTypes", "array", page.applicant_types),
                "subRegions": _custom("subRegions", "array", page.sub_regions),
                "municipalities": _custom("municipalities", "array", page.municipalities),
                "jointApplication": _custom("jointApplication", "boolean", page.joint_application),
                "selfFinancingPercent": _custom(
                    "selfFinancingPercent", "integer", page.self_financing_percent
                ),
            },
        }
