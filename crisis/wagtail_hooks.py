"""Only editors declare, change or end exceptional situations, whatever page permissions a
group has on the tree above them (members may add pages for their association's content)."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import bulk_change_view
from .models import SituationPage
from .services import can_declare


def _refuse_unless_editor(request, page_or_class):
    cls = page_or_class if isinstance(page_or_class, type) else type(page_or_class.specific)
    if issubclass(cls, SituationPage) and not can_declare(request.user):
        raise PermissionDenied


@hooks.register("before_create_page")
def before_create(request, parent_page, page_class):
    _refuse_unless_editor(request, page_class)


@hooks.register("before_edit_page")
def before_edit(request, page):
    _refuse_unless_editor(request, page)


@hooks.register("before_delete_page")
def before_delete(request, page):
    _refuse_unless_editor(request, page)


@hooks.register("before_copy_page")
def before_copy(request, page):
    _refuse_unless_editor(request, page)


@hooks.register("register_admin_urls")
def register_bulk_change_url():
    return [path("crisis/bulk/", bulk_change_view, name="crisis_bulk_change")]


@hooks.register("register_admin_menu_item")
def register_bulk_change_menu_item():
    class EditorsOnlyMenuItem(MenuItem):
        def is_shown(self, request):
            return can_declare(request.user)

    return EditorsOnlyMenuItem(
        _("Cancel or move trainings"),
        reverse("crisis_bulk_change"),
        icon_name="warning",
        order=900,
    )
