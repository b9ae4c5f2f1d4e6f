"""Registration emails, written in the registrant's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from home.page_urls import absolute_url

from .feeds import training_ics
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


def _send(registration, template, attach_ics):
    from .services import cancellation_token

    with translation.override(registration.language):
        page = _page_in(registration)
        cancel_url = absolute_url(page) + f"cancel/?t={cancellation_token(registration)}"
        occurrences = list(page.occurrences.order_by("start")[:20])
        context = {
            "registration": registration,
            "page": page,
            "url": absolute_url(page),
            "cancel_url": cancel_url,
            "occurrences": occurrences,
            "site_name": "Meidän Häme",
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
        message.send()
        return message


def send_confirmation(registration):
    template = "confirmation" if registration.status == "confirmed" else "waiting"
    return _send(registration, template, attach_ics=registration.status == "confirmed")


def send_promotion(registration):
    return _send(registration, "promotion", attach_ics=True)
