"""`FunderSnippet` is called `Funder`: a rename keeps the table's rows and the content type (and
with it wagtail-localize's translation sources and the admin's permissions)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("funding", "0004_listing_status_index")]

    operations = [migrations.RenameModel("FunderSnippet", "Funder")]
