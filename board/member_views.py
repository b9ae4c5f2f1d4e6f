"""Members write their association's board listings on the site, not in the admin: a new
listing or a change is saved as a page revision and sent to the editors' "Editor approval"
workflow (associations.services.submit_for_approval, which emails the submitter and the
association's admins at each step), unless editors trust the association
(services.is_trusted). Any member of the association may, and editors; members of another
association get 403, unknown ids 404."""

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

from .forms import BoardListingForm
from .models import BoardIndexPage, BoardListingPage
from .services import save_listing, submit_new_listing


def _check(user, association):
    if not can_edit(user, association):
        raise PermissionDenied


@login_required
def listings_view(request, association_id):
    """The association's listings, drafts and waiting changes included."""
    association = association_page_or_404(association_id)
    _check(request.user, association)
    listings = [
        (page, moderation_state(page))
        for page in BoardListingPage.objects.filter(
            association=association, locale__language_code=settings.LANGUAGE_CODE
        ).order_by("-expires_on", "title")
    ]
    return render(
        request, "board/member_listings.html", {"association": association, "listings": listings}
    )


@login_required
def new_view(request, association_id):
    association = association_page_or_404(association_id)
    _check(request.user, association)
    index = BoardIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if index is None:
        raise Http404
    page = BoardListingPage(
        locale=index.locale, association=association, owner=request.user, live=False, slug=""
    )
    form = BoardListingForm(request.POST or None, instance=page)
    if request.method == "POST" and form.is_valid():
        page = form.save(commit=False)
        if submit_new_listing(index, page, request.user):
            text = _("Thank you! “%(title)s” is now on the board.")
        else:
            text = _(
                "Thank you! “%(title)s” was sent to the editors. It is shown on the board when "
                "an editor approves it; we will email you."
            )
        messages.success(request, text % {"title": page.title})
        return redirect("board:member_listings", association.pk)
    return _form_page(request, form, association, is_new=True)


@login_required
def edit_view(request, page_id):
    page = Page.objects.filter(pk=page_id).specific().first()
    if not isinstance(page, BoardListingPage):
        raise Http404
    page = page.source_page
    association = page.association
    _check(request.user, association)
    draft = page.get_latest_revision_as_object()
    form = BoardListingForm(request.POST or None, instance=draft)
    if request.method == "POST" and form.is_valid():
        draft = form.save(commit=False)
        if save_listing(draft, request.user):
            text = _("Your changes to “%(title)s” are now on the board.")
        else:
            text = _(
                "Your changes to “%(title)s” were sent to the editors. The listing changes when "
                "an editor approves them; we will email you."
            )
        messages.success(request, text % {"title": draft.title})
        return redirect("board:member_listings", association.pk)
    return _form_page(request, form, association, is_new=False, page=page)


def _form_page(request, form, association, **context):
    """The listing form, with its errors described (400) when a post was refused."""
    form.describe()
    return render(
        request,
        "board/listing_form.html",
        {"form": form, "association": association, **context},
        status=400 if form.errors else 200,
    )
