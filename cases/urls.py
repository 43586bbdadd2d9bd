from django.urls import path

from cases import feeds, views

app_name = "cases"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("feed/", feeds.CaseFeed(), name="feed"),
    path("<slug:slug>/", views.case_detail, name="detail"),
]
