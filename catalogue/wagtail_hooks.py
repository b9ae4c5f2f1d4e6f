"""The catalogue in the Wagtail admin: themes as translatable snippets, and the registrants of
each training for editors (the organiser association sees its own on its management page)."""

import uuid

import django_filters

from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet

from core.csv import SafeSpreadsheetExportMixin
from core.viewsets import TaxonomyViewSet

from . import notices
from .models import (
    Registration,
    RegistrationMode,
    RegistrationStatus,
    Theme,
    TrainingPage,
)


class ThemeViewSet(TaxonomyViewSet):
    model = Theme
    menu_label = _("Training themes")


register_snippet(ThemeViewSet)


def _trainings_with_registration(request):
    return (
        TrainingPage.objects.filter(
            registration_mode=RegistrationMode.BUILT_IN, locale=Locale.get_default()
        )
        .defer_streamfields()
        .order_by("title")
    )


class RegistrationFilterSet(WagtailFilterSet):
    training = django_filters.ModelChoiceFilter(
        label=_("Training"), queryset=_trainings_with_registration
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=RegistrationStatus.choices)

    class Meta:
        model = Registration
        fields = ["training", "status"]


class RegistrationIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The listing, whose CSV download holds what the public typed: no formulas."""


class RegistrationViewSet(ModelViewSet):
    """Registrants: visible only to those with the view permission (editors, superusers)."""

    model = Registration
    index_view_class = RegistrationIndexView
    icon = "group"
    menu_label = _("Registrations")
    add_to_admin_menu = True
    menu_order = 250
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["status", "name", "email", "association", "phone", "needs"]
    list_display = ["name", "training", "status", "association", "email", "created_at"]
    list_per_page = 50
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "association", "training__title"]
    search_backend_name = None
    list_export = [
        "training",
        "status",
        "name",
        "email",
        "association",
        "phone",
        "needs",
        "language",
        "created_at",
        "confirmed_at",
        "promoted_at",
        "cancelled_at",
    ]
    export_filename = "registrations"

    def get_queryset(self, request):
        return Registration.objects.select_related("training")


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("registrations")


@hooks.register("after_copy_page")
def give_a_copied_training_its_own_uid(request, page, new_page):
    """A copy is a new training: it must not share the original's calendar UID or SEQUENCE.
    (Translations keep the UID; wagtail-localize does not go through this hook.)"""
    new_page = new_page.specific
    if isinstance(new_page, TrainingPage) and new_page.locale_id == page.locale_id:
        uid = uuid.uuid4()
        TrainingPage.objects.filter(pk=new_page.pk).update(uid=uid, sequence=0)
        # The copied revisions carry the old UID; publishing one must not bring it back.
        for revision in new_page.revisions.all():
            revision.content.update(uid=str(uid), sequence=0)
            revision.save(update_fields=["content"])


@hooks.register("after_publish_page")
def say_how_many_registrants_are_told(request, page):
    """The editor learns at once that registrants will hear of the change."""
    count = notices.queued_for(page.pk)
    if count:
        messages.info(
            request,
            ngettext(
                "%(count)s registrant will be told about the change; the notice is queued.",
                "%(count)s registrants will be told about the change; the notices are queued.",
                count,
            )
            % {"count": count},
        )
