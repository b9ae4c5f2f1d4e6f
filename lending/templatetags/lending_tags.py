from django import template

from core.regions import SubRegion

from ..emails import when
from ..impact import impact_figures
from ..models import BookingStatus

register = template.Library()


@register.simple_tag
def booking_when(booking):
    return when(booking)


@register.simple_tag
def status_label(value):
    try:
        return BookingStatus(value).label
    except ValueError:
        return value


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "")


@register.inclusion_tag("lending/_impact.html")
def lending_impact(months=12):
    """The impact figures for the statistics page: {% load lending_tags %}{% lending_impact %}."""
    return {"impact": impact_figures(months), "region_choices": SubRegion.choices}
