"""The home page's highlights: each app registers a template and a function that fills it.

A provider takes (home_page, request) and returns a dict for the template; it must use a
constant number of queries, since it runs on every view of the front page.
"""

_highlights = []


def register(template_name):
    def decorator(provider):
        _highlights.append((template_name, provider))
        return provider

    return decorator


def registered():
    return tuple(_highlights)
