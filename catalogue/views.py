"""The catalogue's views: the filtered agenda and month view, the archive, a training page
with its registration form, and the cancellation link. They ask the querysets and services;
they build no queries of their own beyond choosing which ones to run."""

import calendar
import datetime

from django.contrib import messages
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import (
    Count,
    DateTimeField,
    ExpressionWrapper,
    F,
    Max,
    Q,
    Value,
    Window,
)
from django.db.models.functions import RowNumber, TruncDate
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from associations.models import AssociationPage
from calendars.http import current_generation
from core.languages import Language
from core.regions import PLACE_CHOICES, SubRegion

from . import services
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
    Theme,
    TrainingCoOrganiser,
    TrainingPage,
)

MONTH_CELL_LIMIT = 4
# Entries of an older content generation are never read again; they age out after this.
ORGANISERS_TIMEOUT = 24 * 60 * 60
SCHEDULE_LIMIT = 30  # dates listed on a training page; a weekly group has many more
REGISTRATION_LIMIT = (10, 3600)  # registrations per client address per hour
EMAIL_LIMIT = 5  # registration emails to one address in the same hour


def organising_associations(locale):
    """The live association profiles of a language that organise or co-organise a live
    training, keyed by slug (the organiser filter's values): one query over every training,
    so its answer is cached until published content changes."""
    key = f"catalogue:organisers:{locale}:{current_generation()}"
    found = cache.get(key)
    if found is None:
        found = _organising_associations(locale)
        cache.set(key, found, ORGANISERS_TIMEOUT)
    return found


def _organising_associations(locale):
    keys = TrainingPage.objects.live().values("organiser__translation_key")
    co_keys = TrainingCoOrganiser.objects.filter(page__live=True).values(
        "organiser__translation_key"
    )
    associations = (
        AssociationPage.objects.live()
        .filter(locale=locale)
        .filter(Q(translation_key__in=keys) | Q(translation_key__in=co_keys))
        .only("title", "slug", "url_path", "locale_id")
        .order_by("title")
    )
    return {association.slug: association for association in associations}


def taxonomy(locale):
    """The themes and the organising associations of a language, keyed by slug (two queries)."""
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale=locale)}
    return themes, organising_associations(locale)


def _filter_context(page, request, filters, themes, organisers):
    return {
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


def catalogue_view(page, request):
    themes, organisers = taxonomy(page.locale_id)
    filters = parse_filters(request.GET, themes=themes, organisers=organisers)
    context = _filter_context(page, request, filters, themes, organisers)
    occurrences = Occurrence.objects.in_locale(page.locale_id).visible_to(request)
    if filters.view == "month":
        context.update(month_context(filters, occurrences))
        return page.render(
            request, context_overrides=context, template="catalogue/training_index_month.html"
        )
    listing = filters.apply(occurrences.upcoming()).for_listing().order_by("start", "pk")
    paginator = Paginator(listing, page.page_size)
    context["page_obj"] = paginator.get_page(filters.page)
    context["result_count"] = paginator.count
    return page.render(request, context_overrides=context)


def month_context(filters, occurrences):
    """A month as weeks of days, each with its first occurrences and how many there are. An
    occurrence that runs over several days (a two-day forum) is shown on each of its days."""
    today = timezone.localdate()
    month = filters.month or (filters.date_range()[0] or today).replace(day=1)
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    first_day, last_day = weeks[0][0], weeks[-1][-1]
    zone = timezone.get_current_timezone()
    in_grid = (
        filters.apply(occurrences, dates=False)
        .on_days(first_day, last_day)
        .annotate(
            day=TruncDate("start", tzinfo=zone),
            # The end is exclusive: an event until midnight does not reach the next day.
            last=TruncDate(
                ExpressionWrapper(
                    F("end") - Value(datetime.timedelta(microseconds=1)),
                    output_field=DateTimeField(),
                ),
                tzinfo=zone,
            ),
        )
    )
    one_day = in_grid.filter(last__lte=F("day"))
    counts = dict(one_day.values("day").annotate(n=Count("pk")).values_list("day", "n"))
    shown = (
        one_day.annotate(
            rank=Window(
                RowNumber(), partition_by=[F("day")], order_by=[F("start").asc(), F("pk").asc()]
            ),
        )
        .filter(rank__lte=MONTH_CELL_LIMIT)
        .for_listing()
        .order_by("start", "pk")
    )
    by_day = {}
    for occurrence in shown:
        by_day.setdefault(occurrence.day, []).append(occurrence)
    last_of_month = month_end(month)
    month_total = sum(n for d, n in counts.items() if d.month == month.month)
    # Several-day occurrences are few: each is listed on every day it covers in the grid.
    for occurrence in in_grid.filter(last__gt=F("day")).for_listing().order_by("start", "pk"):
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
    grid = [
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
    previous_month = (month - datetime.timedelta(days=1)).replace(day=1)
    next_month = (month + datetime.timedelta(days=32)).replace(day=1)
    return {
        "month": month,
        "weeks": grid,
        "weekdays": [weeks[0][i] for i in range(7)],
        "month_total": month_total,
        "previous_month": previous_month.strftime("%Y-%m"),
        "next_month": next_month.strftime("%Y-%m"),
    }


def archive_view(page, request):
    """Trainings whose every occurrence is over, latest first."""
    themes, organisers = taxonomy(page.locale_id)
    filters = parse_filters(request.GET, themes=themes, organisers=organisers)
    context = _filter_context(page, request, filters, themes, organisers)
    now = timezone.now()
    in_locale = Occurrence.objects.in_locale(page.locale_id).visible_to(request)
    still_running = in_locale.upcoming(now).values("training_id")
    past = (
        filters.apply(in_locale.past(now))
        .exclude(training_id__in=still_running)
        .values("training_id")
        .annotate(last=Max("start"))
        .order_by("-last", "-training_id")
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
    return page.render(
        request, context_overrides=context, template="catalogue/training_index_archive.html"
    )


# ---------------------------------------------------------------------------------------------
# A training


def localized_organisers(page):
    """(organiser, co-organisers): the association profiles in the page's language (the
    synchronised relation points to the Finnish source), in one query; the organiser is None
    if the training has none."""
    links = list(page.co_organiser_links.select_related("organiser"))
    sources = ([page.organiser] if page.organiser_id else []) + [link.organiser for link in links]
    localized = {
        association.translation_key: association
        for association in AssociationPage.objects.filter(
            translation_key__in=[source.translation_key for source in sources],
            locale_id=page.locale_id,
        ).live()
    }

    def shown(source):
        return localized.get(source.translation_key, source)

    organiser = shown(page.organiser) if page.organiser_id else None
    return organiser, [shown(link.organiser) for link in links]


def localized_names(page):
    """(theme names, organiser name) of a training in the page's language."""
    keys = [link.theme.translation_key for link in page.theme_links.all()]
    names = dict(
        Theme.objects.filter(translation_key__in=keys, locale_id=page.locale_id).values_list(
            "translation_key", "name"
        )
    )
    themes = [
        names.get(link.theme.translation_key, link.theme.name) for link in page.theme_links.all()
    ]
    if not page.organiser_id:
        return themes, None
    organiser = (
        AssociationPage.objects.filter(
            translation_key=page.organiser.translation_key, locale_id=page.locale_id
        )
        .live()
        .only("title")
        .first()
        or page.organiser
    )
    return themes, organiser.title


def training_context(page, request, form=None):
    now = timezone.now()
    upcoming = page.occurrences.filter(end__gt=now).order_by("start", "pk")
    occurrences = list(upcoming[:SCHEDULE_LIMIT])
    more_count = upcoming.count() - SCHEDULE_LIMIT if len(occurrences) == SCHEDULE_LIMIT else 0
    past_count = page.occurrences.filter(end__lte=now).count()
    theme_keys = [link.theme.translation_key for link in page.theme_links.select_related("theme")]
    themes = list(
        Theme.objects.filter(translation_key__in=theme_keys, locale_id=page.locale_id)
    ) or [link.theme for link in page.theme_links.all()]
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
        "co_organisers": co_organisers,
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
        response = page.render(
            request, context_overrides={"form": form, **_form_refresh(page, request, form)}
        )
        response.status_code = status
        return response
    return page.render(request)


def _registration_allowed(request, email):
    """Registrations from one client address are limited (an office may register a few
    people; a script may not), and so are those to one email address (nobody floods a
    stranger's inbox with confirmation links); counted only for complete forms."""
    from core.ratelimit import allow, hit

    limit, window = REGISTRATION_LIMIT
    # Evaluate both counters, so that each one counts every attempt.
    by_client = allow(request, "training-registration", limit=limit, window=window)
    by_email = hit("training-registration:email", email.strip().lower(), EMAIL_LIMIT, window)
    return by_client and by_email


def _confirm_hours():
    return int(services.CONFIRMATION_TIMEOUT.total_seconds() // 3600)


def _form_refresh(page, request, form):
    return training_context(page, request, form=form)


def _link_refused(request, page, template, reason):
    """An emailed link that cannot be used: 410 when it has expired, else 404."""
    return render(
        request,
        template,
        {"page": page, "refused": reason, "confirm_hours": _confirm_hours()},
        status=410 if reason == "expired" else 404,
    )


def confirm_view(page, request, token):
    """The emailed confirmation link: a GET (which mail scanners make) shows a button, the
    POST confirms the address and takes a place or a place on the waiting list."""
    template = "catalogue/confirm_registration.html"
    try:
        registration = services.registration_to_confirm(token)
    except services.LinkRefused as refusal:
        return _link_refused(request, page, template, refusal.reason)
    if registration.training.translation_key != page.translation_key:
        return _link_refused(request, page, template, "invalid")
    context = {"page": page, "registration": registration}
    if request.method == "POST" and registration.status == RegistrationStatus.PENDING:
        try:
            context["registration"] = services.confirm(registration)
            context["done"] = True
        except services.LinkRefused as refusal:
            return _link_refused(request, page, template, refusal.reason)
        except services.RegistrationRefused as refusal:
            context["refusal"] = str(refusal)
    return render(request, template, context)


def cancel_view(page, request, token):
    template = "catalogue/cancel_registration.html"
    try:
        registration = services.registration_to_cancel(token)
    except services.LinkRefused as refusal:
        return _link_refused(request, page, template, refusal.reason)
    if registration.training.translation_key != page.translation_key:
        return _link_refused(request, page, template, "invalid")
    if request.method == "POST":
        was_active = registration.status != RegistrationStatus.CANCELLED
        services.cancel(registration)
        return render(
            request,
            template,
            {
                "page": page,
                "registration": registration,
                "done": was_active,
                "already": not was_active,
            },
        )
    return render(
        request,
        template,
        {
            "page": page,
            "registration": registration,
            "already": registration.status == RegistrationStatus.CANCELLED,
        },
    )
