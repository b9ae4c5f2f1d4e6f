"""A list of words editors keep and translate (themes, fields of activity): the abstract base.

Each kind is a translatable snippet: the name is translated, the slug (used in addresses such as
`?theme=funding`) and the order are the same in every language.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class TranslatableTaxonomy(TranslatableMixin, models.Model):
    """Subclasses name their unique slug constraint with `unique_slug_per_locale` in their Meta
    (its name is the database's, so each keeps its own)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=60, help_text=_("Used in addresses."))
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]
    override_translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @classmethod
    def choices(cls):
        """(slug, name) in the active language, the default language's name for a word not
        yet translated, in the editors' order. One query: for a `ChoiceListField`'s
        `item_choices` and for filters."""
        active = Locale.get_active().language_code
        rows = list(
            cls.objects.filter(
                Q(locale__language_code=active) | Q(locale__language_code=settings.LANGUAGE_CODE)
            ).values_list("slug", "name", "locale__language_code")
        )
        names = {slug: name for slug, name, code in rows if code == active}
        for slug, name, _code in rows:
            names.setdefault(slug, name)
        return list(names.items())


def unique_slug_per_locale(name):
    """The constraint that keeps one slug per language, under the database name `name`."""
    return models.UniqueConstraint(fields=["slug", "locale"], name=name)
