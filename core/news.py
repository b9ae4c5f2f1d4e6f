"""Editors' news shown on other apps' pages (the funding index lists the latest funding news).

News pages belong to `home`, the top layer, so the pages below it ask through this registry
and never import `home`. `home` registers its source in AppConfig.ready().
"""

_source = None


def register(source):
    """`source(locale_id, category, count)` returns the latest live, public news items."""
    global _source
    _source = source
    return source


def latest(locale_id, category, count):
    return _source(locale_id, category, count) if _source is not None else []
