"""Short URLs of saved feed filters (included under each language prefix)."""

from django.urls import path

from . import views

urlpatterns = [
    path("calendar/s/<str:token>.ics", views.saved_feed_view, name="calendars_saved_feed"),
]
