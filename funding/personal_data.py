"""The funding alerts of a logged-in person in their data download (matched by their email
address: an alert needs no account)."""

from associations import personal_data

from .models import FundingAlert


@personal_data.register
def funding_alerts(user):
    if not user.email:
        return None
    return "funding_alerts", [
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
        for alert in FundingAlert.objects.filter(email__iexact=user.email).select_related("index")
    ]
