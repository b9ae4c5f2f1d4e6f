"""Registration emails, written in the registrant's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from core.mail import queue
from core.page_urls import absolute_url

from .feeds import training_ics
from .links import CONFIRMATION_TIMEOUT, cancellation_token, confirmation_token
from .models import TrainingPage


def _page_in(registration):
    """The training page in the registrant's language (the canonical one if not translated)."""
    canonical = registration.training
    return (
        TrainingPage.objects.filter(
            translation_key=canonical.translation_key,
            locale__language_code=registration.language,
        )
        .live()
        .select_related("locale", "organiser")
        .first()
        or canonical
    )


def _send(registration, template, attach_ics, revision=None, **extra):
    with translation.override(registration.language):
        page = _page_in(registration)
        url = absolute_url(page)
        occurrences = list(page.occurrences.order_by("start")[:20])
        context = {
            "registration": registration,
            "page": page,
            "url": url,
            "cancel_url": f"{url}cancel/?t={cancellation_token(registration)}",
            "confirm_url": f"{url}confirm/?t={confirmation_token(registration)}",
            "confirm_hours": int(CONFIRMATION_TIMEOUT.total_seconds() // 3600),
            "occurrences": occurrences,
            "site_name": "Meidän Häme",
            **extra,
        }
        subject = " ".join(
            render_to_string(f"catalogue/email/{template}_subject.txt", context).split()
        )
        body = render_to_string(f"catalogue/email/{template}.txt", context)
        message = EmailMultiAlternatives(
            subject, body, settings.DEFAULT_FROM_EMAIL, [registration.email]
        )
        if attach_ics:
            message.attach(
                f"{page.slug}.ics",
                training_ics(page),
                "text/calendar; charset=utf-8; method=PUBLISH",
            )
        queue(
            message,
            kind=f"registration-{template}",
            about=f"registration:{registration.pk}",
            revision=revision,
        )
        return message


def send_confirmation_request(registration):
    """The link that confirms a pending registration's address."""
    # A new form renews the pending registration: its link is a new email.
    return _send(
        registration,
        "confirm_request",
        attach_ics=False,
        revision=registration.created_at.isoformat(),
    )


def send_already_registered(registration):
    """To an address that registered again: it already has a place (or is waiting), and
    here is its cancellation link. Only the address's owner learns this, not the form."""
    return _send(registration, "already_registered", attach_ics=False)


def send_confirmation(registration):
    template = "confirmation" if registration.status == "confirmed" else "waiting"
    return _send(
        registration,
        template,
        attach_ics=registration.status == "confirmed",
        revision=registration.confirmed_at.isoformat() if registration.confirmed_at else None,
    )


def send_promotion(registration):
    return _send(registration, "promotion", attach_ics=True, revision="")


def send_changed(registration, *, lines, revision):
    """A training the registrant is coming to changed (`catalogue.notices`): what changed,
    and the updated calendar file."""
    return _send(registration, "changed", attach_ics=True, revision=revision, lines=lines)
