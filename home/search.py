"""News and content pages in the site search."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import search_index

from .models import NewsPage, StandardPage


def describe_news(page):
    return search_index.Document(
        kind="news",
        summary=page.summary,
        text=[search_index.stream_text(page.body)],
        label=_("%(category)s, %(date)s")
        % {"category": page.get_category_display(), "date": search_index.short_date(page.date)},
    )


def describe_page(page):
    return search_index.Document(
        kind="page",
        summary=page.intro,
        text=[search_index.stream_text(page.body)],
        label=_("Page"),
    )


search_index.register_kind("news", gettext_lazy("News"), order=70)
search_index.register_kind("page", gettext_lazy("Pages"), order=90)
search_index.register(NewsPage, describe_news)
search_index.register(StandardPage, describe_page)
