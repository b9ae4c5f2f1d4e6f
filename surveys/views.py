"""A survey on the public site: the form while it is open (and the person may answer), a
clear message otherwise, and the thank-you page after answering."""

from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from associations.permissions import associations_of
from core.ratelimit import allow

from . import services
from .models import AnswerMode

ANSWERS_PER_WINDOW = 20
WINDOW_SECONDS = 600


def _blocker(page, request):
    """Why the form is not shown to this person, or None."""
    state = page.state()
    if state == "not_yet_open":
        return "not_yet_open"
    if state == "closed":
        return "closed"
    if page.needs_login and not request.user.is_authenticated:
        return "login"
    if page.answer_mode == AnswerMode.PER_ASSOCIATION:
        associations = list(associations_of(request.user))
        if not associations:
            return "no_association"
        if len(page.answered_for(associations)) == len(associations):
            return "all_answered"
    return None


def _render(page, request, context, status=200):
    return TemplateResponse(
        request,
        page.get_template(request),
        {**page.get_context(request), **context},
        status=status,
    )


def survey_view(page, request):
    blocker = _blocker(page, request)
    if blocker is not None:
        status = 403 if request.method == "POST" else 200
        return _render(page, request, {"blocker": blocker}, status=status)
    if request.method != "POST":
        return _render(page, request, {"form": page.get_form(page=page, user=request.user)})
    form = page.get_form(request.POST, page=page, user=request.user)
    if not allow(request, "survey", limit=ANSWERS_PER_WINDOW, window=WINDOW_SECONDS):
        form.is_valid()
        form.add_error(None, _("Too many answers from your address. Please try again later."))
        return _render(page, request, {"form": form}, status=429)
    if form.is_valid():
        try:
            answer = services.submit(page, form, request.user, language=get_language() or "")
        except services.AnswerRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            return page.render_landing_page(request, answer)
    return _render(page, request, {"form": form})
