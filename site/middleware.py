"""Answer a friendly 503 while the database is unreachable, and recover by itself.

Django opens (or health-checks, with CONN_HEALTH_CHECKS) its connection at the start of each
request and drops an unusable one at the end, so once the database is back the next request
simply works: nothing here has to remember that it was down.
"""

import logging
import time

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger("meidanhame.database")

RETRY_AFTER_SECONDS = 30
# Log the outage at most once a minute per process, not once per request.
LOG_INTERVAL_SECONDS = 60


class DatabaseUnavailableMiddleware:
    """Turns `OperationalError`/`InterfaceError` from a view into a 503 in the visitor's
    language with `Retry-After`. The page is rendered without a RequestContext, so no context
    processor (site settings, menus, the user) touches the database."""

    _last_logged = 0.0

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        if database_answers():
            # A bad query (e.g. a search syntax error), not an outage: a 500 that shows the bug.
            return None
        now = time.monotonic()
        cls = type(self)
        if now - cls._last_logged >= LOG_INTERVAL_SECONDS:
            cls._last_logged = now
            logger.error("The database does not answer: %s", exception, exc_info=exception)
        return service_unavailable(request)


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


def service_unavailable(request):
    # 500.html is written for exactly this: no database, no context processors, translated.
    html = render_to_string("500.html", {"request": request})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
