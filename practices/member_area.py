"""The library's part of an association's member area (/tili/yhdistys/<id>/): a section of
the management page that leads to the association's good practices and a new one."""

from django.template.loader import render_to_string

from associations import member_area
from associations.permissions import can_edit


@member_area.section
def good_practices(association, request):
    if not can_edit(request.user, association):
        return None
    return render_to_string("practices/_manage_section.html", {"association": association}, request)
