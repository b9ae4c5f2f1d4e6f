"""The sources in the Wagtail admin, for editors only (`permissions`): the sources with
"Sync now" and their run history, the keyword-to-theme table, and the view that releases a
locally edited field of an imported training (for whoever may edit the training). Importing
`provenance` here registers what training pages tell of their source: Wagtail loads this module
before it serves any page or admin view (the sync cannot be imported in `AppConfig.ready`, as
its HTML cleaner asks for these hooks while it loads)."""

from django.db.models import Prefetch
from django.middleware.csrf import get_token
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from . import admin_views, provenance  # noqa: F401 - provenance registers the training's notes
from .forms import KeywordThemeForm, SourceForm
from .models import KeywordTheme, Source, SyncRun


def _label(field_name):
    return capfirst(Source._meta.get_field(field_name).verbose_name)


def _last_run(source):
    runs = getattr(source, "latest_runs", None)
    return runs[0] if runs else None


def _last_run_status(source):
    run = _last_run(source)
    return run.get_status_display() if run else _("Never synced")


def _last_run_summary(source):
    run = _last_run(source)
    if run is None:
        return ""
    return run.error or run.summary()


def _next_sync(source):
    """A moment ahead, written out (the admin's relative dates read "just now" for those)."""
    if not source.active:
        return _("Not on schedule")
    return date_format(localtime(source.next_sync_at), "SHORT_DATETIME_FORMAT")


class SyncNowColumn(Column):
    """A real button in a form of its own: POST with the CSRF token, back to the index."""

    cell_template_name = "sources/admin/sync_now_cell.html"

    def __init__(self, url_name, index_url_name, **kwargs):
        super().__init__("sync_now", label=_("Sync"), **kwargs)
        self.url_name = url_name
        self.index_url_name = index_url_name

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context.update(
            url=reverse(self.url_name, args=[instance.pk]),
            csrf_token=get_token(request),
            # The listing (not its search results fragment, which also renders this column).
            next_url=reverse(self.index_url_name),
        )
        return context


class SourceIndexView(generic.IndexView):
    runs_url_name = None

    def get_base_queryset(self):
        latest = SyncRun.objects.order_by("-started_at", "-pk")[:1]
        return (
            super()
            .get_base_queryset()
            .select_related("organiser")
            .prefetch_related(Prefetch("runs", queryset=latest, to_attr="latest_runs"))
        )

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            MenuItem(
                _("Runs"),
                url=reverse(self.runs_url_name, args=[instance.pk]),
                icon_name="history",
                priority=15,
            )
        )
        return buttons


class SourceEditView(generic.EditView):
    template_name = "sources/admin/source_edit.html"
    sync_url_name = None
    runs_url_name = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sync_url"] = reverse(self.sync_url_name, args=[self.object.pk])
        context["runs_url"] = reverse(self.runs_url_name, args=[self.object.pk])
        context["last_run"] = self.object.last_run
        return context


class SourceViewSet(ModelViewSet):
    """Sources of events, with "Sync now" on the index and the edit screen, and each source's
    runs with their reports."""

    model = Source
    icon = "download"
    menu_label = _("Sources")
    copy_view_enabled = False
    index_view_class = SourceIndexView
    edit_view_class = SourceEditView
    search_fields = ["name", "url"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("kind"), FieldPanel("policy")]),
            FieldPanel("url"),
            FieldPanel("organiser"),
            MultiFieldPanel(
                [
                    FieldPanel("event_kind"),
                    FieldPanel("themes"),
                    FieldPanel("municipality"),
                    FieldPanel("languages"),
                ],
                heading=_("The imported events"),
            ),
            FieldRowPanel([FieldPanel("interval"), FieldPanel("active")]),
        ],
        base_form_class=SourceForm,
    )

    @property
    def list_display(self):
        return [
            "name",
            Column("kind", label=_label("kind"), accessor="get_kind_display"),
            Column("policy", label=_label("policy"), accessor="get_policy_display"),
            Column("organiser", label=_label("organiser")),
            Column("last_run_status", label=_("Last run"), accessor=_last_run_status),
            Column("last_run_summary", label=_("Last run's report"), accessor=_last_run_summary),
            Column("next_sync_at", label=_("Next sync"), accessor=_next_sync),
            SyncNowColumn(self.get_url_name("sync"), self.get_url_name("index")),
        ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(runs_url_name=self.get_url_name("runs"), **kwargs)

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(
            sync_url_name=self.get_url_name("sync"),
            runs_url_name=self.get_url_name("runs"),
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(
                "sync/<int:pk>/",
                admin_views.SyncNowView.as_view(runs_url_name=self.get_url_name("runs")),
                name="sync",
            ),
            path(
                "runs/<int:pk>/",
                admin_views.RunHistoryView.as_view(
                    header_icon=self.icon,
                    index_url_name=self.get_url_name("index"),
                    edit_url_name=self.get_url_name("edit"),
                    sync_url_name=self.get_url_name("sync"),
                    confirm_url_name=self.get_url_name("confirm_cancellations"),
                ),
                name="runs",
            ),
            path(
                "runs/confirm/<int:pk>/",
                admin_views.ConfirmCancellationsView.as_view(
                    runs_url_name=self.get_url_name("runs")
                ),
                name="confirm_cancellations",
            ),
        ]

    def get_permissions_to_register(self):
        return []  # the policy is "editors": no group permission to hand out


class KeywordThemeViewSet(ModelViewSet):
    """Which keyword (a YSO concept, an iCal category) gives an imported training which theme."""

    model = KeywordTheme
    icon = "tag"
    menu_label = _("Keywords and themes")
    copy_view_enabled = False
    list_display = ["keyword", "label", "theme"]
    search_fields = ["keyword", "label"]
    search_backend_name = None
    form_fields = ["keyword", "label", "theme"]

    def get_form_class(self, for_update=False):
        return KeywordThemeForm

    def get_queryset(self, request):
        return KeywordTheme.objects.select_related("theme")

    def get_permissions_to_register(self):
        return []


class SourcesViewSetGroup(ModelViewSetGroup):
    items = (SourceViewSet("sources"), KeywordThemeViewSet("keyword_themes"))
    menu_label = _("Sources")
    menu_icon = "download"
    menu_order = 260


@hooks.register("register_admin_viewset")
def register_sources_viewsets():
    return SourcesViewSetGroup()


@hooks.register("register_admin_urls")
def register_release_url():
    return [
        path(
            "sources/release/<int:pk>/<str:field>/",
            admin_views.release_field_view,
            name="sources_release_field",
        )
    ]
