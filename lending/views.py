"""Listings, the space and equipment pages, booking requests, one-click decisions, the owners'
dashboard and each booking's page. Every rule is in services; every permission in access.
The listings and the space and equipment pages hand their requests to these (see
`core.pages`); the rest are URL routes (`urls.py`)."""

import datetime

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from associations.models import AssociationPage
from associations.permissions import associations_of, is_editor
from core.dates import DateParamError, parse_date_param
from core.jsonld import dumps
from core.page_urls import site_url
from core.pages import render_subpage
from core.ratelimit import allow
from core.regions import Municipality, SubRegion

from . import access, services
from .availability import equipment_days, space_days
from .filters import parse_equipment_filters, parse_space_filters
from .forms import CancelForm, EquipmentRequestForm, ReasonForm, SpaceRequestForm
from .jsonld import equipment_json_ld, space_json_ld
from .links import LinkError, read_token
from .models import (
    Accessibility,
    Booking,
    BookingStatus,
    EquipmentCategory,
    EquipmentPage,
    Facility,
    OwnerFeedToken,
    SpacePage,
)

LISTING_FIELDS = (
    "title",
    "slug",
    "url_path",
    "locale_id",
    "translation_key",
    "summary",
    "municipality",
    "price_mode",
    "association_id",
    "booking_mode",
)
REQUESTS_PER_HOUR = 20


def _listing(page, request, model, filters, extra_fields):
    pages = filters.apply_spaces if model is SpacePage else filters.apply_equipment
    listed = pages(
        model.objects.child_of(page).live().public().filter(locale_id=page.locale_id)
    ).only(*LISTING_FIELDS, *extra_fields)
    paginator = Paginator(listed.select_related("association").order_by("title"), page.page_size)
    page_obj = paginator.get_page(request.GET.get("page"))
    _name_owners(page_obj.object_list, page.locale_id)
    return {
        "filters": filters,
        "page_obj": page_obj,
        "resources": page_obj.object_list,
        "result_count": paginator.count,
        "municipality_choices": Municipality.choices,
        "region_choices": SubRegion.choices,
    }


def _name_owners(resources, locale_id):
    """Each resource's `owner_name` in the listing's language, in one query."""
    resources = list(resources)
    keys = {r.association.translation_key for r in resources}
    names = dict(
        AssociationPage.objects.filter(translation_key__in=keys, locale_id=locale_id).values_list(
            "translation_key", "title"
        )
    )
    for resource in resources:
        key = resource.association.translation_key
        resource.owner_name = names.get(key, resource.association.title)
    return resources


def space_listing_context(page, request):
    filters = parse_space_filters(request.GET)
    context = _listing(page, request, SpacePage, filters, ("capacity", "accessibility"))
    context.update(
        facility_choices=Facility.choices,
        accessibility_choices=Accessibility.choices,
        query=request.GET,
    )
    return context


def equipment_listing_context(page, request):
    filters = parse_equipment_filters(request.GET)
    context = _listing(page, request, EquipmentPage, filters, ("category", "quantity"))
    context.update(category_choices=EquipmentCategory.choices, query=request.GET)
    return context


def _week_start(request):
    """The Monday the availability calendar starts on (?week=YYYY-MM-DD, never before this
    week), and why ?week= was not used when it could not be."""
    today = timezone.localdate()
    this_monday = today - datetime.timedelta(days=today.weekday())
    raw = request.GET.get("week", "")
    if not raw:
        return this_monday, ""
    try:
        day = max(parse_date_param(raw), this_monday)
    except DateParamError as error:
        return this_monday, error.message
    return day - datetime.timedelta(days=day.weekday()), ""


def resource_context(page, request):
    source = page.source_page
    first, week_problem = _week_start(request)
    is_space = isinstance(page, SpacePage)
    if is_space:
        calendar = space_days(source, first, days=14)
        json_ld = space_json_ld(page, request)
    else:
        calendar = equipment_days(source, first, days=14)
        json_ld = equipment_json_ld(page, request)
    return {
        "page": page,
        "is_space": is_space,
        "owner": page.association.localized,
        "calendar": calendar,
        "previous_week": (first - datetime.timedelta(days=14)).isoformat()
        if first > timezone.localdate()
        else "",
        "next_week": (first + datetime.timedelta(days=14)).isoformat(),
        "week_problem": week_problem,
        "json_ld": dumps(json_ld),
        "feed_url": site_url(reverse("lending:resource_feed", args=[source.translation_key])),
        "embed_url": site_url(reverse("lending:resource_embed", args=[source.translation_key])),
        "photos": list(page.photos.select_related("image")),
        "can_request": request.user.is_authenticated and bool(associations_of(request.user)),
    }


def _initial_from_query(page, request):
    initial = {}
    for name in ("date", "start", "end", "first_day", "last_day", "quantity"):
        if request.GET.get(name):
            initial[name] = request.GET[name][:20]
    return initial


def request_view(page, request):
    """The request form. GET shows it, POST checks the rules and creates the request; any
    broken rule or a conflict re-renders the form naming the rule (with free slots)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    associations = list(associations_of(request.user))
    if not page.takes_requests:
        associations = []
    form_class = SpaceRequestForm if isinstance(page, SpacePage) else EquipmentRequestForm
    if request.method != "POST" or not associations:
        form = form_class(initial=_initial_from_query(page, request), associations=associations)
        return _request_form(page, request, form, associations)
    form = form_class(request.POST, associations=associations)
    if not allow(
        request,
        "lending-request",
        limit=REQUESTS_PER_HOUR,
        window=3600,
        extra=str(request.user.pk),
    ):
        form.is_valid()
        form.add_error(None, _("Too many requests in a short time. Please try again later."))
        return _request_form(page, request, form, associations)
    if not form.is_valid():
        return _request_form(page, request, form, associations)
    try:
        booking = _send_request(page, request, form.cleaned_data)
    except services.BookingRuleError as error:
        for problem in error.messages:
            form.add_error(None, problem)
        return _request_form(page, request, form, associations, rule_problems=error.messages)
    except services.BookingConflict as error:
        form.add_error(None, error.message)
        return _request_form(page, request, form, associations, conflict=error)
    messages.success(request, _("Your request was sent. The owner answers by email."))
    return redirect("lending:booking", uid=booking.uid)


def _send_request(page, request, data):
    """The booking request the valid form `data` asks for (the services check the rules and
    raise `BookingRuleError` or `BookingConflict`)."""
    common = {
        "user": request.user,
        "association": data["association"].source_page,
        "message": data["message"],
        "phone": data["phone"],
        "language": get_language(),
    }
    if isinstance(page, SpacePage):
        return services.request_space(
            page,
            start=timezone.make_aware(data["starts_at"]),
            end=timezone.make_aware(data["ends_at"]),
            **common,
        )
    return services.request_equipment(
        page,
        first_day=data["first_day"],
        last_day=data["last_day"],
        quantity=data["quantity"],
        **common,
    )


def _request_form(page, request, form, associations, *, conflict=None, rule_problems=None):
    """The request form page: 400 when a posted form has errors."""
    form.describe()
    context = {
        "page": page,
        "form": form,
        "is_space": isinstance(page, SpacePage),
        "associations": associations,
        "conflict": conflict,
        "rule_problems": rule_problems or [],
        "request_url": page.url + "varaa/",
    }
    status = 400 if request.method == "POST" and form.errors else 200
    return render_subpage(page, request, "lending/request_form.html", context, status=status)


# --- decisions by signed link -----------------------------------------------------------------


def decide_view(request, token):
    """GET shows what the link does and one button (mail scanners follow links, so a GET
    changes nothing); POST decides. No login needed: the signed link is the permission."""
    try:
        booking, action = read_token(token)
    except LinkError as error:
        return TemplateResponse(
            request, "lending/link_refused.html", {"reason": error.reason}, status=410
        )
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        label = _("owner (email link)")
        try:
            if action == "approve":
                booking = services.approve(
                    booking, actor_label=label, reason=form.cleaned_data["reason"]
                )
            else:
                booking = services.decline(
                    booking, actor_label=label, reason=form.cleaned_data["reason"]
                )
        except services.RequestExpired:
            return TemplateResponse(
                request, "lending/link_refused.html", {"reason": "deadline"}, status=410
            )
        except services.InvalidTransition:
            return TemplateResponse(
                request, "lending/link_refused.html", {"reason": "used"}, status=410
            )
        return TemplateResponse(
            request, "lending/decided.html", {"booking": booking, "action": action}
        )
    form.describe()
    return TemplateResponse(
        request,
        "lending/decide.html",
        {"booking": booking, "action": action, "form": form, "resource": _resource(booking)},
    )


def _resource(booking):
    return booking.resource.specific.localized


# --- the owners' dashboard and each booking -----------------------------------------------------


def _booking_queryset():
    return Booking.objects.select_related("resource", "owner", "association", "requested_by")


def dashboard_view(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    owned = list(associations_of(request.user, role="admin"))
    editor = is_editor(request.user)
    bookings = _booking_queryset().filter(ends_at__gte=timezone.now() - datetime.timedelta(days=30))
    if not editor:
        bookings = bookings.filter(owner__in=owned)
    mine = _booking_queryset().filter(requested_by=request.user).order_by("-starts_at")[:50]
    bookings = bookings.prefetch_related(Prefetch("events"))
    tokens = {
        t.association_id: t
        for t in OwnerFeedToken.objects.filter(association__in=owned, revoked_at__isnull=True)
    }
    feeds = [
        (
            association,
            site_url(reverse("lending:owner_feed", args=[tokens[association.pk].token]))
            if association.pk in tokens
            else "",
        )
        for association in owned
    ]
    return TemplateResponse(
        request,
        "lending/dashboard.html",
        {
            "pending": [b for b in bookings if b.status == BookingStatus.REQUESTED],
            "upcoming": [b for b in bookings if b.status == BookingStatus.APPROVED],
            "mine": mine,
            "owned": owned,
            "feeds": feeds,
            "is_editor": editor,
        },
    )


def booking_view(request, uid):
    booking = get_object_or_404(_booking_queryset(), uid=uid)
    if not access.can_see_booking(request.user, booking):
        raise Http404("No such booking")
    can_decide = access.can_decide(request.user, booking)
    return TemplateResponse(
        request,
        "lending/booking.html",
        {
            "booking": booking,
            "resource": _resource(booking),
            "events": booking.events.all(),
            "show_requester": access.can_see_requester(request.user, booking),
            "can_decide": can_decide
            and booking.status == BookingStatus.REQUESTED
            and not booking.is_past_deadline,
            "can_cancel": access.can_cancel(request.user, booking) and booking.is_open,
            "reason_form": ReasonForm().describe(),
            "cancel_form": CancelForm().describe(),
        },
    )


@require_POST
def booking_action_view(request, uid, action):
    booking = get_object_or_404(_booking_queryset(), uid=uid)
    if not access.can_see_booking(request.user, booking):
        raise Http404("No such booking")
    try:
        if action in ("approve", "decline"):
            if not access.can_decide(request.user, booking):
                raise PermissionDenied
            form = ReasonForm(request.POST)
            form.is_valid()
            reason = form.cleaned_data.get("reason", "")
            do = services.approve if action == "approve" else services.decline
            do(booking, actor=request.user, reason=reason)
            messages.success(request, _("Decision saved and sent to the requester."))
        elif action == "cancel":
            if not access.can_cancel(request.user, booking):
                raise PermissionDenied
            form = CancelForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Please tell why you cancel."))
                return redirect("lending:booking", uid=uid)
            services.cancel(booking, actor=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, _("The booking was cancelled."))
        else:
            raise Http404("No such action")
    except services.RequestExpired:
        messages.error(request, _("The answer deadline of the request has passed, so it expired."))
    except services.InvalidTransition:
        messages.error(request, _("The booking was already decided or cancelled."))
    return redirect("lending:booking", uid=uid)


@require_POST
def owner_feed_token_view(request, association_id, action):
    """Create (or replace) and revoke the private calendar address of an association."""
    association = get_object_or_404(AssociationPage, pk=association_id)
    if not access.is_owner_admin(request.user, association):
        raise PermissionDenied
    OwnerFeedToken.objects.filter(association=association, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if action == "create":
        OwnerFeedToken.objects.create(association=association)
        messages.success(
            request, _("A new private calendar address was made; old ones stop working.")
        )
    else:
        messages.success(request, _("The private calendar address no longer works."))
    return redirect("lending:dashboard")
