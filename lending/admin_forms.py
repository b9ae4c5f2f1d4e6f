"""The admin form of spaces and equipment (the site's own listing form is `forms.py`)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from associations.permissions import may_name


class LendablePageForm(WagtailAdminPageForm):
    """A member (not an editor) lists spaces and equipment only in the name of an association
    they belong to, as in the site's own listing form."""

    def clean(self):
        cleaned_data = super().clean()
        association = cleaned_data.get("association")
        user = self.for_user
        if association is not None and user is not None and not may_name(user, association):
            self.add_error(
                "association",
                _(
                    "Choose your own association: members list spaces and equipment only for "
                    "the associations they belong to."
                ),
            )
        return cleaned_data
