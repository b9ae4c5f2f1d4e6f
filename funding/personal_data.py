"""The funding alerts sent to a person's address, in their data download and deleted with the
account (an alert needs no account, so it is matched by the email address)."""

from accounts import personal_data

from .models import FundingAlert


@personal_data.register
class FundingAlerts(personal_data.Provider):
    key = "funding_alerts"

    def export(self, user):
        if not user.email:
            return None
        return [
            {
                "email": alert.email,
                "funding_index": alert.index.title,
                "search": alert.query,
                "frequency": alert.frequency,
                "language": alert.language,
                "created_at": alert.created_at,
                "confirmed_at": alert.confirmed_at,
                "last_sent_at": alert.last_sent_at,
            }
            for alert in FundingAlert.objects.filter(email__iexact=user.email).select_related(
                "index"
            )
        ]

    def erase(self, user):
        if user.email:
            FundingAlert.objects.filter(email__iexact=user.email).delete()
