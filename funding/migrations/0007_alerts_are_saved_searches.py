"""The funding alerts become saved searches of the one model every listing shares
(core.SavedSearch): each alert keeps its id and secret, so the links in emails already sent
still work, and what it sent is remembered."""

from django.core.management.color import no_style
from django.db import migrations


def copy_to_saved_searches(apps, schema_editor):
    FundingAlert = apps.get_model("funding", "FundingAlert")
    FundingAlertDelivery = apps.get_model("funding", "FundingAlertDelivery")
    SavedSearch = apps.get_model("core", "SavedSearch")
    AlertDelivery = apps.get_model("core", "AlertDelivery")
    SavedSearch.objects.bulk_create(
        SavedSearch(
            pk=alert.pk,
            listing_id=alert.index_id,
            email=alert.email,
            language=alert.language,
            query=alert.query,
            frequency=alert.frequency,
            secret=alert.secret,
            created_at=alert.created_at,
            confirmed_at=alert.confirmed_at,
            last_checked_at=alert.last_checked_at,
            last_sent_at=alert.last_sent_at,
        )
        for alert in FundingAlert.objects.all()
    )
    AlertDelivery.objects.bulk_create(
        AlertDelivery(
            search_id=delivery.alert_id,
            item=str(delivery.opportunity_id),
            kind=delivery.kind,
            key=delivery.key,
            sent_at=delivery.sent_at,
        )
        for delivery in FundingAlertDelivery.objects.all()
    )
    # The ids were written by hand: the next new search must not take one of them.
    connection = schema_editor.connection
    reset = connection.ops.sequence_reset_sql(no_style(), [SavedSearch])
    with connection.cursor() as cursor:
        for statement in reset:
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0006_fields_of_activity_from_directory"),
        ("core", "0003_saved_searches"),
    ]

    operations = [
        migrations.RunPython(copy_to_saved_searches, migrations.RunPython.noop),
        migrations.DeleteModel(name="FundingAlertDelivery"),
        migrations.DeleteModel(name="FundingAlert"),
    ]
