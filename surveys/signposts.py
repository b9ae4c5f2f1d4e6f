"""The catalogue's listing links to the standing training-wish form ("What training would
your association need?") through `core.signposts`: the catalogue imports no survey."""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import signposts

from .models import Purpose, SurveyPage


@signposts.register("catalogue")
def training_wish_form(request):
    page = (
        SurveyPage.objects.live()
        .public()
        .filter(purpose=Purpose.TRAINING_WISHES, locale__language_code=get_language())
        .order_by("-first_published_at")
        .first()
    )
    if page is None or page.state() != "open":
        return None
    return {"url": page.get_url(request), "text": _("What training would your association need?")}
