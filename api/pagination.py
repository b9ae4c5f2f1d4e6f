"""Pages of a Linked Events list: `page` and `page_size` (at most 100), and the envelope
`{"meta": {count, next, previous}, "data": [...]}`."""

import math

from django.utils.translation import gettext as _

from .http import BadParameters
from .links import api_url

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


def page_number(value, name, problems, *, highest=None):
    """A positive whole number, or None (missing or refused, with the reason in `problems`)."""
    value = (value or "").strip()
    if not value:
        return None
    if not value.isdigit() or int(value) < 1 or (highest and int(value) > highest):
        problems.append(
            _("“%(value)s” is not a valid number for “%(name)s”.")
            % {"value": value[:60], "name": name}
        )
        return None
    return int(value)


def read_page(query, problems):
    """(page, page size) from a query string."""
    page = page_number(query.get("page"), "page", problems) or 1
    size = (
        page_number(query.get("page_size"), "page_size", problems, highest=MAX_PAGE_SIZE)
        or DEFAULT_PAGE_SIZE
    )
    return page, size


def window(count, page, size):
    """(first row, number of pages); a page past the last is a bad parameter."""
    pages = max(math.ceil(count / size), 1)
    if page > pages:
        raise BadParameters([_("There is no page %(page)s.") % {"page": page}])
    return (page - 1) * size, pages


def envelope(request, path, count, page, pages, data):
    def link(number):
        query = request.GET.copy()
        query["page"] = str(number)
        return api_url(path) + "?" + query.urlencode()

    return {
        "meta": {
            "count": count,
            "next": link(page + 1) if page < pages else None,
            "previous": link(page - 1) if page > 1 else None,
        },
        "data": data,
    }


def paginated(request, path, items, known=()):
    """A whole list already in memory (places, keywords, languages), paged; parameters other
    than `known` and the page ones are refused."""
    problems = [
        _("Unknown parameter “%(name)s”.") % {"name": name[:60]}
        for name in request.GET
        if name not in ("page", "page_size", *known)
    ]
    page, size = read_page(request.GET, problems)
    if problems:
        raise BadParameters(problems)
    first, pages = window(len(items), page, size)
    return envelope(request, path, len(items), page, pages, items[first : first + size])
