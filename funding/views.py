"""The funding views: the filtered index and one opportunity (what those pages hand their
requests to, see `core.pages`), the CSV export and the deadline feeds. They ask the querysets
and the filter parser; they build no queries of their own beyond choosing which ones to run."""

import datetime
import io

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header, urlencode
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from calendars import store
from calendars.http import bad_request, feed_response, not_found
from calendars.types import CalendarMeta
from catalogue.models import Theme
from core import alerts, news
from core.csv import SafeWriter
from core.page_urls import absolute_url, site_url, urls_by_parent
from core.regions import Municipality, SubRegion

from .alerts import canonical_query
from .feeds import FEED_HISTORY, OPPORTUNITY_EVENTS, amount_text, deadline_uids
from .filters import FILTER_PARAMS, SORT_CHOICES, deadline_labels, parse_filters, sort_labels
from .jsonld import opportunity_json_ld
from .models import (
    ZONE,
    ApplicantType,
    Funder,
    FunderType,
    FundingGuidePage,
    FundingIndexPage,
    FundingOpportunityPage,
    FundingStatus,
    Instrument,
    field_of_activity_names,
)
from .querysets import DEFAULT_STATUSES, localize_funders

HIGHLIGHT_COUNT = 5
NEW_DAYS = 30


def filter_querystring(query):
    """The filter parameters of `query` (no page number), for the CSV and feed links."""
    pairs = [(name, value) for name in FILTER_PARAMS for value in query.getlist(name) if value]
    return urlencode(pairs)


def _with_query(url, querystring):
    return f"{url}?{querystring}" if querystring else url


def feed_urls(index, request):
    querystring = filter_querystring(request.GET)
    feed = _with_query(reverse("funding_deadlines_ics", args=[index.pk]), querystring)
    export = _with_query(reverse("funding_csv", args=[index.pk]), querystring)
    return site_url(feed), export


def reader_urls(index, querystring):
    """{"rss": …, "atom": …}: the absolute addresses of this filtered list for a news reader."""
    with override(index.locale.language_code):
        paths = {kind: reverse(f"funding_{kind}", args=[index.pk]) for kind in ("rss", "atom")}
    tail = f"?{querystring}" if querystring else ""
    return {kind: settings.BASE_URL + path + tail for kind, path in paths.items()}


def index_context(page, request):
    now = timezone.now()
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale_id=page.locale_id)}
    fields = field_of_activity_names(page.locale_id)
    filters = parse_filters(request.GET, themes=themes, fields=fields)
    funders = Funder.objects.by_translation_key(page.locale_id)
    opportunities = FundingOpportunityPage.objects.listed_in(page, now)
    paginator = Paginator(filters.apply(opportunities), page.page_size)
    page_obj = paginator.get_page(filters.page)
    localize_funders(page_obj.object_list, funders)
    context = {
        "filters": filters,
        "page_obj": page_obj,
        "result_count": paginator.count,
        "themes": sorted(themes.values(), key=lambda theme: (theme.sort_order, theme.name)),
        "status_choices": FundingStatus.choices,
        "instrument_choices": Instrument.choices,
        "funder_type_choices": FunderType.choices,
        "field_choices": list(fields.items()),
        "applicant_choices": ApplicantType.choices,
        "region_choices": SubRegion.choices,
        "municipality_choices": Municipality.choices,
        "sort_choices": list(zip(SORT_CHOICES, sort_labels(), strict=True)),
        "deadline_choices": list(deadline_labels().items()),
        "funding_news": news.latest(page.locale_id, "funding_news", 3),
        "guide": FundingGuidePage.objects.child_of(page).live().only("title", "url_path").first(),
    }
    context["feed_url"], context["csv_url"] = feed_urls(page, request)
    context["readers"] = reader_urls(page, filter_querystring(request.GET))
    context["alert"] = alerts.signup(request, page, canonical_query(filters))
    context["feed_title"] = _("Funding deadlines: %(site)s") % {"site": page.title}
    if not filters.is_filtered and filters.page == "1":
        closing = list(opportunities.with_statuses("closing_soon").by_deadline()[:HIGHLIGHT_COUNT])
        new = list(
            opportunities.with_statuses(*DEFAULT_STATUSES).published_since(
                now - datetime.timedelta(days=NEW_DAYS)
            )[:HIGHLIGHT_COUNT]
        )
        context["closing_soon"] = localize_funders(closing, funders)
        context["new_opportunities"] = localize_funders(new, funders)
    return context


# ---------------------------------------------------------------------------------------------
# One opportunity


def localized_themes(page):
    keys = [link.theme.translation_key for link in page.theme_links.all()]
    localized = {
        theme.translation_key: theme
        for theme in Theme.objects.filter(translation_key__in=keys, locale_id=page.locale_id)
    }
    return [
        localized.get(link.theme.translation_key, link.theme) for link in page.theme_links.all()
    ]


def opportunity_context(page, request):
    now = timezone.now()
    status = (
        FundingOpportunityPage.objects.filter(pk=page.pk)
        .with_status(now)
        .values("funding_status", "next_closes_at", "next_opens_at", "next_all_day")
        .first()
    ) or {"funding_status": FundingStatus.CLOSED, "next_closes_at": None}
    funder = (
        Funder.objects.filter(
            translation_key=page.funder.translation_key, locale_id=page.locale_id
        ).first()
        or page.funder
    )
    deadlines = list(page.deadlines.order_by("closes_at"))
    for deadline in deadlines:
        deadline.is_past = deadline.closes_at <= now
    trainings = [
        link.training.localized
        for link in page.training_links.select_related("training")
        if link.training.live
    ]
    return {
        "status": status["funding_status"],
        "status_label": FundingStatus(status["funding_status"]).label,
        "next_closes_at": status["next_closes_at"],
        "next_all_day": status.get("next_all_day"),
        "deadlines": deadlines,
        "funder_local": funder,
        "opportunity_themes": localized_themes(page),
        "related_trainings": [t for t in trainings if t.live],
        "amount_text": amount_text(page),
        "ics_url": reverse("funding_opportunity_ics", args=[page.uid]),
        "json_ld": opportunity_json_ld(
            page, request, funder=funder, next_closes_at=status["next_closes_at"]
        ),
        "funding_index": page.get_parent().specific_deferred if page.depth else None,
    }


# ---------------------------------------------------------------------------------------------
# CSV export and feeds


def index_or_404(index_id):
    return get_object_or_404(FundingIndexPage.objects.live().public(), pk=index_id)


def _local(moment, all_day=False):
    if moment is None:
        return ""
    local = timezone.localtime(moment, ZONE)
    return local.strftime("%Y-%m-%d") if all_day else local.strftime("%Y-%m-%d %H:%M")


def _number(value):
    if value is None:
        return ""
    return str(int(value)) if value == value.to_integral_value() else str(value).replace(".", ",")


# What a CSV row reads (`funder_*`: the funder in the page's own language, the fallback when
# the index's language has no translation of it).
CSV_COLUMNS = (
    "pk",
    "slug",
    "url_path",
    "title",
    "programme",
    "funding_status",
    "instrument",
    "amount_min",
    "amount_max",
    "total_available",
    "next_opens_at",
    "next_closes_at",
    "next_all_day",
    "joint_application",
    "application_url",
    "last_verified",
    "funder_key",
    "funder_name",
    "funder_type",
)


def csv_rows(index, query, now=None):
    """(header, rows) of the CSV export: exactly the opportunities the index lists for
    `query`, all pages, in the same order. None when the filters are invalid."""
    themes = Theme.objects.filter(locale_id=index.locale_id).values_list("slug", flat=True)
    filters = parse_filters(query, themes=themes, fields=field_of_activity_names(index.locale_id))
    if not filters.is_valid:
        return filters, None, None
    # Plain value rows, not pages: building thousands of page objects (and their funders) was
    # most of the export's time.
    listed = filters.apply(FundingOpportunityPage.objects.listed_in(index, now)).annotate(
        funder_key=F("funder__translation_key"),
        funder_name=F("funder__name"),
        funder_type=F("funder__funder_type"),
    )
    rows = list(listed.values_list(*CSV_COLUMNS, named=True))
    funders = {
        key: (funder.name, funder.funder_type)
        for key, funder in Funder.objects.by_translation_key(index.locale_id).items()
    }
    header = [
        _("Title"),
        _("Funder"),
        _("Type of funder"),
        _("Programme or call"),
        _("Status"),
        _("Type of funding"),
        _("Minimum award (EUR)"),
        _("Maximum award (EUR)"),
        _("Total available (EUR)"),
        _("Opens"),
        _("Deadline (Helsinki time)"),
        _("Suits a joint application"),
        _("Application address"),
        _("Page"),
        _("Last verified"),
    ]
    # Labels looked up once: `get_FOO_display()` rebuilds a dict of every (lazy) label per call.
    funder_types = {value: str(label) for value, label in FunderType.choices}
    statuses = {value: str(label) for value, label in FundingStatus.choices}
    instruments = {value: str(label) for value, label in Instrument.choices}
    yes, no = _("yes"), _("no")
    urls = urls_by_parent(
        ((row.pk, row.slug, row.url_path) for row in rows),
        lambda pk: absolute_url(FundingOpportunityPage.objects.get(pk=pk)),
    )
    lines = []
    for row in rows:
        funder_name, funder_type = funders.get(row.funder_key, (row.funder_name, row.funder_type))
        lines.append(
            [
                row.title,
                funder_name,
                funder_types.get(funder_type, funder_type),
                row.programme,
                statuses[row.funding_status],
                instruments.get(row.instrument, row.instrument),
                _number(row.amount_min),
                _number(row.amount_max),
                _number(row.total_available),
                _local(row.next_opens_at, all_day=True),
                _local(row.next_closes_at, all_day=bool(row.next_all_day)),
                yes if row.joint_application else no,
                row.application_url,
                urls[row.pk],
                row.last_verified.isoformat() if row.last_verified else "",
            ]
        )
    return filters, header, lines


def csv_view(request, index_id):
    index = index_or_404(index_id)
    with override(index.locale.language_code):
        filters, header, rows = csv_rows(index, request.GET)
        if header is None:
            return bad_request("\n".join(str(problem) for problem in filters.problems))
        buffer = io.StringIO()
        # A BOM tells Excel the file is UTF-8 (ä, ö); a semicolon is the list separator of
        # Finnish and Swedish Excel, where the comma is the decimal point.
        buffer.write("\ufeff")
        writer = SafeWriter(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
    # Translators: the file name of the CSV export; keep %(date)s and the .csv ending.
    filename = _("funding-%(date)s.csv") % {"date": f"{timezone.localdate():%Y-%m-%d}"}
    response = HttpResponse(
        buffer.getvalue().encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Robots-Tag"] = "noindex"
    return response


def feed_filters(request, index):
    """The filters of a feed of `index` from the query, or a plain-text 400 with the reasons
    (in the index's language)."""
    themes = Theme.objects.filter(locale_id=index.locale_id).values_list("slug", flat=True)
    fields = field_of_activity_names(index.locale_id)
    with override(index.locale.language_code):
        filters = parse_filters(request.GET, themes=themes, fields=fields)
        if not filters.is_valid:
            return bad_request("\n".join(str(problem) for problem in filters.problems))
    return filters


def deadlines_ics_view(request, index_id):
    index = index_or_404(index_id)
    language = index.locale.language_code
    filters = feed_filters(request, index)
    if isinstance(filters, HttpResponse):
        return filters
    now = timezone.now()
    querystring = filter_querystring(request.GET)

    def build():
        with override(language):
            pages = filters.apply(FundingOpportunityPage.objects.listed_in(index, now))
            events = store.blocks(
                OPPORTUNITY_EVENTS.name,
                language,
                pages.values("pk"),
                since=now - FEED_HISTORY,
            )
            meta = CalendarMeta(
                name=_("Funding deadlines: %(site)s") % {"site": index.title},
                description=_("Deadlines and opening dates of funding calls for associations."),
                url=_with_query(absolute_url(index), querystring),
                source=site_url(request.get_full_path()),
                language=language,
            )
            return store.calendar(meta, events)

    # Statuses change with the clock, so the cached copy lasts at most the hour.
    return feed_response(
        request,
        cache_key=f"funding:deadlines:{index.pk}:{language}:{now:%Y%m%d%H}:{querystring}",
        build=build,
        filename=f"{index.slug}-deadlines.ics",
        fast_for=_seconds_to_next_hour(now),
    )


def _seconds_to_next_hour(now):
    return 3600 - (int(now.timestamp()) % 3600)


def opportunity_ics_view(request, uid):
    """'Add the deadline to my calendar': a one-event file with reminders, of the deadlines
    still ahead. A call whose rounds have all ended answers 404 with the reason (the page no
    longer offers the file): an empty calendar would import nothing without a word."""
    candidates = list(
        FundingOpportunityPage.objects.live()
        .public()
        .filter(uid=uid)
        .select_related("locale", "funder")
        .defer_streamfields()
    )
    language = get_language() or "fi"
    page = next((p for p in candidates if p.locale.language_code == language), None) or next(
        iter(candidates), None
    )
    if page is None:
        raise Http404("No such funding opportunity")
    now = timezone.now()
    ahead = list(page.deadlines.filter(closes_at__gt=now).order_by("closes_at", "pk"))
    if not ahead:
        with override(page.locale.language_code):
            return not_found(
                _(
                    "“%(title)s” has no deadline ahead: the call is closed, so there is "
                    "nothing to add to a calendar. See the call's page for its next round."
                )
                % {"title": page.title}
            )

    def build():
        language = page.locale.language_code
        events = store.blocks(
            OPPORTUNITY_EVENTS.name,
            language,
            [page.pk],
            uids=deadline_uids(page, ahead),
            since=now - FEED_HISTORY,
        )
        return store.calendar(CalendarMeta(name=None, language=language), events)

    # The deadlines ahead change with the clock: a passed one leaves the file.
    until_passed = int((ahead[0].closes_at - now).total_seconds()) + 1
    return feed_response(
        request,
        cache_key=f"funding:opportunity:{page.pk}:{page.last_published_at}:{page.sequence}:"
        f"{ahead[0].pk}",
        build=build,
        filename=f"{page.slug}.ics",
        fast_for=min(until_passed, _seconds_to_next_hour(now)),
    )
