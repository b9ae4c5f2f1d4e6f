from django.db import migrations, models


def label_current_schedules(apps, schema_editor):
    """The schedule each training has now keeps the number it has now."""
    ScheduleVersion = apps.get_model("catalogue", "ScheduleVersion")
    for version in ScheduleVersion.objects.all():
        version.labels = {version.fingerprint: version.sequence}
        version.save(update_fields=["labels"])


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0006_registration_confirmation"),
    ]

    operations = [
        migrations.AddField(
            model_name="scheduleversion",
            name="labels",
            field=models.JSONField(default=dict),
        ),
        migrations.RunPython(label_current_schedules, migrations.RunPython.noop),
    ]
