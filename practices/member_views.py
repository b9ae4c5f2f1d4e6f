"""Members write their association's good practices on the site, not in the admin: a new
practice or a change is saved as a page revision and sent to the editors' "Editor approval"
workflow (associations.services.submit_for_approval, which emails the submitter and the
association's admins at each step). Any member of the association may, and editors; members of
another association get 403, unknown ids 404."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from wagtail.models import Page

from associations.permissions import can_edit
from associations.services import association_page_or_404, moderation_state

from .forms import GoodPracticeForm
from .models import GoodPracticeIndexPage, GoodPracticePage
from .services import save_practice, submit_new_practice


def _check(user, association):
    if not can_edit(user, association):
        raise PermissionDenied


@login_required
def practices_view(request, association_id):
    """The association's practices, drafts and waiting changes included."""
    association = association_page_or_404(association_id)
    _check(request.user, association)
    practices = [
        (page, moderation_state(page))
        for page in GoodPracticePage.objects.filter(
            association=association, locale__language_code=settings.LANGUAGE_CODE
        ).order_by("title")
    ]
    return render(
        request,
        "practices/member_practices.html",
        {"association": association, "practices": practices},
    )


@login_required
def new_view(request, association_id):
    association = association_page_or_404(association_id)
    _check(request.user, association)
    index = GoodPracticeIndexPage.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if index is None:
        raise Http404
    page = GoodPracticePage(
        locale=index.locale, association=association, owner=request.user, live=False, slug=""
    )
    form = GoodPracticeForm(request.POST or None, instance=page)
    if request.method == "POST" and form.is_valid():
        page = form.save(commit=False)
        submit_new_practice(index, page, request.user)
        messages.success(
            request,
            _(
                "Thank you! “%(title)s” was sent to the editors. It is shown in the library "
                "when an editor approves it; we will email you."
            )
            % {"title": page.title},
        )
        return redirect("practices:member_practices", association.pk)
    return _form_page(request, form, association, is_new=True)


@login_required
def edit_view(request, page_id):
    page = Page.objects.filter(pk=page_id).specific().first()
    if not isinstance(page, GoodPracticePage):
        raise Http404
    page = page.source_page
    association = page.association
    _check(request.user, association)
    draft = page.get_latest_revision_as_object()
    form = GoodPracticeForm(request.POST or None, instance=draft)
    if request.method == "POST" and form.is_valid():
        draft = form.save(commit=False)
        save_practice(draft, request.user)
        messages.success(
            request,
            _(
                "Your changes to “%(title)s” were sent to the editors. The practice changes "
                "when an editor approves them; we will email you."
            )
            % {"title": draft.title},
        )
        return redirect("practices:member_practices", association.pk)
    return _form_page(request, form, association, is_new=False, page=page)


def _form_page(request, form, association, **context):
    """The practice form, with its errors described (400) when a post was refused."""
    form.describe()
    return render(
        request,
        "practices/practice_form.html",
        {"form": form, "association": association, **context},
        status=400 if form.errors else 200,
    )
