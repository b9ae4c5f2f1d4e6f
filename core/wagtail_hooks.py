"""The admin's page of outgoing mail and background tasks, its menu item and the dashboard
panel with the queue's health (for users who may see the outgoing emails)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from .admin_views import health_panel_context, outbox_policy, outgoing_mail_view, retry_mail_view


@hooks.register("register_admin_urls")
def register_outgoing_mail_urls():
    return [
        path("outgoing-mail/", outgoing_mail_view, name="core_outgoing_mail"),
        path("outgoing-mail/retry/", retry_mail_view, name="core_outgoing_mail_retry"),
    ]


class OutgoingMailMenuItem(MenuItem):
    def is_shown(self, request):
        return outbox_policy.user_has_permission(request.user, "view")


@hooks.register("register_settings_menu_item")
def register_outgoing_mail_menu_item():
    return OutgoingMailMenuItem(
        _("Outgoing mail"), reverse("core_outgoing_mail"), icon_name="mail", order=900
    )


class QueueHealthPanel(Component):
    name = "queue_health"
    order = 900
    template_name = "core/admin/queue_health_panel.html"

    def __init__(self, context):
        self.context = context

    def get_context_data(self, parent_context):
        return self.context


@hooks.register("construct_homepage_panels")
def add_queue_health_panel(request, panels):
    context = health_panel_context(request.user)
    if context is not None:
        panels.append(QueueHealthPanel(context))
