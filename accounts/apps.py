from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Sign-up, login, password reset, a person's data and deleting the account; imports no
    app of ours above it (the apps register their parts of the account page and of the
    personal data here)."""

    name = "accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import personal_data, saved_searches  # noqa: F401 - it registers itself

        # Deleting a user, by any path, erases what the apps registered about them.
        personal_data.connect()
