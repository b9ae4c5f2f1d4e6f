"""What the board does: a member's listing into the editors' workflow, a visitor's message to
the association's admins, and the reminder before a listing ends. Every email through the
outbox (core.mail)."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from associations.contact import send_to_association
from associations.permissions import admins_of, can_edit
from associations.services import submit_for_approval
from core.mail import language_of, send
from core.page_urls import absolute_url

from .models import REMINDER_DAYS, BoardListingPage, TrustedAssociation


def _unique_slug(index, title, fallback="ilmoitus"):
    base = slugify(title)[:70] or fallback
    slug, n = base, 2
    while index.get_children().filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def is_trusted(association):
    """Whether the association's listings skip the editors: an editor has marked it trusted
    and it already has a listing an editor approved (its first is always moderated)."""
    return (
        TrustedAssociation.objects.filter(association=association).exists()
        and BoardListingPage.objects.filter(
            association=association, first_published_at__isnull=False
        ).exists()
    )


def save_listing(page, user):
    """Publish the member's version of `page` at once for a trusted association; otherwise
    save it as a revision in the editors' approval workflow. True when published."""
    if not can_edit(user, page.association):
        raise PermissionDenied
    if is_trusted(page.association):
        # Members hold no publish permission in Wagtail; the editors' trust stands for it.
        revision = page.save_revision(user=user, log_action=True)
        revision.publish(user=user, skip_permission_checks=True)
        return True
    submit_for_approval(page, user)
    return False


@transaction.atomic
def submit_new_listing(index, page, user):
    """A new listing under `index`: published for a trusted association, else a draft in
    the editors' approval workflow. True when published."""
    if not can_edit(user, page.association):
        raise PermissionDenied
    page.live = False
    page.owner = user
    page.slug = _unique_slug(index, page.title)
    index.add_child(instance=page)
    return save_listing(page, user)


def _admin_users(association):
    return [m.user for m in admins_of(association).select_related("user") if m.user.email]


def send_contact_message(page, *, name, email, message):
    """The visitor's message about the listing `page` to its association (see
    `associations.contact`). Returns the count of emails."""

    def write():
        subject = _("Message about your listing “%(title)s”") % {"title": page.title}
        context = {"listing": page, "name": name, "message": message, "url": absolute_url(page)}
        return subject, render_to_string("board/email/contact.txt", context)

    return send_to_association(
        page.association,
        reply_to=email,
        write=write,
        kind="board-contact",
        about=f"board-listing:{page.pk}",
    )


def send_expiry_reminders(today=None):
    """Email the admins of each association whose live listing ends in `REMINDER_DAYS` days,
    once per expiry date (a later extension gets its own reminder). Returns the count."""
    today = today or timezone.localdate()
    due = today + datetime.timedelta(days=REMINDER_DAYS)
    listings = (
        BoardListingPage.objects.live()
        .filter(locale__language_code="fi", expires_on__gt=today, expires_on__lte=due)
        .exclude(reminder_sent_for=F("expires_on"))
        .select_related("association")
    )
    count = 0
    for page in listings:
        with transaction.atomic():
            for admin in _admin_users(page.association):
                send(
                    [admin.email],
                    language_of(admin),
                    lambda page=page: (
                        _("Your listing “%(title)s” ends soon") % {"title": page.title}
                    ),
                    lambda page=page: [
                        _(
                            "Your association's listing “%(title)s” on the cooperation board "
                            "is shown until %(date)s."
                        )
                        % {"title": page.title, "date": page.expires_on.strftime("%d.%m.%Y")},
                        _(
                            "If it is still current, edit the listing and give it a later "
                            "date. Otherwise it leaves the board by itself."
                        ),
                    ],
                    absolute_url(page),
                    gettext_lazy("Open the listing"),
                    kind="board-reminder",
                    about=f"board-listing:{page.pk}",
                    revision=page.expires_on.isoformat(),
                )
            BoardListingPage.objects.filter(pk=page.pk).update(reminder_sent_for=page.expires_on)
            count += 1
    return count
