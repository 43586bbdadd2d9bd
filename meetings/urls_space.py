"""A space's meetings, relative to /ruimtes/<slug>/ (namespace "space_meetings")."""

from django.urls import path

from meetings import feeds, views

app_name = "space_meetings"
urlpatterns = [
    path("bijeenkomsten/", views.space_meeting_list, name="list"),
    path("bijeenkomsten/agenda.ics", feeds.space_agenda, name="agenda"),
]
