"""The routes of the read API: `/api/v1/` (Linked Events shapes) and `/common-grants/`
(CommonGrants), one django-ninja API so that one OpenAPI document describes both. The
operations read the query string through the apps' own filter parsers; the parameters are
declared here for the OpenAPI document."""

from typing import Any

from ninja import NinjaAPI, Query, Router, Schema
from ninja.errors import HttpError, ValidationError

from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import commongrants, directory, events, lending
from .http import browser_methods, error_response, json_answer, too_many_requests


class SiteRootAPI(NinjaAPI):
    """A django-ninja API mounted at the site root: its paths are written from the root, and it
    adds no view of its own at "/" (the language redirect lives there)."""

    def get_root_path(self, path_params):
        return "/"

    def _get_urls(self):
        urls = [url for url in super()._get_urls() if getattr(url, "name", "") != "api-root"]
        for url in urls:
            # The document and its page are plain views of GET; the rest are routes.
            only_get = url.name in ("openapi-json", "openapi-view")
            url.callback = browser_methods(url.callback, ("GET",) if only_get else None)
        return urls


def limited(view):
    """The API's rate limit around a view of its own (the OpenAPI document, the docs page)."""

    def wrapper(request, *args, **kwargs):
        return too_many_requests(request) or view(request, *args, **kwargs)

    return wrapper


api = SiteRootAPI(
    title=gettext_lazy("Meidän Häme open data"),
    version="1",
    description=gettext_lazy(
        "Events, places, themes, associations, spaces and equipment of Meidän Häme in the "
        "Linked Events v1 shape, and funding calls in the CommonGrants shape. Read-only, "
        "public, no key needed."
    ),
    openapi_url="/api/v1/openapi.json",
    docs_url="/api/v1/docs/",
    docs_decorator=limited,
    urls_namespace="api",
)


@api.exception_handler(ValidationError)
def bad_parameters(request, exc):
    # django-ninja's own check of the declared types (422 by default): a 400 with reasons in
    # the client's language, as the apps' parsers give.
    reasons = [
        _("The value of “%(name)s” is not valid.")
        % {"name": ".".join(str(part) for part in error.get("loc", ())[1:]) or "body"}
        for error in exc.errors
    ]
    return error_response(400, reasons)


@api.exception_handler(Http404)
def not_found(request, exc):
    # Django's LocaleMiddleware turns a 404 into a redirect to /fi/… when the language-prefixed
    # path would match (Wagtail's catch-all always does); the API's own URL conf has no
    # language prefixes, so naming it keeps an API 404 a 404.
    request.urlconf = "api.urls"
    return error_response(404, [_("Not found.")])


@api.exception_handler(HttpError)
def http_error(request, exc):
    return error_response(exc.status_code, [str(exc)])


linked_events = Router(tags=["Linked Events"])


@linked_events.get(
    "event/",
    summary=gettext_lazy("Events"),
    description=gettext_lazy(
        "Upcoming events in the Linked Events v1 shape, as the catalogue lists them for the "
        "same filters. With show_deleted=true, the events unpublished, deleted or made "
        "private (since last_modified_since) follow them, each with only its id, name, "
        "last_modified_time and deleted: true."
    ),
)
def event_list(
    request,
    start: str | None = None,
    end: str | None = None,
    days: int | None = None,
    keyword: str | None = None,
    location: str | None = None,
    publisher: str | None = None,
    text: str | None = None,
    event_status: str | None = None,
    super_event: str | None = None,
    hide_recurring_children: bool | None = None,
    last_modified_since: str | None = None,
    show_deleted: bool | None = None,
    include: str | None = None,
    page: int | None = None,
    page_size: int | None = None,
):
    return json_answer(request, lambda: events.event_list(request))


@linked_events.get("event/{event_id}/", summary=gettext_lazy("One event"))
def event_detail(request, event_id: str, include: str | None = None):
    return json_answer(request, lambda: _found(events.event_detail(request, event_id)))


def _found(value):
    if value is None:
        raise Http404
    return value


def _list_route(path, summary, build, **declared):
    """A plain list of the API: `page`, `page_size` and the `declared` filters."""

    def operation(request, page: int | None = None, page_size: int | None = None):
        return json_answer(request, lambda: build(request))

    linked_events.get(path, summary=summary, operation_id=path.strip("/") + "_list")(operation)


def _detail_route(path, summary, build):
    def operation(request, identifier: str):
        return json_answer(request, lambda: _found(build(request, identifier)))

    linked_events.get(path + "{identifier}/", summary=summary, operation_id=path.strip("/"))(
        operation
    )


_list_route("place/", gettext_lazy("Places"), directory.place_list)
_detail_route("place/", gettext_lazy("One place"), directory.place_detail)
_list_route("keyword/", gettext_lazy("Keywords (our themes)"), directory.keyword_list)
_detail_route("keyword/", gettext_lazy("One keyword"), directory.keyword_detail)
_list_route("language/", gettext_lazy("Languages"), directory.language_list)
_detail_route("language/", gettext_lazy("One language"), directory.language_detail)


@linked_events.get(
    "organization/",
    summary=gettext_lazy("Organisations"),
    description=gettext_lazy(
        "The associations of the directory, for the same filters as the directory page."
    ),
)
def organisation_list(
    request,
    q: str | None = None,
    field: str | None = None,
    municipality: str | None = None,
    region: str | None = None,
    language: str | None = None,
    welfare: str | None = None,
    group: str | None = None,
    partner: str | None = None,
    letter: str | None = None,
    page: int | None = None,
    page_size: int | None = None,
):
    return json_answer(request, lambda: directory.organisation_list(request))


_detail_route("organization/", gettext_lazy("One organisation"), directory.organisation_detail)


@linked_events.get(
    "space/",
    summary=gettext_lazy("Spaces"),
    description=gettext_lazy(
        "Spaces that associations lend, for the same filters as the space listing (date, from "
        "and to ask for the spaces free at that time)."
    ),
)
def space_list(
    request,
    municipality: str | None = None,
    region: str | None = None,
    free: bool | None = None,
    facility: str | None = None,
    access: str | None = None,
    capacity: str | None = None,
    date: str | None = None,
    from_: str | None = Query(None, alias="from"),
    to: str | None = None,
    page: int | None = None,
    page_size: int | None = None,
):
    return json_answer(request, lambda: lending.resource_list(request, "space"))


@linked_events.get(
    "space/{identifier}/",
    summary=gettext_lazy("One space with its availability"),
    description=gettext_lazy("Busy and free times from start (a date) for days days."),
)
def space_detail(request, identifier: str, start: str | None = None, days: int | None = None):
    return json_answer(
        request, lambda: _found(lending.resource_detail(request, "space", identifier))
    )


@linked_events.get(
    "equipment/",
    summary=gettext_lazy("Equipment"),
    description=gettext_lazy(
        "Equipment that associations lend, for the same filters as the equipment listing "
        "(from and to ask for the items free on those days)."
    ),
)
def equipment_list(
    request,
    municipality: str | None = None,
    region: str | None = None,
    free: bool | None = None,
    category: str | None = None,
    quantity: str | None = None,
    from_: str | None = Query(None, alias="from"),
    to: str | None = None,
    page: int | None = None,
    page_size: int | None = None,
):
    return json_answer(request, lambda: lending.resource_list(request, "equipment"))


@linked_events.get(
    "equipment/{identifier}/",
    summary=gettext_lazy("One item of equipment with its availability"),
    description=gettext_lazy("How many are free each day from start (a date) for days days."),
)
def equipment_detail(request, identifier: str, start: str | None = None, days: int | None = None):
    return json_answer(
        request, lambda: _found(lending.resource_detail(request, "equipment", identifier))
    )


api.add_router("/api/v1/", linked_events)


common_grants = Router(tags=["CommonGrants"])


class OpportunitySearch(Schema):
    """CommonGrants' search request: every part optional."""

    search: str | None = None
    filters: dict[str, Any] | None = None
    sorting: dict[str, Any] | None = None
    pagination: dict[str, Any] | None = None


@common_grants.get(
    "opportunities",
    summary=gettext_lazy("Funding opportunities"),
    description=gettext_lazy(
        "The calls of the funding index in the CommonGrants core shape, for the same filters "
        "as the funding page."
    ),
)
def opportunity_list(
    request,
    page: int | None = None,
    pageSize: int | None = None,  # noqa: N803 - CommonGrants' name
    q: str | None = None,
    status: str | None = None,
    instrument: str | None = None,
    funder_type: str | None = None,
    theme: str | None = None,
    field: str | None = None,
    applicant: str | None = None,
    region: str | None = None,
    municipality: str | None = None,
    amount_min: str | None = None,
    amount_max: str | None = None,
    joint: bool | None = None,
    deadline: str | None = None,
    sort: str | None = None,
):
    return json_answer(request, lambda: commongrants.opportunity_list(request))


@common_grants.post(
    "opportunities/search", summary=gettext_lazy("Search the funding opportunities")
)
def opportunity_search(request, search: OpportunitySearch):
    return json_answer(request, lambda: commongrants.opportunity_search(request, search.dict()))


@common_grants.get("opportunities/{identifier}", summary=gettext_lazy("One funding opportunity"))
def opportunity_detail(request, identifier: str):
    return json_answer(
        request, lambda: _found(commongrants.opportunity_detail(request, identifier))
    )


api.add_router("/common-grants/", common_grants)
