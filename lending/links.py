"""Signed one-click decision links: the booking, the action and the booking's current nonce,
signed with a timestamp. Any state change gives the booking a new nonce, so a link works
once; a changed character or an old link is refused."""

from django.core import signing

from .models import Booking

SALT = "lending.decision"
MAX_AGE = 60 * 60 * 24 * 14
ACTIONS = ("approve", "decline")


class LinkError(Exception):
    """Why a link cannot be used: "expired" (the link), "deadline" (the request's answer
    deadline passed), "invalid" or "used"."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


def make_token(booking, action):
    if action not in ACTIONS:
        raise ValueError(action)
    return signing.TimestampSigner(salt=SALT).sign(
        f"{booking.pk}:{action}:{booking.decision_nonce}"
    )


def read_token(token, max_age=MAX_AGE):
    """(booking, action) for a valid, unused link to a request still waiting within its
    answer deadline; raises LinkError otherwise."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        value = signer.unsign(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkError("expired") from error
    except signing.BadSignature as error:
        raise LinkError("invalid") from error
    try:
        pk, action, nonce = value.split(":", 2)
        booking = Booking.objects.select_related("owner", "association").get(pk=int(pk))
    except (ValueError, Booking.DoesNotExist) as error:
        raise LinkError("invalid") from error
    if action not in ACTIONS:
        raise LinkError("invalid")
    if nonce != booking.decision_nonce or not booking.status == "requested":
        raise LinkError("used")
    if booking.is_past_deadline:
        raise LinkError("deadline")  # expired, even before the expiry job has run
    return booking, action
