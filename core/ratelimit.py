"""A small fixed-window rate limiter on the shared cache, for login and sign-up.

    if not allow(request, "login", limit=10, window=300, extra=username):
        ... answer 429 ...

Keys are per client address (and, for login, per username too), so one attacker cannot lock
out everyone and one account cannot be guessed from many addresses unnoticed.
"""

import hashlib

from django.core.cache import cache

from core.net import client_address


def _key(scope, value):
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}"


def hit(scope, value, limit, window):
    """Count one attempt; True while the count stays within `limit` in `window` seconds."""
    key = _key(scope, value)
    if cache.add(key, 1, timeout=window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return True
    return count <= limit


def allow(request, scope, *, limit, window, extra=""):
    ok = hit(scope, client_address(request), limit, window)
    if extra:
        ok = hit(f"{scope}:id", extra.strip().lower(), limit, window) and ok
    return ok
