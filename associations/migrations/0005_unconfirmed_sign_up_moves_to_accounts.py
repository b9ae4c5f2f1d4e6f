"""UnconfirmedSignUp now belongs to accounts (accounts 0001 takes over its state): associations
forgets the model and leaves its table to accounts."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("associations", "0004_unconfirmed_sign_up"),
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="UnconfirmedSignUp")],
            database_operations=[],
        ),
    ]
