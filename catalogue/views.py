"""The catalogue's views: the filtered agenda and month view, the archive, a training page
with its registration form, and the emailed confirmation and cancellation links. The catalogue
and training pages hand their requests to these (see `core.pages`). They ask the querysets,
`queries` and the services; they build no queries of their own beyond choosing which ones to
run."""

import calendar
import datetime

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import alerts
from core.languages import Language
from core.pages import render_subpage
from core.ratelimit import allow, hit
from core.regions import PLACE_CHOICES, SubRegion

from . import provenance, services
from .feeds import canonical_query, feed_filters
from .filters import month_end, parse_filters
from .forms import RegistrationForm
from .jsonld import training_json_ld
from .models import (
    Audience,
    EventStatus,
    Format,
    Kind,
    Occurrence,
    RegistrationMode,
    RegistrationStatus,
    TrainingPage,
)
from .queries import (
    localized_networks,
    localized_organisers,
    localized_themes,
    networks,
    taxonomy,
)

MONTH_CELL_LIMIT = 4
SCHEDULE_LIMIT = 30  # dates listed on a training page; a weekly group has many more
REGISTRATION_LIMIT = (10, 3600)  # registrations per client address per hour
EMAIL_LIMIT = 5  # registration emails to one address in the same hour
# The page of each emailed link of a registration.
LINK_TEMPLATES = {
    "confirm": "catalogue/confirm_registration.html",
    "cancel": "catalogue/cancel_registration.html",
}


def _filter_context(page, request, filters, themes, organisers, networks):
    return {
        "network_choices": list(networks.values()),
        "network_names": {slug: n.title for slug, n in networks.items()},
        "filters": filters,
        "themes": sorted(themes.values(), key=lambda theme: (theme.sort_order, theme.name)),
        "organiser_choices": list(organisers.values()),
        "theme_names": {slug: theme.name for slug, theme in themes.items()},
        "organiser_names": {slug: o.title for slug, o in organisers.items()},
        "kind_choices": Kind.choices,
        "format_choices": Format.choices,
        "region_choices": SubRegion.choices,
        "place_choices": PLACE_CHOICES,
        "language_choices": Language.choices,
        "when_choices": [
            ("", _("Any time")),
            ("today", _("Today")),
            ("week", _("This week")),
            ("month", _("This month")),
        ],
    }


def catalogue_context(page, request):
    """The agenda of upcoming occurrences, or the month grid with ?view=month (the catalogue
    page's template is then `training_index_month.html`, see `TrainingIndexPage`)."""
    themes, organisers = taxonomy(page.locale_id)
    network_slugs = networks(page.locale_id)
    filters = parse_filters(
        request.GET, themes=themes, organisers=organisers, networks=network_slugs
    )
    context = _filter_context(page, request, filters, themes, organisers, network_slugs)
    context["alert"] = alerts.signup(request, page, canonical_query(feed_filters(filters)))
    occurrences = Occurrence.objects.in_locale(page.locale_id).visible_to(request)
    if filters.view == "month":
        context.update(month_context(filters, occurrences))
        return context
    listing = filters.apply(occurrences.upcoming()).for_listing().order_by("start", "pk")
    paginator = Paginator(listing, page.page_size)
    context["page_obj"] = paginator.get_page(filters.page)
    context["result_count"] = paginator.count
    return context


def month_context(filters, occurrences):
    """A month as weeks of days, each with its first occurrences and how many there are. An
    occurrence that runs over several days (a two-day forum) is shown on each of its days."""
    today = timezone.localdate()
    month = filters.month or (filters.date_range()[0] or today).replace(day=1)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    in_grid = (
        filters.apply(occurrences, dates=False)
        .on_days(weeks[0][0], weeks[-1][-1])
        .with_local_days()
    )
    by_day, counts, month_total = _occurrences_by_day(in_grid, month, weeks)
    previous_month = (month - datetime.timedelta(days=1)).replace(day=1)
    next_month = (month + datetime.timedelta(days=32)).replace(day=1)
    return {
        "month": month,
        "weeks": _month_grid(weeks, month, today, by_day, counts),
        "weekdays": list(weeks[0]),
        "month_total": month_total,
        "previous_month": previous_month.strftime("%Y-%m"),
        "next_month": next_month.strftime("%Y-%m"),
    }


def _occurrences_by_day(in_grid, month, weeks):
    """(by_day, counts, month_total) of the occurrences `in_grid` (with their local days):
    the first `MONTH_CELL_LIMIT` of each day of the grid, how many each day has, and how many
    fall in `month` itself (an occurrence of several days counts once)."""
    first_day, last_day = weeks[0][0], weeks[-1][-1]
    one_day = in_grid.within_one_day()
    counts = one_day.count_by_day()
    by_day = {}
    for occurrence in (
        one_day.first_of_each_day(MONTH_CELL_LIMIT).for_listing().order_by("start", "pk")
    ):
        by_day.setdefault(occurrence.day, []).append(occurrence)
    last_of_month = month_end(month)
    month_total = sum(n for d, n in counts.items() if d.month == month.month)
    # Several-day occurrences are few: each is listed on every day it covers in the grid.
    for occurrence in in_grid.over_several_days().for_listing().order_by("start", "pk"):
        if occurrence.day <= last_of_month and occurrence.last >= month:
            month_total += 1
        day = max(occurrence.day, first_day)
        while day <= min(occurrence.last, last_day):
            by_day.setdefault(day, []).append(occurrence)
            counts[day] = counts.get(day, 0) + 1
            day += datetime.timedelta(days=1)
    for day, listed in by_day.items():
        listed.sort(key=lambda o: (not o.all_day, o.start, o.pk))
        by_day[day] = listed[:MONTH_CELL_LIMIT]
    return by_day, counts, month_total


def _month_grid(weeks, month, today, by_day, counts):
    """The cells of the month view, week by week."""
    return [
        [
            {
                "date": date,
                "in_month": date.month == month.month,
                "is_today": date == today,
                "occurrences": by_day.get(date, []),
                "count": counts.get(date, 0),
                "more": max(counts.get(date, 0) - MONTH_CELL_LIMIT, 0),
            }
            for date in week
        ]
        for week in weeks
    ]


def archive_view(page, request):
    """Trainings whose every occurrence is over, latest first."""
    themes, organisers = taxonomy(page.locale_id)
    network_slugs = networks(page.locale_id)
    filters = parse_filters(
        request.GET, themes=themes, organisers=organisers, networks=network_slugs
    )
    context = _filter_context(page, request, filters, themes, organisers, network_slugs)
    now = timezone.now()
    in_locale = Occurrence.objects.in_locale(page.locale_id).visible_to(request)
    past = (
        filters.apply(in_locale.past(now))
        .excluding_trainings_of(in_locale.upcoming(now))
        .latest_per_training()
    )
    paginator = Paginator(past, page.page_size)
    page_obj = paginator.get_page(filters.page)
    ids = [row["training_id"] for row in page_obj.object_list]
    trainings = TrainingPage.objects.filter(pk__in=ids).defer_streamfields().in_bulk()
    context["page_obj"] = page_obj
    context["archive_rows"] = [
        {"training": trainings[row["training_id"]], "last": row["last"]}
        for row in page_obj.object_list
        if row["training_id"] in trainings
    ]
    context["result_count"] = paginator.count
    context["is_archive"] = True
    return render_subpage(page, request, "catalogue/training_index_archive.html", context)


# ---------------------------------------------------------------------------------------------
# A training


def training_context(page, request, form=None):
    now = timezone.now()
    upcoming = page.occurrences.filter(end__gt=now).order_by("start", "pk")
    occurrences = list(upcoming[:SCHEDULE_LIMIT])
    more_count = upcoming.count() - SCHEDULE_LIMIT if len(occurrences) == SCHEDULE_LIMIT else 0
    past_count = page.occurrences.filter(end__lte=now).count()
    themes = localized_themes(page)
    organiser, co_organisers = localized_organisers(page)
    open_, closed_reason = services.registration_state(page, now=now)
    places = services.places(page) if page.registration_mode == RegistrationMode.BUILT_IN else None
    is_over = not occurrences and past_count > 0
    # A training that is over keeps its real dates in JSON-LD (an Event without startDate is
    # dropped by search engines): its last occurrences stand where the coming ones would.
    dated = occurrences or list(
        page.occurrences.filter(end__lte=now).order_by("-start", "-pk")[:SCHEDULE_LIMIT]
    )
    return {
        "occurrences": occurrences,
        "next_occurrence": next((o for o in occurrences if not o.is_cancelled), None),
        "past_count": past_count,
        "more_count": more_count,
        "training_themes": themes,
        "organiser": organiser,
        "training_networks": localized_networks(page),
        "co_organisers": co_organisers,
        "provenance": provenance.public_notes(page),
        "registration_open": open_,
        "registration_closed_reason": closed_reason,
        "places": places,
        "form": form or RegistrationForm(),
        "is_over": is_over,
        "is_cancelled": page.status == EventStatus.CANCELLED,
        "json_ld": training_json_ld(
            page, request, occurrences=dated, organiser=organiser, places=places
        ),
        "audience_labels": page.audience_labels() if page.audience != [Audience.EVERYONE] else [],
        "language_labels": page.language_labels(),
        "catalogue": page.get_parent().specific_deferred if page.depth else None,
    }


def training_view(page, request):
    """The registration form's POST (to the training's own URL); a GET is the page itself."""
    if request.method == "POST" and page.registration_mode == RegistrationMode.BUILT_IN:
        form = RegistrationForm(request.POST)
        status = 200
        if form.is_valid() and not _registration_allowed(request, form.cleaned_data["email"]):
            form.add_error(
                None,
                _(
                    "Too many registrations from your address in a short time. Wait an hour "
                    "and try again, or ask the organiser to register you."
                ),
            )
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            try:
                services.register(
                    page,
                    name=data["name"],
                    email=data["email"],
                    association=data["association"],
                    phone=data["phone"],
                    needs=data["needs"],
                    language=get_language() or "fi",
                )
            except services.RegistrationRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                # The same answer for a new and an already registered address: the email
                # tells which it was, so the page tells no stranger who attends what.
                messages.success(
                    request,
                    _(
                        "Almost done: we sent an email to %(email)s. Open the link in it "
                        "within %(hours)s hours to confirm your registration; no place is "
                        "held for you until then."
                    )
                    % {"email": data["email"], "hours": _confirm_hours()},
                )
                return HttpResponseRedirect(page.get_url(request) + "#registration")
        # The page again, with the form's errors.
        context = training_context(page, request, form=form)
        return render_subpage(page, request, page.get_template(request), context, status=status)
    return page.render(request)


def _registration_allowed(request, email):
    """Registrations from one client address are limited (an office may register a few
    people; a script may not), and so are those to one email address (nobody floods a
    stranger's inbox with confirmation links); counted only for complete forms."""
    limit, window = REGISTRATION_LIMIT
    # Evaluate both counters, so that each one counts every attempt.
    by_client = allow(request, "training-registration", limit=limit, window=window)
    by_email = hit("training-registration:email", email.strip().lower(), EMAIL_LIMIT, window)
    return by_client and by_email


def _confirm_hours():
    return int(services.CONFIRMATION_TIMEOUT.total_seconds() // 3600)


def registration_link_view(page, request, action):
    """An emailed link of a registration, `action` "confirm" or "cancel". A GET (which mail
    scanners make) shows the registration and a button; the POST confirms the address (taking
    a place, or one on the waiting list) or cancels the registration."""
    template = LINK_TEMPLATES[action]
    token = request.GET.get("t", "")
    try:
        if action == "confirm":
            registration = services.registration_to_confirm(token)
        else:
            registration = services.registration_to_cancel(token)
        if registration.training.translation_key != page.translation_key:
            raise services.LinkRefused("invalid")
        answer = _link_answer(action, registration, posted=request.method == "POST")
    except services.LinkRefused as refusal:
        # 410 when the link has expired, else 404.
        return render(
            request,
            template,
            {"page": page, "refused": refusal.reason, "confirm_hours": _confirm_hours()},
            status=410 if refusal.reason == "expired" else 404,
        )
    return render(request, template, {"page": page, "registration": registration, **answer})


def _link_answer(action, registration, posted):
    """What the link's page shows beside the registration, after the POST's change if any."""
    if action == "confirm":
        if not posted or registration.status != RegistrationStatus.PENDING:
            return {}
        try:
            return {"registration": services.confirm(registration), "done": True}
        except services.RegistrationRefused as refusal:
            return {"refusal": str(refusal)}
    was_active = registration.status != RegistrationStatus.CANCELLED
    if posted:
        services.cancel(registration)
        return {"done": was_active, "already": not was_active}
    return {"already": not was_active}
