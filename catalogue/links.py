"""The signed links of a registration's emails: one confirms the address, one cancels the
registration. The emails write them; the services read them back (`registration_to_confirm`,
`registration_to_cancel`)."""

import datetime

from django.core import signing

CANCEL_SALT = "catalogue.registration.cancel"
CONFIRM_SALT = "catalogue.registration.confirm"
# How long a confirmation link works; a registration not confirmed by then is deleted.
CONFIRMATION_TIMEOUT = datetime.timedelta(hours=6)


def confirmation_token(registration):
    return signing.dumps({"r": registration.pk, "e": registration.email}, salt=CONFIRM_SALT)


def cancellation_token(registration):
    return signing.dumps({"r": registration.pk, "e": registration.email}, salt=CANCEL_SALT)
