"""The addresses under /ruimtes/ that only spaces serve. The list and the home page with its
content are composed in `pages/urls.py`."""

from django.urls import path

from spaces import views

urlpatterns = [
    path("", views.space_list, name="list"),
    path("uitnodiging/<str:token>/", views.invitation, name="invitation"),
    path("<slug:slug>/deelnemen/", views.space_join, name="join"),
    path("<slug:slug>/aanvragen/", views.space_request, name="request"),
    path("<slug:slug>/verlaten/", views.space_leave, name="leave"),
    path("<slug:slug>/verzoeken/", views.moderate_requests, name="requests"),
    path("<slug:slug>/verzoeken/<int:pk>/", views.moderate_decide, name="decide"),
    path("<slug:slug>/uitnodigen/", views.moderate_invite, name="invite"),
    path("<slug:slug>/leden/", views.moderate_members, name="members"),
    path("<slug:slug>/leden/<int:pk>/", views.moderate_member, name="member"),
    path("<slug:slug>/logboek/", views.moderate_log, name="log"),
]
