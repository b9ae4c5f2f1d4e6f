"""Self-service for associations: apply to be listed, edit the profile (as a revision sent to
the editors), manage members, invitations and join requests. Every view checks the user's role
in that association; another association's ids answer 403, unknown ids 404."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.images import get_image_model
from wagtail.models import Collection, Locale

from . import member_area, services
from .forms import AssociationProfileForm, InviteForm, JoinForm
from .models import (
    AssociationFieldLink,
    AssociationIndexPage,
    AssociationPage,
    AssociationPartnerTheme,
    CooperationTheme,
    FieldOfActivity,
    Membership,
    MembershipStatus,
)
from .permissions import can_edit, can_manage_members, is_editor, role_in


def _association(pk):
    return services.association_page_or_404(pk)


def _current_locale():
    return Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()


def _apply(form, page, user):
    """Copy the form's values onto `page` (the Finnish source, as its latest revision)."""
    data = form.cleaned_data
    for name in (
        "title",
        "summary",
        "description",
        "registry_number",
        "business_id",
        "municipality",
        "website",
        "email",
        "partnership_note",
        "can_offer",
    ):
        setattr(page, name, data[name])
    page.areas = [a for a in data["areas"] if a != data["municipality"]]
    page.languages = data["languages"]
    page.welfare_areas = data["welfare_areas"]
    page.target_groups = data["target_groups"]
    page.social_links = data["social_links"]
    page.logo_alt = data["logo_alt"]
    fi = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    field_by_slug = {f.slug: f for f in FieldOfActivity.objects.filter(locale=fi)}
    theme_by_slug = {t.slug: t for t in CooperationTheme.objects.filter(locale=fi)}
    page.field_links = [
        AssociationFieldLink(field=field_by_slug[slug], sort_order=i)
        for i, slug in enumerate(data["fields_of_activity"])
        if slug in field_by_slug
    ]
    page.partner_theme_links = [
        AssociationPartnerTheme(theme=theme_by_slug[slug], sort_order=i)
        for i, slug in enumerate(data["partner_themes"])
        if slug in theme_by_slug
    ]
    if data.get("remove_logo"):
        page.logo = None
    if data.get("logo"):
        image = get_image_model()(
            title=_("Logo of %(name)s") % {"name": data["title"]},
            file=data["logo"],
            uploaded_by_user=user,
            collection=Collection.get_first_root_node(),
        )
        image.save()
        page.logo = image
    if not page.slug:
        page.slug = _unique_slug(data["title"])
    return page


def _unique_slug(title):
    base = slugify(title)[:70] or "yhdistys"
    slug, n = base, 2
    while AssociationPage.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@login_required
def apply_view(request):
    """A new association asks to be listed: a draft profile goes to the editors."""
    index = AssociationIndexPage.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if index is None:
        raise Http404
    form = AssociationProfileForm(
        request.POST or None, request.FILES or None, locale=_current_locale()
    )
    if request.method == "POST" and form.is_valid():
        page = _apply(form, AssociationPage(locale=index.locale), request.user)
        with transaction.atomic():
            services.apply_for_listing(request.user, index, page)
        messages.success(
            request,
            _(
                "Thank you! Your association was sent to the editors. It is listed when an editor "
                "approves it; we will email you."
            ),
        )
        return redirect("associations:manage", page.pk)
    return render(request, "associations/profile_form.html", {"form": form, "is_new": True})


@login_required
def edit_view(request, pk):
    association = _association(pk)
    if not can_edit(request.user, association):
        raise PermissionDenied
    draft = association.get_latest_revision_as_object()
    form = AssociationProfileForm(
        request.POST or None,
        request.FILES or None,
        page=association,
        locale=_current_locale(),
        initial=AssociationProfileForm.initial_from(draft),
    )
    if request.method == "POST" and form.is_valid():
        draft = _apply(form, draft, request.user)
        try:
            draft.full_clean()
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            services.submit_for_approval(draft, request.user)
            messages.success(
                request,
                _(
                    "Your changes were sent to the editors. The profile changes when an editor "
                    "approves them; we will email you."
                ),
            )
            return redirect("associations:manage", association.pk)
    return render(
        request,
        "associations/profile_form.html",
        {"form": form, "association": association, "draft": draft, "is_new": False},
    )


@login_required
def manage_view(request, pk):
    association = _association(pk)
    role = role_in(request.user, association)
    if role is None and not is_editor(request.user):
        raise PermissionDenied
    manager = can_manage_members(request.user, association)
    memberships = association.memberships.select_related("user").order_by(
        "status", "-role", "user__last_name", "user__first_name"
    )
    context = {
        "association": association,
        "role": role,
        "can_manage": manager,
        "members": [m for m in memberships if m.status == MembershipStatus.ACTIVE],
        "requests": [m for m in memberships if m.status == MembershipStatus.REQUESTED]
        if manager
        else [],
        "invitations": association.invitations.filter(accepted_at=None).order_by("-created_at")
        if manager
        else [],
        "invite_form": InviteForm() if manager else None,
        "moderation": services.moderation_state(association),
        "live_url": association.get_url(request) if association.live else None,
        "sections": member_area.sections_for(association, request),
    }
    return render(request, "associations/manage.html", context)


@login_required
@require_POST
def join_view(request, pk):
    association = _association(pk)
    if not association.live:
        raise Http404
    form = JoinForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    services.request_to_join(request.user, association, message)
    messages.success(
        request, _("Your request was sent to the admins of the association. We will email you.")
    )
    target = association.get_translation_or_none(_current_locale()) or association
    return redirect(target.url)


@login_required
@require_POST
def invite_view(request, pk):
    association = _association(pk)
    if not can_manage_members(request.user, association):
        raise PermissionDenied
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            services.invite(
                request.user, association, form.cleaned_data["email"], form.cleaned_data["role"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("An invitation was sent to %(email)s.") % {"email": form.cleaned_data["email"]},
            )
    else:
        messages.error(request, _("Enter a valid email address."))
    return redirect("associations:manage", association.pk)


MEMBER_ACTIONS = {
    "hyvaksy": services.approve_join_request,
    "poista": services.remove_member,
    "yllapitajaksi": services.hand_over_admin,
}


@login_required
@require_POST
def member_action_view(request, pk, membership_pk, action):
    association = _association(pk)
    if action not in MEMBER_ACTIONS:
        raise Http404
    if not can_manage_members(request.user, association):
        raise PermissionDenied
    if not Membership.objects.filter(pk=membership_pk, association=association).exists():
        raise Http404
    try:
        MEMBER_ACTIONS[action](request.user, association, membership_pk)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Done."))
    return redirect("associations:manage", association.pk)


@login_required
@require_POST
def leave_view(request, pk):
    association = _association(pk)
    try:
        services.leave(request.user, association)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("associations:manage", association.pk)
    messages.success(request, _("You left %(association)s.") % {"association": association.title})
    return redirect("accounts:account")


def invitation_view(request, token):
    """Open an invitation; the invited person, logged in with the invited address, accepts it
    with a button (POST)."""
    try:
        invitation = services.invitation_from_token(token)
    except services.InvitationError as error:
        return render(request, "associations/invitation.html", {"error": str(error)}, status=410)
    if request.user.is_authenticated and not services.is_invited(request.user, invitation):
        error = services.InvitationForAnotherAddress()
        return render(request, "associations/invitation.html", {"error": str(error)}, status=403)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            services.accept_invitation(request.user, token)
        except services.InvitationError as error:
            return render(
                request, "associations/invitation.html", {"error": str(error)}, status=410
            )
        messages.success(
            request,
            _("Welcome to %(association)s!") % {"association": invitation.association.title},
        )
        return redirect("associations:manage", invitation.association.pk)
    return render(request, "associations/invitation.html", {"invitation": invitation})
