"""The owner's spaces and equipment on its association profile."""

from django.utils.translation import gettext_lazy as _

from associations import offerings

from .models import EquipmentPage, SpacePage


@offerings.register
def spaces(association, request):
    return offerings.Offering(
        _("Spaces to share"),
        SpacePage.objects.live()
        .public()
        .filter(
            association__translation_key=association.translation_key,
            locale_id=association.locale_id,
        )
        .order_by("title"),
    )


@offerings.register
def equipment(association, request):
    return offerings.Offering(
        _("Equipment to lend"),
        EquipmentPage.objects.live()
        .public()
        .filter(
            association__translation_key=association.translation_key,
            locale_id=association.locale_id,
        )
        .order_by("title"),
    )
