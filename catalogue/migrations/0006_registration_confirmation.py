"""Registrations start pending until the address is confirmed by email. The ones made before
took their place at once, so their confirmation time is their registration time (the waiting
list is ordered by it)."""

from django.db import migrations, models
from django.db.models import F


def confirmed_when_registered(apps, schema_editor):
    Registration = apps.get_model("catalogue", "Registration")
    Registration.objects.filter(confirmed_at__isnull=True).update(confirmed_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0005_remove_organiser_snippet")]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="confirmed_at",
            field=models.DateTimeField(
                blank=True,
                help_text=(
                    "When the registrant opened the emailed link; the waiting list keeps "
                    "this order."
                ),
                null=True,
                verbose_name="email confirmed",
            ),
        ),
        migrations.AlterField(
            model_name="registration",
            name="status",
            field=models.CharField(
                choices=[
                    ("pending", "Email not confirmed yet"),
                    ("confirmed", "Confirmed"),
                    ("waiting", "On the waiting list"),
                    ("cancelled", "Cancelled"),
                ],
                db_index=True,
                max_length=10,
                verbose_name="status",
            ),
        ),
        migrations.RunPython(confirmed_when_registered, migrations.RunPython.noop),
    ]
