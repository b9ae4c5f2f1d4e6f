"""The library's pages: the list with filters and the readiness shelf, its RSS/Atom feed
(cached, with ETag and 304), a practice's page with its JSON-LD, and the contact form. No
view shows an association's or a person's email address."""

from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from django.utils.translation import override

from associations.contact import ContactForm, read_message, thank_sender
from calendars.http import bad_request, feed_response
from core.jsonld import dumps
from core.page_urls import absolute_url, site_url
from core.pages import render_subpage
from core.regions import Municipality
from core.syndication import FORMATS, ITEM_LIMIT, ListingFeed

from . import readiness
from .filters import parse_filters
from .jsonld import practice_jsonld
from .models import GoodPracticePage, field_choices, theme_choices
from .services import send_contact_message


def _published(index, filters):
    return (
        GoodPracticePage.objects.child_of(index)
        .published()
        .filter(locale_id=index.locale_id)
        .matching(filters)
        .for_listing()
    )


def _filters(request):
    themes, fields = theme_choices(), field_choices()
    filters = parse_filters(
        request.GET, [slug for slug, _name in themes], [slug for slug, _name in fields]
    )
    return filters, themes, fields


def library_context(index, request):
    filters, themes, fields = _filters(request)
    paginator = Paginator(_published(index, filters), index.page_size)
    page_obj = paginator.get_page(filters.page)
    theme_names = dict(themes)
    practices = list(page_obj.object_list)
    for practice in practices:
        practice.theme_names = [theme_names.get(slug, slug) for slug in practice.themes]
    # Asked for every request (a constant number of queries); shown when they can match.
    guides = readiness.guides_for(index.locale, filters.text)
    return {
        "filters": filters,
        "page_obj": page_obj,
        "practices": practices,
        "result_count": paginator.count,
        "guides": [] if filters.narrows_by_facts else guides,
        "theme_choices": themes,
        "field_choices": fields,
        "municipality_choices": Municipality.choices,
        "query": filters.query_string(),
    }


class PracticeFeed(ListingFeed):
    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return "\n\n".join([f"{page.association.title} · {page.municipality_label}", page.summary])

    def item_author_name(self, page):
        return page.association.title

    def item_guid(self, page):
        return absolute_url(page, self.request)

    def item_guid_is_permalink(self, page):
        return True


def library_feed_view(index, request, kind):
    if kind not in FORMATS:
        return bad_request(_("The feed is “rss” or “atom”."))
    filters, _themes, _fields = _filters(request)
    if filters.problems:
        return bad_request("\n".join(filters.problems))
    query = filters.query_string()
    language = index.locale.language_code

    def build():
        with override(language):
            page_url = absolute_url(index, request)
            meta = {
                "title": _("Good practices: %(title)s") % {"title": index.title},
                "link": f"{page_url}?{query}" if query else page_url,
                "description": _("Good practices of associations in Kanta-Häme, the newest first."),
                "feed_url": site_url(request.path) + (f"?{query}" if query else ""),
                "language": language,
            }
            items = list(_published(index, filters)[:ITEM_LIMIT])
            return PracticeFeed(kind, meta, items).render(request)

    # Published changes start a new feeds generation, so the cached copy is never stale.
    return feed_response(
        request,
        cache_key=f"practices:{kind}:{index.pk}:{query}",
        build=build,
        filename=f"{index.slug}.{kind}",
        content_type=FORMATS[kind].content_type,
    )


def practice_context(page, request, form=None):
    themes, fields = dict(theme_choices()), dict(field_choices())
    theme_names = [themes.get(slug, slug) for slug in page.themes]
    attachments = [
        {"title": item.title, "url": site_url(item.document.url)}
        for item in page.attachments.select_related("document")
    ]
    return {
        "jsonld": dumps(practice_jsonld(page, request, theme_names, attachments)),
        "theme_names": theme_names,
        "field_names": [fields.get(slug, slug) for slug in page.fields_of_activity],
        "attachments": attachments,
        "contact_form": (form or ContactForm()).describe(),
        "can_contact": page.live,
    }


def contact_view(page, request):
    """The contact form's post: a message to the association's admins, or the form again with
    what to correct (400), or 429 when one sender writes too often."""
    if request.method != "POST":
        return HttpResponseRedirect(page.url)
    form, refused = read_message(request, "practice-contact")
    if refused:
        return _contact_again(page, request, form, status=refused)
    send_contact_message(page.source_page, **form.cleaned_data)
    thank_sender(request, page.association)
    return HttpResponseRedirect(page.url)


def _contact_again(page, request, form, status):
    context = practice_context(page, request, form)
    return render_subpage(page, request, "practices/good_practice_page.html", context, status)
