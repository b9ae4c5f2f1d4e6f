"""Members list their association's spaces and equipment in the site, not the admin: a new
one or a change is saved as a page revision and sent to the editors' "Editor approval"
workflow, like association profiles are (associations.services.submit_for_approval, which
also emails the submitter and the association's admins at each step). Only the association's
admins and editors may; another association's admins get 403, unknown ids 404."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Page

from associations.permissions import is_editor
from associations.services import association_page_or_404, moderation_state, submit_for_approval

from . import access
from .forms import EquipmentListingForm, SpaceListingForm
from .models import EquipmentIndexPage, EquipmentPage, SpaceIndexPage, SpacePage

KINDS = {
    "tila": (SpacePage, SpaceIndexPage, SpaceListingForm),
    "valine": (EquipmentPage, EquipmentIndexPage, EquipmentListingForm),
}


def _association(association_id):
    return association_page_or_404(association_id)


def _check(user, association):
    if not (is_editor(user) or access.is_owner_admin(user, association)):
        raise PermissionDenied


def _kind_of(page):
    return "tila" if isinstance(page, SpacePage) else "valine"


def _unique_slug(index, title, fallback):
    base = slugify(title)[:70] or fallback
    slug, n = base, 2
    while index.get_children().filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@login_required
def listings_view(request, association_id):
    """The association's spaces and equipment, drafts and waiting changes included."""
    association = _association(association_id)
    _check(request.user, association)
    resources = []
    for model in (SpacePage, EquipmentPage):
        for page in model.objects.filter(
            association=association, locale__language_code=settings.LANGUAGE_CODE
        ).order_by("title"):
            resources.append((page, model._meta.verbose_name, moderation_state(page)))
    return render(
        request,
        "lending/member_listings.html",
        {"association": association, "resources": resources},
    )


@login_required
def new_view(request, association_id, kind):
    association = _association(association_id)
    _check(request.user, association)
    if kind not in KINDS:
        raise Http404
    model, index_model, form_class = KINDS[kind]
    index = index_model.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if index is None:
        raise Http404
    page = model(
        locale=index.locale, association=association, owner=request.user, live=False, slug=""
    )
    form = form_class(request.POST or None, instance=page)
    if request.method == "POST" and form.is_valid():
        page = form.apply_to(form.save(commit=False))
        page.slug = _unique_slug(index, page.title, kind)
        with transaction.atomic():
            index.add_child(instance=page)
            submit_for_approval(page, request.user)
        messages.success(
            request,
            _(
                "Thank you! “%(title)s” was sent to the editors. It is listed when an editor "
                "approves it; we will email you."
            )
            % {"title": page.title},
        )
        return redirect("lending:member_listings", association.pk)
    return _form_page(request, form, association, kind, is_new=True)


@login_required
def edit_view(request, page_id):
    page = Page.objects.filter(pk=page_id).specific().first()
    if not isinstance(page, SpacePage | EquipmentPage):
        raise Http404
    page = page.source_page
    association = page.association
    _check(request.user, association)
    kind = _kind_of(page)
    form_class = KINDS[kind][2]
    draft = page.get_latest_revision_as_object()
    form = form_class(request.POST or None, instance=draft)
    if request.method == "POST" and form.is_valid():
        draft = form.apply_to(form.save(commit=False))
        submit_for_approval(draft, request.user)
        messages.success(
            request,
            _(
                "Your changes to “%(title)s” were sent to the editors. The page changes when an "
                "editor approves them; we will email you."
            )
            % {"title": draft.title},
        )
        return redirect("lending:member_listings", association.pk)
    return _form_page(request, form, association, kind, is_new=False, page=page)


def _form_page(request, form, association, kind, **context):
    """The listing form, with its errors described (400) when a post was refused."""
    form.describe()
    return render(
        request,
        "lending/listing_form.html",
        {"form": form, "association": association, "kind": kind, **context},
        status=400 if form.errors else 200,
    )
