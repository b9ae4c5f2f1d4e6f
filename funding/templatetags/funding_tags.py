"""Template helpers of the funding pages: deadlines in Helsinki time, statuses, amounts."""

from django import template
from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.jsonld import dumps
from funding.blocks import chapter_anchor as anchor_of
from funding.feeds import amount_text, format_amount
from funding.models import ZONE, FundingStatus

register = template.Library()

STATUS_CLASSES = {
    "open": "badge--success",
    "closing_soon": "badge--danger",
    "upcoming": "",
    "closed": "",
    "continuous": "badge--success",
}


@register.filter
def helsinki(moment):
    """An aware datetime in Helsinki time (whatever the active time zone)."""
    return timezone.localtime(moment, ZONE) if moment else moment


@register.simple_tag
def deadline_text(moment, all_day=False):
    """“26.10.2025 at 23:59” (Helsinki time), or only the date for a whole-day deadline."""
    if moment is None:
        return ""
    local = timezone.localtime(moment, ZONE)
    day = formats.date_format(local, "j.n.Y")
    if all_day:
        return day
    return _("%(date)s at %(time)s") % {"date": day, "time": local.strftime("%H:%M")}


@register.filter
def status_label(status):
    try:
        return FundingStatus(status).label
    except ValueError:
        return ""


@register.filter
def status_class(status):
    return STATUS_CLASSES.get(status, "")


@register.filter
def amount_range(page):
    return amount_text(page)


@register.filter
def euros(value):
    return format_amount(value)


@register.filter
def json_ld(data):
    return mark_safe(dumps(data))  # noqa: S308 - dumps escapes <, > and & for <script>


@register.filter
def chapter_anchor(title):
    return anchor_of(title)
