"""Drop the organiser snippet: the organiser columns now point to association profiles."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0004_organisers_to_associations")]

    operations = [
        migrations.RemoveField(model_name="trainingpage", name="organiser"),
        migrations.RemoveField(model_name="trainingcoorganiser", name="organiser"),
        migrations.RenameField(
            model_name="trainingpage", old_name="organiser_association", new_name="organiser"
        ),
        migrations.RenameField(
            model_name="trainingcoorganiser", old_name="association", new_name="organiser"
        ),
        migrations.AlterField(
            model_name="trainingpage",
            name="organiser",
            field=models.ForeignKey(
                help_text="The association that organises the training, from the directory.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="organised_trainings",
                to="associations.associationpage",
                verbose_name="organiser",
            ),
        ),
        migrations.AlterField(
            model_name="trainingcoorganiser",
            name="organiser",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="co_organiser_links",
                to="associations.associationpage",
                verbose_name="co-organiser",
            ),
        ),
        migrations.DeleteModel(name="Organiser"),
    ]
