"""The people of the cooperation features' permission matrix: association A (the one the demo
member administers), another association B, and a plain member of each. `tests/conftest.py`
loads them for every test."""

import pytest

from associations.models import AssociationPage, Membership
from associations.permissions import associations_of


@pytest.fixture
def association_a(users):
    """The association the demo member administers (it owns the demo's first listing,
    practice and member event)."""
    return associations_of(users["member"], role="admin").first()


@pytest.fixture
def association_b(association_a):
    return (
        AssociationPage.objects.filter(locale__language_code="fi", live=True)
        .exclude(pk=association_a.pk)
        .first()
    )


def make_member(django_user_model, name, association, role):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "x")
    Membership.objects.create(user=user, association=association, role=role, status="active")
    return user


@pytest.fixture
def people(users, django_user_model, association_a, association_b):
    return {
        "anonymous": None,
        "member_a": make_member(django_user_model, "member-a", association_a, "member"),
        "member_b": make_member(django_user_model, "member-b", association_b, "member"),
        "admin_a": users["member"],
        "editor": users["editor"],
    }
