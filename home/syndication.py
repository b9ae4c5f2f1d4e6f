"""RSS and Atom of the news of one language (of one category, `?category=`), the newest first."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from wagtail.models import Locale

from calendars.http import bad_request, feed_response
from core.page_urls import absolute_url
from core.syndication import FORMATS, ITEM_LIMIT, ListingFeed

from .models import NewsCategory, NewsIndexPage, NewsPage, news_reader_urls


class NewsFeed(ListingFeed):
    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return page.summary

    def item_guid(self, page):
        return self.item_link(page)

    def item_guid_is_permalink(self, page):
        return True

    def item_pubdate(self, page):
        # The news item's own date, at the start of that day here.
        midnight = datetime.datetime.combine(page.date, datetime.time())
        return timezone.make_aware(midnight)

    def item_categories(self, page):
        return [page.get_category_display()]


def news_syndication_view(request, kind):
    language = get_language() or settings.LANGUAGE_CODE
    locale = Locale.objects.filter(language_code=language).first()
    category = request.GET.get("category", "")
    unknown = sorted(set(request.GET) - {"category"})
    problems = [_("Unknown parameter “%(name)s”.") % {"name": name[:60]} for name in unknown]
    if category and category not in NewsCategory.values:
        problems.append(
            _("Unknown category “%(value)s”: choose one of %(choices)s.")
            % {"value": category[:60], "choices": ", ".join(NewsCategory.values)}
        )
    if problems:
        heading = _("No feed was made for these parameters. Correct or remove them:")
        return bad_request("\n".join([heading, *problems]))

    def build():
        with override(language):
            news = NewsPage.objects.live().public().filter(locale=locale).defer_streamfields()
            if category:
                news = news.filter(category=category)
            pages = list(news.order_by("-date", "-pk")[:ITEM_LIMIT])
            index = NewsIndexPage.objects.live().filter(locale=locale).first()
            link = absolute_url(index, request) if index else settings.BASE_URL + "/"
            title = _("News: Meidän Häme")
            if category:
                title = f"{title} – {NewsCategory(category).label}"
            meta = {
                "title": title,
                "link": f"{link}?category={category}" if category else link,
                "description": _("News of the association council of Kanta-Häme."),
                "feed_url": news_reader_urls(language, category)[kind],
                "language": language,
            }
            return NewsFeed(kind, meta, pages).render(request)

    return feed_response(
        request,
        cache_key=f"home:news:{kind}:{language}:{category}",
        build=build,
        filename=f"{_('news')}.{kind}",
        content_type=FORMATS[kind].content_type,
    )
