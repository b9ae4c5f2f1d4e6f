"""The directory in the Wagtail admin: the taxonomies as translatable snippets, memberships for
editors. Which pages a member reaches is the page permission policy's answer
(`permissions.AssociationPagePermissionPolicy`); the few Wagtail views that do not ask the
policy for everything they show (the page chooser and its "chosen" step, the bulk actions'
page lookup and the explorer of a single page) are pointed to it here."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
)
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet

from core.viewsets import TaxonomyViewSet

from .models import AssociationPage, CooperationTheme, FieldOfActivity, Membership
from .permissions import is_editor


class FieldOfActivityViewSet(TaxonomyViewSet):
    model = FieldOfActivity
    menu_label = _("Fields of activity")


class CooperationThemeViewSet(TaxonomyViewSet):
    model = CooperationTheme
    menu_label = _("Cooperation themes")


register_snippet(FieldOfActivityViewSet)
register_snippet(CooperationThemeViewSet)


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "group"
    menu_label = _("Memberships")
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["user", "association", "role", "status", "created_at"]
    list_filter = ["role", "status"]
    search_fields = ["user__email", "user__last_name", "association__title"]
    form_fields = ["user", "association", "role", "status", "message"]


@hooks.register("register_admin_viewset")
def register_membership_viewset():
    return MembershipViewSet("memberships")


@hooks.register("before_create_page")
def send_new_associations_to_the_form(request, parent_page, page_class):
    # Volunteers list a new association through the plain form, which also makes them its admin.
    if page_class is AssociationPage and not is_editor(request.user):
        return redirect("associations:apply")
    return None


def only_reachable_pages(pages, request):
    """Pages of `pages` a non-editor may see in the admin: published ones, and those the page
    permission policy lets them explore (their association's drafts and the pages above)."""
    if is_editor(request.user):
        return pages
    explorable = policy_registry.get_by_type(Page).explorable_instances(request.user)
    return pages.filter(Q(live=True) | Q(pk__in=explorable.values("pk")))


# Wagtail's page chooser lists every page by default (a link may point anywhere), so it is
# narrowed here to what the policy lets the user see: another association's drafts stay hidden.
hooks.register("construct_page_chooser_queryset", only_reachable_pages)


class ReachableChosenMultipleView(ChosenMultipleView):
    """The chooser's "chosen" step answers with the admin titles of the ids it is given, and
    Wagtail does not pass it through the chooser hook: ids of pages the user may not see are
    dropped (routed in the project's URLs, before Wagtail's own)."""

    def get(self, request):
        ids = [value for value in request.GET.getlist("id") if value.isdigit()]
        reachable = only_reachable_pages(Page.objects.filter(pk__in=ids), request)
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in reachable.values_list("pk", flat=True)])
        return super().get(request)


class ReachableExplorableIndexView(ExplorableIndexView):
    """The explorer of one page answers 404 for a page the policy does not let the user explore
    (Wagtail itself checks only that the page lies under the user's explorable root)."""

    def get(self, request, parent_page_id=None):
        explorable = self.permission_policy.explorable_instances(request.user)
        if parent_page_id is not None and not explorable.filter(pk=parent_page_id).exists():
            raise Http404
        return super().get(request, parent_page_id)


class ReachablePageViewSet(PageViewSet):
    """Wagtail's page views for every page type, with the explorer above."""

    index_view_class = ReachableExplorableIndexView


@hooks.register("register_admin_viewset")
def register_page_viewset():
    # After Wagtail's own base page viewset (order -1), so this one serves every page type.
    return ReachablePageViewSet()


class OnlyReachablePagesBulkAction:
    """Wagtail's page bulk actions look pages up by id alone, and their confirmation page names
    the pages the user may not act on. Those the user may not see at all are left out, and a
    request for nothing but such pages answers 404, as for a page that does not exist."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        hidden = extra.get("items_with_no_access", [])
        if hidden and not is_editor(self.request.user):
            explorable = policy_registry.get_by_type(Page).explorable_instances(self.request.user)
            visible = set(
                explorable.filter(pk__in=[page.pk for page in hidden]).values_list("pk", flat=True)
            )
            hidden = [page for page in hidden if page.pk in visible]
            if not objects and not hidden:
                raise Http404
            extra = {**extra, "items_with_no_access": hidden}
        return objects, extra


class DeletePagesBulkAction(OnlyReachablePagesBulkAction, DeleteBulkAction):
    pass


class MovePagesBulkAction(OnlyReachablePagesBulkAction, MoveBulkAction):
    pass


class PublishPagesBulkAction(OnlyReachablePagesBulkAction, PublishBulkAction):
    pass


class UnpublishPagesBulkAction(OnlyReachablePagesBulkAction, UnpublishBulkAction):
    pass


for bulk_action in (
    DeletePagesBulkAction,
    MovePagesBulkAction,
    PublishPagesBulkAction,
    UnpublishPagesBulkAction,
):
    # After Wagtail's own (order 1): the same action type, so these replace them.
    hooks.register("register_bulk_action", bulk_action, order=1)
