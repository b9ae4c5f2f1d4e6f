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
from django.utils.encoding import force_bytes, force_str
from django.utils.http import (
    url_has_allowed_host_and_scheme,
    urlsafe_base64_decode,
    urlsafe_base64_encode,
)
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.mail import absolute
from core.ratelimit import allow

from . import account_page, emails, personal_data, services
from .forms import AccountPasswordResetForm, DeleteAccountForm, LoginForm, SignUpForm

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
    next_url = _safe_next(request, reverse("accounts:account"))
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
    return render(request, "accounts/login.html", {"form": form, "next": next_url}, status=status)


@require_POST
def logout_view(request):
    logout(request)
    messages.success(request, _("You have logged out."))
    return redirect(f"/{get_language()}/")


def _verification_link(request, user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = services.verification_tokens.make_token(user)
    return absolute(reverse("accounts:verify", args=[uid, token]))


def signup_view(request):
    if request.user.is_authenticated:
        return redirect("accounts:account")
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
            user = services.sign_up(
                email=data["email"],
                password=data["password1"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                language=get_language() or settings.LANGUAGE_CODE,
            )
            if user is None:
                emails.sign_up_attempted(services.holder_of(data["email"]))
            else:
                emails.verification(user, _verification_link(request, user))
            request.session["accounts_next"] = _safe_next(request, "")
            return redirect("accounts:signup_done")
    return render(
        request,
        "accounts/signup.html",
        {"form": form, "next": _safe_next(request, "")},
        status=status,
    )


def signup_done_view(request):
    return render(request, "accounts/signup_done.html")


def verify_view(request, uidb64, token):
    """GET shows what the link does and one button (mail scanners open links, so a GET
    changes nothing); POST confirms the address and logs the person in."""
    User = get_user_model()
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (User.DoesNotExist, ValueError, TypeError, OverflowError):
        user = None
    # The token includes whether the account is active, so it works once.
    if user is None or not services.verification_tokens.check_token(user, token):
        return render(request, "accounts/verify_failed.html", status=400)
    if request.method != "POST":
        return render(request, "accounts/verify.html", {"email": user.email})
    services.activate(user)
    login(request, user, backend="accounts.login_limits.ThrottledModelBackend")
    messages.success(request, _("Your email address is confirmed. Welcome!"))
    next_url = request.session.pop("accounts_next", "")
    return redirect(next_url or "accounts:account")


class PasswordResetView(auth_views.PasswordResetView):
    form_class = AccountPasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        if not allow(self.request, "password_reset", limit=5, window=3600):
            form.add_error(None, _("Too many attempts. Try again in an hour."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        self.extra_email_context = {"base_url": settings.BASE_URL, "language": get_language()}
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        """The new password replaces the one chosen at sign-up; an unconfirmed account is
        confirmed too, since the link came to its address."""
        response = super().form_valid(form)
        if services.is_unverified(form.user):
            services.activate(form.user)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"


@login_required
def account_view(request):
    """The person's dashboard: what the apps show them (their associations, …), their data."""
    sections = account_page.sections_for(request)
    return render(request, "accounts/account.html", {"sections": sections})


@login_required
def my_data_view(request):
    data = personal_data.export(request.user)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="meidanhame-omat-tiedot.json"'
    return response


@login_required
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
    return render(request, "accounts/delete.html", {"form": form})
