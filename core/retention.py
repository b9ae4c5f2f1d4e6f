"""How long personal data is kept after the event it was given for (DESIGN: a site setting).

Editors set the period in the site settings, which belong to `home`, the top layer; the
apps that purge (registrations, bookings) sit below it and ask here. `home` registers the
source in its AppConfig.ready(); without one (a bare test project) the default holds.
"""

DEFAULT_DAYS = 90

_source = None


def register(source):
    """`source()` returns the period in days set for the default site, or None."""
    global _source
    _source = source
    return source


def retention_days():
    days = _source() if _source is not None else None
    return DEFAULT_DAYS if days is None else days
