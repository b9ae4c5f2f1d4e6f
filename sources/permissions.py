"""Who may keep the sources: editors and superusers, and nobody else. Every admin view of the
sources, their runs and the keyword table asks this policy (registered for the models in
`SourcesConfig.ready`), so a new view inherits the rule; no group permission can widen it."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from wagtail.permission_policies import BasePermissionPolicy

from associations.permissions import EDITORS_GROUP, is_editor


class EditorsOnlyPermissionPolicy(BasePermissionPolicy):
    def user_has_permission(self, user, action):
        return getattr(user, "is_active", False) and is_editor(user)

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)

    def users_with_any_permission(self, actions):
        return (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | Q(groups__name=EDITORS_GROUP))
            .distinct()
        )
