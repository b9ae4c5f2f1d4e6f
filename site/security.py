"""Security headers for every response: Content-Security-Policy, Permissions-Policy and frame
protection, with one relaxed policy for the Wagtail admin and an opt-in for embeddable views.

Django's SecurityMiddleware already sends `X-Content-Type-Options` and `Referrer-Policy`
(SECURE_CONTENT_TYPE_NOSNIFF, SECURE_REFERRER_POLICY) and XFrameOptionsMiddleware sends
`X-Frame-Options: DENY`; this module adds what Django 5.2 does not have.

The public pages run no inline script: the only `<script>` elements in the templates load
`static/js/site.js`, or hold JSON-LD (`type="application/ld+json"`), which browsers do not
execute and CSP does not block.
"""

import re
from functools import wraps
from urllib.parse import unquote_plus

from django.conf import settings

# The public site: only our own files, no inline script or style, no plugins, not framed.
PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    # Videos that editors embed with Wagtail's embed block.
    "frame-src": [
        "'self'",
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ],
    "media-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

# Wagtail's admin uses inline scripts and styles (its page editor, Draftail, previews in an
# iframe of the same origin), so it gets a policy without the script restriction but keeps
# the rest: no plugins, no foreign base URL, framed only by itself (the preview panel).
ADMIN_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    # Avatars come from Gravatar in the page's own scheme (http on a development server).
    "img-src": ["'self'", "data:", "blob:", "https:", "www.gravatar.com"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", "https:"],
    "media-src": ["'self'", "blob:", "https:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}

PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), "
    "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "usb=(), interest-cohort=()"
)


def render_policy(policy):
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in policy.items())


def embeddable(view):
    """Let other sites frame this view (the lending free/busy widgets): the response gets
    `frame-ancestors *` in its policy and no X-Frame-Options header."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.embeddable = True
        # Tells Django's XFrameOptionsMiddleware to leave the response alone.
        response.xframe_options_exempt = True
        return response

    return wrapped


NUL_IN_QUERY = re.compile(r"%00|\x00", re.IGNORECASE)


class SecurityHeadersMiddleware:
    """Adds Content-Security-Policy and Permissions-Policy to every response that has none.

    Place it first in MIDDLEWARE, so that it also sees the responses other middleware make
    (the 503 page while the database is down, redirects, 404 pages)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefixes = tuple(getattr(settings, "SECURITY_ADMIN_PREFIXES", ("/admin/",)))
        self.public_header = render_policy(PUBLIC_POLICY)
        self.admin_header = render_policy(ADMIN_POLICY)
        self.embeddable_header = render_policy({**PUBLIC_POLICY, "frame-ancestors": ["*"]})

    def __call__(self, request):
        query_string = request.META.get("QUERY_STRING", "")
        if "\x00" in unquote_plus(query_string):
            # No parameter may hold NUL: PostgreSQL rejects it in text, so a filter that passed
            # one on would fail with a 500. Dropped here once for every view, before any view
            # parses the query, so each view answers the rest as usual (search: 200 with a note).
            request.META["QUERY_STRING"] = NUL_IN_QUERY.sub("", query_string)
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.policy_for(request, response)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if getattr(response, "embeddable", False):
            response.headers.pop("X-Frame-Options", None)
        return response

    def policy_for(self, request, response):
        if getattr(response, "embeddable", False):
            return self.embeddable_header
        if request.path.startswith(self.admin_prefixes):
            return self.admin_header
        return self.public_header
