from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from associations.wagtail_hooks import ReachableChosenMultipleView
from home import syndication as home_syndication
from home import views as home_views
from home.sitemaps import LocalisedSitemap
from meidanhame.media import serve_media

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"

urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalisedSitemap}}, name="sitemap"),
    # Before Wagtail's own route: this step of the page chooser does not ask the permission policy.
    path(
        "admin/choose-page/chosen-multiple/",
        require_admin_access(ReachableChosenMultipleView.as_view()),
        name="wagtailadmin_choose_page_chosen_multiple",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    # The read API, in no language prefix: /api/v1/… and /common-grants/… (`api/views.py`).
    path("", include("api.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, serve_media, document_root=settings.MEDIA_ROOT)

# Everything a visitor reads is under /fi/, /sv/ or /en/. Plain Django paths (such as `.ics`
# feeds) come before wagtail_urls, because routable-page routes never match a dot.
urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("search/suggest/", home_views.search_suggest, name="search-suggest"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path(
        "feeds/news.rss", home_syndication.news_syndication_view, {"kind": "rss"}, name="news_rss"
    ),
    path(
        "feeds/news.atom",
        home_syndication.news_syndication_view,
        {"kind": "atom"},
        name="news_atom",
    ),
    path("", include("core.urls")),
    path("", include("catalogue.urls")),
    path("", include("funding.urls")),
    path("", include("accounts.urls")),
    path("", include("associations.urls")),
    path("", include("crisis.urls")),
    path("", include("lending.urls")),
    path("", include("board.urls")),
    path("", include("practices.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
