"""One limit for every password login: the site's /tili/kirjaudu/, Wagtail's /admin/login/ and
any login page added later all call Django's `authenticate()`, so the limit lives in the
authentication backend, not in a view.

Only failures count, per username and per client address. After a few free failures each
further one makes the next attempt wait, one minute at first and twice as long after every
failure, up to an hour: a person who mistypes waits a minute, a guesser gets a few dozen
tries a day, and nobody can lock a stranger out for long by sending a few requests. Attempts
refused while waiting are not counted, and a successful login forgets the username's failures
(not the address's, so that an attacker's own account cannot reset the count of its guesses).

Two requests at the same moment may both read the same count; that lets a burst of parallel
guesses through once, which the doubling wait soon ends.
"""

import hashlib
import time

from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache

from core.net import client_address

USERNAME_FREE_FAILURES = 5
ADDRESS_FREE_FAILURES = 20  # an office behind one address has many people who mistype
FIRST_WAIT = 60  # seconds
LONGEST_WAIT = 60 * 60
MEMORY = 24 * 60 * 60  # failures are forgotten a day after the last one


def _keys(request, username):
    """(cache key, free failures) of the counters that an attempt touches."""
    keys = []
    if username:
        keys.append((_key("username", username.strip().lower()), USERNAME_FREE_FAILURES))
    if request is not None:
        keys.append((_key("address", client_address(request)), ADDRESS_FREE_FAILURES))
    return keys


def _key(scope, value):
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]
    return f"login-failures:{scope}:{digest}"


def _wait(failures, free):
    if failures < free:
        return 0
    return min(FIRST_WAIT * 2 ** (failures - free), LONGEST_WAIT)


def retry_after(request, username):
    """Seconds until `username` may try to log in from this client again; 0 when it may now."""
    now = time.time()
    longest = 0
    for key, free in _keys(request, username):
        failures, last = cache.get(key, (0, 0))
        longest = max(longest, last + _wait(failures, free) - now)
    return max(0, int(longest + 0.999))


def record_failure(request, username):
    now = time.time()
    for key, _free in _keys(request, username):
        failures, _last = cache.get(key, (0, 0))
        cache.set(key, (failures + 1, now), MEMORY)


def forget_failures(username):
    cache.delete(_key("username", username.strip().lower()))


class ThrottledModelBackend(ModelBackend):
    """Django's username-and-password check, refusing while the username or the client must
    wait. Pages that want to say why ask `retry_after()` themselves before authenticating."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return super().authenticate(request, username, password, **kwargs)
        if retry_after(request, username):
            return None
        user = super().authenticate(request, username, password, **kwargs)
        if user is None:
            record_failure(request, username)
        else:
            forget_failures(username)
        return user


class EarlierSessionBackend(ModelBackend):
    """Finds the user of a session opened when this module was associations/login_limits.py:
    the session names that path, which settings still list, so nobody is logged out by the
    move. It checks no password: every login passes the limit above, and only once."""

    def authenticate(self, request, **kwargs):
        return None
