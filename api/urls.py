"""The read API's routes, outside the language prefixes (`site/urls.py` includes them)."""

from django.urls import path

from .views import api

urlpatterns = [path("", api.urls)]
