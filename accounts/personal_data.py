"""A person's own data (GDPR): the registry every app fills with what it holds about a person.

The account pages (download, delete) must not import the apps above accounts, so each app
registers a provider in its AppConfig.ready():

    from accounts import personal_data

    @personal_data.register
    class TrainingRegistrations(personal_data.Provider):
        key = "training_registrations"

        def export(self, user):
            return [...]                  # JSON-serialisable, or None to leave the key out

        def erase(self, user):
            ...                           # delete, cancel or anonymise what is the person's

Erasing runs when the user row is deleted (pre_delete), whatever deletes it: the account
page, the Wagtail admin's user list or a shell, so no path leaves data behind.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import pre_delete
from django.utils import timezone

_providers = []


class Provider:
    """What one app holds about a person. `key` names its part of the data download."""

    key = ""

    def export(self, user):
        return None

    def check_erasable(self, user):
        """Raise ValidationError (with a message for the person) when the account cannot be
        deleted yet, e.g. an association would be left without an admin."""

    def erase(self, user):
        """Delete, cancel or anonymise the person's records. Runs inside the transaction that
        deletes the user, before the row goes."""


def register(provider_class):
    """Class decorator: add one instance of `provider_class` to the registry (once)."""
    if not any(type(provider) is provider_class for provider in _providers):
        _providers.append(provider_class())
    return provider_class


def providers():
    return list(_providers)


def export(user):
    """Everything the site holds about `user`, as JSON-serialisable data."""
    data = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "username": user.get_username(),
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        },
    }
    for provider in _providers:
        value = provider.export(user)
        if value is not None:
            data[provider.key] = value
    return data


@transaction.atomic
def delete_account(user):
    """Delete the account after every provider agreed; their erase() runs on the way."""
    for provider in _providers:
        provider.check_erasable(user)
    user.delete()


def erase_on_delete(sender, instance, **kwargs):
    for provider in _providers:
        provider.erase(instance)


def connect():
    pre_delete.connect(
        erase_on_delete,
        sender=settings.AUTH_USER_MODEL,
        dispatch_uid="accounts.personal_data.erase_on_delete",
    )
