from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.jsonld import dumps

register = template.Library()


@register.filter
def lookup(mapping, key):
    """mapping[key] in a template, or "" when missing."""
    try:
        return mapping.get(key, "")
    except AttributeError:
        return ""


@register.filter
def json_ld(data):
    return mark_safe(dumps(data))  # noqa: S308 - dumps escapes <, > and & for <script>


@register.simple_tag
def when(occurrence):
    """A short human date and time for an occurrence: "ti 3.2.2026 klo 18.00–19.30"."""
    start = timezone.localtime(occurrence.start)
    end = timezone.localtime(occurrence.end)
    if occurrence.all_day:
        last = occurrence.last_day
        if last > start.date():
            return f"{start:%-d.%-m.}–{last:%-d.%-m.%Y}"
        return f"{start:%-d.%-m.%Y}"
    day = f"{start:%-d.%-m.%Y}"
    if end.date() != start.date():
        return f"{day} {start:%H.%M} – {end:%-d.%-m.%Y} {end:%H.%M}"
    return _("%(day)s at %(start)s–%(end)s") % {
        "day": day,
        "start": f"{start:%H.%M}",
        "end": f"{end:%H.%M}",
    }


@register.simple_tag(takes_context=True)
def toggle_query(context, **kwargs):
    """The current query string with the given parameters replaced (None removes)."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    for key, value in kwargs.items():
        if value is None or value == "":
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"
