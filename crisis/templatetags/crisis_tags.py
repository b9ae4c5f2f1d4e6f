from django import template
from django.utils.translation import get_language

from crisis.services import active_notices

register = template.Library()


@register.inclusion_tag("crisis/_notices.html")
def crisis_notices():
    return {"notices": active_notices(get_language() or "fi")}
