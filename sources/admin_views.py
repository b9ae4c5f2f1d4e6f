"""The sources' own admin views beside the generic ones (`wagtail_hooks.SourceViewSet`): "Sync
now", a source's run history with each run's report, confirming the cancellations a run held
back, and releasing a field of an imported training that a local edit keeps."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import (
    BaseObjectMixin,
    BaseOperationView,
    WagtailAdminTemplateMixin,
)
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from .models import ImportedEvent, RunStatus, Source, SyncRun
from .sync import locked_fields, queue_sync, release

RUNS_PER_PAGE = 20


class SyncNowView(PermissionCheckedMixin, BaseOperationView):
    """POST: queue a run of the source; back to where the button was, or its run history."""

    model = Source
    permission_required = "change"
    success_message = gettext_lazy("Sync queued")
    runs_url_name = None

    def perform_operation(self):
        queue_sync(self.object, user=self.request.user)

    def get_success_url(self):
        return self.next_url or reverse(self.runs_url_name, args=[self.object.pk])


class RunHistoryView(
    PermissionCheckedMixin, BaseObjectMixin, WagtailAdminTemplateMixin, TemplateView
):
    """The runs of one source, newest first, with their counts, skipped events and errors;
    a held run offers to carry out the cancellations it held back."""

    model = Source
    permission_required = "view"
    template_name = "sources/admin/run_history.html"
    header_icon = "history"
    index_url_name = None
    edit_url_name = None
    sync_url_name = None
    confirm_url_name = None

    def get_page_title(self):
        return _("Runs of %(source)s") % {"source": self.object}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("Sources")},
            {"url": reverse(self.edit_url_name, args=[self.object.pk]), "label": str(self.object)},
            {"url": "", "label": _("Runs")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        runs = self.object.runs.select_related("requested_by").order_by("-started_at", "-pk")
        page = Paginator(runs, RUNS_PER_PAGE).get_page(self.request.GET.get("p"))
        latest = runs.first()
        context.update(
            source=self.object,
            runs=page,
            latest=latest,
            sync_url=reverse(self.sync_url_name, args=[self.object.pk]),
            edit_url=reverse(self.edit_url_name, args=[self.object.pk]),
            confirm_url=(
                reverse(self.confirm_url_name, args=[latest.pk])
                if latest is not None and latest.status == RunStatus.HELD
                else ""
            ),
        )
        return context


class ConfirmCancellationsView(PermissionCheckedMixin, BaseOperationView):
    """POST: an editor agrees to the cancellations a held run listed; a new run makes them."""

    model = SyncRun
    permission_required = "change"
    runs_url_name = None

    def perform_operation(self):
        run = self.object
        latest = run.source.runs.order_by("-started_at", "-pk").first()
        self.queued = run.status == RunStatus.HELD and latest == run
        if self.queued:
            queue_sync(run.source, user=self.request.user, confirm_cancellations=True)

    def add_success_message(self):
        if self.queued:
            messages.success(self.request, _("Sync queued: the held events will be cancelled."))
        else:
            messages.error(
                self.request,
                _("The source has been synced since that run; nothing was cancelled."),
            )

    def get_success_url(self):
        return reverse(self.runs_url_name, args=[self.object.source_id])


@require_POST
def release_field_view(request, pk, field):
    """Forget the local edit of `field` on an imported training: whoever may edit the training
    may let its source write the field again (the next sync, queued now)."""
    event = get_object_or_404(ImportedEvent.objects.select_related("source", "training"), pk=pk)
    if event.training is None:
        raise PermissionDenied
    if not event.training.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    labels = dict(locked_fields(event))
    if field in labels:
        release(event, field, user=request.user)
        messages.success(
            request,
            _("“%(field)s” will be written from %(source)s again at the next sync, now queued.")
            % {"field": labels[field], "source": event.source.name},
        )
    else:
        messages.warning(request, _("That field has no local edit to release."))
    next_url = get_valid_next_url_from_request(request)
    return redirect(next_url or reverse("wagtailadmin_pages:edit", args=[event.training_id]))
