"""The Partners group: public-sector partners (municipalities, the wellbeing services county)
who read the situation picture. Created here so fresh installs and tests see the same."""

from django.db import migrations


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name="Partners")


def remove_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name="Partners").delete()


class Migration(migrations.Migration):
    dependencies = [("crisis", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_group, remove_group)]
