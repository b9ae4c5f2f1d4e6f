"""Saved searches with email alerts, one model for every listing: a listing (the training
catalogue, a funding index, later others) registers a `Listing` that reads its filters and
finds what is new for a search; this module does the rest: the signed links, when a search is
due, what was already sent, and the emails.

A search starts unconfirmed; the emailed confirmation link (signed, valid for a week) confirms
it. A daily search is due once a day, a weekly one once a week on Mondays, so that all of a
person's weekly searches arrive together. `send_alerts` queues one task per address and
language; the worker locks that address's due searches, asks each listing for its news, and
queues ONE email with a section per search that has any (the digest). Every email carries a
signed link to manage each search and a one-click `List-Unsubscribe` header (RFC 8058) for the
searches in it. `AlertDelivery` remembers what was sent, so nothing is sent twice.
"""

import dataclasses
import datetime
from zoneinfo import ZoneInfo

from django_tasks import task

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .forms import AlertForm
from .mail import queue
from .models import AlertDelivery, AlertFrequency, AlertKind, SavedSearch
from .page_urls import absolute_url

# The salts of the first alerts (funding's), kept so that links already emailed still work.
CONFIRM_SALT = "funding.alert.confirm"
MANAGE_SALT = "funding.alert.manage"
UNSUBSCRIBE_SALT = "alerts.unsubscribe"
CONFIRM_MAX_AGE = 60 * 60 * 24 * 7
ZONE = ZoneInfo(settings.TIME_ZONE)


# --- what a listing tells the alerts ---------------------------------------------------------


@dataclasses.dataclass
class Item:
    """One thing in an alert email: the listing's `key` for it (a page id), and what the
    listing's item template shows (`title`, `url` and anything else it needs)."""

    key: str
    title: str
    url: str
    details: dict = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class News:
    """What a listing found for one search since it was last checked: new items, reminders
    as (item, round key) before a deadline, and items already sent that were cancelled."""

    new: list = dataclasses.field(default_factory=list)
    closing: list = dataclasses.field(default_factory=list)
    cancelled: list = dataclasses.field(default_factory=list)


class Listing:
    """A listing page type that offers saved searches. Subclass it in the listing's app, set
    `page_model`, and register it (`@alerts.register`) when the app is ready. Its texts are
    read in the active language."""

    page_model = None
    item_template = "core/email/_alert_item.txt"

    def search(self, page, query):
        """(canonical query string, description lines) of the filters in `query`, a QueryDict,
        on the listing `page`; an unknown or wrong filter is left out (the listing's own page
        shows why)."""
        raise NotImplementedError

    def news(self, search, page, since, now):
        """The `News` of `search` (on the listing `page`, its specific page) since `since`."""
        raise NotImplementedError

    def subject(self, new, closing, cancelled):
        """The subject of an email about one search with these counts."""
        raise NotImplementedError

    # The texts of the sign-up, the pages and the email.
    def signup_heading(self):
        return _("Email me what is new for this search")

    def signup_intro(self):
        return _(
            "We email you when something that matches the filters above is published. No "
            "account needed; every email has a link to unsubscribe."
        )

    def form_title(self):
        return _("Email alert")

    def everything(self):
        return _("Everything on the list")

    def new_heading(self):
        return _("New, matching your search:")

    def back_text(self):
        return _("Back to the list")


_listings = {}


def register(listing_class):
    """Class decorator: offer saved searches on `listing_class.page_model` pages."""
    _listings[listing_class.page_model] = listing_class()
    return listing_class


def listing_of(page):
    """The registered `Listing` of a page (base or specific, by its content type), or None."""
    return _listings.get(page.specific_class) if page is not None else None


def listing_for_content_type(content_type_id):
    """The registered `Listing` of the page type with this content type id, or None."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return _listings.get(model)


# --- links ------------------------------------------------------------------------------------


class LinkError(Exception):
    """Why a link cannot be used: "expired" or "invalid" (tampered, or the search is gone)."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def confirm_token(search):
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(f"{search.pk}.{search.secret}")


def manage_token(search):
    return signing.Signer(salt=MANAGE_SALT).sign(f"{search.pk}.{search.secret}")


def unsubscribe_token(searches):
    """One link that unsubscribes every search of an email at once (its one-click header);
    for one search, its manage token."""
    if len(searches) == 1:
        return manage_token(searches[0])
    pairs = sorted([search.pk, search.secret] for search in searches)
    return signing.dumps(pairs, salt=UNSUBSCRIBE_SALT, compress=True)


def _searches():
    return SavedSearch.objects.select_related("listing")


def _search_of(value):
    try:
        pk, secret = value.split(".", 1)
        search = _searches().get(pk=int(pk))
    except (ValueError, OverflowError, SavedSearch.DoesNotExist) as error:
        raise LinkError("invalid") from error
    if not constant_time_compare(search.secret, secret):
        raise LinkError("invalid")
    return search


def read_confirm_token(token):
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired as error:
        raise LinkError("expired") from error
    except signing.BadSignature as error:
        raise LinkError("invalid") from error
    return _search_of(value)


def read_manage_token(token):
    try:
        value = signing.Signer(salt=MANAGE_SALT).unsign(token)
    except signing.BadSignature as error:
        raise LinkError("invalid") from error
    return _search_of(value)


def read_unsubscribe_token(token):
    """The searches an unsubscribe link still names (a manage link names one). Raises
    LinkError when the link is tampered with or all of them are gone."""
    try:
        return [read_manage_token(token)]
    except LinkError:
        pass
    try:
        pairs = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        secrets = {int(pk): str(secret) for pk, secret in pairs}
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise LinkError("invalid") from error
    found = [
        search
        for search in _searches().filter(pk__in=list(secrets)).order_by("pk")
        if constant_time_compare(search.secret, secrets[search.pk])
    ]
    if not found:
        raise LinkError("invalid")
    return found


def absolute(path):
    return f"{settings.BASE_URL}{path}"


def in_language(language, name, *args):
    with translation.override(language):
        return absolute(reverse(name, args=args))


def confirm_url(search):
    return in_language(search.language, "alert_confirm", confirm_token(search))


def manage_url(search):
    return in_language(search.language, "alert_manage", manage_token(search))


def unsubscribe_url(searches):
    return in_language(searches[0].language, "alert_unsubscribe", unsubscribe_token(searches))


def search_url(search):
    url = absolute_url(search.listing)
    return f"{url}?{search.query}" if search.query else url


def describe(search):
    """The search's filters in words, in the active language (empty: everything)."""
    listing = listing_of(search.listing)
    if listing is None:
        return []
    return listing.search(search.listing, QueryDict(search.query))[1]


# --- signing up -------------------------------------------------------------------------------


def signup(request, page, query):
    """The context of a listing's sign-up box (`components/alert_signup.html`) for the
    canonical `query` of the filters on show."""
    email = request.user.email if request.user.is_authenticated else ""
    return {
        "url": reverse("alert_subscribe", args=[page.pk]),
        "form": AlertForm(initial={"email": email, "query": query}),
        "listing": listing_of(page),
    }


def subscribe(page, email, frequency, query, language):
    """Save the unconfirmed search (or find the same one) and email its confirmation link.
    The answer is the same whether the address already had this search, so the page does not
    tell strangers who subscribes to what."""
    try:
        with transaction.atomic():
            search, _created = SavedSearch.objects.get_or_create(
                listing_id=page.pk,
                email=email,
                query=query,
                defaults={"frequency": frequency, "language": language},
            )
    except IntegrityError:  # the same sign-up twice at once
        search = SavedSearch.objects.get(listing_id=page.pk, email=email, query=query)
    if not search.is_confirmed:
        SavedSearch.objects.filter(pk=search.pk).update(frequency=frequency, language=language)
        search.frequency, search.language = frequency, language
    search.listing = page
    send_confirmation(search)
    return search


def send_confirmation(search):
    listing = listing_of(search.listing)
    with translation.override(search.language):
        body = render_to_string(
            "core/email/alert_confirm.txt",
            {
                "search": search,
                "listing": listing,
                "description": describe(search),
                "confirm_url": confirm_url(search),
                "listing_title": search.listing.title,
                "valid_days": CONFIRM_MAX_AGE // 86400,
            },
        )
        subject = _("Confirm your email alert")
    queue(
        EmailMessage(f"Meidän Häme: {subject}", body, None, [search.email]),
        kind="alert-confirm",
        about=f"alert:{search.pk}",
    )


def confirm(search, now):
    """Confirm once. What is already listed is not news: the first email has what is new
    from now on."""
    return SavedSearch.objects.filter(pk=search.pk, confirmed_at__isnull=True).update(
        confirmed_at=now, last_checked_at=now
    )


# --- when, and what, to send -----------------------------------------------------------------


def period_start(frequency, now):
    """The start of the current period: today's midnight for a daily search, this week's
    Monday midnight (local time) for a weekly one. A search checked before it is due."""
    local = timezone.localtime(now, ZONE)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    if frequency == AlertFrequency.DAILY:
        return midnight
    return midnight - datetime.timedelta(days=local.weekday())


def is_due(search, now):
    return search.last_checked_at is None or search.last_checked_at < period_start(
        search.frequency, now
    )


@dataclasses.dataclass
class Section:
    """One search's part of an email."""

    search: SavedSearch
    listing: Listing
    news: News

    @property
    def count(self):
        return len(self.news.new) + len(self.news.closing) + len(self.news.cancelled)


def _unsent(search, news):
    """`news` without what this search has already sent, and the deliveries to record."""
    sent = set(AlertDelivery.objects.filter(search=search).values_list("item", "kind", "key"))
    new = [item for item in news.new if (item.key, AlertKind.NEW, "") not in sent]
    new_keys = {item.key for item in new}
    closing = [
        (item, key) for item, key in news.closing if (item.key, AlertKind.CLOSING, key) not in sent
    ]
    cancelled = [
        item
        for item in news.cancelled
        if (item.key, AlertKind.CANCELLED, "") not in sent and item.key not in new_keys
    ]
    records = (
        [(item.key, AlertKind.NEW, "") for item in new]
        + [(item.key, AlertKind.CLOSING, key) for item, key in closing]
        + [(item.key, AlertKind.CANCELLED, "") for item in cancelled]
    )
    # A reminder of an item that is also new in this email is recorded but not repeated.
    shown_closing = [(item, key) for item, key in closing if item.key not in new_keys]
    return News(new, shown_closing, cancelled), records


def process(pks, now):
    """Send what is due for these confirmed searches (of one address and language) in one
    email, and remember it; the number of items sent. Locks the searches' rows, so two runs at
    once cannot send the same item twice."""
    with transaction.atomic():
        searches = list(
            _searches()
            .select_for_update(of=("self",))
            .filter(pk__in=pks, confirmed_at__isnull=False)
            .order_by("pk")
        )
        sections = []
        for search in searches:
            if not is_due(search, now):
                continue
            listing = listing_of(search.listing)
            if listing is not None:
                since = search.last_checked_at or search.confirmed_at or now
                page = search.listing.specific_deferred
                found, records = _unsent(search, listing.news(search, page, since, now))
                AlertDelivery.objects.bulk_create(
                    [
                        AlertDelivery(search=search, item=item, kind=kind, key=key, sent_at=now)
                        for item, kind, key in records
                    ]
                )
                section = Section(search, listing, found)
                if section.count:
                    sections.append(section)
                    search.last_sent_at = now
            search.last_checked_at = now
            search.save(update_fields=["last_checked_at", "last_sent_at"])
        if sections:
            send_digest(sections, revision=now.isoformat())
    return sum(section.count for section in sections)


def subject_of(sections):
    if len(sections) == 1:
        news = sections[0].news
        return sections[0].listing.subject(len(news.new), len(news.closing), len(news.cancelled))
    count = sum(section.count for section in sections)
    return ngettext(
        "%(count)d new item in your saved searches",
        "%(count)d new items in your saved searches",
        count,
    ) % {"count": count}


def send_digest(sections, revision=None):
    """One email to the address of `sections` (searches of one address and language)."""
    searches = [section.search for section in sections]
    first = searches[0]
    with translation.override(first.language):
        context = {
            "sections": [
                {
                    "listing": section.listing,
                    "listing_title": section.search.listing.title,
                    "news": section.news,
                    "description": describe(section.search),
                    "frequency": section.search.get_frequency_display(),
                    "search_url": search_url(section.search),
                    "manage_url": manage_url(section.search),
                    "item_template": section.listing.item_template,
                }
                for section in sections
            ],
            "unsubscribe_url": unsubscribe_url(searches),
            "several": len(sections) > 1,
        }
        body = render_to_string("core/email/alert.txt", context)
        subject = subject_of(sections)
        headers = {
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    queue(
        EmailMessage(f"Meidän Häme: {subject}", body, None, [first.email], headers=headers),
        kind="alert",
        about="alerts:" + ",".join(str(search.pk) for search in searches),
        revision=revision,
    )


def delete_unconfirmed(now):
    """Addresses never confirmed are not kept: their link has expired."""
    cutoff = now - datetime.timedelta(seconds=CONFIRM_MAX_AGE)
    _total, by_model = SavedSearch.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return by_model.get(SavedSearch._meta.label, 0)


@task()
def process_searches(pks, now):
    """One address's share of `send_alerts`, run by the worker (`process`)."""
    return process(pks, datetime.datetime.fromisoformat(now))


def queue_due(now=None):
    """Queue one task per address and language with confirmed searches that are due; returns
    (tasks, searches). The moment is the command's, so a task that waits in the queue sends
    what was due then. A task gets the searches' ids, never the address."""
    now = now or timezone.now()
    confirmed = SavedSearch.objects.filter(confirmed_at__isnull=False).only(
        "pk", "email", "language", "frequency", "last_checked_at"
    )
    groups = {}
    for search in confirmed.order_by("pk"):
        if is_due(search, now):
            groups.setdefault((search.email, search.language), []).append(search.pk)
    for pks in groups.values():
        process_searches.enqueue(pks, now.isoformat())
    return len(groups), sum(len(pks) for pks in groups.values())
