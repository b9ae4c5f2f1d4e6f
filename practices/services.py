"""What the library does: a member's practice into the editors' workflow, and a visitor's
message to the association's admins (through the outbox, core.mail). Every practice is
approved by an editor: the library is the region's shared reference, so nothing is published
on a member's word alone, whatever the member's role."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from associations.permissions import EDITORS_GROUP, admins_of, can_edit
from associations.services import submit_for_approval
from core.mail import language_of, queue
from core.page_urls import absolute_url
from core.text import single_line


def _unique_slug(index, title, fallback="kaytanto"):
    base = slugify(title)[:70] or fallback
    slug, n = base, 2
    while index.get_children().filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def save_practice(page, user):
    """Save the member's version of `page` as a revision in the editors' approval workflow;
    the live practice changes when an editor approves."""
    if not can_edit(user, page.association):
        raise PermissionDenied
    return submit_for_approval(page, user)


@transaction.atomic
def submit_new_practice(index, page, user):
    """A new practice under `index`, a draft in the editors' approval workflow."""
    if not can_edit(user, page.association):
        raise PermissionDenied
    page.live = False
    page.owner = user
    page.slug = _unique_slug(index, page.title)
    index.add_child(instance=page)
    return save_practice(page, user)


def _contact_recipients(association):
    """(address, language) of whom a message about a practice reaches: the association's
    admins; without any, its public contact address; failing that, the editors, who forward
    it. A message is never dropped."""
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
def send_contact_message(page, *, name, email, message):
    """One email to each recipient (see `_contact_recipients`) in their language, with the
    sender's address as Reply-To. Returns the count."""
    sent = 0
    for address, language in _contact_recipients(page.association):
        with translation.override(language):
            subject = single_line(
                _("Message about your good practice “%(title)s”") % {"title": page.title}
            )
            body = render_to_string(
                "practices/email/contact.txt",
                {"practice": page, "name": name, "message": message, "url": absolute_url(page)},
            )
        queue(
            EmailMessage(
                f"Meidän Häme: {subject}", body, None, [address], headers={"Reply-To": email}
            ),
            kind="practice-contact",
            about=f"good-practice:{page.pk}",
        )
        sent += 1
    return sent
