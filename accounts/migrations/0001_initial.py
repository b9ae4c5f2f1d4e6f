"""UnconfirmedSignUp moves here from associations: only Django's record of the model moves, the
table (associations_unconfirmedsignup) and its rows stay as they are."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    """The model's content type (and the permissions that point at it) follow it, instead of
    a second one being made beside the old."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="accounts", model="unconfirmedsignup").exists():
        ContentType.objects.filter(app_label="associations", model="unconfirmedsignup").update(
            app_label="accounts"
        )


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="associations", model="unconfirmedsignup").exists():
        ContentType.objects.filter(app_label="accounts", model="unconfirmedsignup").update(
            app_label="associations"
        )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("associations", "0004_unconfirmed_sign_up"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="UnconfirmedSignUp",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                db_index=True, default=django.utils.timezone.now
                            ),
                        ),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="unconfirmed_sign_up",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "unconfirmed sign-up",
                        "verbose_name_plural": "unconfirmed sign-ups",
                        "db_table": "associations_unconfirmedsignup",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
