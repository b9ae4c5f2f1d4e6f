"""The pages of saved searches with email alerts: sign up (from the funding index), confirm
with the emailed link, manage or delete, and unsubscribe with one click."""

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from core.ratelimit import allow, hit

from . import alerts
from .filters import parse_filters
from .forms import AlertForm, FrequencyForm
from .models import FundingAlert, FundingIndexPage, field_of_activity_names

# Sign-ups per hour: from one client address (an office may share one), and to one email
# address (so that nobody can flood a stranger's inbox with confirmation links).
CLIENT_LIMIT, EMAIL_LIMIT, WINDOW = 10, 3, 60 * 60


def _search(index, query):
    """(canonical query, description lines) of a filter query string."""
    themes = alerts.theme_names(index.locale_id)
    fields = field_of_activity_names(index.locale_id)
    filters = parse_filters(QueryDict(query), themes=themes, fields=fields)
    return alerts.canonical_query(filters), alerts.describe(filters, themes, fields)


def _index_or_404(index_id):
    return get_object_or_404(FundingIndexPage.objects.live().public(), pk=index_id)


def _refused(request, reason, status=400):
    return render(request, "funding/alert_link_refused.html", {"reason": reason}, status=status)


def subscribe_view(request, index_id):
    index = _index_or_404(index_id)
    status = 200
    if request.method == "POST":
        form = AlertForm(request.POST)
        query, search = _search(index, request.POST.get("query", ""))
        email = request.POST.get("email", "").strip().lower()[:254]
        # Evaluate both counters, so that each address's attempts are counted.
        by_client = allow(request, "funding_alert", limit=CLIENT_LIMIT, window=WINDOW)
        by_email = not email or hit("funding_alert:email", email, EMAIL_LIMIT, WINDOW)
        if not (by_client and by_email):
            form.is_valid()
            form.add_error(None, _("Too many alerts were asked for. Try again in an hour."))
            status = 429
        elif form.is_valid():
            subscribe(index, form.cleaned_data["email"], form.cleaned_data["frequency"], query)
            return redirect("funding_alert_sent")
    else:
        email = request.user.email if request.user.is_authenticated else ""
        query, search = _search(index, request.GET.urlencode())
        form = AlertForm(initial={"email": email, "query": query})
    return render(
        request,
        "funding/alert_form.html",
        {"form": form, "index": index, "search": search, "query": query},
        status=status,
    )


def subscribe(index, email, frequency, query):
    """Save the unconfirmed alert (or find the same one) and email its confirmation link.
    The answer is the same whether the address already had this alert, so the page does not
    tell strangers who subscribes to what."""
    language = get_language() or settings.LANGUAGE_CODE
    try:
        with transaction.atomic():
            alert, created = FundingAlert.objects.get_or_create(
                index=index,
                email=email,
                query=query,
                defaults={"frequency": frequency, "language": language},
            )
    except IntegrityError:  # the same sign-up twice at once
        alert = FundingAlert.objects.get(index=index, email=email, query=query)
    if not alert.is_confirmed:
        FundingAlert.objects.filter(pk=alert.pk).update(frequency=frequency, language=language)
        alert.frequency, alert.language = frequency, language
    alerts.send_confirmation(alert)
    return alert


def sent_view(request):
    return render(request, "funding/alert_sent.html")


def confirm_view(request, token):
    """GET shows the search and one button (mail scanners open links, so a GET changes
    nothing); POST confirms the alert."""
    try:
        alert = alerts.read_confirm_token(token)
    except alerts.LinkError as error:
        return _refused(request, error.reason)
    if request.method != "POST":
        _query, search = _search(alert.index, alert.query)
        return render(request, "funding/alert_confirm.html", {"alert": alert, "search": search})
    if alert.confirmed_at is None:
        now = timezone.now()
        # Calls already listed are not news: the first email has what is new from now on.
        FundingAlert.objects.filter(pk=alert.pk, confirmed_at__isnull=True).update(
            confirmed_at=now, last_checked_at=now
        )
        messages.success(request, _("Your funding alert is on."))
    return redirect("funding_alert_manage", alerts.manage_token(alert))


def manage_view(request, token):
    try:
        alert = alerts.read_manage_token(token)
    except alerts.LinkError as error:
        return _refused(request, error.reason)
    if not alert.is_confirmed:
        return _refused(request, "unconfirmed")
    form = FrequencyForm(initial={"frequency": alert.frequency})
    if request.method == "POST":
        if request.POST.get("action") == "delete":
            alert.delete()
            return redirect("funding_alert_deleted")
        form = FrequencyForm(request.POST)
        if form.is_valid():
            FundingAlert.objects.filter(pk=alert.pk).update(
                frequency=form.cleaned_data["frequency"]
            )
            messages.success(request, _("Your changes were saved."))
            return redirect("funding_alert_manage", token)
    _query, search = _search(alert.index, alert.query)
    return render(
        request,
        "funding/alert_manage.html",
        {
            "alert": alert,
            "form": form,
            "search": search,
            "search_url": alerts.search_url(alert),
            "unsubscribe_url": reverse("funding_alert_unsubscribe", args=[token]),
        },
    )


# A mail program's one-click unsubscribe (RFC 8058) posts without a CSRF token; the signed
# link is the authority, and the GET only shows a button (link checkers must not unsubscribe).
@csrf_exempt
def unsubscribe_view(request, token):
    try:
        alert = alerts.read_manage_token(token)
    except alerts.LinkError as error:
        return _refused(request, error.reason)
    if request.method == "POST":
        alert.delete()
        return redirect("funding_alert_deleted")
    return render(request, "funding/alert_unsubscribe.html", {"alert": alert})


def deleted_view(request):
    return render(request, "funding/alert_deleted.html")
