"""What the page types of every app share: the index page, and page permissions that follow
the page permission policy page by page.

**Index pages.** Every app's listing (the directory, the catalogue, spaces, equipment, funding,
exceptional situations, news) is an `IndexPage`: editors place one under each home page and
write its title and introduction; it lists its children for the filters in the query string.
Each index page says what it lists in `listing_context` and declares its children
(`subpage_types`), its page size and how many may exist as class attributes.

**How a page reaches its views** (one way for every page type):
- A plain GET of the page, query string included, goes through `get_context` (on an index
  page, `listing_context`), which returns `<name>_context(page, request)` of its app's
  `views.py`: a dict for the page's own template (`get_template` may pick another one, as the
  catalogue's month view does).
- A sub-URL (`archive/`, `tilastot/`, `varaa/`) or a form post goes through a `@path` method
  (Wagtail's `RoutablePageMixin`), which returns `<name>_view(page, request)`: a response. A
  sub-URL's HTML is rendered with `render_subpage`, so it does not compute the page's own
  listing.
- The page imports that one function inside the method: a page type is both a model and a
  URL, and its views need the app's models. Besides `AppConfig.ready`, this is the only
  import inside a function that the layers allow.
- Nothing else imports a views module but a `urls.py`. What views, feeds, alerts and the home
  page's highlights share lives in the querysets (`querysets.py`: the queries of one table,
  attached to its model, importing no model of their app) or in `queries.py` (reads across
  several tables, importing the models); views choose among them and build no queries.

**Permissions.** Wagtail's `PagePermissionTester` (what every admin view asks: may this user
edit, delete, move this page?) reads the permissions a user holds along the page's path in the
tree, and lets the creator (owner) of a page edit it, and delete it while unpublished, wherever
they may add pages. A policy that puts some pages out of a user's reach (the registered page
permission policy's `reaches(user, page)`) is then honoured here too: on such a page nothing is
granted, not even to its owner. Page types whose pages belong to someone use
`PolicyPermissionsMixin`."""

from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page, PagePermissionTester
from wagtail_localize.fields import TranslatableField


class IndexPage(Page):
    """A listing page under a home page, written and translated by editors (abstract).

    A plain GET of the page is its listing: `get_context` adds what `listing_context` returns
    for the request. Sub-URLs of an index (`@path` routes: an archive, statistics) answer with
    `render_subpage`, which leaves the listing out."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    override_translatable_fields = [TranslatableField("intro")]

    # Every listing sits right under the home page of its language.
    parent_page_types = ["home.HomePage"]
    page_size = 20

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing_context(request))
        return context

    def listing_context(self, request):
        """What the listing shows for `request` (its filters and page number)."""
        return {}


def render_subpage(page, request, template, context, status=None):
    """The HTML answer of a `@path` route of `page` (a sub-URL, or a form shown again with
    its errors): `template` with what every page template gets (`page`, `self`, `request`)
    and `context`, without computing what the page's own `get_context` adds."""
    return TemplateResponse(
        request, template, {**Page.get_context(page, request), **context}, status=status
    )


class SourcePageMixin:
    """For a page type whose records (memberships, bookings, status reports) belong to the
    page in the default language, which every translation shares. Put before `Page`."""

    @cached_property
    def source_page(self):
        """The page in the default language (Finnish), or this page if it has none."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        return (
            type(self)
            .objects.filter(
                translation_key=self.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .first()
            or self
        )


class PolicyPermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        reaches = getattr(self.permission_policy, "reaches", None)
        # `permissions` exists for active users who are not superusers, the only ones narrowed.
        if hasattr(self, "permissions") and reaches is not None and not reaches(user, page):
            self.permissions = set()


class PolicyPermissionsMixin:
    """Put before `Page` in a page type's bases."""

    def permissions_for_user(self, user):
        return PolicyPermissionTester(user, self)
