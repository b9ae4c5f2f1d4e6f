"""The pages of saved searches with email alerts, for every listing that offers them: sign up
(from the listing), confirm with the emailed link, manage or delete, unsubscribe with one
click. They belong to a visitor rather than to a page."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from wagtail.models import Page

from . import alerts
from .forms import AlertForm, FrequencyForm
from .models import SavedSearch
from .ratelimit import allow, hit

# Sign-ups per hour: from one client address (an office may share one), and to one email
# address (so that nobody can flood a stranger's inbox with confirmation links).
CLIENT_LIMIT, EMAIL_LIMIT, WINDOW = 10, 3, 60 * 60


def _listing_or_404(listing_id):
    page = get_object_or_404(Page.objects.live().public(), pk=listing_id)
    listing = alerts.listing_of(page)
    if listing is None:
        raise Http404("No saved searches on this page")
    return page.specific, listing


def _refused(request, reason, status=400):
    return render(request, "core/alerts/link_refused.html", {"reason": reason}, status=status)


def subscribe_view(request, listing_id):
    """GET: the form for the filters in the address (the listing's own); POST: the form's
    fields, the filters in its hidden `query`."""
    page, listing = _listing_or_404(listing_id)
    status = 200
    if request.method == "POST":
        query, description = listing.search(page, QueryDict(request.POST.get("query", "")))
        form = AlertForm(request.POST)
        email = request.POST.get("email", "").strip().lower()[:254]
        # Evaluate both counters, so that each address's attempts are counted.
        by_client = allow(request, "alert", limit=CLIENT_LIMIT, window=WINDOW)
        by_email = not email or hit("alert:email", email, EMAIL_LIMIT, WINDOW)
        if not (by_client and by_email):
            form.is_valid()
            form.add_error(None, _("Too many alerts were asked for. Try again in an hour."))
            status = 429
        elif form.is_valid():
            alerts.subscribe(
                page,
                form.cleaned_data["email"],
                form.cleaned_data["frequency"],
                query,
                get_language() or settings.LANGUAGE_CODE,
            )
            return redirect("alert_sent")
    else:
        query, description = listing.search(page, request.GET)
        email = request.user.email if request.user.is_authenticated else ""
        form = AlertForm(initial={"email": email, "query": query})
    return render(
        request,
        "core/alerts/form.html",
        {
            "form": form,
            "page": page,
            "listing": listing,
            "description": description,
            "query": query,
        },
        status=status,
    )


def sent_view(request):
    return render(request, "core/alerts/sent.html")


def deleted_view(request):
    return render(request, "core/alerts/deleted.html")


def _shown(search):
    """What the pages show of one search."""
    return {
        "search": search,
        "listing": alerts.listing_of(search.listing),
        "description": alerts.describe(search),
        "search_url": alerts.search_url(search),
    }


def confirm_view(request, token):
    """GET shows the search and one button (mail scanners open links, so a GET changes
    nothing); POST confirms it."""
    try:
        search = alerts.read_confirm_token(token)
    except alerts.LinkError as error:
        return _refused(request, error.reason)
    if request.method != "POST":
        return render(request, "core/alerts/confirm.html", _shown(search))
    if alerts.confirm(search, timezone.now()):
        messages.success(request, _("Your email alert is on."))
    return redirect("alert_manage", alerts.manage_token(search))


def manage_view(request, token):
    """One search: how often, delete; and the address's other searches, each with its own
    link (whoever holds this link reads this address's email)."""
    try:
        search = alerts.read_manage_token(token)
    except alerts.LinkError as error:
        return _refused(request, error.reason)
    if not search.is_confirmed:
        return _refused(request, "unconfirmed")
    form = FrequencyForm(initial={"frequency": search.frequency})
    if request.method == "POST":
        if request.POST.get("action") == "delete":
            search.delete()
            return redirect("alert_deleted")
        form = FrequencyForm(request.POST)
        if form.is_valid():
            SavedSearch.objects.filter(pk=search.pk).update(
                frequency=form.cleaned_data["frequency"]
            )
            messages.success(request, _("Your changes were saved."))
            return redirect("alert_manage", token)
    others = (
        SavedSearch.objects.filter(email=search.email, confirmed_at__isnull=False)
        .exclude(pk=search.pk)
        .select_related("listing")
        .order_by("created_at", "pk")
    )
    return render(
        request,
        "core/alerts/manage.html",
        {
            **_shown(search),
            "form": form,
            "others": [
                {**_shown(other), "manage_url": alerts.manage_url(other)} for other in others
            ],
            "unsubscribe_token": token,
        },
    )


# A mail program's one-click unsubscribe (RFC 8058) posts without a CSRF token; the signed
# link is the authority, and the GET only shows a button (link checkers must not unsubscribe).
@csrf_exempt
def unsubscribe_view(request, token):
    try:
        searches = alerts.read_unsubscribe_token(token)
    except alerts.LinkError as error:
        return _refused(request, error.reason)
    if request.method == "POST":
        SavedSearch.objects.filter(pk__in=[search.pk for search in searches]).delete()
        return redirect("alert_deleted")
    return render(
        request,
        "core/alerts/unsubscribe.html",
        {"email": searches[0].email, "searches": [_shown(search) for search in searches]},
    )
