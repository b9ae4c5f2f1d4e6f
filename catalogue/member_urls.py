"""The registrants of a training, in the association's member area: included in the
`associations` namespace through `associations.member_area`."""

from django.urls import path

from . import registrant_views

urlpatterns = [
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
