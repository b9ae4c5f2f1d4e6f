"""An association's good practices on its profile."""

from django.utils.translation import gettext_lazy as _

from associations import offerings

from .models import GoodPracticePage


@offerings.register
def good_practices(association, request):
    return offerings.Offering(
        _("Good practices"),
        GoodPracticePage.objects.published()
        .filter(
            association__translation_key=association.translation_key,
            locale_id=association.locale_id,
        )
        .order_by("title"),
    )
