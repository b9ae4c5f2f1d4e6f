"""Spaces and equipment that associations lend, in a Linked Events-like shape, from the
lending listings' own filters (`lending.filters`); a resource's availability for a range of
days from `lending.availability`, as its page shows it: busy or free, never who booked."""

from django.utils import timezone
from django.utils.translation import gettext as _

from associations.models import AssociationPage
from core.dates import DateParamError, parse_date_param
from lending.availability import equipment_days, space_days
from lending.filters import parse_equipment_filters, parse_space_filters
from lending.models import EquipmentIndexPage, EquipmentPage, SpaceIndexPage, SpacePage

from .events import default_locale
from .http import BadParameters
from .links import PREFIX, api_url, language_versions, strip_prefix
from .pagination import envelope, page_number, read_page, window

SPACE_PARAMS = (
    "municipality",
    "region",
    "free",
    "facility",
    "access",
    "capacity",
    "date",
    "from",
    "to",
)
EQUIPMENT_PARAMS = ("municipality", "region", "free", "category", "quantity", "from", "to")
FIELDS = (
    "title",
    "slug",
    "url_path",
    "locale_id",
    "translation_key",
    "summary",
    "municipality",
    "address",
    "price_mode",
    "price_member",
    "price_other",
    "price_note",
    "booking_mode",
    "association_id",
    "last_published_at",
)
SPACE_FIELDS = (*FIELDS, "capacity", "facilities", "accessibility", "latitude", "longitude")
EQUIPMENT_FIELDS = (*FIELDS, "category", "quantity", "max_loan_days")
DEFAULT_DAYS = 14
MAX_DAYS = 62

KINDS = {
    "space": (SpacePage, SpaceIndexPage, parse_space_filters, "apply_spaces", SPACE_PARAMS),
    "equipment": (
        EquipmentPage,
        EquipmentIndexPage,
        parse_equipment_filters,
        "apply_equipment",
        EQUIPMENT_PARAMS,
    ),
}


def resource_list(request, kind):
    """The resources the listing page shows for the same filters, in its order."""
    model, index_model, parse, apply, params = KINDS[kind]
    locale = default_locale()
    problems = [
        _("Unknown parameter “%(name)s”.") % {"name": name[:60]}
        for name in request.GET
        if name not in ("page", "page_size", *params)
    ]
    page, size = read_page(request.GET, problems)
    filters = parse(request.GET)
    problems.extend(filters.problems)
    if problems:
        raise BadParameters(problems)
    listed = model.objects.live().public().filter(locale=locale)
    index = index_model.objects.filter(locale=locale).first()
    if index is not None:
        listed = listed.child_of(index)
    fields = SPACE_FIELDS if model is SpacePage else EQUIPMENT_FIELDS
    rows = getattr(filters, apply)(listed).only(*fields).order_by("title", "pk")
    count = rows.count()
    first, pages = window(count, page, size)
    resources = list(rows[first : first + size])
    data = ResourceWriter(request, kind).resources(resources)
    return envelope(request, f"{kind}/", count, page, pages, data)


def resource_detail(request, kind, identifier):
    """One resource with its availability from `start` (a date, today by default) for `days`
    days (at most 62)."""
    model = KINDS[kind][0]
    slug = strip_prefix(identifier)
    if not slug:
        return None
    problems = []
    unknown = [name for name in request.GET if name not in ("start", "days")]
    problems += [_("Unknown parameter “%(name)s”.") % {"name": name[:60]} for name in unknown]
    first = timezone.localdate()
    if raw := request.GET.get("start", "").strip():
        try:
            first = parse_date_param(raw)
        except DateParamError as error:
            problems.append(error.message)
    days = page_number(request.GET.get("days"), "days", problems, highest=MAX_DAYS) or DEFAULT_DAYS
    if problems:
        raise BadParameters(problems)
    fields = SPACE_FIELDS if model is SpacePage else EQUIPMENT_FIELDS
    resource = (
        model.objects.live()
        .public()
        .filter(locale=default_locale(), slug=slug)
        .only(*fields)
        .first()
    )
    if resource is None:
        return None
    if model is SpacePage:  # every day of the range reads them
        resource = model.objects.prefetch_related("opening_hours", "closed_dates").get(
            pk=resource.pk
        )
    data = ResourceWriter(request, kind).resources([resource])[0]
    if model is SpacePage:
        calendar = space_days(resource, first, days)
        data["availability"] = [
            {
                "date": day.date,
                "state": day.state,
                "open_hours": [[a.isoformat(), b.isoformat()] for a, b in day.open_hours],
                "busy": [[a.isoformat(), b.isoformat()] for a, b in day.busy],
            }
            for day in calendar
        ]
    else:
        data["availability"] = [
            {"date": day.date, "state": day.state, "free": day.free_count}
            for day in equipment_days(resource, first, days)
        ]
    return data


class ResourceWriter:
    """Resources with their owners' names and their pages in every language, in a constant
    number of queries. Nothing personal: no contact person or address of a person."""

    def __init__(self, request, kind):
        self.request = request
        self.kind = kind

    def resources(self, resources):
        if not resources:
            return []
        model = KINDS[self.kind][0]
        versions, urls = language_versions(model, resources, self.request)
        owners = dict(
            AssociationPage.objects.filter(
                pk__in={r.association_id for r in resources}
            ).values_list("pk", "slug")
        )
        return [self._resource(r, versions[r.pk], urls, owners) for r in resources]

    def _resource(self, resource, versions, urls, owners):
        identifier = f"{PREFIX}:{resource.slug}"
        owner = owners.get(resource.association_id)
        data = {
            "id": identifier,
            "@id": api_url(f"{self.kind}/{identifier}/"),
            "@context": "http://schema.org",
            "@type": "Place" if self.kind == "space" else "Product",
            "data_source": PREFIX,
            "name": {code: page.title for code, page in versions.items()},
            "description": {code: page.summary for code, page in versions.items()},
            "info_url": {code: urls[page.pk] for code, page in versions.items()},
            "publisher": f"{PREFIX}:{owner}" if owner else None,
            "municipality": resource.municipality,
            "street_address": {"fi": resource.address} if resource.address else None,
            "price_mode": resource.price_mode,
            "price_member": resource.price_member,
            "price_other": resource.price_other,
            "price_note": {"fi": resource.price_note} if resource.price_note else None,
            "booking_mode": resource.booking_mode,
            "last_modified_time": resource.last_published_at,
        }
        if self.kind == "space":
            data.update(
                capacity=resource.capacity,
                facilities=resource.facilities,
                accessibility=resource.accessibility,
                position={
                    "type": "Point",
                    "coordinates": [float(resource.longitude), float(resource.latitude)],
                }
                if resource.latitude is not None and resource.longitude is not None
                else None,
            )
        else:
            data.update(
                category=resource.category,
                quantity=resource.quantity,
                max_loan_days=resource.max_loan_days,
            )
        return data
