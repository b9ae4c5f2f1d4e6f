"""The directory in the Wagtail admin: the taxonomies as translatable snippets, memberships for
editors, and the scoping that keeps members to their own association's pages."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import AssociationPage, CooperationTheme, FieldOfActivity, Membership
from .permissions import association_of, can_edit, is_editor


class FieldOfActivityViewSet(SnippetViewSet):
    model = FieldOfActivity
    icon = "tag"
    menu_label = _("Fields of activity")
    list_display = ["name", "slug", "sort_order"]


class CooperationThemeViewSet(SnippetViewSet):
    model = CooperationTheme
    icon = "tag"
    menu_label = _("Cooperation themes")
    list_display = ["name", "slug", "sort_order"]


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


def _deny_other_association(request, page, *args):
    """Members edit only their association's pages: the Members group's page permissions cover
    the index pages of association content (`member_pages`), so that is narrowed here to the
    pages of the member's own association; the index pages themselves stay with editors."""
    if is_editor(request.user):
        return None
    if association_of(page) is None or not can_edit(request.user, page):
        raise PermissionDenied
    return None


for hook_name in (
    "before_edit_page",
    "before_delete_page",
    "before_copy_page",
    "before_move_page",
    "before_unpublish_page",
    "before_convert_alias_page",
):
    hooks.register(hook_name, _deny_other_association)


@hooks.register("before_create_page")
def send_new_associations_to_the_form(request, parent_page, page_class):
    # Volunteers list a new association through the plain form, which also makes them its admin.
    if page_class is AssociationPage and not is_editor(request.user):
        return redirect("associations:apply")
    return None


@hooks.register("construct_explorer_page_queryset")
def hide_other_associations(parent_page, pages, request):
    if is_editor(request.user):
        return pages
    from .permissions import associations_of

    own_keys = list(associations_of(request.user).values_list("translation_key", flat=True))
    return pages.exclude(
        content_type__model="associationpage",
        content_type__app_label="associations",
    ) | pages.filter(
        content_type__model="associationpage",
        content_type__app_label="associations",
        translation_key__in=own_keys,
    )
