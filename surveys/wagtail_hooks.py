"""Surveys in the admin: the results view and its exports, and a "Results" button on each
survey page (in the page listing and the page's header) for those who may edit it."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets.button import Button

from .admin_views import export_view, results_view
from .models import SurveyPage


@hooks.register("register_admin_urls")
def register_survey_results_urls():
    return [
        path("surveys/<int:page_id>/results/", results_view, name="surveys_results"),
        path(
            "surveys/<int:page_id>/results/<str:part>.<str:file_format>",
            export_view,
            name="surveys_export",
        ),
    ]


def _results_button(page, user, priority):
    if (
        issubclass(page.specific_class or type(page), SurveyPage)
        and page.permissions_for_user(user).can_edit()
    ):
        yield Button(
            _("Results"),
            reverse("surveys_results", args=[page.pk]),
            icon_name="table",
            priority=priority,
        )


@hooks.register("register_page_listing_more_buttons")
def survey_results_listing_button(page, user, next_url=None):
    yield from _results_button(page, user, priority=20)


@hooks.register("register_page_header_buttons")
def survey_results_header_button(page, user, view_name, next_url=None):
    yield from _results_button(page, user, priority=40)
