"""The yearly report's admin address and its item in the admin's Reports menu (editors only)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from associations.permissions import is_editor

from .views import yearly_report_view


@hooks.register("register_admin_urls")
def register_yearly_report_url():
    return [path("reports/yearly/", yearly_report_view, name="reports_yearly")]


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_reports_menu_item")
def register_yearly_report_menu_item():
    return EditorsMenuItem(
        _("Yearly report"), reverse("reports_yearly"), icon_name="table", order=50
    )
