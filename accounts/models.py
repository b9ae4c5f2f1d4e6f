"""What the accounts app keeps beside Django's user model."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UnconfirmedSignUp(models.Model):
    """An account made by the sign-up form whose address is not confirmed yet. Its account is
    deleted a day after signing up unless confirmed (services.py); an account an editor made
    or deactivated never has one, so the purge leaves it alone."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="unconfirmed_sign_up"
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        # The table was made when the model lived in associations; it keeps its name.
        db_table = "associations_unconfirmedsignup"
        verbose_name = _("unconfirmed sign-up")
        verbose_name_plural = _("unconfirmed sign-ups")

    def __str__(self):
        return str(self.user)
