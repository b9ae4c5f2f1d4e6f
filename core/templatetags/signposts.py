from django import template

from core.signposts import signposts_for

register = template.Library()


@register.simple_tag(takes_context=True)
def signposts(context, place):
    """The links registered for `place` (see core.signposts)."""
    request = context.get("request")
    return signposts_for(place, request) if request is not None else []
