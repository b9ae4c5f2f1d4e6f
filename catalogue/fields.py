"""Kept only for the migrations that name `catalogue.fields.ChoiceListField`; code imports
`core.fields`."""

from core.fields import ChoiceListField  # noqa: F401 - named by migrations
