from django import template

from ..statistics import chart_geometry as _chart_geometry

register = template.Library()


@register.simple_tag
def chart_geometry(bars):
    return _chart_geometry(bars)
