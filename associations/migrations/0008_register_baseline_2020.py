"""The register's count the strategy starts from: 3,253 associations in Kanta-Häme in 2020
(PRH), so that a fresh install shows the directory's coverage; editors add later years."""

from django.db import migrations

STRATEGY_YEAR = 2020
REGISTERED = 3253


def add_baseline(apps, schema_editor):
    DirectorySettings = apps.get_model("associations", "DirectorySettings")
    RegisterBaseline = apps.get_model("associations", "RegisterBaseline")
    settings = DirectorySettings.objects.order_by("pk").first() or DirectorySettings.objects.create()
    RegisterBaseline.objects.get_or_create(
        settings=settings, year=STRATEGY_YEAR, defaults={"registered": REGISTERED}
    )


def remove_baseline(apps, schema_editor):
    RegisterBaseline = apps.get_model("associations", "RegisterBaseline")
    RegisterBaseline.objects.filter(year=STRATEGY_YEAR, registered=REGISTERED).delete()


class Migration(migrations.Migration):
    dependencies = [("associations", "0007_directory_snapshots")]

    operations = [migrations.RunPython(add_baseline, remove_baseline)]
