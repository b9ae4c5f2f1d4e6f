"""What a network does on the site besides showing itself: an association's request to join
it, emailed to its coordinator through the outbox (core.mail). The coordinator's address is
used only here, as the recipient; it is never shown."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from core.mail import queue
from core.page_urls import absolute_url
from core.text import single_line


@transaction.atomic
def send_join_request(network, association, user, message):
    """One email to the network's coordinator (in the site's default language, which the
    coordinators read) naming the association, its profile and the sender, with the sender's
    address as Reply-To. Returns the outbox rows written."""
    network = network.source_page
    sender = user.get_full_name() or user.get_username()
    with translation.override(settings.LANGUAGE_CODE):
        subject = single_line(
            _("%(association)s asks to join %(network)s")
            % {"association": association.title, "network": network.title}
        )
        body = render_to_string(
            "associations/email/network_join.txt",
            {
                "network": network,
                "association": association,
                "association_url": absolute_url(association),
                "sender": sender,
                "message": message,
                "url": absolute_url(network),
            },
        )
    headers = {"Reply-To": user.email} if user.email else {}
    return queue(
        EmailMessage(
            f"Meidän Häme: {subject}", body, None, [network.coordinator_email], headers=headers
        ),
        kind="network-join",
        about=f"network:{network.pk}:association:{association.pk}",
    )
