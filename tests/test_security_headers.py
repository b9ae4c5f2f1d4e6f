"""Security headers: a Content-Security-Policy without inline script on every public page, a
relaxed one for the Wagtail admin, frame protection except for views marked embeddable, and
pages whose markup really runs no inline script (so that the policy breaks nothing)."""

import re

import pytest

from django.http import HttpResponse
from django.middleware.clickjacking import XFrameOptionsMiddleware
from django.test import RequestFactory

from wagtail.models import Page

from meidanhame.security import SecurityHeadersMiddleware, embeddable

pytestmark = pytest.mark.django_db

SCRIPT_TAG = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
JAVASCRIPT_URL = re.compile(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", re.I)


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def one_page_per_type(language="fi"):
    """The URL of one live public page of each page type, in one language."""
    seen = {}
    pages = Page.objects.live().public().filter(locale__language_code=language, depth__gt=1)
    for page in pages.order_by("path").specific(defer=True):
        seen.setdefault(type(page).__name__, page.url)
    return seen


def public_urls():
    urls = list(one_page_per_type("fi").values())
    urls += [one_page_per_type("sv").get("HomePage"), "/fi/search/?q=yhdistys", "/fi/ei-ole/"]
    return [url for url in urls if url]


def test_public_pages_have_a_strict_policy_and_the_other_headers(client):
    response = client.get("/fi/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in response["Permissions-Policy"]


def test_every_page_type_runs_no_inline_script(client):
    """The policy forbids inline script, so no page may rely on one: scripts come from files,
    and the only inline `<script>` elements hold JSON-LD data."""
    urls = public_urls()
    assert len(urls) >= 6, urls
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        assert "'unsafe-inline'" not in response["Content-Security-Policy"], url
        html = response.content.decode()
        for attributes, body in SCRIPT_TAG.findall(html):
            if body.strip():
                assert 'type="application/ld+json"' in attributes, (url, attributes, body[:200])
            else:
                assert "src=" in attributes, (url, attributes)
        assert not EVENT_HANDLER.search(html), (url, EVENT_HANDLER.search(html).group(0))
        assert not JAVASCRIPT_URL.search(html), url


def test_static_files_and_feeds_get_the_headers_too(client):
    response = client.get("/robots.txt")
    assert "Content-Security-Policy" in response
    assert response["X-Content-Type-Options"] == "nosniff"


def test_admin_has_its_own_policy_and_still_works(client, users):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "'unsafe-inline'" in directives(response)["script-src"]
    client.force_login(users["admin"])
    for url in ("/admin/", "/admin/pages/", f"/admin/pages/{one_page_id()}/edit/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert directives(response)["frame-ancestors"] == ["'self'"]


def one_page_id():
    return Page.objects.filter(depth=3).order_by("path").values_list("pk", flat=True).first()


def test_embeddable_views_can_be_framed_by_other_sites():
    @embeddable
    def widget(request):
        return HttpResponse("<p>vapaa</p>")

    def ordinary(request):
        return HttpResponse("<p>varattu</p>")

    request = RequestFactory().get("/fi/lainaamo/sali/vapaat/")
    framed = SecurityHeadersMiddleware(XFrameOptionsMiddleware(widget))(request)
    assert "X-Frame-Options" not in framed
    assert directives(framed)["frame-ancestors"] == ["*"]
    assert directives(framed)["script-src"] == ["'self'"]
    closed = SecurityHeadersMiddleware(XFrameOptionsMiddleware(ordinary))(request)
    assert closed["X-Frame-Options"] == "DENY"
    assert directives(closed)["frame-ancestors"] == ["'none'"]


def test_nul_in_the_query_string_never_reaches_a_view(client):
    """PostgreSQL cannot store or compare NUL in text, so no view ever sees one."""
    response = client.get("/fi/search/?q=lausunto%00")
    assert response.status_code == 200
    assert "Lausunto: yhdistysten toimitilat" in response.content.decode()
    assert "Content-Security-Policy" in response
    assert client.get("/fi/?q=a%2500b").status_code == 200  # a literal "%00" is fine
