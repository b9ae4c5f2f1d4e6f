"""A training's organiser becomes an association profile: first the new columns beside the
old ones (0004 fills them, 0005 drops the organiser snippet)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0002_permissions"),
        ("associations", "0002_taxonomy"),
    ]

    operations = [
        migrations.AddField(
            model_name="trainingpage",
            name="organiser_association",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="associations.associationpage",
            ),
        ),
        migrations.AddField(
            model_name="trainingcoorganiser",
            name="association",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="associations.associationpage",
            ),
        ),
    ]
