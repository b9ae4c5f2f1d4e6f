"""An association's events in its member area (/tili/yhdistys/<id>/tapahtumat/): the list
with each event's moderation state, the new-event form and the edit form. Members and admins
of the association and editors may; members of another association get 403, unknown ids 404.
What the form sends waits for an editor (`catalogue.member_events`)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Locale, WorkflowState

from associations.permissions import can_edit
from associations.services import association_page_or_404

from .event_forms import (
    MORE_SESSION_ROWS,
    MemberEventForm,
    apply_networks,
    apply_schedule,
    apply_themes,
    check_schedule,
    initial_sessions,
    session_formset,
)
from .member_events import apply_member_texts, save_event, submit_new_event
from .models import Format, TrainingIndexPage, TrainingPage


def _association(request, pk):
    association = association_page_or_404(pk)
    if not can_edit(request.user, association):
        raise PermissionDenied
    return association


@login_required
def events_view(request, pk):
    """The association's events (the Finnish pages), drafts and waiting changes included."""
    association = _association(request, pk)
    pages = (
        TrainingPage.objects.filter(
            locale=Locale.get_default(), organiser__translation_key=association.translation_key
        )
        .defer_streamfields()
        .order_by("-latest_revision_created_at", "title")
    )
    events = _with_moderation_states(list(pages))
    return render(
        request,
        "catalogue/member_events.html",
        {"association": association, "events": events},
    )


def _with_moderation_states(pages):
    """(page, its workflow state in progress or waiting for changes, or None), in one query
    for all the pages (as `associations.services.moderation_state` gives for one)."""
    if not pages:
        return []
    states = WorkflowState.objects.filter(
        base_content_type=pages[0].get_base_content_type(),
        object_id__in=[str(page.pk) for page in pages],
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
    )
    by_page = {state.object_id: state for state in states}
    return [(page, by_page.get(str(page.pk))) for page in pages]


def _with_more_rows(data):
    """The posted form again with more empty session rows ("Add more sessions")."""
    data = data.copy()
    key = "sessions-TOTAL_FORMS"
    try:
        data[key] = str(min(int(data.get(key, 0)), 57) + MORE_SESSION_ROWS)
    except ValueError:
        data[key] = str(MORE_SESSION_ROWS)
    return data


def _handle(request, association, page, *, is_new):
    language = get_language()
    data = request.POST if request.method == "POST" else None
    adding_rows = data is not None and "add_sessions" in data
    if adding_rows:
        data = _with_more_rows(data)
    form = MemberEventForm(data, instance=page, language=language, association=association)
    sessions = session_formset(
        data, initial=None if is_new else initial_sessions(page), is_new=is_new
    )
    if data is not None and not adding_rows and check_schedule(form, sessions):
        page = form.save(commit=False)
        apply_member_texts(page, form.member_texts(), form.language)
        apply_schedule(page, form, sessions)
        apply_themes(page, form.cleaned_data["themes"])
        apply_networks(page, form)
        if not page.languages:
            page.languages = [form.language]
        if page.format == Format.ONLINE:
            page.venue = page.street_address = page.postal_code = ""
        if is_new:
            index = TrainingIndexPage.objects.filter(locale=Locale.get_default()).first()
            if index is None:
                raise Http404
            submit_new_event(index, page, request.user)
            text = _(
                "Thank you! “%(title)s” was sent to the editors. It is shown in the catalogue "
                "when an editor approves it; we will email you."
            )
        else:
            save_event(page, request.user)
            text = _(
                "Your changes to “%(title)s” were sent to the editors. The event changes when "
                "an editor approves them; we will email you."
            )
        messages.success(request, text % {"title": page.title})
        return redirect("associations:events", association.pk)
    form.describe()
    refused = data is not None and not adding_rows
    return render(
        request,
        "catalogue/member_event_form.html",
        {
            "form": form,
            "sessions": sessions,
            "association": association,
            "is_new": is_new,
            "page": page,
            "session_errors": refused and sessions.total_error_count() > 0,
        },
        status=400 if refused else 200,
    )


@login_required
def new_event_view(request, pk):
    association = _association(request, pk)
    page = TrainingPage(
        locale=Locale.get_default(),
        organiser=association,
        owner=request.user,
        live=False,
        slug="",
        format=Format.ONSITE,
    )
    return _handle(request, association, page, is_new=True)


@login_required
def edit_event_view(request, pk, training_pk):
    association = _association(request, pk)
    page = TrainingPage.objects.filter(
        pk=training_pk,
        locale=Locale.get_default(),
        organiser__translation_key=association.translation_key,
    ).first()
    if page is None:
        raise Http404
    draft = page.get_latest_revision_as_object()
    # The association stays the organiser, whatever the draft says.
    draft.organiser = page.organiser
    return _handle(request, association, draft, is_new=False)
