"""The board's pages: the listing with filters, its RSS/Atom feed, a listing's page with its
JSON-LD, and the contact form. No view shows an association's or a person's email address."""

from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext as _

from associations.contact import ContactForm, read_message, thank_sender
from calendars.http import feed_response
from core import alerts
from core.jsonld import dumps
from core.page_urls import absolute_url, site_url
from core.pages import render_subpage
from core.regions import Municipality
from core.syndication import FORMATS, ITEM_LIMIT, ListingFeed

from .filters import parse_filters
from .jsonld import listing_jsonld
from .models import BoardListingPage, ListingKind, field_choices, theme_choices
from .services import send_contact_message


def _current(page, filters, today=None):
    return (
        BoardListingPage.objects.child_of(page)
        .current(today)
        .filter(locale_id=page.locale_id)
        .matching(filters)
        .for_listing()
    )


def board_listing_context(page, request):
    fields = field_choices()
    filters = parse_filters(request.GET, [slug for slug, _name in fields])
    paginator = Paginator(_current(page, filters), page.page_size)
    page_obj = paginator.get_page(filters.page)
    return {
        "filters": filters,
        "page_obj": page_obj,
        "listings": page_obj.object_list,
        "result_count": paginator.count,
        "kind_choices": ListingKind.choices,
        "field_choices": fields,
        "municipality_choices": Municipality.choices,
        "query": filters.query_string(),
        "alert": alerts.signup(request, page, filters.query_string()),
    }


class BoardFeed(ListingFeed):
    def item_title(self, page):
        return f"{page.get_kind_display()}: {page.title}"

    def item_description(self, page):
        return "\n\n".join(
            [
                f"{page.association.title} · {page.municipality_label}",
                page.summary,
                _("Listed until %(date)s") % {"date": page.expires_on.strftime("%d.%m.%Y")},
            ]
        )

    def item_author_name(self, page):
        return page.association.title

    def item_guid(self, page):
        # Listings have no uid of their own; the address of the page never changes.
        return absolute_url(page, self.request)

    def item_guid_is_permalink(self, page):
        return True

    def item_categories(self, page):
        return [str(page.get_kind_display())]


def board_feed_view(page, request, kind):
    if kind not in FORMATS:
        return HttpResponseBadRequest(
            _("The feed is “rss” or “atom”."), content_type="text/plain; charset=utf-8"
        )
    filters = parse_filters(request.GET)
    if filters.problems:
        return HttpResponseBadRequest(
            "\n".join(filters.problems), content_type="text/plain; charset=utf-8"
        )
    query = filters.query_string()
    today = timezone.localdate()

    def build():
        page_url = absolute_url(page, request)
        meta = {
            "title": _("Cooperation board: %(title)s") % {"title": page.title},
            "link": f"{page_url}?{query}" if query else page_url,
            "description": _(
                "Associations in Kanta-Häme asking for and offering help, volunteers, shared "
                "employees and project partners, the newest first."
            ),
            "feed_url": site_url(request.path) + (f"?{query}" if query else ""),
            "language": page.locale.language_code,
        }
        items = list(_current(page, filters, today)[:ITEM_LIMIT])
        return BoardFeed(kind, meta, items).render(request)

    # Listings leave the board on their last day, so a cached copy lasts at most the day;
    # publishing anything starts a new feeds generation.
    return feed_response(
        request,
        cache_key=f"board:syndication:{kind}:{page.pk}:{today:%Y%m%d}:{query}",
        build=build,
        filename=f"{page.slug}.{kind}",
        content_type=FORMATS[kind].content_type,
    )


def listing_page_context(page, request, form=None):
    themes = dict(theme_choices())
    fields = dict(field_choices())
    return {
        "jsonld": dumps(listing_jsonld(page, request)),
        "theme_names": [themes.get(slug, slug) for slug in page.themes],
        "field_names": [fields.get(slug, slug) for slug in page.fields_of_activity],
        "contact_form": (form or ContactForm()).describe(),
        "can_contact": page.live and not page.is_expired,
    }


def contact_view(page, request):
    """The contact form's post: a message to the association's admins, or the form again with
    what to correct (400), or 429 when one sender writes too often."""
    if request.method != "POST":
        return HttpResponseRedirect(page.url)
    form = ContactForm(request.POST)
    if not (page.live and not page.is_expired):
        form.is_valid()
        form.add_error(None, _("This listing has ended, so it takes no more messages."))
        return _contact_again(page, request, form, status=400)
    form, refused = read_message(request, "board-contact")
    if refused:
        return _contact_again(page, request, form, status=refused)
    send_contact_message(page.source_page, **form.cleaned_data)
    thank_sender(request, page.association)
    return HttpResponseRedirect(page.url)


def _contact_again(page, request, form, status):
    context = listing_page_context(page, request, form)
    context["today"] = timezone.localdate()
    return render_subpage(page, request, "board/board_listing_page.html", context, status=status)
