"""Plain, accessible account pages under /<lang>/tili/: log in and out, sign up with email
verification, password reset (Django's views), the member's dashboard, their data as JSON and
deleting the account."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.forms.utils import ErrorDict
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.encoding import force_bytes, force_str
from django.utils.http import (
    url_has_allowed_host_and_scheme,
    urlsafe_base64_decode,
    urlsafe_base64_encode,
)
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import personal_data
from core.ratelimit import allow

from . import accounts, emails
from .forms import AccountPasswordResetForm, DeleteAccountForm, LoginForm, SignUpForm
from .models import Invitation, Membership, MembershipStatus, Role
from .permissions import is_editor

SIGNUP_LIMIT = (5, 60 * 60)


def _refused(form, message):
    """A bound form showing only `message`, without validating (or authenticating) anything."""
    form._errors = ErrorDict()
    form.cleaned_data = {}
    form.add_error(None, message)
    return form


def _safe_next(request, fallback):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def login_view(request):
    next_url = _safe_next(request, reverse("associations:account"))
    if request.user.is_authenticated and request.method == "GET":
        return redirect(next_url)
    form = LoginForm(request, data=request.POST or None)
    status = 200
    if request.method == "POST":
        # Failed logins are limited for every login page in the authentication backend
        # (login_limits.py); the form says when the user must wait.
        if form.is_valid():
            login(request, form.user)
            return redirect(next_url)
        if form.has_error(NON_FIELD_ERRORS, "throttled"):
            status = 429
    return render(request, "account/login.html", {"form": form, "next": next_url}, status=status)


@require_POST
def logout_view(request):
    logout(request)
    messages.success(request, _("You have logged out."))
    return redirect(f"/{get_language()}/")


def _verification_link(request, user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = accounts.verification_tokens.make_token(user)
    return emails.absolute(reverse("associations:verify", args=[uid, token]))


def signup_view(request):
    if request.user.is_authenticated:
        return redirect("associations:account")
    form = SignUpForm(request.POST or None)
    status = 200
    if request.method == "POST":
        limit, window = SIGNUP_LIMIT
        if not allow(request, "signup", limit=limit, window=window):
            form = _refused(
                SignUpForm(data=request.POST),
                _("Too many sign-ups from your address. Try again in an hour."),
            )
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            user = accounts.sign_up(
                email=data["email"],
                password=data["password1"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                language=get_language() or settings.LANGUAGE_CODE,
            )
            if user is None:
                emails.sign_up_attempted(accounts.holder_of(data["email"]))
            else:
                emails.verification(user, _verification_link(request, user))
            request.session["associations_next"] = _safe_next(request, "")
            return redirect("associations:signup_done")
    return render(
        request,
        "account/signup.html",
        {"form": form, "next": _safe_next(request, "")},
        status=status,
    )


def signup_done_view(request):
    return render(request, "account/signup_done.html")


def verify_view(request, uidb64, token):
    """GET shows what the link does and one button (mail scanners open links, so a GET
    changes nothing); POST confirms the address and logs the person in."""
    User = get_user_model()
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (User.DoesNotExist, ValueError, TypeError, OverflowError):
        user = None
    # The token includes whether the account is active, so it works once.
    if user is None or not accounts.verification_tokens.check_token(user, token):
        return render(request, "account/verify_failed.html", status=400)
    if request.method != "POST":
        return render(request, "account/verify.html", {"email": user.email})
    accounts.activate(user)
    login(request, user, backend="associations.login_limits.ThrottledModelBackend")
    messages.success(request, _("Your email address is confirmed. Welcome!"))
    next_url = request.session.pop("associations_next", "")
    return redirect(next_url or "associations:account")


class PasswordResetView(auth_views.PasswordResetView):
    form_class = AccountPasswordResetForm
    template_name = "account/password_reset.html"
    email_template_name = "account/email/password_reset.txt"
    subject_template_name = "account/email/password_reset_subject.txt"
    success_url = reverse_lazy("associations:password_reset_done")

    def form_valid(self, form):
        if not allow(self.request, "password_reset", limit=5, window=3600):
            form.add_error(None, _("Too many attempts. Try again in an hour."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        self.extra_email_context = {"base_url": settings.BASE_URL, "language": get_language()}
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "account/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "account/password_reset_confirm.html"
    success_url = reverse_lazy("associations:password_reset_complete")

    def form_valid(self, form):
        """The new password replaces the one chosen at sign-up; an unconfirmed account is
        confirmed too, since the link came to its address."""
        response = super().form_valid(form)
        if accounts.is_unverified(form.user):
            accounts.activate(form.user)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "account/password_reset_complete.html"


@login_required(login_url="associations:login")
def account_view(request):
    memberships = (
        Membership.objects.filter(user=request.user)
        .select_related("association")
        .order_by("association__title")
    )
    pending_invitations = Invitation.objects.filter(
        email__iexact=request.user.email, accepted_at=None, expires_at__gt=timezone.now()
    ).select_related("association")
    join_requests = Membership.objects.filter(
        status=MembershipStatus.REQUESTED,
        association__memberships__user=request.user,
        association__memberships__role=Role.ADMIN,
        association__memberships__status=MembershipStatus.ACTIVE,
    ).select_related("user", "association")
    return render(
        request,
        "account/account.html",
        {
            "memberships": memberships,
            "pending_invitations": pending_invitations,
            "join_requests": join_requests,
            "is_editor": is_editor(request.user),
        },
    )


@login_required(login_url="associations:login")
def my_data_view(request):
    data = personal_data.export(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="meidanhame-omat-tiedot.json"'
    return response


@login_required(login_url="associations:login")
def delete_account_view(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            personal_data.delete_account(request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            logout(request)
            messages.success(request, _("Your account and your personal data have been deleted."))
            return redirect(f"/{get_language()}/")
    return render(request, "account/delete.html", {"form": form})
