"""Page permissions that follow the page permission policy page by page.

Wagtail's `PagePermissionTester` (what every admin view asks: may this user edit, delete, move
this page?) reads the permissions a user holds along the page's path in the tree, and lets the
creator (owner) of a page edit it, and delete it while unpublished, wherever they may add pages.
A policy that puts some pages out of a user's reach (the registered page permission policy's
`reaches(user, page)`) is then honoured here too: on such a page nothing is granted, not even
to its owner. Page types whose pages belong to someone use `PolicyPermissionsMixin`."""

from wagtail.models import PagePermissionTester


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
