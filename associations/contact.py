"""Writing to an association through the site, never through an address the page shows: the
form a visitor fills, whom the message reaches, and the queued emails. The board's listings and
the good practices use it; the message names what it is about."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import DescribedMixin
from core.mail import language_of, queue
from core.ratelimit import allow
from core.text import single_line

from .permissions import EDITORS_GROUP, admins_of

# Messages through one page's form, per sender address and hour.
MESSAGES_PER_HOUR = 5


class ContactForm(DescribedMixin, forms.Form):
    """A message to the association's admins; the sender's address becomes the Reply-To."""

    name = forms.CharField(label=_("Your name"), max_length=100)
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("The association answers to this address. It is not shown on the site."),
    )
    message = forms.CharField(
        label=_("Message"), max_length=3000, min_length=10, widget=forms.Textarea(attrs={"rows": 6})
    )


def contact_recipients(association):
    """(address, language) of whom a message to `association` reaches: its admins; without
    any (an association an editor listed), its public contact address; failing that, the
    editors, who forward it. A message is never dropped."""
    admins = [m.user for m in admins_of(association).select_related("user") if m.user.email]
    if admins:
        return [(user.email, language_of(user)) for user in admins]
    if association.email:
        return [(association.email, settings.LANGUAGE_CODE)]
    editors = (
        get_user_model()
        .objects.filter(groups__name=EDITORS_GROUP, is_active=True)
        .exclude(email="")
        .distinct()
    )
    return [(user.email, language_of(user)) for user in editors]


@transaction.atomic
def send_to_association(association, *, reply_to, write, kind, about):
    """Queue one email to each of `contact_recipients(association)`, written in their language
    by `write()` (which returns the subject and the body), with the sender's address
    `reply_to` as Reply-To so the answer goes straight to them. Returns the count."""
    sent = 0
    for address, language in contact_recipients(association):
        with translation.override(language):
            subject, body = write()
        queue(
            EmailMessage(
                f"Meidän Häme: {single_line(subject)}",
                body,
                None,
                [address],
                headers={"Reply-To": reply_to},
            ),
            kind=kind,
            about=about,
        )
        sent += 1
    return sent


def read_message(request, scope):
    """The posted `ContactForm` and the status to answer with when it cannot be sent: 429 when
    one sender writes too often (per address and hour, under `scope`), 400 when it needs
    correcting, None when it may go."""
    form = ContactForm(request.POST)
    email = request.POST.get("email", "")
    if not allow(request, scope, limit=MESSAGES_PER_HOUR, window=3600, extra=email):
        form.is_valid()
        form.add_error(None, gettext("Too many messages in a short time. Please try again later."))
        return form, 429
    if not form.is_valid():
        return form, 400
    return form, None


def thank_sender(request, association):
    messages.success(
        request,
        gettext("Thank you! Your message was sent to %(association)s. They answer you by email.")
        % {"association": association.localized.title},
    )
