"""One plain-text email in its recipient's language, for the apps' notices."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from wagtail.users.models import UserProfile

from .text import single_line


def language_of(user):
    """The language `user` chose for the site (the interface default when none)."""
    if user is None:
        return settings.LANGUAGE_CODE
    language = UserProfile.get_for_user(user).preferred_language
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def absolute(path):
    return f"{settings.BASE_URL}{path}"


def send(recipients, language, subject, paragraphs, link=None, link_text=""):
    """One plain-text email to each address in `recipients`, written in `language`."""
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return
    with translation.override(language):
        subject, paragraphs = single_line(str(subject())), [str(p) for p in paragraphs()]
        body = render_to_string(
            "core/email/message.txt",
            {"paragraphs": paragraphs, "link": link, "link_text": str(link_text)},
        )
        for address in recipients:
            send_mail(f"Meidän Häme: {subject}", body, None, [address])
