"""The editors' bulk change of the catalogue, in the Wagtail admin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .bulk import affected, apply_bulk_change
from .forms import BulkChangeForm
from .services import can_declare


def bulk_change_view(request):
    if not can_declare(request.user):
        raise PermissionDenied
    form = BulkChangeForm(request.POST or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if "confirm" in request.POST:
            change = apply_bulk_change(
                data["first_day"],
                data["last_day"],
                data["municipalities"],
                data["action"],
                data["reason"],
                data["join_link"],
                user=request.user,
            )
            messages.success(
                request,
                _("%(count)s trainings are being changed; %(notices)s notices queued.")
                % {"count": len(change.trainings), "notices": change.notices},
            )
            return redirect("crisis_bulk_change")
        preview = [
            (occurrences[0], len(occurrences))
            for occurrences in affected(
                data["first_day"], data["last_day"], data["municipalities"]
            ).values()
        ]
    return TemplateResponse(
        request, "crisis/admin/bulk_change.html", {"form": form, "preview": preview}
    )
