"""The association's events and the registrants of a training, in the association's member
area: included in the `associations` namespace through `associations.member_area`."""

from django.urls import path

from . import member_views, registrant_views

urlpatterns = [
    path("tili/yhdistys/<id:pk>/tapahtumat/", member_views.events_view, name="events"),
    path("tili/yhdistys/<id:pk>/tapahtumat/uusi/", member_views.new_event_view, name="event_new"),
    path(
        "tili/yhdistys/<id:pk>/tapahtumat/<id:training_pk>/",
        member_views.edit_event_view,
        name="event_edit",
    ),
    path(
        "tili/yhdistys/<id:pk>/ilmoittautuneet/<id:training_pk>/",
        registrant_views.registrants_view,
        name="registrants",
    ),
    path(
        "tili/yhdistys/<id:pk>/ilmoittautuneet/<id:training_pk>/csv/",
        registrant_views.registrants_csv_view,
        name="registrants_csv",
    ),
]
