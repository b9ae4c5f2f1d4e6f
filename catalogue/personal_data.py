"""A person's training registrations (matched by their address: registering needs no account),
for the data download and account deletion (the registry is `accounts.personal_data`)."""

from django.db.models import Max
from django.utils import timezone

from accounts import personal_data

from . import services
from .models import Registration, RegistrationStatus


@personal_data.register
class TrainingRegistrations(personal_data.Provider):
    key = "training_registrations"

    def _registrations(self, user):
        return Registration.objects.filter(email__iexact=user.email, anonymised_at__isnull=True)

    def export(self, user):
        if not user.email:
            return None
        return [
            {
                "training": registration.training.title,
                "training_url": registration.training.full_url,
                "status": registration.status,
                "name": registration.name,
                "email": registration.email,
                "association": registration.association,
                "phone": registration.phone,
                "accessibility_or_dietary_needs": registration.needs,
                "language": registration.language,
                "consent_at": registration.consent_at,
                "created_at": registration.created_at,
                "promoted_at": registration.promoted_at,
                "cancelled_at": registration.cancelled_at,
            }
            for registration in self._registrations(user).select_related("training")
        ]

    def erase(self, user):
        """Places in trainings still ahead are given up (the first person waiting gets one);
        every registration is then emptied of the person's details. The rows stay for the
        training's attendance figures, as after the retention period."""
        if not user.email:
            return
        now = timezone.now()
        ahead = (
            self._registrations(user)
            .exclude(status=RegistrationStatus.CANCELLED)
            .annotate(last_end=Max("training__occurrences__end"))
            .select_related("training")
        )
        for registration in ahead:
            if registration.last_end is None or registration.last_end > now:
                services.cancel(registration, now=now)
        self._registrations(user).update(
            name="", email="", phone="", needs="", association="", anonymised_at=now
        )
