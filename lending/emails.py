"""The emails of booking, each in its recipient's language: owners' admins get the request
with one-click decision links, requesters the decision, cancellations and reminders."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from associations.permissions import admins_of
from core.mail import language_of, queue
from core.text import single_line

from .links import make_token


def absolute(path):
    return f"{settings.BASE_URL}{path}"


def _send(
    address, language, subject, paragraphs, links=(), *, kind="booking", about="", revision=None
):
    """One email, queued: sending happens in a task, so the person acting never waits for or
    sees an error of the mail server."""
    if not address:
        return
    with translation.override(language):
        subject = single_line(str(subject()))
        body = render_to_string(
            "lending/email/message.txt",
            {
                "paragraphs": [str(p) for p in paragraphs()],
                "links": [(str(label), url) for label, url in links()],
            },
        )
    queue(
        EmailMessage(f"Meidän Häme: {subject}", body, None, [address]),
        kind=kind,
        about=about,
        revision=revision,
    )


def when(booking):
    """The booked time in the active language's format."""
    start, end = timezone.localtime(booking.starts_at), timezone.localtime(booking.ends_at)
    if booking.is_space:
        if start.date() == end.date():
            return "{} {}–{}".format(
                formats.date_format(start, "SHORT_DATE_FORMAT"),
                formats.time_format(start, "H:i"),
                formats.time_format(end, "H:i"),
            )
        return "{} {} – {} {}".format(
            formats.date_format(start, "SHORT_DATE_FORMAT"),
            formats.time_format(start, "H:i"),
            formats.date_format(end, "SHORT_DATE_FORMAT"),
            formats.time_format(end, "H:i"),
        )
    first, last = start.date(), booking.last_day
    if first == last:
        return formats.date_format(first, "SHORT_DATE_FORMAT")
    return "{}–{}".format(
        formats.date_format(first, "SHORT_DATE_FORMAT"),
        formats.date_format(last, "SHORT_DATE_FORMAT"),
    )


def what(booking):
    """The resource's title in the active language, with the quantity for equipment."""
    page = booking.resource.specific
    title = page.localized.title
    if booking.is_space:
        return title
    return f"{title} × {booking.quantity}"


def _association_name(association):
    return association.localized.title if association is not None else "–"


def _decide_url(booking, action):
    return absolute(reverse("lending:decide", args=[make_token(booking, action)]))


def _booking_url(booking):
    return absolute(reverse("lending:booking", args=[booking.uid]))


def _requester_language(booking):
    if booking.requested_by is not None:
        return language_of(booking.requested_by)
    return booking.language or settings.LANGUAGE_CODE


def requested(booking):
    owner = booking.owner
    for membership in admins_of(owner).select_related("user"):
        user = membership.user

        def paragraphs(b=booking):
            lines = [
                _("%(association)s asks to use %(what)s on %(when)s.")
                % {
                    "association": _association_name(b.association),
                    "what": what(b),
                    "when": when(b),
                },
                _("Contact: %(name)s, %(email)s %(phone)s")
                % {"name": b.contact_name, "email": b.contact_email, "phone": b.contact_phone},
            ]
            if b.message:
                lines.append(_("Message: %(message)s") % {"message": b.message})
            lines.append(
                _("The time stays reserved for the request. Please answer by %(date)s.")
                % {
                    "date": formats.date_format(
                        timezone.localtime(b.expires_at), "SHORT_DATE_FORMAT"
                    )
                }
            )
            return lines

        _send(
            user.email,
            language_of(user),
            lambda b=booking: _("Booking request: %(what)s") % {"what": what(b)},
            paragraphs,
            lambda b=booking: [
                (_("Approve with one click"), _decide_url(b, "approve")),
                (_("Decline with one click"), _decide_url(b, "decline")),
                (_("All requests"), absolute(reverse("lending:dashboard"))),
            ],
        )
    if booking.requested_by is not None:
        _send(
            booking.contact_email,
            _requester_language(booking),
            lambda: _("Request sent: %(what)s") % {"what": what(booking)},
            lambda: [
                _("Your request for %(what)s on %(when)s was sent to %(owner)s.")
                % {"what": what(booking), "when": when(booking), "owner": _association_name(owner)},
                _("We will email you when they answer."),
            ],
            lambda: [(_("Your request"), _booking_url(booking))],
        )


def decided(booking):
    approved = booking.status == "approved"

    def paragraphs():
        lines = [
            (
                _("%(owner)s approved your request for %(what)s on %(when)s.")
                if approved
                else _("%(owner)s declined your request for %(what)s on %(when)s.")
            )
            % {
                "owner": _association_name(booking.owner),
                "what": what(booking),
                "when": when(booking),
            }
        ]
        if booking.decision_reason:
            lines.append(_("Reason: %(reason)s") % {"reason": booking.decision_reason})
        return lines

    _send(
        booking.contact_email,
        _requester_language(booking),
        lambda: (
            (_("Approved: %(what)s") if approved else _("Declined: %(what)s"))
            % {"what": what(booking)}
        ),
        paragraphs,
        lambda: [(_("Your request"), _booking_url(booking))],
    )


def cancelled(booking, actor):
    by_requester = actor is not None and actor == booking.requested_by

    def paragraphs():
        return [
            _("The booking of %(what)s on %(when)s was cancelled.")
            % {"what": what(booking), "when": when(booking)},
            _("Reason: %(reason)s") % {"reason": booking.decision_reason or "–"},
        ]

    def subject():
        return _("Cancelled: %(what)s") % {"what": what(booking)}

    if by_requester:
        for membership in admins_of(booking.owner).select_related("user"):
            _send(
                membership.user.email,
                language_of(membership.user),
                subject,
                paragraphs,
                lambda: [(_("All requests"), absolute(reverse("lending:dashboard")))],
            )
    else:
        _send(
            booking.contact_email,
            _requester_language(booking),
            subject,
            paragraphs,
            lambda: [(_("Your request"), _booking_url(booking))],
        )


def expired(booking):
    _send(
        booking.contact_email,
        _requester_language(booking),
        lambda: _("No answer: %(what)s") % {"what": what(booking)},
        lambda: [
            _("Nobody answered your request for %(what)s on %(when)s in time, so it expired.")
            % {"what": what(booking), "when": when(booking)},
            _("You are welcome to ask again or contact the owner."),
        ],
        lambda: [(_("Your request"), _booking_url(booking))],
    )


def reminder(booking, *, returning=False):
    def paragraphs():
        if returning:
            return [
                _("Reminder: please return %(what)s by %(when)s.")
                % {"what": what(booking), "when": when(booking)}
            ]
        return [
            _("Reminder: your booking of %(what)s starts soon (%(when)s).")
            % {"what": what(booking), "when": when(booking)},
            _("Place: %(address)s") % {"address": booking.resource.specific.localized.address},
        ]

    _send(
        booking.contact_email,
        _requester_language(booking),
        lambda: (
            (_("Return reminder: %(what)s") if returning else _("Reminder: %(what)s"))
            % {"what": what(booking)}
        ),
        paragraphs,
        lambda: [(_("Your booking"), _booking_url(booking))],
        # Once per booking, however often the hourly command meets it.
        kind="booking-return-reminder" if returning else "booking-reminder",
        about=f"booking:{booking.pk}",
        revision="",
    )
