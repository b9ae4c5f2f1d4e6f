"""Front-end forms for volunteers: membership and the association profile."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import DescribedMixin
from core.languages import Language
from core.regions import Municipality
from core.uploads import ImageUploadField

from .fields import URLLinesFormField
from .models import (
    AssociationPage,
    CooperationTheme,
    FieldOfActivity,
    Role,
    TargetGroup,
    WelfareArea,
)
from .validators import (
    normalise_business_id,
    normalise_registry_number,
    validate_business_id,
    validate_registry_number,
)

LOGO_MAX_BYTES = 2 * 1024 * 1024


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("Email of the person to invite"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)


class JoinForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the association (optional)"),
        required=False,
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AssociationProfileForm(forms.Form):
    """The profile as a volunteer edits it: everything on one plain page, no Wagtail admin."""

    title = forms.CharField(label=_("Name of the association"), max_length=255)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences for the directory (at most 300 characters)."),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What the association does and for whom. Separate paragraphs by a blank line."),
    )
    registry_number = forms.CharField(
        label=_("Association register number"),
        max_length=12,
        required=False,
        help_text=_("Yhdistysrekisterinumero, e.g. 123.456."),
    )
    business_id = forms.CharField(
        label=_("Business ID"),
        max_length=11,
        required=False,
        help_text=_("Y-tunnus, e.g. 1234567-1."),
    )
    municipality = forms.ChoiceField(label=_("Home municipality"), choices=Municipality.choices)
    areas = forms.MultipleChoiceField(
        label=_("Also works in"),
        choices=Municipality.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    fields_of_activity = forms.MultipleChoiceField(
        label=_("Fields of activity"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose one to three."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages served"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    website = forms.URLField(
        label=_("Website"), required=False, max_length=300, assume_scheme="https"
    )
    email = forms.EmailField(
        label=_("Public contact email"),
        required=False,
        help_text=_("A shared address of the association (e.g. info@…), not a person's."),
    )
    social_links = URLLinesFormField(
        label=_("Social media links"), required=False, help_text=_("One web address per line.")
    )
    logo = ImageUploadField(
        label=_("Logo"),
        required=False,
        max_upload_size=LOGO_MAX_BYTES,
        help_text=_("PNG, JPEG, WebP or GIF, at most 2 MB."),
        error_messages=dict.fromkeys(
            ("invalid_image", "invalid_image_extension", "invalid_image_known_format"),
            _("The logo must be an image file (PNG, JPEG, WebP or GIF)."),
        ),
    )
    logo_alt = forms.CharField(
        label=_("Logo alternative text"),
        max_length=200,
        required=False,
        help_text=_("What the logo shows, e.g. “Logo of Hattula Village Association”."),
    )
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)
    partner_themes = forms.MultipleChoiceField(
        label=_("Looking for partners in"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    partnership_note = forms.CharField(
        label=_("What kind of partners are you looking for"),
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    welfare_areas = forms.MultipleChoiceField(
        label=_("Welfare work"),
        choices=WelfareArea.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The headings of the region's welfare description, read by the municipalities and "
            "the wellbeing area. Choose every one that fits."
        ),
    )
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"),
        choices=TargetGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    can_offer = forms.CharField(
        label=_("What we can offer others"),
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Know-how, volunteers, spaces or help other associations may ask you for."),
    )

    def __init__(self, *args, page=None, locale=None, **kwargs):
        self.page = page
        super().__init__(*args, **kwargs)
        self.field_objects = {f.slug: f for f in FieldOfActivity.objects.filter(locale=locale)}
        self.theme_objects = {t.slug: t for t in CooperationTheme.objects.filter(locale=locale)}
        self.fields["fields_of_activity"].choices = [
            (slug, f.name) for slug, f in self.field_objects.items()
        ]
        self.fields["partner_themes"].choices = [
            (slug, t.name) for slug, t in self.theme_objects.items()
        ]

    @classmethod
    def initial_from(cls, page):
        return {
            "title": page.title,
            "summary": page.summary,
            "description": page.description,
            "registry_number": page.registry_number,
            "business_id": page.business_id,
            "municipality": page.municipality,
            "areas": page.areas,
            "fields_of_activity": [link.field.slug for link in page.field_links.all()],
            "languages": page.languages,
            "website": page.website,
            "email": page.email,
            "social_links": page.social_links,
            "logo_alt": page.logo_alt,
            "partner_themes": [link.theme.slug for link in page.partner_theme_links.all()],
            "partnership_note": page.partnership_note,
            "welfare_areas": page.welfare_areas,
            "target_groups": page.target_groups,
            "can_offer": page.can_offer,
        }

    def clean_registry_number(self):
        value = normalise_registry_number(self.cleaned_data["registry_number"])
        if value:
            validate_registry_number(value)
            duplicates = AssociationPage.objects.filter(
                registry_number=value, locale__language_code="fi"
            )
            if self.page is not None and self.page.pk:
                duplicates = duplicates.exclude(translation_key=self.page.translation_key)
            if duplicates.exists():
                raise ValidationError(
                    _(
                        "An association with this register number is already listed. If it is "
                        "yours, ask to join it instead."
                    ),
                    code="duplicate",
                )
        return value

    def clean_business_id(self):
        value = normalise_business_id(self.cleaned_data["business_id"])
        if value:
            validate_business_id(value)
        return value

    def clean_fields_of_activity(self):
        values = self.cleaned_data["fields_of_activity"]
        if len(values) > 3:
            raise ValidationError(_("Choose at most three fields of activity."))
        return values

    def clean(self):
        data = super().clean()
        has_logo = bool(data.get("logo")) or (
            self.page is not None and self.page.logo_id and not data.get("remove_logo")
        )
        if has_logo and not data.get("logo_alt", "").strip():
            self.add_error("logo_alt", _("Describe the logo for people who cannot see it."))
        return data


class NetworkJoinForm(DescribedMixin, forms.Form):
    """An association's request to join a network, sent by one of its members to the
    network's coordinator. `associations` are the sender's associations not yet in it."""

    association = forms.TypedChoiceField(
        label=_("Your association"),
        coerce=int,
        error_messages={
            "invalid_choice": _(
                "Choose one of your associations that is not yet a member of the network."
            )
        },
    )
    message = forms.CharField(
        label=_("Message to the coordinator"),
        max_length=2000,
        min_length=10,
        help_text=_("Tell briefly what your association does and why it wants to join."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, associations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.associations = {association.pk: association for association in associations}
        self.fields["association"].choices = [
            (association.pk, getattr(association, "shown_title", association.title))
            for association in associations
        ]

    def clean_association(self):
        return self.associations[self.cleaned_data["association"]]
