"""The saved searches emailed to a person's address (core/alerts.py), in their data download
and deleted with the account (a saved search needs no account, so it is matched by the email
address)."""

from core.models import SavedSearch

from . import personal_data


@personal_data.register
class SavedSearches(personal_data.Provider):
    key = "saved_searches"

    def export(self, user):
        if not user.email:
            return None
        return [
            {
                "email": search.email,
                "listing": search.listing.title,
                "search": search.query,
                "frequency": search.frequency,
                "language": search.language,
                "created_at": search.created_at,
                "confirmed_at": search.confirmed_at,
                "last_sent_at": search.last_sent_at,
            }
            for search in SavedSearch.objects.filter(email__iexact=user.email)
            .select_related("listing")
            .order_by("pk")
        ]

    def erase(self, user):
        if user.email:
            SavedSearch.objects.filter(email__iexact=user.email).delete()
