"""The status reports that name a person as the association's contact, for the data download
and account deletion (the registry is `accounts.personal_data`). The report is the association's
and stays; the person's name, address and phone go from it and from every saved version of
its history. (Status reports are plain models: their history is `StatusReportVersion`, not
Wagtail revisions.)"""

from accounts import personal_data

from .models import StatusReport, StatusReportVersion

CONTACT_FIELDS = ("contact_name", "contact_email", "contact_phone")


@personal_data.register
class StatusReportContacts(personal_data.Provider):
    key = "crisis_status_reports"

    def export(self, user):
        if not user.email:
            return None
        versions = StatusReportVersion.objects.filter(data__contact_email__iexact=user.email)
        return {
            "contact_in": [
                {
                    "association": report.association.title,
                    "situation": report.situation.title,
                    "updated_at": report.updated_at,
                    **report.snapshot(),
                }
                for report in StatusReport.objects.filter(
                    contact_email__iexact=user.email
                ).select_related("association", "situation")
            ],
            "history_naming_you": [
                {
                    "association": version.report.association.title,
                    "situation": version.report.situation.title,
                    "saved_at": version.created_at,
                    **{name: version.data.get(name, "") for name in CONTACT_FIELDS},
                }
                for version in versions.select_related("report__association", "report__situation")
            ],
            "versions_written": StatusReportVersion.objects.filter(author=user).count(),
        }

    def erase(self, user):
        if not user.email:
            return
        blank = dict.fromkeys(CONTACT_FIELDS, "")
        StatusReport.objects.filter(contact_email__iexact=user.email).update(**blank)
        for version in StatusReportVersion.objects.filter(data__contact_email__iexact=user.email):
            version.data = {**version.data, **blank}
            version.save(update_fields=["data"])
