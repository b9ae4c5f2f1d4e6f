from django import template

from ..statistics import chart_geometry as _chart_geometry

register = template.Library()


@register.simple_tag
def chart_geometry(bars):
    return _chart_geometry(bars)


@register.filter
def signed(change):
    """A change as text with its sign (+3, −2, 0): read aloud, not told by colour."""
    if change is None:
        return "–"
    if change > 0:
        return f"+{change}"
    if change < 0:
        return f"−{-change}"
    return "0"
