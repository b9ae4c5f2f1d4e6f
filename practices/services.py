"""What the library does: a member's practice into the editors' workflow, and a visitor's
message to the association's admins (through the outbox, core.mail). Every practice is
approved by an editor: the library is the region's shared reference, so nothing is published
on a member's word alone, whatever the member's role."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from associations.contact import send_to_association
from associations.permissions import can_edit
from associations.services import submit_for_approval
from core.page_urls import absolute_url


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


def send_contact_message(page, *, name, email, message):
    """The visitor's message about the practice `page` to its association (see
    `associations.contact`). Returns the count of emails."""

    def write():
        subject = _("Message about your good practice “%(title)s”") % {"title": page.title}
        context = {"practice": page, "name": name, "message": message, "url": absolute_url(page)}
        return subject, render_to_string("practices/email/contact.txt", context)

    return send_to_association(
        page.association,
        reply_to=email,
        write=write,
        kind="practice-contact",
        about=f"good-practice:{page.pk}",
    )
