"""The catalogue's listing links to the standing training-wish form ("What training would
your association need?") through `core.signposts`: the catalogue imports no survey.

The listing keeps a constant, small number of queries, so the form's address and dates are
cached per language and forgotten when a survey page is published or unpublished."""

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.signals import page_published, page_unpublished

from core import signposts

from .models import Purpose, SurveyPage

CACHE_SECONDS = 600
LANGUAGES = ("fi", "sv", "en")


def _key(language):
    return f"surveys:training-wish-form:{language}"


def _form(request, language):
    """(url, opens_at, closes_at) of the live training-wish form in `language`, or ()."""
    found = cache.get(_key(language))
    if found is None:
        # One query: a page of its own view restriction is left out (`public()` would add a
        # query of every restriction).
        page = (
            SurveyPage.objects.live()
            .filter(
                purpose=Purpose.TRAINING_WISHES,
                locale__language_code=language,
                view_restrictions__isnull=True,
            )
            .order_by("-first_published_at")
            .first()
        )
        found = (page.get_url(request), page.opens_at, page.closes_at) if page else ()
        cache.set(_key(language), found, CACHE_SECONDS)
    return found


@signposts.register("catalogue")
def training_wish_form(request):
    found = _form(request, get_language())
    if not found:
        return None
    url, opens_at, closes_at = found
    now = timezone.now()
    if (opens_at and now < opens_at) or (closes_at and now >= closes_at):
        return None
    return {"url": url, "text": _("What training would your association need?")}


def forget(sender, **kwargs):
    cache.delete_many([_key(language) for language in LANGUAGES])


page_published.connect(forget, sender=SurveyPage, dispatch_uid="surveys.signposts.published")
page_unpublished.connect(forget, sender=SurveyPage, dispatch_uid="surveys.signposts.unpublished")
